"""parse_signatories(): signatory lists out of the prose that publishes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from files import SEPTEMBER_17_REPORT
from hypothesis import given
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker import blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.text import SignatoryList, parse_signatories

SEED_2020_09_17 = SEPTEMBER_17_REPORT

SEPTEMBER_SIGNATORIES = [
    "US",
    "AU",
    "AT",
    "BE",
    "BG",
    "CA",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "IS",
    "IE",
    "JP",
    "LV",
    "LI",
    "LT",
    "LU",
    "NL",
    "NO",
    "PL",
    "SI",
    "SE",
    "CH",
    "GB",
    "UA",
]

# The joint statement of 2020-10-26 on the human rights situation in Belarus, as the
# US Embassy in Minsk lists its signatories (../shared/facts/belarus-2020.md).
OCTOBER_TEXT = (
    "Joint Statement on the Human Rights Situation in Belarus\n\n"
    "Delivered on behalf of the United States with Albania, Australia, Austria, Belgium, "
    "Bosnia and Herzegovina, Brazil, Bulgaria, Canada, Chile, Costa Rica, Croatia, Cyprus, "
    "Czech Republic, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Iceland, "
    "Ireland, Israel, Italy, Japan, Latvia, Liberia, Liechtenstein, Lithuania, Luxembourg, "
    "Malta, Marshall Islands, Monaco, Montenegro, the Netherlands, New Zealand, "
    "North Macedonia, Norway, Poland, Portugal, Republic of Korea, Romania, Serbia, "
    "Slovakia, Slovenia, Somalia, Spain, Sweden, Switzerland, Ukraine, United Kingdom, "
    "and the European Union.\n\n"
    "We remain deeply concerned about the human rights situation in Belarus."
)
OCTOBER_SIGNATORIES = [
    "US",
    "AL",
    "AU",
    "AT",
    "BE",
    "BA",
    "BR",
    "BG",
    "CA",
    "CL",
    "CR",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IS",
    "IE",
    "IL",
    "IT",
    "JP",
    "LV",
    "LR",
    "LI",
    "LT",
    "LU",
    "MT",
    "MH",
    "MC",
    "ME",
    "NL",
    "NZ",
    "MK",
    "NO",
    "PL",
    "PT",
    "KR",
    "RO",
    "RS",
    "SK",
    "SI",
    "SO",
    "ES",
    "SE",
    "CH",
    "UA",
    "GB",
]


def codes(result: SignatoryList) -> list[str]:
    """The alpha-2 codes of the countries found, in order."""
    return [c.code for c in result.countries]


# --- the seed and the facts -------------------------------------------------------


def test_seed_statement_gives_the_29_signatories() -> None:
    """The seed's "signed by" sentence gives exactly its 29 countries, in order."""
    result = parse_signatories(SEED_2020_09_17.read_text(encoding="utf-8"))
    assert codes(result) == SEPTEMBER_SIGNATORIES
    assert result.unresolved == ()
    assert result.blocs == ()


def test_seed_spans_point_into_the_text() -> None:
    """Every span of the seed's list slices out the item's text."""
    text = SEED_2020_09_17.read_text(encoding="utf-8")
    result = parse_signatories(text)
    assert len(result.mentions) == 29
    for mention in result.mentions:
        start, end = mention.span
        assert text[start:end] == mention.text
    assert result.mentions[7].text == "the Czech Republic"


def test_october_statement_gives_52_states_and_the_eu() -> None:
    """The 2020-10-26 list: 52 states and the EU signing as itself."""
    result = parse_signatories(OCTOBER_TEXT)
    assert len(OCTOBER_SIGNATORIES) == 52
    assert codes(result) == OCTOBER_SIGNATORIES
    assert result.blocs == (blocs.get("EU"),)
    assert result.unresolved == ()


