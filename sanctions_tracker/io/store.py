"""Loading and saving a dataset's tables: the format from the path, and safe writes.

:func:`load_tables` reads a ``.json`` document or a folder of CSV or Parquet tables
and checks them (:func:`~sanctions_tracker.checked.checked_tables`), giving each
problem of a table row the file and line of that row; ``Dataset.load`` wraps the
tables it returns. :func:`save_tables` writes atomically
and refuses to replace what is not ours.

>>> import tempfile
>>> from sanctions_tracker.tables import records_to_tables
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "notes.json").write_text('{"mine": true}')
>>> save_tables(records_to_tables(), folder / "notes.json")
Traceback (most recent call last):
...
sanctions_tracker.errors.DataFormatError: .../notes.json: refusing to overwrite: not a ...
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal

import attrs
import polars as pl

from sanctions_tracker.checked import checked_tables
from sanctions_tracker.errors import DataFormatError, Problem, ValidationError
from sanctions_tracker.io import workbook
from sanctions_tracker.io._atomic import write_file_atomically, write_folder_atomically
from sanctions_tracker.io.jsonfile import FORMAT_ID, is_ours, read_json, write_json
from sanctions_tracker.io.tablefiles import (
    TABLE_FORMATS,
    folder_format,
    read_tables_with_lines,
    table_files,
    write_tables,
)
from sanctions_tracker.tables import Tables, builtin_bloc_tables

__all__ = ["FORMATS", "Format", "load_tables", "save_tables"]

Format = Literal["json", "csv", "parquet", "xlsx"]
FORMATS: Final[tuple[Format, ...]] = ("json", *TABLE_FORMATS, "xlsx")


def _file_lines(
    problem: Problem, where: Mapping[str, tuple[str, pl.Series | None]], offsets: Mapping[str, int]
) -> Problem:
    """A problem of a table row as one of its file: the file, and the line of the row.

    A CSV file gives each row's line (cells may span lines); a Parquet file has rows.
    The built-in blocs come before a file's own rows, and are not in the file.
    """
    if problem.table is None or problem.table not in where or problem.row is None:
        return problem
    file, lines = where[problem.table]
    offset = offsets.get(problem.table, 0)
    row = problem.row - offset
    if row < 1:
        return problem

    def line(row: int | None) -> int | None:
        if row is None or lines is None or not 1 <= row <= lines.len():
            return None
        return int(lines[row - 1])

    # A duplicate of a built-in bloc was first given by the package, not by the file.
    first_row = None if problem.first_row is None else problem.first_row - offset
    if first_row is not None and first_row < 1:
        first_row = None
    return attrs.evolve(
        problem, file=file, row=row, line=line(row), first_row=first_row, first_line=line(first_row)
    )


def _builtin_rows() -> dict[str, int]:
    """How many rows of the blocs tables the package adds before a file's own."""
    return {
        name: frame.height
        for name, frame in zip(("blocs", "memberships"), builtin_bloc_tables(), strict=True)
    }


def _other_tables(folder: Path) -> str:
    """What to do with the folder's files that look like tables under another name.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "documents.txt").write_text("document_id,kind,date\\n")
    >>> _other_tables(folder)  # doctest: +ELLIPSIS
    '; it holds documents.txt: name a table file <table>.csv (commas, ...'
    """
    found = sorted(
        p.name for p in folder.iterdir() if p.suffix.lower() in (".tsv", ".txt", ".xlsx", ".xls")
    )
    if not found:
        return ""
    return (
        f"; it holds {', '.join(found)}: name a table file <table>.csv (commas, semicolons or "
        "tabs are read), or give a workbook .xlsx itself as the path"
    )


