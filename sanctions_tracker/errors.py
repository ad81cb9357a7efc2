"""The one error hierarchy of sanctions_tracker.

Every error the library raises on bad input derives from
:class:`SanctionsTrackerError` and from the nearest built-in exception, so callers
can catch either.

>>> issubclass(UnknownCountryError, LookupError)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "AmbiguousCountryError",
    "AmbiguousProgrammeError",
    "DataFormatError",
    "InvalidDateError",
    "Problem",
    "QueryError",
    "SanctionsTrackerError",
    "UnknownBlocError",
    "UnknownCountryError",
    "UnknownDocumentError",
    "UnknownProgrammeError",
    "ValidationError",
]


class SanctionsTrackerError(Exception):
    """The base of every error that sanctions_tracker raises on purpose."""


class UnknownCountryError(SanctionsTrackerError, LookupError):
    """A text names no country we know.

    >>> err = UnknownCountryError("Atlantis", suggestions=("Austria",))
    >>> str(err)
    "unknown country 'Atlantis' (did you mean Austria?)"
    """

    def __init__(
        self,
        value: str,
        *,
        suggestions: Sequence[str] = (),
        hint: str | None = None,
    ) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        self.hint = hint
        message = f"unknown country {value!r}"
        if hint:
            message += f": {hint}"
        if self.suggestions:
            message += f" (did you mean {_or_list(self.suggestions)}?)"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unknown, (self.value, self.suggestions, self.hint))


def _rebuild_unknown(
    value: str, suggestions: tuple[str, ...], hint: str | None
) -> UnknownCountryError:
    return UnknownCountryError(value, suggestions=suggestions, hint=hint)


class AmbiguousCountryError(SanctionsTrackerError, LookupError):
    """A text fits more than one country; we never guess between them.

    >>> str(AmbiguousCountryError("Korea", candidates=("KP North Korea", "KR South Korea")))
    "ambiguous country 'Korea': it could be KP North Korea or KR South Korea; write one of them"
    """

    def __init__(self, value: str, *, candidates: Sequence[str]) -> None:
        self.value = value
        self.candidates = tuple(candidates)
        super().__init__(
            f"ambiguous country {value!r}: it could be {_or_list(self.candidates)}; "
            "write one of them"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_ambiguous, (self.value, self.candidates))


def _rebuild_ambiguous(value: str, candidates: tuple[str, ...]) -> AmbiguousCountryError:
    return AmbiguousCountryError(value, candidates=candidates)


class UnknownBlocError(SanctionsTrackerError, LookupError):
    """A code names no bloc we know."""


class UnknownDocumentError(SanctionsTrackerError, KeyError):
    """A query names a document that the dataset does not hold.

    >>> err = UnknownDocumentError("x", known=("a", "b"))
    >>> print(err)
    unknown document 'x': the documents are a, b
    >>> isinstance(err, KeyError), err.document_id
    (True, 'x')
    """

    def __init__(self, document_id: str, *, known: Sequence[str] = ()) -> None:
        self.document_id = document_id
        self.known = tuple(known)
        shown = ", ".join(self.known[:20]) + (", ..." if len(self.known) > 20 else "")
        super().__init__(f"unknown document {document_id!r}: the documents are {shown or 'none'}")

    def __str__(self) -> str:
        # KeyError quotes its argument; the message reads better as written.
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_document, (self.document_id, self.known))


def _rebuild_document(document_id: str, known: tuple[str, ...]) -> UnknownDocumentError:
    return UnknownDocumentError(document_id, known=known)


class UnknownProgrammeError(SanctionsTrackerError, LookupError):
    """A key or alias names no programme of the OpenSanctions registry.

    >>> str(UnknownProgrammeError("EU-BLRR", suggestions=("EU-BLR",)))
    "unknown programme 'EU-BLRR' (did you mean EU-BLR?)"
    """

    def __init__(self, value: str, *, suggestions: Sequence[str] = ()) -> None:
        self.value = value
        self.suggestions = tuple(suggestions)
        message = f"unknown programme {value!r}"
        if self.suggestions:
            message += f" (did you mean {_or_list(self.suggestions)}?)"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_programme, (self.value, self.suggestions))


def _rebuild_programme(value: str, suggestions: tuple[str, ...]) -> UnknownProgrammeError:
    return UnknownProgrammeError(value, suggestions=suggestions)


class AmbiguousProgrammeError(SanctionsTrackerError, LookupError):
    """An alias belongs to several programmes; we never guess between them.

    >>> print(AmbiguousProgrammeError("UNSCR 1718", candidates=("EU-PRK", "GB-DPRK")))
    ambiguous programme 'UNSCR 1718': it is an alias of EU-PRK or GB-DPRK; give the key
    """

    def __init__(self, value: str, *, candidates: Sequence[str]) -> None:
        self.value = value
        self.candidates = tuple(candidates)
        super().__init__(
            f"ambiguous programme {value!r}: it is an alias of {_or_list(self.candidates)}; "
            "give the key"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_ambiguous_programme, (self.value, self.candidates))


def _rebuild_ambiguous_programme(
    value: str, candidates: tuple[str, ...]
) -> AmbiguousProgrammeError:
    return AmbiguousProgrammeError(value, candidates=candidates)


class QueryError(SanctionsTrackerError, ValueError):
    """A query's arguments do not fit together (a bad date, two modes at once, no target).

    >>> print(QueryError("as_of='2020-13-01': not a date"))
    as_of='2020-13-01': not a date
    """


class InvalidDateError(SanctionsTrackerError, ValueError):
    """A text is not a date of a form accepted where it stands.

    ``value`` is the text as given, ``reason`` what is wrong with it (None when it is
    no date at all), ``advice`` what to write instead: the accepted forms, or the same
    date rewritten when that is certain. ``day`` is True when the text is a date, but
    only a year or a month where a whole day is needed.

    >>> err = InvalidDateError("2020-13-01", reason="month 13 is not between 1 and 12",
    ...                        advice="YYYY, YYYY-MM or YYYY-MM-DD")
    >>> print(err)
    '2020-13-01' is not a date: month 13 is not between 1 and 12; write YYYY, YYYY-MM or YYYY-MM-DD
    >>> print(InvalidDateError("2021-12", reason="a month is not enough here",
    ...                        advice="YYYY-MM-DD", day=True))
    '2021-12' is not a day: a month is not enough here; write YYYY-MM-DD
    """

    def __init__(
        self, value: str, *, reason: str | None = None, advice: str, day: bool = False
    ) -> None:
        self.value = value
        self.reason = reason
        self.advice = advice
        self.day = day
        wrong = f"{reason}; " if reason else ""
        super().__init__(f"{value!r} is not a {'day' if day else 'date'}: {wrong}write {advice}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_date, (self.value, self.reason, self.advice, self.day))


def _rebuild_date(value: str, reason: str | None, advice: str, day: bool) -> InvalidDateError:
    return InvalidDateError(value, reason=reason, advice=advice, day=day)


@attrs.frozen
class Problem:
    """One problem of an input: where it is, and what is wrong there.

    The place is data: ``path`` in the dataset as a reader of records names it
    (``statements['x'].signatures[7]``), the ``table`` and its 1-based data ``row``,
    the ``file`` with its ``line`` (or, for a file without lines, the row), and the
    ``column``. ``first_row`` (``first_line``) names the row (line) where a duplicate
    was first given. The text is made when the problem is shown, and names a file
    line or a table row, never both.

    >>> str(Problem("statements['x'].signatures[7].party", "unknown country 'Atlantis'"))
    "statements['x'].signatures[7].party: unknown country 'Atlantis'"
    >>> problem = Problem("statements['s']", "duplicate document id 's'", table="documents",
    ...                   row=2, first_row=1)
    >>> print(problem)
    statements['s'] (documents row 2): duplicate document id 's' (first given in documents row 1)
    >>> print(attrs.evolve(problem, file="documents.csv", line=3, first_line=2))
    statements['s'] (documents.csv, line 3): duplicate document id 's' (first given on line 2)
    >>> print(Problem("", "'2020-13' is not a date", file="a.csv", line=4, column="date"))
    a.csv, line 4, column 'date': '2020-13' is not a date
    """

    path: str
    message: str
    table: str | None = attrs.field(default=None, kw_only=True)
    row: int | None = attrs.field(default=None, kw_only=True)
    file: str | None = attrs.field(default=None, kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)
    column: str | None = attrs.field(default=None, kw_only=True)
    first_row: int | None = attrs.field(default=None, kw_only=True)
    first_line: int | None = attrs.field(default=None, kw_only=True)

    @property
    def location(self) -> str:
        """The file and line (or row), or the table and row, and the column.

        >>> Problem("", "bad", table="alignments", row=2, column="country").location
        "alignments row 2, column 'country'"
        """
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
            if self.line is not None:
                parts.append(f"line {self.line}")
            elif self.row is not None:
                parts.append(f"row {self.row}")
        elif self.table is not None and self.row is not None:
            parts.append(f"{self.table} row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    @property
    def where(self) -> str:
        """The path and the location as shown: ``path (location)``, or either alone."""
        location = self.location
        if self.path and location:
            return f"{self.path} ({location})"
        return self.path or location

    @property
    def text(self) -> str:
        """The message, with where a duplicate was first given."""
        if self.file is not None and self.first_line is not None:
            return f"{self.message} (first given on line {self.first_line})"
        if self.first_row is not None:
            return f"{self.message} (first given in {self.table} row {self.first_row})"
        return self.message

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.text}" if where else self.text


class ValidationError(SanctionsTrackerError, ValueError):
    """Every problem of an input at once, each with its location.

    >>> err = ValidationError([Problem("a", "bad"), Problem("b", "worse")])
    >>> print(err)
    2 problems:
      a: bad
      b: worse
    >>> len(err.problems)
    2
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            message = str(self.problems[0])
        else:
            lines = "\n".join(f"  {p}" for p in self.problems)
            message = f"{len(self.problems)} problems:\n{lines}"
        super().__init__(message)

    @classmethod
    def single(cls, path: str, message: str) -> ValidationError:
        """An error with one problem.

        >>> str(ValidationError.single("regimes['X']", "unknown measure 'shaming'"))
        "regimes['X']: unknown measure 'shaming'"
        """
        return cls([Problem(path, message)])

    def __reduce__(self) -> tuple[object, ...]:
        return (ValidationError, (self.problems,))


class DataFormatError(SanctionsTrackerError, ValueError):
    """A file cannot be read: names the file, and the line and column where known.

    >>> where = {"file": "signatures.csv", "line": 4, "column": "signed_on"}
    >>> err = DataFormatError("bad date '2020-13'", **where)
    >>> str(err)
    "signatures.csv, line 4, column 'signed_on': bad date '2020-13'"
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.reason = message
        where = [
            part
            for part in (
                file,
                f"line {line}" if line is not None else None,
                f"column {column!r}" if column is not None else None,
            )
            if part
        ]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_format, (self.reason, self.file, self.line, self.column))


def _rebuild_format(
    reason: str, file: str | None, line: int | None, column: str | None
) -> DataFormatError:
    return DataFormatError(reason, file=file, line=line, column=column)


def _or_list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
