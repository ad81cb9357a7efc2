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
from typing import Final, Literal, TypeAlias

import attrs

from sanctions_tracker.errors import InvalidDateError

__all__ = [
    "DATE_FORMS",
    "DAY_FORM",
    "ISO_DATE",
    "DateLike",
    "PartialDate",
    "Precision",
    "date_error",
    "date_problem",
    "parse_date",
    "to_day",
    "to_optional_partial_date",
    "to_partial_date",
]

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")

#: The forms a date field accepts (a document's date, a listing, a signature).
DATE_FORMS: Final = "YYYY, YYYY-MM or YYYY-MM-DD"
#: The form a cut-off (``as_of``, ``since``, ``until``) and a membership day accept.
DAY_FORM: Final = "YYYY-MM-DD"

#: The ISO forms, ``YYYY[-MM[-DD]]`` (month and day may have one digit): the readers of
#: whole columns match it too, so that a file's cell reads as the same text in Python.
ISO_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# Forms that are dates, written otherwise: they get the ISO text to write instead.
_WITH_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}")
_DAY_FIRST = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})([./])(\d{1,2})(?:\2(\d{1,2}))?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[./-](\d{4})$")


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise InvalidDateError(
            str(value), reason=f"year {value} is not between 1 and 9999", advice=DATE_FORMS
        )


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and not 1 <= value <= 12:
        raise InvalidDateError(
            f"{instance.year:04d}-{value:02d}",
            reason=f"month {value} is not between 1 and 12",
            advice=DATE_FORMS,
        )


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise InvalidDateError(
            f"{instance.year:04d}--{value:02d}", reason="a day needs a month", advice=DATE_FORMS
        )
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise InvalidDateError(
            f"{instance.year:04d}-{instance.month:02d}-{value:02d}",
            reason=f"day {value} is not in {instance.year:04d}-{instance.month:02d}",
            advice=DATE_FORMS,
        )


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

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: :func:`parse_date` for a date field.

        >>> PartialDate.parse("2020-10-26")
        PartialDate('2020-10-26')
        >>> PartialDate.parse("26.10.2020")
        Traceback (most recent call last):
        ...
        sanctions_tracker.errors.InvalidDateError: '26.10.2020' is not a date: write 2020-10-26
        """
        return parse_date(text)

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


def parse_date(text: str, *, day: bool = False) -> PartialDate:
    """The one reader of a date written as text, everywhere: Python, files, command line.

    A date field takes ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; with ``day=True`` (a
    cut-off such as ``as_of``) only a whole day ``YYYY-MM-DD``. Spaces around are
    forgiven. Anything else raises :class:`~sanctions_tracker.InvalidDateError`,
    whose message says what is wrong and what to write there: the same date in ISO
    form when the text is certainly one (``31/12/2021``), else the accepted forms.

    >>> parse_date("2020-09")
    PartialDate('2020-09')
    >>> parse_date("2020-13-01")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.InvalidDateError: '2020-13-01' is not a date:
    month 13 is not between 1 and 12; write YYYY, YYYY-MM or YYYY-MM-DD
    >>> parse_date("2020-12", day=True)
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.InvalidDateError: '2020-12' is not a day:
    a month is not enough here; write YYYY-MM-DD
    >>> parse_date("31/12/2021", day=True)
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.InvalidDateError: '31/12/2021' is not a date: write 2021-12-31

    Raises:
        InvalidDateError: the text is not a date of the accepted forms.
        TypeError: the value is not text.
    """
    forms = DAY_FORM if day else DATE_FORMS
    if not isinstance(text, str):
        raise TypeError(f"{text!r} is not a date: give a date, or text {forms}")
    match = ISO_DATE.match(text.strip())
    if match is None:
        rewritten, reason = _rewrite(text.strip(), day=day)
        raise InvalidDateError(text, reason=reason, advice=rewritten or forms)
    year, month, dd = (int(g) if g is not None else None for g in match.groups())
    assert year is not None
    try:
        date = PartialDate(year, month, dd)
    except InvalidDateError as err:
        raise InvalidDateError(text, reason=err.reason, advice=forms) from None
    if day and not date.is_exact:
        reason = f"a {date.precision} is not enough here"
        raise InvalidDateError(text, reason=reason, advice=DAY_FORM, day=True)
    return date


def _valid(year: int, month: int, day: int | None) -> str | None:
    """The ISO text of a real date, or None."""
    return None if _wrong(year, month, day) else str(PartialDate(year, month, day))


def _wrong(year: int, month: int, day: int | None) -> str | None:
    """What is wrong with a year, month and day, or None."""
    try:
        PartialDate(year, month, day)
    except InvalidDateError as err:
        return err.reason
    return None


def _rewrite(text: str, *, day: bool) -> tuple[str | None, str | None]:
    """The ISO text to write for a date written otherwise, when certain; and a reason.

    >>> _rewrite("01/02/2021", day=True)
    ('2021-02-01 (day first) or 2021-01-02 (month first)', None)
    >>> _rewrite("12/2021", day=True)
    (None, 'a month is not enough here')
    """
    if match := _WITH_TIME.match(text):
        if (date := _valid(*map(int, match.group(1).split("-")))) is not None:
            return date, "a date has no time of day"
        return None, None
    if match := _DAY_FIRST.match(text):
        first, _, second, year = match.groups()
        day_first = _valid(int(year), int(second), int(first))
        month_first = _valid(int(year), int(first), int(second))
        if day_first and month_first and day_first != month_first:
            return f"{day_first} (day first) or {month_first} (month first)", None
        if day_first or month_first:
            return day_first or month_first, None
        # Neither reading is a real day: say why of the one whose month is a month.
        if int(second) <= 12:
            return None, _wrong(int(year), int(second), int(first))
        return None, _wrong(int(year), int(first), int(second))
    if match := _YEAR_FIRST.match(text):
        year, _, month, dd = match.groups()
        if dd is None and day:
            return None, "a month is not enough here"
        return _valid(int(year), int(month), int(dd) if dd else None), None
    if match := _MONTH_YEAR.match(text):
        if day:
            return None, "a month is not enough here"
        return _valid(int(match.group(2)), int(match.group(1)), None), None
    return None, None


def date_error(text: str, *, day: bool = False) -> InvalidDateError | None:
    """The error :func:`parse_date` raises for a text, or None when it reads the text.

    The readers of whole columns (CSV cells, FollowTheMoney properties, EU annexes)
    find their bad cells at once, then ask this what is wrong with each.

    >>> date_error("31.2.2021").reason
    'day 31 is not in 2021-02'
    >>> date_error("2021-02-28") is None
    True
    """
    try:
        parse_date(text, day=day)
    except InvalidDateError as err:
        return err
    return None


def date_problem(text: str, *, day: bool = False) -> str | None:
    """What is wrong with a date's text, as :func:`parse_date` says it; None when nothing.

    >>> date_problem("2020-02-30")
    "'2020-02-30' is not a date: day 30 is not in 2020-02; write YYYY, YYYY-MM or YYYY-MM-DD"
    >>> date_problem("2020-02-29") is None
    True
    """
    error = date_error(text, day=day)
    return None if error is None else str(error)


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
    return parse_date(value)


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
    """A query's cut-off day: a whole day, never a year or a month.

    >>> to_day("2020-12-31")
    datetime.date(2020, 12, 31)
    >>> to_day("2020")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.InvalidDateError: '2020' is not a day:
    a year is not enough here; write YYYY-MM-DD
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, PartialDate):
        if not value.is_exact:
            reason = f"a {value.precision} is not enough here"
            raise InvalidDateError(str(value), reason=reason, advice=DAY_FORM, day=True)
        return value.first
    return parse_date(value, day=True).first
