"""How long each signatory took to act: from its signature to its first sanctions act."""

from __future__ import annotations

from typing import Unpack

import polars as pl

from sanctions_tracker.queries._args import _target
from sanctions_tracker.queries._frames import (
    _KEYS,
    Prepared,
    _named,
    _own_first,
    _responses,
    _signed,
    prepared,
)
from sanctions_tracker.queries._given import given
from sanctions_tracker.queries.options import LagOptions
from sanctions_tracker.tables import Tables

__all__ = ["response_lag"]


def response_lag(
    tables: Tables | Prepared, document_id: str, **options: Unpack[LagOptions]
) -> pl.LazyFrame:
    """Days from each signature to the signatory's first sanctions act on the target after it.

    Every country and bloc signature counts, withdrawn or not. An act counts when its
    date starts on or after the signature's (first) day; the lag runs between the two
    first days. No act: ``first_act_on`` and ``lag_days`` are null. The keyword options
    (``target``, the route switches, ``expand_blocs``) are those of
    :class:`~sanctions_tracker.queries.options.LagOptions`.

    Returns:
        ``country``, ``party_kind``, ``name``, ``via``, ``signed_on``,
        ``signed_on_precision``, ``first_act_on``, ``regimes`` (the regimes of the
        acts on that first day) and ``lag_days``, sorted by country.

    >>> from sanctions_tracker.records import JointStatement, SanctionsAction, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP", "CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY")],
    ...     actions=[SanctionsAction("CA-BLR", "2020-09-29", "establish")],
    ... )
    >>> response_lag(ds.tables, "s").collect().select("country", "lag_days").rows()
    [('CA', 12), ('JP', None)]
    """
    chosen = given("response_lag", **options)
    frames = prepared(tables)
    _, subject = _target(frames.tables, document_id, chosen.target)
    signatures = _signed(frames, expand_blocs=chosen.expand_blocs, document_ids=[document_id])
    if chosen.expand_blocs:
        signatures = _own_first(signatures, ["party_kind", "party"])
    signatures = signatures.with_columns(pl.lit(subject).alias("target"))
    events = _responses(frames, chosen.switches)
    hits = (
        signatures.select(*_KEYS, "signed_on")
        .join(events, on=_KEYS)
        .filter(pl.col("_first") >= pl.col("signed_on"))
        .filter(pl.col("_first") == pl.col("_first").min().over("party_kind", "party"))
        .group_by("party_kind", "party")
        .agg(
            pl.col("_first").first().alias("first_act_on"),
            pl.col("regime_id").unique().sort().alias("regimes"),
        )
    )
    return (
        _named(signatures.join(hits, on=["party_kind", "party"], how="left"), frames)
        .select(
            pl.col("party").alias("country"),
            "party_kind",
            "name",
            "via",
            "signed_on",
            "signed_on_precision",
            "first_act_on",
            pl.col("regimes").fill_null(pl.lit([], pl.List(pl.String))),
            (pl.col("first_act_on") - pl.col("signed_on")).dt.total_days().alias("lag_days"),
        )
        .sort("country")
    )
