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
import re
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
from sanctions_tracker.regions import Region, is_region, not_a_country

__all__ = [
    "ACTION_KINDS",
    "COUNT_QUALIFIERS",
    "MEASURES",
    "POSITIONS",
    "UN_SECURITY_COUNCIL",
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
    "Target",
    "Vote",
    "names_un_security_council",
    "to_party",
    "to_target",
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

Vote: TypeAlias = Literal["for", "abstain", "against", "absent", "non-voting"]
VOTES: tuple[Vote, ...] = get_args(Vote)
#: The votes that are a position on the text; a member recorded as absent or
#: non-voting keeps its record but takes no position in any query.
POSITIONS: tuple[Vote, ...] = ("for", "abstain", "against")


# -- small converters and validators -------------------------------------------------


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Converter: one string or many, as a tuple; None as empty."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(value)


def _refuse_region(value: object) -> None:
    """A region named where a country must be is an error that says so."""
    error = not_a_country(value)
    if error is not None:
        raise error


def _country(value: Country | str) -> Country:
    """Converter: a country, never a region (a region cannot sign or have citizens)."""
    _refuse_region(value)
    return to_country(value)


def _optional_country(value: Country | str | None) -> Country | None:
    if value is None or value == "":
        return None
    return _country(value)


def _countries(value: Country | str | Iterable[Country | str] | None) -> tuple[Country, ...]:
    """Converter: one country or several, in order, each once; None as none."""
    if value is None:
        return ()
    items = [value] if isinstance(value, Country | str) else list(value)
    return tuple(dict.fromkeys(_country(item) for item in items if item != ""))


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

    >>> Person("Alexander Lukashenko", nationality="Belarus")
    Person(name='Alexander Lukashenko', nationality=Country('BY'), identifiers=(), id=None)
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
            _refuse_region(value)
            return resolve_country(value)
    _refuse_region(value)
    raise TypeError(f"{value!r} is not a party: give a Country, Bloc, Organization or Person")


UN_SECURITY_COUNCIL = Organization("United Nations Security Council", id="UNSC")
"""The one organisation that imposes sanctions here: its regimes bind every UN member
(Charter of the United Nations, Article 25)."""

_UNSC_NAMES = frozenset(
    {"unsc", "un security council", "united nations security council", "security council"}
)


def names_un_security_council(text: str) -> bool:
    """True when ``text`` names the UN Security Council: ``UNSC`` or its name, case aside.

    >>> names_un_security_council("UN Security Council"), names_un_security_council("Interpol")
    (True, False)
    """
    return " ".join(text.casefold().split()) in _UNSC_NAMES


def _authority(value: Country | Bloc | Organization | str) -> Country | Bloc | Organization:
    """Converter: a country, a bloc, or the UN Security Council (by name or ``UNSC``)."""
    if isinstance(value, str) and names_un_security_council(value):
        return UN_SECURITY_COUNCIL
    if isinstance(value, Organization):
        if value.id == UN_SECURITY_COUNCIL.id or value.name == UN_SECURITY_COUNCIL.name:
            return UN_SECURITY_COUNCIL
        raise TypeError(
            f"{value.name!r} cannot impose sanctions here: the one organisation that can is "
            "the UN Security Council (write 'UNSC')"
        )
    party = to_party(value)
    if not isinstance(party, Country | Bloc):
        raise TypeError(f"{value!r} cannot impose sanctions: give a country, a bloc or 'UNSC'")
    return party


Target: TypeAlias = Country | Region
_SUBDIVISION_CODE = re.compile(r"[A-Za-z]{2}-[A-Za-z0-9]{1,3}")


def to_target(value: Target | str) -> Target:
    """Converter: a regime's target, a country or a region (by code, OpenSanctions code or name).

    >>> to_target("ua-cri"), to_target("Belarus")
    (Region('UA-43'), Country('BY'))
    """
    if isinstance(value, Country | Region):
        return value
    if isinstance(value, str):
        if is_region(value) or _SUBDIVISION_CODE.fullmatch(value.strip()):
            return Region(value)  # a subdivision code that names no region is refused here
        return resolve_country(value)
    raise TypeError(f"{value!r} is not a target: give a country or a region")


def _targets(value: Target | str | Iterable[Target | str] | None) -> tuple[Target, ...]:
    """Converter: one target or several, in order, each once."""
    if value is None:
        return ()
    items = [value] if isinstance(value, Country | Region | str) else list(value)
    return tuple(dict.fromkeys(to_target(item) for item in items if item != ""))


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
    ``signed_on`` None means on the document's date. On a roll call, ``vote`` is the
    member's vote; ``absent`` and ``non-voting`` keep the record of a member that
    took no position (see :data:`POSITIONS`).

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


class _Signed:
    __slots__ = ()
    signatures: tuple[Signature, ...]  # a field of each document

    @property
    def signatories(self) -> tuple[Party, ...]:
        """The parties that signed, in order (for a letter, the named ones)."""
        return tuple(s.party for s in self.signatures)


@attrs.frozen
class _Document(_Signed):
    """What a statement and a letter share: their first fields, and who signed."""

    id: str = attrs.field(validator=_non_empty)
    title: str


@attrs.frozen
class JointStatement(_Document):
    """A joint statement: issued on a date, about a subject country (or none).

    >>> s = JointStatement("x", "On Belarus", "2020-10-26", subject="BY",
    ...                    signatures=["United States", "European Union"])
    >>> [type(p).__name__ for p in s.signatories]
    ['Country', 'Bloc']
    """

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

    #: A statement whose signatories come from the prose that lists them: see
    #: :func:`sanctions_tracker.text.statement_from_text`. It is defined beside the parser,
    #: which adds it here when it is imported (``import sanctions_tracker`` does that at the
    #: first use of a name), so that the records do not depend on the parser or polars.
    from_text: ClassVar[Callable[..., JointStatement]] = staticmethod(_needs_the_parser)

    @property
    def date(self) -> PartialDate:
        """The document's date (for statements, the day it was issued)."""
        return self.issued_on


@attrs.frozen
class Letter(_Document):
    """An open letter; its signatories may be named, counted, or anonymous.

    >>> letter = Letter("l", "Open letter", "2020-12", anonymous=True,
    ...                 reported_count=100, count_qualifier="more than",
    ...                 disclosure_threshold=1000)
    >>> letter.signatures, letter.reported_count
    ((), 100)
    """

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


@attrs.frozen(init=False)
class SanctionsRegime:
    """An authority's sanctions: against target countries or regions, or thematic.

    A regime without targets is *thematic* (the UK's Global Human Rights regime): it
    sanctions a country only through the people and organisations it designates.
    ``target=`` gives one target, ``targets=`` several; a target may be a region
    (:class:`~sanctions_tracker.Region`). The authority is a country, a bloc, or the UN
    Security Council (``"UNSC"``).

    >>> regime = SanctionsRegime("EU-BLR", "EU restrictive measures against Belarus", "EU",
    ...                          target="Belarus", measures=["asset freeze", "Travel ban"])
    >>> sorted(regime.measures), regime.targets
    (['asset freeze', 'travel ban'], (Country('BY'),))
    >>> SanctionsRegime("US-CAATSA", "CAATSA", "US", targets=["Iran", "Russia"]).targets
    (Country('IR'), Country('RU'))
    >>> SanctionsRegime("GB-HR", "Global Human Rights", "United Kingdom").thematic
    True
    >>> SanctionsRegime("X", "X", "EU", measures=["naming and shaming"])
    Traceback (most recent call last):
    ...
    ValueError: unknown measure 'naming and shaming': write one of asset freeze, ...
    """

    id: str = attrs.field(validator=_non_empty)
    name: str
    authority: Country | Bloc | Organization = attrs.field(converter=_authority)
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
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

    def __init__(
        self,
        id: str,
        name: str,
        authority: Country | Bloc | Organization | str,
        target: Target | str | None = None,
        legal_basis: str = "",
        measures: Iterable[str] | str = frozenset(),
        established_on: PartialDate | dt.date | str | None = None,
        lifted_on: PartialDate | dt.date | str | None = None,
        sources: Iterable[str] | str | None = (),
        note: str = "",
        *,
        targets: Iterable[Target | str] | Target | str | None = None,
    ) -> None:
        if target is not None and targets is not None:
            raise ValueError("give target= (one) or targets= (several), not both")
        self.__attrs_init__(
            id,
            name,
            authority,
            targets if targets is not None else target,
            legal_basis,
            measures,
            established_on,
            lifted_on,
            sources,
            note,
        )

    @property
    def target(self) -> Target | None:
        """The one target of a regime that has exactly one; None otherwise."""
        return self.targets[0] if len(self.targets) == 1 else None

    @property
    def thematic(self) -> bool:
        """True for a regime without a target: it counts through its designations."""
        return not self.targets

    @property
    def authority_code(self) -> str:
        """The authority's code: a country's or a bloc's, ``UNSC`` for the UN Security Council.

        >>> SanctionsRegime("UN-PRK", "DPRK", "UNSC", "KP").authority_code
        'UNSC'
        """
        authority = self.authority
        return authority.code if isinstance(authority, Country | Bloc) else "UNSC"

    @property
    def by_un_security_council(self) -> bool:
        """True when the UN Security Council imposes it."""
        return self.authority == UN_SECURITY_COUNCIL

    def in_force_on(self, day: dt.date, *, evidence: PartialDate | str | None = None) -> bool:
        """True when in force on ``day``: started by then and not lifted by then.

        It starts on ``established_on``; without one, on its earliest dated evidence (an
        act or a listing, which only a Dataset knows: pass it as ``evidence``); with
        neither it is in force on no day.

        >>> r = SanctionsRegime("CA-BLR", "CA", "CA", "BY")
        >>> day = dt.date(2021, 1, 1)
        >>> r.in_force_on(day), r.in_force_on(day, evidence="2020-09")
        (False, True)
        """
        start = self.established_on or to_optional_partial_date(evidence)
        if start is None or start.last > day:
            return False
        return not (self.lifted_on is not None and self.lifted_on.last <= day)


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

    ``nationalities`` adds to the designee's own nationality (a person) or country (an
    organisation): a thematic regime's listing counts against each of its countries.

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
    nationalities: tuple[Country, ...] = attrs.field(default=(), converter=_countries)

    @property
    def countries(self) -> tuple[Country, ...]:
        """The designee's countries: a person's nationality and ``nationalities``, an
        organisation's country and ``nationalities``; each once, in order.

        >>> d = Designation("d", "GB-HR", Person("A", nationality="BY"), nationalities=["RU"])
        >>> d.countries
        (Country('BY'), Country('RU'))
        """
        own = self.target.nationality if isinstance(self.target, Person) else self.target.country
        return tuple(dict.fromkeys(([own] if own is not None else []) + list(self.nationalities)))


@attrs.frozen
class Alignment:
    """A third country aligning with a regime (or with one act of it).

    >>> Alignment("Ukraine", "EU-BLR", "2020-11-20",
    ...           act="Council Decision (CFSP) 2020/1388").country
    Country('UA')
    """

    country: Country = attrs.field(converter=_country)
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
