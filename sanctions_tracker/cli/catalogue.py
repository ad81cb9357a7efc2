"""The ``datasets`` command: the built-in datasets, by name, with what each holds.

>>> from sanctions_tracker.cli import main
>>> main(["datasets", "--format", "csv"])  # doctest: +ELLIPSIS
name,function,title,documents,regimes,actions,designations,alignments
belarus-2020,sanctions_tracker.datasets.belarus_2020,...
0
"""

from __future__ import annotations

import argparse

from sanctions_tracker.cli._common import _add_format, _Commands, _Parser, _write_answer

__all__ = ["add_catalogue_command"]


def add_catalogue_command(commands: _Commands[_Parser]) -> None:
    """Add ``datasets`` to the command line's subcommands."""
    parser = commands.add_parser(
        "datasets",
        help="list the built-in datasets",
        description=(
            "The datasets shipped with the package, one row each: the name that the "
            "report and --dataset take, what it holds, and how many documents, regimes, "
            "listings and alignments it has."
        ),
    )
    _add_format(parser)
    parser.set_defaults(run=_catalogue)


def _catalogue(args: argparse.Namespace) -> int:
    from sanctions_tracker.datasets import catalogue

    # A terminal shows the main columns; the other formats give every column.
    _write_answer(
        catalogue(),
        args,
        terminal_columns=("name", "documents", "regimes", "designations", "title"),
    )
    return 0