def test_bloc_signing_as_itself_is_not_expanded() -> None:
    """ "... and the European Union" adds the bloc, never its members."""
    result = parse_signatories(OCTOBER_TEXT, expand_blocs_on="2020-10-26")
    assert codes(result) == OCTOBER_SIGNATORIES


# --- introducers and separators -----------------------------------------------------


def test_un_statement_on_behalf_of_a_counted_group() -> None:
    """ "delivered by X on behalf of N countries:" skips the count and reads the list."""
    text = (
        "Joint Statement delivered by Germany on behalf of 39 countries: Albania, "
        "Australia, Austria, Belgium, Bosnia and Herzegovina, Bulgaria, Canada, Croatia, "
        "Denmark, Estonia, Finland, France, Germany, Haiti, Honduras, Iceland, Ireland, "
        "Italy, Japan, Latvia, Liechtenstein, Lithuania, Luxembourg, Marshall Islands, "
        "Monaco, Nauru, the Netherlands, New Zealand, North Macedonia, Norway, Palau, "
        "Poland, Slovakia, Slovenia, Spain, Sweden, Switzerland, the United Kingdom and "
        "the United States.\n\nWe are gravely concerned about the situation."
    )
    result = parse_signatories(text)
    assert len(result.countries) == 39
    assert codes(result)[:5] == ["AL", "AU", "AT", "BE", "BA"]
    assert codes(result)[-1] == "US"
    assert result.unresolved == ()


def test_named_group_before_a_colon_is_skipped() -> None:
    """A group's name before the colon is a heading, not an item."""
    text = (
        "Statement on behalf of the Nordic-Baltic Eight: Denmark, Estonia, Finland, "
        "Iceland, Latvia, Lithuania, Norway and Sweden."
    )
    result = parse_signatories(text)
    assert codes(result) == ["DK", "EE", "FI", "IS", "LV", "LT", "NO", "SE"]
    assert result.unresolved == ()


def test_colon_after_the_items_ends_the_list() -> None:
    """Countries before a colon are items, and the colon ends the list."""
    result = parse_signatories("It was signed by France and Germany: the two agreed.")
    assert codes(result) == ["FR", "DE"]
    assert result.unresolved == ()


def test_joined_by_one_country_a_line() -> None:
    """ "This statement is joined by:" followed by one country a line, then prose."""
    text = (
        "Joint statement on media freedom in Belarus\n\n"
        "This statement is joined by:\n\n"
        "Australia\n"
        "Canada\n"
        "Czech Republic\n"
        "Korea, Republic of\n"
        "United Kingdom\n"
        "United States\n\n"
        "For further information, please contact the press office of the mission, which "
        "will answer questions on the statement."
    )
    result = parse_signatories(text)
    assert codes(result) == ["AU", "CA", "CZ", "KR", "GB", "US"]
    assert result.unresolved == ()


def test_bullet_list_with_blank_lines_between_items() -> None:
    """A bullet list after "the following countries:" may have blank lines between items."""
    text = (
        "The declaration is supported by the following countries:\n\n"
        "\u2022 Estonia\n\n"
        "\u2022 Latvia\n\n"
        "\u2022 Lithuania\n\n"
        "The ministers will meet again in spring to review the declaration's progress."
    )
    assert codes(parse_signatories(text)) == ["EE", "LV", "LT"]


def test_dash_and_numbered_lists() -> None:
    """Dashes and numbers in front of the items are not part of the names."""
    text = "Signatories:\n1. Norway\n2. Iceland\n- Denmark\n* Sweden\n"
    assert codes(parse_signatories(text)) == ["NO", "IS", "DK", "SE"]


def test_semicolons_and_a_final_and() -> None:
    """Semicolons separate like commas; "; and" closes the list."""
    text = "The resolution was co-sponsored by Canada; Japan; the Republic of Korea; and Norway."
    assert codes(parse_signatories(text)) == ["CA", "JP", "KR", "NO"]


