"""Caveats: what is valid but makes a record count for nothing in the answers.

A regime with no ``established_on`` and no dated act or listing is in force on no day;
a listing under a thematic regime whose designee has no nationality or country counts
against no one. Neither is an error (the record may be completed later), so
:func:`caveats` reports them apart from validation, and ``sanctions-tracker validate``
prints them as warnings.

>>> from sanctions_tracker.records import SanctionsRegime
>>> from sanctions_tracker.tables import records_to_tables
>>> tables = records_to_tables(regimes=[SanctionsRegime("CA-BLR", "Canada", "CA", "BY")])
>>> [(problem.path, problem.message[:45]) for problem in caveats(tables)]
[("regimes['CA-BLR']", 'no established_on and no dated act or listing')]
"""

from __future__ import annotations

import polars as pl

from sanctions_tracker.errors import Problem
from sanctions_tracker.tables import Tables

__all__ = ["caveats"]


def _undated_regimes(tables: Tables) -> list[Problem]:
    dated = pl.concat(
        [
            tables.actions.select("regime_id"),
            tables.designations.filter(pl.col("listed_on").is_not_null()).select("regime_id"),
        ]
    )
    undated = (
        tables.regimes.with_row_index("_row", offset=1)
        .filter(pl.col("established_on").is_null())
        .join(dated, on="regime_id", how="anti")
        .sort("_row")
    )
    return [
        Problem(
            f"regimes[{regime_id!r}]",
            "no established_on and no dated act or listing: the regime is in force on no day "
            "and makes no country a sanctioner; give established_on or a dated act",
        )
        for (regime_id,) in undated.select("regime_id").iter_rows()
    ]


def _stateless_listings(tables: Tables) -> list[Problem]:
    thematic = tables.regimes.filter(
        pl.col("target").is_null() & (pl.col("other_targets").list.len() == 0)
    ).select("regime_id")
    stateless = (
        tables.designations.with_row_index("_row", offset=1)
        .join(thematic, on="regime_id", how="semi")
        .filter(pl.col("target_country").is_null() & (pl.col("nationalities").list.len() == 0))
        .sort("_row")
    )
    return [
        Problem(
            f"designations[{designation_id!r}]",
            f"the designee of thematic regime '{regime_id}' has no nationality or country: "
            "the listing counts against no one; give the person's nationality or the "
            "organisation's country",
        )
        for designation_id, regime_id in stateless.select("designation_id", "regime_id").iter_rows()
    ]


def caveats(tables: Tables) -> list[Problem]:
    """Every caveat of a valid dataset's tables, regimes first.

    Args:
        tables: A valid dataset's tables.

    Returns:
        One :class:`~sanctions_tracker.errors.Problem` per caveat, at its record's path.
    """
    return _undated_regimes(tables) + _stateless_listings(tables)
