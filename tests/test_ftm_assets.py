"""Sanctions on vessels, aircraft and other things that are not persons or organisations.

OpenSanctions lists ships, aircraft, securities and crypto wallets under the same
programmes as people. Such a Sanction is valid data: it is no designation of a person
or organisation, but its programme is a regime of its authority, and its dates are
evidence of that regime's activity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.countries import Country
from sanctions_tracker.importers import import_ftm

# The schemata of FollowTheMoney that are things but neither persons nor organisations.
_THINGS = [
    "Vessel",
    "Airplane",
    "Vehicle",
    "Security",
    "CryptoWallet",
    "BankAccount",
    "RealEstate",
    "Asset",
    "Address",
    "Position",
]


def _thing(entity_id: str, schema: str) -> dict[str, Any]:
    return {"id": entity_id, "schema": schema, "properties": {"name": [f"{schema} {entity_id}"]}}


def _sanction(entity_id: str, target: str, start: str, programme: str = "GB-RUS") -> dict[str, Any]:
    props = {"entity": [target], "country": ["gb"], "programId": [programme], "startDate": [start]}
    return {"id": entity_id, "schema": "Sanction", "properties": props}


def _stream(*entities: dict[str, Any]) -> list[str]:
    return [json.dumps(entity) for entity in entities]


_FLEET = _stream(
    _thing("v1", "Vessel"),
    _thing("v2", "Vessel"),
    _thing("a1", "Airplane"),
    _sanction("s1", "v1", "2023-05-19"),
    _sanction("s2", "v2", "2024-02-22"),
    _sanction("s3", "a1", "2023-05-19", programme="US-RUSHAR"),
)


def test_a_sanction_on_a_vessel_is_no_problem() -> None:
    """Sanctions on vessels and aircraft are valid lines: nothing is reported or skipped."""
    summary = import_ftm(_FLEET).summary
    expected: tuple[object, ...] = ()
    assert (expected, 0) == (summary.issues, summary.designations)


def test_sanctions_on_things_are_counted_by_schema() -> None:
    """The summary counts the Sanctions that are no designations, by their entity's schema."""
    summary = import_ftm(_FLEET).summary
    counts = (("Vessel", 2), ("Airplane", 1))
    assert counts == summary.not_designations
    expected = (
        "3 Sanctions on entities that are not persons or organisations were not imported "
        "as designations: Vessel 2, Airplane 1"
    )
    assert expected in str(summary).splitlines()


def test_a_programme_of_vessels_alone_is_a_regime() -> None:
    """A programme whose only listings are vessels is a regime with the registry's authority
    and targets."""
    regimes = {r.id: r for r in import_ftm(_FLEET).dataset.regimes}
    found = {key: (r.authority_code, r.target) for key, r in regimes.items()}
    expected = {"GB-RUS": ("GB", Country("RU")), "US-RUSHAR": ("US", Country("RU"))}
    assert expected == found


def test_a_vessel_listing_is_dated_evidence_of_its_regime() -> None:
    """The regime is in force from its earliest listing, a vessel's as much as a person's."""
    person = {"id": "p", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}}
    lines = [*_FLEET, json.dumps(person), json.dumps(_sanction("s4", "p", "2023-12-06"))]
    dataset = import_ftm(lines).dataset
    answer = dataset.participation("RU", as_of="2023-06-01")
    assert {"GB", "US"} <= set(answer["country"].to_list())


def test_vessel_listings_are_actions_of_their_regime() -> None:
    """Each regime and listing day of vessels is an amend action naming no designation."""
    actions = import_ftm(_FLEET).dataset.actions
    found = sorted((a.regime, str(a.date), a.kind, a.designations) for a in actions)
    expected = [
        ("GB-RUS", "2023-05-19", "amend", ()),
        ("GB-RUS", "2024-02-22", "amend", ()),
        ("US-RUSHAR", "2023-05-19", "amend", ()),
    ]
    assert expected == found


@pytest.mark.parametrize("schema", _THINGS)
def test_a_sanction_on_any_thing_is_no_bad_line(schema: str) -> None:
    """A Sanction on any thing that is not a person or organisation is counted, not skipped."""
    summary = import_ftm(_stream(_thing("x", schema), _sanction("s", "x", "2022"))).summary
    assert ((), ((schema, 1),), 1) == (summary.issues, summary.not_designations, summary.regimes)


def test_a_sanction_on_a_missing_entity_is_still_skipped() -> None:
    """An entity the stream lacks is still a skipped line: nothing tells what it is."""
    summary = import_ftm(_stream(_sanction("s", "nowhere", "2022"))).summary
    expected = ["line 1 [s]: entity 'nowhere' is not in the stream (skipped)"]
    assert expected == [str(issue) for issue in summary.issues]


def test_the_command_line_writes_a_stream_with_vessels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import-ftm writes a stream with sanctions on vessels without --keep-going."""
    stream = tmp_path / "fleet.ftm.json"
    stream.write_text("\n".join(_FLEET) + "\n", encoding="utf-8")
    out = tmp_path / "fleet.json"
    status = main(["import-ftm", str(stream), str(out)])
    printed = capsys.readouterr().out
    written = (0, True)
    assert written == (status, out.exists())
    assert "were not imported as designations: Vessel 2, Airplane 1" in printed
