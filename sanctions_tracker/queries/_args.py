"""Argument checks of the queries: days, windows, documents, targets and regime ids.

Each check turns a user's value into what the queries use, or raises our own error
naming the argument and the fix.

>>> _when("2020-12-31", None, None)
_When(as_of=datetime.date(2020, 12, 31), since=None, until=None)
>>> _when(None, "2021-01-01", "2020-12-31")
Traceback (most recent call last):
...
sanctions_tracker.errors.QueryError: since 2021-01-01 is after until 2020-12-31: give since <= until
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
import polars as pl

from sanctions_tracker._advice import LATER_UNTIL, SINCE_UNTIL
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import PartialDate, to_day
from sanctions_tracker.errors import (
    QueryError,
    SanctionsTrackerError,
    UnknownBlocError,
    UnknownDocumentError,
)
from sanctions_tracker.regions import Region, is_region
from sanctions_tracker.tables import Tables

__all__ = ["CountryLike", "DayLike"]

DayLike = dt.date | str
CountryLike = Country | str


@attrs.frozen
class _When:
    """Status on a day (``as_of``), or response in a window (``since``..``until``)."""

    as_of: dt.date | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def response(self) -> bool:
        return self.as_of is None


def _day(value: DayLike | PartialDate | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return to_day(value)
    except (ValueError, TypeError) as err:
        # The date's message names the value; the argument is named once, as on the CLI.
        raise QueryError(f"{name}: {err}") from None


def _when(as_of: DayLike | None, since: DayLike | None, until: DayLike | None) -> _When:
    day, start, end = _day(as_of, "as_of"), _day(since, "since"), _day(until, "until")
    if day is not None and (start is not None or end is not None):
        raise QueryError(
            "give as_of (status on a day) or since/until (response in a window), not both"
        )
    if start is not None and end is not None and start > end:
        raise QueryError(f"since {start} is after until {end}: {SINCE_UNTIL.python}")
    if day is None and start is None and end is None:
        day = dt.date.today()
    return _When(day, start, end)


def _as_of(as_of: DayLike | None) -> dt.date:
    """The day of a status: ``as_of``, or today."""
    day = _when(as_of, None, None).as_of
    assert day is not None  # _when gives today when nothing is given
    return day


def _document(tables: Tables, document_id: str) -> tuple[dt.date, str | None]:
    """The first day and the subject code of one document; our error when unknown."""
    found = tables.documents.filter(pl.col("document_id") == document_id)
    if found.height == 0:
        raise UnknownDocumentError(
            document_id, known=tables.documents["document_id"].sort().to_list()
        )
    day, subject = found.select("date", pl.col("subject").cast(pl.String)).row(0)
    return day, subject


def _country_code(value: CountryLike, name: str) -> str:
    if isinstance(value, Country):
        return value.code
    try:
        return resolve_country(value).code
    except (SanctionsTrackerError, TypeError) as err:
        raise QueryError(f"{name}={value!r}: {err}") from None


def _target_code(value: CountryLike | Region, name: str) -> str:
    """A target's code: a region's ISO 3166-2 code (``ua-cri`` is ``UA-43``), else a
    country's.

    >>> _target_code("ua-cri", "target"), _target_code("Belarus", "target")
    ('UA-43', 'BY')
    """
    if isinstance(value, Region):
        return value.code
    if isinstance(value, str) and is_region(value):
        return Region(value).code
    return _country_code(value, name)


def _party_code(tables: Tables, value: CountryLike) -> str:
    """A bloc code as given (``EU``), else a country's code."""
    if isinstance(value, str) and value.strip().upper() in tables.blocs["bloc"]:
        return value.strip().upper()
    return _country_code(value, "country")


def _bloc_code(tables: Tables, bloc: str) -> str:
    code = bloc.strip().upper()
    if code not in tables.blocs["bloc"].to_list():
        known = ", ".join(tables.blocs["bloc"].sort().to_list())
        raise UnknownBlocError(f"unknown bloc {bloc!r}: the blocs are {known}")
    return code


def _target(tables: Tables, document_id: str, target: CountryLike | None) -> tuple[dt.date, str]:
    first, subject = _document(tables, document_id)
    if target is not None:
        return first, _target_code(target, "target")
    if subject is None:
        raise QueryError(
            f"document {document_id!r} has no subject: give target= (the sanctioned country)"
        )
    return first, subject


def _single_window(when: _When, document_first: dt.date) -> _When:
    """A window whose open start is the document's date."""
    if not when.response:
        return when
    since = when.since or document_first
    if when.until is not None and since > when.until:
        raise QueryError(
            f"until {when.until} is before the document's date {document_first}: "
            f"{LATER_UNTIL.python}"
        )
    return _When(None, since, when.until)


def _document_ids(tables: Tables, documents: Iterable[str] | None) -> list[str]:
    known = tables.documents["document_id"]
    if documents is None:
        return known.to_list()
    wanted = [documents] if isinstance(documents, str) else list(documents)
    missing = sorted(set(wanted) - set(known.to_list()))
    if missing:
        raise UnknownDocumentError(missing[0], known=known.sort().to_list())
    return wanted


def _with_subject(tables: Tables, documents: Iterable[str] | None) -> list[str]:
    """The documents asked for, each with a subject; all with a subject when None."""
    ids = _document_ids(tables, documents)
    chosen = tables.documents.filter(pl.col("document_id").is_in(ids))
    if documents is not None:
        no_subject = chosen.filter(pl.col("subject").is_null())["document_id"]
        if no_subject.len():
            raise QueryError(
                f"document {no_subject[0]!r} has no subject, so nobody can sanction it: "
                "leave it out of documents="
            )
    return chosen.filter(pl.col("subject").is_not_null())["document_id"].to_list()


def _regime_ids(tables: Tables, regimes: Iterable[str] | None) -> list[str] | None:
    if regimes is None:
        return None
    wanted = [regimes] if isinstance(regimes, str) else list(regimes)
    known = tables.regimes["regime_id"]
    missing = sorted(set(wanted) - set(known.to_list()))
    if missing:
        raise QueryError(
            f"regimes=: unknown regime {missing[0]!r}: the regimes are "
            f"{', '.join(known.sort().to_list()[:20]) or 'none'}"
        )
    return wanted
