"""A party, a designation target or a regime's authority as table columns, and back.

A country or bloc is one code; a person or organisation spreads over a name column and
``<prefix>_kind``, ``_country``, ``_id`` and ``_identifiers`` (``party_...`` in the
signatures table, ``target_...`` in the designations table).

>>> from sanctions_tracker.records import Person
>>> row = party_columns(Person("Alexander Lukashenko", nationality="BY"))
>>> row["party_kind"], row["party_country"]
('person', 'BY')
>>> party_of(row, blocs={})
Person(name='Alexander Lukashenko', nationality=Country('BY'), identifiers=(), id=None)
"""

from __future__ import annotations

from typing import Any

from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.records import Organization, Party, Person

__all__ = [
    "authority_columns",
    "authority_of",
    "entity_columns",
    "party_columns",
    "party_of",
    "target_of",
]


def party_columns(party: Party) -> dict[str, Any]:
    """The ``party...`` columns of a signature's party (and ``country`` for a country)."""
    if isinstance(party, Country):
        return {"party_kind": "country", "party": party.code, "country": party.code}
    if isinstance(party, Bloc):
        return {"party_kind": "bloc", "party": party.code}
    return entity_columns(party, "party", "party")


def entity_columns(entity: Person | Organization, prefix: str, name: str) -> dict[str, Any]:
    """The columns of a person or organisation: ``name``, and ``<prefix>_kind``,
    ``_country``, ``_id`` and ``_identifiers`` (the reverse of :func:`_named`)."""
    country = entity.nationality if isinstance(entity, Person) else entity.country
    return {
        f"{prefix}_kind": "person" if isinstance(entity, Person) else "organization",
        name: entity.name,
        f"{prefix}_country": country.code if country else None,
        f"{prefix}_id": entity.id,
        f"{prefix}_identifiers": list(entity.identifiers),
    }


_AUTHORITY_KINDS: dict[type, str] = {Country: "country", Bloc: "bloc", Organization: "organization"}


def authority_columns(authority: Country | Bloc | Organization) -> dict[str, Any]:
    """The ``authority_kind`` and ``authority`` columns of a regime."""
    return {
        "authority_kind": _AUTHORITY_KINDS[type(authority)],
        "authority": authority.id if isinstance(authority, Organization) else authority.code,
    }


def party_of(row: dict[str, Any], blocs: dict[str, Bloc]) -> Party:
    """The party of a signatures row; ``blocs`` by code."""
    kind = row["party_kind"]
    if kind == "country":
        return Country(row["party"])
    if kind == "bloc":
        return blocs[row["party"]]
    return _named(row, kind, "party", "party")


def authority_of(row: dict[str, Any], blocs: dict[str, Bloc]) -> Country | Bloc | str:
    """The authority of a regimes row: a country, a bloc, or an organisation's id."""
    kind = row["authority_kind"]
    if kind == "bloc":
        return blocs[row["authority"]]
    return Country(row["authority"]) if kind == "country" else row["authority"]


def target_of(row: dict[str, Any]) -> Person | Organization:
    """The target of a designations row."""
    return _named(row, row["target_kind"], "target_name", "target")


def _named(row: dict[str, Any], kind: str, name: str, prefix: str) -> Person | Organization:
    """The person (``kind`` ``person``) or else organisation of a row, from its ``name``
    column and the ``<prefix>_country``, ``_identifiers`` and ``_id`` columns."""
    country, identifiers, id_ = (row[f"{prefix}_{c}"] for c in ("country", "identifiers", "id"))
    if kind == "person":
        return Person(row[name], nationality=country, identifiers=identifiers, id=id_)
    return Organization(row[name], country=country, identifiers=identifiers, id=id_)
