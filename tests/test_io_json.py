"""The JSON document format: exact round trips, versions, and every problem with its path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from strategies import dataset_settings, datasets

from sanctions_tracker import Country, DataFormatError, Dataset, ValidationError
from sanctions_tracker.io import FORMAT_ID, FORMAT_VERSION, dumps, loads
from sanctions_tracker.records import JointStatement, Letter, Signature


def _document(**sections: object) -> str:
    return json.dumps({"format": FORMAT_ID, "version": FORMAT_VERSION, **sections})


@dataset_settings()
@given(datasets())
def test_json_round_trip_is_exact(ds: Dataset) -> None:
    """A dataset saved as JSON loads back equal to itself."""
    assert ds == Dataset.from_tables(loads(dumps(ds.tables)))


@dataset_settings()
@given(ds=datasets(complete=True))
def test_json_file_round_trip_is_exact(
    ds: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Dataset.save to a .json path and Dataset.load give back an equal dataset."""
    path = tmp_path_factory.mktemp("json") / "dataset.json"
    ds.save(path)
    assert ds == Dataset.load(path)


def test_partial_dates_keep_their_precision(tmp_path: Path) -> None:
    """Dates are written as the author gave them: year, month or day."""
    ds = Dataset(letters=[Letter("l", "Letter", "2020", count_as_of="2020-12")])
    ds.save(tmp_path / "d.json")
    letter = json.loads((tmp_path / "d.json").read_text())["letters"][0]
    expected = ("2020", "2020-12")
    assert expected == (letter["published_on"], letter["count_as_of"])


def test_newer_version_is_a_clear_error(tmp_path: Path) -> None:
    """A document of a newer version names that version and says to upgrade."""
    path = tmp_path / "new.json"
    path.write_text(json.dumps({"format": FORMAT_ID, "version": FORMAT_VERSION + 1}))
    with pytest.raises(DataFormatError) as caught:
        Dataset.load(path)
    message = str(caught.value)
    expected = (True, True)
    assert expected == (f"version {FORMAT_VERSION + 1}" in message, "upgrade" in message)


def test_document_without_format_id_is_refused_on_load(tmp_path: Path) -> None:
    """A JSON file that is not ours is not read as a dataset."""
    path = tmp_path / "other.json"
    path.write_text('{"statements": []}')
    with pytest.raises(DataFormatError, match='"format": "sanctions-tracker"'):
        Dataset.load(path)


def test_malformed_json_names_file_line_and_column(tmp_path: Path) -> None:
    """Broken JSON is reported with the file, line and column, not a json traceback."""
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "sanctions-tracker",\n  "version": 1\n  "statements": []\n}')
    with pytest.raises(DataFormatError) as caught:
        Dataset.load(path)
    assert (str(path), 4, True) == (
        caught.value.file,
        caught.value.line,
        "column 3" in str(caught.value),
    )


def test_every_problem_is_listed_with_its_path() -> None:
    """Unknown countries and bad values are all reported at once, each with its path."""
    text = _document(
        statements=[
            {"id": "a", "issued_on": "2020-09-17", "signatures": ["Japan", "Atlantis"]},
            {
                "id": "b",
                "issued_on": "2020-13",
                "signatures": [{"party": "Narnia", "signed_on": "2020-10-01"}],
            },
        ],
        alignments=[{"country": "Ukraine", "regime": "X"}],
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    paths = [p.path for p in caught.value.problems]
    expected = [
        "statements[0].signatures[1]",
        "statements[1].issued_on",
        "statements[1].signatures[0].party",
        "alignments[0].aligned_on",
    ]
    assert expected == paths


def test_unknown_country_message_names_the_value() -> None:
    """The problem for an unknown country quotes what was written."""
    text = _document(statements=[{"id": "a", "issued_on": "2020", "subject": "Atlantis"}])
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert "unknown country 'Atlantis'" in caught.value.problems[0].message


def test_unknown_keys_are_problems() -> None:
    """A misspelt key is reported, never silently ignored."""
    text = _document(statements=[{"id": "a", "issued_on": "2020", "signed": ["JP"]}])
    with pytest.raises(ValidationError, match="unknown keys 'signed'"):
        loads(text)


def test_hand_written_names_resolve() -> None:
    """Country and bloc names in a hand-written document become codes."""
    text = _document(
        statements=[
            {
                "id": "s",
                "title": "T",
                "issued_on": "2020-10-26",
                "subject": "Belarus",
                "signatures": ["Czech Republic", "European Union"],
            }
        ]
    )
    expected = Dataset(statements=[JointStatement("s", "T", "2020-10-26", "BY", ["CZ", "EU"])])
    assert expected == Dataset.from_tables(loads(text))


def test_signature_details_survive() -> None:
    """A signature's dates, vote, note and sources are kept."""
    signature = Signature(
        "QA", signed_on="2019-07", withdrawn_on="2019-08-21", vote="abstain", note="n", sources="s"
    )
    ds = Dataset(statements=[JointStatement("x", "X", "2019-07-08", signatures=[signature])])
    assert (signature,) == Dataset.from_tables(loads(dumps(ds.tables))).statements[0].signatures


def test_namibia_is_written_as_its_code() -> None:
    """Namibia's code NA is written and read as a country, not as a missing value."""
    ds = Dataset(statements=[JointStatement("x", "X", "2020", signatures=["Namibia"])])
    assert (Country("NA"),) == Dataset.from_tables(loads(dumps(ds.tables))).statements[
        0
    ].signatories
