"""The built-in Belarus 2020 dataset holds the published, sourced facts it cites."""

from __future__ import annotations

from pathlib import Path

import sanctions_tracker as st
from sanctions_tracker import Country, Dataset
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.records import JointStatement, Letter

SEPTEMBER = "by-2020-09-17-internet-shutdowns"
OCTOBER = "by-2020-10-26-un-human-rights"
LETTER = "by-2020-security-forces-letter"


def _belarus() -> Dataset:
    return st.datasets.belarus_2020()


def _statement(document_id: str) -> JointStatement:
    document = _belarus().document(document_id)
    assert isinstance(document, JointStatement)
    return document


def _letter() -> Letter:
    document = _belarus().document(LETTER)
    assert isinstance(document, Letter)
    return document


def test_document_ids_are_as_named() -> None:
    """The three documents have the ids that outside checks look up."""
    expected = {LETTER, SEPTEMBER, OCTOBER}
    assert expected == {d.id for d in _belarus().documents}


def test_regime_ids_are_as_named() -> None:
    """The eight regimes have their issuer-and-target ids; the UK's is its thematic GB-HR."""
    expected = ["CA-BLR", "CH-BLR", "EE-BLR", "EU-BLR", "GB-HR", "LT-BLR", "LV-BLR", "US-BLR"]
    assert expected == [r.id for r in _belarus().regimes]


def test_every_regime_but_the_thematic_one_targets_belarus() -> None:
    """All regimes are against Belarus, but GB-HR, which has no target."""
    expected = {"GB-HR": ()}
    found = {r.id: r.targets for r in _belarus().regimes if r.targets != (Country("BY"),)}
    assert expected == found


def test_regime_starts_follow_the_sheet() -> None:
    """Canada's regime began on 2020-09-28, Switzerland's on 2006-06-28."""
    regimes = {r.id: r for r in _belarus().regimes}
    expected = ("2020-09-28", "2006-06-28")
    assert expected == (
        str(regimes["CA-BLR"].established_on),
        str(regimes["CH-BLR"].established_on),
    )


def test_canada_regime_acts_are_its_two_regulations() -> None:
    """SOR/2020-214 established it (11 persons), SOR/2020-228 added 31."""
    acts = [a for a in _belarus().actions if a.regime == "CA-BLR"]
    expected = [("2020-09-28", "establish", 11), ("2020-10-14", "amend", 31)]
    assert expected == [(str(a.date), a.kind, a.designation_count) for a in acts]


def test_every_regime_is_in_force_from_dated_evidence() -> None:
    """No regime of the built-in data lacks a start: validate has no caveat."""
    from sanctions_tracker.caveats import caveats

    none: list[object] = []
    assert none == caveats(_belarus().tables)


def test_september_statement_has_29_country_signatories() -> None:
    """The Internet-shutdowns statement is signed by 29 countries."""
    signatories = _statement(SEPTEMBER).signatories
    expected = (29, 29)
    assert expected == (len(signatories), sum(isinstance(p, Country) for p in signatories))


