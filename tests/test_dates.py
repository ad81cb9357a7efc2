"""Partial dates: parsing, printing, ordering, and the interval each one stands for."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import partial_dates

from sanctions_tracker.dates import (
    DATE_FORMS,
    DAY_FORM,
    PartialDate,
    date_problem,
    parse_date,
    to_day,
    to_optional_partial_date,
    to_partial_date,
)
from sanctions_tracker.errors import InvalidDateError, SanctionsTrackerError


def test_parse_year() -> None:
    """A bare year parses to year precision."""
    assert PartialDate(2020) == PartialDate.parse("2020")


def test_parse_month() -> None:
    """``YYYY-MM`` parses to month precision."""
    assert PartialDate(2020, 9) == PartialDate.parse("2020-09")


def test_parse_day() -> None:
    """``YYYY-MM-DD`` parses to day precision."""
    assert PartialDate(2020, 9, 17) == PartialDate.parse("2020-09-17")


def test_parse_strips_spaces() -> None:
    """Spaces around a date are forgiven."""
    assert PartialDate(2020, 9) == PartialDate.parse(" 2020-09 ")


@pytest.mark.parametrize("text", ["26.10.2020", "2020-13", "2021-02-29", "20", "", "2020-9-x"])
def test_parse_rejects_non_dates(text: str) -> None:
    """A text that is no ISO date, or no real day, is rejected with the fix."""
    with pytest.raises(ValueError, match="is not a date"):
        PartialDate.parse(text)


def test_day_needs_month() -> None:
    """A day without a month is no date."""
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2020, None, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2020", "year"), ("2020-02", "month"), ("2020-02-29", "day")],
)
def test_precision(text: str, expected: str) -> None:
    """The precision is the finest part written."""
    assert expected == PartialDate.parse(text).precision


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2021-02", dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
        ("2020-09-17", dt.date(2020, 9, 17), dt.date(2020, 9, 17)),
    ],
)
def test_first_and_last(text: str, first: dt.date, last: dt.date) -> None:
    """First and last are the interval's bounds, leap years included."""
    date = PartialDate.parse(text)
    assert (first, last) == (date.first, date.last)


def test_str_pads() -> None:
    """Printing pads month and day to two digits."""
    expected = "2020-01-05"
    assert expected == str(PartialDate(2020, 1, 5))


def test_repr() -> None:
    """The repr shows the ISO text."""
    expected = "PartialDate('2020-01')"
    assert expected == repr(PartialDate(2020, 1))


def test_ordering_coarser_first() -> None:
    """At one start, coarser sorts before finer."""
    dates = [PartialDate(2020, 1, 1), PartialDate(2020, 1), PartialDate(2020)]
    assert [PartialDate(2020), PartialDate(2020, 1), PartialDate(2020, 1, 1)] == sorted(dates)


def test_ordering_by_start() -> None:
    """An earlier start sorts first whatever the precision."""
    assert PartialDate(2019, 12, 31) < PartialDate(2020)


def test_contains() -> None:
    """A month contains its days and none other."""
    month = PartialDate(2020, 2)
    expected = (True, True, False)
    assert expected == (
        month.contains(dt.date(2020, 2, 1)),
        month.contains(dt.date(2020, 2, 29)),
        month.contains(dt.date(2020, 3, 1)),
    )


def test_from_first_rejects_unknown_precision() -> None:
    """A precision other than year, month or day is rejected."""
    with pytest.raises(ValueError, match="unknown precision 'week'"):
        PartialDate.from_first(dt.date(2020, 1, 1), "week")


def test_to_partial_date_accepts_a_date() -> None:
    """A datetime.date converts to a day-precise date."""
    assert PartialDate(2020, 1, 31) == to_partial_date(dt.date(2020, 1, 31))


def test_to_partial_date_accepts_a_datetime() -> None:
    """A datetime keeps its day only."""
    assert PartialDate(2020, 1, 31) == to_partial_date(dt.datetime(2020, 1, 31, 23, 59))


def test_to_partial_date_rejects_numbers() -> None:
    """A number is no date."""
    with pytest.raises(TypeError, match="is not a date"):
        to_partial_date(2020)  # type: ignore[arg-type]  # the wrong type is the point


def test_optional_empty_is_none() -> None:
    """An empty string is no date, as None."""
    assert to_optional_partial_date("") is None


def test_to_day_rejects_partial() -> None:
    """A cut-off must be a day: the message says the month is not enough, and the form."""
    with pytest.raises(InvalidDateError) as caught:
        to_day("2020-09")
    expected = "'2020-09' is not a day: a month is not enough here; write YYYY-MM-DD"
    assert expected == str(caught.value)


def test_to_day_rejects_a_partial_date_record() -> None:
    """A PartialDate of a year is no cut-off either."""
    with pytest.raises(InvalidDateError, match="a year is not enough here"):
        to_day(PartialDate(2020))


