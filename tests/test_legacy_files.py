"""Files written by release 0.1.0 (under tests/data/legacy/) still load, with the same content."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade import handmade

from sanctions_tracker import Dataset
from sanctions_tracker.records import JointStatement, Letter

LEGACY = Path(__file__).parent / "data" / "legacy"


@pytest.mark.parametrize(
    "name", ["handmade-v0.1.0.json", "handmade-v0.1.0-csv", "handmade-v0.1.0-parquet"]
)
def test_handmade_file_of_the_first_release_loads(name: str) -> None:
    """A 0.1.0 file with letters, alignments, designations, notes and partial dates loads."""
    assert handmade() == Dataset.load(LEGACY / name)


def test_handmade_file_keeps_partial_dates_and_parties() -> None:
    """The loaded records carry the precisions and the kinds of party that were written."""
    ds = Dataset.load(LEGACY / "handmade-v0.1.0.json")
    letter = ds.document("le-1")
    assert isinstance(letter, Letter)
    expected = ("2020-12", "2021-01", ["Person", "Organization", "Person"], "NA")
    assert expected == (
        str(letter.published_on),
        str(letter.count_as_of),
        [type(p).__name__ for p in letter.signatories],
        getattr(letter.signatories[1], "country").code,  # noqa: B009  # Organization here
    )


def test_belarus_2020_of_the_first_release_loads() -> None:
    """The built-in dataset as 0.1.0 saved it loads alike from JSON and CSV, whole."""
    from_json = Dataset.load(LEGACY / "belarus_2020-v0.1.0.json")
    from_csv = Dataset.load(LEGACY / "belarus_2020-v0.1.0-csv")
    expected = (3, 82, 8, 13, 0, 8)
    t = from_json.tables
    assert expected == (
        t.documents.height,
        t.signatures.height,
        t.regimes.height,
        t.actions.height,
        t.designations.height,
        t.alignments.height,
    )
    assert from_csv == from_json


def test_minimal_file_of_the_first_release_loads() -> None:
    """The smallest 0.1.0 document loads as the one statement it holds."""
    expected = Dataset(
        statements=[
            JointStatement(id="only", title="Only one", issued_on="2020-01-01", signatures=["FR"])
        ]
    )
    assert expected == Dataset.load(LEGACY / "minimal-v0.1.0.json")