def load_tables(path: Path, *, encoding: str | None = None) -> Tables:
    """Read a JSON document or a folder of tables, and check them as a dataset's.

    Args:
        path: a ``.json`` file, or a folder of ``.csv`` or ``.parquet`` tables.
        encoding: the encoding of CSV files (default: UTF-8, or a byte order mark's).

    Raises:
        DataFormatError: the path is missing or holds no readable data.
        ValidationError: every problem, each named by its place in the file.

    >>> load_tables(Path("no/such/place.json"))
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: no/such/place.json: no such file or folder
    """
    if path.is_dir():
        frames, where = read_tables_with_lines(path, encoding=encoding)
        if folder_format(path) is None:
            raise DataFormatError(
                "the folder holds no tables: expected documents.csv, signatures.csv, ... "
                f"(or the same names ending in .parquet){_other_tables(path)}",
                file=str(path),
            )
        offsets = _builtin_rows()
        try:
            return checked_tables(frames, row_numbers=True)
        except ValidationError as err:
            raise ValidationError(_file_lines(p, where, offsets) for p in err.problems) from None
    if path.is_file() and path.suffix.lower() == workbook.SUFFIX:
        frames = workbook.read_workbook(path)
        where = {
            name: (workbook.sheet_file(path, name), workbook.rows_as_lines(frame.height))
            for name, frame in frames.items()
        }
        try:
            return checked_tables(frames, row_numbers=True)
        except ValidationError as err:
            raise ValidationError(
                _file_lines(p, where, _builtin_rows()) for p in err.problems
            ) from None
    if path.is_file():
        if path.suffix in (".csv", ".parquet"):
            raise DataFormatError(
                f"one {path.suffix[1:]} table is read as part of its folder: load the folder "
                f"{str(path.parent)!r}",
                file=str(path),
            )
        tables = read_json(path, encoding=encoding)
        return checked_tables(tables, row_numbers=False)
    raise DataFormatError("no such file or folder", file=str(path))


def _format(path: Path, format: str | None) -> Format:
    if format is not None:
        for known in FORMATS:
            if format.lower() == known:
                return known
        raise DataFormatError(f"unknown format {format!r}: write json, csv, parquet or xlsx")
    if path.suffix.lower() == ".json":
        return "json"
    if path.suffix.lower() == workbook.SUFFIX:
        return "xlsx"
    if path.is_dir():
        found = folder_format(path)
        if found is not None:
            return found
    raise DataFormatError(
        "cannot tell the format from the path: give format='json', 'csv' or 'parquet' "
        "(a path ending in .json is JSON; an existing folder of tables keeps its format)",
        file=str(path),
    )


def save_tables(tables: Tables, path: Path, format: str | None = None) -> None:
    """Write the tables to ``path`` atomically, as JSON or as a folder of tables.

    A JSON file is replaced only when it is one of ours (``"format": "sanctions-tracker"``);
    a folder only when it holds nothing but table files. Until the write has finished
    the previous file or folder stays as it was.

    Raises:
        DataFormatError: the format cannot be told, or the path holds something
            that is not ours (the message says how to proceed).
    """
    fmt = _format(path, format)
    if not path.parent.is_dir():
        raise DataFormatError(f"the folder {str(path.parent)!r} does not exist", file=str(path))
    if fmt == "json":
        if path.is_dir():
            raise DataFormatError(
                "refusing to overwrite: it is a folder; give a path ending in .json, "
                "or format='csv' or 'parquet' to save tables into the folder",
                file=str(path),
            )
        if path.exists() and not is_ours(path):
            raise DataFormatError(
                f'refusing to overwrite: not a sanctions-tracker document (no "format": '
                f'"{FORMAT_ID}"); move it away or save to another path',
                file=str(path),
            )
        write_file_atomically(path, lambda temporary: write_json(tables, temporary))
        return
    if fmt == "xlsx":
        if path.exists() and not workbook.is_ours(path):
            raise DataFormatError(
                "refusing to overwrite: not a workbook of our tables; move it away or save "
                "to another path",
                file=str(path),
            )
        workbook.require_excel("write", path)
        write_file_atomically(path, lambda temporary: workbook.write_workbook(tables, temporary))
        return
    if path.exists() and not path.is_dir():
        raise DataFormatError(
            "refusing to overwrite: it is a file, and tables are saved as a folder; "
            "save to another path",
            file=str(path),
        )
    if path.is_dir():
        others = table_files(path)["other"]
        if others:
            shown = ", ".join(p.name for p in others[:5]) + (", ..." if len(others) > 5 else "")
            raise DataFormatError(
                f"refusing to overwrite: the folder holds files that are not tables ({shown}); "
                "move them away or save to a new folder",
                file=str(path),
            )
    write_folder_atomically(path, lambda temporary: write_tables(tables, temporary, fmt))