def test_as_well_as_and_oxford_comma() -> None:
    """ "as well as" and the Oxford comma separate items."""
    text = "It was signed by France, Germany, and Italy, as well as Spain."
    assert codes(parse_signatories(text)) == ["FR", "DE", "IT", "ES"]


def test_several_lists_in_one_text() -> None:
    """Countries that joined later in the text count after the first signatories."""
    text = (
        "The letter was signed by Canada and Ireland. On 5 October it was also joined by "
        "New Zealand."
    )
    assert codes(parse_signatories(text)) == ["CA", "IE", "NZ"]


def test_introducer_in_unrelated_prose_is_ignored() -> None:
    """A list none of whose items resolves is dropped when another list resolves."""
    text = (
        "Ambassador Smith spoke on behalf of the delegation at length. "
        "The statement was signed by Austria and Belgium."
    )
    result = parse_signatories(text)
    assert codes(result) == ["AT", "BE"]
    assert result.unresolved == ()


def test_bare_list_without_introducer() -> None:
    """A text without an introducer is read as a list in full."""
    assert codes(parse_signatories("Poland, Hungary and Slovakia")) == ["PL", "HU", "SK"]


# --- blocs ----------------------------------------------------------------------------


def test_eu_and_its_member_states_expanded_on_a_date() -> None:
    """ "the European Union and its member states" gives the bloc and its members that day."""
    text = "Delivered on behalf of the European Union and its member states, and Ukraine."
    result = parse_signatories(text, expand_blocs_on="2020-10-26")
    eu = blocs.get("EU")
    assert result.blocs == (eu,)
    assert set(result.countries) == set(eu.members_on("2020-10-26")) | {Country("UA")}
    assert len(result.countries) == 28
    assert result.countries[-1] == Country("UA")
    assert Country("GB") not in result.countries
    assert result.mentions[0].text == "the European Union and its member states"


def test_eu_and_its_member_states_without_a_date() -> None:
    """Without expand_blocs_on, the member states are not listed one by one."""
    result = parse_signatories("Signed on behalf of the EU and its Member States and Norway.")
    assert result.blocs == (blocs.get("EU"),)
    assert codes(result) == ["NO"]
    assert result.unresolved == ()


def test_eu_membership_of_the_day_is_used() -> None:
    """Before 2020-02-01 the EU's member states include the United Kingdom."""
    text = "on behalf of the European Union and its member states"
    assert Country("GB") in parse_signatories(text, expand_blocs_on="2020-01-31").countries
    assert Country("GB") not in parse_signatories(text, expand_blocs_on="2020-02-01").countries


# --- names ----------------------------------------------------------------------------


def test_parenthetical_remarks_are_dropped() -> None:
    """A remark in parentheses, commas and all, does not split or spoil an item."""
    text = (
        "The statement was signed by Ukraine (as co-sponsor), Norway (which joined on "
        "5 October, after the others) and Moldova."
    )
    result = parse_signatories(text)
    assert codes(result) == ["UA", "NO", "MD"]
    assert result.mentions[0].text == "Ukraine"
    assert result.unresolved == ()


def test_un_names_with_parentheses() -> None:
    """UN-style names keep their parentheses: "Bolivia (Plurinational State of)"."""
    text = (
        "joined by Bolivia (Plurinational State of), Iran (Islamic Republic of) and "
        "Venezuela (Bolivarian Republic of)."
    )
    assert codes(parse_signatories(text)) == ["BO", "IR", "VE"]


def test_names_with_internal_commas() -> None:
    """ "Korea, Republic of" and "Congo, Dem. Rep." are one item each."""
    text = (
        "The statement was signed by Korea, Republic of, Congo, Dem. Rep., "
        "Moldova, Republic of, and Tanzania."
    )
    result = parse_signatories(text)
    assert codes(result) == ["KR", "CD", "MD", "TZ"]
    assert result.unresolved == ()


