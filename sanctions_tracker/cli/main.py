"""``main``: parse the command line, run the command, turn every mistake into one line.

>>> main(["resolve", "Atlantis"])
1
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from sanctions_tracker.cli._common import (
    FAILED,
    PROG,
    _fail,
    _os_message,
    _Parser,
    _UsageError,
)
from sanctions_tracker.cli.catalogue import add_catalogue_command
from sanctions_tracker.cli.files import add_file_commands
from sanctions_tracker.cli.programmes import add_programme_commands
from sanctions_tracker.cli.questions import _report, add_questions, options_as_typed
from sanctions_tracker.cli.votes import add_vote_commands
from sanctions_tracker.errors import DataFormatError, SanctionsTrackerError, ValidationError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Args:
        argv: The arguments after the program name.

    Returns:
        0 on success; 1 when a file cannot be read or written or holds bad data (and
        when ``validate`` finds problems or ``resolve`` cannot resolve a name); 2 on a
        mistake on the command line. An error is one line on standard error.

    >>> main(["resolve", "Atlantis"])
    1
    >>> main(["signed-not-sanctioned", "x", "--as-of", "2020-13-01"])
    2
    """
    _never_unencodable()
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
        return _fail(_os_message(err), FAILED)
    except ValidationError as err:
        return _fail(_first_problem(err), FAILED)
    except DataFormatError as err:
        return _fail(str(err), FAILED)
    except SanctionsTrackerError as err:
        return _fail(options_as_typed(str(err), getattr(args, "query", None)))
    except KeyboardInterrupt:
        return 130


def _first_problem(err: ValidationError) -> str:
    count = len(err.problems)
    if count <= 1:
        return str(err)
    return f"{count} problems; the first: {err.problems[0]} ('validate' lists them all)"


def _never_unencodable() -> None:
    """Let a terminal or pipe that is not UTF-8 show what it cannot encode as escapes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            reconfigure(errors="backslashreplace")


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
    add_questions(commands)
    add_file_commands(commands)
    add_programme_commands(commands)
    add_catalogue_command(commands)
    add_vote_commands(commands)
    return parser
