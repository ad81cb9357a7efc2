"""Folders of tables: one CSV or Parquet file per table, read in bulk with polars.

A folder holds ``documents``, ``signatures``, ``regimes``, ``actions``,
``designations``, ``alignments``, ``blocs`` and ``memberships`` (``.csv`` or
``.parquet``); a missing file is an empty table. Only user-defined blocs are saved;
the built-in ones are added on load.

Parquet files keep the typed columns of :mod:`sanctions_tracker.tables`. CSV files are
for people and spreadsheets: a date is ISO text whose length is its precision
(``2020``, ``2020-09``, ``2020-09-17``), so there are no ``*_precision`` columns; a list
(sources, measures, demands, identifiers, designations) holds one item per line of its
cell; countries may be codes or names. Every cell is read as text first, so Namibia's
``NA`` stays Namibia. See ``docs/formats.md``.

>>> import tempfile
>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.tables import records_to_tables
>>> folder = Path(tempfile.mkdtemp())
>>> write_tables(records_to_tables(statements=[
...     JointStatement("s", "On Namibia", "2020-09", "NA", ["Namibia", "Japan"])]), folder, "csv")
>>> print((folder / "documents.csv").read_text().splitlines()[1])
s,statement,On Namibia,2020-09,NA,Namibia,,,,,,,,,false,,,
>>> frames = read_tables(folder)
>>> frames["signatures"].select("party", "country").rows()
[('NA', 'NA'), ('JP', 'JP')]
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final, Literal

import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.columns import TABLE_NAMES, TABLES, date_text, read_date_text
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.dates import date_problem
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    Problem,
    UnknownCountryError,
    ValidationError,
)
from sanctions_tracker.io._csvtext import read_csv_text
from sanctions_tracker.io._parties import PARTY_COLUMNS, bloc_parties, with_names
from sanctions_tracker.tables import Tables, schema

__all__ = [
    "TABLE_FORMATS",
    "TableFormat",
    "folder_format",
    "read_tables",
    "table_files",
    "write_tables",
]

TableFormat = Literal["csv", "parquet"]
TABLE_FORMATS: Final[tuple[TableFormat, ...]] = ("csv", "parquet")

_MAX_SHOWN: Final = 20


def csv_columns(table: str) -> list[str]:
    """The columns of a table's CSV file, in order.

    >>> csv_columns("alignments")
    ['country', 'regime_id', 'act', 'aligned_on', 'ended_on', 'note', 'sources']
    """
    return TABLES[table].headers()


# -- which files --------------------------------------------------------------------------


def table_files(folder: Path) -> dict[str, list[Path]]:
    """The files of a folder, sorted: ``"csv"`` and ``"parquet"`` tables, and ``"other"``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "documents.csv").write_text("document_id,kind,date\\n")
    >>> {kind: [p.name for p in paths] for kind, paths in table_files(folder).items()}
    {'csv': ['documents.csv'], 'parquet': [], 'other': []}
    """
    found: dict[str, list[Path]] = {"csv": [], "parquet": [], "other": []}
    for path in sorted(folder.iterdir()):
        kind = path.suffix.lstrip(".")
        if path.is_file() and kind in TABLE_FORMATS and path.stem in TABLE_NAMES:
            found[kind].append(path)
        else:
            found["other"].append(path)
    return found


def folder_format(folder: Path) -> TableFormat | None:
    """The format of the tables in a folder, or None when it holds none.

    Raises:
        DataFormatError: the folder mixes CSV and Parquet tables.

    >>> import tempfile
    >>> folder_format(Path(tempfile.mkdtemp())) is None
    True
    """
    files = table_files(folder)
    formats = [kind for kind in TABLE_FORMATS if files[kind]]
    if len(formats) > 1:
        raise DataFormatError(
            "the folder holds both CSV and Parquet tables: keep one format and move the "
            "other files away",
            file=str(folder),
        )
    return formats[0] if formats else None


# -- writing ------------------------------------------------------------------------------


def _saved_frames(tables: Tables) -> dict[str, pl.DataFrame]:
    """The frames to save: every table, with only the user-defined blocs."""
    frames = tables.as_dict()
    user_blocs = frames["blocs"].filter(~pl.col("builtin"))
    frames["blocs"] = user_blocs
    frames["memberships"] = frames["memberships"].filter(
        pl.col("bloc").is_in(user_blocs["bloc"].implode())
    )
    return frames


def _check_list_items(table: str, frame: pl.DataFrame) -> None:
    """Refuse list items that one-item-per-line cells cannot hold exactly."""
    for column, dtype in frame.schema.items():
        if not isinstance(dtype, pl.List):
            continue
        items = (
            frame.select(pl.col(column).alias("_item"))
            .with_row_index("_row", offset=2)
            .explode("_item")
            .filter(
                pl.col("_item").is_not_null()
                & (
                    (pl.col("_item").str.strip_chars() != pl.col("_item"))
                    | (pl.col("_item") == "")
                    | pl.col("_item").str.contains("[\r\n]")
                )
            )
        )
        if items.height:
            row, item = items.row(0)
            raise DataFormatError(
                f"the list item {item!r} cannot be written to a CSV cell (one item per line: "
                "items are not empty, have no line breaks and no surrounding spaces); "
                "save as JSON or Parquet instead",
                file=f"{table}.csv",
                line=row,
                column=column,
            )


def _csv_frame(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    dated = TABLES[table].partial_dates()
    columns: list[pl.Expr] = []
    for column in csv_columns(table):
        dtype = frame.schema[column]
        if column in dated:
            columns.append(date_text(column))
        elif isinstance(dtype, pl.List):
            columns.append(pl.col(column).list.join("\n").alias(column))
        elif dtype == pl.Boolean:
            columns.append(
                pl.when(pl.col(column))
                .then(pl.lit("true"))
                .otherwise(pl.lit("false"))
                .alias(column)
            )
        else:
            columns.append(pl.col(column).cast(pl.String))
    # Empty text is written as an empty cell, not as "" (the two read back the same).
    text = frame.select(columns)
    return text.with_columns(pl.when(pl.all() != "").then(pl.all()))


def write_tables(tables: Tables, folder: Path, format: TableFormat) -> None:
    """Write one file per table into ``folder`` (which exists), not atomically.

    Raises:
        DataFormatError: a list item cannot be written to a CSV cell exactly.

    >>> import tempfile
    >>> from sanctions_tracker.tables import records_to_tables
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_tables(records_to_tables(), folder, "parquet")
    >>> sorted(p.name for p in folder.iterdir())[:3]
    ['actions.parquet', 'alignments.parquet', 'blocs.parquet']
    """
    bloc_names = dict(tables.blocs.select("bloc", "name").iter_rows())
    for table, frame in _saved_frames(tables).items():
        if format == "parquet":
            frame.write_parquet(folder / f"{table}.parquet")
        else:
            _check_list_items(table, frame)
            named = with_names(table, _csv_frame(table, frame), bloc_names)
            named.write_csv(folder / f"{table}.csv")


# -- reading ------------------------------------------------------------------------------


class _Cells:
    """Collects the problems of cells, each named by file, line and column."""

    def __init__(self, table: str, file: str, lines: pl.Series | None) -> None:
        self.table = table
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def report(self, column: str, bad: pl.DataFrame, message: str | Callable[[str], str]) -> None:
        """One problem per bad row (``_row`` and ``_value`` columns), the rest summarised.

        ``message`` is a template with ``{value}``, or a function of the cell's text.
        """
        for row, value in bad.head(_MAX_SHOWN).select("_row", "_value").iter_rows():
            self.problems.append(
                Problem(
                    "",
                    message(value) if callable(message) else message.format(value=value),
                    table=self.table,
                    row=row + 1,
                    file=self.file,
                    line=None if self.lines is None else int(self.lines[row]),
                    column=column,
                )
            )
        if bad.height > _MAX_SHOWN:
            self.problems.append(
                Problem(
                    "",
                    f"{bad.height - _MAX_SHOWN} more rows with the same kind of problem",
                    table=self.table,
                    file=self.file,
                    column=column,
                )
            )


def _physical_lines(raw: pl.DataFrame) -> pl.Series:
    """The line of the file on which each data row starts (cells may span lines)."""
    if raw.width == 0 or raw.height == 0:
        return pl.Series("line", [], dtype=pl.Int64)
    breaks = pl.sum_horizontal(pl.all().str.count_matches("\n", literal=True).fill_null(0))
    before = breaks.cum_sum().shift(1, fill_value=0)
    return raw.select((2 + pl.int_range(pl.len()) + before).cast(pl.Int64).alias("line"))["line"]


def _read_raw(path: Path, encoding: str | None = None) -> pl.DataFrame:
    """A file's cells as they are: every CSV cell as text, a Parquet file's own types.

    A CSV file is read by :func:`~sanctions_tracker.io._csvtext.read_csv_text`: decoded
    (UTF-8, a byte order mark's encoding, or ``encoding``), its delimiter (comma,
    semicolon or tab) the one that splits the header into the table's columns.
    """
    try:
        if path.suffix == ".parquet":
            return pl.read_parquet(path)
        known = TABLES[path.stem].headers() if path.stem in TABLES else []
        raw = read_csv_text(path.read_bytes(), name=path.name, columns=known, encoding=encoding)
    except pl.exceptions.PolarsError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise DataFormatError(f"cannot be read: {first}", file=path.name) from None
    except OSError as err:
        raise DataFormatError(f"cannot be read: {err.strerror or err}", file=path.name) from None
    # Empty cells are empty text.
    raw = raw.rename({c: c.strip() for c in raw.columns})
    return raw.with_columns(pl.all().fill_null(""))


def _with_rows(frame: pl.DataFrame, column: str, converted: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.int_range(pl.len()).alias("_row"),
        pl.col(column).alias("_value"),
        converted.alias("_cast"),
    )


def _text(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String).str.strip_chars()


def _country_codes(
    raw: pl.DataFrame, column: str, cells: _Cells, where: pl.Series | None
) -> pl.Expr:
    """Codes for a column of country codes or names, resolving each distinct text once."""
    values = raw.select(_text(column).alias("_value"))
    if where is not None:
        values = values.filter(where.fill_null(value=False))
    distinct = values.filter(pl.col("_value") != "")["_value"].unique().to_list()
    known = registry()
    mapping: dict[str, str] = {}
    failures: dict[str, str] = {}
    for text in distinct:
        if text.upper() in known:
            mapping[text] = text.upper()
            continue
        try:
            mapping[text] = resolve_country(text).code
        except (UnknownCountryError, AmbiguousCountryError) as err:
            failures[text] = str(err)
    if failures:
        rows = raw.select(pl.int_range(pl.len()).alias("_row"), _text(column).alias("_value"))
        if where is not None:
            rows = rows.filter(where.fill_null(value=False))
        for text, message in failures.items():
            bad = rows.filter(pl.col("_value") == text)
            cells.report(column, bad, message.replace("{", "{{").replace("}", "}}"))
    return (
        _text(column)
        .replace_strict(mapping, default=None, return_dtype=pl.String)
        .cast(schema_country())
    )


def schema_country() -> pl.DataType:
    """The country Enum of the tables.

    >>> "NA" in schema_country().categories.to_list()  # type: ignore[attr-defined]
    True
    """
    return schema("alignments")["country"]


def _convert_text(
    table: str, raw: pl.DataFrame, column: str, dtype: pl.DataType, cells: _Cells
) -> pl.Expr:
    """An expression turning a text column into its typed column; bad cells are reported."""
    text = _text(column)
    if dtype == pl.String:
        if TABLES[table].column(column).kind == "optional text":
            return pl.when(text == "").then(None).otherwise(pl.col(column)).alias(column)
        return pl.col(column)
    if isinstance(dtype, pl.List):
        items = pl.col(column).str.replace_all("\r\n", "\n", literal=True).str.split("\n")
        return (
            items.list.eval(pl.element().str.strip_chars())
            .list.eval(pl.element().filter(pl.element() != ""))
            .alias(column)
        )
    if dtype == pl.Boolean:
        lowered = text.str.to_lowercase()
        converted = lowered.replace_strict(
            {
                "true": True,
                "yes": True,
                "1": True,
                "false": False,
                "no": False,
                "0": False,
                "": False,
            },
            default=None,
            return_dtype=pl.Boolean,
        )
        bad = _with_rows(raw, column, converted).filter(pl.col("_cast").is_null())
        cells.report(column, bad, "{value!r} is not true or false")
        return converted.alias(column)
    if dtype in (pl.Int64, pl.Int32):
        converted = pl.when(text == "").then(None).otherwise(text).cast(dtype, strict=False)
        bad = _with_rows(raw, column, converted).filter(
            (pl.col("_value").str.strip_chars() != "") & pl.col("_cast").is_null()
        )
        cells.report(column, bad, "{value!r} is not a whole number")
        return converted.alias(column)
    if dtype == pl.Date:
        first, precision = read_date_text(text)
        converted = pl.when(precision == "day").then(first)
        bad = _with_rows(raw, column, converted).filter(
            (pl.col("_value").str.strip_chars() != "") & pl.col("_cast").is_null()
        )
        cells.report(column, bad, _day_problem)
        return converted.alias(column)
    if isinstance(dtype, pl.Enum):
        if dtype == schema_country():
            return _country_codes(raw, column, cells, None).alias(column)
        categories = dtype.categories.to_list()
        lowered = text.str.to_lowercase()
        converted = pl.when(text == "").then(None).otherwise(lowered)
        bad = _with_rows(raw, column, converted).filter(
            pl.col("_cast").is_not_null() & ~pl.col("_cast").is_in(categories)
        )
        cells.report(column, bad, "{value!r} is not one of " + ", ".join(categories))
        return (
            pl.when(converted.is_in(categories)).then(converted).otherwise(None).cast(dtype)
        ).alias(column)
    raise AssertionError(f"no text conversion for {table}.{column}: {dtype}")  # pragma: no cover


def _day_problem(value: str) -> str:
    return date_problem(value, day=True) or f"{value!r} is not a day"


def _date_problem(value: str) -> str:
    return date_problem(value) or f"{value!r} is not a date"


def _partial_dates(raw: pl.DataFrame, column: str, cells: _Cells) -> list[pl.Expr]:
    """A date column and its precision from text whose length is its precision."""
    first, precision = read_date_text(_text(column))
    given = f"{column}_precision"
    if given in raw.columns:
        stated = _text(given).str.to_lowercase()
        precision = pl.when(stated != "").then(stated).otherwise(precision)
        wrong = raw.select(pl.int_range(pl.len()).alias("_row"), stated.alias("_value")).filter(
            (pl.col("_value") != "") & ~pl.col("_value").is_in(["year", "month", "day"])
        )
        cells.report(given, wrong, "{value!r} is not one of year, month, day")
    bad = _with_rows(raw, column, first).filter(
        (pl.col("_value").str.strip_chars() != "") & pl.col("_cast").is_null()
    )
    cells.report(column, bad, _date_problem)
    precision_dtype = schema("documents")["date_precision"]
    return [
        first.alias(column),
        pl.when(precision.is_in(["year", "month", "day"]))
        .then(precision)
        .otherwise(None)
        .cast(precision_dtype)
        .alias(given),
    ]


def conform(table: str, raw: pl.DataFrame, file: str, lines: pl.Series | None) -> pl.DataFrame:
    """A table of its schema from a file's frame: text converted, missing columns filled.

    Columns already of their type are kept as they are. Every bad cell is reported,
    by file, line (or row) and column, in one :class:`~sanctions_tracker.ValidationError`.

    >>> raw = pl.DataFrame({"country": ["Namibia", "Atlantis"], "regime_id": ["X", "X"],
    ...                     "aligned_on": ["2020-11", "2020-13"]})
    >>> conform("alignments", raw, "alignments.csv", pl.Series([2, 3]))
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.ValidationError: 2 problems:
      alignments.csv, line 3, column 'aligned_on': '2020-13' is not a date: ...
      alignments.csv, line 3, column 'country': unknown country 'Atlantis'...
    """
    wanted = schema(table)
    if raw.schema == wanted:
        return raw
    declared = TABLES[table]
    missing = [c for c in declared.file_required() if c not in raw.columns]
    if missing:
        raise DataFormatError(
            f"the required columns {', '.join(missing)} are missing: the header has "
            f"{', '.join(raw.columns) or 'no columns'}; the columns are "
            f"{', '.join(csv_columns(table))} (separated by commas, semicolons or tabs)",
            file=file,
        )
    allowed = set(wanted)
    # A readable name beside a code column (``party_name`` beside ``party``) is for people.
    raw = raw.drop(c for c in raw.columns if c.removesuffix("_name") in allowed - {c})
    extra = [c for c in raw.columns if c not in allowed]
    if extra:
        raise DataFormatError(
            f"unknown columns {', '.join(map(repr, extra))}: the columns are "
            f"{', '.join(csv_columns(table))}",
            file=file,
        )
    cells = _Cells(table, file, lines)
    # Columns not yet of their type (all of a CSV file's) are converted from their text.
    text_frame = raw.with_columns(
        pl.col(c).cast(pl.String).fill_null("")
        for c, dtype in raw.schema.items()
        if dtype != wanted[c] and not isinstance(dtype, pl.List)
    )
    columns: list[pl.Expr] = []
    for spec in declared.columns:
        column, dtype = spec.name, spec.dtype()
        if column not in raw.columns:
            columns.extend(spec.defaults())
        elif spec.kind == "partial date":
            precision = f"{column}_precision"
            if raw.schema.get(column) == dtype and raw.schema.get(precision) == wanted[precision]:
                columns.extend([pl.col(column), pl.col(precision)])
            else:
                columns.extend(_partial_dates(text_frame, column, cells))
        elif raw.schema[column] == dtype and spec.kind != "optional text":
            columns.append(pl.col(column))
        elif isinstance(raw.schema[column], pl.List) and isinstance(dtype, pl.List):
            columns.append(pl.col(column).cast(dtype))
        else:
            columns.append(_convert_text(table, text_frame, column, dtype, cells))
    typed = _derive(table, raw, text_frame, text_frame.select(columns), cells)
    if cells.problems:
        raise ValidationError(sorted(cells.problems, key=_problem_order))
    return typed.select(wanted.names())


def _problem_order(problem: Problem) -> tuple[int, str]:
    """By row, then by column; the summaries of a column last."""
    return (problem.row or 1 << 62, problem.where)


def _derive(
    table: str, raw: pl.DataFrame, text_frame: pl.DataFrame, typed: pl.DataFrame, cells: _Cells
) -> pl.DataFrame:
    """Columns that a CSV file leaves out, and country names in mixed columns."""
    typed = typed.with_columns(
        pl.col(column).fill_null(default) for column, default in TABLES[table].filled().items()
    )
    if table in PARTY_COLUMNS:
        typed = bloc_parties(typed, text_frame, PARTY_COLUMNS[table])
    if table == "signatures":
        if "country" not in raw.columns:
            typed = _country_parties(typed, text_frame, cells, "party").with_columns(
                pl.when(pl.col("party_kind") == "country")
                .then(pl.col("party"))
                .otherwise(None)
                .cast(schema_country())
                .alias("country")
            )
        if "position" not in raw.columns:
            typed = typed.with_columns(
                pl.int_range(pl.len()).over("document_id").cast(pl.Int32).alias("position")
            )
        else:
            empty = _with_rows(text_frame, "position", pl.lit(typed["position"])).filter(
                pl.col("_cast").is_null()
                & (pl.col("_value").cast(pl.String).str.strip_chars() == "")
            )
            cells.report(
                "position",
                empty,
                "position is empty: fill it in, or leave the column out to number the "
                "signatures of each document in row order",
            )
    elif table == "documents":
        typed = typed.with_columns(
            pl.when(pl.col("kind") == "letter")
            .then(pl.col("count_qualifier").fill_null("exact"))
            .otherwise(pl.col("count_qualifier"))
            .alias("count_qualifier")
        )
    elif table == "regimes" and "authority" in text_frame.columns:
        typed = _country_parties(typed, text_frame, cells, "authority")
    return typed


def _country_parties(
    typed: pl.DataFrame, text_frame: pl.DataFrame, cells: _Cells, column: str
) -> pl.DataFrame:
    """``column`` with the names of its countries (``<column>_kind`` country) as codes."""
    is_country = typed[f"{column}_kind"] == "country"
    codes = text_frame.select(
        _country_codes(text_frame, column, cells, is_country).cast(pl.String)
    ).to_series()
    return typed.with_columns(
        pl.when(is_country).then(codes).otherwise(pl.col(column)).alias(column)
    )


def _read_parquet_files(paths: list[Path]) -> dict[Path, pl.DataFrame]:
    """Several Parquet files read at once: polars decodes them side by side."""
    try:
        frames = pl.collect_all([pl.scan_parquet(path) for path in paths], engine="in-memory")
    except (pl.exceptions.PolarsError, OSError):
        # Read one by one to name the file that cannot be read.
        return {path: _read_raw(path) for path in paths}
    return dict(zip(paths, frames, strict=True))


def read_table(
    path: Path, raw: pl.DataFrame | None = None, *, encoding: str | None = None
) -> tuple[pl.DataFrame, pl.Series | None]:
    """One table file as its typed frame, with the line of each row for a CSV file.

    ``raw`` is the file's content when it was already read.
    """
    if raw is None:
        raw = _read_raw(path, encoding)
    if path.suffix != ".csv":
        return conform(path.stem, raw, path.name, None), None
    raw, lines = without_blank_rows(raw, _physical_lines(raw))
    return conform(path.stem, raw, path.name, lines), lines


def without_blank_rows(raw: pl.DataFrame, lines: pl.Series) -> tuple[pl.DataFrame, pl.Series]:
    """The rows with a cell that is not blank, and their lines.

    A spreadsheet saves the empty rows of a range that was once formatted (``;;;``):
    they hold no record.

    >>> raw = pl.DataFrame({"a": ["x", "", " "], "b": ["", "", ""]})
    >>> kept, lines = without_blank_rows(raw, pl.Series([2, 3, 4]))
    >>> kept["a"].to_list(), lines.to_list()
    (['x'], [2])
    """
    if raw.width == 0 or raw.height == 0:
        return raw, lines
    text = [pl.col(c).cast(pl.String).str.strip_chars().fill_null("") != "" for c in raw.columns]
    keep = raw.select(pl.any_horizontal(text)).to_series()
    if keep.all():
        return raw, lines
    return raw.filter(keep), lines.filter(keep)


def read_tables(folder: Path, *, encoding: str | None = None) -> dict[str, pl.DataFrame]:
    """The typed tables of a folder's CSV or Parquet files (a missing file is empty).

    Every bad cell of every file is reported at once.

    Raises:
        DataFormatError: a file cannot be parsed, lacks a required column, or the folder
            mixes formats or holds a table-like file with an unknown name.
        ValidationError: the bad cells, each named by file, line and column.
    """
    return read_tables_with_lines(folder, encoding=encoding)[0]


def read_tables_with_lines(
    folder: Path, *, encoding: str | None = None
) -> tuple[dict[str, pl.DataFrame], dict[str, tuple[str, pl.Series | None]]]:
    """:func:`read_tables`, and for each table its file name and the line of each row."""
    fmt = folder_format(folder)
    files = table_files(folder)
    strays = [p.name for p in files["other"] if p.suffix in (".csv", ".parquet")]
    if strays:
        raise DataFormatError(
            f"unknown table files {', '.join(strays)}: the tables are "
            + ", ".join(f"{name}.{fmt or 'csv'}" for name in TABLE_NAMES),
            file=str(folder),
        )
    frames: dict[str, pl.DataFrame] = {}
    where: dict[str, tuple[str, pl.Series | None]] = {}
    problems: list[Problem] = []
    paths = files[fmt] if fmt else []
    prefetched = _read_parquet_files(paths) if fmt == "parquet" else {}
    for path in paths:
        try:
            frames[path.stem], lines = read_table(path, prefetched.get(path), encoding=encoding)
        except ValidationError as err:
            problems.extend(err.problems)
            continue
        where[path.stem] = (path.name, lines)
    if problems:
        raise ValidationError(problems)
    return frames, where
