"""Properties of country resolution: every ISO name and code resolves, spelling variants
do not matter, and nothing resolves except through a known name or code."""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_tracker._names import normalise
from sanctions_tracker._registry import CountryInfo, registry
from sanctions_tracker._resolve import name_table, names_of, resolve_code
from sanctions_tracker.errors import AmbiguousCountryError, UnknownCountryError

CURRENT = sorted((info for info in registry().values() if not info.historic), key=lambda i: i.code)
HISTORIC = sorted((info for info in registry().values() if info.historic), key=lambda i: i.code)
WHITESPACE = " \t\n\u00a0\u2003"


def _names(info: CountryInfo) -> list[str]:
    texts = [info.name, info.official_name, info.common_name]
    return [text for text in texts if text]


def _codes(info: CountryInfo) -> list[str]:
    return [code for code in (info.alpha_2, info.alpha_3, info.numeric) if code]


@st.composite
def country_names(draw: st.DrawFn) -> tuple[str, str]:
    """A current country's ISO name, official name or common name, and its code."""
    info = draw(st.sampled_from(CURRENT))
    return draw(st.sampled_from(_names(info))), info.code


@st.composite
def recased(draw: st.DrawFn, text: str) -> str:
    """The text with each letter in upper or lower case at random."""
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips, strict=True))


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A known name with one character inserted, deleted or replaced."""
    name, _ = draw(country_names())
    at = draw(st.integers(0, len(name) - 1))
    char = draw(st.characters(codec="utf-8"))
    edit = draw(st.sampled_from(["insert", "delete", "replace"]))
    if edit == "insert":
        return name[:at] + char + name[at:]
    if edit == "delete":
        return name[:at] + name[at + 1 :]
    return name[:at] + char + name[at + 1 :]


@given(st.sampled_from(CURRENT))
def test_every_country_resolves_from_its_names_and_codes(info: CountryInfo) -> None:
    """ISO's name, official name, common name, alpha-2, alpha-3 and numeric all resolve."""
    texts = _names(info) + _codes(info)
    assert [info.code] * len(texts) == [resolve_code(text) for text in texts]


@pytest.mark.parametrize("country", list(pycountry.countries), ids=lambda c: c.alpha_2)
def test_every_pycountry_country_resolves_from_its_name_and_codes(
    country: pycountry.db.Country,
) -> None:
    """The whole ISO list, every country once: its name and codes resolve to it."""
    texts = [country.name, country.alpha_2, country.alpha_3, country.numeric]
    texts += [getattr(country, "official_name", country.name)]
    assert [country.alpha_2] * len(texts) == [resolve_code(text) for text in texts]


@given(st.sampled_from(HISTORIC))
def test_every_dissolved_state_resolves_from_its_alpha_4_code(info: CountryInfo) -> None:
    """A dissolved state's alpha-4 code resolves to it, in any case."""
    assert (info.code, info.code) == (resolve_code(info.code), resolve_code(info.code.lower()))


@given(country_names(), st.data())
def test_case_does_not_matter(named: tuple[str, str], data: st.DataObject) -> None:
    """Any mix of upper and lower case resolves alike."""
    name, code = named
    assert code == resolve_code(data.draw(recased(name)))


@given(country_names(), st.text(WHITESPACE), st.text(WHITESPACE))
def test_surrounding_whitespace_does_not_matter(
    named: tuple[str, str], before: str, after: str
) -> None:
    """Whitespace around a name is ignored."""
    name, code = named
    assert code == resolve_code(before + name + after)


@given(country_names(), st.sampled_from(["the ", "The ", "THE ", "the  "]))
def test_a_leading_the_does_not_matter(named: tuple[str, str], article: str) -> None:
    """A leading 'the' is ignored."""
    name, code = named
    assert code == resolve_code(article + name)


def _resolves_through_a_known_name(text: str) -> None:
    try:
        code = resolve_code(text)
    except (UnknownCountryError, AmbiguousCountryError):
        return
    known = {normalise(name) for name in names_of(code)}
    assert normalise(text) in known
    assert (code,) == name_table()[normalise(text)]


@given(st.text())
def test_random_text_resolves_only_through_a_known_name(text: str) -> None:
    """No fuzzy matching: a text raises, or it normalises to a name of its country."""
    _resolves_through_a_known_name(text)


@given(near_misses())
def test_near_misses_resolve_only_through_a_known_name(text: str) -> None:
    """A misspelt name raises, or it normalises to a name of the country it resolves to."""
    _resolves_through_a_known_name(text)


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    """A key normalises to itself: the table and the queries agree on keys."""
    key = normalise(text)
    assert key == normalise(key)


@given(st.data())
def test_every_ambiguous_name_raises_naming_each_candidate(data: st.DataObject) -> None:
    """A key with two or more codes never resolves; the error names every candidate."""
    ambiguous = sorted(key for key, codes in name_table().items() if len(codes) > 1)
    key = data.draw(st.sampled_from(ambiguous))
    with pytest.raises(AmbiguousCountryError) as caught:
        resolve_code(key)
    assert list(name_table()[key]) == [c.split()[0] for c in caught.value.candidates]
