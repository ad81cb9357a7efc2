"""The commands that ask: the report, one command per query, and the matrix drawn.

Each query of :data:`sanctions_tracker.queries.options.QUERIES` becomes a command of
the same name with dashes (``signed-not-sanctioned``), whose arguments follow the
declaration: a positional argument for a required one, ``--as-of DATE`` for a day,
``--documents ID ...`` for ids, ``--via-blocs`` / ``--no-via-blocs`` for a switch.

>>> from sanctions_tracker.cli import main
>>> main(["signed-not-sanctioned", "by-2020-09-17-internet-shutdowns", "--as-of", "2020-12-31",
...       "--no-via-alignment", "--format", "csv"])
country,party_kind,name,signed_on,via
AU,country,Australia,2020-09-17,
IS,country,Iceland,2020-09-17,
JP,country,Japan,2020-09-17,
LI,country,Liechtenstein,2020-09-17,
NO,country,Norway,2020-09-17,
UA,country,Ukraine,2020-09-17,
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from sanctions_tracker.cli._common import (
    _add_dataset,
    _add_format,
    _answer_format,
    _Commands,
    _day,
    _load,
    _Parser,
    _UsageError,
    _write_answer,
    output_path,
)
from sanctions_tracker.dates import DAY_FORM, PartialDate
from sanctions_tracker.io._atomic import write_file_atomically
from sanctions_tracker.queries.options import QUERIES, Argument, Query
from sanctions_tracker.report import Report, build_report, default_cutoff, render_text

#: How the command line reads each kind of argument (keyed by the declared type).
_READERS: Mapping[str, Mapping[str, Any]] = {
    "str": {},
    "Iterable[str] | None": {"nargs": "+", "metavar": "ID"},
    "DayLike | None": {"type": _day, "metavar": DAY_FORM},
    "CountryLike": {},
    "CountryLike | None": {"metavar": "COUNTRY"},
    "bool": {"action": argparse.BooleanOptionalAction},
}

#: What a command's description says beyond its one-line help.
_DESCRIPTIONS = {
    "signed_not_sanctioned": "With --as-of, status on that day; with --since/--until, a "
    "response within that window.",
    "sanctioned_not_signed": "With --as-of, status on that day; with --since/--until, a "
    "response within that window.",
    "explain": "Prose with --format table (the default), the evidence with --format csv, "
    "everything with --format json. With --as-of, status on that day; with --since/--until, "
    "a response within that window.",
    "matrix": "One row per country, one column per document (default: the documents with a "
    "named signatory), on --as-of (default: 31 December of the latest document's year).",
}


def add_questions(commands: _Commands[_Parser]) -> None:
    """Add the report, one command per query, and plot to ``commands``."""
    report = commands.add_parser(
        "report",
        help="the report: each document, who signed, and who did one without the other",
        description=(
            "For each document: who signed; who signed but took no sanctions action "
            "against its subject from the document's date to --until; and who took part in "
            "sanctions against the subject on --until without signing. With --html or "
            "--markdown, the report is written to that file instead of printed."
        ),
    )
    report.add_argument(
        "name",
        nargs="?",
        metavar="DATASET",
        help="a built-in dataset by name (see the datasets command), or a dataset file or "
        "folder; the same as --dataset",
    )
    _add_dataset(report)
    report.add_argument(
        "--until",
        type=_day,
        metavar=DAY_FORM,
        help="end of the response window, and the day of the status (default: 31 December "
        "of the year of the latest document)",
    )
    report.add_argument(
        "--html",
        type=output_path,
        metavar="FILE",
        help="write the report as one self-contained HTML page to FILE",
    )
    report.add_argument(
        "--markdown",
        type=output_path,
        metavar="FILE",
        help="write the report as GitHub-flavoured Markdown to FILE",
    )
    report.set_defaults(run=_report)

    runs: dict[str, Callable[[argparse.Namespace], int]] = {
        "matrix": _matrix,
        "explain": _explain,
    }
    for query in QUERIES.values():
        parser = commands.add_parser(
            query.name.replace("_", "-"),
            help=query.help,
            description=f"{query.help[0].upper()}{query.help[1:]}. "
            + _DESCRIPTIONS.get(query.name, ""),
        )
        _add_arguments(parser, query.arguments)
        _add_dataset(parser)
        _add_format(parser)
        parser.set_defaults(run=runs.get(query.name, _ask), query=query.name)

    plot = commands.add_parser(
        "plot",
        help="draw the matrix as a heatmap (PNG or SVG)",
        description="Draw the matrix to OUT, a .png or .svg file (needs the 'plot' extra).",
    )
    plot.add_argument("out", type=output_path, metavar="OUT", help="a .png or .svg file")
    _add_dataset(plot)
    _add_arguments(plot, _chosen(QUERIES["matrix"], ("documents", "regimes", "as_of")))
    plot.set_defaults(run=_plot)


def _chosen(query: Query, names: Iterable[str]) -> tuple[Argument, ...]:
    return tuple(query.option(name) for name in names)


def _add_arguments(parser: argparse.ArgumentParser, arguments: Iterable[Argument]) -> None:
    """One command-line argument per declared argument of a query."""
    for argument in arguments:
        reader = dict(_READERS[argument.type])
        if argument.required:
            parser.add_argument(
                argument.name, metavar=_typed_as(argument), help=argument.help, **reader
            )
        else:
            parser.add_argument(
                _typed_as(argument),
                dest=argument.name,
                default=argument.default,
                help=argument.help + _default_text(argument),
                **reader,
            )


def _typed_as(argument: Argument) -> str:
    """How the command line names an argument: ``TARGET`` (required) or ``--as-of``."""
    if argument.required:
        return argument.name.removesuffix("_id").upper()
    return "--" + argument.name.replace("_", "-")


def options_as_typed(message: str, query: str | None) -> str:
    """``message`` with the keyword arguments of ``query`` (of any query when None) named
    as on the command line: ``target='EU'`` as ``TARGET 'EU'`` or ``--target 'EU'``,
    ``documents=`` as ``--documents``.

    >>> options_as_typed("target='EU': unknown country 'EU'", "participation")
    "TARGET 'EU': unknown country 'EU'"
    >>> options_as_typed("leave it out of documents=", None)
    'leave it out of --documents'
    """
    arguments = {a.name: a for q in QUERIES.values() for a in q.arguments if not a.required}
    if query is not None and query in QUERIES:
        arguments.update((a.name, a) for a in QUERIES[query].arguments)
    for argument in arguments.values():
        named = _typed_as(argument)

        def typed(found: re.Match[str], named: str = named) -> str:
            return f"{named} {found[1]}" if found[1] else named

        message = re.sub(rf"\b{argument.name}=('[^']*'|\"[^\"]*\")?", typed, message)
    return message


def _default_text(argument: Argument) -> str:
    """`` (default: on)`` for a switch; the help of other arguments says it in words."""
    if argument.type != "bool":
        return ""
    return " (default: on)" if argument.default else " (default: off)"


def _options(args: argparse.Namespace, query: Query) -> dict[str, Any]:
    """The query's arguments as parsed; --as-of with --since/--until is refused."""
    options = {argument.name: getattr(args, argument.name) for argument in query.arguments}
    if options.get("as_of") is not None and (
        options.get("since") is not None or options.get("until") is not None
    ):
        raise _UsageError(
            "give either --as-of (status on a day) or --since/--until (a window), not both"
        )
    return options


