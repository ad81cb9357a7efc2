"""Excel workbooks: one sheet per table, with the headers and cells of the CSV files.

A workbook (``.xlsx``) holds the same tables as a folder of CSV files, one sheet each,
named as the files are (``documents``, ``signatures``, ...); a missing sheet is an empty
table, and every cell is read as text, so that dates keep their precision and Namibia's
``NA`` stays Namibia. Reading needs ``fastexcel`` and writing ``xlsxwriter``, polars'
engines: ``pip install 'sanctions-tracker[excel]'``.

>>> import tempfile
>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.tables import records_to_tables
>>> path = Path(tempfile.mkdtemp()) / "data.xlsx"
>>> write_workbook(records_to_tables(statements=[
...     JointStatement("s", "On Namibia", "2020-09", "NA", ["Namibia", "Japan"])]), path)
>>> frames = read_workbook(path)
>>> frames["documents"].select("date", "date_precision", "subject").rows()
[(datetime.date(2020, 9, 1), 'month', 'NA')]
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Final

import polars as pl

from sanctions_tracker.columns import TABLE_NAMES, TABLES
from sanctions_tracker.errors import DataFormatError, Problem, ValidationError
from sanctions_tracker.io._parties import with_names
from sanctions_tracker.io.tablefiles import (
    _check_list_items,
    _csv_frame,
    _saved_frames,
    conform,
    without_blank_rows,
)
from sanctions_tracker.tables import Tables

__all__ = [
    "SUFFIX",
    "is_ours",
    "read_workbook",
    "require_excel",
    "rows_as_lines",
    "sheet_file",
    "write_workbook",
]

SUFFIX: Final = ".xlsx"

_ENGINES: Final = {"read": "fastexcel", "write": "xlsxwriter"}


def require_excel(action: str, path: Path) -> None:
    """Raise a :class:`DataFormatError` saying how to install the engine ``action`` needs.

    >>> require_excel("read", Path("data.xlsx"))
    """
    engine = _ENGINES[action]
    if importlib.util.find_spec(engine) is None:
        raise DataFormatError(
            f"to {action} Excel workbooks, install the excel extra "
            f"(pip install 'sanctions-tracker[excel]', which brings {engine})",
            file=str(path),
        )


def read_workbook(path: Path) -> dict[str, pl.DataFrame]:
    """The typed tables of a workbook's sheets (a missing sheet is an empty table).

    Raises:
        DataFormatError: the file is not a workbook, or a sheet has an unknown name or
            lacks a required column.
        ValidationError: the bad cells, each named by sheet, line and column.
    """
    require_excel("read", path)
    try:
        sheets = pl.read_excel(path, sheet_id=0, infer_schema_length=0, raise_if_empty=False)
    except Exception as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise DataFormatError(f"not a readable Excel workbook: {first}", file=str(path)) from None
    unknown = [name for name in sheets if name not in TABLE_NAMES]
    if unknown:
        raise DataFormatError(
            f"unknown sheets {', '.join(unknown)}: the sheets are {', '.join(TABLE_NAMES)}",
            file=str(path),
        )
    frames: dict[str, pl.DataFrame] = {}
    problems: list[Problem] = []
    for name, sheet in sheets.items():
        raw = sheet.rename({c: str(c).strip() for c in sheet.columns}).select(
            pl.all().cast(pl.String).fill_null("")
        )
        raw = raw.with_columns(_typed_cells(name, raw.columns))
        raw, lines = without_blank_rows(raw, rows_as_lines(raw.height))
        try:
            frames[name] = conform(name, raw, sheet_file(path, name), lines)
        except ValidationError as err:
            problems.extend(err.problems)
    if problems:
        raise ValidationError(problems)
    return frames


# A cell that Excel holds as a date or a number reads as its value's text: a day as
# ``2020-09-17 00:00:00``, a whole number as ``3`` or ``3.0``.
_MIDNIGHT: Final = r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?$"
_WHOLE: Final = r"^(-?\d+)\.0+$"


def _typed_cells(table: str, columns: list[str]) -> list[pl.Expr]:
    """The sheet's date and number cells as the text a CSV cell would hold.

    A time of day other than midnight is left for the date check to report.

    >>> frame = pl.DataFrame({"signed_on": ["2020-09-17 00:00:00", "2020"],
    ...                       "position": ["3.0", "4"]})
    >>> frame.with_columns(_typed_cells("signatures", frame.columns)).rows()
    [('2020-09-17', '3'), ('2020', '4')]
    """
    present = set(columns)
    exprs: list[pl.Expr] = []
    for column in TABLES[table].columns:
        if column.name not in present:
            continue
        if column.kind in ("day", "partial date"):
            exprs.append(pl.col(column.name).str.replace(_MIDNIGHT, "${1}"))
        elif column.kind == "integer":
            exprs.append(pl.col(column.name).str.replace(_WHOLE, "${1}"))
    return exprs


def sheet_file(path: Path, sheet: str) -> str:
    """How a problem names a sheet: ``data.xlsx, sheet signatures``."""
    return f"{path.name}, sheet {sheet}"


def rows_as_lines(height: int) -> pl.Series:
    """The spreadsheet row of each data row: 2, 3, ... (row 1 is the header)."""
    return pl.Series("line", range(2, height + 2), dtype=pl.Int64)


def is_ours(path: Path) -> bool:
    """True when ``path`` is a workbook whose sheets are all tables (so it may be replaced)."""
    try:
        import fastexcel

        names = fastexcel.read_excel(str(path)).sheet_names
    except Exception:
        return False
    return all(name in TABLE_NAMES for name in names)


def write_workbook(tables: Tables, path: Path) -> None:
    """Write every table as a sheet of the workbook ``path`` (not atomically).

    Raises:
        DataFormatError: the ``excel`` extra is missing, or a list item cannot be
            written to a cell exactly.
    """
    require_excel("write", path)
    import xlsxwriter  # type: ignore[import-untyped]  # xlsxwriter ships no type hints

    with xlsxwriter.Workbook(str(path)) as workbook:
        bloc_names = dict(tables.blocs.select("bloc", "name").iter_rows())
        for table, frame in _saved_frames(tables).items():
            _check_list_items(table, frame)
            cells = with_names(table, _csv_frame(table, frame), bloc_names)
            cells.write_excel(workbook, worksheet=table, autofit=True)
