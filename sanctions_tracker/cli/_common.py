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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import polars as pl

from sanctions_tracker._advice import for_command_line
from sanctions_tracker._words import plural
from sanctions_tracker.answers import flatten
from sanctions_tracker.dates import to_day
from sanctions_tracker.io._atomic import write_file_atomically
from sanctions_tracker.io._decode import ENCODING_HELP
from sanctions_tracker.report import counts, describe

if TYPE_CHECKING:
    from sanctions_tracker.dataset import Dataset

PROG = "sanctions-tracker"
FORMATS = ("table", "csv", "json", "markdown", "xlsx")
FILE_FORMATS = ("json", "csv", "parquet", "xlsx")


#: Exit statuses: 1 when a file cannot be read or written or holds bad data (or an answer
#: is "no"), 2 for a mistake on the command line (an unknown option, document or date,
#: a path that does not exist: an input, or the folder of an output).
FAILED = 1
USAGE = 2


class _UsageError(Exception):
    """A mistake on the command line, reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors end in one line and status 2, never in a traceback."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


_Commands = argparse._SubParsersAction  # the type argparse gives add_subparsers' result


def output_path(text: str) -> Path:
    """A path to write (an argparse type): its folder must exist, else a usage error.

    Checked as the command line is read, so that a mistyped folder exits 2 before any
    work is done, in every command alike.

    >>> output_path("no-such-folder/answer.csv")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: no-such-folder/answer.csv: no folder no-such-folder to write it in
    """
    path = Path(text)
    folder = path.parent
    if folder.is_dir():
        return path
    if folder.exists():
        raise argparse.ArgumentTypeError(f"{path}: {folder} is a file, not a folder to write in")
    raise argparse.ArgumentTypeError(f"{path}: no folder {folder} to write it in")


def _add_dataset(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dataset",
        metavar="PATH|NAME",
        help="a dataset (JSON file, or folder of CSV or Parquet tables), or the name of a "
        "built-in one (see the datasets command); default: the built-in Belarus 2020 data",
    )
    _add_encoding(parser)


def _add_encoding(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", metavar="CODEC", help=ENCODING_HELP)


def _add_file_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FILE_FORMATS,
        help="the format to write (default: from the path: a .json or .xlsx file, or a "
        "folder of CSV)",
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="default: table, or from the extension of --out (.csv, .json, .md, .xlsx)",
    )
    parser.add_argument(
        "--out",
        type=output_path,
        metavar="FILE",
        help="write the answer to FILE instead of standard output (needed for xlsx)",
    )


_SUFFIXES = {".csv": "csv", ".json": "json", ".md": "markdown", ".xlsx": "xlsx", ".txt": "table"}


def _answer_format(args: argparse.Namespace) -> str:
    """``--format``, else the one the extension of ``--out`` names, else ``table``."""
    out: Path | None = args.out
    fmt: str = args.format or (_SUFFIXES.get(out.suffix.lower(), "table") if out else "table")
    return fmt


def _write_answer(
    frame: pl.DataFrame,
    args: argparse.Namespace,
    heading: str = "",
    terminal_columns: Sequence[str] = (),
) -> None:
    """The answer in ``--format``, on standard output or written to ``--out``.

    ``heading`` (such as the day of the matrix) precedes a table or markdown answer; in
    the other formats it goes to standard error, so that the file stays one table.
    ``terminal_columns``, if given, are the only columns of a plain table on standard
    output (no ``--format`` or ``table``, no ``--out``); every other output has them all.
    """
    out: Path | None = args.out
    if terminal_columns and args.format in (None, "table") and out is None:
        frame = frame.select(terminal_columns)
    fmt = _answer_format(args)
    if fmt == "xlsx":
        if out is None:
            raise _UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
        from sanctions_tracker.answers import write_xlsx

        write_xlsx(frame, out)
    else:
        text = _render(frame, fmt)
        if heading and fmt in ("table", "markdown"):
            text = f"{heading}\n\n{text}"
        if out is None:
            sys.stdout.write(text)
        else:
            write_file_atomically(out, lambda path: path.write_text(text, encoding="utf-8"))
    if heading and (fmt not in ("table", "markdown") or out is not None):
        print(heading, file=sys.stderr)
    if out is not None:
        print(f"wrote {out}", file=sys.stderr)


def _day(text: str) -> dt.date:
    try:
        return to_day(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _load(given: str | Path | None, encoding: str | None = None) -> Dataset:
    """The dataset a command reads: a built-in one by name, or a file or folder."""
    from sanctions_tracker.datasets import BUILT_IN

    if given is None:
        return BUILT_IN["belarus-2020"]()
    path = Path(given)
    if str(given) in BUILT_IN:
        if path.exists():
            raise _UsageError(
                f"{given}: both a built-in dataset and a file or folder here; "
                f"give ./{given} for the file or folder, or run elsewhere for the built-in one"
            )
        return BUILT_IN[str(given)]()
    if not path.exists():
        if len(path.parts) > 1 or path.suffix:  # a path, not a name
            raise _UsageError(f"{given}: no such file or folder")
        names = ", ".join(BUILT_IN)
        raise _UsageError(f"{given}: no such file or folder, nor a built-in dataset ({names})")
    from sanctions_tracker.dataset import Dataset

    return Dataset.load(path, encoding=encoding)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise _UsageError(f"{path}: no such file or folder")
    return path


def _describe(dataset: Dataset) -> str:
    """``3 documents, 82 signatures, ...``: the size of the dataset's tables."""
    return describe(counts(dataset))


def _render(frame: pl.DataFrame, fmt: str) -> str:
    """A frame as a plain-text table, CSV, markdown or JSON (one object per row)."""
    if fmt == "json":
        return flatten(frame, join_lists=False).write_json() + "\n"
    shown = flatten(frame)
    if fmt == "csv":
        return shown.write_csv()
    text = shown.select(pl.all().cast(pl.String).fill_null(""))
    header = list(text.columns)
    rows = text.rows()
    if fmt == "markdown":
        cells = [[_markdown_cell(v) for v in row] for row in [header, *rows]]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        lines.insert(1, "|" + "|".join(" --- " for _ in header) + "|")
        return "\n".join(lines) + "\n"
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
        for line in [header, ["-" * w for w in widths], *rows]
    ]
    return "\n".join(lines) + "\n"


def _markdown_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _fail(message: str, status: int = USAGE) -> int:
    """Print ``message`` as one line on standard error, its fix in the form typed on the
    command line; return ``status``."""
    message = for_command_line(message)
    one_line = " ".join(message.split("\n", maxsplit=1)[0].split()) if message else "failed"
    if "\n" in message.strip():
        more = plural(message.strip().count("\n"), "more line")
        one_line += f" (and {more}: see 'validate')"
    print(f"{PROG}: error: {one_line}", file=sys.stderr)
    return status


def _os_message(err: OSError) -> str:
    if err.filename is not None and err.strerror:
        return f"{err.filename}: {err.strerror.lower()}"
    return str(err)