def test_inverted_names_beside_ordinary_ones() -> None:
    """World Bank and UN inversions sit beside names that merely follow a comma."""
    text = (
        "signed by Gambia, The, Virgin Islands, U.S., C\u00f4te d'Ivoire, St. Kitts and "
        "Nevis, Congo, Rep., and Micronesia (Federated States of)."
    )
    result = parse_signatories(text)
    assert codes(result) == ["GM", "VI", "CI", "KN", "CG", "FM"]
    assert result.unresolved == ()


def test_unresolvable_inverted_name_is_not_guessed() -> None:
    """An inverted name that does not resolve is reported whole, not as its first part."""
    result = parse_signatories("signed by Canada, Congo, Dem. Rep. of Nowhere and Chile.")
    assert Country("CG") not in result.countries
    assert Country("CD") not in result.countries
    assert result.unresolved == ("Congo, Dem. Rep. of Nowhere",)


def test_names_with_and() -> None:
    """Names with "and" stay whole: Bosnia and Herzegovina, Antigua and Barbuda."""
    text = "signed by Trinidad and Tobago, Bosnia and Herzegovina, Antigua and Barbuda and Chile."
    assert codes(parse_signatories(text)) == ["TT", "BA", "AG", "CL"]


def test_two_countries_joined_by_and_are_two() -> None:
    """When both halves resolve and the whole names no country, "A and B" is two."""
    assert codes(parse_signatories("signed by Montenegro and Serbia.")) == ["ME", "RS"]
    assert codes(parse_signatories("signed by France and Germany.")) == ["FR", "DE"]


@pytest.mark.parametrize(
    ("written_on", "expected"),
    [
        ("2005-05-01", ["FR", "CSXX", "JP"]),
        ("2006-09-25", ["FR", "CSXX", "JP"]),
        ("2006-09-26", ["FR", "RS", "ME", "JP"]),
        ("2020", ["FR", "RS", "ME", "JP"]),
    ],
)
def test_serbia_and_montenegro_by_the_texts_date(written_on: str, expected: list[str]) -> None:
    """The state before ISO withdrew its code (2006-09-26), the two countries after."""
    found = parse_signatories(
        "signed by France, Serbia and Montenegro and Japan.", written_on=written_on
    )
    assert codes(found) == expected
    assert found.unresolved == ()


@pytest.mark.parametrize("written_on", [None, "2006", "2006-09"])
def test_serbia_and_montenegro_without_a_telling_date_is_unresolved(
    written_on: str | None,
) -> None:
    """Never guessed: without a date, or one that spans the withdrawal, both readings."""
    found = parse_signatories(
        "signed by France, Serbia and Montenegro and Japan.", written_on=written_on
    )
    assert codes(found) == ["FR", "JP"]
    assert found.unresolved == ("Serbia and Montenegro",)
    error = next(m.error for m in found.mentions if m.resolved is None)
    assert "CSXX" in error
    assert "RS" in error
    assert "ME" in error


def test_unknown_and_ambiguous_items_are_unresolved() -> None:
    """Unknown and ambiguous names are reported, never guessed."""
    result = parse_signatories("signed by Atlantis, France and Korea.")
    assert codes(result) == ["FR"]
    assert result.unresolved == ("Atlantis", "Korea")
    assert result.mentions[0].resolved is None
    assert "Atlantis" in result.mentions[0].error


def test_duplicates_are_listed_once() -> None:
    """A country named twice appears once in countries and twice in mentions."""
    result = parse_signatories("signed by France, Germany and France.")
    assert codes(result) == ["FR", "DE"]
    assert len(result.mentions) == 3


def test_public_name() -> None:
    """parse_signatories is part of the public API."""
    assert sanctions_tracker.parse_signatories is parse_signatories


# --- property -------------------------------------------------------------------------

