"""Countries: a frozen value type keyed by its canonical code, and name resolution.

>>> Country("de")
Country('DE')
>>> Country("DE").name, Country("DE").alpha_3
('Germany', 'DEU')
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from sanctions_tracker._registry import CountryInfo, registry
from sanctions_tracker._resolve import raise_first, resolve_code, resolve_unique
from sanctions_tracker.errors import UnknownCountryError

__all__ = ["Country", "resolve_countries", "resolve_country", "to_country"]


def _upper(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a country code is a string, not {type(value).__name__}")
    return value.strip().upper()


def _known_code(instance: Country, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in registry():
        raise UnknownCountryError(
            value, hint="not an ISO 3166 alpha-2 code, XK, or a historic alpha-4 code"
        )


@attrs.frozen(order=True, repr=False)
class Country:
    """One country by its canonical code: ISO 3166-1 alpha-2, ``XK``, or the
    ISO 3166-3 alpha-4 code of a dissolved state (``SUHH``, ``YUCS``, ``CSHH``, ``DDDE``).

    >>> sorted({Country("US"), Country("AT")})
    [Country('AT'), Country('US')]
    >>> Country("SUHH").name
    'USSR, Union of Soviet Socialist Republics'
    """

    code: str = attrs.field(converter=_upper, validator=_known_code)

    @property
    def _info(self) -> CountryInfo:
        return registry()[self.code]

    @property
    def alpha_2(self) -> str:
        """The two-letter code (for a historic state, its former alpha-2)."""
        return self._info.alpha_2

    @property
    def alpha_3(self) -> str:
        """The three-letter code."""
        return self._info.alpha_3

    @property
    def numeric(self) -> str | None:
        """The three-digit numeric code, where one exists."""
        return self._info.numeric

    @property
    def name(self) -> str:
        """The short English name, as ISO writes it."""
        return self._info.name

    @property
    def official_name(self) -> str | None:
        """The formal English name, where ISO gives one."""
        return self._info.official_name

    @property
    def historic(self) -> bool:
        """True for a dissolved state (ISO 3166-3)."""
        return self._info.historic

    def __repr__(self) -> str:
        return f"Country({self.code!r})"

    def __str__(self) -> str:
        return self.name


def to_country(value: Country | str) -> Country:
    """Converter for records: a Country as it is, a string resolved by name or code.

    >>> to_country("the Czech Republic")
    Country('CZ')
    """
    if isinstance(value, Country):
        return value
    if isinstance(value, str):
        return resolve_country(value)
    raise TypeError(f"{value!r} is not a country: give a Country or a name or code")


def resolve_country(text: str) -> Country:
    """Resolve a name or code to its Country, never guessing.

    Codes (alpha-2, alpha-3, numeric; alpha-4 for a dissolved state) resolve in any case;
    so do names as ISO, the UN, the World Bank, CLDR and ordinary prose write them, in
    English, French, Spanish, Russian, Arabic and Chinese. Case, accents, punctuation,
    ``&`` for ``and``, a leading article and inverted forms (``Korea, Rep.``,
    ``Congo (the)``) do not matter. See ``docs/countries.md`` for the rules.

    Args:
        text: a country name or code.

    Returns:
        The one Country that ``text`` names.

    Raises:
        UnknownCountryError: no country has that name (with up to three suggestions), or
            it names a bloc (with a hint to ``sanctions_tracker.blocs.get``).
        AmbiguousCountryError: it fits two or more countries; ``.candidates`` lists them.

    >>> resolve_country("Korea, Rep."), resolve_country("the Republic of Korea")
    (Country('KR'), Country('KR'))
    >>> resolve_country("Soviet Union")
    Country('SUHH')
    >>> resolve_country("Korea")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.AmbiguousCountryError: ambiguous country 'Korea': ...
    """
    return Country(resolve_code(text))


def resolve_countries(texts: Iterable[str]) -> list[Country]:
    """Resolve many names at once, in order: each distinct text is resolved once.

    Args:
        texts: country names or codes.

    Returns:
        One Country per text.

    Raises:
        UnknownCountryError: for the first text that names no country; a note on the
            error counts how many distinct texts failed.
        AmbiguousCountryError: for the first text that fits several countries.

    >>> resolve_countries(["Venezuela, RB", "VEN", "Venezuela (Bolivarian Republic of)"])
    [Country('VE'), Country('VE'), Country('VE')]
    """
    texts = texts if isinstance(texts, list) else list(texts)
    resolved, failed = resolve_unique(texts)
    raise_first(failed, len(texts))
    countries = {code: Country(code) for code in set(resolved.values())}
    by_text = {text: countries[code] for text, code in resolved.items()}
    return list(map(by_text.__getitem__, texts))
