"""The OpenSanctions programme registry, shipped as package data.

``data/opensanctions/programmes.json`` holds the registry's programmes and issuers as
written by ``scripts/refresh_programmes.py`` (its ``source`` names the commit);
``data/opensanctions/corrections.csv`` holds the reviewed programmes whose territories
name a state they protect rather than sanction, one line a programme with the targets
kept, the reason and the source. Both are read and checked at first use.

>>> programme("Regulation (EC) No 765/2006").key
'EU-BLR'
>>> programme("US-CAATSA").targets
(Country('IR'), Country('RU'))
>>> programme("eu-ukr").correction
"ua dropped: the regime protects Ukraine's territorial integrity, ..."
"""

from __future__ import annotations

import csv
import difflib
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeAlias, get_args

import attrs
import polars as pl

from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.errors import (
    AmbiguousProgrammeError,
    DataFormatError,
    SanctionsTrackerError,
    UnknownProgrammeError,
)
from sanctions_tracker.opensanctions.territories import (
    MEASURES,
    Authority,
    Issuer,
    Target,
    to_authority,
    to_target,
)
from sanctions_tracker.records import MEASURES as OUR_MEASURES
from sanctions_tracker.records import UN_SECURITY_COUNCIL, Measure, Organization, to_party
from sanctions_tracker.regions import Region, is_region

__all__ = [
    "STATUSES",
    "Programme",
    "Status",
    "all_programmes",
    "programme",
    "programmes",
    "source",
]

Status: TypeAlias = Literal["active", "ended", "legacy"]
STATUSES: tuple[Status, ...] = get_args(Status)

_REGISTRY = "opensanctions/programmes.json"
_CORRECTIONS = "opensanctions/corrections.csv"


def _targets(value: Iterable[Target | str]) -> tuple[Target, ...]:
    """Converter: registry codes or parties as targets, thematic codes dropped."""
    result: list[Target] = []
    for item in value:
        target = to_target(item) if isinstance(item, str) else item
        if target is not None and target not in result:
            result.append(target)
    return tuple(result)


def _measures(value: Iterable[str]) -> tuple[Measure, ...]:
    """Converter: the registry's measures (or ours) as ours, in our vocabulary's order."""
    ours: set[str] = set()
    for item in value:
        if item in MEASURES:
            ours.add(MEASURES[item])
        elif item in OUR_MEASURES:
            ours.add(item)
        else:
            raise ValueError(f"unknown measure {item!r}: write one of {', '.join(MEASURES)}")
    return tuple(m for m in OUR_MEASURES if m in ours)


def _status(value: str | None) -> Status:
    text = (value or "active").strip().lower()
    for status in STATUSES:
        if text == status:
            return status
    raise ValueError(f"unknown status {value!r}: write one of {', '.join(STATUSES)}")


