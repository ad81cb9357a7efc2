"""Country and name resolution: one example test per documented behaviour."""

from __future__ import annotations

import pickle

import attrs
import polars as pl
import pycountry
import pytest

import sanctions_tracker as st
from sanctions_tracker._resolve import aliases, name_table, resolve_codes
from sanctions_tracker.countries import Country, resolve_countries, resolve_country

UN_NAMES = [
    ("the Islamic Republic of Afghanistan", "AF"),
    ("Congo (the)", "CG"),
    ("Bolivia (Plurinational State of)", "BO"),
    ("Democratic Republic of the Congo (the)", "CD"),
    ("United Kingdom of Great Britain and Northern Ireland (the)", "GB"),
    ("Iran (Islamic Republic of)", "IR"),
    ("Holy See (the) *", "VA"),
    ("State of Palestine (the) *", "PS"),
]
WORLD_BANK_NAMES = [
    ("Korea, Rep.", "KR"),
    ("Korea, Dem. People's Rep.", "KP"),
    ("Egypt, Arab Rep.", "EG"),
    ("Venezuela, RB", "VE"),
    ("St. Kitts and Nevis", "KN"),
    ("Gambia, The", "GM"),
    ("Bahamas, The", "BS"),
    ("Lao PDR", "LA"),
    ("Hong Kong SAR, China", "HK"),
]
CLDR_AND_ISO_4217_NAMES = [
    ("Congo - Kinshasa", "CD"),
    ("St. Vincent & Grenadines", "VC"),
    ("Côte d\u2019Ivoire", "CI"),
    ("KOREA (THE DEMOCRATIC PEOPLE\u2019S REPUBLIC OF)", "KP"),
    ("TAIWAN (PROVINCE OF CHINA)", "TW"),
    ("VIRGIN ISLANDS (U.S.)", "VI"),
]
PROSE_NAMES = [
    ("the United States", "US"),
    ("the UK", "GB"),
    ("Great Britain", "GB"),
    ("Holland", "NL"),
    ("the Czech Republic", "CZ"),
    ("Ivory Coast", "CI"),
    ("Turkey", "TR"),
    ("Burma", "MM"),
    ("Swaziland", "SZ"),
    ("Macedonia", "MK"),
    ("the Republic of Macedonia", "MK"),
    ("DPRK", "KP"),
    ("Republic of Korea", "KR"),
    ("UAE", "AE"),
    ("DRC", "CD"),
    ("Kosovo", "XK"),
    ("Holy See", "VA"),
    ("State of Palestine", "PS"),
    ("USSR", "SUHH"),
    ("Yugoslavia", "YUCS"),
]
HISTORIC_NAMES = [
    ("USSR", "SUHH"),
    ("Soviet Union", "SUHH"),
    ("Yugoslavia", "YUCS"),
    ("Czechoslovakia", "CSHH"),
    ("East Germany", "DDDE"),
    ("German Democratic Republic", "DDDE"),
]
OTHER_LANGUAGES = [
    ("Allemagne", "DE"),
    ("Iran (République islamique d')", "IR"),
    ("États-Unis d'Amérique (les)", "US"),
    ("Afganistán (el)", "AF"),
    ("Países Bajos (Reino de los)", "NL"),
    ("Estados Unidos de América", "US"),
    ("Германия", "DE"),
    ("Боливия (Многонациональное Государство)", "BO"),
    ("Объединённые Арабские Эмираты", "AE"),
    ("Бермудские острова", "BM"),
]
CODES = [("de", "DE"), ("DEU", "DE"), ("deu", "DE"), ("276", "DE"), ("na", "NA"), ("XKX", "XK")]


@pytest.mark.parametrize(
    ("text", "code"),
    UN_NAMES + WORLD_BANK_NAMES + CLDR_AND_ISO_4217_NAMES + PROSE_NAMES + CODES,
)
def test_english_names_and_codes_resolve(text: str, code: str) -> None:
    """UN, World Bank, CLDR, ISO 4217 and prose names, and codes in any case, resolve."""
    assert Country(code) == resolve_country(text)


