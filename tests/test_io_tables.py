"""Folders of CSV and Parquet tables: exact round trips, spreadsheet cells, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from strategies import dataset_settings, datasets

from sanctions_tracker import Bloc, Country, DataFormatError, Dataset, Membership, ValidationError
from sanctions_tracker.records import JointStatement, SanctionsRegime


@dataset_settings()
@given(ds=datasets(complete=True))
def test_csv_round_trip_is_exact(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A dataset saved as a CSV folder loads back equal to itself."""
    folder = tmp_path_factory.mktemp("csv") / "tables"
    ds.save(folder, format="csv")
    assert ds == Dataset.load(folder)


@dataset_settings()
@given(ds=datasets(complete=True))
def test_parquet_round_trip_is_exact(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A dataset saved as a Parquet folder loads back equal to itself."""
    folder = tmp_path_factory.mktemp("parquet") / "tables"
    ds.save(folder, format="parquet")
    assert ds == Dataset.load(folder)


def _write(folder: Path, **files: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_namibia_survives_csv(tmp_path: Path) -> None:
    """Namibia's code NA is read as Namibia, not as a missing value."""
    ds = Dataset(statements=[JointStatement("s", "S", "2020", "NA", ["NA", "JP"])])
    ds.save(tmp_path / "t", format="csv")
    loaded = Dataset.load(tmp_path / "t").statements[0]
    expected = (Country("NA"), (Country("NA"), Country("JP")))
    assert expected == (loaded.subject, loaded.signatories)


def test_only_user_blocs_are_saved(tmp_path: Path) -> None:
    """The built-in blocs are not written; they are added again on load."""
    Dataset().save(tmp_path / "t", format="csv")
    expected = "bloc,name,source,note\n"
    assert expected == (tmp_path / "t" / "blocs.csv").read_text()


def test_csv_dates_keep_precision_in_their_text(tmp_path: Path) -> None:
    """A date cell "2020-09" means the month of September 2020."""
    folder = _write(tmp_path / "t", documents="document_id,kind,date\ns,statement,2020-09\n")
    expected = "2020-09"
    assert expected == str(Dataset.load(folder).statements[0].date)


def test_bad_cell_names_file_line_and_column(tmp_path: Path) -> None:
    """A bad date in a CSV row is reported with the file, its line and the column."""
    folder = _write(
        tmp_path / "t",
        documents="document_id,kind,date\na,statement,2020\nb,statement,2020-13-01\n",
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = [("documents.csv", 3, "date", "documents.csv, line 3, column 'date'")]
    assert expected == [(p.file, p.line, p.column, p.where) for p in caught.value.problems]


def test_lines_count_cells_that_span_lines(tmp_path: Path) -> None:
    """A row after a multi-line list cell is reported on the line where it starts."""
    folder = _write(
        tmp_path / "t",
        documents=(
            'document_id,kind,date,sources\na,statement,2020,"one\ntwo"\nb,statement,20x0,\n'
        ),
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = [("documents.csv", 4, 2, "documents.csv, line 4, column 'date'")]
    assert expected == [(p.file, p.line, p.row, p.where) for p in caught.value.problems]


def test_every_bad_cell_of_every_file_is_reported(tmp_path: Path) -> None:
    """Problems in several files come together in one error."""
    folder = _write(
        tmp_path / "t",
        documents="document_id,kind,date\na,memo,2020\n",
        signatures="document_id,party\na,Atlantis\n",
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = [
        "documents.csv, line 2, column 'kind'",
        "signatures.csv, line 2, column 'party'",
    ]
    assert expected == [p.where for p in caught.value.problems]


def test_validation_problems_name_the_csv_line(tmp_path: Path) -> None:
    """A dataset-level problem (a duplicate id) names the file and line of the row."""
    folder = _write(
        tmp_path / "t", documents="document_id,kind,date\na,statement,2020\na,letter,2021\n"
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    (problem,) = caught.value.problems
    expected = (
        "letters['a'] (documents.csv, line 3): duplicate document id 'a' (first given on line 2)"
    )
    assert expected == str(problem)
    assert "row" not in str(problem)


def test_country_names_in_cells_resolve(tmp_path: Path) -> None:
    """Country cells may hold names; signatures need only a document and a party."""
    folder = _write(
        tmp_path / "t",
        documents="document_id,kind,date,subject\ns,statement,2020-10-26,Belarus\n",
        signatures="document_id,party\ns,Czech Republic\ns,Japan\n",
    )
    expected = Dataset(statements=[JointStatement("s", "", "2020-10-26", "BY", ["CZ", "JP"])])
    assert expected == Dataset.load(folder)


def test_list_cells_hold_one_item_per_line(tmp_path: Path) -> None:
    """Measures and sources are written one per line of their cell."""
    regime = SanctionsRegime(
        "X", "X", "EU", "BY", measures=["travel ban", "asset freeze"], sources=["a", "b"]
    )
    Dataset(regimes=[regime]).save(tmp_path / "t", format="csv")
    text = (tmp_path / "t" / "regimes.csv").read_text()
    assert '"asset freeze\ntravel ban"' in text


def test_missing_required_column_is_a_format_error(tmp_path: Path) -> None:
    """A table without a required column names the file and the column."""
    folder = _write(tmp_path / "t", documents="document_id,date\ns,2020\n")
    with pytest.raises(DataFormatError, match=r"documents\.csv: the required columns kind"):
        Dataset.load(folder)


def test_unknown_table_file_is_refused(tmp_path: Path) -> None:
    """A misnamed table file is reported, not silently ignored."""
    folder = _write(tmp_path / "t", signature="document_id,party\n")
    with pytest.raises(DataFormatError, match=r"unknown table files signature\.csv"):
        Dataset.load(folder)


def test_folder_with_other_files_is_not_overwritten(tmp_path: Path) -> None:
    """Saving tables into a folder that holds other files is refused, and it is left as it was."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_text("years of work")
    with pytest.raises(DataFormatError, match="not tables"):
        Dataset().save(folder, format="csv")
    expected = ["thesis.docx"]
    assert expected == [p.name for p in folder.iterdir()]


def test_existing_table_folder_keeps_its_format(tmp_path: Path) -> None:
    """Saving to an existing folder of Parquet tables without a format writes Parquet."""
    folder = tmp_path / "t"
    Dataset().save(folder, format="parquet")
    Dataset(statements=[JointStatement("s", "S", "2020")]).save(folder)
    expected = ["s"]
    assert expected == [d.id for d in Dataset.load(folder).statements]


def test_new_folder_needs_a_format(tmp_path: Path) -> None:
    """A path that says nothing about its format asks for one."""
    with pytest.raises(DataFormatError, match="give format="):
        Dataset().save(tmp_path / "new")


def test_mixed_formats_are_refused(tmp_path: Path) -> None:
    """A folder with both CSV and Parquet tables is ambiguous."""
    folder = tmp_path / "t"
    Dataset().save(folder, format="parquet")
    (folder / "documents.csv").write_text("document_id,kind,date\n")
    with pytest.raises(DataFormatError, match="both CSV and Parquet"):
        Dataset.load(folder)


def test_a_bloc_note_is_saved_and_an_older_folder_without_one_loads(tmp_path: Path) -> None:
    """blocs.csv has a note column; a folder written before it existed loads with none."""
    nordic = Bloc("NORDIC", "Nordic Council", [Membership("DK", "1952-01-01")], note="a caveat")
    ds = Dataset(blocs=[nordic])
    ds.save(tmp_path / "new", format="csv")
    assert Dataset.load(tmp_path / "new").blocs[0].note == "a caveat"
    folder = _write(tmp_path / "old", blocs="bloc,name,source\nNORDIC,Nordic Council,\n")
    assert Dataset.load(folder).blocs[0].note == ""


def test_a_missing_party_is_reported_once_with_words(tmp_path: Path) -> None:
    """A signature with an empty party says so once, and no problem reads 'None'."""
    folder = _write(
        tmp_path / "t",
        documents="document_id,kind,date\ns,statement,2020\n",
        signatures="document_id,party\ns,France\ns,\n",
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = ["statements['s'].signatures[1] (signatures.csv, line 3): party is missing"]
    assert expected == [str(p) for p in caught.value.problems]


def test_rows_of_empty_cells_are_no_records(tmp_path: Path) -> None:
    """Rows whose every cell is empty (';;;' as Excel saves a formatted range) are skipped."""
    folder = _write(
        tmp_path / "t",
        documents="document_id;kind;date\r\n;;\r\ns;statement;2020\r\n;;\r\n;;\r\n",
        signatures="document_id;party\r\ns;France\r\n ; \r\ns;Japan\r\n;\r\n",
    )
    expected = Dataset(statements=[JointStatement("s", "", "2020", None, ["FR", "JP"])])
    assert expected == Dataset.load(folder)


def test_lines_count_the_rows_of_empty_cells(tmp_path: Path) -> None:
    """A problem after skipped empty rows names the row's own line."""
    folder = _write(
        tmp_path / "t",
        documents="document_id;kind;date\r\n;;\r\ns;statement;2020\r\ns;letter;2021\r\n",
    )
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = ["letters['s'] (documents.csv, line 4)"]
    assert expected == [p.where for p in caught.value.problems]


def test_a_folder_of_other_table_files_names_them(tmp_path: Path) -> None:
    """A folder of tables saved as .tsv, .txt or .xlsx says which files it found and what to do."""
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "documents.tsv").write_text("document_id\tkind\tdate\ns\tstatement\t2020\n")
    (folder / "data.xlsx").write_bytes(b"")
    with pytest.raises(DataFormatError, match=r"it holds data.xlsx, documents.tsv: name a "):
        Dataset.load(folder)
