"""The ``programmes`` command: the OpenSanctions programme registry on the command line."""

from __future__ import annotations

import json

import pytest

from sanctions_tracker.cli import main


def test_programmes_filters_by_target_and_authority(capsys: pytest.CaptureFixture[str]) -> None:
    """--target and --authority give the EU's programmes against Russia, one a line."""
    status = main(["programmes", "--target", "RU", "--authority", "EU", "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert [line.split(",")[0] for line in lines[1:]] == ["EU-MARE", "EU-RUS", "EU-RUSDA", "EU-UKR"]


def test_programmes_json_keeps_lists(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives each programme's targets as a list of codes."""
    main(["programmes", "--target", "ua-cri", "--authority", "US", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert [(r["key"], r["targets"]) for r in rows] == [
        ("US-UKRRUS-REL", ["RU", "UA-43", "UA-14", "UA-09"])
    ]


def test_programmes_table_is_short(capsys: pytest.CaptureFixture[str]) -> None:
    """The plain table shows key, authority, targets, status and title."""
    main(["programmes", "--target", "BY", "--authority", "GB"])
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header == ["key", "authority", "targets", "status", "title"]


def test_programmes_by_organisation(capsys: pytest.CaptureFixture[str]) -> None:
    """An organisation authority is named by its acronym."""
    main(["programmes", "--authority", "UNSC", "--target", "KP", "--format", "csv"])
    assert capsys.readouterr().out.splitlines()[1].startswith("UN-SC1718,")


def test_programmes_unknown_target_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown target exits 2 with one line on standard error."""
    status = main(["programmes", "--target", "Atlantis"])
    err = capsys.readouterr().err
    assert (status, len(err.splitlines())) == (2, 1)
    assert "unknown country 'Atlantis'" in err
