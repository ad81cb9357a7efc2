"""The JSON document format: exact round trips, versions, and every problem with its path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from strategies import dataset_settings, datasets

from sanctions_tracker import Country, DataFormatError, Dataset, ValidationError
from sanctions_tracker.io import FORMAT_ID, FORMAT_VERSION, dumps, loads
from sanctions_tracker.records import MEASURES, VOTES, JointStatement, Letter, Signature


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


def test_misspelt_section_names_the_right_one() -> None:
    """A misspelt section is refused, and the problem names the section meant."""
    text = _document(statments=[{"id": "a", "issued_on": "2020"}])
    with pytest.raises(
        ValidationError, match=r"unknown keys 'statments' \(did you mean 'statements'\?\)"
    ):
        loads(text)


def test_misspelt_key_of_a_record_names_the_right_one() -> None:
    """A misspelt key inside a record is refused at the record's path, with the key meant."""
    signature = {"party": "JP", "signed_onn": "2020"}
    text = _document(statements=[{"id": "a", "issued_on": "2020", "signatures": [signature]}])
    with pytest.raises(ValidationError) as caught:
        loads(text)
    (problem,) = caught.value.problems
    expected = ("statements[0].signatures[0]", True)
    assert expected == (problem.path, "(did you mean 'signed_on'?)" in problem.message)


def test_every_kind_of_bad_value_keeps_its_path_and_message() -> None:
    """Each kind of bad value is reported where it is, as the first release reported it."""
    doc = {
        "format": "sanctions-tracker",
        "version": 1,
        "statements": [
            {
                "id": "a",
                "issued_on": 2020,
                "sources": ["x", 3],
                "signatures": [
                    {"party": "JP", "vote": ["for"]},
                    {"party": {"bloc": "XX"}},
                    {"party": "QA", "signed_on": "2020-02", "withdrawn_on": "2020-01"},
                    {"person": "Ana", "nationality": "Atlantis"},
                    {"party": {"organization": "O", "id": 5}},
                    7,
                ],
                "subject": 12,
                "forum": False,
            },
            {"title": "no id", "issued_on": "2020-01", "signatures": "JP"},
        ],
        "letters": [
            {
                "id": "l",
                "published_on": "2020",
                "reported_count": -1,
                "anonymous": "yes",
                "count_qualifier": "roughly",
            }
        ],
        "regimes": [
            {"id": "R", "authority": {"person": "P"}, "measures": ["shaming"]},
            {"id": "S", "authority": "EU", "measures": 4},
        ],
        "actions": [
            {
                "regime": "R",
                "date": "2020",
                "kind": "amend",
                "designations": "d",
                "designation_count": "2",
            }
        ],
        "designations": [
            {"id": "d", "regime": "R", "target": "somebody"},
            {
                "id": "e",
                "regime": "R",
                "target": {"organization": "O", "country": "Atlantis", "extra": 1},
            },
        ],
        "alignments": [{"country": "UA", "regime": "R", "aligned_on": "2020-13"}],
        "blocs": [
            {
                "code": "NB8",
                "name": "N",
                "memberships": [{"country": "EE", "joined": "1992-13-01"}, {"country": "NO"}],
            },
            {"code": "B2"},
            5,
        ],
    }
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(doc))
    expected = [
        "actions[0].designation_count: expected a whole number, found text",
        (
            "alignments[0].aligned_on: '2020-13' is not a date: month 13 is not between 1 and 12;"
            " write YYYY, YYYY-MM or YYYY-MM-DD"
        ),
        (
            "blocs[0].memberships[0]: '1992-13-01' is not a date: month 13 is not between 1 and 12;"
            " write YYYY-MM-DD"
        ),
        "blocs[0].memberships[1].joined: is missing",
        "blocs[1].name: is missing",
        "blocs[2]: expected an object {...}, found a number",
        (
            'designations[0].target: expected {"person": name, ...} or {"organization": name, ...},'
            " found text"
        ),
        "designations[1].target.country: unknown country 'Atlantis' (did you mean Albania?)",
        (
            "designations[1].target: unknown keys 'extra': the keys are organization, country,"
            " identifiers, id"
        ),
        "letters[0].anonymous: expected true or false, found text",
        (
            "letters[0].count_qualifier: unknown count qualifier 'roughly': write one of exact, at"
            " least, more than, about"
        ),
        "letters[0].reported_count: must not be negative, found -1",
        (
            "regimes[0].authority: a regime's authority is a country, a bloc or the UN Security"
            " Council ('UNSC')"
        ),
        "regimes[0].measures: unknown measure 'shaming': write one of " + ", ".join(MEASURES),
        "regimes[1].measures: expected text, found a number",
        "statements[0].forum: expected text, found true or false",
        f"statements[0].signatures[0].vote: a vote is one word of {', '.join(VOTES)}, not ['for']",
        (
            "statements[0].signatures[1].party.bloc: unknown bloc 'XX': the built-in blocs are EEA,"
            " EFTA, EU, G7, NATO, UN"
        ),
        (
            "statements[0].signatures[2]: withdrawn_on 2020-01 is before signed_on 2020-02: a"
            " signature is withdrawn after it is made"
        ),
        (
            "statements[0].signatures[3].nationality: unknown country 'Atlantis' (did you mean"
            " Albania?)"
        ),
        "statements[0].signatures[4].party.id: expected text, found a number",
        "statements[0].signatures[5]: expected a country or bloc, or an object, found a number",
        "statements[0].sources[1]: expected text, found a number",
        "statements[0].subject: expected a country code or name, found a number",
        "statements[1].id: is missing",
        "statements[1].signatures: expected a list [...], found text",
    ]
    assert expected == sorted(map(str, caught.value.problems))


def test_a_section_that_is_not_a_list_is_a_problem() -> None:
    """A section given as text or an object is reported by its name, not read item by item."""
    with pytest.raises(ValidationError) as caught:
        loads(_document(actions="x", statements={"a": 1}))
    expected = [
        "statements: expected a list [...], found an object",
        "actions: expected a list [...], found text",
    ]
    assert expected == [str(p) for p in caught.value.problems]