@pytest.mark.parametrize(("text", "code"), HISTORIC_NAMES)
def test_dissolved_states_resolve_to_their_alpha_4_code(text: str, code: str) -> None:
    """A dissolved state resolves to its ISO 3166-3 alpha-4 code."""
    assert Country(code) == resolve_country(text)


@pytest.mark.parametrize(("text", "code"), OTHER_LANGUAGES)
def test_french_spanish_and_russian_names_resolve(text: str, code: str) -> None:
    """Names in the other UN languages resolve through CLDR and the iso-codes catalogues."""
    assert Country(code) == resolve_country(text)


@pytest.mark.parametrize(
    "text",
    [
        "SOUTH KOREA",
        "  south   korea ",
        "South-Korea",
        "the South Korea",
        "Sóuth Koréa",
        "South Korea.",
    ],
)
def test_case_accents_punctuation_articles_and_spaces_do_not_matter(text: str) -> None:
    """Case, diacritics, punctuation, a leading article and extra spaces are ignored."""
    assert Country("KR") == resolve_country(text)


def test_ampersand_reads_and() -> None:
    """'&' and 'and' are the same word."""
    assert resolve_country("Bosnia and Herzegovina") == resolve_country("Bosnia & Herzegovina")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the United States", "US"), ("Niger", "NE"), ("Republic of Korea", "KR")],
)
def test_search_fuzzy_traps_resolve_right(text: str, expected: str) -> None:
    """The three names that pycountry's search_fuzzy gets wrong resolve right here."""
    fuzzy = pycountry.countries.search_fuzzy(text)[0].alpha_2
    assert expected != fuzzy
    assert Country(expected) == resolve_country(text)


@pytest.mark.parametrize(
    ("text", "code"), [("Congo", "CG"), ("Sudan", "SD"), ("Niger", "NE"), ("Georgia", "GE")]
)
def test_names_that_look_shared_follow_the_un(text: str, code: str) -> None:
    """Congo alone is the Republic of the Congo, as the UN writes it; likewise Sudan, Niger."""
    assert Country(code) == resolve_country(text)


def test_dominica_and_the_dominican_republic_differ() -> None:
    """Dominica and the Dominican Republic are two countries."""
    expected = ("DM", "DO")
    assert expected == (
        resolve_country("Dominica").code,
        resolve_country("Dominican Republic").code,
    )


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("Korea", ("KP North Korea", "KR South Korea")),
        ("Virgin Islands", ("VG British Virgin Islands", "VI U.S. Virgin Islands")),
    ],
)
def test_a_name_of_two_countries_is_ambiguous(text: str, candidates: tuple[str, ...]) -> None:
    """A name that fits two countries raises, naming every candidate."""
    with pytest.raises(st.AmbiguousCountryError) as caught:
        resolve_country(text)
    assert candidates == caught.value.candidates
    assert text == caught.value.value


@pytest.mark.parametrize("text", ["Atlantis", "Texas", "Bavaria", "Niger Delta", "", "ZZ"])
def test_what_is_not_a_country_is_unknown(text: str) -> None:
    """Anything that is not a country raises UnknownCountryError, with <= 3 suggestions."""
    with pytest.raises(st.UnknownCountryError) as caught:
        resolve_country(text)
    assert text == caught.value.value
    assert len(caught.value.suggestions) <= 3


def test_unknown_names_come_with_suggestions() -> None:
    """A misspelt name suggests the countries it is close to."""
    with pytest.raises(st.UnknownCountryError) as caught:
        resolve_country("Germny")
    assert "Germany" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_errors_are_lookup_errors_of_the_library() -> None:
    """Both resolution errors derive from LookupError and SanctionsTrackerError."""
    for error in (st.UnknownCountryError, st.AmbiguousCountryError):
        assert issubclass(error, LookupError)
        assert issubclass(error, st.SanctionsTrackerError)


