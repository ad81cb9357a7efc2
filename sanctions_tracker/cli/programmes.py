"""The ``programmes`` command: the OpenSanctions programme registry, filtered.

>>> from sanctions_tracker.cli import main
>>> main(["programmes", "--target", "BY", "--authority", "US"])
key      authority  targets  status  title
-------  ---------  -------  ------  -----------------
US-BRUS  US         BY       active  Belarus Sanctions
0
"""

from __future__ import annotations

import argparse

from sanctions_tracker.cli._common import _add_format, _Commands, _Parser, _write_answer

__all__ = ["add_programme_commands"]


def add_programme_commands(commands: _Commands[_Parser]) -> None:
    """Add ``programmes`` to the command line's subcommands."""
    parser = commands.add_parser(
        "programmes",
        help="list the OpenSanctions sanctions programmes, by target and authority",
        description=(
            "The OpenSanctions programme registry shipped with the package: one row a "
            "programme, with its authority, targets (countries and regions; none for a "
            "thematic programme), measures and status. A region is not its country, "
            "and a bloc is not its members."
        ),
    )
    parser.add_argument("--target", metavar="TERRITORY", help="a country, region or bloc")
    parser.add_argument(
        "--authority", metavar="AUTHORITY", help="a country, bloc or organisation (UNSC)"
    )
    _add_format(parser)
    parser.set_defaults(run=_programmes)


def _programmes(args: argparse.Namespace) -> int:
    from sanctions_tracker.opensanctions import programmes

    frame = programmes(target=args.target, authority=args.authority)
    # A terminal shows the main columns; the other formats give every column.
    _write_answer(frame, args, terminal_columns=("key", "authority", "targets", "status", "title"))
    return 0
