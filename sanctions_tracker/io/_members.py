"""Who voted: the code of the member state behind each name of a roll-call record.

A record names its members by a code (ISO alpha-2 or alpha-3) and a name at the time.
A code we know is taken as given; otherwise the name is looked up, first in
``data/un_vote_members.csv`` (the members of the past that no registry name gives,
with the date until which each code holds, and a source each), then by our name
resolver. A historic code counts only before ISO withdrew it. Nothing is guessed: a
name that none of these gives stays unresolved, and the caller reports it.

>>> days = np.array(["1990-01-01", "2010-01-01"], dtype="datetime64[D]")
>>> [member_code(place) for place in member_places("Yugoslavia", None, days)]
['YUCS', 'RS']
>>> member_places("Zanzibar", None, days[:1])
array([-1])
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from functools import cache, lru_cache
from importlib import resources

import attrs
import numpy as np
import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.columns import country_dtype
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.errors import SanctionsTrackerError

__all__ = ["ByName", "given_place", "member_code", "member_places", "member_votes", "unknown_votes"]

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


@lru_cache(maxsize=1024)
def _as_given(name: str | None, hint: str | None) -> str | None:
    """The code beside a name, but for R's missing value: ``NA`` beside any name but
    Namibia's."""
    if hint != "NA":
        return hint
    return hint if name is not None and _resolved(name) == "NA" else None


@cache
def _alpha_3() -> dict[str, str]:
    """Today's ISO alpha-3 codes and their alpha-2: a code given is taken as given."""
    return {info.alpha_3: code for code, info in registry().items() if not info.historic}


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


def given_place(name: str | None, hint: str | None) -> int | None:
    """The place among the categories of the country Enum (:func:`member_code`) of a
    member's code as the record gives it beside its name, when it is one we know in any
    form: alpha-2, alpha-3, or the four letters of a former state. None for a code to
    be read by name (:func:`member_places`), and for ``NA`` beside any name but
    Namibia's: R's ``write.csv`` writes a missing code as Namibia's.

    >>> [member_code(given_place(name, code)) for name, code in [("Namibia", "NA"),
    ...                                                           ("Ukraine", "UKR")]]
    ['NA', 'UA']
    >>> given_place("Zanzibar", "NA"), given_place("Yugoslavia", "YU")
    (None, None)
    """
    code = _as_given(name, hint)
    return None if code is None else _places().get(_alpha_3().get(code, code))


def member_places(name: str | None, hint: str | None, days: np.ndarray) -> np.ndarray:
    """For each day a member named ``name`` (with the code ``hint`` in the record, or
    None) voted, the place of its code among the categories of the country Enum
    (:func:`member_code`), or -1 where no rule gives one.

    A record's unknown names are a handful of a million votes: each name's codes are
    worked out over the array of its days, a few small steps, not a join per rule.
    """
    places = np.full(days.size, -1, dtype=np.int64)
    for code, start, until in _spans(name, _as_given(name, hint)):
        inside = np.ones(days.size, dtype=np.bool_) if start is None else days >= start
        if until is not None:
            inside &= days < until
        places[inside] = _places()[code]
    return places


def member_code(place: int) -> str:
    """The country code at a place among the categories of the country Enum.

    >>> member_code(_places()["FR"])
    'FR'
    """
    return _codes()[place]


@cache
def _codes() -> tuple[str, ...]:
    return tuple(country_dtype().categories.to_list())


def unknown_votes(votes: pl.DataFrame) -> pl.DataFrame:
    """The votes without a code we know as given (a few thousand of a million, and those
    given as ``NA``, which may be Namibia's or R's missing value), by their name and
    code in the record: one row for each pair, with its votes' rows (``_rows``).
    """
    unknown = votes["_given"].is_null()
    # Filtered rather than gathered: a filter goes through the columns as read, block
    # by block, where a gather of a few rows of many blocks is several times slower.
    return (
        votes.select("_name", "_hint")
        .filter(unknown)
        .with_columns(unknown.arg_true().alias("_rows"))
        .group_by("_name", "_hint", maintain_order=True)
        .agg("_rows")
    )


@attrs.frozen
class ByName:
    """The votes read by name: their count by name and code, and the lines of the votes
    of each name left unresolved ("" for a member without one), for the summary; the
    rows of those votes, in order, to leave out."""

    read: dict[str, int]
    unresolved: dict[str, pl.Series]
    left_out: pl.Series = attrs.field(factory=lambda: pl.Series(dtype=pl.UInt32))


def member_votes(
    votes: pl.DataFrame, key: str, days: pl.Series, unknown: pl.DataFrame
) -> tuple[pl.DataFrame, ByName]:
    """The votes' ``_id``, ``_line``, ``key`` (of their roll call), ``vote`` and
    ``_code``: a known code as given, else the member's code at the date of the roll
    call (``days`` by ``key``). Also the votes read by name, for the summary.

    ``unknown`` is :func:`unknown_votes` of these votes: each pair of name and code is
    worked out once, over the array of its votes' days.
    """
    kept = votes.select(*dict.fromkeys(["_id", "_line", key, "vote"]))
    if unknown.is_empty():
        return kept.with_columns(votes["_given"].alias("_code")), ByName({}, {})
    rows = unknown["_rows"].explode()
    on = days.gather(votes[key].gather(rows)).to_numpy()
    places, read, unresolved = _read_by_name(unknown, on)
    place = pl.Series(places)
    named = pl.lit(country_dtype().categories).gather(place.clip(lower_bound=0))
    codes = pl.select(pl.when(place >= 0).then(named).cast(country_dtype())).to_series()
    of_names = {name: rows.gather(found) for name, found in unresolved.items()}
    lines = {name: votes["_line"].gather(found) for name, found in of_names.items()}
    left_out = pl.concat([pl.Series(dtype=rows.dtype), *of_names.values()]).sort()
    given = votes["_given"].scatter(rows, codes)
    return kept.with_columns(given.alias("_code")), ByName(read, lines, left_out)


def _read_by_name(
    unknown: pl.DataFrame, days: np.ndarray
) -> tuple[np.ndarray, dict[str, int], dict[str, np.ndarray]]:
    """For the votes of :func:`unknown_votes`, one pair of name and code after another, on
    ``days``: the place of each one's code (-1 for none), the votes read by name (by
    name and code), and the places of the unresolved votes (by name)."""
    places = np.full(days.size, -1, dtype=np.int64)
    read: Counter[str] = Counter()
    unresolved: dict[str, list[np.ndarray]] = {}
    lengths = unknown["_rows"].list.len().to_numpy()
    ends = np.cumsum(lengths)
    starts = ends - lengths
    pairs = zip(unknown["_name"], unknown["_hint"], starts, ends, strict=True)
    for name, hint, start, end in pairs:
        given = given_place(name, hint)
        if given is not None:
            places[start:end] = given
            continue
        found = places[start:end] = member_places(name, hint, days[start:end])
        codes, counts = np.unique(found[found >= 0], return_counts=True)
        for code, count in zip(codes, counts, strict=True):
            read[f"{name} ({member_code(int(code))})"] += int(count)
        missing = np.flatnonzero(found < 0)
        if missing.size:
            unresolved.setdefault(name or "", []).append(missing + start)
    return places, dict(read), {name: np.concatenate(found) for name, found in unresolved.items()}


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
    return {code: place for place, code in enumerate(_codes())}
