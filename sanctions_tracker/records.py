"""The records an author writes: parties, signatures, documents and sanctions.

Every record is a frozen attrs class. Converters take the forgiving input (a country
name becomes a :class:`~sanctions_tracker.Country`, ``"2020-09"`` a
:class:`~sanctions_tracker.PartialDate`); validators reject what cannot be right.
Checks that need more than one record (dangling ids, a designation outside its
regime's life) belong to :class:`~sanctions_tracker.Dataset`.

>>> statement = JointStatement(
...     id="demo",
...     title="Joint statement",
...     issued_on="2020-09-17",
...     subject="Belarus",
...     signatures=["the Czech Republic", "Japan"],
... )
>>> statement.signatories
(Country('CZ'), Country('JP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import ClassVar, Literal, TypeAlias, cast, get_args

import attrs

from sanctions_tracker import blocs
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country, resolve_country, to_country
from sanctions_tracker.dates import PartialDate, to_optional_partial_date, to_partial_date
from sanctions_tracker.errors import (
    SanctionsTrackerError,
    UnknownBlocError,
)

__all__ = [
    "ACTION_KINDS",
    "COUNT_QUALIFIERS",
    "MEASURES",
    "VOTES",
    "ActionKind",
    "Alignment",
    "CountQualifier",
    "Designation",
    "Document",
    "JointStatement",
    "Letter",
    "Measure",
    "Organization",
    "Party",
    "Person",
    "SanctionsAction",
    "SanctionsRegime",
    "Signature",
    "Vote",
    "to_party",
]

Measure: TypeAlias = Literal[
    "asset freeze",
    "travel ban",
    "arms embargo",
    "export control",
    "import restrictions",
    "financial restrictions",
    "investment ban",
    "services ban",
    "sectoral",
    "aid suspension",
    "debarment",
    "transportation",
    "arms restrictions",
    "prohibition to satisfy claims",
    "other",
]
MEASURES: tuple[Measure, ...] = get_args(Measure)

ActionKind: TypeAlias = Literal["establish", "amend", "extend", "delist", "suspend", "lift"]
ACTION_KINDS: tuple[ActionKind, ...] = get_args(ActionKind)

CountQualifier: TypeAlias = Literal["exact", "at least", "more than", "about"]
COUNT_QUALIFIERS: tuple[CountQualifier, ...] = get_args(CountQualifier)

Vote: TypeAlias = Literal["for", "abstain", "against"]
VOTES: tuple[Vote, ...] = get_args(Vote)


# -- small converters and validators -------------------------------------------------


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Converter: one string or many, as a tuple; None as empty."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(value)


def _optional_country(value: Country | str | None) -> Country | None:
    if value is None or value == "":
        return None
    return to_country(value)


def _identifiers(value: str | Iterable[str] | None) -> tuple[str, ...]:
    return tuple(sorted(set(_strings(value))))


_DateValidator: TypeAlias = Callable[
    [object, "attrs.Attribute[PartialDate | None]", "PartialDate | None"], None
]


def _not_before(other: str, what: str) -> _DateValidator:
    """Validator: this date is not (certainly) before the date in field ``other``."""

    def check(
        instance: object, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
    ) -> None:
        start = getattr(instance, other)
        if value is not None and start is not None and value.last < start.first:
            raise ValueError(f"{attribute.name} {value} is before {other} {start}: {what}")

    return check


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


# -- parties ---------------------------------------------------------------------------


@attrs.frozen
class Organization:
    """An organisation: a letter signatory or a designation target.

    >>> Organization("Central Election Commission", country="Belarus").country
    Country('BY')
    """

    name: str = attrs.field(validator=_non_empty)
    country: Country | None = attrs.field(default=None, converter=_optional_country)
    identifiers: tuple[str, ...] = attrs.field(default=(), converter=_identifiers)
    id: str | None = None


@attrs.frozen
class Person:
    """A natural person: a letter signatory or a designation target.

    >>> Person("Alexander Lukashenko", nationality="BY").nationality
    Country('BY')
    """

    name: str = attrs.field(validator=_non_empty)
    nationality: Country | None = attrs.field(default=None, converter=_optional_country)
    identifiers: tuple[str, ...] = attrs.field(default=(), converter=_identifiers)
    id: str | None = None


Party: TypeAlias = Country | Bloc | Organization | Person


def to_party(value: Party | str) -> Party:
    """Converter: a party as it is; a string as a bloc (by code or name) or a country.

    >>> to_party("the European Union").code
    'EU'
    >>> to_party("Ukraine")
    Country('UA')
    """
    if isinstance(value, Country | Bloc | Organization | Person):
        return value
    if isinstance(value, str):
        try:
            return blocs.get(value)
        except UnknownBlocError:
            return resolve_country(value)
    raise TypeError(f"{value!r} is not a party: give a Country, Bloc, Organization or Person")


def _authority(value: Country | Bloc | str) -> Country | Bloc:
    party = to_party(value)
    if not isinstance(party, Country | Bloc):
        raise TypeError(f"{value!r} cannot impose sanctions: give a country or a bloc")
    return party


# -- documents and signatures ----------------------------------------------------------


def _one_of(value: object, known: tuple[str, ...], what: str) -> str:
    """``value`` as one of the ``known`` words, case and surrounding spaces forgiven.

    >>> _one_of(" Abstain ", ("for", "abstain"), "vote")
    'abstain'
    >>> _one_of(["for"], ("for", "abstain"), "vote")
    Traceback (most recent call last):
    ...
    TypeError: a vote is one word of for, abstain, not ['for']
    """
    if not isinstance(value, str):
        raise TypeError(f"a {what} is one word of {', '.join(known)}, not {value!r}")
    text = value.strip().lower()
    if text not in known:
        raise ValueError(f"unknown {what} {value!r}: write one of {', '.join(known)}")
    return text


def _vote(value: str) -> Vote:
    return cast(Vote, _one_of(value, VOTES, "vote"))


@attrs.frozen
class Signature:
    """A party's signature on a document.

    It counts on day D when ``signed_on <= D`` and not ``withdrawn_on <= D``;
    ``signed_on`` None means on the document's date.

    >>> Signature("Qatar", signed_on="2019-07-08", withdrawn_on="2019-08-21").party
    Country('QA')
    >>> Signature("Qatar", signed_on="2019-08-21", withdrawn_on="2019-07-08")
    Traceback (most recent call last):
    ...
    ValueError: withdrawn_on 2019-07-08 is before signed_on 2019-08-21: ...
    """

    party: Party = attrs.field(converter=to_party)
    signed_on: PartialDate | None = attrs.field(default=None, converter=to_optional_partial_date)
    withdrawn_on: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_not_before("signed_on", "a signature is withdrawn after it is made"),
    )
    vote: Vote = attrs.field(default="for", converter=_vote)
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _signature(value: Signature | Party | str) -> Signature:
    return value if isinstance(value, Signature) else Signature(value)


def _signatures(value: Iterable[Signature | Party | str]) -> tuple[Signature, ...]:
    """Converter: signatures, or bare parties and names that become signatures."""
    if isinstance(value, str):
        raise TypeError("signatures are a list: write [name, ...], not one string")
    return tuple(_signature(item) for item in value)


def _no_duplicate_party(
    instance: object,
    attribute: attrs.Attribute[tuple[Signature, ...]],
    value: tuple[Signature, ...],
) -> None:
    seen: set[Party] = set()
    for index, signature in enumerate(value):
        if signature.party in seen:
            raise ValueError(f"signatures[{index}]: {_party_label(signature.party)} signs twice")
        seen.add(signature.party)


def _party_label(party: Party) -> str:
    if isinstance(party, Country | Bloc):
        return party.code
    return party.name


def _count_qualifier(value: str) -> CountQualifier:
    return cast(CountQualifier, _one_of(value, COUNT_QUALIFIERS, "count qualifier"))


def _non_negative(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative")


def _needs_the_parser(*args: object, **kwargs: object) -> JointStatement:
    raise SanctionsTrackerError(
        "JointStatement.from_text is defined beside the parser: import sanctions_tracker.text "
        "(or use sanctions_tracker.JointStatement) before calling it"
    )


@attrs.frozen
class JointStatement:
    """A joint statement: issued on a date, about a subject country (or none).

    >>> s = JointStatement("x", "On Belarus", "2020-10-26", subject="BY",
    ...                    signatures=["United States", "European Union"])
    >>> [type(p).__name__ for p in s.signatories]
    ['Country', 'Bloc']
    """

    id: str = attrs.field(validator=_non_empty)
    title: str
    issued_on: PartialDate = attrs.field(converter=to_partial_date)
    subject: Country | None = attrs.field(default=None, converter=_optional_country)
    signatures: tuple[Signature, ...] = attrs.field(
        default=(), converter=_signatures, validator=_no_duplicate_party
    )
    issuer: str = ""
    forum: str = ""
    stance: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    note: str = ""

    @property
    def signatories(self) -> tuple[Party, ...]:
        """The parties that signed, in order."""
        return tuple(s.party for s in self.signatures)

    @property
    def date(self) -> PartialDate:
        """The document's date (for statements, the day it was issued)."""
        return self.issued_on

    #: A statement whose signatories come from the prose that lists them: see
    #: :func:`sanctions_tracker.text.statement_from_text`. It is defined beside the parser,
    #: which adds it here when it is imported (``import sanctions_tracker`` does that at the
    #: first use of a name), so that the records do not depend on the parser or polars.
    from_text: ClassVar[Callable[..., JointStatement]] = staticmethod(_needs_the_parser)


