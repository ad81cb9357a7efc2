"""The positions taken on documents as matrices, for counting agreement by products.

A country's position on a document is the vote of its signature (``for``, ``abstain``,
``against``; a signature without a vote is a vote for); a withdrawn signature, an
``absent`` or a ``non-voting`` record is none. :func:`vote_matrices` puts them in one
document x country grid of small codes (0 for no position, else 1 + the vote's place in
:data:`~sanctions_tracker.records.VOTES`), and :meth:`VoteMatrices.views` makes of the
rows a query chooses four matrices of ``float32`` (numpy hands their products to BLAS,
and float32 adds whole numbers exactly up to 2**24):

- ``recorded``: 1 where the country took a position;
- ``yes`` and ``abstain``: 1 where it voted for, where it abstained;
- ``signed``: 1 for, -1 against, 0 otherwise.

The documents (rows) are sorted by their first day, so that the documents of a period
are a slice of rows, and the columns are the countries that took a position anywhere,
in the order of their codes. A :class:`~sanctions_tracker.queries.Prepared` of a
Dataset builds the grid once: a byte a cell, a fifth of the four matrices, so that
the first query of a Dataset does not spend its time writing memory it may not use.

>>> from sanctions_tracker.dataset import Dataset
>>> from sanctions_tracker.records import JointStatement, Signature
>>> ds = Dataset(statements=[
...     JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="against")]),
...     JointStatement("a", "A", "2020-05-01", signatures=["FR"]),
... ])
>>> m = vote_matrices(ds.tables)
>>> recorded, yes, signed, abstain = m.views(slice(None))
>>> m.countries.to_list(), signed.tolist()
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
# The grid's code of each vote (by its place in VOTES): 0 is no position.
_CODES = np.arange(1, len(VOTES) + 1, dtype=np.int8)


@attrs.frozen(eq=False)
class VoteMatrices:
    """Every position on every document, as a grid of documents (by date) x countries.

    Attributes:
        countries: the code of each column.
        document_rows: for each row of the documents table, its row here.
        first: each row's first day (ascending), as ``datetime64[D]``.
        last: each row's last day (a partial date's last day).
        grid: 0 where the country took no position, else 1 + its vote's place in
            :data:`~sanctions_tracker.records.VOTES`.
    """

    countries: pl.Series
    document_rows: npt.NDArray[np.int64]
    first: npt.NDArray[np.datetime64]
    last: npt.NDArray[np.datetime64]
    grid: npt.NDArray[np.int8]

    def views(self, rows: Rows) -> tuple[Matrix, Matrix, Matrix, Matrix]:
        """The matrices ``recorded``, ``yes``, ``signed`` and ``abstain`` of ``rows``."""
        grid = self.grid[rows]
        yes = (grid == _FOR + 1).astype(np.float32)
        signed = yes - (grid == _AGAINST + 1)
        return (
            (grid > 0).astype(np.float32),
            yes,
            signed.astype(np.float32, copy=False),
            (grid == _ABSTAIN + 1).astype(np.float32),
        )

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
    ids: pl.Series, documents: pl.Series, rows: npt.NDArray[np.intp]
) -> npt.NDArray[np.intp]:
    """The row of each id's document, found for each run of equal ids (a roll call's
    votes come together): thousands of runs looked up, not a million ids.

    >>> _document_rows(pl.Series(["b", "b", "a"]), pl.Series(["a", "b"]),
    ...                np.array([10, 20], dtype=np.intp)).tolist()
    [20, 20, 10]
    """
    runs = ids.rle().struct.unnest()
    # Each run's document by its place among the documents (an Enum of their ids).
    places = runs["value"].cast(pl.Enum(documents)).to_physical().to_numpy()
    return np.repeat(rows[places], runs["len"].to_numpy())


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
    # start plus its country's code (the grid of 6,203 roll calls has 1.7 million)
    cell = _document_rows(
        signatures["document_id"],
        documents["document_id"],
        (document_rows * every).astype(np.intp),
    )
    cell += signatures["country"].to_physical().fill_null(0).to_numpy()
    votes = signatures["vote"].fill_null("for")
    codes = _CODES[votes.to_physical().to_numpy()]
    kept = (
        (signatures["party_kind"] == "country")
        & signatures["withdrawn_on"].is_null()
        & votes.is_in(POSITIONS)
    )
    if not kept.all():
        keep = kept.to_numpy()
        cell, codes = cell[keep], codes[keep]
    cells = np.zeros(order.size * every, dtype=np.int8)
    cells[cell] = codes
    wide = cells.reshape(order.size, every)
    present = np.flatnonzero(wide.any(axis=0))
    return VoteMatrices(
        countries=categories.gather(present),
        document_rows=document_rows,
        first=first[order],
        last=documents["last"].to_numpy().astype("datetime64[D]")[order],
        grid=wide[:, present],
    )
