"""The acts of each party and target arranged for an as-of join: whether an act lies
inside a response window, found once per signature instead of by a join with every act."""

from __future__ import annotations

import polars as pl

from sanctions_tracker.queries._frames import Prepared, Switches

__all__ = ["act_keys", "acts_from"]

_KEYS = ["party_kind", "party", "target"]


def act_keys(frames: Prepared) -> pl.LazyFrame:
    """One integer ``_key`` per (party_kind, party, target) with an act, sorted so that it
    is the same in every plan: an as-of join by it is far faster than by three strings.

    >>> from sanctions_tracker.dataset import Dataset
    >>> act_keys(Prepared(Dataset().tables)).collect().columns
    ['_key', 'party_kind', 'party', 'target']
    """

    def plan(_: object) -> pl.LazyFrame:
        return frames.events().select(_KEYS).unique().sort(_KEYS).with_row_index("_key")

    return frames._frame("act_keys", plan)


def acts_from(frames: Prepared, switches: Switches) -> pl.LazyFrame:
    """Per ``_key`` (see :func:`act_keys`) and first day ``_first`` of an act that
    ``switches`` count, ``_ends_by``: the earliest last day of the key's acts from that
    day on, sorted by ``_first``. An act lies inside ``[since, until]`` when the first
    row from ``since`` on has ``_ends_by <= until``.

    >>> from sanctions_tracker.dataset import Dataset
    >>> acts_from(Prepared(Dataset().tables), Switches()).collect().columns
    ['_key', '_first', '_ends_by']
    """

    def plan(_: object) -> pl.LazyFrame:
        return (
            frames.events()
            .filter(switches.keep())
            .join(act_keys(frames), on=_KEYS)
            .group_by("_key", "_first")
            .agg(pl.col("_last").min())
            .sort("_key", "_first")
            .with_columns(
                pl.col("_last").reverse().cum_min().reverse().over("_key").alias("_ends_by")
            )
            .select("_key", "_first", "_ends_by")
            .sort("_first")
        )

    return frames._frame(f"acts_from {switches!r}", plan)
