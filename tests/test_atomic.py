"""Saving is atomic: a failure while writing leaves the previous file or folder as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_tracker import DataFormatError, Dataset
from sanctions_tracker.io import store, tablefiles
from sanctions_tracker.io._atomic import write_file_atomically, write_folder_atomically
from sanctions_tracker.records import JointStatement
from sanctions_tracker.tables import Tables

OLD = Dataset(statements=[JointStatement("old", "Old", "2020")])
NEW = Dataset(statements=[JointStatement("new", "New", "2021")])


def _half_json(tables: Tables, path: Path) -> None:
    path.write_text('{"format": "sanctions-tracker", "version": 1, "statem')
    raise OSError("disk full")


def _half_tables(tables: Tables, folder: Path, format: str) -> None:
    (folder / "documents.csv").write_text("document_id,kind,date\n")
    raise OSError("disk full")


def test_failed_json_save_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that fails halfway leaves the previous document in place."""
    path = tmp_path / "data.json"
    OLD.save(path)
    before = path.read_bytes()
    monkeypatch.setattr(store, "write_json", _half_json)
    with pytest.raises(OSError, match="disk full"):
        NEW.save(path)
    assert before == path.read_bytes()


def test_failed_json_save_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The half-written temporary file is removed."""
    OLD.save(tmp_path / "data.json")
    monkeypatch.setattr(store, "write_json", _half_json)
    with pytest.raises(OSError, match="disk full"):
        NEW.save(tmp_path / "data.json")
    expected = ["data.json"]
    assert expected == [p.name for p in tmp_path.iterdir()]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_failed_folder_save_leaves_old_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """A folder save that fails halfway leaves the previous tables, and no temporary folder."""
    folder = tmp_path / "tables"
    OLD.save(folder, format=fmt)
    monkeypatch.setattr(store, "write_tables", _half_tables)
    with pytest.raises(OSError, match="disk full"):
        NEW.save(folder, format=fmt)
    expected = (OLD, ["tables"])
    assert expected == (Dataset.load(folder), [p.name for p in tmp_path.iterdir()])


def test_failure_in_the_middle_of_a_table_leaves_old_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after some tables are written (inside the real writer) changes nothing."""
    folder = tmp_path / "tables"
    OLD.save(folder, format="csv")
    real = tablefiles._csv_frame
    calls: list[str] = []

    def failing(table: str, frame: object) -> object:
        calls.append(table)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(table, frame)  # type: ignore[arg-type]  # the frame passes through unchanged

    monkeypatch.setattr(tablefiles, "_csv_frame", failing)
    with pytest.raises(OSError, match="disk full"):
        NEW.save(folder, format="csv")
    expected = OLD
    assert expected == Dataset.load(folder)


def test_successful_save_replaces_old_content(tmp_path: Path) -> None:
    """Saving over our own file replaces it."""
    path = tmp_path / "data.json"
    OLD.save(path)
    NEW.save(path)
    expected = NEW
    assert expected == Dataset.load(path)


def test_json_file_not_ours_is_not_overwritten(tmp_path: Path) -> None:
    """A JSON file without our format id is refused, with a way forward, and kept."""
    path = tmp_path / "package.json"
    path.write_text('{"name": "left-pad"}')
    with pytest.raises(DataFormatError, match=r"refusing to overwrite.*move it away"):
        NEW.save(path)
    expected = '{"name": "left-pad"}'
    assert expected == path.read_text()


def test_a_missing_folder_is_named_as_the_users_path(tmp_path: Path) -> None:
    """A save into a folder that does not exist names the user's file, not the temporary one."""
    target = tmp_path / "missing" / "answer.csv"
    with pytest.raises(FileNotFoundError) as caught:
        write_file_atomically(target, lambda path: path.write_text("x"))
    with pytest.raises(FileNotFoundError) as in_folder:
        write_folder_atomically(target, lambda folder: (folder / "a.csv").write_text("x"))
    expected = (str(target), str(target))
    assert expected == (caught.value.filename, in_folder.value.filename)
