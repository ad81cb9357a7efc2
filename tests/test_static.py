"""The static checks are part of the test command: mypy --strict and ruff."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["mypy", "--strict"],
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
    ],
    ids=["mypy-strict", "ruff-check", "ruff-format"],
)
def test_static_check_passes(command: list[str]) -> None:
    """The package, tests and benchmarks pass the check with no finding."""
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
