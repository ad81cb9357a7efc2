"""How often two countries take the same position: every pair at once, by matrix products.

One document x country matrix per view of the positions (see
:mod:`sanctions_tracker.queries._vote_matrices`) makes every pair's counts a product
``M.T @ M``: with ``R`` (1 where a position was taken), ``Y`` (1 for a vote for),
``A`` (1 for an abstention) and ``S`` (1 for, -1 against), the documents two countries
both took a position on are ``R.T @ R``, both supported ``Y.T @ Y``, and the UN-voting
score's numerator (1 the same vote, 0.5 one abstained and the other did not, 0
opposite votes) is ``(R.T @ R + S.T @ S + A.T @ A) / 2``: ``S`` gives 1 to the same
vote for or against and -1 to opposite votes, ``A`` gives 1 to two abstentions. The
diagonals count each country's own positions and votes for.

Every roll call of the General Assembly since 1946 is a matrix of 6,203 documents by
199 countries: each product is a symmetric rank-k update of BLAS (``syrk``), about
2 ms on one core, two at a time on two threads of one BLAS thread each (see
:mod:`sanctions_tracker.queries._blas`). The matrices are built once per Dataset;
their rows are sorted by date, so that a period is a slice of rows and costs only its
share of the products.

>>> from sanctions_tracker.dataset import Dataset
>>> from sanctions_tracker.records import JointStatement, Signature
>>> ds = Dataset(statements=[
...     JointStatement("a", "A", "2020", signatures=["FR", "DE"]),
...     JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="abstain")]),
... ])
>>> agreement(ds.tables).collect().select("country_a", "country_b", "jaccard",
...                                        "vote_agreement").rows()
[('DE', 'FR', 0.5, 0.75)]
>>> agreement(ds.tables, since="2021-01-01").collect()["vote_agreement"].to_list()
[0.5]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import polars as pl

from sanctions_tracker._advice import SINCE_UNTIL
from sanctions_tracker.errors import QueryError, UnknownDocumentError
from sanctions_tracker.queries._args import DayLike, _day
from sanctions_tracker.queries._blas import grams
from sanctions_tracker.queries._frames import Prepared, prepared
from sanctions_tracker.tables import Tables

__all__ = ["agreement"]

AGREEMENT_SCHEMA = pl.Schema(
    {
        "country_a": pl.String(),
        "country_b": pl.String(),
        "co_signed": pl.Int64(),
        "either_signed": pl.Int64(),
        "jaccard": pl.Float64(),
        "both_recorded": pl.Int64(),
        "vote_agreement": pl.Float64(),
    }
)


def agreement(
    tables: Tables | Prepared,
    documents: Iterable[str] | None = None,
    *,
    since: DayLike | None = None,
    until: DayLike | None = None,
) -> pl.LazyFrame:
    """How often two countries take the same position, across a set of documents.

    A country's position on a document is the vote of its signature (``for``,
    ``abstain``, ``against``); a withdrawn signature is no position, nor is silence,
    nor a vote recorded as ``absent`` or ``non-voting``. ``jaccard`` compares the sets
    of documents each supported (voted ``for``): shared / either. ``vote_agreement``
    is the UN-voting score over the documents where both recorded a position: 1 for
    the same vote, 0.5 when one abstained and the other did not, 0 for opposite
    votes, averaged. One row per pair of countries that recorded a position on one of
    the documents (``country_a < country_b``), sorted.

    Not a plan: the pairs come from matrix products (numpy), which run when the frame
    is collected (``polars.defer``); a Dataset builds the matrices at the first call
    and keeps them.

    Args:
        tables: A dataset's tables (or their prepared frames).
        documents: The documents to compare on; all by default.
        since: Only documents dated on or after this day.
        until: Only documents whose whole date is on or before this day.

    Raises:
        UnknownDocumentError: A named document is not in the dataset.
        QueryError: A bad date, or since after until.
    """
    frames = prepared(tables)
    named = None
    if documents is not None:
        named = [documents] if isinstance(documents, str) else list(documents)
        ids = frames.tables.documents["document_id"]
        missing = sorted(set(named) - set(ids.to_list()))
        if missing:
            raise UnknownDocumentError(missing[0], known=ids.sort().to_list())
    start, end = _day(since, "since"), _day(until, "until")
    if start is not None and end is not None and start > end:
        raise QueryError(f"since {start} is after until {end}: {SINCE_UNTIL.python}")
    return pl.defer(lambda: _pairs(frames, named, start, end), schema=AGREEMENT_SCHEMA)


def _pairs(
    frames: Prepared, named: list[str] | None, start: dt.date | None, end: dt.date | None
) -> pl.DataFrame:
    """Every pair's counts and scores over the chosen documents, by matrix products."""
    matrices = frames.vote_matrices()
    chosen = None
    if named is not None:
        chosen = frames.tables.documents["document_id"].is_in(named).to_numpy()
    rows = matrices.rows(chosen, start, end)
    both, shared, signed, abstained = grams(matrices.views(rows))
    present = np.flatnonzero(np.diagonal(both))
    a, b = (present[i] for i in np.triu_indices(present.size, k=1))
    supported = np.diagonal(shared)
    names = matrices.countries
    frame = pl.DataFrame(
        {
            "country_a": names.gather(a),
            "country_b": names.gather(b),
            "co_signed": shared[a, b],
            "either_signed": supported[a] + supported[b] - shared[a, b],
            "_score": (both[a, b] + signed[a, b] + abstained[a, b]) / 2,
            "both_recorded": both[a, b],
        },
        schema_overrides={"country_a": pl.String, "country_b": pl.String},
    )
    return frame.select(
        "country_a",
        "country_b",
        "co_signed",
        "either_signed",
        pl.when(pl.col("either_signed") > 0)
        .then(pl.col("co_signed") / pl.col("either_signed"))
        .alias("jaccard"),
        "both_recorded",
        pl.when(pl.col("both_recorded") > 0)
        .then(pl.col("_score") / pl.col("both_recorded"))
        .alias("vote_agreement"),
    )
