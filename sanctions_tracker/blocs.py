"""Blocs: groups of countries with dated membership (the EU above all).

Membership is a set of half-open intervals ``[joined, left)``: the United Kingdom
is an EU member until 2020-01-31 inclusive and not after.

>>> eu = get("EU")
>>> len(eu.members_on("2020-01-31")), len(eu.members_on("2020-02-01"))
(28, 27)
>>> eu.is_member("United Kingdom", "2020-02-01")
False
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from functools import cache
from importlib import resources

import attrs

from sanctions_tracker._resolve import bloc_code
from sanctions_tracker.countries import Country, to_country
from sanctions_tracker.dates import to_day
from sanctions_tracker.errors import UnknownBlocError

__all__ = ["Bloc", "Membership", "all_blocs", "get", "to_optional_day"]


def to_optional_day(value: dt.date | str | None) -> dt.date | None:
    """Converter: an exact day, or None for an open end.

    >>> to_optional_day("2020-02-01")
    datetime.date(2020, 2, 1)
    """
    if value is None or value == "":
        return None
    return to_day(value)


def _left_after_joined(
    instance: Membership,
    attribute: attrs.Attribute[dt.date | None],
    value: dt.date | None,
) -> None:
    if value is not None and value <= instance.joined:
        raise ValueError(
            f"{instance.country.code} leaves on {value} but joined on {instance.joined}: "
            "'left' is the first day of non-membership and must come after 'joined'"
        )


@attrs.frozen(order=True)
class Membership:
    """One membership interval ``[joined, left)`` of a country in a bloc.

    >>> m = Membership("United Kingdom", "1973-01-01", "2020-02-01")
    >>> m.covers(dt.date(2020, 1, 31)), m.covers(dt.date(2020, 2, 1))
    (True, False)
    """

    country: Country = attrs.field(converter=to_country)
    joined: dt.date = attrs.field(converter=to_day)
    left: dt.date | None = attrs.field(
        default=None, converter=to_optional_day, validator=_left_after_joined
    )
    source: str = attrs.field(default="", order=False)
    note: str = attrs.field(default="", order=False)

    def covers(self, day: dt.date) -> bool:
        """True when the country is a member on ``day``."""
        return self.joined <= day and (self.left is None or day < self.left)


def _no_overlap(
    instance: Bloc,
    attribute: attrs.Attribute[tuple[Membership, ...]],
    value: tuple[Membership, ...],
) -> None:
    last: dict[Country, Membership] = {}
    for membership in value:
        previous = last.get(membership.country)
        if previous is not None and (previous.left is None or previous.left > membership.joined):
            raise ValueError(
                f"bloc {instance.code}: membership intervals of "
                f"{membership.country.code} overlap ({previous.joined}..{previous.left} and "
                f"{membership.joined}..{membership.left})"
            )
        last[membership.country] = membership


def _sorted_memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple(sorted(value, key=lambda m: (m.country, m.joined)))


def _upper_code(value: str) -> str:
    return value.strip().upper()


@attrs.frozen(repr=False)
class Bloc:
    """A group of countries with dated membership.

    >>> nordic = Bloc("NORDIC", "Nordic Council", [Membership("DK", "1952-01-01")])
    >>> nordic.members_on("2000-01-01")
    frozenset({Country('DK')})
    >>> nordic
    <Bloc NORDIC: Nordic Council, 1 membership>
    """

    code: str = attrs.field(converter=_upper_code)
    name: str
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=_sorted_memberships, validator=_no_overlap
    )
    source: str = ""
    note: str = ""

    def members_on(self, day: dt.date | str) -> frozenset[Country]:
        """The member countries on ``day``."""
        when = to_day(day)
        return frozenset(m.country for m in self.memberships if m.covers(when))

    def is_member(self, country: Country | str, day: dt.date | str) -> bool:
        """True when ``country`` is a member on ``day``."""
        who = to_country(country)
        when = to_day(day)
        return any(m.country == who and m.covers(when) for m in self.memberships)

    @property
    def countries(self) -> frozenset[Country]:
        """Every country that was ever a member."""
        return frozenset(m.country for m in self.memberships)

    def __repr__(self) -> str:
        # The memberships in full would fill a screen: the EU's run to 30 rows.
        count = len(self.memberships)
        return f"<Bloc {self.code}: {self.name}, {count} membership{'' if count == 1 else 's'}>"


@cache
def _builtin() -> dict[str, Bloc]:
    names: dict[str, tuple[str, str, str]] = {}
    rows: dict[str, list[Membership]] = {}
    data = resources.files("sanctions_tracker.data")
    with data.joinpath("blocs.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names[row["bloc"]] = (row["bloc_name"], row["bloc_source"], row["bloc_note"])
    with data.joinpath("memberships.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.setdefault(row["bloc"], []).append(
                Membership(
                    row["country"],
                    row["joined"],
                    row["left"] or None,
                    row["source"],
                    row["note"],
                )
            )
    return {
        code: Bloc(code, name, rows.get(code, ()), source, note)
        for code, (name, source, note) in names.items()
    }


def _bloc_key(text: str) -> str:
    words = text.casefold().replace("-", " ").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def get(code: str) -> Bloc:
    """A built-in bloc by code or name: ``EU``, ``EEA``, ``EFTA``, ``G7``, ``NATO``.

    >>> get("nato").name
    'North Atlantic Treaty Organization'
    >>> get("the European Union").code, get("l'Union européenne").code
    ('EU', 'EU')
    >>> get("ASEAN")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.UnknownBlocError: unknown bloc 'ASEAN': the built-in blocs are ...
    """
    blocs = _builtin()
    key = _bloc_key(code)
    for bloc in blocs.values():
        if key in (bloc.code.casefold(), _bloc_key(bloc.name)):
            return bloc
    named = bloc_code(code)  # a name in another UN language, from CLDR: "Unión Europea"
    if named is not None:
        return blocs[named]
    raise UnknownBlocError(
        f"unknown bloc {code!r}: the built-in blocs are {', '.join(sorted(blocs))}"
    )


def all_blocs() -> tuple[Bloc, ...]:
    """Every built-in bloc, by code."""
    return tuple(bloc for _, bloc in sorted(_builtin().items()))
