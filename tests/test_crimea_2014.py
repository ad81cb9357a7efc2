"""The built-in Crimea 2014 dataset holds the vote and the sanctions its sources state."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl

import sanctions_tracker as st
from sanctions_tracker import Country, Dataset
from sanctions_tracker.records import JointStatement
from sanctions_tracker.report import build_report

RESOLUTION = "A/RES/68/262"
DATA = Path(__file__).parent / "data"


def _crimea() -> Dataset:
    return st.datasets.crimea_2014()


def _vote() -> JointStatement:
    document = _crimea().document(RESOLUTION)
    assert isinstance(document, JointStatement)
    return document


def test_the_vote_is_100_11_58_and_24_absent() -> None:
    """The roll call's tally is the one the UN's press release states; 24 are absent."""
    votes = [s.vote for s in _vote().signatures]
    expected = {"for": 100, "against": 11, "abstain": 58, "absent": 24}
    assert expected == {vote: votes.count(vote) for vote in set(votes)}


def test_the_timeline_says_signed_only_of_a_vote_for() -> None:
    """A vote against is no signature in the timeline: Russia voted against."""
    events = _crimea().timeline(target="UA").filter(pl.col("document_id") == RESOLUTION)
    counts = dict(events.group_by("event").len().iter_rows())
    expected = {"issued": 1, "signed": 100, "voted against": 11, "abstained": 58, "absent": 24}
    assert expected == counts
    expected_russia = ["voted against"]
    assert expected_russia == events.filter(pl.col("party") == "RU")["event"].to_list()


def test_the_eleven_against_are_those_the_sources_name() -> None:
    """The 11 against are those a source names (Armenia, Belarus, ... Venezuela)."""
    against = {s.party for s in _vote().signatures if s.vote == "against"}
    codes = ["AM", "BY", "BO", "CU", "KP", "NI", "RU", "SD", "SY", "ZW", "VE"]
    assert {Country(c) for c in codes} == against


def _roll_call_codes() -> set[Country]:
    """The members in the unvotes tables' roll call 5309 (the CC0 extract in tests/data)."""
    with (DATA / "unvotes" / "un_votes.csv").open(encoding="utf-8", newline="") as file:
        return {
            Country(row["country_code"]) for row in csv.DictReader(file) if row["rcid"] == "5309"
        }


def _absent() -> set[Country]:
    return {
        s.party for s in _vote().signatures if isinstance(s.party, Country) and s.vote == "absent"
    }


def test_the_absent_are_the_un_members_missing_from_the_roll_call() -> None:
    """Absent: the 193 members of the UN on the day less the 169 of the roll call."""
    members = st.blocs.get("UN").members_on("2014-03-27")
    voted = _roll_call_codes()
    expected = (193, 169, set(members - voted))
    assert expected == (len(members), len(voted), _absent())


def test_absent_members_have_no_position_in_any_query() -> None:
    """No query counts an absent member as signing, nor pairs it in the agreement."""
    ds = _crimea()
    absent = {country.code for country in _absent()}
    status = ds.signed_not_sanctioned(RESOLUTION, as_of="2014-12-31", target="RU")
    window = ds.signed_not_sanctioned(RESOLUTION, until="2014-12-31", target="RU")
    matrix = ds.matrix(as_of="2014-12-31").filter(pl.col("signed"))
    agreement = ds.agreement()
    positions = ds.positions(RESOLUTION)
    paired = set(agreement["country_a"]) | set(agreement["country_b"])
    counted = set(positions.filter(pl.col("vote").is_in(["for", "against", "abstain"]))["country"])
    for found in (status["country"], window["country"], matrix["country"], paired, counted):
        assert set() == absent & set(found)
    assert len(_vote().signatures) - len(absent) == len(paired)


def test_the_eu_listings_add_up_to_the_totals_the_sources_state() -> None:
    """21, 33, 48, 61+2, 72, 87+20, 95+23, 119+23, 132+28: the counts sum to 160."""
    counts = [a.designation_count for a in _crimea().actions if a.regime == "EU-UKR"]
    assert counts == [21, 12, 15, 15, 11, 33, 11, 24, 18]
    assert sum(c or 0 for c in counts) == 132 + 28


def test_no_regime_targets_ukraine() -> None:
    """Every regime is against Russia or on Crimea and Sevastopol, none against Ukraine."""
    targets = {t for r in _crimea().regimes for t in r.targets}
    assert {Country("RU"), st.Region("UA-43"), st.Region("UA-40")} == targets


def test_the_regimes_on_crimea_are_the_eus_and_the_uss() -> None:
    """EU-CRIMEA (Crimea and Sevastopol) and US-CRIMEA (the Crimea region)."""
    on_regions = {r.id: r.targets for r in _crimea().regimes if Country("RU") not in r.targets}
    expected = {
        "EU-CRIMEA": (st.Region("UA-43"), st.Region("UA-40")),
        "US-CRIMEA": (st.Region("UA-43"),),
    }
    assert expected == on_regions


def test_the_misappropriation_alignment_is_left_out() -> None:
    """Moldova aligned in 2014 only with the decision on former Ukrainian officials."""
    assert Country("MD") not in {a.country for a in _crimea().alignments}


def test_a_regime_id_is_the_registry_key_or_said_to_be_project_made() -> None:
    """Every regime id is an OpenSanctions programme key, or its note says it is made here."""
    for regime in _crimea().regimes:
        try:
            st.opensanctions.programme(regime.id)
        except st.UnknownProgrammeError:
            assert regime.note.startswith("Project-made id"), regime.id


def test_the_report_lists_as_signers_only_the_votes_for() -> None:
    """The report's signers of a roll call are the 100 that voted for, none absent or against."""
    document = build_report(_crimea()).documents[0]
    names = {signer.name for signer in document.signers}
    others = {s.party.name for s in _vote().signatures if s.vote != "for"}
    expected: tuple[int, set[str]] = (100, set())
    assert expected == (len(document.signers), names & others)


def test_explain_says_how_a_member_voted_when_it_did_not_vote_for() -> None:
    """An abstention or an absence is named as such, not as a signature out of time."""
    crimea = _crimea()
    absent = crimea.explain(RESOLUTION, "IR", as_of="2014-12-31", target="RU")
    abstained = crimea.explain(RESOLUTION, "CN", as_of="2014-12-31", target="RU")
    voted_for = crimea.explain(RESOLUTION, "JP", as_of="2014-12-31", target="RU")
    assert "IR was absent from the vote: only a vote for counts as signing" in absent.reasons
    assert "CN abstained: only a vote for counts as signing" in abstained.reasons
    assert "- signed: no, abstained, 2014-03-27" in str(abstained)
    assert not absent.signed
    assert not abstained.signed
    assert voted_for.signed
    assert not any("only a vote for" in reason for reason in voted_for.reasons)
