"""The one module that talks to pycountry: a frozen snapshot of the country codes.

Nothing here is exported; :mod:`sanctions_tracker.countries` builds on it. pycountry's
records are mutable and shared, so we copy the few fields we need into our own frozen
records, once, at first use.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import Any

import attrs
import pycountry

__all__ = ["CountryInfo", "SubdivisionInfo", "registry", "subdivision", "translated_names"]

# Historic states keyed by alpha-4, because pycountry reuses alpha-2 codes ("CS").
# Kosovo: XK, user-assigned, used by the EU, the World Bank and OpenSanctions.
_KOSOVO = ("XK", "XKX", None, "Kosovo", "Republic of Kosovo")


@attrs.frozen
class CountryInfo:
    """What we keep of one registry entry."""

    code: str
    alpha_2: str
    alpha_3: str
    numeric: str | None
    name: str
    official_name: str | None
    common_name: str | None = None
    historic: bool = False
    withdrawn_on: str | None = None


@cache
def registry() -> dict[str, CountryInfo]:
    """Every known country by canonical code (alpha-2, XK, or alpha-4 for historic)."""
    entries: dict[str, CountryInfo] = {}
    for record in pycountry.countries:
        entries[record.alpha_2] = _info(
            record, record.alpha_2, common_name=getattr(record, "common_name", None)
        )
    code, alpha_3, numeric, name, official = _KOSOVO
    entries[code] = CountryInfo(code, code, alpha_3, numeric, name, official)
    for record in pycountry.historic_countries:
        entries[record.alpha_4] = _info(
            record,
            record.alpha_4,
            historic=True,
            withdrawn_on=getattr(record, "withdrawal_date", None),
        )
    return entries


def _info(
    record: Any,
    code: str,
    *,
    common_name: str | None = None,
    historic: bool = False,
    withdrawn_on: str | None = None,
) -> CountryInfo:
    """Our frozen copy of a pycountry record (current or historic), keyed by ``code``."""
    return CountryInfo(
        code=code,
        alpha_2=record.alpha_2,
        alpha_3=record.alpha_3,
        numeric=getattr(record, "numeric", None),
        name=record.name,
        official_name=getattr(record, "official_name", None),
        common_name=common_name,
        historic=historic,
        withdrawn_on=withdrawn_on,
    )


@attrs.frozen
class SubdivisionInfo:
    """What we keep of one ISO 3166-2 subdivision."""

    code: str
    country: str
    name: str
    type: str


@cache
def _subdivisions() -> dict[str, SubdivisionInfo]:
    return {
        record.code: SubdivisionInfo(
            code=record.code, country=record.country_code, name=record.name, type=record.type
        )
        for record in pycountry.subdivisions
    }


def subdivision(code: str) -> SubdivisionInfo | None:
    """The ISO 3166-2 subdivision of that code (upper case), or None.

    >>> subdivision("UA-43").country
    'UA'
    >>> subdivision("UA-99") is None
    True
    """
    return _subdivisions().get(code)


@cache
def translated_names(language: str) -> dict[str, tuple[str, ...]]:
    """The names of every registry entry in one language, from the iso-codes translations
    that pycountry ships (gettext catalogues): code -> its translated short, official and
    common names, where the catalogue translates them. Empty for an unknown language.
    """
    names: dict[str, tuple[str, ...]] = {}
    for domain in ("iso3166-1", "iso3166-3"):
        try:
            catalogue = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for info in registry().values():
            if info.historic != (domain == "iso3166-3"):
                continue
            english = (info.name, info.official_name, info.common_name)
            translated = {catalogue.gettext(n) for n in english if n} - set(english)
            if translated:
                names[info.code] = tuple(sorted(translated))
    return names
