"""How often two countries take the same position: every pair at once, in bits.

One country x document matrix of bits per position (``for``, ``abstain``,
``against``) makes every pair's counts a few word-wise ANDs and population counts: for
countries a and b, the documents both recorded a position on are
``popcount(P[a] & P[b])`` with ``P = Y | A | N``, both supported
``popcount(Y[a] & Y[b])``, voted the same ``popcount(Y[a] & Y[b] | A[a] & A[b] |
N[a] & N[b])`` and opposite ways ``popcount(Y[a] & N[b] | N[a] & Y[b])``. The
UN-voting score's numerator (1 the same vote, 0.5 one abstained and the other did not,
0 opposite votes) is same + (both - same - opposite) / 2.

Every roll call of the General Assembly since 1946 is 6,203 documents: 97 words a
country, and 19,701 pairs of 97 words, counted with numpy's ``bitwise_count`` on one
core. (Matrix products give the same counts, but BLAS's threads fare badly on a
loaded machine: a product that takes 2 ms alone took up to 1.5 s.) The positions
(country, document and vote of each signature, as integers) are prepared once per
Dataset, so that another period costs only the counting.

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


def _bits(chosen: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint64]:
    """Each row of a 0/1 matrix as 64-bit words of bits."""
    packed = np.packbits(chosen, axis=1)
    words = np.zeros((packed.shape[0], -(-packed.shape[1] // 8) * 8), dtype=np.uint8)
    words[:, : packed.shape[1]] = packed
    return words.view(np.uint64)


Counts = tuple[npt.NDArray[np.int64], ...]


def _pair_counts(
    i: int,
    yes: npt.NDArray[np.uint64],
    abstain: npt.NDArray[np.uint64],
    no: npt.NDArray[np.uint64],
    recorded: npt.NDArray[np.uint64],
) -> Counts:
    """Country ``i`` against every later one: documents both recorded, both supported,
    voted the same, voted opposite ways."""

    def count(words: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
        counted: npt.NDArray[np.int64] = np.bitwise_count(words).sum(axis=1, dtype=np.int64)
        return counted

    later = slice(i + 1, None)
    both_yes = yes[later] & yes[i]
    same = both_yes | (abstain[later] & abstain[i]) | (no[later] & no[i])
    opposite = (yes[later] & no[i]) | (no[later] & yes[i])
    return count(recorded[later] & recorded[i]), count(both_yes), count(same), count(opposite)


def _pairs(
    frames: Prepared, named: list[str] | None, start: dt.date | None, end: dt.date | None
) -> pl.DataFrame:
    """Every pair's counts and scores, over the chosen documents, by counting bits."""
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
    yes, abstain, no = (_bits(codes == code) for code in _CODES)
    recorded = yes | abstain | no
    counts = [_pair_counts(i, yes, abstain, no, recorded) for i in range(present.size - 1)]
    both, shared, same, opposite = (
        np.concatenate([c[k] for c in counts]) if counts else np.zeros(0, dtype=np.int64)
        for k in range(4)
    )
    supported = np.bitwise_count(yes).sum(axis=1, dtype=np.int64)
    a, b = np.triu_indices(present.size, k=1)
    names = pl.Series(country_dtype().categories.to_list()).gather(present)
    frame = pl.DataFrame(
        {
            "country_a": names.gather(a),
            "country_b": names.gather(b),
            "co_signed": shared,
            "either_signed": supported[a] + supported[b] - shared,
            "_score": (both + same - opposite) / 2,
            "both_recorded": both,
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