def _strings(value: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


@attrs.frozen(repr=False)
class Programme:
    """One sanctions programme of the registry.

    ``targets`` are the states, regions (and, for a counter-measure, the EU bloc) that
    the programme sanctions; it is empty for a thematic programme (``zz``, ``ip`` or no
    territory). ``territories`` keeps the registry's codes as written; where a reviewed
    correction changed the targets, ``correction`` says why.

    >>> p = programme("US-BRUS")
    >>> p.authority, p.targets, p.measures, p.status
    (Country('US'), (Country('BY'),), ('asset freeze',), 'active')
    >>> programme("UN-SC1718").authority.name
    'United Nations Security Council'
    >>> programme("GB-HR").targets
    ()
    """

    key: str
    title: str
    authority: Authority
    targets: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    status: Status = attrs.field(default="active", converter=_status)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    url: str | None = None
    issuer: Issuer | None = None
    summary: str = ""
    territories: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    correction: str | None = None
    correction_source: str | None = None

    @property
    def thematic(self) -> bool:
        """True when the programme has no target: it sanctions through its designations."""
        return not self.targets

    def __repr__(self) -> str:
        return f"<Programme {self.key}: {self.title}>"


# -- loading ---------------------------------------------------------------------------


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("sanctions_tracker.data").joinpath(_REGISTRY).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def source() -> dict[str, str]:
    """Where the shipped registry comes from: repository, folder, commit, date, licence.

    >>> source()["commit"]
    'f33cff2'
    """
    return dict(_raw()["source"])


@attrs.frozen
class _Correction:
    targets: tuple[str, ...]
    reason: str
    source: str


@cache
def _corrections() -> dict[str, _Correction]:
    path = resources.files("sanctions_tracker.data").joinpath(_CORRECTIONS)
    result: dict[str, _Correction] = {}
    with path.open(encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            key = row["key"]
            if not row["reason"].strip() or not row["source"].strip():
                raise DataFormatError(
                    "a correction needs its reason and its source", file=_CORRECTIONS, line=line
                )
            if key in result:
                raise DataFormatError(f"{key} is corrected twice", file=_CORRECTIONS, line=line)
            result[key] = _Correction(tuple(row["targets"].split()), row["reason"], row["source"])
    return result


def _build(row: dict[str, Any], issuers: dict[str, Issuer]) -> Programme:
    issuer = issuers[row["issuer"]]
    territories = tuple(row.get("territories") or ())
    correction = _corrections().get(row["key"])
    return Programme(
        key=row["key"],
        title=row["title"],
        authority=to_authority(issuer),
        targets=correction.targets if correction else territories,
        measures=row.get("measures") or (),
        status=row.get("status"),
        aliases=row.get("aliases") or (),
        url=row.get("url"),
        issuer=issuer,
        summary=row.get("summary") or "",
        territories=territories,
        correction=correction.reason if correction else None,
        correction_source=correction.source if correction else None,
    )


@cache
def _programmes() -> dict[str, Programme]:
    raw = _raw()
    issuers = {key: Issuer(key=key, **fields) for key, fields in raw["issuers"].items()}
    result: dict[str, Programme] = {}
    for index, row in enumerate(raw["programmes"]):
        try:
            result[row["key"]] = _build(row, issuers)
        except (SanctionsTrackerError, LookupError, ValueError, TypeError) as error:
            where = f"programmes[{index}] ({row.get('key')!r})"
            raise DataFormatError(f"{where}: {error}", file=_REGISTRY) from None
    unknown = sorted(set(_corrections()) - set(result))
    if unknown:
        raise DataFormatError(
            f"corrections of programmes the registry lacks: {', '.join(unknown)}",
            file=_CORRECTIONS,
        )
    return result


def _key(text: str) -> str:
    """Lookup key: case and spacing aside."""
    return "".join(text.casefold().split())


@cache
def _index() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Keys by lookup key, and the programmes of each alias by lookup key."""
    keys = {_key(key): key for key in _programmes()}
    aliases: dict[str, set[str]] = defaultdict(set)
    for prog in _programmes().values():
        for alias in prog.aliases:
            aliases[_key(alias)].add(prog.key)
    return keys, {alias: tuple(sorted(found)) for alias, found in aliases.items()}


def all_programmes() -> tuple[Programme, ...]:
    """Every programme of the registry, by key.

    >>> len(all_programmes())
    261
    """
    return tuple(prog for _, prog in sorted(_programmes().items()))


def programme(key: str, *, authority: Authority | str | None = None) -> Programme:
    """A programme by its key or one of its aliases, case and spacing aside.

    Args:
        key: a programme key (``EU-BLR``) or alias (``Regulation (EC) No 765/2006``).
        authority: the authority that issued it, where known (a country, bloc or
            organisation, as :func:`programmes` takes it): among the programmes that
            share an alias, the one of this authority. It never overrides a key.

    Returns:
        The Programme.

    Raises:
        UnknownProgrammeError: no programme has that key or alias (with suggestions).
        AmbiguousProgrammeError: the alias belongs to several programmes; the error
            lists them.

    >>> programme("regulation (ec) no 765/2006").key
    'EU-BLR'
    >>> programme("EU-BLRR")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.UnknownProgrammeError: unknown programme 'EU-BLRR' (did you mean ...?)
    >>> programme("UNSCR 1718")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.AmbiguousProgrammeError: ambiguous programme 'UNSCR 1718': ...
    >>> programme("UNSCR 1718", authority="GB").key
    'GB-DPRK'
    """
    if not isinstance(key, str):
        raise TypeError(f"a programme key is text, not {type(key).__name__}")
    keys, aliases = _index()
    wanted = _key(key)
    if wanted in keys:
        return _programmes()[keys[wanted]]
    found = aliases.get(wanted, ())
    if len(found) > 1 and authority is not None:
        code = _authority_code(authority)
        found = tuple(k for k in found if _code(_programmes()[k].authority) == code) or found
    if len(found) == 1:
        return _programmes()[found[0]]
    if found:
        raise AmbiguousProgrammeError(key, candidates=found)
    close = difflib.get_close_matches(wanted, [*keys, *aliases], n=5, cutoff=0.75)
    suggestions = [keys[c] if c in keys else ", ".join(aliases[c]) for c in close]
    raise UnknownProgrammeError(key, suggestions=tuple(dict.fromkeys(suggestions))[:3])


# -- the table -------------------------------------------------------------------------

SCHEMA: dict[str, pl.DataType] = {
    "key": pl.String(),
    "title": pl.String(),
    "authority": pl.String(),
    "authority_kind": pl.String(),
    "issuer": pl.String(),
    "targets": pl.List(pl.String()),
    "measures": pl.List(pl.String()),
    "status": pl.String(),
    "aliases": pl.List(pl.String()),
    "url": pl.String(),
    "correction": pl.String(),
}


def _code(party: Target | Authority) -> str:
    """A country's or bloc's code, ``UNSC`` as in a regime's authority, else a name."""
    if isinstance(party, Organization):
        return party.id if party == UN_SECURITY_COUNCIL and party.id else party.name
    return party.code


def _kind(party: Authority) -> str:
    if isinstance(party, Organization):
        return "organization"
    return "bloc" if isinstance(party, Bloc) else "country"


@cache
def _frame() -> pl.DataFrame:
    rows = [
        {
            "key": p.key,
            "title": p.title,
            "authority": _code(p.authority),
            "authority_kind": _kind(p.authority),
            "issuer": p.issuer.name if p.issuer else None,
            "targets": [_code(t) for t in p.targets],
            "measures": list(p.measures),
            "status": p.status,
            "aliases": list(p.aliases),
            "url": p.url,
            "correction": p.correction,
        }
        for p in all_programmes()
    ]
    return pl.DataFrame(rows, schema=SCHEMA)


def _target_code(value: Target | str) -> str:
    if isinstance(value, Country | Region | Bloc):
        return value.code
    if is_region(value):
        return Region(value).code
    party = to_party(value)
    if not isinstance(party, Country | Bloc):  # pragma: no cover - to_party gives these
        raise TypeError(f"{value!r} is not a country, region or bloc")
    return party.code


def _authority_code(value: Authority | str) -> str:
    if isinstance(value, Organization):
        return _code(value)
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for prog in _programmes().values():
            issuer = prog.issuer
            if isinstance(prog.authority, Organization) and issuer is not None:
                names = {issuer.name.casefold(), (issuer.acronym or "").casefold()}
                if wanted in names:
                    return _code(prog.authority)
    return _target_code(value)


def programmes(
    *, target: Target | str | None = None, authority: Authority | str | None = None
) -> pl.DataFrame:
    """The registry as a table, one row a programme, sorted by key.

    Columns: ``key``, ``title``, ``authority`` (a country's or bloc's code, ``UNSC``
    for the UN Security Council as in a regime's authority, or an organisation's
    name), ``authority_kind`` (country, bloc, organization), ``issuer``, ``targets``
    (codes of countries, regions and blocs), ``measures`` (ours), ``status``,
    ``aliases``, ``url`` and ``correction`` (why the targets differ from the registry's
    territories, where they do).

    Args:
        target: only programmes that target this country, region or bloc (a region is
            not its country: ``UA`` does not give the programmes on Crimea).
        authority: only programmes of this country, bloc or organisation (by name or
            acronym: ``UNSC``); a bloc is not its members.

    Returns:
        A polars DataFrame.

    Raises:
        UnknownCountryError: ``target`` or ``authority`` names nothing we know.

    >>> programmes(target="BY", authority="EU")["key"].to_list()
    ['EU-BLR']
    >>> programmes(target="ua-cri", authority="US")["key"].to_list()
    ['US-UKRRUS-REL']
    >>> programmes(authority="UNSC").height
    15
    >>> programmes(authority="UN Security Council")["authority"].unique().to_list()
    ['UNSC']
    """
    frame = _frame()
    if target is not None:
        frame = frame.filter(pl.col("targets").list.contains(_target_code(target)))
    if authority is not None:
        frame = frame.filter(pl.col("authority") == _authority_code(authority))
    return frame