def test_september_statement_signatories_in_order() -> None:
    """The signatories are those of the source, in its order."""
    expected = [
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
    signatories = _statement(SEPTEMBER).signatories
    assert expected == [p.code for p in signatories if isinstance(p, Country)]


def test_october_statement_has_52_states_and_the_eu() -> None:
    """The UN statement is signed by 52 states and the EU as a bloc."""
    signatories = _statement(OCTOBER).signatories
    countries = [p for p in signatories if isinstance(p, Country)]
    blocs = [p.code for p in signatories if isinstance(p, Bloc)]
    expected = (52, ["EU"])
    assert expected == (len(countries), blocs)


def test_statements_are_about_belarus_on_their_days() -> None:
    """Both statements are about Belarus and dated to the day."""
    expected = [("2020-09-17", Country("BY")), ("2020-10-26", Country("BY"))]
    assert expected == [(str(s.date), s.subject) for s in _belarus().statements]


def test_letter_is_anonymous_with_a_qualified_count() -> None:
    """The letter: anonymous, more than 100 signatories, names past 1000."""
    letter = _letter()
    expected = (True, 100, "more than", 1000, ())
    assert expected == (
        letter.anonymous,
        letter.reported_count,
        letter.count_qualifier,
        letter.disclosure_threshold,
        letter.signatures,
    )


def test_letter_date_keeps_the_precision_of_its_sources() -> None:
    """The letter is dated to 2020 only; its count was reported in December 2020."""
    letter = _letter()
    expected = ("year", "2020-12")
    assert expected == (letter.date.precision, str(letter.count_as_of))


def test_eu_regime_established_and_based_as_sourced() -> None:
    """EU-BLR dates from 2004-09-24 with its regulation and decision."""
    regime = next(r for r in _belarus().regimes if r.id == "EU-BLR")
    expected = ("2004-09-24", True, True)
    assert expected == (
        str(regime.established_on),
        "765/2006" in regime.legal_basis,
        "2012/642/CFSP" in regime.legal_basis,
    )


def test_us_regime_established_to_the_year() -> None:
    """US-BLR is recorded as in force since 2006, at year precision."""
    regime = next(r for r in _belarus().regimes if r.id == "US-BLR")
    established = regime.established_on
    expected = ("2006", "year")
    assert expected == (str(established), established.precision if established else None)


def test_eu_2020_acts_with_their_designation_counts() -> None:
    """The EU's three 2020 packages: 40, 15 and 36 designations."""
    acts = [a for a in _belarus().actions if a.regime == "EU-BLR" and a.date.year == 2020]
    expected = [("2020-10-02", 40), ("2020-11-06", 15), ("2020-12-17", 36)]
    assert expected == [(str(a.date), a.designation_count) for a in acts]


def test_eu_2020_acts_name_their_legal_references() -> None:
    """Each EU package names its implementing regulation."""
    acts = [a for a in _belarus().actions if a.regime == "EU-BLR" and a.date.year == 2020]
    expected = [True, True, True]
    assert expected == [
        any(ref in a.legal_reference for ref in ("2020/1387", "2020/1648", "2020/2129"))
        for a in acts
    ]


def test_every_regime_has_an_act_in_2020() -> None:
    """Each of the eight regimes acted in 2020."""
    acted = {a.regime for a in _belarus().actions if a.date.year == 2020}
    expected = {r.id for r in _belarus().regimes}
    assert expected == acted


def test_november_alignment_has_seven_countries() -> None:
    """Seven countries aligned with Council Decision (CFSP) 2020/1388 on 2020-11-20."""
    aligned = {
        a.country.code
        for a in _belarus().alignments
        if a.act == "Council Decision (CFSP) 2020/1388" and str(a.aligned_on) == "2020-11-20"
    }
    expected = {"MK", "ME", "AL", "IS", "LI", "NO", "UA"}
    assert expected == aligned


def test_uk_transition_alignment_is_half_open() -> None:
    """The UK's transition-period alignment runs from 2020-02-01 until (not on) 2021-01-01."""
    uk = [a for a in _belarus().alignments if a.country == Country("GB")]
    expected = [("EU-BLR", "2020-02-01", "2021-01-01")]
    assert expected == [(a.regime, str(a.aligned_on), str(a.ended_on)) for a in uk]


def test_only_the_uk_designations_are_named() -> None:
    """The sheet names the UK's eight Belarusians and gives counts elsewhere: no other
    designation records."""
    designations = _belarus().designations
    expected = (8, {"GB-HR"}, {(Country("BY"),)}, {"2020-09-29"})
    assert expected == (
        len(designations),
        {d.regime for d in designations},
        {d.countries for d in designations},
        {str(d.listed_on) for d in designations},
    )


def test_every_record_has_a_source() -> None:
    """Documents, signatures, regimes, acts and alignments all carry a source."""
    ds = _belarus()
    unsourced = [
        table
        for table in ("documents", "signatures", "regimes", "actions", "designations", "alignments")
        if getattr(ds.tables, table)["sources"].list.len().min() == 0
    ]
    expected: list[str] = []
    assert expected == unsourced


def test_builtin_data_round_trips_through_every_format(tmp_path: Path) -> None:
    """The built-in dataset survives JSON, CSV and Parquet unchanged."""
    folder = tmp_path
    ds = _belarus()
    ds.save(folder / "b.json")
    ds.save(folder / "csv", format="csv")
    ds.save(folder / "parquet", format="parquet")
    expected = [True, True, True]
    assert expected == [Dataset.load(folder / name) == ds for name in ("b.json", "csv", "parquet")]


def test_caveats_are_notes_and_sources_are_citations() -> None:
    """What the sources leave uncertain is said in a note, not folded into a fact or a source."""
    ds = _belarus()
    regimes = {r.id: r for r in ds.regimes}
    assert "day is not recorded" in regimes["GB-HR"].note
    assert str(regimes["GB-HR"].established_on) == "2020-07"
    expected = (
        "US Treasury press release sm1143",
        "https://home.treasury.gov/news/press-releases/sm1143",
    )
    assert expected == regimes["US-BLR"].sources
    letter = ds.document(LETTER)
    assert isinstance(letter, Letter)
    assert "December 2020" in letter.note
    assert all("undated" not in source for source in letter.sources)
