"""The built-in Xinjiang 2019-2021 dataset holds the facts its sources state, with them."""

from __future__ import annotations

import sanctions_tracker as st
from sanctions_tracker import Country, Dataset
from sanctions_tracker.records import JointStatement, Organization, Person

CRITICAL = "xj-2019-07-08-hrc41-critical"
SUPPORT = "xj-2019-07-12-hrc41-support"
GERMANY = "xj-2020-10-06-unga3c-germany"
CUBA = "xj-2020-10-06-unga3c-cuba"


def _xinjiang() -> Dataset:
    return st.datasets.xinjiang_2019_2021()


def _statement(document_id: str) -> JointStatement:
    document = _xinjiang().document(document_id)
    assert isinstance(document, JointStatement)
    return document


def _codes(document_id: str) -> list[str]:
    return [p.code for p in _statement(document_id).signatories if isinstance(p, Country)]


def test_the_document_ids_are_as_named() -> None:
    """The four documents have the ids that outside checks look up."""
    assert {CRITICAL, SUPPORT, GERMANY, CUBA} == {d.id for d in _xinjiang().documents}


def test_the_critical_letter_has_the_22_the_sources_name() -> None:
    """22 signatories, in the order of The Diplomat's sentence."""
    expected = [
        "AU",
        "AT",
        "BE",
        "CA",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "IS",
        "IE",
        "JP",
        "LV",
        "LT",
        "LU",
        "NL",
        "NZ",
        "NO",
        "ES",
        "SE",
        "CH",
        "GB",
    ]
    assert expected == _codes(CRITICAL)


def test_the_critical_letter_notes_the_count_of_24() -> None:
    """The one source that says 24 is in the note, with the 22 the data follows."""
    note = _statement(CRITICAL).note
    assert "24" in note
    assert "22" in note
    assert "filipino.cri.cn" in note


def test_the_supporting_letter_had_37_on_its_day() -> None:
    """37 original signatures, Qatar among them."""
    original = [s for s in _statement(SUPPORT).signatures if s.signed_on is None]
    assert len(original) == 37
    assert Country("QA") in {s.party for s in original}


def test_thirteen_joined_on_26_july() -> None:
    """The 13 of the Tashkent Times, in its order, dated 2019-07-26."""
    joined = [s.party for s in _statement(SUPPORT).signatures if str(s.signed_on) == "2019-07-26"]
    expected = ["BD", "IR", "IQ", "PS", "NP", "MZ", "RS", "UZ", "ZM", "LK", "GQ", "UG", "DJ"]
    assert expected == [p.code for p in joined if isinstance(p, Country)]


def test_qatar_withdrew_on_the_date_of_its_letter() -> None:
    """Qatar's signature is withdrawn on 2019-07-18; the note has the later dates."""
    (withdrawn,) = [s for s in _statement(SUPPORT).signatures if s.withdrawn_on is not None]
    assert (Country("QA"), "2019-07-18") == (withdrawn.party, str(withdrawn.withdrawn_on))
    assert "2019-08-21" in withdrawn.note
    assert "August" in withdrawn.note


def test_the_published_letter_has_50() -> None:
    """A/HRC/41/G/17's 50: every signature not withdrawn by August 2019, Yemen included."""
    standing = [s for s in _statement(SUPPORT).signatures if s.withdrawn_on is None]
    assert len(standing) == 50
    (yemen,) = [s for s in standing if s.party == Country("YE")]
    assert (str(yemen.signed_on), yemen.signed_on and yemen.signed_on.precision) == ("2019", "year")


def test_the_third_committee_statements_have_39_and_45() -> None:
    """Germany's 39 and Cuba's 45, China among Cuba's as Axios counts it (noted)."""
    assert (len(_codes(GERMANY)), len(_codes(CUBA))) == (39, 45)
    assert "CN" in _codes(CUBA)
    assert "China" in _statement(CUBA).note


def test_the_regimes_are_thematic_but_canada() -> None:
    """EU-HR, GB-HR and US-GLOMAG have no target; CA-CHN is on China."""
    targets = {r.id: r.target for r in _xinjiang().regimes}
    assert {"CA-CHN": Country("CN"), "EU-HR": None, "GB-HR": None, "US-GLOMAG": None} == targets


def test_the_listings_of_2021_03_22_are_four_officials_and_an_entity() -> None:
    """EU, UK and Canada list the same five; the US two more (the others since 2020)."""
    listed: dict[str, set[str]] = {}
    for d in _xinjiang().designations:
        if str(d.listed_on) == "2021-03-22":
            listed.setdefault(d.regime, set()).add(d.target.name)
    five = {"Zhu Hailun", "Wang Junzheng", "Wang Mingshan", "Chen Mingguo"}
    five.add("Xinjiang Production and Construction Corps Public Security Bureau")
    assert listed == {
        "EU-HR": five,
        "GB-HR": five,
        "CA-CHN": five,
        "US-GLOMAG": {"Wang Junzheng", "Chen Mingguo"},
    }


def test_the_us_listed_six_persons_and_two_entities_in_july_2020() -> None:
    """REDRESS's total: six individuals and two entities, all Chinese."""
    july = [d for d in _xinjiang().designations if str(d.listed_on).startswith("2020-07")]
    persons = [d for d in july if isinstance(d.target, Person)]
    entities = [d for d in july if isinstance(d.target, Organization)]
    assert (len(persons), len(entities)) == (6, 2)
    assert {Country("CN")} == {
        p.target.nationality for p in persons if isinstance(p.target, Person)
    }


def test_every_action_counts_its_listings() -> None:
    """Each act's count is its listings'."""
    for action in _xinjiang().actions:
        assert action.designation_count == len(action.designations), action


def test_a_regime_id_is_the_registry_key_or_said_to_be_project_made() -> None:
    """Every regime id is an OpenSanctions programme key, or its note says it is made here."""
    for regime in _xinjiang().regimes:
        try:
            st.opensanctions.programme(regime.id)
        except st.UnknownProgrammeError:
            assert regime.note.startswith("Project-made id"), regime.id
