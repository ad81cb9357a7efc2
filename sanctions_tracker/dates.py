"""Partial dates: a year, a month or a day, each standing for the interval it covers.

Sources often give less than a day ("reported in December 2020"). A
:class:`PartialDate` keeps that precision through every file format and compares as
the interval it stands for.

>>> d = PartialDate.parse("2020-09")
>>> d.precision, d.first, d.last
('month', datetime.date(2020, 9, 1), datetime.date(2020, 9, 30))
>>> str(d)
'2020-09'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, TypeAlias

import attrs

__all__ = [
    "DateLike",
    "PartialDate",
    "Precision",
    "to_day",
    "to_optional_partial_date",
    "to_partial_date",
]

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")

_PATTERN = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month {value} is not between 1 and 12")


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise ValueError(f"day {value} is not in {instance.year}-{instance.month:02d}")


@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordered by the interval's start, then coarser before finer, so "2020" sorts
    before "2020-01" before "2020-01-01" before "2020-01-02".

    >>> PartialDate(2020) < PartialDate(2020, 1, 1) < PartialDate(2020, 1, 2)
    True
    >>> PartialDate.parse("2020").contains(dt.date(2020, 5, 1))
    True
    """

    year: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(9999))
    )
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        >>> PartialDate.parse("2020-10-26")
        PartialDate('2020-10-26')
        >>> PartialDate.parse("26.10.2020")
        Traceback (most recent call last):
        ...
        ValueError: '26.10.2020' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD
        """
        match = _PATTERN.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g is not None else None for g in match.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except ValueError as err:
            raise ValueError(f"{text!r} is not a date: {err}") from None

    @classmethod
    def of(cls, value: dt.date) -> PartialDate:
        """A day-precise date from a :class:`datetime.date`."""
        if isinstance(value, dt.datetime):
            value = value.date()
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    @property
    def first(self) -> dt.date:
        """The first day of the interval."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The last day of the interval (inclusive)."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    @property
    def is_exact(self) -> bool:
        """True when known to the day."""
        return self.day is not None

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` falls inside the interval."""
        return self.first <= day <= self.last

    def _key(self) -> tuple[dt.date, int]:
        return (self.first, PRECISIONS.index(self.precision))

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    @classmethod
    def from_first(cls, first: dt.date, precision: str) -> PartialDate:
        """Rebuild from a table's (date, precision) pair.

        >>> PartialDate.from_first(dt.date(2020, 9, 1), "month")
        PartialDate('2020-09')
        """
        if precision == "year":
            return cls(first.year)
        if precision == "month":
            return cls(first.year, first.month)
        if precision == "day":
            return cls(first.year, first.month, first.day)
        raise ValueError(f"unknown precision {precision!r}: write year, month or day")


DateLike: TypeAlias = PartialDate | dt.date | str


def to_partial_date(value: PartialDate | dt.date | str) -> PartialDate:
    """Converter: accept a PartialDate, a date or an ISO string.

    >>> to_partial_date("2020-09-17")
    PartialDate('2020-09-17')
    >>> to_partial_date(dt.date(2020, 1, 31))
    PartialDate('2020-01-31')
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError(f"{value!r} is not a date: give a date, or a string YYYY[-MM[-DD]]")


def to_optional_partial_date(
    value: PartialDate | dt.date | str | None,
) -> PartialDate | None:
    """Converter: like :func:`to_partial_date`, keeping ``None`` (and ``""``) as None.

    >>> to_optional_partial_date(None) is None
    True
    """
    if value is None or value == "":
        return None
    return to_partial_date(value)


def to_day(value: dt.date | str | PartialDate) -> dt.date:
    """A query's cut-off day; a partial date must be exact.

    >>> to_day("2020-12-31")
    datetime.date(2020, 12, 31)
    """
    date = to_partial_date(value)
    if not date.is_exact:
        raise ValueError(f"{str(date)!r} is not a day: a cut-off needs YYYY-MM-DD")
    return date.first
