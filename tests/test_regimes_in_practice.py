"""Regimes as they really are: establishment as an act, start from evidence, thematic
regimes, several targets and regions, the UN Security Council, and their caveats."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

import sanctions_tracker as st
from sanctions_tracker.caveats import caveats
from sanctions_tracker.cli import main
from sanctions_tracker.records import (
    UN_SECURITY_COUNCIL,
    Alignment,
    Designation,
    JointStatement,
    Organization,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)


def _countries(frame: pl.DataFrame) -> list[str]:
    return list(frame.get_column("country").to_list())


def _myanmar(*regimes: SanctionsRegime, actions: tuple[SanctionsAction, ...] = ()) -> st.Dataset:
    statement = JointStatement("s", "S", "2021-02-04", "MM", signatures=["GB", "CA", "JP"])
    return st.Dataset(statements=[statement], regimes=list(regimes), actions=list(actions))


# -- establishment is an act ----------------------------------------------------------------


def test_establishment_is_an_act_in_a_window() -> None:
    """A regime established inside the window is a response, with no action row."""
    ds = _myanmar(
        SanctionsRegime("GB-MMR", "UK", "GB", "MM", established_on="2021-02-18"),
        SanctionsRegime("CA-MMR", "CA", "CA", "MM", established_on="2021-02-18"),
    )
    assert _countries(ds.signed_not_sanctioned("s", until="2021-12-31")) == ["JP"]


def test_establishment_counts_once_with_its_act_row() -> None:
    """An act row that establishes the regime is the same act: one event, not two."""
    ds = _myanmar(
        SanctionsRegime("GB-MMR", "UK", "GB", "MM", established_on="2021-02-18"),
        actions=(SanctionsAction("GB-MMR", "2021-02-18", "establish"),),
    )
    lag = ds.response_lag("s").filter(pl.col("country") == "GB")
    expected = (["GB-MMR"], 14)
    assert expected == (lag["regimes"][0].to_list(), lag["lag_days"][0])


# -- in force from evidence -------------------------------------------------------------------


def test_undated_regime_starts_with_its_first_act() -> None:
    """Without established_on a regime is in force from its earliest dated act, not always."""
    ds = _myanmar(
        SanctionsRegime("CA-MMR", "CA", "CA", "MM"),
        actions=(SanctionsAction("CA-MMR", "2021-02-18", "amend"),),
    )
    before = _countries(ds.signed_not_sanctioned("s", as_of="2021-02-17"))
    after = _countries(ds.signed_not_sanctioned("s", as_of="2021-02-18"))
    expected = (["CA", "GB", "JP"], ["GB", "JP"])
    assert expected == (before, after)


def test_regime_without_dated_evidence_is_in_force_on_no_day() -> None:
    """A regime with no start and no dated act or listing makes no one a sanctioner."""
    ds = _myanmar(SanctionsRegime("CA-MMR", "CA", "CA", "MM"))
    assert _countries(ds.signed_not_sanctioned("s", as_of="2030-01-01")) == ["CA", "GB", "JP"]


def test_validate_warns_about_an_undated_regime(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate exits 0 but warns that the regime is in force on no day."""
    path = tmp_path / "d.json"
    _myanmar(SanctionsRegime("CA-MMR", "CA", "CA", "MM")).save(path)
    status = main(["validate", str(path)])
    out = capsys.readouterr().out
    expected = (0, True, True)
    assert expected == (status, "1 warning" in out, "regimes['CA-MMR']" in out)


# -- thematic regimes ------------------------------------------------------------------------


def _uk_belarus(**listing: object) -> st.Dataset:
    designee = listing.pop("designee", Person("Alexander Lukashenko", nationality="BY"))
    return st.Dataset(
        statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["GB", "JP"])],
        regimes=[SanctionsRegime("GB-HR", "Global Human Rights", "GB")],
        designations=[Designation("d1", "GB-HR", designee, listed_on="2020-09-29", **listing)],  # type: ignore[arg-type]  # the test's keywords
    )


def test_thematic_listing_counts_against_the_nationals_country() -> None:
    """A Belarusian listed under GB-HR makes the UK a sanctioner of Belarus from that day."""
    ds = _uk_belarus()
    row = ds.participation("BY", as_of="2020-09-29").row(0, named=True)
    expected = ("GB", ["designations", "own"], ["GB-HR"])
    assert expected == (row["country"], row["routes"], row["regimes"])


def test_thematic_listing_is_an_act_in_a_window() -> None:
    """Each listing of a national inside the window is an act against the country."""
    ds = _uk_belarus()
    assert _countries(ds.signed_not_sanctioned("s", until="2020-12-31")) == ["JP"]


def test_via_designations_off_leaves_out_thematic_regimes() -> None:
    """With via_designations=False a thematic regime counts against no one."""
    ds = _uk_belarus()
    off = ds.signed_not_sanctioned("s", as_of="2020-12-31", via_designations=False)
    assert _countries(off) == ["GB", "JP"]


def test_any_of_several_nationalities_counts() -> None:
    """A listing counts against each of its designee's nationalities."""
    ds = _uk_belarus(designee=Person("X", nationality="RU"), nationalities=["BY"])
    assert _countries(ds.participation("BY", as_of="2020-12-31")) == ["GB"]


def test_organisation_counts_by_its_country() -> None:
    """An organisation listed under a thematic regime counts against its country."""
    ds = _uk_belarus(designee=Organization("Central Election Commission", country="BY"))
    assert _countries(ds.participation("BY", as_of="2020-12-31")) == ["GB"]


