"""Importing FollowTheMoney entity streams (OpenSanctions' entities.ftm.json)."""

from __future__ import annotations

import collections
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any
from unittest import mock

import msgspec
import pytest
from files import ZALA
from hypothesis import given
from hypothesis import strategies as st
from strategies import ftm_streams

from sanctions_tracker.countries import Country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.importers import import_ftm
from sanctions_tracker.io import _ftm_lines
from sanctions_tracker.io.ftm import TARGET_SCHEMATA, read_ftm
from sanctions_tracker.records import UN_SECURITY_COUNCIL, Organization, Person


def _raw_entities() -> list[dict[str, Any]]:
    with ZALA.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _person(entity_id: str, name: str, **properties: list[str]) -> dict[str, Any]:
    return {"id": entity_id, "schema": "Person", "properties": {"name": [name], **properties}}


def _sanction(entity_id: str, target: str, **properties: list[str]) -> dict[str, Any]:
    props = {"entity": [target], "country": ["gb"], "programId": ["GB-RUS"], **properties}
    return {"id": entity_id, "schema": "Sanction", "properties": props}


def _lines(*entities: dict[str, Any] | str) -> list[str]:
    return [e if isinstance(e, str) else json.dumps(e) for e in entities]


# -- the real OpenSanctions stream ------------------------------------------------------------


def test_zala_every_sanction_is_imported() -> None:
    """Each of the stream's Sanction entities becomes exactly one designation with its id."""
    expected = sorted(e["id"] for e in _raw_entities() if e["schema"] == "Sanction")
    result = import_ftm(ZALA)
    assert expected == sorted(d.id for d in result.dataset.designations)


def test_zala_has_41_sanctions() -> None:
    """The fixture holds the 41 Sanctions its README announces, and all of them are imported."""
    expected = 41
    assert expected == import_ftm(ZALA).summary.designations


def test_zala_authorities() -> None:
    """A Sanction's authority is its programme's issuer: France and Belgium publish EU-UKR."""
    regimes = import_ftm(ZALA).dataset.regimes
    authorities = {(type(r.authority).__name__, r.authority_code) for r in regimes}
    countries = ["AU", "CA", "CH", "GB", "JP", "MC", "NZ", "UA", "US"]
    assert {("Bloc", "EU"), *(("Country", c) for c in countries)} == authorities


def test_zala_regimes_from_the_registry_alone() -> None:
    """With no mapping, the registry gives each regime of the stream its authority and targets."""
    crimea_donetsk_luhansk = "UA-43 UA-14 UA-09"
    expected = (
        ("AU", "RU", ("AU-RUSSIA",)),
        ("CA", "", ("CA-SEMA",)),
        ("CH", "RU", ("SECO-UKRAINE",)),
        ("EU", "", ("EU-COUNCIL-OF-THE-EUROPEAN-UNION",)),
        ("EU", f"RU {crimea_donetsk_luhansk}", ("EU-UKR",)),
        ("GB", "", ("GB-THE-INSOLVENCY-SERVICE",)),
        ("GB", "RU", ("GB-RUS",)),
        ("JP", "", ("JP-H-6569A8670D", "JP-H-998AFB7D06")),
        ("MC", "", ("MC-LA-PRINCIPAUTE-DE-MONACO",)),
        ("NZ", "RU", ("NZ-RSA2022",)),
        ("UA", "RU", ("UA-SA1644",)),
        ("UA", f"RU {crimea_donetsk_luhansk}", ("UA-WS-MILIND", "UA-WS-UAVS")),
        ("US", "", ("US-BIS-EL", "US-RECIPROCAL")),
        ("US", "RU", ("US-RUSHAR",)),
    )
    assert expected == import_ftm(ZALA).summary.by_authority


def test_zala_targets_of_the_regimes() -> None:
    """Every regime of a programme that targets Russia has Russia first among its targets."""
    regimes = import_ftm(ZALA).dataset.regimes
    targeted = {"AU-RUSSIA", "EU-UKR", "GB-RUS", "NZ-RSA2022", "SECO-UKRAINE", "UA-SA1644"}
    targeted |= {"UA-WS-MILIND", "UA-WS-UAVS", "US-RUSHAR"}
    assert {k: Country("RU") for k in sorted(targeted)} == {
        r.id: r.targets[0] for r in regimes if r.targets
    }


