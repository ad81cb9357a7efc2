"""Where the tests find their files.

What the tests need is in the project: ``tests/data/`` and the example files the
package ships. A file that may not be redistributed is read from ``../shared/data/``
beside the project, and a test of it skips, saying why, where it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from sanctions_tracker import datasets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED_DATA = ROOT.parent / "shared" / "data"

#: A real OpenSanctions entity stream (MIT), shipped as package data.
ZALA = datasets.zala_stream_path()
#: Invented rows in the EU annex layout, shipped as package data.
EU_ANNEX_EXAMPLE = datasets.eu_annex_example_path()
#: The lead and the signatory list of a report of the 2020-09-17 statement, quoted.
SEPTEMBER_17_REPORT = DATA / "urdupoint-2020-09-18-signatories.txt"
#: 2,468 published country names with their expected codes (ODC-PDDL).
COUNTRY_NAMES = DATA / "country-names-eval.csv"

#: The EU's consolidated Belarus annex as OpenSanctions extracts it: CC BY-NC 4.0.
EU_ANNEX_REAL = SHARED_DATA / "real" / "eu-blr-annex-32006R0765.csv"

needs_eu_annex = pytest.mark.skipif(
    not EU_ANNEX_REAL.exists(),
    reason=(
        "the real EU annex (OpenSanctions, CC BY-NC 4.0) may not be redistributed with the "
        "project: put it at ../shared/data/real/eu-blr-annex-32006R0765.csv to run this test"
    ),
)


def module_at(path: Path) -> ModuleType:
    """The Python file at ``path`` (a script, a docs extension), loaded as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
