"""Every command on garbage: random bytes, empty files, folders, missing and unreadable paths.

Whatever the input, a command ends with status 1 or 2 and at most one line on standard
error, never a traceback. The commands are taken from the parser, so a new one is
driven too. Most runs call ``main`` in the process; two run the real command.

An unreadable path is a file of mode 0. Root reads such a file all the same, so as root
(as in CI) every open of that path is refused with ``PermissionError``, as the system
refuses it to a user, and the test checks that the command did try to open it.
"""

from __future__ import annotations

import argparse
import builtins
import contextlib
import errno
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions_tracker.cli import main
from sanctions_tracker.cli._common import output_path
from sanctions_tracker.cli.main import _build_parser

KINDS = ("bytes", "empty", "folder", "missing", "table", "unreadable")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = _build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the parser has no commands")


COMMANDS = _commands()


def _argv(command: str, garbage: Path, out: Path) -> list[str]:
    """The command with ``garbage`` wherever it reads a file, ``out`` where it writes one."""
    parser = COMMANDS[command]
    argv = [command]
    read = False
    for action in parser._actions:
        if action.option_strings or action.dest in ("help", "run"):
            continue
        if not read or action.type not in (Path, output_path):
            argv.append(str(garbage))
            read = True
        else:
            argv.append(str(out / f"written{len(argv)}"))
    options = {o for action in parser._actions for o in action.option_strings}
    if "--dataset" in options:
        argv += ["--dataset", str(garbage)]
    for action in parser._actions:
        if action.required and action.option_strings:
            argv += [action.option_strings[0], str(out / "written.json")]
    if not read and "--dataset" not in options:
        argv += ["--target", str(garbage)]  # programmes: a territory that is a path
    return argv


def _garbage(kind: str, data: bytes, folder: Path) -> Path:
    path = folder / "input.json"
    if kind == "bytes":
        path.write_bytes(data)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path = folder / "empty-folder"
        path.mkdir()
    elif kind == "table":
        path = folder / "tables"
        path.mkdir()
        (path / "signatures.csv").write_bytes(data)
    elif kind == "unreadable":
        path.write_bytes(b'{"format": "sanctions-tracker"}')
        path.chmod(0)
    return path


ROOT_READS_ALL = os.name != "posix" or os.geteuid() == 0


class _Refusing:
    """Refuses every open of one path with ``PermissionError``, counting the refusals."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.refused = 0

    def _is_it(self, file: object) -> bool:
        if not isinstance(file, str | bytes | os.PathLike):
            return False
        return Path(os.fsdecode(file)).resolve() == self.path

    def _refuse(self, file: str | bytes | os.PathLike[str]) -> PermissionError:
        self.refused += 1
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(file))

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Within: ``open``, ``io.open`` and ``os.open`` of the path raise PermissionError."""
        real_open, real_os_open = builtins.open, os.open

        def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if self._is_it(file):
                raise self._refuse(file)
            return real_open(file, *args, **kwargs)

        def refusing_os_open(file: Any, *args: Any, **kwargs: Any) -> int:
            if self._is_it(file):
                raise self._refuse(file)
            return real_os_open(file, *args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(builtins, "open", refusing_open)
            patch.setattr(io, "open", refusing_open)
            patch.setattr(os, "open", refusing_os_open)
            yield


def _drive(
    command: str, kind: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Status, output and error of the command on the garbage (an unreadable path
    refused to root too)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        garbage = _garbage(kind, data, folder)
        out = folder / "out"
        out.mkdir()
        refusing = _Refusing(garbage) if kind == "unreadable" and ROOT_READS_ALL else None
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data))
        try:
            with refusing.installed() if refusing else contextlib.nullcontext():
                status = main(_argv(command, garbage, out))
        finally:
            sys.stdin = stdin
            if garbage.exists():
                garbage.chmod(0o700)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _one_line_failure(status: int, out: str, err: str) -> bool:
    return status in (1, 2) and "Traceback" not in out + err and len(err.splitlines()) <= 1


@pytest.mark.parametrize("command", sorted(COMMANDS))
@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=300))
def test_garbage_fails_in_one_line(
    command: str, kind: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any command on any garbage input exits 1 or 2 with at most one line of error."""
    status, out, err = _drive(command, kind, data, capsys)
    assert _one_line_failure(status, out, err), (status, out[-300:], err)


def _reading_argv(command: str, garbage: Path, out: Path) -> list[str] | None:
    """The command given ``garbage`` once, where it reads a file (its dataset, else its
    first path); None for a command that reads no file (it takes names or codes)."""
    parser = COMMANDS[command]
    options = {o for action in parser._actions for o in action.option_strings}
    positionals = [
        a for a in parser._actions if not a.option_strings and a.dest not in ("help", "run")
    ]
    if "--dataset" not in options and not any(a.type is Path for a in positionals):
        return None
    argv = [command]
    given = "--dataset" in options
    for action in positionals:
        if action.nargs == "?" and action.type is not Path:
            continue  # an optional name (report's DATASET): the path goes to --dataset
        if action.type is Path:
            argv.append(str(out / f"written{len(argv)}") if given else str(garbage))
            given = True
        else:
            argv.append("x")
    if "--dataset" in options:
        argv += ["--dataset", str(garbage)]
    for action in parser._actions:
        if action.required and action.option_strings:
            argv += [action.option_strings[0], str(out / "written.json")]
    return argv


READING = sorted(c for c in COMMANDS if _reading_argv(c, Path("in"), Path("out")) is not None)


@pytest.mark.parametrize("command", READING)
def test_an_unreadable_path_fails_in_one_line(command: str, tmp_path: Path) -> None:
    """A command given a path it may not open exits 1 or 2 with one line, as root too."""
    garbage = _garbage("unreadable", b"", tmp_path)
    argv = _reading_argv(command, garbage, tmp_path)
    assert argv is not None
    refusing = _Refusing(garbage) if ROOT_READS_ALL else None
    errors = io.StringIO()
    try:
        with (
            refusing.installed() if refusing else contextlib.nullcontext(),
            contextlib.redirect_stderr(errors),
            contextlib.redirect_stdout(io.StringIO()),
        ):
            status = main(argv)
    finally:
        garbage.chmod(0o700)
    expected = (True, 1, True, True)
    actual = (
        status in (1, 2),
        len(errors.getvalue().splitlines()),
        "permission denied" in errors.getvalue().lower(),
        refusing is None or refusing.refused > 0,
    )
    assert expected == actual, (argv, status, errors.getvalue())


def test_the_commands_are_all_driven() -> None:
    """The fuzzed commands are the parser's: the query commands and the file commands."""
    expected = {"signatories", "import-ftm", "matrix", "validate", "programmes"}
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("command", ["signatories", "matrix"])
def test_garbage_in_a_real_process(command: str, tmp_path: Path) -> None:
    """The installed command, given random bytes, exits 1 with one line and no traceback."""
    garbage = tmp_path / "input.json"
    garbage.write_bytes(bytes(range(256)) * 3)
    result = subprocess.run(
        [sys.executable, "-m", "sanctions_tracker", *_argv(command, garbage, tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        input="",
    )
    expected = (1, False, 1)
    actual = (result.returncode, "Traceback" in result.stderr, len(result.stderr.splitlines()))
    assert expected == actual, result.stderr
