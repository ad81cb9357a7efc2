"""What the commands share: the parser that fails in one line, datasets, dates, tables.

>>> print(_render(pl.DataFrame({"country": ["JP"], "regimes": [["A", "B"]]}), "table"), end="")
country  regimes
-------  -------
JP       A; B
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import polars as pl

from sanctions_tracker.columns import date_text
from sanctions_tracker.dates import to_day
from sanctions_tracker.report import counts, describe

if TYPE_CHECKING:
    from sanctions_tracker.dataset import Dataset

PROG = "sanctions-tracker"
FORMATS = ("table", "csv", "json")
FILE_FORMATS = ("json", "csv", "parquet")


class _UsageError(Exception):
    """A mistake on the command line, reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors end in one line and status 2, never in a traceback."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


_Commands = argparse._SubParsersAction  # the type argparse gives add_subparsers' result


def _add_dataset(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dataset",
        type=Path,
        metavar="PATH",
        help="a dataset (JSON file, or folder of CSV or Parquet tables); default: the "
        "built-in Belarus 2020 data",
    )


def _add_file_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FILE_FORMATS,
        help="the format to write (default: from the path, a .json file or a folder of CSV)",
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="default: table")


def _day(text: str) -> dt.date:
    try:
        return to_day(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _load(path: Path | None) -> Dataset:
    if path is None:
        from sanctions_tracker.datasets import belarus_2020

        return belarus_2020()
    from sanctions_tracker.dataset import Dataset

    return Dataset.load(_existing(path))


def _existing(path: Path) -> Path:
    if not path.exists():
        raise _UsageError(f"{path}: no such file or folder")
    return path


def _describe(dataset: Dataset) -> str:
    """``3 documents, 82 signatures, ...``: the size of the dataset's tables."""
    return describe(counts(dataset))


def _display(frame: pl.DataFrame, *, join_lists: bool) -> pl.DataFrame:
    """Partial dates as their ISO text (``2020``, ``2020-09``); lists joined when asked."""
    columns: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        if name.endswith("_precision") and name.removesuffix("_precision") in frame.columns:
            continue
        column = pl.col(name)
        if f"{name}_precision" in frame.columns and dtype == pl.Date:
            column = date_text(name)
        elif isinstance(dtype, pl.List) and join_lists:
            column = column.cast(pl.List(pl.String)).list.join("; ")
        elif isinstance(dtype, pl.Enum | pl.Categorical):
            column = column.cast(pl.String)
        columns.append(column.alias(name))
    return frame.select(columns)


def _render(frame: pl.DataFrame, fmt: str) -> str:
    """A frame as a plain-text table, CSV or JSON (one object per row)."""
    if fmt == "json":
        return _display(frame, join_lists=False).write_json() + "\n"
    shown = _display(frame, join_lists=True)
    if fmt == "csv":
        return shown.write_csv()
    text = shown.select(pl.all().cast(pl.String).fill_null(""))
    header = list(text.columns)
    rows = text.rows()
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
        for line in [header, ["-" * w for w in widths], *rows]
    ]
    return "\n".join(lines) + "\n"


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _os_message(err: OSError) -> str:
    if err.filename is not None and err.strerror:
        return f"{err.filename}: {err.strerror.lower()}"
    return str(err)
