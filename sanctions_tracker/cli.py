"""The command line, ``sanctions-tracker`` (also ``python -m sanctions_tracker``).

With no arguments it prints the report on the built-in Belarus 2020 data: for each
document, who signed, who signed but took no sanctions action, and who took part in
sanctions without signing, with dates and sources. Subcommands ask one question at a
time, check and convert files, import OpenSanctions data and draw the matrix.

A mistake of the user (a missing file, an unknown document, a bad date) prints one
line, ``sanctions-tracker: error: ...``, on standard error and exits with status 2.

>>> main(["resolve", "the Czech Republic", "Côte d'Ivoire"])
CZ  Czechia
CI  Côte d'Ivoire
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import polars as pl

from sanctions_tracker.columns import date_text
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.dates import to_day, to_partial_date
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    SanctionsTrackerError,
    UnknownCountryError,
    ValidationError,
)

if TYPE_CHECKING:
    from sanctions_tracker.dataset import Dataset
    from sanctions_tracker.records import Document

__all__ = ["main"]

PROG = "sanctions-tracker"
FORMATS = ("table", "csv", "json")
FILE_FORMATS = ("json", "csv", "parquet")


class _UsageError(Exception):
    """A mistake on the command line, reported as one line with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors end in one line and status 2, never in a traceback."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Args:
        argv: The arguments after the program name.

    Returns:
        0 on success; 1 when ``validate`` finds problems or ``resolve`` cannot resolve a
        name; 2 on a user error, after printing one line on standard error.

    >>> main(["resolve", "Atlantis"])
    1
    >>> main(["signed-not-sanctioned", "x", "--as-of", "2020-13-01"])
    2
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    except _UsageError as err:
        return _fail(str(err))
    except SystemExit as exit_:  # --help and --version end here, with status 0
        return exit_.code if isinstance(exit_.code, int) else 0
    run: Callable[[argparse.Namespace], int] = getattr(args, "run", _report)
    try:
        return run(args)
    except _UsageError as err:
        return _fail(str(err))
    except BrokenPipeError:  # `sanctions-tracker | head`: the reader left, nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        return _fail(_os_message(err))
    except SanctionsTrackerError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130


# -- the parser ---------------------------------------------------------------------------


