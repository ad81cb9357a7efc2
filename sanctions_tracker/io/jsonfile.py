"""The JSON document format: lossless, versioned, and writable by hand.

A document is one object: ``{"format": "sanctions-tracker", "version": 1, ...}`` with
lists of statements, letters, regimes, actions, designations, alignments and
user-defined blocs. Dates are strings that keep their precision (``"2020"``,
``"2020-09"``, ``"2020-09-17"``); countries are codes, or names that
:func:`~sanctions_tracker.resolve_country` resolves. See ``docs/formats.md``.

Reading collects every problem of a document, each with its path in it, into one
:class:`~sanctions_tracker.ValidationError`.

>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.tables import records_to_tables
>>> text = dumps(records_to_tables(statements=[
...     JointStatement("s", "On Belarus", "2020-09", "BY", ["Japan"])]))
>>> print(text)
{
  "format": "sanctions-tracker",
  "version": 1,
  "statements": [
    {
      "id": "s",
      "title": "On Belarus",
      "issued_on": "2020-09",
      "subject": "BY",
      "signatures": [
        "JP"
      ]
    }
  ]
}
>>> loads(text).signatures["party"].to_list()
['JP']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from sanctions_tracker import blocs as builtin_blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    Problem,
    UnknownBlocError,
    UnknownCountryError,
    ValidationError,
)
from sanctions_tracker.records import (
    Alignment,
    Designation,
    JointStatement,
    Letter,
    Organization,
    Party,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)
from sanctions_tracker.tables import Tables, records_to_tables, tables_to_records

__all__ = ["FORMAT_ID", "FORMAT_VERSION", "dumps", "is_ours", "loads", "read_json", "write_json"]

FORMAT_ID: Final = "sanctions-tracker"
"""The value of the ``"format"`` key that marks a document as ours."""

FORMAT_VERSION: Final = 1
"""The newest document version this library reads and the one it writes."""

_SECTIONS: Final = (
    "statements",
    "letters",
    "regimes",
    "actions",
    "designations",
    "alignments",
    "blocs",
)

T = TypeVar("T")


class _Bad:
    """Marks a value that could not be read (its problem is already recorded)."""


_BAD: Final = _Bad()


# -- writing -------------------------------------------------------------------------------


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _compact(fields: dict[str, Any]) -> dict[str, Any]:
    """Leave out the keys that hold their default (empty text, empty list, None)."""
    return {k: v for k, v in fields.items() if v not in (None, "", [], ())}


def _country_or_none(value: Country | None) -> str | None:
    return None if value is None else value.code


def _reads_as_country(text: str) -> bool:
    try:
        resolve_country(text)
    except (UnknownCountryError, AmbiguousCountryError):
        return False
    return True


def _party(party: Party) -> str | dict[str, Any]:
    if isinstance(party, Country):
        return party.code
    if isinstance(party, Bloc):
        # A bloc code that could be read as a country ("AU") is written as an object.
        return {"bloc": party.code} if _reads_as_country(party.code) else party.code
    kind, country_key = (
        ("organization", "country")
        if isinstance(party, Organization)
        else ("person", "nationality")
    )
    country = party.country if isinstance(party, Organization) else party.nationality
    return _compact(
        {
            kind: party.name,
            country_key: _country_or_none(country),
            "identifiers": list(party.identifiers),
            "id": party.id,
        }
    ) | {kind: party.name}


def _signature(signature: Signature) -> str | dict[str, Any]:
    party = _party(signature.party)
    fields = _compact(
        {
            "signed_on": _date(signature.signed_on),
            "withdrawn_on": _date(signature.withdrawn_on),
            "vote": None if signature.vote == "for" else signature.vote,
            "note": signature.note,
            "sources": list(signature.sources),
        }
    )
    if not fields and isinstance(party, str):
        return party
    return {"party": party, **fields}


def _statement(statement: JointStatement) -> dict[str, Any]:
    return _compact(
        {
            "id": statement.id,
            "title": statement.title,
            "issued_on": _date(statement.issued_on),
            "subject": _country_or_none(statement.subject),
            "issuer": statement.issuer,
            "forum": statement.forum,
            "stance": statement.stance,
            "signatures": [_signature(s) for s in statement.signatures],
            "note": statement.note,
            "sources": list(statement.sources),
        }
    ) | {"title": statement.title}


def _letter(letter: Letter) -> dict[str, Any]:
    return _compact(
        {
            "id": letter.id,
            "title": letter.title,
            "published_on": _date(letter.published_on),
            "subject": _country_or_none(letter.subject),
            "addressee": letter.addressee,
            "demands": list(letter.demands),
            "anonymous": letter.anonymous or None,
            "reported_count": letter.reported_count,
            "count_qualifier": None
            if letter.count_qualifier == "exact"
            else letter.count_qualifier,
            "count_as_of": _date(letter.count_as_of),
            "disclosure_threshold": letter.disclosure_threshold,
            "signatures": [_signature(s) for s in letter.signatures],
            "note": letter.note,
            "sources": list(letter.sources),
        }
    ) | {"title": letter.title}


def _regime(regime: SanctionsRegime) -> dict[str, Any]:
    return _compact(
        {
            "id": regime.id,
            "name": regime.name,
            "authority": _party(regime.authority),
            "target": _country_or_none(regime.target),
            "legal_basis": regime.legal_basis,
            "measures": sorted(regime.measures),
            "established_on": _date(regime.established_on),
            "lifted_on": _date(regime.lifted_on),
            "note": regime.note,
            "sources": list(regime.sources),
        }
    ) | {"name": regime.name}


def _action(action: SanctionsAction) -> dict[str, Any]:
    return _compact(
        {
            "regime": action.regime,
            "date": _date(action.date),
            "kind": action.kind,
            "legal_reference": action.legal_reference,
            "designations": list(action.designations),
            "designation_count": action.designation_count,
            "note": action.note,
            "sources": list(action.sources),
        }
    )


def _designation(designation: Designation) -> dict[str, Any]:
    return _compact(
        {
            "id": designation.id,
            "regime": designation.regime,
            "target": _party(designation.target),
            "listed_on": _date(designation.listed_on),
            "delisted_on": _date(designation.delisted_on),
            "reason": designation.reason,
            "sources": list(designation.sources),
        }
    )


def _alignment(alignment: Alignment) -> dict[str, Any]:
    return _compact(
        {
            "country": alignment.country.code,
            "regime": alignment.regime,
            "act": alignment.act,
            "aligned_on": _date(alignment.aligned_on),
            "ended_on": _date(alignment.ended_on),
            "note": alignment.note,
            "sources": list(alignment.sources),
        }
    )


def _membership(membership: Membership) -> dict[str, Any]:
    return _compact(
        {
            "country": membership.country.code,
            "joined": membership.joined.isoformat(),
            "left": membership.left.isoformat() if membership.left else None,
            "source": membership.source,
            "note": membership.note,
        }
    )


def _bloc(bloc: Bloc) -> dict[str, Any]:
    return _compact(
        {
            "code": bloc.code,
            "name": bloc.name,
            "source": bloc.source,
            "note": bloc.note,
            "memberships": [_membership(m) for m in bloc.memberships],
        }
    ) | {"name": bloc.name}


def to_document(tables: Tables) -> dict[str, Any]:
    """The JSON document (as Python objects) of a dataset's tables.

    >>> to_document(records_to_tables())
    {'format': 'sanctions-tracker', 'version': 1}
    """
    records = tables_to_records(tables)
    sections: dict[str, list[dict[str, Any]]] = {
        "statements": [_statement(s) for s in records.statements],
        "letters": [_letter(x) for x in records.letters],
        "regimes": [_regime(r) for r in records.regimes],
        "actions": [_action(a) for a in records.actions],
        "designations": [_designation(d) for d in records.designations],
        "alignments": [_alignment(a) for a in records.alignments],
        "blocs": [_bloc(b) for b in records.blocs],
    }
    return {
        "format": FORMAT_ID,
        "version": FORMAT_VERSION,
        **{name: items for name, items in sections.items() if items},
    }


def dumps(tables: Tables) -> str:
    """The JSON text of a dataset's tables, indented, ending in a newline.

    >>> dumps(records_to_tables()).splitlines()[1]
    '  "format": "sanctions-tracker",'
    """
    return json.dumps(to_document(tables), indent=2, ensure_ascii=False) + "\n"


def write_json(tables: Tables, path: Path) -> None:
    """Write the JSON document of a dataset's tables to ``path`` (not atomically).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "empty.json"
    >>> write_json(records_to_tables(), path)
    >>> is_ours(path)
    True
    """
    path.write_text(dumps(tables), encoding="utf-8")


# -- reading -------------------------------------------------------------------------------


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


class _Reader:
    """Reads one document, recording every problem with its path instead of stopping."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.user_blocs: dict[str, Bloc] = {}

    def fail(self, path: str, message: str) -> _Bad:
        self.problems.append(Problem(path, message))
        return _BAD

    # small values

    def obj(
        self, value: object, path: str, keys: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object {{...}}, found {_kind(value)}")
            return None
        unknown = [k for k in value if k not in keys]
        if unknown:
            self.fail(
                path,
                f"unknown keys {', '.join(map(repr, unknown))}: the keys are {', '.join(keys)}",
            )
        missing = [key for key in required if value.get(key) is None]
        for key in missing:
            self.fail(f"{path}.{key}", "is missing")
        # A missing required value is already reported: mark it so nothing else is.
        return {**value, **dict.fromkeys(missing, _BAD)}

    def items(self, value: object, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"expected a list [...], found {_kind(value)}")
            return []
        return value

    def text(self, value: object, path: str, default: str = "") -> str | _Bad:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return default
        if not isinstance(value, str):
            return self.fail(path, f"expected text, found {_kind(value)}")
        return value

    def optional_text(self, value: object, path: str) -> str | _Bad | None:
        return None if value is None else self.text(value, path)

    def texts(self, value: object, path: str) -> tuple[str, ...] | _Bad:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            return self.fail(path, f"expected a list of texts, found {_kind(value)}")
        bad = [i for i, item in enumerate(value) if not isinstance(item, str)]
        for index in bad:
            self.fail(f"{path}[{index}]", f"expected text, found {_kind(value[index])}")
        return _BAD if bad else tuple(value)

    def count(self, value: object, path: str) -> int | _Bad | None:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return self.fail(path, f"expected a whole number, found {_kind(value)}")
        if value < 0:
            return self.fail(path, f"must not be negative, found {value}")
        return value

    def flag(self, value: object, path: str) -> bool | _Bad:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return False
        if not isinstance(value, bool):
            return self.fail(path, f"expected true or false, found {_kind(value)}")
        return value

    def date(self, value: object, path: str) -> PartialDate | _Bad | None:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.fail(
                path, f"expected a date as text (YYYY, YYYY-MM or YYYY-MM-DD), found {_kind(value)}"
            )
        try:
            return PartialDate.parse(value)
        except ValueError as err:
            return self.fail(path, str(err))

    def country(self, value: object, path: str) -> Country | _Bad | None:
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return None
        if not isinstance(value, str):
            return self.fail(path, f"expected a country code or name, found {_kind(value)}")
        try:
            return resolve_country(value)
        except (UnknownCountryError, AmbiguousCountryError) as err:
            return self.fail(path, str(err))

    def choice(self, cls: type, field: str, value: object, path: str) -> Any:
        """A value through the record field's own converter (votes, kinds, measures)."""
        if isinstance(value, _Bad):
            return _BAD
        if value is None:
            return attrs.fields_dict(cls)[field].default
        if not isinstance(value, str | list):
            return self.fail(path, f"expected text, found {_kind(value)}")
        converter = attrs.fields_dict(cls)[field].converter
        assert callable(converter)
        try:
            return converter(value)
        except (ValueError, TypeError) as err:
            return self.fail(path, str(err))

    def bloc(self, text: str, path: str) -> Bloc | _Bad:
        found = self.user_blocs.get(text.strip().upper())
        if found is not None:
            return found
        try:
            return builtin_blocs.get(text)
        except UnknownBlocError as err:
            known = ", ".join(sorted(self.user_blocs))
            return self.fail(
                path, f"{err}{'; the blocs of this document are ' + known if known else ''}"
            )

    def party(self, value: object, path: str) -> Party | _Bad:
        if isinstance(value, _Bad):
            return _BAD
        if isinstance(value, str):
            try:
                return resolve_country(value)
            except (UnknownCountryError, AmbiguousCountryError) as err:
                if isinstance(err, AmbiguousCountryError):
                    return self.fail(path, str(err))
                named = self.user_blocs.get(value.strip().upper())
                if named is not None:
                    return named
                try:
                    return builtin_blocs.get(value)
                except UnknownBlocError:
                    return self.fail(path, f"{err}, and no bloc has that code or name")
        if isinstance(value, dict):
            if "bloc" in value:
                found = self.obj(value, path, ("bloc",), ("bloc",))
                text = self.text(found.get("bloc") if found else None, f"{path}.bloc")
                return text if isinstance(text, _Bad) else self.bloc(text, f"{path}.bloc")
            return self.entity(value, path)
        return self.fail(path, f"expected a country or bloc, or an object, found {_kind(value)}")

    def entity(self, value: object, path: str) -> Person | Organization | _Bad:
        if isinstance(value, _Bad):
            return _BAD
        cls: type[Person | Organization]
        if isinstance(value, dict) and "organization" in value:
            kind, country_key, cls = "organization", "country", Organization
        elif isinstance(value, dict) and "person" in value:
            kind, country_key, cls = "person", "nationality", Person
        else:
            return self.fail(
                path,
                'expected {"person": name, ...} or {"organization": name, ...}'
                + (f", found {_kind(value)}" if not isinstance(value, dict) else ""),
            )
        found = self.obj(value, path, (kind, country_key, "identifiers", "id"), (kind,))
        assert found is not None
        fields = (
            self.text(found.get(kind), f"{path}.{kind}"),
            self.country(found.get(country_key), f"{path}.{country_key}"),
            self.texts(found.get("identifiers"), f"{path}.identifiers"),
            self.optional_text(found.get("id"), f"{path}.id"),
        )
        return self.build(cls, path, *fields)

    def build(self, cls: Callable[..., T], path: str, *args: object, **kwargs: object) -> T | _Bad:
        """The record, unless a field failed or the record's own checks reject it."""
        if any(isinstance(v, _Bad) for v in (*args, *kwargs.values())):
            return _BAD
        try:
            return cls(*args, **kwargs)
        except (ValueError, TypeError, LookupError) as err:
            return self.fail(path, str(err))

    # records

    def signature(self, value: object, path: str) -> Signature | _Bad:
        if not isinstance(value, dict) or "party" not in value:
            party = self.party(value, path)
            return self.build(Signature, path, party)
        keys = ("party", "signed_on", "withdrawn_on", "vote", "note", "sources")
        found = self.obj(value, path, keys, ("party",))
        assert found is not None
        return self.build(
            Signature,
            path,
            self.party(found["party"], f"{path}.party"),
            self.date(found.get("signed_on"), f"{path}.signed_on"),
            self.date(found.get("withdrawn_on"), f"{path}.withdrawn_on"),
            self.choice(Signature, "vote", found.get("vote"), f"{path}.vote"),
            self.text(found.get("note"), f"{path}.note"),
            self.texts(found.get("sources"), f"{path}.sources"),
        )

    def signatures(self, value: object, path: str) -> list[Signature] | _Bad:
        result = [self.signature(v, f"{path}[{i}]") for i, v in enumerate(self.items(value, path))]
        good = [s for s in result if not isinstance(s, _Bad)]
        return _BAD if len(good) != len(result) else good

    def statement(self, value: object, path: str) -> JointStatement | _Bad:
        keys = ("id", "title", "issued_on", "subject", "issuer", "forum", "stance")
        found = self.obj(value, path, (*keys, "signatures", "note", "sources"), ("id", "issued_on"))
        if found is None:
            return _BAD
        return self.build(
            JointStatement,
            path,
            self.text(found.get("id"), f"{path}.id"),
            self.text(found.get("title"), f"{path}.title"),
            self.date(found.get("issued_on"), f"{path}.issued_on"),
            self.country(found.get("subject"), f"{path}.subject"),
            self.signatures(found.get("signatures"), f"{path}.signatures"),
            self.text(found.get("issuer"), f"{path}.issuer"),
            self.text(found.get("forum"), f"{path}.forum"),
            self.text(found.get("stance"), f"{path}.stance"),
            self.texts(found.get("sources"), f"{path}.sources"),
            self.text(found.get("note"), f"{path}.note"),
        )

    def letter(self, value: object, path: str) -> Letter | _Bad:
        keys = (
            "id",
            "title",
            "published_on",
            "subject",
            "addressee",
            "demands",
            "anonymous",
            "reported_count",
            "count_qualifier",
            "count_as_of",
            "disclosure_threshold",
            "signatures",
            "note",
            "sources",
        )
        found = self.obj(value, path, keys, ("id", "published_on"))
        if found is None:
            return _BAD
        return self.build(
            Letter,
            path,
            self.text(found.get("id"), f"{path}.id"),
            self.text(found.get("title"), f"{path}.title"),
            self.date(found.get("published_on"), f"{path}.published_on"),
            self.country(found.get("subject"), f"{path}.subject"),
            self.signatures(found.get("signatures"), f"{path}.signatures"),
            self.text(found.get("addressee"), f"{path}.addressee"),
            self.texts(found.get("demands"), f"{path}.demands"),
            self.count(found.get("reported_count"), f"{path}.reported_count"),
            self.choice(
                Letter, "count_qualifier", found.get("count_qualifier"), f"{path}.count_qualifier"
            ),
            self.date(found.get("count_as_of"), f"{path}.count_as_of"),
            self.flag(found.get("anonymous"), f"{path}.anonymous"),
            self.count(found.get("disclosure_threshold"), f"{path}.disclosure_threshold"),
            self.texts(found.get("sources"), f"{path}.sources"),
            self.text(found.get("note"), f"{path}.note"),
        )

    def authority(self, value: object, path: str) -> Country | Bloc | _Bad:
        if value is None:
            return _BAD  # reported as missing already
        party = self.party(value, path)
        if isinstance(party, Person | Organization):
            return self.fail(path, "a regime's authority is a country or a bloc")
        return party

    def regime(self, value: object, path: str) -> SanctionsRegime | _Bad:
        keys = ("id", "name", "authority", "target", "legal_basis", "measures")
        found = self.obj(
            value,
            path,
            (*keys, "established_on", "lifted_on", "note", "sources"),
            ("id", "authority"),
        )
        if found is None:
            return _BAD
        return self.build(
            SanctionsRegime,
            path,
            self.text(found.get("id"), f"{path}.id"),
            self.text(found.get("name"), f"{path}.name"),
            self.authority(found.get("authority"), f"{path}.authority"),
            self.country(found.get("target"), f"{path}.target"),
            self.text(found.get("legal_basis"), f"{path}.legal_basis"),
            self.choice(SanctionsRegime, "measures", found.get("measures"), f"{path}.measures"),
            self.date(found.get("established_on"), f"{path}.established_on"),
            self.date(found.get("lifted_on"), f"{path}.lifted_on"),
            self.texts(found.get("sources"), f"{path}.sources"),
            self.text(found.get("note"), f"{path}.note"),
        )

    def action(self, value: object, path: str) -> SanctionsAction | _Bad:
        keys = ("regime", "date", "kind", "legal_reference", "designations", "designation_count")
        found = self.obj(value, path, (*keys, "note", "sources"), ("regime", "date", "kind"))
        if found is None:
            return _BAD
        return self.build(
            SanctionsAction,
            path,
            self.text(found.get("regime"), f"{path}.regime"),
            self.date(found.get("date"), f"{path}.date"),
            self.choice(SanctionsAction, "kind", found.get("kind"), f"{path}.kind"),
            self.text(found.get("legal_reference"), f"{path}.legal_reference"),
            self.texts(found.get("designations"), f"{path}.designations"),
            self.count(found.get("designation_count"), f"{path}.designation_count"),
            self.text(found.get("note"), f"{path}.note"),
            self.texts(found.get("sources"), f"{path}.sources"),
        )

    def designation(self, value: object, path: str) -> Designation | _Bad:
        keys = ("id", "regime", "target", "listed_on", "delisted_on", "reason", "sources")
        found = self.obj(value, path, keys, ("id", "regime", "target"))
        if found is None:
            return _BAD
        target = found.get("target")
        return self.build(
            Designation,
            path,
            self.text(found.get("id"), f"{path}.id"),
            self.text(found.get("regime"), f"{path}.regime"),
            _BAD if target is None else self.entity(target, f"{path}.target"),
            self.date(found.get("listed_on"), f"{path}.listed_on"),
            self.date(found.get("delisted_on"), f"{path}.delisted_on"),
            self.text(found.get("reason"), f"{path}.reason"),
            self.texts(found.get("sources"), f"{path}.sources"),
        )

    def alignment(self, value: object, path: str) -> Alignment | _Bad:
        keys = ("country", "regime", "act", "aligned_on", "ended_on", "note", "sources")
        found = self.obj(value, path, keys, ("country", "regime", "aligned_on"))
        if found is None:
            return _BAD
        return self.build(
            Alignment,
            path,
            self.country(found.get("country"), f"{path}.country"),
            self.text(found.get("regime"), f"{path}.regime"),
            self.date(found.get("aligned_on"), f"{path}.aligned_on"),
            self.text(found.get("act"), f"{path}.act"),
            self.date(found.get("ended_on"), f"{path}.ended_on"),
            self.text(found.get("note"), f"{path}.note"),
            self.texts(found.get("sources"), f"{path}.sources"),
        )

    def membership(self, value: object, path: str) -> Membership | _Bad:
        keys = ("country", "joined", "left", "source", "note")
        found = self.obj(value, path, keys, ("country", "joined"))
        if found is None:
            return _BAD
        return self.build(
            Membership,
            path,
            self.country(found.get("country"), f"{path}.country"),
            self.text(found.get("joined"), f"{path}.joined"),
            self.optional_text(found.get("left"), f"{path}.left"),
            self.text(found.get("source"), f"{path}.source"),
            self.text(found.get("note"), f"{path}.note"),
        )

    def user_bloc(self, value: object, path: str) -> Bloc | _Bad:
        found = self.obj(
            value, path, ("code", "name", "source", "note", "memberships"), ("code", "name")
        )
        if found is None:
            return _BAD
        memberships = [
            self.membership(m, f"{path}.memberships[{i}]")
            for i, m in enumerate(self.items(found.get("memberships"), f"{path}.memberships"))
        ]
        return self.build(
            Bloc,
            path,
            self.text(found.get("code"), f"{path}.code"),
            self.text(found.get("name"), f"{path}.name"),
            _BAD if any(isinstance(m, _Bad) for m in memberships) else memberships,
            self.text(found.get("source"), f"{path}.source"),
            self.text(found.get("note"), f"{path}.note"),
        )

    def section(
        self, document: Mapping[str, Any], name: str, read: Callable[[object, str], T | _Bad]
    ) -> list[T]:
        result = [
            read(v, f"{name}[{i}]") for i, v in enumerate(self.items(document.get(name), name))
        ]
        return [item for item in result if not isinstance(item, _Bad)]

    def document(self, document: Mapping[str, Any]) -> Tables:
        unknown = [k for k in document if k not in ("format", "version", *_SECTIONS)]
        if unknown:
            self.fail(
                "",
                f"unknown keys {', '.join(map(repr, unknown))}: the keys are "
                f"format, version, {', '.join(_SECTIONS)}",
            )
        user_blocs = self.section(document, "blocs", self.user_bloc)
        self.user_blocs = {b.code: b for b in user_blocs}
        statements = self.section(document, "statements", self.statement)
        letters = self.section(document, "letters", self.letter)
        regimes = self.section(document, "regimes", self.regime)
        actions = self.section(document, "actions", self.action)
        designations = self.section(document, "designations", self.designation)
        alignments = self.section(document, "alignments", self.alignment)
        if self.problems:
            raise ValidationError(self.problems)
        return records_to_tables(
            statements=statements,
            letters=letters,
            regimes=regimes,
            actions=actions,
            designations=designations,
            alignments=alignments,
            blocs=user_blocs,
        )


def _check_header(document: object, file: str | None) -> Mapping[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_ID:
        raise DataFormatError(
            f'not a sanctions-tracker document: it must be an object with "format": '
            f'"{FORMAT_ID}" and "version": {FORMAT_VERSION}',
            file=file,
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DataFormatError(
            f'"version" must be a whole number from 1 (this library writes {FORMAT_VERSION}), '
            f"found {version!r}",
            file=file,
        )
    if version > FORMAT_VERSION:
        raise DataFormatError(
            f"format version {version} is newer than this sanctions_tracker reads "
            f"(versions up to {FORMAT_VERSION}): upgrade sanctions-tracker "
            "(pip install --upgrade sanctions-tracker) to read it",
            file=file,
        )
    return document


def loads(text: str, *, file: str | None = None) -> Tables:
    """The tables of a JSON document's text.

    Args:
        text: the document.
        file: the file name to show in errors.

    Raises:
        DataFormatError: the text is not JSON (with line and column), not our
            format, or a newer version.
        ValidationError: every problem of the document's content, each with its path.

    >>> loads('{"format": "sanctions-tracker", "version": 1, "statements": [{"id": "s",'
    ...       ' "issued_on": "2020", "signatures": ["Atlantis",'
    ...       ' {"party": "JP", "vote": "maybe"}]}]}')
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.ValidationError: 2 problems:
      statements[0].signatures[0]: unknown country 'Atlantis'...
      statements[0].signatures[1].vote: unknown vote 'maybe': write one of for, abstain, against
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFormatError(
            f"not valid JSON at column {err.colno}: {err.msg}", file=file, line=err.lineno
        ) from None
    return _Reader().document(_check_header(document, file))


def read_json(path: Path) -> Tables:
    """The tables of a JSON document file; see :func:`loads` for the errors.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "bad.json"
    >>> _ = path.write_text('{"format": "sanctions-tracker",\\n "version": 1,,}')
    >>> read_json(path)
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: .../bad.json, line 2: not valid JSON at column 15: ...
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataFormatError(f"not UTF-8 text: {err.reason}", file=str(path)) from None
    return loads(text, file=str(path))


def is_ours(path: Path) -> bool:
    """True when ``path`` is a JSON document with our format id (of any version).

    >>> import tempfile
    >>> other = Path(tempfile.mkdtemp()) / "other.json"
    >>> _ = other.write_text('{"name": "something else"}')
    >>> is_ours(other)
    False
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(document, dict) and document.get("format") == FORMAT_ID