def test_zala_regions_are_targets_too() -> None:
    """EU-UKR targets Russia and the occupied regions, as the registry and its correction say."""
    regime = next(r for r in import_ftm(ZALA).dataset.regimes if r.id == "EU-UKR")
    expected = ("RU", "UA-43", "UA-14", "UA-09")
    assert expected == tuple(target.code for target in regime.targets)


def test_zala_programmes_the_registry_lacks() -> None:
    """Sanctions without a programme the registry knows are listed, never matched by guess."""
    expected = (
        "EU-COUNCIL-OF-THE-EUROPEAN-UNION",
        "GB-THE-INSOLVENCY-SERVICE",
        "JP-H-6569A8670D",
        "JP-H-998AFB7D06",
        "MC-LA-PRINCIPAUTE-DE-MONACO",
        "US-RECIPROCAL",
    )
    assert expected == import_ftm(ZALA).summary.unknown_programmes


def test_zala_imports_without_problems() -> None:
    """The real stream reads with no issue at all."""
    expected = ()
    assert expected == import_ftm(ZALA).summary.issues


def test_zala_counts_by_schema() -> None:
    """The summary counts every entity by its schema, imported or not."""
    expected = collections.Counter(e["schema"] for e in _raw_entities())
    assert dict(expected) == dict(import_ftm(ZALA).summary.schemata)


def test_zala_targets_are_the_group() -> None:
    """Each designation names its target by FtM entity id, of the entity's kind."""
    raw = _raw_entities()
    kinds = {e["id"]: "Person" if e["schema"] == "Person" else "Organization" for e in raw}
    targets = {e["properties"]["entity"][0] for e in raw if e["schema"] == "Sanction"}
    designations = import_ftm(ZALA).dataset.designations
    assert {(t, kinds[t]) for t in targets} == {
        (d.target.id, type(d.target).__name__) for d in designations
    }


def test_zala_untargeted_regimes() -> None:
    """The regimes without a target are those the registry lacks or calls thematic."""
    result = import_ftm(ZALA)
    expected = sorted([*result.summary.unknown_programmes, "CA-SEMA", "US-BIS-EL"])
    assert expected == list(result.summary.untargeted)


def test_zala_targets_mapping_overrides_the_registry() -> None:
    """A caller's mapping by programme key overrides the registry's targets."""
    result = import_ftm(ZALA, targets={"EU-UKR": "Belarus", "CA-SEMA": "Russia"})
    targets = {r.id: r.target for r in result.dataset.regimes}
    expected = (Country("BY"), Country("RU"))
    assert expected == (targets["EU-UKR"], targets["CA-SEMA"])


# -- regimes -----------------------------------------------------------------------------------


def test_regime_id_is_the_programme_id_of_its_authority() -> None:
    """A programId that starts with the authority's code is the regime id."""
    result = import_ftm(_lines(_person("p", "P"), _sanction("s", "p")))
    expected = ["GB-RUS"]
    assert expected == [r.id for r in result.dataset.regimes]


def test_national_publication_of_a_registry_programme_is_that_programme() -> None:
    """A national authority publishing an EU programme adds to the EU's regime."""
    sanction = _sanction("s", "p", country=["be"], programId=["EU-UKR"])
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = ("EU-UKR", "EU")
    assert expected == (regime.id, regime.authority_code)