@attrs.frozen
class Letter:
    """An open letter; its signatories may be named, counted, or anonymous.

    >>> letter = Letter("l", "Open letter", "2020-12", anonymous=True,
    ...                 reported_count=100, count_qualifier="more than",
    ...                 disclosure_threshold=1000)
    >>> letter.signatures, letter.reported_count
    ((), 100)
    """

    id: str = attrs.field(validator=_non_empty)
    title: str
    published_on: PartialDate = attrs.field(converter=to_partial_date)
    subject: Country | None = attrs.field(default=None, converter=_optional_country)
    signatures: tuple[Signature, ...] = attrs.field(
        default=(), converter=_signatures, validator=_no_duplicate_party
    )
    addressee: str = ""
    demands: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reported_count: int | None = attrs.field(default=None, validator=_non_negative)
    count_qualifier: CountQualifier = attrs.field(default="exact", converter=_count_qualifier)
    count_as_of: PartialDate | None = attrs.field(default=None, converter=to_optional_partial_date)
    anonymous: bool = False
    disclosure_threshold: int | None = attrs.field(default=None, validator=_non_negative)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    note: str = ""

    @property
    def signatories(self) -> tuple[Party, ...]:
        """The named parties that signed, in order."""
        return tuple(s.party for s in self.signatures)

    @property
    def date(self) -> PartialDate:
        """The document's date (for letters, the day it was published)."""
        return self.published_on


