"""sanctions_tracker.opensanctions: the shipped programme registry, read critically."""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import polars as pl
import pytest

import sanctions_tracker as st
from sanctions_tracker import Country, Organization, Region, SanctionsTrackerError, blocs
from sanctions_tracker.opensanctions import (
    AmbiguousProgrammeError,
    UnknownProgrammeError,
    all_programmes,
    programme,
    programmes,
    source,
)
from sanctions_tracker.opensanctions.territories import MEASURES, Issuer, to_authority, to_target
from sanctions_tracker.records import UN_SECURITY_COUNCIL

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "sanctions_tracker" / "data" / "opensanctions"


def _corrections() -> list[dict[str, str]]:
    with (DATA / "corrections.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# -- lookup ----------------------------------------------------------------------------


def test_lookup_by_alias() -> None:
    """An alias finds its programme."""
    assert programme("Regulation (EC) No 765/2006").key == "EU-BLR"


@pytest.mark.parametrize("text", ["eu-blr", " EU-BLR ", "regulation (ec) no 765/2006", "EU - BLR"])
def test_lookup_ignores_case_and_spacing(text: str) -> None:
    """Case and spacing do not matter."""
    assert programme(text).key == "EU-BLR"


def test_unknown_programme_suggests_close_keys() -> None:
    """An unknown key is an UnknownProgrammeError with suggestions."""
    with pytest.raises(UnknownProgrammeError) as caught:
        programme("EU-BLRR")
    assert "EU-BLR" in caught.value.suggestions


def test_unknown_programme_error_is_a_lookup_error() -> None:
    """UnknownProgrammeError is a LookupError and a SanctionsTrackerError."""
    assert issubclass(UnknownProgrammeError, LookupError)
    assert issubclass(UnknownProgrammeError, SanctionsTrackerError)


def test_unknown_programme_error_pickles() -> None:
    """The error survives pickling with its suggestions."""
    error = UnknownProgrammeError("X", suggestions=("Y",))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.value, copy.suggestions) == ("X", ("Y",))


def test_alias_of_several_programmes_is_ambiguous() -> None:
    """An alias that several programmes share lists them all, never picking one."""
    with pytest.raises(AmbiguousProgrammeError) as caught:
        programme("UNSCR 1718")
    assert caught.value.candidates == ("EU-PRK", "GB-DPRK")


def test_key_wins_over_alias() -> None:
    """A key is never ambiguous, whatever the aliases say."""
    assert programme("us-nk").key == "US-NK"


# -- the fields ------------------------------------------------------------------------


def test_one_target() -> None:
    """US-BRUS targets Belarus."""
    assert (Country("BY"),) == programme("US-BRUS").targets


def test_several_targets() -> None:
    """US-CAATSA targets Iran and Russia."""
    assert (Country("IR"), Country("RU")) == programme("US-CAATSA").targets


def test_region_targets() -> None:
    """The OpenSanctions region codes become Regions, not their country."""
    expected = (Country("RU"), Region("UA-43"), Region("UA-14"), Region("UA-09"))
    assert expected == programme("US-UKRRUS-REL").targets


@pytest.mark.parametrize("key", ["GB-HR", "AU-CYB", "US-TERR"])
def test_thematic_programme_has_no_target(key: str) -> None:
    """A programme of zz, ip or no territory has no target."""
    assert programme(key).targets == ()
    assert programme(key).thematic


def test_eu_authority_is_the_bloc() -> None:
    """An issuer seated in eu makes the EU bloc the authority."""
    assert blocs.get("EU") == programme("EU-BLR").authority


def test_un_security_council_is_the_librarys_organisation() -> None:
    """The UN Security Council's programmes have the library's UN_SECURITY_COUNCIL as authority."""
    assert programme("UN-SC1718").authority == UN_SECURITY_COUNCIL


def test_issuer_without_territory_is_an_organization() -> None:
    """An issuer seated nowhere other than the UN Security Council is an Organization."""
    expected = Organization("International Consortium of Investigative Journalists", id="zz_icij")
    assert expected == to_authority(
        Issuer("zz_icij", "International Consortium of Investigative Journalists")
    )


def test_programmes_table_names_the_un_security_council_unsc() -> None:
    """The table's authority of a UN Security Council programme is UNSC, as in a regime."""
    expected = ["UNSC"]
    assert expected == programmes(authority=UN_SECURITY_COUNCIL)["authority"].unique().to_list()


def test_country_authority() -> None:
    """An issuer seated in a country makes that country the authority."""
    assert Country("GB") == programme("GB-HR").authority


def test_measures_in_our_vocabulary() -> None:
    """EU-BLR's nine registry measures map onto ours."""
    expected = (
        "asset freeze",
        "travel ban",
        "arms embargo",
        "export control",
        "import restrictions",
        "financial restrictions",
        "investment ban",
        "services ban",
        "transportation",
    )
    assert expected == programme("EU-BLR").measures


def test_every_registry_measure_has_a_place_in_ours() -> None:
    """The 14 measures of the registry's vocabulary map onto MEASURES, one-to-one."""
    assert len(set(MEASURES.values())) == 14
    assert set(MEASURES.values()) <= set(st.MEASURES)


def test_status() -> None:
    """Status is active unless the registry says ended or legacy."""
    expected = ("active", "ended", "legacy")
    found = tuple(programme(k).status for k in ("EU-BLR", "US-SYR", "US-HONGKONG"))
    assert expected == found


