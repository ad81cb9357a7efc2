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

import numpy as np
import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.columns import country_dtype
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.errors import SanctionsTrackerError

__all__ = ["member_codes"]

_FILE = "un_vote_members.csv"


Rule = tuple[str, dt.date | None, dt.date | None]


@cache
def _rules() -> dict[str, tuple[Rule, ...]]:
    """The dated rules of ``data/un_vote_members.csv`` by name in lower case: each a
    code, the day it holds from and the day it holds until (exclusive).

    Raises:
        ValueError: a malformed row (a bug in the package data).
    """
    known = registry()
    path = resources.files("sanctions_tracker.data").joinpath(_FILE)
    rules: dict[str, list[Rule]] = {}
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["name", "code", "until", "source", "note"]:
            raise ValueError(f"{_FILE}: unexpected columns {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            name, code = row["name"].strip().lower(), row["code"].strip()
            if code not in known or not row["source"].strip():
                raise ValueError(f"{_FILE}, line {line}: unknown code {code!r} or no source")
            until = dt.date.fromisoformat(row["until"]) if row["until"].strip() else None
            earlier = rules.setdefault(name, [])
            earlier.append((code, earlier[-1][2] if earlier else None, until))
    return {name: tuple(found) for name, found in rules.items()}


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
def _withdrawn() -> dict[str, dt.date]:
    """The historic codes with the day ISO withdrew them."""
    return {
        info.code: dt.date.fromisoformat(info.withdrawn_on[:10])
        for info in registry().values()
        if info.historic and info.withdrawn_on and len(info.withdrawn_on) >= 10
    }


def member_codes(rows: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with ``_code`` (a country Enum, null when unresolved) added.

    Args:
        rows: ``_name`` (the name in the record), ``_hint`` (its code there, alpha-2 or
            alpha-3, or null) and ``_date`` (the day of the vote).

    Returns:
        The same rows in the same order, with ``_code``.

    The rows are grouped by name and code, a handful in a record of a million votes,
    and each group's codes are worked out over the array of its days: a few small
    steps, not a join per rule over every row.
    """
    places = np.full(rows.height, -1, dtype=np.int64)
    days = rows["_date"].to_numpy().astype("datetime64[D]")
    groups = rows.with_row_index("_row").group_by("_name", "_hint").agg("_row")
    for name, hint, members in zip(*(groups[c] for c in ("_name", "_hint", "_row")), strict=True):
        chosen = members.to_numpy()
        on = days[chosen]
        for code, start, until in _spans(name, hint):
            inside = np.ones(chosen.size, dtype=np.bool_) if start is None else on >= start
            if until is not None:
                inside &= on < until
            places[chosen[inside]] = _places()[code]
    place = pl.Series("_place", places)
    named = pl.lit(country_dtype().categories).gather(place.clip(lower_bound=0))
    return rows.with_columns(
        pl.select(pl.when(place >= 0).then(named).cast(country_dtype())).to_series().alias("_code")
    )


Span = tuple[str, np.datetime64 | None, np.datetime64 | None]


@lru_cache(maxsize=1024)
def _spans(name: str | None, hint: str | None) -> tuple[Span, ...]:
    """The codes a name (and its code in the record) stands for, each from a day (none:
    from the start) until a day (exclusive; none: still): the dated rules of a past
    member, else the one code of the hint or the name; each historic code only until
    ISO withdrew it.

    >>> [(code, str(until)) for code, _, until in _spans("Yugoslavia", None)]
    [('YUCS', '2003-07-23'), ('CSXX', '2006-09-26'), ('RS', 'None')]
    """
    ruled = _rules().get((name or "").lower(), ())
    if not ruled:
        code = _resolved(hint) or _resolved(name)
        ruled = () if code is None else ((code, None, None),)
    spans: list[Span] = []
    for code, start, until in ruled:
        withdrawn = _withdrawn().get(code)
        end = min((d for d in (until, withdrawn) if d is not None), default=None)
        spans.append((code, _day(start), _day(end)))
    return tuple(spans)


def _day(day: dt.date | None) -> np.datetime64 | None:
    return None if day is None else np.datetime64(day, "D")


@cache
def _places() -> dict[str, int]:
    """Each country code's place among the categories of the country Enum."""
    return {code: place for place, code in enumerate(country_dtype().categories.to_list())}
