"""The one cattrs converter between the records and the Python objects of a JSON document.

Reading builds every record by keyword through cattrs, with a hook for each kind of
value (text, dates, countries, parties, words from a list), refuses unknown keys
naming the closest known one, and collects every problem, each at its path in the
document. Writing leaves out the fields that hold their default.

>>> document = {"format": "sanctions-tracker", "version": 1,
...             "statments": [], "regimes": [{"id": "X", "authority": "EU", "kind": "a"}]}
>>> read_document(document)
Traceback (most recent call last):
...
sanctions_tracker.errors.ValidationError: 2 problems:
  unknown keys 'statments' (did you mean 'statements'?): the keys are format, version, ...
  regimes[0]: unknown keys 'kind': the keys are id, name, authority, ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from difflib import get_close_matches
from functools import cache
from types import MappingProxyType
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from sanctions_tracker import blocs as builtin_blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import DATE_FORMS, PartialDate
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    Problem,
    UnknownBlocError,
    UnknownCountryError,
    ValidationError,
)
from sanctions_tracker.records import (
    UN_SECURITY_COUNCIL,
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
    Target,
    to_target,
)
from sanctions_tracker.regions import not_a_country

__all__ = ["Document", "read_document", "write_document"]

T = TypeVar("T")


@attrs.frozen
class Document:
    """The document's top level: its header and one list per kind of record."""

    format: str
    version: int
    statements: tuple[JointStatement, ...] = ()
    letters: tuple[Letter, ...] = ()
    regimes: tuple[SanctionsRegime, ...] = ()
    actions: tuple[SanctionsAction, ...] = ()
    designations: tuple[Designation, ...] = ()
    alignments: tuple[Alignment, ...] = ()
    blocs: tuple[Bloc, ...] = ()


@attrs.frozen
class _BlocReference:
    """A bloc signing as ``{"bloc": code}``: a code that could be read as a country."""

    bloc: str


# The JSON key of a record field, where it differs from the field's name.
_RENAMED: Final[Mapping[type, Mapping[str, str]]] = {
    Person: {"name": "person"},
    Organization: {"name": "organization"},
}

# A document may leave out a title or a regime's name (it is empty then); a written
# document always has it.
_UNTITLED: Final[Mapping[type, str]] = {
    JointStatement: "title",
    Letter: "title",
    SanctionsRegime: "name",
}

# The blocs defined by the document being read: parties may name them.
_USER_BLOCS: ContextVar[Mapping[str, Bloc]] = ContextVar(
    "_USER_BLOCS", default=MappingProxyType({})
)


class _InvalidValueError(ValueError):
    """A value of the document that cannot be read; the message says why."""


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


def _keys(cls: type) -> list[str]:
    renamed = _RENAMED.get(cls, {})
    return [renamed.get(field.name, field.name) for field in attrs.fields(cls)]


def _at_field(cls: type, name: str, error: Exception) -> ClassValidationError:
    """``error`` as cattrs reports a field's, so that its path names the field."""
    error.add_note(AttributeValidationNote(f"Structuring {cls.__name__} @ {name}", name, cls))
    return ClassValidationError(f"While structuring {cls.__name__}", [error], cls)


# -- reading: one hook per kind of value ----------------------------------------------------