# Names that every resolver reads the same way and that hold no separator.
_NAMES = {
    "Austria": "AT",
    "Belgium": "BE",
    "Canada": "CA",
    "Chile": "CL",
    "Denmark": "DK",
    "Estonia": "EE",
    "France": "FR",
    "Germany": "DE",
    "Iceland": "IS",
    "Japan": "JP",
    "Norway": "NO",
    "Poland": "PL",
    "Ukraine": "UA",
    "the United Kingdom": "GB",
    "Bosnia and Herzegovina": "BA",
}
_SEPARATORS = [", ", "; ", " and ", ", and ", " as well as ", ",\n"]


@given(
    st.lists(st.sampled_from(sorted(_NAMES)), min_size=1, max_size=8),
    st.lists(st.sampled_from(_SEPARATORS), min_size=8, max_size=8),
    st.sampled_from(["signed by", "on behalf of", "joined by", "co-sponsored by"]),
    st.booleans(),
)
def test_generated_lists_are_read_back(
    names: list[str], separators: list[str], introducer: str, one_a_line: bool
) -> None:
    """A list written with any separators reads back as its countries, in order."""
    if one_a_line:
        body = "".join(f"- {name}\n" for name in names)
        text = f"The statement is {introducer}:\n{body}\nThe ministers met in Geneva today."
    else:
        body = names[0] + "".join(
            sep + name for sep, name in zip(separators, names[1:], strict=False)
        )
        text = f"The statement was {introducer} {body}. The ministers met in Geneva."
    result = parse_signatories(text)
    assert codes(result) == list(dict.fromkeys(_NAMES[name] for name in names))
    assert result.unresolved == ()
    assert [m.text for m in result.mentions] == names
    for mention in result.mentions:
        assert text[mention.span[0] : mention.span[1]] == mention.text


@pytest.mark.parametrize("text", ["", "   ", "No list here."])
def test_text_without_countries(text: str) -> None:
    """A text with no countries gives no countries."""
    assert parse_signatories(text).countries == ()


# -- French and Spanish lists, in the style of UN joint statements --------------------------