def test_url_and_aliases() -> None:
    """A programme keeps its url and aliases."""
    prog = programme("US-BRUS")
    assert "EO 14038" in prog.aliases
    assert prog.url is not None
    assert prog.url.startswith("https://ofac.treasury.gov/")


def test_every_programme_loads() -> None:
    """All 261 programmes of the registry load."""
    assert len(all_programmes()) == 261


def test_source_names_the_commit() -> None:
    """The shipped registry names its repository and commit."""
    expected = ("https://github.com/opensanctions/opensanctions", "f33cff2")
    assert expected == (source()["repository"], source()["commit"])


def test_mit_notice_is_shipped() -> None:
    """The MIT notice ships beside the data."""
    assert "MIT License" in (DATA / "LICENSE-MIT.txt").read_text(encoding="utf-8")


# -- corrections -----------------------------------------------------------------------


def test_eu_ukr_does_not_target_ukraine() -> None:
    """EU-UKR protects Ukraine: Russia and the occupied regions are its targets."""
    prog = programme("EU-UKR")
    assert Country("UA") not in prog.targets
    assert "ua" in prog.territories
    assert (Country("RU"), Region("UA-43"), Region("UA-14"), Region("UA-09")) == prog.targets


@pytest.mark.parametrize("row", _corrections(), ids=lambda row: row["key"])
def test_correction_applies(row: dict[str, str]) -> None:
    """Each line of corrections.csv sets its programme's targets and says why."""
    prog = programme(row["key"])
    expected = tuple(t for t in map(to_target, row["targets"].split()) if t is not None)
    assert expected == prog.targets
    assert row["reason"] == prog.correction
    assert row["source"] == prog.correction_source


@pytest.mark.parametrize("row", _corrections(), ids=lambda row: row["key"])
def test_correction_changes_the_registry(row: dict[str, str]) -> None:
    """Each correction differs from the registry's territories, so a fixed upstream shows."""
    prog = programme(row["key"])
    registry = tuple(t for t in map(to_target, prog.territories) if t is not None)
    assert registry != prog.targets


def test_correction_has_source_and_reason() -> None:
    """Every correction line has its reason and its source."""
    assert all(row["reason"] and row["source"] for row in _corrections())


def test_uncorrected_programme_has_no_correction() -> None:
    """A programme the review left alone carries no correction."""
    assert programme("US-BRUS").correction is None


def test_no_programme_targets_its_own_authority() -> None:
    """After the review, no programme sanctions the country that issues it."""
    assert [p.key for p in all_programmes() if p.authority in p.targets] == []


# -- the table -------------------------------------------------------------------------


def test_programmes_one_row_a_programme() -> None:
    """programmes() has a row for each programme, sorted by key."""
    frame = programmes()
    assert frame.height == 261
    assert frame["key"].to_list() == sorted(frame["key"].to_list())


def test_programmes_against_russia() -> None:
    """About twenty programmes target Russia, among them EU-RUS, GB-RUS and US-CAATSA."""
    keys = programmes(target="RU")["key"].to_list()
    assert 20 <= len(keys) <= 30
    assert {"EU-RUS", "GB-RUS", "US-CAATSA", "EU-UKR"} <= set(keys)


def test_programmes_by_authority() -> None:
    """authority filters by the issuing country or bloc, not its members."""
    keys = programmes(target="RU", authority="EU")["key"].to_list()
    assert keys == ["EU-MARE", "EU-RUS", "EU-RUSDA", "EU-UKR"]


def test_programmes_by_organisation() -> None:
    """An organisation is named by name or acronym."""
    by_name = programmes(authority="UN Security Council")
    assert by_name.equals(programmes(authority="unsc"))
    assert by_name.height == 15


def test_region_target_is_not_its_country() -> None:
    """Programmes on Crimea are not programmes on Ukraine."""
    crimea = set(programmes(target="ua-cri")["key"].to_list())
    ukraine = set(programmes(target="UA")["key"].to_list())
    assert crimea
    assert not crimea & ukraine


def test_programmes_unknown_target_is_our_error() -> None:
    """An unknown target raises UnknownCountryError."""
    with pytest.raises(st.UnknownCountryError):
        programmes(target="Atlantis")


def test_programmes_empty_result_keeps_the_schema() -> None:
    """A filter that matches nothing still has typed columns."""
    frame = programmes(target="IS")
    assert frame.height == 0
    assert pl.List(pl.String()) == frame.schema["targets"]


def test_programmes_targets_are_codes() -> None:
    """The targets column holds country and region codes."""
    row = programmes().filter(pl.col("key") == "US-UKRRUS-REL").row(0, named=True)
    assert row["targets"] == ["RU", "UA-43", "UA-14", "UA-09"]


def test_authority_settles_a_shared_alias() -> None:
    """An alias shared by the US's and the UK's Belarus programmes, given the authority."""
    expected = ("US-BRUS", "GB-BLR")
    found = (programme("BELARUS", authority="US").key, programme("belarus", authority="GB").key)
    assert expected == found


def test_authority_that_fits_none_leaves_the_alias_ambiguous() -> None:
    """An authority that issued none of the candidates settles nothing."""
    with pytest.raises(AmbiguousProgrammeError) as caught:
        programme("BELARUS", authority="FR")
    assert caught.value.candidates == ("GB-BLR", "US-BRUS")


def test_authority_never_overrides_a_key() -> None:
    """A key is the key, whatever authority is given."""
    assert programme("EU-BLR", authority="US").key == "EU-BLR"