def _build_parser() -> _Parser:
    from sanctions_tracker import __version__

    parser = _Parser(
        prog=PROG,
        description=(
            "Who signed joint statements and open letters, and who sanctioned: exact, "
            "dated, sourced answers. With no command, print the report on the built-in "
            "Belarus 2020 data."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    report = commands.add_parser(
        "report",
        help="the report: each document, who signed, and who did one without the other",
        description=(
            "For each document: who signed; who signed but took no sanctions action "
            "against its subject from the document's date to --until; and who took part in "
            "sanctions against the subject on --until without signing."
        ),
    )
    _add_dataset(report)
    report.add_argument(
        "--until",
        type=_day,
        metavar="DATE",
        help="end of the response window, and the day of the status (default: 31 December "
        "of the year of the latest document)",
    )
    report.set_defaults(run=_report)

    for name, question in (
        ("signed-not-sanctioned", "signed DOCUMENT but did not sanction its subject"),
        ("sanctioned-not-signed", "sanctioned DOCUMENT's subject but did not sign it"),
    ):
        query = commands.add_parser(
            name,
            help=f"the countries that {question}",
            description=(
                f"The countries that {question}: with --as-of, status on that day; with "
                "--since/--until, a response within that window."
            ),
        )
        query.add_argument("document", metavar="DOCUMENT", help="the document's id")
        _add_dataset(query)
        query.add_argument("--as-of", type=_day, metavar="DATE", help="status on this day")
        query.add_argument("--since", type=_day, metavar="DATE", help="start of the window")
        query.add_argument("--until", type=_day, metavar="DATE", help="end of the window")
        _add_format(query)
        query.set_defaults(run=_question, question=name.replace("-", "_"))

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
    validate.set_defaults(run=_validate)

    convert = commands.add_parser(
        "convert",
        help="convert a dataset between JSON and CSV or Parquet tables",
        description="Read a dataset and write it in another format, losing nothing.",
    )
    convert.add_argument("source", type=Path, metavar="SRC", help="a JSON file or a folder")
    convert.add_argument("target", type=Path, metavar="DST", help="where to write")
    _add_file_format(convert)
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
    ftm.add_argument("target", type=Path, metavar="OUT", help="the dataset to write")
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
    _add_file_format(ftm)
    ftm.set_defaults(run=_import_ftm)

    matrix = commands.add_parser(
        "matrix",
        help="print the countries x documents-and-regimes matrix",
        description="One row per country, one column per document and regime.",
    )
    _add_dataset(matrix)
    _add_selection(matrix)
    _add_format(matrix)
    matrix.set_defaults(run=_matrix)

    plot = commands.add_parser(
        "plot",
        help="draw the matrix as a heatmap (PNG or SVG)",
        description="Draw the matrix to OUT, a .png or .svg file (needs the 'plot' extra).",
    )
    plot.add_argument("out", type=Path, metavar="OUT", help="a .png or .svg file")
    _add_dataset(plot)
    _add_selection(plot)
    plot.set_defaults(run=_plot)
    return parser


_Commands = argparse._SubParsersAction  # the type argparse gives add_subparsers' result


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
        help="the text's date (YYYY[-MM[-DD]]): 'Serbia and Montenegro' is one state before "
        "2006-09-26, two countries after",
    )
    signatories.add_argument(
        "--expand-blocs",
        action="store_true",
        help="list the members on --date (a day) of 'the EU and its member states'",
    )
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
    merge.add_argument("--out", type=Path, required=True, metavar="DST", help="where to write")
    _add_file_format(merge)
    merge.set_defaults(run=_merge)


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


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--documents", nargs="+", metavar="ID", help="these documents only")
    parser.add_argument("--regimes", nargs="+", metavar="ID", help="these regimes only")
    parser.add_argument("--as-of", type=_day, metavar="DATE", help="participation on this day")


def _target(text: str) -> tuple[str, str]:
    programme, sep, country = text.partition("=")
    if not sep or not programme.strip() or not country.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write PROGRAMME=COUNTRY, e.g. EU-BLR=Belarus")
    return programme.strip(), country.strip()


def _day(text: str) -> dt.date:
    try:
        return to_day(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


# -- the commands -------------------------------------------------------------------------


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
        text = sys.stdin.read()
    else:
        text = _existing(args.text).read_text(encoding="utf-8")
    found = parse_signatories(
        text,
        expand_blocs_on=written.first if args.expand_blocs and written is not None else None,
        written_on=written,
    )
    sys.stdout.write(_render(found.to_frame(), args.format))
    return 1 if found.unresolved else 0


def _validate(args: argparse.Namespace) -> int:
    from sanctions_tracker.dataset import Dataset

    path: Path = _existing(args.path)
    try:
        dataset = Dataset.load(path)
    except ValidationError as err:
        return _problems(f"{path}:", [str(problem) for problem in err.problems])
    except DataFormatError as err:
        return _problems(f"{path}:", [str(err)])
    print(f"{path}: valid: {_describe(dataset)}")
    return 0


def _problems(heading: str, problems: list[str]) -> int:
    """Print ``heading``, the count and every problem on standard output; return 1."""
    print(f"{heading} {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    for problem in problems:
        print(f"  {problem}")
    return 1


def _convert(args: argparse.Namespace) -> int:
    from sanctions_tracker.dataset import Dataset

    dataset = Dataset.load(_existing(args.source))
    dataset.save(args.target, format=args.format)
    print(f"wrote {args.target}: {_describe(dataset)}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from sanctions_tracker.dataset import Dataset

    first, *others = [Dataset.load(_existing(path)) for path in args.sources]
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
        result = import_ftm(stream, targets=targets, actions=args.actions, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    result.dataset.save(args.target, format=args.format)
    print(result.summary)
    print(f"wrote {args.target}: {_describe(result.dataset)}")
    return 0


def _question(args: argparse.Namespace) -> int:
    if args.as_of is not None and (args.since is not None or args.until is not None):
        raise _UsageError(
            "give either --as-of (status on a day) or --since/--until (a window), not both"
        )
    dataset = _load(args.dataset)
    ask = getattr(dataset, args.question)
    frame: pl.DataFrame = ask(args.document, as_of=args.as_of, since=args.since, until=args.until)
    sys.stdout.write(_render(frame, args.format))
    return 0


def _matrix(args: argparse.Namespace) -> int:
    from sanctions_tracker.plot import signed_documents  # matplotlib is not imported

    dataset = _load(args.dataset)
    cells: pl.DataFrame = dataset.matrix(
        args.documents or signed_documents(dataset),
        args.regimes,
        as_of=args.as_of or _default_day(dataset),
    )
    documents = cells["document_id"].unique(maintain_order=True).to_list()
    keys = ["country", "party_kind", "name"]
    if documents:
        wide = (
            cells.pivot(on="document_id", index=keys, values="status")
            .select(*keys, *[pl.col(d).cast(pl.String) for d in documents])
            .sort(pl.col("party_kind") != "country", "country")
        )
    else:
        wide = cells.select(keys)
    sys.stdout.write(_render(wide, args.format))
    return 0


def _plot(args: argparse.Namespace) -> int:
    from sanctions_tracker.plot import plot_matrix

    dataset = _load(args.dataset)
    written = plot_matrix(
        dataset,
        documents=args.documents,
        regimes=args.regimes,
        as_of=args.as_of or _default_day(dataset),
        path=args.out,
    )
    print(f"wrote {written}")
    return 0


def _report(args: argparse.Namespace) -> int:
    dataset = _load(getattr(args, "dataset", None))
    # By the last day each date can stand for: a letter dated "2020" comes after September.
    documents = sorted(dataset.documents, key=lambda d: (d.date.last, d.date.first, d.id))
    until: dt.date = getattr(args, "until", None) or _default_day(dataset)
    out = sys.stdout
    out.write(f"{_describe(dataset)}; status and responses up to {until}\n")
    for document in documents:
        out.write("\n")
        _report_document(out, dataset, document, until)
    return 0


# -- the report ---------------------------------------------------------------------------


def _report_document(out: TextIO, dataset: Dataset, document: Document, until: dt.date) -> None:
    """One document: what it is, who signed, and the three lists of its subject's sanctions.

    The response window runs from the document's date to ``until``; the status is that
    of the day ``until``. A document with no subject, or with no named country or bloc
    among its signatories, gets no lists: the questions do not apply to it.
    """
    notes: dict[str, int] = {}
    kind = "Joint statement" if hasattr(document, "issued_on") else "Open letter"
    out.write(f"{document.date}  {document.title}\n")
    about = f", about {document.subject.name}" if document.subject is not None else ""
    out.write(f"  {kind} {document.id}{about}{_refs(document.sources, notes)}\n")
    if document.note:
        out.write(_fill(f"Note: {document.note}", indent="  ", hanging="    "))
    signers = [_signer(document, s) for s in document.signatures]
    if signers:
        out.write(_wrap(f"Signed by {len(signers)}:", signers))
    else:
        out.write(f"  Signed by: {_count(document)}\n")
    named = dataset.tables.signatures.filter(
        (pl.col("document_id") == document.id) & pl.col("party_kind").is_in(["country", "bloc"])
    ).height
    if document.subject is not None and named and document.date.first <= until:
        _report_lists(out, dataset, document, document.subject.name, until, notes)
    if notes:
        out.write("  Sources:\n")
        for source, number in notes.items():
            out.write(_fill(f"[{number}] {source}", indent="    ", hanging="        "))


def _fill(text: str, *, indent: str, hanging: str) -> str:
    """A paragraph of the report, wrapped at 100 columns, never inside a word or a URL."""
    wrapped = textwrap.fill(
        text,
        width=100,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped + "\n"


def _report_lists(
    out: TextIO,
    dataset: Dataset,
    document: Document,
    subject: str,
    until: dt.date,
    notes: dict[str, int],
) -> None:
    """The three lists: no action in the window, not in sanctions on the day, and the reverse."""
    late = dataset.signed_not_sanctioned(document.id, until=until)
    out.write(
        f"  Signed, but took no sanctions action against {subject} "
        f"from {document.date} to {until} ({late.height}):\n"
    )
    _write_signed(out, dataset, document.id, late, notes)
    outside = dataset.signed_not_sanctioned(document.id, as_of=until)
    out.write(
        f"  Signed, but took no part in sanctions against {subject} on {until} "
        f"({outside.height}):\n"
    )
    _write_signed(out, dataset, document.id, outside, notes)
    missing = dataset.sanctioned_not_signed(document.id, as_of=until)
    out.write(
        f"  Took part in sanctions against {subject} on {until}, but did not sign "
        f"({missing.height}):\n"
    )
    _write_sanctioned(out, dataset, missing, until, notes)


def _wrap(label: str, items: list[str]) -> str:
    """``label`` and the items joined by "; ", wrapped at 100 columns, never inside an item."""
    glued = [item.replace(" ", "\u00a0") for item in items]
    text = textwrap.fill(
        f"{label} " + "; ".join(glued),
        width=100,
        initial_indent="  ",
        subsequent_indent="    ",
        break_on_hyphens=False,
    )
    return text.replace("\u00a0", " ") + "\n"


def _signer(document: Document, signature: object) -> str:
    from sanctions_tracker.records import Signature

    assert isinstance(signature, Signature)
    party = signature.party
    label = party.name
    notes = []
    if signature.signed_on is not None and signature.signed_on != document.date:
        notes.append(f"signed {signature.signed_on}")
    if signature.withdrawn_on is not None:
        notes.append(f"withdrew {signature.withdrawn_on}")
    return f"{label} ({'; '.join(notes)})" if notes else label


def _count(document: Document) -> str:
    count = getattr(document, "reported_count", None)
    anonymous = getattr(document, "anonymous", False)
    parts = []
    if count is not None:
        qualifier = document.count_qualifier if hasattr(document, "count_qualifier") else "exact"
        number = f"{count}" if qualifier == "exact" else f"{qualifier} {count}"
        as_of = getattr(document, "count_as_of", None)
        parts.append(f"{number} signatories reported" + (f" as of {as_of}" if as_of else ""))
    if anonymous:
        parts.append("names not published")
    threshold = getattr(document, "disclosure_threshold", None)
    if threshold is not None:
        parts.append(f"names to be published past {threshold}")
    return "; ".join(parts) or "no signatures recorded"


def _write_signed(
    out: TextIO, dataset: Dataset, document_id: str, frame: pl.DataFrame, notes: dict[str, int]
) -> None:
    """One line per signatory: code, name, the day its signature counts from, its sources."""
    sources = dataset.tables.signatures.filter(pl.col("document_id") == document_id).select(
        pl.col("party").alias("country"), "sources"
    )
    shown = _display(frame, join_lists=True).join(sources, on="country", how="left")
    lines = shown.select(
        "country",
        "name",
        pl.concat_str(
            pl.lit("signed "),
            pl.col("signed_on"),
            pl.when(pl.col("via").is_not_null())
            .then(" through " + pl.col("via"))
            .otherwise(pl.lit("")),
        ).alias("evidence"),
        "sources",
    )
    _write_lines(out, lines, notes)


def _write_sanctioned(
    out: TextIO, dataset: Dataset, frame: pl.DataFrame, day: dt.date, notes: dict[str, int]
) -> None:
    """One line per (country, regime): how the country takes part on ``day``, and the source."""
    t = dataset.tables
    regimes = t.regimes.select(
        "regime_id",
        pl.col("authority_kind").cast(pl.String),
        "authority",
        date_text("established_on"),
        pl.col("sources").alias("_regime_sources"),
    )
    aligned = (
        t.alignments.filter(pl.col("aligned_on") <= day)
        .sort("aligned_on")
        .unique(["country", "regime_id"], keep="last")
        .select(
            pl.col("country").cast(pl.String),
            "regime_id",
            date_text("aligned_on"),
            "act",
            pl.col("sources").alias("_alignment_sources"),
        )
    )
    members = (
        t.memberships.filter(pl.col("joined") <= day)
        .sort("joined")
        .unique(["bloc", "country"], keep="last")
        .select(pl.col("bloc").alias("authority"), pl.col("country").cast(pl.String), "joined")
    )
    rows = (
        frame.select("country", "name", "regimes")
        .explode("regimes")
        .rename({"regimes": "regime_id"})
        .join(regimes, on="regime_id", how="left")
        .join(aligned, on=["country", "regime_id"], how="left")
        .join(members, on=["authority", "country"], how="left")
    )
    own = pl.col("authority") == pl.col("country")
    is_aligned = pl.col("aligned_on").is_not_null()
    since = pl.when(pl.col("established_on").is_not_null()).then(
        " since " + pl.col("established_on")
    )
    how = (
        pl.when(own)
        .then(pl.concat_str(pl.lit("own regime"), since.otherwise(pl.lit(""))))
        .when(is_aligned)
        .then(
            pl.concat_str(
                pl.lit("aligned from "),
                pl.col("aligned_on"),
                pl.when(pl.col("act") != "").then(" (" + pl.col("act") + ")").otherwise(pl.lit("")),
            )
        )
        .when(pl.col("joined").is_not_null())
        .then(
            "member of "
            + pl.col("authority")
            + " since "
            + pl.col("joined").dt.strftime("%Y-%m-%d")
        )
        .otherwise(pl.lit("takes part"))
    )
    sources = (
        pl.when(is_aligned & ~own)
        .then(pl.col("_alignment_sources"))
        .otherwise(pl.col("_regime_sources"))
    )
    lines = rows.select(
        "country",
        "name",
        pl.concat_str(pl.col("regime_id"), pl.lit(": "), how).alias("evidence"),
        sources.alias("sources"),
    )
    _write_lines(out, lines, notes)


def _write_lines(out: TextIO, lines: pl.DataFrame, notes: dict[str, int]) -> None:
    """Aligned lines of code, name, evidence and numbered sources; a repeated code is blank."""
    if lines.height == 0:
        out.write("    none\n")
        return
    width = max(len(name) for name in lines["name"].to_list())
    previous = None
    for code, name, evidence, sources in lines.iter_rows():
        shown = ("", "") if code == previous else (code, name)
        previous = code
        line = f"    {shown[0]:<4}{shown[1]:<{width}}  {evidence}{_refs(sources or (), notes)}"
        out.write(line.rstrip() + "\n")


def _refs(sources: Sequence[str], notes: dict[str, int]) -> str:
    """`` [1, 2]``: the numbers of the sources in the document's notes, added when new."""
    numbers = [notes.setdefault(source, len(notes) + 1) for source in sources if source]
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


# -- helpers ------------------------------------------------------------------------------


def _load(path: Path | None) -> Dataset:
    if path is None:
        from sanctions_tracker.datasets import belarus_2020

        return belarus_2020()
    from sanctions_tracker.dataset import Dataset

    return Dataset.load(_existing(path))


def _default_day(dataset: Dataset) -> dt.date:
    """31 December of the year of the latest document (this year when there is none)."""
    latest = dataset.tables.documents["date"].max()
    year = latest.year if isinstance(latest, dt.date) else dt.date.today().year
    return dt.date(year, 12, 31)


def _existing(path: Path) -> Path:
    if not path.exists():
        raise _UsageError(f"{path}: no such file or folder")
    return path


def _describe(dataset: Dataset) -> str:
    t = dataset.tables
    counts = [
        (t.documents.height, "document"),
        (t.signatures.height, "signature"),
        (t.regimes.height, "regime"),
        (t.actions.height, "action"),
        (t.designations.height, "designation"),
        (t.alignments.height, "alignment"),
    ]
    return ", ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in counts)


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


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _os_message(err: OSError) -> str:
    if err.filename is not None and err.strerror:
        return f"{err.filename}: {err.strerror.lower()}"
    return str(err)