_FRENCH_AND_SPANISH = [
    (
        (
            "Déclaration conjointe prononcée au nom de l'Albanie, de l'Allemagne, de l'Australie, "
            "du Canada, des États-Unis d'Amérique, de la France et du Japon."
        ),
        ["AL", "DE", "AU", "CA", "US", "FR", "JP"],
        [],
    ),
    (
        "La déclaration est signée par la Belgique, le Danemark, l'Estonie et la Finlande.",
        ["BE", "DK", "EE", "FI"],
        [],
    ),
    (
        (
            "Je prends la parole au nom des 27 pays suivants : Autriche ; Belgique ; "
            "Bosnie-Herzégovine ; Trinité-et-Tobago ; Côte d'Ivoire."
        ),
        ["AT", "BE", "BA", "TT", "CI"],
        [],
    ),
    (
        "Les pays suivants ont rejoint la déclaration :\n- Chili\n- Costa Rica\n- Pérou\n",
        ["CL", "CR", "PE"],
        [],
    ),
    (
        "Signataires :\nIslande\nNorvège\nSuisse\n",
        ["IS", "NO", "CH"],
        [],
    ),
    (
        "Déclaration coparrainée par le Royaume-Uni, ainsi que par l'Union européenne.",
        ["GB"],
        ["EU"],
    ),
    (
        (
            "La declaración conjunta fue firmada por Albania, Alemania, Australia, el Canadá, "
            "los Estados Unidos de América, Francia e Italia."
        ),
        ["AL", "DE", "AU", "CA", "US", "FR", "IT"],
        [],
    ),
    (
        "Intervengo en nombre de Bosnia y Herzegovina, Trinidad y Tabago y Antigua y Barbuda.",
        ["BA", "TT", "AG"],
        [],
    ),
    (
        "Los siguientes países: Chile; Colombia; Costa Rica; el Perú; y el Uruguay.",
        ["CL", "CO", "CR", "PE", "UY"],
        [],
    ),
    (
        "Firmantes:\n- México\n- Panamá\n- República Dominicana\n",
        ["MX", "PA", "DO"],
        [],
    ),
    (
        "Declaración copatrocinada por Noruega, así como por la Unión Europea.",
        ["NO"],
        ["EU"],
    ),
    (
        (
            "La declaración fue suscrita por el Reino Unido de Gran Bretaña e Irlanda del Norte, "
            "la República de Corea y el Japón."
        ),
        ["GB", "KR", "JP"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "countries", "bloc_codes"), _FRENCH_AND_SPANISH)
def test_french_and_spanish_lists(text: str, countries: list[str], bloc_codes: list[str]) -> None:
    """The introducers, separators and prepositions of French and Spanish lists."""
    result = parse_signatories(text)
    assert result.unresolved == ()
    assert codes(result) == countries
    assert [b.code for b in result.blocs] == bloc_codes


@pytest.mark.parametrize(
    "text",
    [
        "Déclaration au nom de l'Union européenne et de ses États membres.",
        "Declaración en nombre de la Unión Europea y sus Estados miembros.",
    ],
)
def test_the_eu_and_its_member_states_in_french_and_spanish(text: str) -> None:
    """The EU signs as a bloc, and brings its members on the day when asked."""
    result = parse_signatories(text, expand_blocs_on="2020-10-26")
    assert [b.code for b in result.blocs] == ["EU"]
    assert len(result.countries) == 27
    assert result.unresolved == ()


def test_a_clause_between_the_following_countries_and_the_colon() -> None:
    """ "The following countries have since joined the statement:" introduces a list."""
    text = "The following countries have since joined the statement:\n- Chile\n- Peru\n\nEnd."
    result = parse_signatories(text)
    assert codes(result) == ["CL", "PE"]
    assert result.unresolved == ()


# ----------------------------------------------------------------------------------
# Lists as published: tests/data/signatory_lists.json holds real lists, each with the
# address it was copied from and the countries read from its text.

PUBLISHED = json.loads(
    (Path(__file__).resolve().parent / "data" / "signatory_lists.json").read_text("utf-8")
)


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda item: item["address"][:60])
def test_published_list(published: dict[str, Any]) -> None:
    """Every country of a published list, in order, its blocs, and no other fragment."""
    result = parse_signatories(published["text"])
    assert published["countries"] == [c.code for c in result.countries]
    assert published.get("blocs", []) == [b.code for b in result.blocs]
    assert published.get("unresolved", []) == list(result.unresolved)


