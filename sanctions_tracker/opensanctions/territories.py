"""What the registry's codes mean here: territories, issuers and measures.

The OpenSanctions registry names territories by lower-case codes: ISO alpha-2 (``ru``),
``xk`` for Kosovo, the alpha-4 code of a dissolved state (``yucs``, ``csxx``), ``eu``
for the European Union, regions (``ua-cri``, ``ua-dpr``, ``ua-lpr``, ``md-pmr``), and
two codes that name no place a state could be sanctioned as: ``zz`` (worldwide: a
thematic programme) and ``ip`` (cyberspace). An issuer's territory is its seat; an
issuer without one (the UN Security Council), or seated ``zz`` or ``un``, is an
organisation; the UN Security Council is
:data:`sanctions_tracker.records.UN_SECURITY_COUNCIL`, whose regimes bind every UN
member. Its 14 measures map onto :data:`sanctions_tracker.MEASURES`.

>>> to_target("ua-cri"), to_target("by"), to_target("zz")
(Region('UA-43'), Country('BY'), None)
>>> MEASURES["Sectoral sanctions"]
'sectoral'
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from sanctions_tracker import blocs
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.records import (
    UN_SECURITY_COUNCIL,
    Measure,
    Organization,
    names_un_security_council,
)
from sanctions_tracker.regions import Region, is_region

__all__ = [
    "MEASURES",
    "ORGANISATION_SEATS",
    "THEMATIC",
    "Authority",
    "Issuer",
    "Target",
    "to_authority",
    "to_target",
]

Target: TypeAlias = Country | Region | Bloc
Authority: TypeAlias = Country | Bloc | Organization

#: Target codes that name no state or region: the programme is thematic.
THEMATIC: dict[str, str] = {"zz": "worldwide", "ip": "cyberspace"}

#: Issuer seats that make the issuer an organisation rather than a state's body.
ORGANISATION_SEATS: dict[str, str] = {"zz": "worldwide (Interpol)", "un": "the United Nations"}

#: The registry's measures (zavod's ``Measure`` vocabulary) -> ours.
MEASURES: dict[str, Measure] = {
    "Aid suspension": "aid suspension",
    "Arms embargo": "arms embargo",
    "Arms restrictions": "arms restrictions",
    "Asset freeze": "asset freeze",
    "Debarment": "debarment",
    "Export control": "export control",
    "Financial restrictions": "financial restrictions",
    "Import restrictions": "import restrictions",
    "Investment ban": "investment ban",
    "Prohibition to satisfy claims": "prohibition to satisfy claims",
    "Sectoral sanctions": "sectoral",
    "Services ban": "services ban",
    "Transportation restrictions": "transportation",
    "Travel ban": "travel ban",
}


def to_target(code: str) -> Target | None:
    """The state, region or bloc a registry territory code names; None when thematic.

    Args:
        code: a territory code as the registry writes it (any case).

    Returns:
        A Country, a Region, the EU bloc, or None for ``zz`` and ``ip``.

    Raises:
        UnknownCountryError: the code names no territory we know.

    >>> to_target("csxx"), to_target("eu").code
    (Country('CSXX'), 'EU')
    """
    key = code.strip().lower()
    if key in THEMATIC:
        return None
    if key == "eu":
        return blocs.get("EU")
    if is_region(key):
        return Region(key)
    return Country(key.upper())


@attrs.frozen
class Issuer:
    """A body that issues programmes: its registry key, name and seat.

    >>> Issuer("zz_unsc", "UN Security Council", acronym="UNSC").authority
    Organization(name='United Nations Security Council', country=None, identifiers=(), id='UNSC')
    >>> Issuer("zz_icij", "International Consortium of Investigative Journalists").authority.id
    'zz_icij'
    """

    key: str
    name: str
    acronym: str | None = None
    organisation: str | None = None
    territory: str | None = None

    @property
    def authority(self) -> Authority:
        """The country, bloc or organisation that stands behind the issuer."""
        return to_authority(self)


def to_authority(issuer: Issuer) -> Authority:
    """The authority of an issuer: its country, the EU bloc, or the issuer itself.

    The UN Security Council, by name or acronym, is the one organisation the library
    knows as an authority, :data:`~sanctions_tracker.records.UN_SECURITY_COUNCIL`, so
    that its programmes count for every UN member when a query asks (``via_un``).

    Raises:
        UnknownCountryError: the issuer's territory names no country we know.

    >>> to_authority(Issuer("eu_council", "Council of the European Union", territory="eu")).code
    'EU'
    >>> to_authority(Issuer("zz_unsc", "UN Security Council")) == UN_SECURITY_COUNCIL
    True
    """
    if any(names_un_security_council(name) for name in (issuer.name, issuer.acronym or "")):
        return UN_SECURITY_COUNCIL
    seat = (issuer.territory or "").strip().lower()
    if not seat or seat in ORGANISATION_SEATS:
        return Organization(issuer.name, id=issuer.key)
    if seat == "eu":
        return blocs.get("EU")
    return Country(seat.upper())