def test_programme_the_registry_lacks_is_prefixed() -> None:
    """A programId the registry lacks keys a regime of the Sanction's own authority."""
    sanction = _sanction("s", "p", country=["be"], programId=["NATIONAL"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = (["BE-NATIONAL"], ("BE-NATIONAL",))
    assert expected == ([r.id for r in result.dataset.regimes], result.summary.unknown_programmes)


def test_program_text_matches_an_alias() -> None:
    """Without programId, the program text is matched against the registry's aliases."""
    sanction = _sanction(
        "s", "p", country=["eu"], programId=[], program=["Regulation (EC) No 765/2006"]
    )
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = ("EU-BLR", Country("BY"))
    assert expected == (regime.id, regime.target)


def test_ambiguous_program_text_is_reported_not_guessed() -> None:
    """A program text that is an alias of several programmes is reported with them all."""
    sanction = _sanction("s", "p", country=["fr"], programId=[], program=["UNSCR 1718"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    issues = result.summary.issues
    expected = (
        ["FR-UNSCR-1718"],
        [(2, False, "EU-PRK or GB-DPRK")],
    )
    assert expected == (
        [r.id for r in result.dataset.regimes],
        [(i.line, i.skipped, i.message.split("alias of ")[1].split(";")[0]) for i in issues],
    )


def test_empty_program_id_is_reported_by_line() -> None:
    """An empty programId is reported on its line; the program text stands in for it."""
    sanction = _sanction("s", "p", country=["eu"], programId=[" "], program=["EU-BLR"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = (["EU-BLR"], [(2, "programId is empty")])
    assert expected == (
        [r.id for r in result.dataset.regimes],
        [(i.line, i.message) for i in result.summary.issues],
    )


def test_too_long_program_id_is_reported_by_line() -> None:
    """A programId longer than any key is reported on its line and not made a regime id."""
    sanction = _sanction("s", "p", programId=["X" * 500])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = ([2], False, ["GB"])
    assert expected == (
        [i.line for i in result.summary.issues],
        result.summary.issues[0].skipped,
        [r.id for r in result.dataset.regimes],
    )


def test_repeated_programme_is_one_designation() -> None:
    """A Sanction naming one programme twice, or under two authorities, is designated once."""
    sanction = _sanction("s", "p", country=["fr", "eu"], programId=["EU-UKR", "eu-ukr"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = [("s", "EU-UKR")]
    assert expected == [(d.id, d.regime) for d in result.dataset.designations]


def test_earliest_of_start_and_listing_date() -> None:
    """The listing date is the earliest of startDate and listingDate."""
    sanction = _sanction("s", "p", startDate=["2023-05-01"], listingDate=["2022-03-15"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    expected = PartialDate.parse("2022-03-15")
    assert expected == designation.listed_on


def test_regime_without_programme_is_keyed_by_authority_text() -> None:
    """Without programId or program, the authority's name keys the regime."""
    sanction = _sanction("s", "p", country=["mc"], programId=[], authority=["Monaco"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = ["MC-MONACO"]
    assert expected == [r.id for r in result.dataset.regimes]


def test_eu_is_a_bloc() -> None:
    """The FtM country code eu is the EU bloc."""
    sanction = _sanction("s", "p", country=["eu"], programId=["EU-BLR"])
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = ("Bloc", "EU")
    assert expected == (type(regime.authority).__name__, regime.authority_code)


def test_regime_name_is_the_programme_title() -> None:
    """A regime of a registry programme is named by the programme's title."""
    sanction = _sanction("s", "p", authority=["FCDO"])
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = "UK sanctions relating to Russia"
    assert expected == regime.name


def test_regime_name_from_authority_text() -> None:
    """A regime the registry lacks joins the authority's name and the programme."""
    sanction = _sanction("s", "p", authority=["FCDO"], programId=["GB-LOCAL"])
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = "FCDO: GB-LOCAL"
    assert expected == regime.name


def test_regime_life_unknown() -> None:
    """No establishment date is invented: the stream does not say when a regime began."""
    sanction = _sanction("s", "p", startDate=["2014-03-17"])
    regime = import_ftm(_lines(_person("p", "P"), sanction)).dataset.regimes[0]
    expected = (None, None)
    assert expected == (regime.established_on, regime.lifted_on)


def test_targets_mapping_by_regime_id() -> None:
    """The targets mapping may name the regime id rather than the programme."""
    sanction = _sanction("s", "p", country=["fr"], programId=["NATIONAL"])
    result = import_ftm(_lines(_person("p", "P"), sanction), targets={"FR-NATIONAL": "RU"})
    assert (Country("RU"), ()) == (result.dataset.regimes[0].target, result.summary.untargeted)


# -- designations ----------------------------------------------------------------------------


def test_company_becomes_organization() -> None:
    """Company and LegalEntity targets are organisations, with their entity id and name."""
    company = {"id": "c", "schema": "Company", "properties": {"name": ["LLC CST"]}}
    target = import_ftm(_lines(company, _sanction("s", "c"))).dataset.designations[0].target
    assert Organization("LLC CST", id="c") == target


def test_person_keeps_id_and_nationality() -> None:
    """A Person target keeps its entity id and its first known nationality."""
    person = _person("p", "Ivan", nationality=["zz", "ru"])
    target = import_ftm(_lines(person, _sanction("s", "p"))).dataset.designations[0].target
    assert Person("Ivan", nationality="RU", id="p") == target


def test_caption_is_preferred_among_names() -> None:
    """When the caption is one of the names it is the target's name."""
    person = _person("p", "PETROV, Ivan") | {"caption": "Ivan Petrov"}
    person["properties"]["name"].append("Ivan Petrov")
    target = import_ftm(_lines(person, _sanction("s", "p"))).dataset.designations[0].target
    expected = "Ivan Petrov"
    assert expected == target.name


def test_entity_after_its_sanction() -> None:
    """The entity may come after the Sanction that names it."""
    result = import_ftm(_lines(_sanction("s", "p"), _person("p", "P")))
    expected = ["P"]
    assert expected == [d.target.name for d in result.dataset.designations]


def test_partial_start_date() -> None:
    """A month-precise startDate stays month-precise."""
    sanction = _sanction("s", "p", startDate=["2020-09"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    assert PartialDate(2020, 9) == designation.listed_on


def test_listing_date_when_no_start_date() -> None:
    """Without startDate, the earliest listingDate is the listing date."""
    sanction = _sanction("s", "p", listingDate=["2025-03-15", "2023-12-18"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    assert PartialDate(2023, 12, 18) == designation.listed_on


def test_end_date_is_delisting() -> None:
    """The latest endDate is the delisting date."""
    sanction = _sanction("s", "p", startDate=["2021-10-30"], endDate=["2024-10-30"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    assert PartialDate(2024, 10, 30) == designation.delisted_on


def test_datetime_is_read_as_day() -> None:
    """A date with a time is read as its day."""
    sanction = _sanction("s", "p", startDate=["2022-02-28T10:00:00"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    assert PartialDate(2022, 2, 28) == designation.listed_on


def test_reason_and_sources() -> None:
    """The Sanction's reasons and source URLs come along."""
    sanction = _sanction("s", "p", reason=["a", "b"], sourceUrl=["https://example.org/s"])
    designation = import_ftm(_lines(_person("p", "P"), sanction)).dataset.designations[0]
    expected = ("a; b", ("https://example.org/s",))
    assert expected == (designation.reason, designation.sources)


def test_several_entities_give_several_designations() -> None:
    """A Sanction naming two entities gives two designations, numbered after its id."""
    sanction = _sanction("s", "p")
    sanction["properties"]["entity"] = ["p", "q"]
    result = import_ftm(_lines(_person("p", "P"), _person("q", "Q"), sanction))
    expected = [("s/1", "p"), ("s/2", "q")]
    assert expected == [(d.id, d.target.id) for d in result.dataset.designations]


def test_actions_from_listing_dates() -> None:
    """One amend action per regime and listing date names that day's designations."""
    lines = _lines(
        _person("p", "P"),
        _sanction("s1", "p", startDate=["2022-03-15"]),
        _sanction("s2", "p", startDate=["2022-03-15"]),
        _sanction("s3", "p", startDate=["2023-01-01"]),
    )
    actions = import_ftm(lines).dataset.actions
    expected = [(dt.date(2022, 3, 15), ("s1", "s2")), (dt.date(2023, 1, 1), ("s3",))]
    assert expected == [(a.date.first, a.designations) for a in actions]


def test_actions_can_be_left_out() -> None:
    """With actions=False no action is derived."""
    lines = _lines(_person("p", "P"), _sanction("s", "p", startDate=["2022-03-15"]))
    expected = ()
    assert expected == import_ftm(lines, actions=False).dataset.actions


# -- sources and progress --------------------------------------------------------------------


def test_binary_file_object() -> None:
    """An open binary stream reads like a path."""
    data = "\n".join(_lines(_person("p", "P"), _sanction("s", "p"))).encode()
    expected = 1
    assert expected == import_ftm(io.BytesIO(data)).summary.designations


def test_progress_reports_bytes_read() -> None:
    """The progress callback ends with the number of bytes read."""
    calls: list[int] = []
    import_ftm(ZALA, progress=calls.append)
    assert ZALA.stat().st_size == calls[-1]


def test_missing_file() -> None:
    """A file that cannot be opened raises our error naming it."""
    with pytest.raises(DataFormatError, match=r"nowhere\.ftm\.json"):
        import_ftm(Path("nowhere.ftm.json"))


# -- bad input -------------------------------------------------------------------------------


def test_malformed_line_is_reported_and_the_rest_imported() -> None:
    """A line that is not JSON is reported by number; the lines after it still count."""
    result = import_ftm(_lines(_person("p", "P"), '{"id": "broken', _sanction("s", "p")))
    summary = result.summary
    expected = ([2], 1)
    assert expected == ([i.line for i in summary.skipped], summary.designations)


def test_sanction_with_missing_entity_is_skipped() -> None:
    """A Sanction whose entity is not in the stream is skipped, with its line and reason."""
    result = import_ftm(_lines(_person("p", "P"), _sanction("s", "nobody")))
    expected = ["line 2 [s]: entity 'nobody' is not in the stream (skipped)"]
    assert expected == [str(i) for i in result.summary.issues]


def test_date_that_is_not_a_date() -> None:
    """A bad date is reported and its designation imported without it."""
    sanction = _sanction("s", "p", startDate=["2020-13-45"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    issue = result.summary.issues[0]
    outcome = (issue.line, issue.skipped, result.dataset.designations[0].listed_on)
    expected = (2, False, None)
    assert expected == outcome


def test_end_before_start_is_reported() -> None:
    """An endDate before the listing date is reported and left out."""
    sanction = _sanction("s", "p", startDate=["2021-01-01"], endDate=["2020-01-01"])
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = (1, None)
    assert expected == (len(result.summary.issues), result.dataset.designations[0].delisted_on)


def test_unknown_schema_is_counted() -> None:
    """An unknown schema is counted and not imported, never fatal."""
    result = import_ftm(_lines({"id": "x", "schema": "Spaceship", "properties": {}}))
    expected = (("Spaceship", 1),)
    assert expected == result.summary.not_imported


def _un_sanction(**properties: list[str]) -> dict[str, Any]:
    """A Sanction of the UN Security Council's programme UN-SC1718 against the person p."""
    sanction = _sanction("s", "p", programId=["UN-SC1718"], startDate=["2016-03-02"])
    sanction["properties"] |= properties
    return sanction


def _un_stream(**properties: list[str]) -> list[str]:
    return _lines(_person("p", "P", nationality=["kp"]), _un_sanction(**properties))


def test_unsc_programme_has_the_un_security_council_as_authority() -> None:
    """A Sanction of a UN Security Council programme makes a regime of UN_SECURITY_COUNCIL."""
    regime = import_ftm(_un_stream(country=["zz"])).dataset.regimes[0]
    expected = ("UN-SC1718", UN_SECURITY_COUNCIL, (Country("KP"),))
    assert expected == (regime.id, regime.authority, regime.targets)


def test_unsc_programme_needs_no_country() -> None:
    """A Sanction of a UN Security Council programme without a country is not skipped."""
    sanction = _un_sanction()
    del sanction["properties"]["country"]
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = (1, ())
    assert expected == (result.summary.designations, result.summary.skipped)


def test_imported_unsc_programme_counts_through_via_un() -> None:
    """An imported UN Security Council regime makes every UN member take part, with via_un."""
    dataset = import_ftm(_un_stream(country=["zz"])).dataset
    default = dataset.participation("KP", as_of="2020-01-01")
    via_un = dataset.participation("KP", as_of="2020-01-01", via_un=True)
    expected = (0, 193, ["un"])
    assert expected == (default.height, via_un.height, via_un["routes"][0].to_list())


def test_unknown_authority_is_skipped() -> None:
    """A Sanction whose country is no known code is skipped with the reason."""
    result = import_ftm(_lines(_person("p", "P"), _sanction("s", "p", country=["zz"])))
    expected = ["unknown authority country 'zz': give an ISO code or 'eu'"]
    assert expected == [i.message for i in result.summary.skipped]


def test_ill_typed_property_is_reported() -> None:
    """A property that is not a list of strings is reported by line and property."""
    sanction = _sanction("s", "p")
    sanction["properties"]["startDate"] = {"value": "2020"}
    result = import_ftm(_lines(_person("p", "P"), sanction))
    expected = ["not an FtM entity: property 'startDate' is not a list of strings"]
    assert expected == [i.message for i in result.summary.skipped]


def test_duplicate_sanction_is_reported() -> None:
    """A second entity with the same Sanction id is reported; the first is kept."""
    lines = _lines(_person("p", "P"), _sanction("s", "p"), _sanction("s", "p", country=["us"]))
    result = import_ftm(lines)
    expected = (["GB-RUS"], [3])
    assert expected == (
        [r.id for r in result.dataset.regimes],
        [i.line for i in result.summary.skipped],
    )


def test_summary_text_names_skipped_lines() -> None:
    """The printed summary lists every problem with its line."""
    summary = import_ftm(_lines("{", _person("p", "P"))).summary
    assert "line 1: not JSON" in str(summary)


# -- properties ------------------------------------------------------------------------------

_SANCTIONS = st.lists(
    st.tuples(
        st.integers(0, 5),  # which entity (5 is never in the stream)
        st.sampled_from(["gb", "us", "eu", "fr", "xx"]),
        st.sampled_from(["2020", "2020-09", "2020-09-17", "not a date", ""]),
    ),
    max_size=12,
)


@given(_SANCTIONS)
def test_every_sanction_is_imported_or_reported(sanctions: list[tuple[int, str, str]]) -> None:
    """Each Sanction is a designation or a skipped issue, never both and never neither."""
    entities: list[dict[str, Any]] = [_person(f"p{i}", f"Person {i}") for i in range(5)]
    for index, (entity, country, date) in enumerate(sanctions):
        dates = {"startDate": [date]} if date else {}
        entities.append(_sanction(f"s{index}", f"p{entity}", country=[country], **dates))
    summary = import_ftm(_lines(*entities)).summary
    assert len(sanctions) == summary.designations + len(summary.skipped)


def test_value_that_is_not_a_string_is_reported() -> None:
    """A number among a property's values is reported by line and property; the rest imports."""
    bad = _sanction("s2", "p")
    bad["properties"]["startDate"] = [2020]
    result = import_ftm(_lines(_person("p", "P"), _sanction("s1", "p"), bad))
    outcome = (
        [i.line for i in result.summary.skipped],
        [d.id for d in result.dataset.designations],
    )
    expected = ([3], ["s1"])
    assert expected == outcome


def test_target_with_ill_typed_name_is_reported() -> None:
    """A target whose name is not a string is reported, and its Sanction with it."""
    person = {"id": "p", "schema": "Person", "properties": {"name": [5]}}
    result = import_ftm(_lines(person, _sanction("s", "p")))
    expected = [
        "not an FtM entity: property 'name' is not a list of strings",
        "entity 'p' is not in the stream",
    ]
    assert expected == [i.message for i in result.summary.skipped]


def _refuse(line: bytes | str) -> Any:
    raise msgspec.DecodeError("refused")


@given(ftm_streams())
def test_decoded_and_checked_lines_give_the_same_import(lines: list[str]) -> None:
    """Lines msgspec decodes import as they do through orjson's checks, in blocks of any size."""
    fast = read_ftm(lines)
    with (
        mock.patch.object(_ftm_lines, "_DECODE", _refuse),
        mock.patch.object(_ftm_lines, "BLOCK", 2),
    ):
        checked = read_ftm(lines)
    assert fast.summary == checked.summary
    checked_tables = checked.tables.as_dict()
    for name, table in fast.tables.as_dict().items():
        assert table.equals(checked_tables[name]), name


@given(ftm_streams(), st.integers(1, 300), st.booleans())
def test_chunks_of_a_file_give_the_same_import_as_lines(
    lines: list[str], chunk: int, final_newline: bool
) -> None:
    """A binary file, decoded a chunk of lines at a time, imports as its lines one by one do.

    Chunks of any size split the lines anywhere; a chunk with a bad or blank line is
    read again line by line, and every line keeps its number.
    """
    data = "\n".join(lines).encode() + (b"\n" if final_newline and lines else b"")
    with mock.patch.object(_ftm_lines, "CHUNK", chunk):
        chunked = read_ftm(io.BytesIO(data))
    by_line = read_ftm(list(io.BytesIO(data)))
    assert by_line.summary == chunked.summary
    by_line_tables = by_line.tables.as_dict()
    for name, table in chunked.tables.as_dict().items():
        assert table.equals(by_line_tables[name]), name


def test_lines_that_balance_each_other_in_a_chunk_are_reported() -> None:
    """A line that closes its array and opens another cannot make up for an entity split
    over two lines in the same chunk: the three lines are reported as line by line."""
    a, b = json.dumps(_person("a", "A")), json.dumps(_person("b", "B"))
    lines = [f"{a}],[{b}", '{"id": "c", "schema": "Person", "x": [[', "]]}", a]
    data = "\n".join(lines).encode()
    result = read_ftm(io.BytesIO(data))
    expected = ([1, 2, 3], {"Person": 1})
    assert expected == ([i.line for i in result.summary.issues], dict(result.summary.schemata))


def test_two_entities_on_a_line_or_one_over_two_lines_are_reported() -> None:
    """A chunk is decoded as a whole only when each of its lines is one entity."""
    person = json.dumps(_person("p", "P"))
    data = "\n".join([person + " " + person, '{"id": "q",', '"schema": "Person"}', person])
    result = read_ftm(io.BytesIO(data.encode()))
    expected = ([1, 2, 3], {"Person": 1})
    assert expected == ([i.line for i in result.summary.issues], dict(result.summary.schemata))


def test_bytes_that_are_not_utf8_are_reported() -> None:
    """A line with bytes that are not UTF-8, even in a field the import skips, is reported."""
    bad = json.dumps(_person("q", "Q") | {"notes": "@"}).encode().replace(b"@", b"\xff")
    data = b"\n".join([json.dumps(_person("p", "P")).encode(), bad])
    result = import_ftm(io.BytesIO(data))
    expected = [(2, True)]
    assert expected == [(i.line, i.message.startswith("not UTF-8")) for i in result.summary.issues]


def test_caption_that_is_not_text_is_ignored() -> None:
    """A caption that is not a string says nothing: the first name is the target's name."""
    person = _person("p", "Ivan Petrov") | {"caption": 5}
    result = import_ftm(_lines(person, _sanction("s", "p")))
    expected = ("Ivan Petrov", ())
    assert expected == (result.dataset.designations[0].target.name, result.summary.issues)


def test_null_among_names_is_dropped() -> None:
    """A null among a target's names is no name: the next one is."""
    person = {"id": "p", "schema": "Person", "properties": {"name": [None, "Ivan Petrov"]}}
    result = import_ftm(_lines(person, _sanction("s", "p")))
    expected = "Ivan Petrov"
    assert expected == result.dataset.designations[0].target.name


@given(ftm_streams())
def test_any_plausible_stream_imports_or_reports_each_line(lines: list[str]) -> None:
    """Each Sanction line is designated, reported by number or counted as on a thing; each
    broken line is reported."""
    result = import_ftm(lines)
    reported = {issue.line for issue in result.summary.issues}
    designated = {d.id.split("/")[0] for d in result.dataset.designations}
    things = _thing_ids(lines)
    on_things = 0
    unaccounted = []
    for number, line in enumerate(lines, 1):
        try:
            entity = json.loads(line)
        except ValueError:
            if line.strip():
                unaccounted += [] if number in reported else [number]
            continue
        is_sanction = isinstance(entity, dict) and entity.get("schema") == "Sanction"
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            unaccounted += [] if number in reported else [number]
        elif is_sanction and entity["id"] not in designated and number not in reported:
            properties = entity.get("properties") or {}
            named = properties.get("entity") if isinstance(properties, dict) else None
            if not isinstance(named, list) or things.isdisjoint(map(str, named)):
                unaccounted.append(number)
            else:
                on_things += 1
    assert unaccounted == []
    assert on_things <= sum(n for _, n in result.summary.not_designations)


def _thing_ids(lines: list[str]) -> set[str]:
    """The ids of the stream's entities that are neither Sanctions, persons nor organisations."""
    ids = set()
    for line in lines:
        try:
            entity = json.loads(line)
        except ValueError:
            continue
        if (
            isinstance(entity, dict)
            and isinstance(entity.get("id"), str)
            and isinstance(entity.get("properties") or {}, dict)
            and entity.get("schema") not in {"Sanction", *TARGET_SCHEMATA}
            and isinstance(entity.get("schema"), str)
        ):
            ids.add(entity["id"])
    return ids


def test_a_stream_saved_with_a_byte_order_mark_imports(tmp_path: Path) -> None:
    """A byte order mark before the first entity (as Windows editors save) is no bad line."""
    path = tmp_path / "bom.ftm.json"
    path.write_bytes(b"\xef\xbb\xbf" + ZALA.read_bytes().replace(b"\n", b"\r\n"))
    summary = import_ftm(path).summary
    expected = ((), 41)
    assert expected == (summary.issues, summary.count("Sanction"))


def test_a_gzipped_stream_says_to_decompress_it(tmp_path: Path) -> None:
    """A compressed stream is one error saying so, not a bad line per block of bytes."""
    import gzip

    path = tmp_path / "entities.ftm.json.gz"
    path.write_bytes(gzip.compress(ZALA.read_bytes()))
    with pytest.raises(DataFormatError, match="gzip-compressed: decompress it"):
        import_ftm(path)