def test_invalid_date_is_ours_and_a_value_error() -> None:
    """A bad date is a SanctionsTrackerError and a ValueError."""
    with pytest.raises(InvalidDateError) as caught:
        parse_date("2020-13")
    expected = (True, True)
    assert expected == (
        isinstance(caught.value, SanctionsTrackerError),
        isinstance(caught.value, ValueError),
    )


def test_record_with_a_bad_date_raises_our_error() -> None:
    """A record built with month 13 raises InvalidDateError, not a bare ValueError."""
    from sanctions_tracker import JointStatement

    with pytest.raises(InvalidDateError, match="month 13 is not between 1 and 12"):
        JointStatement("s", "T", "2020-13")


# -- one message style: what is wrong, and what to write there ---------------------------


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("2020-13-01", False, f"month 13 is not between 1 and 12; write {DATE_FORMS}"),
        ("2020-13-01", True, f"month 13 is not between 1 and 12; write {DAY_FORM}"),
        ("2021-02-29", False, f"day 29 is not in 2021-02; write {DATE_FORMS}"),
        ("0000", False, f"year 0 is not between 1 and 9999; write {DATE_FORMS}"),
        ("yesterday", False, f"write {DATE_FORMS}"),
        ("yesterday", True, f"write {DAY_FORM}"),
        ("31/12/2021", True, "write 2021-12-31"),
        ("31.12.2021", False, "write 2021-12-31"),
        ("12/31/2021", True, "write 2021-12-31"),
        ("2021/12/31", True, "write 2021-12-31"),
        ("01/02/2021", True, "write 2021-02-01 (day first) or 2021-01-02 (month first)"),
        ("31.02.2021", True, f"day 31 is not in 2021-02; write {DAY_FORM}"),
        ("12/2021", False, "write 2021-12"),
        ("12/2021", True, f"a month is not enough here; write {DAY_FORM}"),
        ("2020-12-31T10:00", True, "a date has no time of day; write 2020-12-31"),
    ],
)
def test_message_says_what_is_wrong_and_what_to_write(text: str, day: bool, expected: str) -> None:
    """Each message names the text, what is wrong with it and what is accepted there."""
    assert f"{text!r} is not a date: {expected}" == date_problem(text, day=day)


def test_cut_off_never_advises_partial_forms() -> None:
    """Where a whole day is needed, the advice is a whole day or YYYY-MM-DD, never YYYY[-MM]."""
    texts = ["31/12/2021", "12/2021", "2021", "2021-12", "2021.12", "Dec 2021", "2021-13-01"]
    advised = [str(date_problem(text, day=True)).rpartition("write ")[2] for text in texts]
    expected = ["2021-12-31"] + [DAY_FORM] * 6
    assert expected == advised


def test_invalid_date_attributes() -> None:
    """The value, what is wrong and the advice are attributes beside the message."""
    with pytest.raises(InvalidDateError) as caught:
        parse_date(" 2020-13 ")
    err = caught.value
    expected = (" 2020-13 ", "month 13 is not between 1 and 12", DATE_FORMS, False)
    assert expected == (err.value, err.reason, err.advice, err.day)


def test_parse_date_day_reads_a_day() -> None:
    """With day=True a whole day parses as itself."""
    assert PartialDate(2020, 12, 31) == parse_date("2020-12-31", day=True)


@given(st.text(alphabet="0123456789-/. T:", max_size=12))
def test_problem_exactly_when_parse_fails(text: str) -> None:
    """date_problem is None exactly when parse_date reads the text, else its message."""
    message = None
    try:
        parse_date(text)
    except InvalidDateError as err:
        message = str(err)
    assert message == date_problem(text)


@given(partial_dates())
def test_parse_str_round_trip(date: PartialDate) -> None:
    """Printing then parsing gives the same date back."""
    assert date == PartialDate.parse(str(date))


@given(partial_dates())
def test_from_first_round_trip(date: PartialDate) -> None:
    """A table's (first day, precision) pair rebuilds the date."""
    assert date == PartialDate.from_first(date.first, date.precision)


@given(partial_dates())
def test_interval_bounds_inside(date: PartialDate) -> None:
    """An interval contains its first and last day, first not after last."""
    expected = (True, True, True)
    assert expected == (
        date.first <= date.last,
        date.contains(date.first),
        date.contains(date.last),
    )


@given(partial_dates(), partial_dates())
def test_ordering_is_total(a: PartialDate, b: PartialDate) -> None:
    """Exactly one of a < b, a == b, a > b holds."""
    expected = 1
    assert expected == [a < b, a == b, a > b].count(True)


@given(st.lists(partial_dates(), min_size=2, max_size=5))
def test_sorted_by_first_day(dates: list[PartialDate]) -> None:
    """Sorting orders the intervals by their first day."""
    ordered = sorted(dates)
    assert sorted(d.first for d in dates) == [d.first for d in ordered]
