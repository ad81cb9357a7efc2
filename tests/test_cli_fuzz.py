"""Every command on garbage: random bytes, empty files, folders, missing and unreadable paths.

Whatever the input, a command ends with status 1 or 2 and at most one line on standard
error, never a traceback. The commands are taken from the parser, so a new one is
driven too. Most runs call ``main`` in the process; two run the real command.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions_tracker.cli import main
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
        if not read or action.type is not Path:
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


def _drive(
    command: str, kind: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        garbage = _garbage(kind, data, folder)
        out = folder / "out"
        out.mkdir()
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(data))
        try:
            status = main(_argv(command, garbage, out))
        finally:
            sys.stdin = stdin
            if garbage.exists():
                garbage.chmod(0o700)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _one_line_failure(status: int, out: str, err: str) -> bool:
    return status in (1, 2) and "Traceback" not in out + err and len(err.splitlines()) <= 1


ROOT_READS_ALL = os.name != "posix" or os.geteuid() == 0


@pytest.mark.parametrize("command", sorted(COMMANDS))
@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from([k for k in KINDS if k != "unreadable" or not ROOT_READS_ALL]),
    data=st.binary(max_size=300),
)
def test_garbage_fails_in_one_line(
    command: str, kind: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any command on any garbage input exits 1 or 2 with at most one line of error."""
    status, out, err = _drive(command, kind, data, capsys)
    assert _one_line_failure(status, out, err), (status, out[-300:], err)


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