def _text(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise _InvalidValueError(f"expected text, found {_kind(value)}")
    return value


def _texts(value: object, _: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise _InvalidValueError(f"expected a list of texts, found {_kind(value)}")
    errors: list[Exception] = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            error = _InvalidValueError(f"expected text, found {_kind(item)}")
            error.add_note(IterableValidationNote(f"@ index {index}", index, str))
            errors.append(error)
    if errors:
        raise IterableValidationError("While structuring texts", errors, tuple)
    return tuple(value)


def _count(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _InvalidValueError(f"expected a whole number, found {_kind(value)}")
    if value < 0:
        raise _InvalidValueError(f"must not be negative, found {value}")
    return value


def _flag(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _InvalidValueError(f"expected true or false, found {_kind(value)}")
    return value


def _date(value: object, _: object) -> PartialDate:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _InvalidValueError(f"expected a date as text ({DATE_FORMS}), found {_kind(value)}")
    return PartialDate.parse(value)


def _country(value: object, _: object = None) -> Country:
    if not isinstance(value, str):
        raise _InvalidValueError(f"expected a country code or name, found {_kind(value)}")
    region = not_a_country(value)
    if region is not None:
        raise region
    return resolve_country(value)


def _each(read: Callable[[object], T], value: object, what: str) -> tuple[T, ...]:
    """A list read item by item (one item may stand alone), each problem at its index."""
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, list | str):
        raise _InvalidValueError(f"expected a list of {what}, found {_kind(value)}")
    result: list[T] = []
    errors: list[Exception] = []
    for index, item in enumerate(items):
        try:
            result.append(read(item))
        except (ValueError, TypeError, LookupError) as error:
            error.add_note(IterableValidationNote(f"@ index {index}", index, str))
            errors.append(error)
    if errors:
        raise IterableValidationError(f"While structuring {what}", errors, tuple)
    return tuple(result)


def _countries(value: object, _: object) -> tuple[Country, ...]:
    return _each(_country, value, "countries")


def _target(value: object) -> Target:
    if not isinstance(value, str):
        raise _InvalidValueError(f"expected a country or region code or name, found {_kind(value)}")
    return to_target(value)


def _targets(value: object, _: object) -> tuple[Target, ...]:
    return _each(_target, value, "targets")


def _choice(convert: Callable[[Any], T]) -> Callable[[object, object], T]:
    """A hook that reads text (or a list, for measures) through a record's own converter."""

    def hook(value: object, _: object) -> T:
        if not isinstance(value, str | list):
            raise _InvalidValueError(f"expected text, found {_kind(value)}")
        return convert(value)

    return hook


def _bloc(text: str) -> Bloc:
    found = _USER_BLOCS.get().get(text.strip().upper())
    if found is not None:
        return found
    try:
        return builtin_blocs.get(text)
    except UnknownBlocError as err:
        known = ", ".join(sorted(_USER_BLOCS.get()))
        also = f"; the blocs of this document are {known}" if known else ""
        raise _InvalidValueError(f"{err}{also}") from None


def _named_party(text: str) -> Country | Bloc:
    """A country by code or name, else a bloc of the document or a built-in one."""
    region = not_a_country(text)
    if region is not None:
        raise region
    try:
        return resolve_country(text)
    except UnknownCountryError as err:
        try:
            return _bloc(text)
        except _InvalidValueError:
            raise _InvalidValueError(f"{err}, and no bloc has that code or name") from None


def _entity(value: object, _: object = None) -> Person | Organization:
    if isinstance(value, dict) and "organization" in value:
        return _converter().structure(value, Organization)
    if isinstance(value, dict) and "person" in value:
        return _converter().structure(value, Person)
    raise _InvalidValueError(
        'expected {"person": name, ...} or {"organization": name, ...}'
        + (f", found {_kind(value)}" if not isinstance(value, dict) else "")
    )


def _party(value: object, _: object = None) -> Party:
    if isinstance(value, str):
        return _named_party(value)
    if isinstance(value, dict):
        if "bloc" in value:
            code = _converter().structure(value, _BlocReference).bloc
            try:
                return _bloc(code)
            except _InvalidValueError as err:
                raise _at_field(_BlocReference, "bloc", err) from None
        return _entity(value)
    raise _InvalidValueError(f"expected a country or bloc, or an object, found {_kind(value)}")


def _authority(value: object, _: object) -> Country | Bloc | Organization:
    if value == "UNSC":
        return UN_SECURITY_COUNCIL
    party = _party(value)
    if not isinstance(party, Country | Bloc):
        raise _InvalidValueError(
            "a regime's authority is a country, a bloc or the UN Security Council ('UNSC')"
        )
    return party


def _authority_out(authority: Country | Bloc | Organization) -> str | dict[str, Any]:
    return "UNSC" if authority == UN_SECURITY_COUNCIL else _party_out(authority)


def _regime(converter: cattrs.Converter) -> Callable[[object, object], SanctionsRegime]:
    """A regime: ``target`` (one) or ``targets`` (several), both read as its targets."""
    full = _record(converter, SanctionsRegime)

    def hook(value: object, _: object) -> SanctionsRegime:
        if isinstance(value, dict) and "target" in value:
            if "targets" in value:
                raise _at_field(
                    SanctionsRegime,
                    "targets",
                    _InvalidValueError("give target (one) or targets (several), not both"),
                )
            value = {("targets" if k == "target" else k): v for k, v in value.items()}
        return full(value, SanctionsRegime)

    return hook


def _regime_out(converter: cattrs.Converter) -> Callable[[SanctionsRegime], dict[str, Any]]:
    """A regime with one target writes it as ``target``, as files always had it."""
    full = _record_out(converter, SanctionsRegime)

    def hook(regime: SanctionsRegime) -> dict[str, Any]:
        written = full(regime)
        if len(regime.targets) == 1:
            written = {("target" if k == "targets" else k): v for k, v in written.items()}
            written["target"] = regime.targets[0].code
        return written

    return hook


def _list_of(
    converter: cattrs.Converter, kind: type[tuple[T, ...]]
) -> Callable[[object, object], tuple[T, ...]]:
    """cattrs' own hook for a tuple of records, for JSON lists only (not text or objects)."""
    structure = converter.get_structure_hook(kind)

    def hook(value: object, _: object) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise _InvalidValueError(f"expected a list [...], found {_kind(value)}")
        result: tuple[T, ...] = structure(value, kind)
        return result

    return hook


def _record(converter: cattrs.Converter, cls: type[T]) -> Callable[[object, object], T]:
    """Keys as keyword arguments of the record; unknown keys refused, null as left out."""
    renamed = _RENAMED.get(cls, {})
    structure = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        **{name: override(rename=key) for name, key in renamed.items()},  # type: ignore[arg-type]  # overrides of fields, by field name
    )
    optional = {_UNTITLED[cls]: ""} if cls in _UNTITLED else {}

    def hook(value: object, _: object) -> T:
        if not isinstance(value, dict):
            raise _InvalidValueError(f"expected an object {{...}}, found {_kind(value)}")
        given = {k: v for k, v in value.items() if v is not None}
        return structure({**optional, **given}, cls)

    return hook


def _signature(converter: cattrs.Converter) -> Callable[[object, object], Signature]:
    """A signature object, or just its party (a code, a name, a person, ...)."""
    full = _record(converter, Signature)

    def hook(value: object, _: object) -> Signature:
        if isinstance(value, dict) and "party" in value:
            return full(value, Signature)
        return Signature(party=_party(value))

    return hook


# -- writing --------------------------------------------------------------------------------


def _reads_as_country(text: str) -> bool:
    try:
        resolve_country(text)
    except (UnknownCountryError, AmbiguousCountryError):
        return False
    return True


def _party_out(party: Party) -> str | dict[str, Any]:
    if isinstance(party, Country):
        return party.code
    if isinstance(party, Bloc):
        # A bloc code that could be read as a country ("AU") is written as an object.
        return {"bloc": party.code} if _reads_as_country(party.code) else party.code
    written: dict[str, Any] = _converter().unstructure(party, type(party))
    return written


def _signature_out(converter: cattrs.Converter) -> Callable[[Signature], object]:
    """A signature with nothing but its party (a code) is written as that code."""
    full = _record_out(converter, Signature)

    def hook(signature: Signature) -> object:
        written = full(signature)
        party = written["party"]
        return party if len(written) == 1 and isinstance(party, str) else written

    return hook


def _record_out(converter: cattrs.Converter, cls: type) -> Callable[[Any], dict[str, Any]]:
    """Fields at their default left out; a title or a name always written."""
    overrides = {name: override(rename=key) for name, key in _RENAMED.get(cls, {}).items()}
    if cls in _UNTITLED:
        overrides[_UNTITLED[cls]] = override(omit_if_default=False)
    unstructure: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls,
        converter,
        _cattrs_omit_if_default=True,
        **overrides,  # type: ignore[arg-type]  # overrides of fields, by field name
    )
    return unstructure


def _is(kind: object) -> Callable[[object], bool]:
    """A predicate for one type, also a union or a generic alias (which cattrs dispatches apart)."""
    return lambda other: other == kind


# Records, innermost first: a record's hook is made from the hooks of its fields.
_RECORDS: Final = (
    Person,
    Organization,
    _BlocReference,
    Membership,
    Signature,
    Bloc,
    JointStatement,
    Letter,
    SanctionsRegime,
    SanctionsAction,
    Designation,
    Alignment,
    Document,
)


@cache
def _converter() -> cattrs.Converter:
    """The one converter between the records and the JSON document, built at first use."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for record in _RECORDS:
        attrs.resolve_types(record)

    # Values: text, lists of text, counts, flags, dates, countries and parties.
    hooks: list[tuple[Any, Callable[[object, object], object]]] = [
        (str, _text),
        (str | None, _text),
        (tuple[str, ...], _texts),
        (int | None, _count),
        (bool, _flag),
        (PartialDate, _date),
        (PartialDate | None, _date),
        (Country, _country),
        (Country | None, _country),
        (dt.date, _text),  # a membership's day, read by the record's own converter
        (dt.date | None, _text),
        (Party, _party),
        (Country | Bloc | Organization, _authority),
        (tuple[Target, ...], _targets),
        (tuple[Country, ...], _countries),
        (Person | Organization, _entity),
    ]
    # Words from a list (votes, kinds, measures) go through the record's own converter.
    for record, name in (
        (Signature, "vote"),
        (Letter, "count_qualifier"),
        (SanctionsAction, "kind"),
        (SanctionsRegime, "measures"),
    ):
        field = attrs.fields_dict(record)[name]
        assert callable(field.converter)
        hooks.append((field.type, _choice(field.converter)))
    for kind, hook in hooks:
        if isinstance(kind, type):  # a class: cattrs' own hooks for str and bool give way
            converter.register_structure_hook(kind, hook)
        else:
            converter.register_structure_hook_func(_is(kind), hook)

    converter.register_unstructure_hook(PartialDate, str)
    converter.register_unstructure_hook(Country, lambda country: country.code)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    for kind in (Party, Person | Organization):
        converter.register_unstructure_hook_func(_is(kind), _party_out)
    converter.register_unstructure_hook_func(_is(Country | Bloc | Organization), _authority_out)
    converter.register_unstructure_hook_func(
        _is(tuple[Target, ...]), lambda targets: [target.code for target in targets]
    )
    converter.register_unstructure_hook_func(
        _is(tuple[Country, ...]), lambda countries: [country.code for country in countries]
    )
    measures = attrs.fields_dict(SanctionsRegime)["measures"].type
    converter.register_unstructure_hook_func(_is(measures), sorted)

    for record in _RECORDS:
        if record is Signature:
            converter.register_structure_hook(Signature, _signature(converter))
            converter.register_unstructure_hook(Signature, _signature_out(converter))
        elif record is SanctionsRegime:
            converter.register_structure_hook(SanctionsRegime, _regime(converter))
            converter.register_unstructure_hook(SanctionsRegime, _regime_out(converter))
        else:
            converter.register_structure_hook(record, _record(converter, record))
            converter.register_unstructure_hook(record, _record_out(converter, record))
        if record is not Document:
            many = tuple[record, ...]  # type: ignore[valid-type]  # a tuple of this record
            converter.register_structure_hook_func(_is(many), _list_of(converter, many))

    return converter


# -- problems --------------------------------------------------------------------------------


def _unknown_keys(error: ForbiddenExtraKeysError) -> str:
    keys = _keys(error.cl)
    extra = sorted(error.extra_fields)
    close = [match for key in extra for match in get_close_matches(key, keys, n=1, cutoff=0.75)]
    hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
    return f"unknown keys {', '.join(map(repr, extra))}{hint}: the keys are {', '.join(keys)}"


def _step(path: str, notes: list[object]) -> str:
    """The path one field or one item further in, as cattrs' note on the error names it."""
    for note in notes:
        if isinstance(note, AttributeValidationNote):
            return f"{path}.{note.name}" if path else note.name
        if isinstance(note, IterableValidationNote):
            return f"{path}[{note.index}]"
    return path


def _problems(error: BaseException, path: str) -> Iterator[Problem]:
    """Every problem in a cattrs error, each at the path that its notes give."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        # An object's unknown keys first, then its fields in order.
        inners = sorted(error.exceptions, key=lambda e: not isinstance(e, ForbiddenExtraKeysError))
        for inner in inners:
            yield from _problems(inner, _step(path, getattr(inner, "__notes__", [])))
    elif isinstance(error, ForbiddenExtraKeysError):
        yield Problem(path, _unknown_keys(error))
    elif type(error) is KeyError:
        yield Problem(path, "is missing")
    elif isinstance(error, ValueError | TypeError | LookupError):
        yield Problem(path, str(error))
    else:
        raise error


def _structure(value: object, kind: type[T], path: str, problems: list[Problem]) -> T | None:
    converter = _converter()
    try:
        return converter.structure(value, kind)
    except (
        ValueError,
        TypeError,
        LookupError,
        ClassValidationError,
        IterableValidationError,
        ForbiddenExtraKeysError,
    ) as error:
        problems.extend(_problems(error, path))
        return None


def write_document(document: Document) -> dict[str, Any]:
    """The Python objects of a document: every record's fields but those at their default.

    >>> write_document(Document(format="sanctions-tracker", version=1))
    {'format': 'sanctions-tracker', 'version': 1}
    """
    written: dict[str, Any] = _converter().unstructure(document)
    return written


def read_document(document: Mapping[str, Any]) -> Document:
    """The records of a document whose header was checked; every problem at once.

    Raises:
        ValidationError: every problem of the document, each at its path.
    """
    problems: list[Problem] = []
    # The user-defined blocs first: the parties of the other sections may name them.
    user_blocs: list[Bloc] = []
    given = document.get("blocs")
    if given is not None and not isinstance(given, list):
        problems.append(Problem("blocs", f"expected a list [...], found {_kind(given)}"))
    for index, value in enumerate(given if isinstance(given, list) else []):
        bloc = _structure(value, Bloc, f"blocs[{index}]", problems)
        if bloc is not None:
            user_blocs.append(bloc)
    token = _USER_BLOCS.set({bloc.code: bloc for bloc in user_blocs})
    try:
        rest = {key: value for key, value in document.items() if key != "blocs"}
        read = _structure(rest, Document, "", problems)
    finally:
        _USER_BLOCS.reset(token)
    if problems or read is None:
        raise ValidationError(problems)
    return attrs.evolve(read, blocs=tuple(user_blocs))
