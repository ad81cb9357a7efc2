"""Comparisons across documents: how often two countries agree, how united a bloc is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import polars as pl

from sanctions_tracker.queries._args import (
    DayLike,
    _as_of,
    _bloc_code,
    _document_ids,
    _regime_ids,
)
from sanctions_tracker.queries._frames import Prepared, Switches, _participants, prepared
from sanctions_tracker.records import POSITIONS
from sanctions_tracker.tables import Tables, last_day

__all__ = ["agreement", "bloc_cohesion"]

_AGREEMENT_SCHEMA = pl.Schema(
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


def agreement(tables: Tables | Prepared, documents: Iterable[str] | None = None) -> pl.LazyFrame:
    """How often two countries take the same position, across a set of documents.

    A country's position on a document is the vote of its signature (``for``,
    ``abstain``, ``against``); a withdrawn signature is no position, nor is silence,
    nor a vote recorded as ``absent`` or ``non-voting``.
    ``jaccard`` compares the sets of documents each supported (voted ``for``):
    shared / either. ``vote_agreement`` is the UN-voting score over the documents
    where both recorded a position: 1 for the same vote, 0.5 when one abstained and
    the other did not, 0 for opposite votes, averaged. One row per pair of countries
    that recorded a position (``country_a < country_b``).

    The pairs come from matrix products (numpy) rather than a self-join, which at
    400,000 signatures would make tens of millions of rows; the products run when
    the frame is collected (``polars.defer``).

    >>> from sanctions_tracker.records import JointStatement, Signature
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[
    ...     JointStatement("a", "A", "2020", signatures=["FR", "DE"]),
    ...     JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="abstain")]),
    ... ])
    >>> agreement(ds.tables).collect().select("country_a", "country_b", "jaccard",
    ...                                         "vote_agreement").rows()
    [('DE', 'FR', 0.5, 0.75)]
    """
    frames = prepared(tables)
    ids = _document_ids(frames.tables, documents)
    positions = (
        frames.tables.signatures.lazy()
        .filter(
            (pl.col("party_kind") == "country")
            & pl.col("withdrawn_on").is_null()
            & pl.col("document_id").is_in(ids)
            & pl.col("vote").cast(pl.String).fill_null("for").is_in(POSITIONS)
        )
        .select(
            pl.col("party").alias("country"),
            "document_id",
            pl.col("vote").cast(pl.String).fill_null("for").alias("vote"),
        )
    )
    return pl.defer(lambda: _pairs(positions.collect(), ids), schema=_AGREEMENT_SCHEMA)


def _pairs(positions: pl.DataFrame, ids: list[str]) -> pl.DataFrame:
    """The agreement of every pair of countries, from their positions, by matrix products."""
    if positions.height == 0:
        return pl.DataFrame(schema=_AGREEMENT_SCHEMA)
    countries = positions["country"].unique().sort()
    rows = positions["country"].cast(pl.Enum(countries.to_list())).to_physical().to_numpy()
    columns = positions["document_id"].cast(pl.Enum(sorted(set(ids)))).to_physical().to_numpy()
    shape = (countries.len(), len(set(ids)))
    votes = positions["vote"].to_numpy()
    matrices = {}
    for vote in ("for", "abstain", "against"):
        m = np.zeros(shape, dtype=np.float32)
        chosen = votes == vote
        m[rows[chosen], columns[chosen]] = 1.0
        matrices[vote] = m
    yes, abstain, no = matrices["for"], matrices["abstain"], matrices["against"]
    present = yes + abstain + no
    both = present @ present.T
    same = yes @ yes.T + abstain @ abstain.T + no @ no.T
    half = abstain @ (yes + no).T
    half = half + half.T
    supported = yes.sum(axis=1)
    shared = yes @ yes.T
    either = supported[:, None] + supported[None, :] - shared
    a, b = np.triu_indices(countries.len(), k=1)
    frame = pl.DataFrame(
        {
            "country_a": countries.gather(a),
            "country_b": countries.gather(b),
            "co_signed": shared[a, b].round().astype(np.int64),
            "either_signed": either[a, b].round().astype(np.int64),
            "_same": same[a, b].astype(np.float64),
            "_half": half[a, b].astype(np.float64),
            "both_recorded": both[a, b].round().astype(np.int64),
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
        .then((pl.col("_same") + 0.5 * pl.col("_half")) / pl.col("both_recorded"))
        .alias("vote_agreement"),
    ).cast(dict(_AGREEMENT_SCHEMA))  # type: ignore[arg-type]  # a Schema maps names to types


def bloc_cohesion(
    tables: Tables | Prepared,
    bloc: str,
    *,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    as_of: DayLike | None = None,
    via_alignment: bool = True,
) -> pl.LazyFrame:
    """The share of a bloc's members that signed each document or take part in each regime.

    For a document: the members for the whole of the document's date, and those of
    them with a signature of their own on it that is not withdrawn. For a regime:
    the members on ``as_of`` (default today) and those of them taking part in it
    that day (as authority, through a bloc, or by alignment). With neither
    ``documents`` nor ``regimes``, every document and every regime.

    Returns:
        ``kind`` (``document`` or ``regime``), ``id``, ``on``, ``members``,
        ``participants`` and ``share`` (null when the bloc had no members).

    >>> from sanctions_tracker.records import JointStatement
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY",
    ...                                         signatures=["FR", "DE", "JP"])])
    >>> bloc_cohesion(ds.tables, "EU").collect().select("id", "members", "participants").rows()
    [('s', 27, 2)]
    """
    frames = prepared(tables)
    code = _bloc_code(frames.tables, bloc)
    everything = documents is None and regimes is None
    parts: list[pl.LazyFrame] = []
    if documents is not None or everything:
        parts.append(_document_cohesion(frames, code, _document_ids(frames.tables, documents)))
    if regimes is not None or everything:
        day = _as_of(as_of)
        wanted = _regime_ids(frames.tables, regimes)
        parts.append(
            _regime_cohesion(
                frames,
                code,
                day,
                frames.tables.regimes["regime_id"].to_list() if wanted is None else wanted,
                via_alignment=via_alignment,
            )
        )
    columns = ["kind", "id", "on", "members", "participants"]
    frame = pl.concat(
        [
            p.select(columns).with_columns(
                pl.col("members", "participants").fill_null(0).cast(pl.Int64)
            )
            for p in parts
        ]
    )
    return frame.with_columns(
        pl.when(pl.col("members") > 0)
        .then(pl.col("participants") / pl.col("members"))
        .alias("share")
    ).sort("kind", "id")


def _members(frames: Prepared, bloc: str) -> pl.LazyFrame:
    return frames.tables.memberships.lazy().filter(pl.col("bloc") == bloc)


def _document_cohesion(frames: Prepared, bloc: str, ids: list[str]) -> pl.LazyFrame:
    docs = (
        frames.tables.documents.lazy()
        .filter(pl.col("document_id").is_in(ids))
        .select("document_id", pl.col("date").alias("on"), last_day("date").alias("_last"))
    )
    on_day = (
        docs.join(_members(frames, bloc), how="cross")
        .filter(
            (pl.col("joined") <= pl.col("on"))
            & (pl.col("left").is_null() | (pl.col("left") > pl.col("_last")))
        )
        .select("document_id", pl.col("country").cast(pl.String).alias("party"))
    )
    signed = (
        frames.tables.signatures.lazy()
        .filter((pl.col("party_kind") == "country") & pl.col("withdrawn_on").is_null())
        .select("document_id", "party", pl.lit(True).alias("_signed"))
        .unique(["document_id", "party"])
    )
    counts = on_day.join(signed, on=["document_id", "party"], how="left").with_columns(
        pl.col("_signed").fill_null(False)
    )
    return docs.join(
        counts.group_by("document_id").agg(
            pl.len().alias("members"), pl.col("_signed").sum().alias("participants")
        ),
        on="document_id",
        how="left",
    ).select(
        pl.lit("document").alias("kind"),
        pl.col("document_id").alias("id"),
        "on",
        "members",
        "participants",
    )


def _regime_cohesion(
    frames: Prepared, bloc: str, day: dt.date, wanted: list[str], *, via_alignment: bool
) -> pl.LazyFrame:
    on_day = (
        _members(frames, bloc)
        .filter((pl.col("joined") <= day) & (pl.col("left").is_null() | (pl.col("left") > day)))
        .select(pl.col("country").cast(pl.String).alias("party"))
    )
    participants = (
        _participants(
            frames, day, Switches(via_alignment=via_alignment), regimes=wanted, targeted=False
        )
        .filter(pl.col("party_kind") == "country")
        .join(on_day, on="party", how="semi")
        .group_by("regime_id")
        .agg(pl.col("party").n_unique().alias("participants"))
    )
    return (
        frames.tables.regimes.lazy()
        .filter(pl.col("regime_id").is_in(wanted))
        .select("regime_id")
        .join(on_day.select(pl.len().alias("members")), how="cross")
        .join(participants, on="regime_id", how="left")
        .select(
            pl.lit("regime").alias("kind"),
            pl.col("regime_id").alias("id"),
            pl.lit(day).alias("on"),
            "members",
            "participants",
        )
    )
