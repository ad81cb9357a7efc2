"""Who voted: the code of the member state behind each name of a roll-call record.

A record names its members by a code (ISO alpha-2 or alpha-3) and a name at the time.
A code we know is taken as given; otherwise the name is looked up, first in
``data/un_vote_members.csv`` (the members of the past that no registry name gives,
with the date until which each code holds, and a source each), then by our name
resolver. A historic code counts only before ISO withdrew it. Nothing is guessed: a
name that none of these gives stays unresolved, and the caller reports it.

>>> from datetime import date
>>> rows = pl.DataFrame({"_name": ["Yugoslavia", "Yugoslavia", "Zanzibar"],
...                      "_hint": [None, None, None],
...                      "_date": [date(1990, 1, 1), date(2010, 1, 1), date(1963, 12, 3)]})
>>> member_codes(rows)["_code"].to_list()
['YUCS', 'RS', None]
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache, lru_cache
from importlib import resources

import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.columns import country_dtype
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.errors import SanctionsTrackerError

__all__ = ["member_codes"]

_FILE = "un_vote_members.csv"


@cache
def _rules() -> pl.DataFrame:
    """The dated rules of ``data/un_vote_members.csv``: name, code, from, until (exclusive).

    Raises:
        ValueError: a malformed row (a bug in the package data).
    """
    known = registry()
    path = resources.files("sanctions_tracker.data").joinpath(_FILE)
    rows: list[tuple[str, str, dt.date | None, dt.date | None]] = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["name", "code", "until", "source", "note"]:
            raise ValueError(f"{_FILE}: unexpected columns {reader.fieldnames}")
        previous: dict[str, dt.date | None] = {}
        for line, row in enumerate(reader, start=2):
            name, code = row["name"].strip().lower(), row["code"].strip()
            if code not in known or not row["source"].strip():
                raise ValueError(f"{_FILE}, line {line}: unknown code {code!r} or no source")
            until = dt.date.fromisoformat(row["until"]) if row["until"].strip() else None
            rows.append((name, code, previous.get(name), until))
            previous[name] = until
    return pl.DataFrame(
        rows,
        schema={"_key": pl.String, "_rule": pl.String, "_from": pl.Date, "_until": pl.Date},
        orient="row",
    )


@lru_cache(maxsize=4096)
def _resolved(text: str | None) -> str | None:
    """The code a name or code resolves to, or None. Kept: a name that resolves to
    nothing costs the search for suggestions each time."""
    if text is None or not text.strip():
        return None
    try:
        return resolve_country(text).code
    except (SanctionsTrackerError, TypeError):
        return None


@cache
def _withdrawn() -> pl.DataFrame:
    """The historic codes with the day ISO withdrew them."""
    rows = [
        (info.code, dt.date.fromisoformat(info.withdrawn_on[:10]))
        for info in registry().values()
        if info.historic and info.withdrawn_on and len(info.withdrawn_on) >= 10
    ]
    return pl.DataFrame(rows, schema={"_code": pl.String, "_withdrawn": pl.Date}, orient="row")


def member_codes(rows: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with ``_code`` (a country Enum, null when unresolved) added.

    Args:
        rows: ``_name`` (the name in the record), ``_hint`` (its code there, alpha-2 or
            alpha-3, or null) and ``_date`` (the day of the vote).

    Returns:
        The same rows in the same order, with ``_code``.
    """
    pairs = rows.select("_name", "_hint").unique()
    names = pairs["_name"].to_list()
    hints = pairs["_hint"].to_list()
    ruled = set(_rules()["_key"].to_list())
    static = [
        None if (name or "").lower() in ruled else (_resolved(hint) or _resolved(name))
        for name, hint in zip(names, hints, strict=True)
    ]
    pairs = pairs.with_columns(pl.Series("_static", static, dtype=pl.String))
    found = (
        rows.lazy()
        .with_row_index("_order")
        .join(
            pairs.lazy(), on=["_name", "_hint"], how="left", nulls_equal=True, maintain_order="left"
        )
    )
    dated = (
        found.filter(pl.col("_static").is_null())
        .select("_order", "_date", pl.col("_name").str.to_lowercase().alias("_key"))
        .join(_rules().lazy(), on="_key")
        .filter(
            (pl.col("_from").is_null() | (pl.col("_date") >= pl.col("_from")))
            & (pl.col("_until").is_null() | (pl.col("_date") < pl.col("_until")))
        )
        .select("_order", "_rule")
    )
    coded = (
        found.join(dated, on="_order", how="left", maintain_order="left")
        .with_columns(pl.coalesce("_static", "_rule").alias("_code"))
        .join(_withdrawn().lazy(), on="_code", how="left", maintain_order="left")
        .select(
            pl.when(pl.col("_withdrawn").is_null() | (pl.col("_date") < pl.col("_withdrawn")))
            .then(pl.col("_code"))
            .cast(country_dtype())
            .alias("_code")
        )
        .collect()
    )
    return rows.with_columns(coded["_code"])