def test_published_lists_are_many_and_sourced() -> None:
    """At least thirty lists, each from its own page address."""
    addresses = [item["address"] for item in PUBLISHED]
    assert len(set(addresses)) == len(addresses) >= 30
    assert all(address.startswith(("http://", "https://")) for address in addresses)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Signed by France, Italy, and Japan joined the letter.", ["FR", "IT", "JP"]),
        ("On behalf of Chile, Peru, and Spain, was read out by Peru.", ["CL", "PE", "ES"]),
        ("Signed by Chad, Democratic Republic of Congo and Mali.", ["TD", "CD", "ML"]),
        (
            "Signed by the United Kingdom, the former Yugoslav Republic of Macedonia and Italy.",
            ["GB", "MK", "IT"],
        ),
        ("Signed by Bosnia-Herzegovina and Croatia.", ["BA", "HR"]),
        ("Signed by Norway as well as Iceland.", ["NO", "IS"]),
        ("Signed by Ukraine (as of 20 November), Georgia and Moldova.", ["UA", "GE", "MD"]),
        ("Signed by Canada\u00b9, Japan* and Serbia[2].", ["CA", "JP", "RS"]),
        ("Signatories:\n1. Estonia\n2. Lux-\nembourg\n3. Latvia", ["EE", "LU", "LV"]),
        ("Signed by France, Lux-\nembourg and Italy.", ["FR", "LU", "IT"]),
        ("Co-signatures:\nChile Iceland\nIreland", ["CL", "IS", "IE"]),
        ("On behalf of Ghana, and my own country, Kenya.", ["GH", "KE"]),
        (
            "We express appreciation to Kosovo[i], Serbia and Slovenia for their presence.",
            ["XK", "RS", "SI"],
        ),
        ("Signed by Chile[1], Peru[a] and Spain [2].", ["CL", "PE", "ES"]),
        ("Entre los firmantes se encuentran Argentina, Brasil y Chile.", ["AR", "BR", "CL"]),
        ("entre los firmantes se encuentra Argentina, Brasil y Chile", ["AR", "BR", "CL"]),
        ("Parmi les signataires figurent l'Argentine, le Brésil et le Chili.", ["AR", "BR", "CL"]),
        (
            (
                "The Candidate Countries Turkey, the Republic of North Macedonia, Montenegro, "
                "Serbia and Albania, the country of the Stabilisation and Association Process and "
                "potential candidate Bosnia and Herzegovina, and the EFTA countries Iceland, "
                "Liechtenstein and Norway, members of the European Economic Area, as well as "
                "Ukraine, the Republic of Moldova, Armenia and Georgia, align themselves with "
                "this declaration."
            ),
            ["TR", "MK", "ME", "RS", "AL", "BA", "IS", "LI", "NO", "UA", "MD", "AM", "GE"],
        ),
        (
            (
                "The countries of the Stabilisation and Association Process and potential "
                "candidates Albania, Bosnia and Herzegovina and Serbia align themselves with it."
            ),
            ["AL", "BA", "RS"],
        ),
    ],
)
def test_prose_as_published(text: str, codes: list[str]) -> None:
    """Clauses after the last name, neighbours, brackets, footnotes, PDF breaks, numbers."""
    result = parse_signatories(text)
    assert codes == [c.code for c in result.countries]
    assert result.unresolved == ()


# The closing sentence of the EU's declarations on alignment, in French, as quoted by
# https://ukrinform.fr/rubric-polytics/3752776-lukraine-adhere-a-de-nouvelles-sanctions-europeennes-contre-la-bielorussie.html,
# https://fr.news-front.su/2020/03/13/appuyee-de-trois-autres-pays-lukraine-adhere-aux-sanctions-de-lue-contre-la-russie
# and (translated) https://www.europeantimes.news/fr/2022/03/d%C3%A9claration-du-haut-repr%C3%A9sentant-au-nom-de-l%27union-europ%C3%A9enne-sur-l%27alignement-de-certains-pays-concernant-des-mesures-restrictives-face-aux-actions-de-la-russie-d%C3%A9stabilisant-la-situation-en/
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            (
                "La Macédoine du Nord, le Monténégro, l'Albanie, l'Ukraine et la "
                "Bosnie-Herzégovine2, pays candidats, et l'Islande, le Liechtenstein et la "
                "Norvège, pays de l'AELE membres de l'Espace économique européen, se rallient à "
                "cette décision du Conseil. Ces pays veilleront à ce que leurs politiques "
                "nationales soient conformes à cette décision du Conseil."
            ),
            ["MK", "ME", "AL", "UA", "BA", "IS", "LI", "NO"],
        ),
        (
            (
                "Les pays candidats le Monténégro et l'Albanie, le pays de l'AELE et membre de "
                "l'Espace économique européen la Norvège, ainsi que l'Ukraine, se rallient à "
                "cette déclaration."
            ),
            ["ME", "AL", "NO", "UA"],
        ),
        (
            (
                "Les pays candidats Macédoine du Nord, Monténégro et Albanie2, pays du processus "
                "de stabilisation et d'association et candidat potentiel, la Bosnie-Herzégovine, "
                "et l'Islande, le Liechtenstein et la Norvège, pays de l'AELE, membres de "
                "l'Espace économique européen, ainsi que l'Ukraine se rallient à la présente "
                "décision du Conseil."
            ),
            ["MK", "ME", "AL", "BA", "IS", "LI", "NO", "UA"],
        ),
    ],
)
def test_french_alignment_declarations(text: str, codes: list[str]) -> None:
    """The countries that "se rallient à" a decision, without the words about them."""
    result = parse_signatories(text)
    assert codes == [c.code for c in result.countries]
    assert result.unresolved == ()


