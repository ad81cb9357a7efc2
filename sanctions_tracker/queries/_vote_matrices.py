"""The positions taken on documents as matrices, for counting agreement by products.

A country's position on a document is the vote of its signature (``for``, ``abstain``,
``against``; a signature without a vote is a vote for); a withdrawn signature, an
``absent`` or a ``non-voting`` record is none. :func:`vote_matrices` puts them in four
document x country matrices of ``float32`` (numpy hands their products to BLAS, and
float32 adds whole numbers exactly up to 2**24):

- ``recorded``: 1 where the country took a position;
- ``yes`` and ``abstain``: 1 where it voted for, where it abstained;
- ``signed``: 1 for, -1 against, 0 otherwise.

The documents (rows) are sorted by their first day, so that the documents of a period
are a slice of rows, and the columns are the countries that took a position anywhere,
in the order of their codes. A :class:`~sanctions_tracker.queries.Prepared` of a
Dataset builds them once.

>>> from sanctions_tracker.dataset import Dataset
>>> from sanctions_tracker.records import JointStatement, Signature
>>> ds = Dataset(statements=[
...     JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="against")]),
...     JointStatement("a", "A", "2020-05-01", signatures=["FR"]),
... ])
>>> m = vote_matrices(ds.tables)
>>> m.countries.to_list(), m.signed.tolist()
(['DE', 'FR'], [[0.0, 1.0], [-1.0, 1.0]])
>>> m.rows(None, dt.date(2020, 6, 1), None)
slice(1, 2, None)
"""

from __future__ import annotations

import datetime as dt

import attrs
import numpy as np
import numpy.typing as npt
import polars as pl

from sanctions_tracker.columns import country_dtype
from sanctions_tracker.records import POSITIONS, VOTES
from sanctions_tracker.tables import Tables, last_day

__all__ = ["VoteMatrices", "vote_matrices"]

Matrix = npt.NDArray[np.float32]
Rows = slice | npt.NDArray[np.int64]

_FOR, _ABSTAIN, _AGAINST = (VOTES.index(vote) for vote in ("for", "abstain", "against"))


@attrs.frozen(eq=False)
class VoteMatrices:
    """Every position on every document, as matrices of documents (by date) x countries.

    Attributes:
        countries: the code of each column.
        document_rows: for each row of the documents table, its row here.
        first: each row's first day (ascending), as ``datetime64[D]``.
        last: each row's last day (a partial date's last day).
        recorded: 1 where the country took a position.
        yes: 1 where it voted for.
        abstain: 1 where it abstained.
        signed: 1 for, -1 against, 0 otherwise.
    """

    countries: pl.Series
    document_rows: npt.NDArray[np.int64]
    first: npt.NDArray[np.datetime64]
    last: npt.NDArray[np.datetime64]
    recorded: Matrix
    yes: Matrix
    abstain: Matrix
    signed: Matrix

    def rows(
        self,
        documents: npt.NDArray[np.bool_] | None,
        start: dt.date | None,
        end: dt.date | None,
    ) -> Rows:
        """The rows of the documents chosen (a mask over the documents table; all when
        None) dated from ``start`` (first day) to ``end`` (last day): a slice when they
        are one run of rows, so that the matrices are not copied."""
        low = 0 if start is None else int(np.searchsorted(self.first, np.datetime64(start, "D")))
        high = (
            self.first.size
            if end is None
            else int(np.searchsorted(self.first, np.datetime64(end, "D"), side="right"))
        )
        high = max(high, low)
        inside = np.ones(high - low, dtype=bool)
        if end is not None:
            inside &= self.last[low:high] <= np.datetime64(end, "D")
        if documents is not None:
            chosen = np.zeros(self.first.size, dtype=bool)
            chosen[self.document_rows[documents]] = True
            inside &= chosen[low:high]
        if inside.all():
            return slice(low, high)
        return np.flatnonzero(inside) + low


def _document_rows(
    ids: pl.Series, documents: pl.Series, rows: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The row of each id's document, found for each run of equal ids (a roll call's
    votes come together): a join of thousands of runs, not of a million ids."""
    runs = ids.rle().struct.unnest()
    found = runs.select("value").join(
        pl.DataFrame({"value": documents, "_row": rows}),
        on="value",
        how="left",
        maintain_order="left",
    )
    return np.repeat(found["_row"].to_numpy(), runs["len"].to_numpy())


def vote_matrices(tables: Tables) -> VoteMatrices:
    """The positions of ``tables`` as :class:`VoteMatrices`.

    Without a Python loop: each signature's document is found by a join of the runs
    of equal ids (a roll call's votes come together) with the documents, and the
    positions are scattered into one matrix of small codes.
    """
    documents = tables.documents.select(
        "document_id", pl.col("date").alias("first"), last_day("date").alias("last")
    )
    first = documents["first"].to_numpy().astype("datetime64[D]")
    order = np.argsort(first, kind="stable")
    document_rows = np.empty(order.size, dtype=np.int64)
    document_rows[order] = np.arange(order.size)
    categories = pl.Series(country_dtype().categories)
    every = categories.len()
    signatures = tables.signatures
    # each vote's cell in a flat grid of documents x every country code: its row's
    # start plus its country's code
    start = _document_rows(
        signatures["document_id"], documents["document_id"], document_rows * every
    )
    country = signatures["country"].to_physical().fill_null(0).to_numpy()
    votes = signatures["vote"].fill_null("for")
    codes = votes.to_physical().to_numpy().astype(np.int8) + 1  # 0 is no position
    kept = (
        (signatures["party_kind"] == "country")
        & signatures["withdrawn_on"].is_null()
        & votes.is_in(POSITIONS)
    )
    if not kept.all():
        keep = kept.to_numpy()
        start, country, codes = start[keep], country[keep], codes[keep]
    cells = np.zeros(order.size * every, dtype=np.int8)
    cells[start + country] = codes
    wide = cells.reshape(order.size, every)
    present = np.flatnonzero(wide.any(axis=0))
    grid = wide[:, present]
    yes = (grid == _FOR + 1).astype(np.float32)
    abstain = (grid == _ABSTAIN + 1).astype(np.float32)
    signed = yes - (grid == _AGAINST + 1)
    return VoteMatrices(
        countries=categories.gather(present),
        document_rows=document_rows,
        first=first[order],
        last=documents["last"].to_numpy().astype("datetime64[D]")[order],
        recorded=(grid > 0).astype(np.float32),
        yes=yes,
        abstain=abstain,
        signed=signed.astype(np.float32, copy=False),
    )