def test_a_bloc_is_not_a_country() -> None:
    """'European Union' raises UnknownCountryError pointing to the bloc of that name."""
    with pytest.raises(st.UnknownCountryError) as caught:
        resolve_country("European Union")
    expected = "'European Union' is a bloc: use sanctions_tracker.blocs.get('EU')"
    assert expected == caught.value.hint


@pytest.mark.parametrize(
    ("text", "bloc"),
    [
        ("EEA", "EEA"),
        ("the European Free Trade Association", "EFTA"),
        ("G7", "G7"),
        ("NATO", "NATO"),
    ],
)
def test_every_built_in_bloc_name_points_to_its_bloc(text: str, bloc: str) -> None:
    """Each bloc's code and name point to blocs.get with its code."""
    with pytest.raises(st.UnknownCountryError) as caught:
        resolve_country(text)
    assert f"blocs.get({bloc!r})" in (caught.value.hint or "")


def test_current_codes_win_over_former_codes() -> None:
    """A former alpha-2 that is a current code resolves to the current country."""
    assert Country("BY") == resolve_country("BY")


def test_a_former_code_of_two_dissolved_states_is_ambiguous() -> None:
    """'CS' was Czechoslovakia's code and Serbia and Montenegro's: refused, both named."""
    with pytest.raises(st.AmbiguousCountryError) as caught:
        resolve_country("CS")
    expected = ["CSHH", "CSXX"]
    assert expected == [c.split()[0] for c in caught.value.candidates]


def test_a_former_code_of_one_dissolved_state_resolves() -> None:
    """A former alpha-2 that nothing else uses resolves to the dissolved state."""
    assert Country("SUHH") == resolve_country("SU")


def test_resolve_countries_keeps_order_and_length() -> None:
    """resolve_countries returns one Country per text, in order."""
    expected = [Country("KR"), Country("FR"), Country("KR")]
    assert expected == resolve_countries(iter(["Korea, Rep.", "France", "Korea, Rep."]))


def test_resolve_countries_raises_for_the_first_bad_value_counting_the_rest() -> None:
    """A bulk call raises for the first bad value; a note counts how many failed."""
    with pytest.raises(st.UnknownCountryError) as caught:
        resolve_countries(["France", "Atlantis", "Korea", "Atlantis", "Texas"])
    notes = ["3 of 5 values could not be resolved; the others: 'Korea', 'Texas'"]
    assert ("Atlantis", notes) == (caught.value.value, caught.value.__notes__)


def test_resolve_codes_rejects_a_non_string() -> None:
    """A value that is not a string is a TypeError, not an unknown country."""
    with pytest.raises(TypeError):
        resolve_codes(["France", 250])  # type: ignore[list-item]


def test_polars_series_resolves_to_codes_keeping_nulls() -> None:
    """resolve_country_codes maps a Series to codes, nulls staying null."""
    series = pl.Series("who", ["the UK", None, "Gambia, The", "the UK"])
    codes = st.resolve_country_codes(series)
    expected = ("who", ["GB", None, "GM", "GB"])
    assert expected == (codes.name, codes.to_list())


def test_polars_strict_raises_and_lenient_returns_null() -> None:
    """strict (default) raises for the first bad value; strict=False gives null."""
    series = pl.Series("who", ["France", "Korea", "Atlantis"])
    with pytest.raises(st.AmbiguousCountryError):
        st.resolve_country_codes(series)
    expected = ["FR", None, None]
    assert expected == st.resolve_country_codes(series, strict=False).to_list()


def test_polars_expression_resolves_when_collected() -> None:
    """An expression resolves inside a lazy query."""
    frame = pl.LazyFrame({"name": ["Deutschland", "Allemagne", "DE"]})
    result = frame.select(st.resolve_country_codes(pl.col("name"), strict=False)).collect()
    expected = [None, "DE", "DE"]
    assert expected == result["name"].to_list()


