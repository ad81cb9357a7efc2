"""The error hierarchy: our base, the nearest built-ins, structured attributes, pickling."""

from __future__ import annotations

import pickle

import pytest

from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    InvalidDateError,
    Problem,
    QueryError,
    SanctionsTrackerError,
    UnknownBlocError,
    UnknownCountryError,
    UnknownDocumentError,
    ValidationError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (UnknownCountryError, LookupError),
        (AmbiguousCountryError, LookupError),
        (UnknownBlocError, LookupError),
        (UnknownDocumentError, KeyError),
        (ValidationError, ValueError),
        (DataFormatError, ValueError),
        (QueryError, ValueError),
        (InvalidDateError, ValueError),
    ],
)
def test_errors_derive_from_base_and_builtin(error: type[Exception], builtin: type) -> None:
    """Each error is both a SanctionsTrackerError and its nearest built-in."""
    expected = (True, True)
    assert expected == (issubclass(error, SanctionsTrackerError), issubclass(error, builtin))


def test_base_is_an_exception() -> None:
    """The base derives from Exception, not BaseException alone."""
    assert issubclass(SanctionsTrackerError, Exception)


_ERRORS = [
    UnknownCountryError("Atlantis", suggestions=("Austria", "Australia"), hint="not a code"),
    AmbiguousCountryError("Korea", candidates=("KP North Korea", "KR South Korea")),
    UnknownBlocError("unknown bloc 'ASEAN'"),
    UnknownDocumentError("x", known=("a", "b")),
    QueryError("as_of='2020-13-01': not a date"),
    InvalidDateError("2020-12", reason="a month is not enough here", advice="YYYY-MM-DD", day=True),
    InvalidDateError("31/12/2021", advice="2021-12-31"),
    ValidationError([Problem("a", "bad"), Problem("b", "worse")]),
    ValidationError([Problem("", "alone")]),
    DataFormatError("bad date '2020-13'", file="signatures.csv", line=4, column="signed_on"),
    DataFormatError("empty file"),
]


@pytest.mark.parametrize("error", _ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle_round_trip(error: SanctionsTrackerError) -> None:
    """An error survives pickling with its type, message and attributes."""
    copy = pickle.loads(pickle.dumps(error))
    expected = (type(error), str(error), vars(error))
    assert expected == (type(copy), str(copy), vars(copy))


def test_unknown_country_message() -> None:
    """The message names the value, the hint and the suggestions."""
    error = UnknownCountryError("Atlantis", suggestions=("Austria", "Australia"), hint="not ISO")
    expected = "unknown country 'Atlantis': not ISO (did you mean Austria or Australia?)"
    assert expected == str(error)


def test_unknown_country_attributes() -> None:
    """The value and suggestions are attributes beside the message."""
    error = UnknownCountryError("Atlantis", suggestions=["Austria"])
    expected = ("Atlantis", ("Austria",))
    assert expected == (error.value, error.suggestions)


def test_ambiguous_country_candidates() -> None:
    """The candidates are kept as a tuple."""
    error = AmbiguousCountryError("Congo", candidates=["CD", "CG"])
    expected = ("CD", "CG")
    assert expected == error.candidates


def test_unknown_document_reads_as_written() -> None:
    """Unlike a bare KeyError, the message is not quoted."""
    expected = "unknown document 'x': the documents are none"
    assert expected == str(UnknownDocumentError("x"))


def test_unknown_document_shortens_long_lists() -> None:
    """Past twenty known ids the message ends with an ellipsis."""
    error = UnknownDocumentError("x", known=[f"d{i:02d}" for i in range(25)])
    assert str(error).endswith("d19, ...")


def test_validation_error_one_problem() -> None:
    """One problem reads as that problem."""
    expected = "regimes['X']: unknown measure 'shaming'"
    assert expected == str(ValidationError.single("regimes['X']", "unknown measure 'shaming'"))


def test_validation_error_counts_problems() -> None:
    """Several problems are counted and listed one a line."""
    error = ValidationError([Problem("a", "bad"), Problem("b", "worse")])
    expected = "2 problems:\n  a: bad\n  b: worse"
    assert expected == str(error)


def test_validation_error_keeps_problems() -> None:
    """The problems are kept as a tuple of Problem records."""
    problems = [Problem("a", "bad")]
    expected = (Problem("a", "bad"),)
    assert expected == ValidationError(problems).problems


def test_problem_without_path() -> None:
    """A problem with no path reads as its message."""
    expected = "alone"
    assert expected == str(Problem("", "alone"))


def test_data_format_error_location() -> None:
    """The message names the file, the line and the column."""
    error = DataFormatError("bad date", file="a.csv", line=4, column="signed_on")
    expected = "a.csv, line 4, column 'signed_on': bad date"
    assert expected == str(error)


def test_data_format_error_line_zero() -> None:
    """Line zero is a line."""
    expected = "a.csv, line 0: bad"
    assert expected == str(DataFormatError("bad", file="a.csv", line=0))