Document: TypeAlias = JointStatement | Letter


# -- sanctions -----------------------------------------------------------------------------


def _measures(value: Iterable[str] | str) -> frozenset[Measure]:
    """Converter: measure names, case and spacing forgiven; unknown ones rejected."""
    items = [value] if isinstance(value, str) else list(value)
    result: set[Measure] = set()
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"a measure is text, one of {', '.join(MEASURES)}; not {item!r}")
        text = " ".join(item.replace("_", " ").replace("-", " ").lower().split())
        for known in MEASURES:
            if text == known:
                result.add(known)
                break
        else:
            raise ValueError(f"unknown measure {item!r}: write one of {', '.join(MEASURES)}")
    return frozenset(result)


@attrs.frozen
class SanctionsRegime:
    """An authority's sanctions against a target country.

    >>> regime = SanctionsRegime("EU-BLR", "EU restrictive measures against Belarus", "EU",
    ...                          target="Belarus", measures=["asset freeze", "Travel ban"])
    >>> sorted(regime.measures)
    ['asset freeze', 'travel ban']
    >>> SanctionsRegime("X", "X", "EU", measures=["naming and shaming"])
    Traceback (most recent call last):
    ...
    ValueError: unknown measure 'naming and shaming': write one of asset freeze, ...
    """

    id: str = attrs.field(validator=_non_empty)
    name: str
    authority: Country | Bloc = attrs.field(converter=_authority)
    target: Country | None = attrs.field(default=None, converter=_optional_country)
    legal_basis: str = ""
    measures: frozenset[Measure] = attrs.field(default=frozenset(), converter=_measures)
    established_on: PartialDate | None = attrs.field(
        default=None, converter=to_optional_partial_date
    )
    lifted_on: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_not_before("established_on", "a regime is lifted after it is established"),
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    note: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        """True when established on or before ``day`` and not lifted by then."""
        started = self.established_on is None or self.established_on.last <= day
        return started and not (self.lifted_on is not None and self.lifted_on.last <= day)


def _action_kind(value: str) -> ActionKind:
    return cast(ActionKind, _one_of(value, ACTION_KINDS, "action kind"))


@attrs.frozen
class SanctionsAction:
    """A dated legal act within a regime.

    >>> act = SanctionsAction("EU-BLR", "2020-10-02", "amend",
    ...                       legal_reference="Implementing Decision (CFSP) 2020/1388",
    ...                       designation_count=40)
    >>> act.kind, str(act.date)
    ('amend', '2020-10-02')
    """

    regime: str = attrs.field(validator=_non_empty)
    date: PartialDate = attrs.field(converter=to_partial_date)
    kind: ActionKind = attrs.field(converter=_action_kind)
    legal_reference: str = ""
    designations: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    designation_count: int | None = attrs.field(default=None, validator=_non_negative)
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _target(value: Person | Organization) -> Person | Organization:
    if not isinstance(value, Person | Organization):
        raise TypeError(f"{value!r} is not a designation target: give a Person or Organization")
    return value


@attrs.frozen
class Designation:
    """A person or organisation listed under a regime.

    >>> Designation("d1", "EU-BLR", Person("A. Lukashenko"), listed_on="2020-11-06").listed_on
    PartialDate('2020-11-06')
    """

    id: str = attrs.field(validator=_non_empty)
    regime: str = attrs.field(validator=_non_empty)
    target: Person | Organization = attrs.field(converter=_target)
    listed_on: PartialDate | None = attrs.field(default=None, converter=to_optional_partial_date)
    delisted_on: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_not_before("listed_on", "a designation is delisted after it is listed"),
    )
    reason: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)


@attrs.frozen
class Alignment:
    """A third country aligning with a regime (or with one act of it).

    >>> Alignment("Ukraine", "EU-BLR", "2020-11-20",
    ...           act="Council Decision (CFSP) 2020/1388").country
    Country('UA')
    """

    country: Country = attrs.field(converter=to_country)
    regime: str = attrs.field(validator=_non_empty)
    aligned_on: PartialDate = attrs.field(converter=to_partial_date)
    act: str = ""
    ended_on: PartialDate | None = attrs.field(
        default=None,
        converter=to_optional_partial_date,
        validator=_not_before("aligned_on", "an alignment ends after it begins"),
    )
    note: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
