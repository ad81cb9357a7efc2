"""How often two countries take the same position: every pair at once, by matrix products.

One country x document matrix per position (``for``, ``abstain``, ``against``) makes
every pair's counts a matrix product. With ``Y``, ``A``, ``N`` those 0/1 matrices,
``P = Y + A + N`` (a position recorded), ``W = Y + N`` and ``V = Y - N``:

- documents where both recorded a position: ``P @ P.T``;
- documents both supported: ``Y @ Y.T``;
- the numerator of the UN-voting score (1 for the same vote, 0.5 when one abstained
  and the other did not, 0 for opposite votes), same + half / 2, is
  ``(V @ V.T + A @ A.T + P @ P.T) / 2``: ``P P' = W W' + A A' + half``,
  ``W W' = Y Y' + N N' + opposite`` and ``V V' = Y Y' + N N' - opposite``.

Each product is of a matrix with its own transpose (one symmetric rank-k update in
BLAS). The positions (country, document and vote of each signature, as integers) are
prepared once per Dataset, so that another period costs only the products.

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
import numpy.typing as npt
import polars as pl

from sanctions_tracker.columns import country_dtype
from sanctions_tracker.errors import QueryError, UnknownDocumentError
from sanctions_tracker.queries._args import DayLike, _day
from sanctions_tracker.queries._frames import Prepared, prepared
from sanctions_tracker.records import POSITIONS, VOTES
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
_CODES = tuple(VOTES.index(vote) + 1 for vote in POSITIONS)  # 0 is no position


def _chosen(
    documents: pl.DataFrame, named: list[str] | None, start: dt.date | None, end: dt.date | None
) -> npt.NDArray[np.bool_]:
    """Which documents count: those named (all by default) lying inside the period."""
    chosen = np.ones(documents.height, dtype=bool)
    if named is not None:
        chosen = documents["document_id"].is_in(named).to_numpy()
    if start is not None:
        chosen &= (documents["first"] >= start).to_numpy()
    if end is not None:
        chosen &= (documents["last"] <= end).to_numpy()
    return chosen


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
    is collected (``polars.defer``).

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
        raise QueryError(f"since {start} is after until {end}: give since <= until")
    return pl.defer(lambda: _pairs(frames, named, start, end), schema=AGREEMENT_SCHEMA)


def _pairs(
    frames: Prepared, named: list[str] | None, start: dt.date | None, end: dt.date | None
) -> pl.DataFrame:
    """Every pair's counts and scores, over the chosen documents, by matrix products."""
    chosen = _chosen(frames.dated_documents().collect(), named, start, end)
    positions = frames.positions().collect()
    country = positions["country"].to_numpy()
    document = positions["document"].to_numpy()
    vote = positions["vote"].to_numpy()
    if not chosen.all():
        keep = chosen[document]
        country, document, vote = country[keep], document[keep], vote[keep]
    if country.size == 0:
        return pl.DataFrame(schema=AGREEMENT_SCHEMA)
    present = np.flatnonzero(np.bincount(country))
    used = np.flatnonzero(chosen)
    row_of = np.zeros(present[-1] + 1, dtype=np.int64)
    row_of[present] = np.arange(present.size)
    column_of = np.zeros(chosen.size, dtype=np.int64)
    column_of[used] = np.arange(used.size)
    codes = np.zeros((present.size, used.size), dtype=np.int8)
    codes[row_of[country], column_of[document]] = vote + 1
    yes, abstain, no = ((codes == code).astype(np.float32) for code in _CODES)
    recorded = yes + abstain + no
    decisive = yes - no
    both = recorded @ recorded.T
    score = (decisive @ decisive.T + abstain @ abstain.T + both) / 2
    shared = yes @ yes.T
    supported = yes.sum(axis=1)
    a, b = np.triu_indices(present.size, k=1)
    names = pl.Series(country_dtype().categories.to_list()).gather(present)
    co_signed = shared[a, b].round().astype(np.int64)
    both_recorded = both[a, b].round().astype(np.int64)
    frame = pl.DataFrame(
        {
            "country_a": names.gather(a),
            "country_b": names.gather(b),
            "co_signed": co_signed,
            "either_signed": (supported[a] + supported[b]).round().astype(np.int64) - co_signed,
            "_score": score[a, b].astype(np.float64),
            "both_recorded": both_recorded,
        }
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
