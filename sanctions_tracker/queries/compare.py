"""Comparisons across documents: how united a bloc is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import polars as pl

from sanctions_tracker.queries._args import (
    DayLike,
    _as_of,
    _bloc_code,
    _document_ids,
    _regime_ids,
)
from sanctions_tracker.queries._frames import (
    Prepared,
    Switches,
    _participants,
    _supports,
    prepared,
)
from sanctions_tracker.tables import Tables, last_day

__all__ = ["bloc_cohesion"]


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
    them with a signature of their own on it that is not withdrawn (on a roll call, a
    vote for: a vote against, an abstention or an absence signs nothing). For a regime:
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
        .filter(
            (pl.col("party_kind") == "country") & pl.col("withdrawn_on").is_null() & _supports()
        )
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
