"""The ``import-votes`` command: UN General Assembly roll calls into a dataset.

>>> import tempfile, pathlib
>>> from sanctions_tracker.cli import main
>>> out = pathlib.Path(tempfile.mkdtemp()) / "votes.parquet"
>>> main(["import-votes", "tests/data/unvotes", "--out", str(out)])  # doctest: +ELLIPSIS
unvotes layout: 18 roll calls, 2263 votes (abstain 460, against 147, for 1656)
...
wrote .../votes.parquet: 18 documents, 2263 signatures, 0 regimes, ...
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from sanctions_tracker.cli._common import (
    FAILED,
    PROG,
    _add_encoding,
    _add_file_format,
    _Commands,
    _describe,
    _existing,
    _Parser,
    output_path,
)

__all__ = ["add_vote_commands"]


def add_vote_commands(commands: _Commands[_Parser]) -> None:
    """Add ``import-votes`` to the command line's subcommands."""
    parser = commands.add_parser(
        "import-votes",
        help="import UN General Assembly roll-call votes",
        description=(
            "Read roll-call votes (the unvotes tables, Voeten's UNVotes.csv, or the UN "
            "Digital Library's General Assembly voting data; told apart by their columns) "
            "and write them as a dataset: one document per roll call, one signature per "
            "vote. Prints what was read: roll calls, votes, and the members' names that "
            "no rule resolves, by file and line. The result merges with sanctions data "
            "(merge) and answers every question of a statement."
        ),
    )
    parser.add_argument(
        "files", type=Path, nargs="+", metavar="FILES", help="the CSV files, or their folder"
    )
    parser.add_argument(
        "--out", type=output_path, required=True, metavar="PATH", help="the dataset to write"
    )
    parser.add_argument(
        "--layout",
        choices=("unvotes", "voeten", "undl"),
        help="the files' layout (default: told by their columns)",
    )
    parser.add_argument(
        "--skip-bad-rows",
        dest="strict",
        action="store_false",
        help="load the good rows and list the bad ones (default: stop at any bad row)",
    )
    _add_encoding(parser)
    _add_file_format(parser)
    parser.set_defaults(run=_import_votes)


def _import_votes(args: argparse.Namespace) -> int:
    from sanctions_tracker.votes import import_un_votes

    files = [_existing(path) for path in args.files]
    progress = _Stages(sys.stderr) if sys.stderr.isatty() else None
    try:
        # Read leniently, so that a refused import can list every bad row.
        result = import_un_votes(
            *files, layout=args.layout, strict=False, progress=progress, encoding=args.encoding
        )
        dataset, summary = result.dataset, result.summary
        if summary.problems and args.strict:
            if progress is not None:
                progress.close()
                progress = None
            print(summary)
            print(
                f"{PROG}: error: {len(summary.problems)} bad rows, the first: "
                f"{summary.problems[0]}; nothing written (give --skip-bad-rows to write "
                "the other rows)",
                file=sys.stderr,
            )
            return FAILED
        if progress is not None:
            progress("writing")
        out: Path = args.out
        fmt = args.format or ("parquet" if out.suffix.lower() == ".parquet" else None)
        dataset.save(out, format=fmt)
    finally:
        if progress is not None:
            progress.close()
    print(summary)
    print(f"wrote {args.out}: {_describe(dataset)}")
    return 0


class _Stages:
    """A one-line progress indicator on a terminal: the stage the import is at."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = False

    def __call__(self, stage: str) -> None:
        self._shown = True
        self._stream.write(f"\rimporting votes: {stage:<40}")
        self._stream.flush()

    def close(self) -> None:
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()