def test_polars_categorical_and_empty_columns() -> None:
    """A categorical column resolves; an empty one gives an empty String column."""
    categorical = pl.Series(["France", "France"], dtype=pl.Categorical)
    expected = ["FR", "FR"]
    assert expected == st.resolve_country_codes(categorical).to_list()
    assert pl.String == st.resolve_country_codes(pl.Series([], dtype=pl.String)).dtype


def test_polars_rejects_a_non_string_column() -> None:
    """A numeric column is a TypeError: numeric codes are written as text ('276')."""
    with pytest.raises(TypeError):
        st.resolve_country_codes(pl.Series([276]))


def test_alias_file_rows_each_have_a_source() -> None:
    """Every alias row names its source and resolves to known codes or a bloc."""
    rows = aliases()
    assert rows
    assert all(row.source and (row.codes or row.bloc) for row in rows)


def test_deliberate_ambiguities_are_recorded_in_the_alias_file() -> None:
    """Korea and the Virgin Islands are recorded as ambiguous in the data."""
    ambiguous = {row.alias: row.codes for row in aliases() if len(row.codes) > 1}
    expected = {"Korea": ("KP", "KR"), "Virgin Islands": ("VG", "VI")}
    assert expected == ambiguous
    assert expected["Korea"] == name_table()["korea"]


# -- Country ------------------------------------------------------------------------------


def test_country_normalises_its_code() -> None:
    """A lower-case code with spaces is accepted as its canonical form."""
    expected = "DE"
    assert expected == Country(" de ").code


@pytest.mark.parametrize("code", ["ZZ", "Germany", "", "CS"])
def test_country_rejects_what_is_not_a_canonical_code(code: str) -> None:
    """Country takes canonical codes only: no names, no reused former alpha-2."""
    with pytest.raises(st.UnknownCountryError):
        Country(code)


def test_country_rejects_a_non_string() -> None:
    """A number is not a code."""
    with pytest.raises(TypeError):
        Country(276)  # type: ignore[arg-type]


def test_countries_order_by_code() -> None:
    """Countries sort by code."""
    expected = [Country("AT"), Country("SUHH"), Country("XK")]
    assert expected == sorted([Country("XK"), Country("SUHH"), Country("AT")])


def test_countries_hash_by_code() -> None:
    """Equal codes are equal, hash alike, and a set keeps one."""
    expected = {Country("DE")}
    assert expected == {Country("de"), resolve_country("Germany")}


def test_country_is_frozen_and_pickles() -> None:
    """A Country cannot change and survives pickling."""
    country = Country("XK")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        country.code = "DE"  # type: ignore[misc]
    assert country == pickle.loads(pickle.dumps(country))


def test_country_repr_and_str() -> None:
    """repr shows the code, str the name."""
    expected = ("Country('XK')", "Kosovo")
    assert expected == (repr(Country("XK")), str(Country("XK")))


def test_kosovo_properties() -> None:
    """Kosovo: XK, user-assigned, with its alpha-3 and no numeric code."""
    kosovo = Country("XK")
    expected = ("XK", "XKX", None, "Kosovo", "Republic of Kosovo", False)
    assert expected == (
        kosovo.alpha_2,
        kosovo.alpha_3,
        kosovo.numeric,
        kosovo.name,
        kosovo.official_name,
        kosovo.historic,
    )


def test_ussr_properties() -> None:
    """The USSR: alpha-4 SUHH, former alpha-2 SU, historic."""
    ussr = Country("SUHH")
    expected = ("SU", "SUN", "810", True)
    assert expected == (
        ussr.alpha_2,
        ussr.alpha_3,
        ussr.numeric,
        ussr.historic,
    )
    assert "Union of Soviet Socialist Republics" in ussr.name


def test_resolution_errors_pickle() -> None:
    """Both errors survive pickling with their attributes."""
    for text in ("Korea", "Atlantis"):
        with pytest.raises(LookupError) as caught:
            resolve_country(text)
        clone = pickle.loads(pickle.dumps(caught.value))
        assert str(caught.value) == str(clone)
