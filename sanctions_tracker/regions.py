"""Regions: parts of a country that a sanctions regime may target on their own.

Crimea, Sevastopol, the so-called Donetsk and Luhansk People's Republics and
Transnistria are sanctioned as territories, not as the country they belong to: a
sanction on a region never counts against its country, nor the other way round. A
region is keyed by its ISO 3166-2 code and also accepts the OpenSanctions territory
code (``ua-cri``, ``ua-dpr``, ``ua-lpr``, ``md-pmr``) and its name. The list, with the
source of each row, is ``data/regions.csv``.

>>> Region("ua-cri")
Region('UA-43')
>>> Region("UA-43").country, Region("UA-43").name
(Country('UA'), 'Crimea')
>>> Region("ua-dpr") == Region("UA-14")
True
"""

from __future__ import annotations

import csv
import difflib
from functools import cache
from importlib import resources

import attrs

from sanctions_tracker._registry import subdivision
from sanctions_tracker.countries import Country
from sanctions_tracker.errors import UnknownCountryError

__all__ = ["Region", "RegionInfo", "all_regions", "is_region", "not_a_country", "region_codes"]


@attrs.frozen
class RegionInfo:
    """One row of ``data/regions.csv``."""

    code: str
    country: str
    name: str
    opensanctions: str
    source: str
    note: str


@cache
def _rows() -> dict[str, RegionInfo]:
    """The rows of ``data/regions.csv``, each checked against ISO 3166-2 at first use."""
    data = resources.files("sanctions_tracker.data")
    with data.joinpath("regions.csv").open(encoding="utf-8") as handle:
        rows = {row["code"]: RegionInfo(**row) for row in csv.DictReader(handle)}
    for info in rows.values():
        iso = subdivision(info.code)
        if iso is None or iso.country != info.country:
            raise RuntimeError(  # a packaging fault, never a user's input
                f"data/regions.csv: {info.code} is not an ISO 3166-2 subdivision of {info.country}"
            )
    return rows


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("_", "-").split())


@cache
def _lookup() -> dict[str, str]:
    """Every accepted spelling (code, OpenSanctions code, name), keyed, to its code."""
    table: dict[str, str] = {}
    for info in _rows().values():
        for text in (info.code, info.opensanctions, info.name):
            if text:
                table[_key(text)] = info.code
    return table


def _region_code(value: str) -> str:
    """Converter: a region's code, OpenSanctions code or name, as its ISO 3166-2 code."""
    if not isinstance(value, str):
        raise TypeError(f"a region code is a string, not {type(value).__name__}")
    key = _key(value)
    table = _lookup()
    if key in table:
        return table[key]
    close = difflib.get_close_matches(key, list(table), n=3, cutoff=0.6)
    raise UnknownCountryError(
        value,
        suggestions=tuple(dict.fromkeys(table[k] for k in close)),
        hint=f"not a known region (the regions are {', '.join(_rows())})",
    )


def is_region(text: str) -> bool:
    """True when ``text`` names a known region (by code, OpenSanctions code or name).

    >>> is_region("ua-lpr"), is_region("UA")
    (True, False)
    """
    return _key(text) in _lookup()


def not_a_country(value: object) -> UnknownCountryError | None:
    """The error for a region given where a country must be (a signatory, a nationality,
    an aligned country); None when ``value`` is no region.

    >>> print(not_a_country("ua-cri"))
    unknown country 'ua-cri': UA-43 (Crimea) is a region of Ukraine, not a country: \
only a sanctions regime's target may be a region (did you mean UA?)
    >>> not_a_country("Ukraine") is None
    True
    """
    if isinstance(value, Region):
        region = value
    elif isinstance(value, str) and is_region(value):
        region = Region(value)
    else:
        return None
    return UnknownCountryError(
        str(value),
        suggestions=(region.country.code,),
        hint=(
            f"{region.code} ({region.name}) is a region of {region.country.name}, not a "
            "country: only a sanctions regime's target may be a region"
        ),
    )


@attrs.frozen(order=True, repr=False)
class Region:
    """A region of a country, sanctioned on its own: its ISO 3166-2 code.

    >>> Region("md-pmr").country
    Country('MD')
    >>> Region("UA-99")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.UnknownCountryError: unknown country 'UA-99': not a known region ...
    """

    code: str = attrs.field(converter=_region_code)

    @property
    def _info(self) -> RegionInfo:
        return _rows()[self.code]

    @property
    def country(self) -> Country:
        """The country the region belongs to."""
        return Country(self._info.country)

    @property
    def name(self) -> str:
        """The region's English name."""
        return self._info.name

    @property
    def iso_name(self) -> str:
        """The subdivision's name as ISO 3166-2 gives it.

        >>> Region("ua-dpr").iso_name
        'Donetska oblast'
        """
        iso = subdivision(self.code)
        return iso.name if iso is not None else self.name

    @property
    def opensanctions(self) -> str | None:
        """The OpenSanctions territory code, where it has one."""
        return self._info.opensanctions or None

    @property
    def source(self) -> str:
        """Where the code, the name and the OpenSanctions code come from."""
        return self._info.source

    def __repr__(self) -> str:
        return f"Region({self.code!r})"

    def __str__(self) -> str:
        return self.name


def all_regions() -> tuple[Region, ...]:
    """Every known region, by code.

    >>> [r.code for r in all_regions()]
    ['MD-SN', 'UA-09', 'UA-14', 'UA-40', 'UA-43']
    """
    return tuple(Region(code) for code in sorted(_rows()))


def region_codes() -> tuple[str, ...]:
    """The ISO 3166-2 code of every known region, sorted.

    >>> region_codes()[:2]
    ('MD-SN', 'UA-09')
    """
    return tuple(sorted(_rows()))