def _report(args: argparse.Namespace) -> int:
    """The report, built once by :mod:`sanctions_tracker.report`: printed as text, or
    written as HTML and Markdown files."""
    name, given = getattr(args, "name", None), getattr(args, "dataset", None)
    if name is not None and given is not None:
        raise _UsageError("give the dataset once: as DATASET or as --dataset, not both")
    dataset = _load(given if name is None else name, getattr(args, "encoding", None))
    report = build_report(dataset, until=getattr(args, "until", None))
    files = [
        (path, render)
        for path, render in (
            (getattr(args, "html", None), Report.to_html),
            (getattr(args, "markdown", None), Report.to_markdown),
        )
        if path is not None
    ]
    if not files:
        sys.stdout.write(render_text(report))
    for path, render in files:
        write_file_atomically(path, functools.partial(_write, render(report)))
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _write(text: str, path: Path) -> None:
    path.write_text(text, encoding="utf-8")


def _ask(args: argparse.Namespace) -> int:
    query = QUERIES[args.query]
    options = _options(args, query)
    dataset = _load(args.dataset, args.encoding)
    frame: pl.DataFrame = getattr(dataset, query.name)(**options)
    _write_answer(frame, args)
    return 0


def _explain(args: argparse.Namespace) -> int:
    """The explanation as prose (table), its evidence as CSV, or the whole of it as JSON."""
    explanation = _load(args.dataset, args.encoding).explain(**_options(args, QUERIES["explain"]))
    out: Path | None = args.out
    fmt = _answer_format(args)
    if fmt in ("table", "json"):
        if fmt == "table":
            text = f"{explanation}\n"
        else:
            written = attrs.asdict(explanation, value_serializer=_jsonable)
            text = json.dumps(written, indent=2, ensure_ascii=False) + "\n"
        if out is None:
            sys.stdout.write(text)
        else:
            write_file_atomically(out, functools.partial(_write, text))
            print(f"wrote {out}", file=sys.stderr)
        return 0
    evidence = pl.DataFrame(
        [attrs.asdict(piece) for piece in explanation.evidence],
        schema={
            "route": pl.String,
            "regime": pl.String,
            "through": pl.String,
            "on": pl.Date,
            "detail": pl.String,
            "sources": pl.List(pl.String),
        },
    )
    _write_answer(evidence, args)
    return 0


def _jsonable(instance: object, field: object, value: object) -> object:
    """Dates and partial dates as their ISO text, tuples as lists."""
    if isinstance(value, dt.date | PartialDate):
        return str(value)
    return value


def _matrix(args: argparse.Namespace) -> int:
    from sanctions_tracker.plot import signed_documents  # matplotlib is not imported

    options = _options(args, QUERIES["matrix"])
    dataset = _load(args.dataset, args.encoding)
    options["documents"] = options["documents"] or signed_documents(dataset)
    options["as_of"] = options["as_of"] or default_cutoff(dataset)
    cells = dataset.matrix(**options)
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
    _write_answer(wide, args, heading=f"status on {options['as_of']}")
    return 0


def _plot(args: argparse.Namespace) -> int:
    from sanctions_tracker.plot import plot_matrix

    dataset = _load(args.dataset, args.encoding)
    written = plot_matrix(
        dataset,
        documents=args.documents,
        regimes=args.regimes,
        as_of=args.as_of or default_cutoff(dataset),
        path=args.out,
    )
    print(f"wrote {written}")
    return 0