@pytest.mark.parametrize(
    "text",
    [
        "Signed by France and the Democratic Republic of Atlantis.",
        "Signed by France and Marshal Islands.",
        "The statement on the violence in Myanmar was signed by France and Guinea Equatorial.",
        "The EFTA countries France and Atlantis2 align themselves with this declaration.",
        "Entre los firmantes se encuentran Francia y Atlántida.",
        "La France et l'Atlantide, pays candidats, se rallient à cette décision du Conseil.",
        "Parmi les signataires figurent la France et l'Atlantide.",
    ],
)
def test_prose_rules_never_guess(text: str) -> None:
    """A fragment that names no country stays unresolved: never a part of it that does."""
    result = parse_signatories(text)
    assert [Country("FR")] == list(result.countries)
    assert len(result.unresolved) == 1


def test_words_around_a_list_name_no_party() -> None:
    """The subject of a trailing clause and lower-case codes ("in", "are") are not read."""
    result = parse_signatories(
        "Joint statement by Belgium and the US on the situation in eastern Congo. "
        "We are in agreement."
    )
    assert [c.code for c in result.countries] == ["BE", "US"]


def test_a_short_lower_case_word_is_no_code() -> None:
    """ "it" and "us" in prose name no country (Italy's and the US's codes are in capitals)."""
    result = parse_signatories("Chile and Peru stand with it.")
    assert "IT" not in [c.code for c in result.countries]
    assert [c.code for c in parse_signatories("Signed by Chile and IT.").countries] == ["CL", "IT"]


def test_prose_without_introducer_is_not_cut() -> None:
    """Without an introducer every sentence is items: none is cut to the name it opens."""
    result = parse_signatories("Russia invaded Ukraine. France and Germany condemned it.")
    assert result.countries == ()
    assert result.unresolved == ("Russia invaded Ukraine. France", "Germany condemned it")


def test_ministers_of_foreign_affairs_of() -> None:
    """A minister's portfolio between "Ministers of" and "of" is no part of the first name.

    From the US-Adriatic Charter's joint statement of 28 March 2023 as published at
    https://www.america-times.com/joint-statement-us-adriatic-charter-partnership-commission-informal-meeting/
    """
    text = (
        "We, the Ministers of Foreign Affairs of the Republic of Albania, Bosnia and "
        "Herzegovina, the Republic of North Macedonia and the Representatives of the Republic "
        "of Croatia, Montenegro and the United States of America have convened in Skopje on "
        "the 28th of March 2023."
    )
    result = parse_signatories(text)
    expected = (["AL", "BA", "MK", "HR", "ME", "US"], ())
    assert expected == (codes(result), result.unresolved)


def test_a_recorded_vote_lists_its_members_in_brackets() -> None:
    """A UN press release's "7 against (A, B, ...)" gives every name in the brackets.

    From GA/10693, 14 March 2008, http://www.un.org/press/en/2008/ga10693.doc.htm
    """
    text = (
        "By a recorded vote of 39 in favour to 7 against (Angola, Armenia, France, India, "
        "Russian Federation, United States, Vanuatu), with 100 abstentions, the Assembly also "
        "reaffirmed the inalienable right of the Azerbaijani population to return."
    )
    result = parse_signatories(text)
    expected = (["AO", "AM", "FR", "IN", "RU", "US", "VU"], ())
    assert expected == (codes(result), result.unresolved)