def test_listing_of_a_foreigner_under_a_targeted_regime_is_not_against_his_country() -> None:
    """An EU Belarus listing of a Russian is not a sanction against Russia."""
    ds = st.Dataset(
        regimes=[SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2006")],
        designations=[
            Designation("d", "EU-BLR", Person("R", nationality="RU"), listed_on="2020-10-02")
        ],
    )
    assert _countries(ds.participation("RU", as_of="2020-12-31")) == []


def test_stateless_listing_of_a_thematic_regime_is_a_caveat() -> None:
    """A thematic listing whose designee has no nationality is reported: it counts for no one."""
    ds = _uk_belarus(designee=Person("Unknown"))
    assert [problem.path for problem in caveats(ds.tables)] == ["designations['d1']"]


# -- several targets and regions -----------------------------------------------------------


def _crimea() -> st.Dataset:
    return st.Dataset(
        regimes=[
            SanctionsRegime(
                "US-CRI", "Crimea", "US", targets=["ua-cri", "UA-40"], established_on="2014-12-19"
            ),
            SanctionsRegime(
                "US-CAATSA", "CAATSA", "US", targets=["IR", "RU"], established_on="2017-08-02"
            ),
        ]
    )


def test_each_of_several_targets_counts() -> None:
    """A regime with several targets counts against each of them."""
    ds = _crimea()
    found = [_countries(ds.participation(t, as_of="2020-01-01")) for t in ("IR", "RU")]
    assert found == [["US"], ["US"]]


def test_a_region_is_a_target_of_its_own() -> None:
    """Sanctions on Crimea count against Crimea (by either code), never against Ukraine."""
    ds = _crimea()
    found = [_countries(ds.participation(t, as_of="2020-01-01")) for t in ("ua-cri", "UA-43", "UA")]
    assert found == [["US"], ["US"], []]


def test_sanctions_on_a_country_do_not_count_against_its_region() -> None:
    """A regime against Ukraine is not one against Crimea."""
    ds = st.Dataset(
        regimes=[SanctionsRegime("X-UKR", "X", "CA", "UA", established_on="2014")],
    )
    assert _countries(ds.participation("UA-43", as_of="2020-01-01")) == []


def test_targets_and_target_are_one_field() -> None:
    """target= is the one-target form of targets=; both at once is an error."""
    one = SanctionsRegime("A", "A", "US", target="BY")
    with pytest.raises(ValueError, match="not both"):
        SanctionsRegime("A", "A", "US", target="BY", targets=["RU"])
    assert (one.targets, one.target) == ((st.Country("BY"),), st.Country("BY"))


def test_region_cannot_sign() -> None:
    """A region given as a signatory is an error that names its country."""
    with pytest.raises(st.UnknownCountryError, match="region of Ukraine") as caught:
        Signature("ua-cri")
    assert caught.value.suggestions == ("UA",)


def test_region_cannot_sign_in_a_file(tmp_path: Path) -> None:
    """In a JSON file the error has the signature's path."""
    path = tmp_path / "d.json"
    document = {
        "format": "sanctions-tracker",
        "version": 1,
        "statements": [{"id": "s", "issued_on": "2020", "signatures": ["ua-cri"]}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(st.ValidationError) as caught:
        st.Dataset.load(path)
    (problem,) = caught.value.problems
    expected = ("statements[0].signatures[0]", True)
    assert expected == (problem.path, "is a region of Ukraine" in problem.message)


def test_unknown_region_suggests_close_ones() -> None:
    """A region code that names no region is an UnknownCountryError with suggestions."""
    with pytest.raises(st.UnknownCountryError) as caught:
        SanctionsRegime("A", "A", "US", target="ua-crl")
    assert "UA-43" in caught.value.suggestions


# -- the UN Security Council ----------------------------------------------------------------


def _un() -> st.Dataset:
    return st.Dataset(
        statements=[JointStatement("s", "S", "2020-01-01", "KP", signatures=["JP", "CH"])],
        regimes=[SanctionsRegime("UN-X", "X", "UNSC", "KP", established_on="1990")],
    )


def test_un_regimes_make_no_one_a_sanctioner_by_default() -> None:
    """By default a regime of the UN Security Council counts for no country."""
    assert _countries(_un().participation("KP", as_of="2020-01-01")) == []


def test_via_un_counts_every_member_on_the_day() -> None:
    """With via_un, every UN member on the day takes part (route un)."""
    found = _un().participation("KP", as_of="2020-01-01", via_un=True)
    expected = (193, ["un"])
    assert expected == (found.height, found["routes"][0].to_list())


def test_via_un_counts_switzerland_only_from_2002() -> None:
    """Switzerland joined the UN on 2002-09-10: not bound before."""
    ds = _un()
    before = "CH" in _countries(ds.participation("KP", as_of="2002-09-09", via_un=True))
    after = "CH" in _countries(ds.participation("KP", as_of="2002-09-10", via_un=True))
    assert (before, after) == (False, True)


def test_un_security_council_is_the_one_organisation_authority() -> None:
    """Another organisation cannot impose sanctions."""
    assert SanctionsRegime("A", "A", "UN Security Council").authority == UN_SECURITY_COUNCIL
    with pytest.raises(TypeError, match="UN Security Council"):
        SanctionsRegime("A", "A", Organization("African Union"))


def test_alignment_with_a_thematic_regime_counts_through_its_listings() -> None:
    """A country aligned with a thematic regime takes part against a national's country."""
    ds = _uk_belarus()
    ds = st.Dataset(
        regimes=ds.regimes,
        designations=ds.designations,
        alignments=[Alignment("NO", "GB-HR", "2020-10-01")],
    )
    assert _countries(ds.participation("BY", as_of="2020-12-31")) == ["GB", "NO"]
