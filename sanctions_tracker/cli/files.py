"""The commands on files and names: resolve, signatories, validate, convert, merge, import-ftm.

>>> from sanctions_tracker.cli import main
>>> main(["resolve", "the Czech Republic", "Côte d'Ivoire"])
CZ  Czechia
CI  Côte d'Ivoire
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import polars as pl

from sanctions_tracker._advice import for_command_line
from sanctions_tracker._words import plural
from sanctions_tracker.cli._common import (
    FAILED,
    PROG,
    _add_encoding,
    _add_file_format,
    _add_format,
    _Commands,
    _describe,
    _existing,
    _fail,
    _Parser,
    _UsageError,
    _write_answer,
    output_path,
)
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.dates import DATE_FORMS, to_partial_date
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    UnknownCountryError,
    ValidationError,
)
from sanctions_tracker.io._decode import decode


def add_file_commands(commands: _Commands[_Parser]) -> None:
    """Add resolve, signatories, validate, convert, merge and import-ftm to ``commands``."""
    resolve = commands.add_parser(
        "resolve",
        help="resolve country names to ISO codes",
        description="Print the code and name of each country; exit 1 if any name fails.",
    )
    resolve.add_argument("names", nargs="+", metavar="NAME", help="a country name or code")
    resolve.set_defaults(run=_resolve)

    _add_signatories(commands)

    validate = commands.add_parser(
        "validate",
        help="check a dataset file or folder",
        description="Exit 0 when the dataset is valid; else list every problem and exit 1.",
    )
    validate.add_argument("path", type=Path, metavar="PATH", help="a JSON file or a folder")
    _add_encoding(validate)
    validate.set_defaults(run=_validate)

    convert = commands.add_parser(
        "convert",
        help="convert a dataset between JSON and CSV or Parquet tables",
        description="Read a dataset and write it in another format, losing nothing.",
    )
    convert.add_argument("source", type=Path, metavar="SRC", help="a JSON file or a folder")
    convert.add_argument("target", type=output_path, metavar="DST", help="where to write")
    _add_file_format(convert)
    _add_encoding(convert)
    convert.set_defaults(run=_convert)

    _add_merge(commands)

    ftm = commands.add_parser(
        "import-ftm",
        help="import an OpenSanctions (FollowTheMoney) stream",
        description=(
            "Read a FollowTheMoney JSON lines stream (as OpenSanctions publishes) and write "
            "the regimes, actions and designations it holds as a dataset."
        ),
    )
    ftm.add_argument("stream", type=Path, metavar="STREAM", help="the .ftm.json stream")
    ftm.add_argument("target", type=output_path, metavar="OUT", help="the dataset to write")
    ftm.add_argument(
        "--target",
        dest="targets",
        action="append",
        type=_target,
        metavar="PROGRAMME=COUNTRY",
        help="the country that a programme (or regime id) sanctions, e.g. EU-BLR=Belarus "
        "(repeatable); regimes not named have no target",
    )
    ftm.add_argument(
        "--no-actions",
        dest="actions",
        action="store_false",
        help="do not derive one amend action per regime and listing date",
    )
    ftm.add_argument(
        "--keep-going",
        action="store_true",
        help="write the dataset even when lines were skipped (default: exit 1 and write nothing)",
    )
    _add_file_format(ftm)
    _add_encoding(ftm)
    ftm.set_defaults(run=_import_ftm)


def _add_signatories(commands: _Commands[_Parser]) -> None:
    signatories = commands.add_parser(
        "signatories",
        help="find and resolve the signatory list in a text",
        description=(
            "Read a text (a file, or standard input) and print each item of its signatory "
            "list: the country or bloc it names, or why it names none. Exit 1 if any item "
            "is unresolved."
        ),
    )
    signatories.add_argument(
        "text", type=Path, nargs="?", metavar="FILE", help="a text file; default or '-': stdin"
    )
    signatories.add_argument(
        "--date",
        metavar="DATE",
        help=f"the text's date ({DATE_FORMS}): 'Serbia and Montenegro' is one state before "
        "2006-09-26, two countries after",
    )
    signatories.add_argument(
        "--expand-blocs",
        action="store_true",
        help="list the members on --date (a day) of 'the EU and its member states'",
    )
    signatories.add_argument(
        "--document",
        metavar="ID",
        help="print the rows of signatures.csv for document ID (with --format csv, a file "
        "that a dataset folder takes as it is)",
    )
    _add_encoding(signatories)
    _add_format(signatories)
    signatories.set_defaults(run=_signatories)


def _add_merge(commands: _Commands[_Parser]) -> None:
    merge = commands.add_parser(
        "merge",
        help="merge datasets into one",
        description=(
            "Read several datasets (JSON files or folders of tables) and write them as one: "
            "a record found alike in several is kept once; an id given twice with different "
            "content is an error listing every such id."
        ),
    )
    merge.add_argument(
        "sources", type=Path, nargs="+", metavar="SRC", help="two or more datasets to merge"
    )
    merge.add_argument(
        "--out", type=output_path, required=True, metavar="DST", help="where to write"
    )
    _add_file_format(merge)
    _add_encoding(merge)
    merge.set_defaults(run=_merge)


def _target(text: str) -> tuple[str, str]:
    programme, sep, country = text.partition("=")
    if not sep or not programme.strip() or not country.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write PROGRAMME=COUNTRY, e.g. EU-BLR=Belarus")
    return programme.strip(), country.strip()


def _resolve(args: argparse.Namespace) -> int:
    failed = False
    for name in args.names:
        try:
            country = resolve_country(name)
        except (UnknownCountryError, AmbiguousCountryError) as err:
            _fail(str(err))
            failed = True
        else:
            print(f"{country.code}  {country.name}")
    return 1 if failed else 0


def _signatories(args: argparse.Namespace) -> int:
    from sanctions_tracker.text import parse_signatories

    written = None
    if args.date is not None:
        try:
            written = to_partial_date(args.date)
        except ValueError as err:
            raise _UsageError(f"--date: {err}") from None
    if args.expand_blocs and (written is None or not written.is_exact):
        raise _UsageError("--expand-blocs needs --date to be a day, e.g. --date 2020-10-26")
    if args.text is None or str(args.text) == "-":
        text = decode(sys.stdin.buffer.read(), name="standard input", encoding=args.encoding)
    else:
        path = _existing(args.text)
        text = decode(path.read_bytes(), name=str(path), encoding=args.encoding)
    if not text.strip():
        print(f"{PROG}: error: the text is empty: no signatory list to read", file=sys.stderr)
        return FAILED
    found = parse_signatories(
        text,
        expand_blocs_on=written.first if args.expand_blocs and written is not None else None,
        written_on=written,
    )
    frame = found.to_frame()
    if args.document is not None:
        frame = _signature_rows(frame, args.document)
    _write_answer(frame, args)
    if args.document is not None and found.unresolved:
        names = ", ".join(repr(item) for item in found.unresolved)
        print(f"{PROG}: error: left out, naming no party: {names}", file=sys.stderr)
    return 1 if found.unresolved else 0


def _signature_rows(found: pl.DataFrame, document: str) -> pl.DataFrame:
    """The resolved items as rows of ``signatures.csv``, a readable name beside each code."""
    resolved = found.filter(pl.col("code").is_not_null())
    return resolved.select(
        pl.lit(document).alias("document_id"),
        pl.int_range(pl.len()).alias("position"),
        pl.col("party_kind").cast(pl.String),
        pl.col("code").alias("party"),
        pl.col("name").alias("party_name"),
    )


def _validate(args: argparse.Namespace) -> int:
    from sanctions_tracker.caveats import caveats
    from sanctions_tracker.dataset import Dataset

    path: Path = _existing(args.path)
    try:
        dataset = Dataset.load(path, encoding=args.encoding)
    except ValidationError as err:
        return _problems(f"{path}:", [str(problem) for problem in err.problems])
    except DataFormatError as err:
        return _problems(f"{path}:", [str(err)])
    print(f"{path}: valid: {_describe(dataset)}")
    warnings = caveats(dataset.tables)
    if warnings:
        print(f"{plural(len(warnings), 'warning')}:")
        for warning in warnings:
            print(f"  {warning}")
    return 0


def _problems(heading: str, problems: list[str]) -> int:
    """Print ``heading``, the count and every problem on standard output; return 1."""
    print(f"{heading} {plural(len(problems), 'problem')}")
    for problem in problems:
        print(f"  {for_command_line(problem)}")
    return 1


def _convert(args: argparse.Namespace) -> int:
    from sanctions_tracker.dataset import Dataset

    dataset = Dataset.load(_existing(args.source), encoding=args.encoding)
    dataset.save(args.target, format=args.format)
    print(f"wrote {args.target}: {_describe(dataset)}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from sanctions_tracker.dataset import Dataset

    first, *others = [
        Dataset.load(_existing(path), encoding=args.encoding) for path in args.sources
    ]
    try:
        merged = first.merge(*others)
    except ValidationError as err:
        status = _problems("cannot merge:", [str(problem) for problem in err.problems])
        for number, path in enumerate(args.sources, start=1):
            print(f"  (dataset {number}: {path})")
        return status
    merged.save(args.out, format=args.format)
    print(f"wrote {args.out}: {_describe(merged)}")
    return 0


def _import_ftm(args: argparse.Namespace) -> int:
    from sanctions_tracker.importers import import_ftm

    stream = _existing(args.stream)
    targets = dict(args.targets) if args.targets else None
    progress = _Progress(sys.stderr, stream.stat().st_size) if sys.stderr.isatty() else None
    try:
        result = import_ftm(
            stream,
            targets=targets,
            actions=args.actions,
            progress=progress,
            encoding=args.encoding,
        )
    finally:
        if progress is not None:
            progress.close()
    print(for_command_line(str(result.summary)))
    summary = result.summary
    if summary.designations + summary.regimes + summary.actions == 0:
        print(
            f"{PROG}: error: {stream}: nothing imported: not a FollowTheMoney stream "
            "(one JSON entity a line, as OpenSanctions publishes)",
            file=sys.stderr,
        )
        return FAILED
    if summary.skipped and not args.keep_going:
        print(
            f"{PROG}: error: {stream}: {plural(len(summary.skipped), 'line')} skipped: "
            "nothing written "
            "(give --keep-going to write what was read)",
            file=sys.stderr,
        )
        return FAILED
    result.dataset.save(args.target, format=args.format)
    print(f"wrote {args.target}: {_describe(result.dataset)}")
    return 0


class _Progress:
    """A one-line progress indicator on a terminal: bytes read of the stream's size."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self._stream = stream
        self._total = max(total, 1)
        self._shown = -1

    def __call__(self, done: int, total: int | None = None) -> None:
        whole = total or self._total
        percent = min(100, done * 100 // max(whole, 1))
        if percent != self._shown:
            self._shown = percent
            bar = "#" * (percent // 4)
            self._stream.write(f"\rimporting [{bar:<25}] {percent:3d}%")
            self._stream.flush()

    def close(self) -> None:
        if self._shown >= 0:
            self._stream.write("\n")
            self._stream.flush()
