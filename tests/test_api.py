"""The public surface: ``sanctions_tracker.__all__`` holds the documented API, sorted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sanctions_tracker

ROOT = Path(__file__).resolve().parent.parent

# The names of DESIGN.md section 3, which checks outside the test suite rely on.
CONTRACT = {
    "AmbiguousCountryError",
    "Country",
    "Dataset",
    "SanctionsTrackerError",
    "UnknownCountryError",
    "ValidationError",
    "blocs",
    "datasets",
    "parse_signatories",
    "resolve_countries",
    "resolve_country",
}

# The records and the Dataset, the documented way to build data.
RECORDS = {
    "MEASURES",
    "Alignment",
    "Dataset",
    "Designation",
    "Document",
    "JointStatement",
    "Letter",
    "Organization",
    "Party",
    "Person",
    "SanctionsAction",
    "SanctionsRegime",
    "Signature",
}


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff (RUF022) keeps: CONSTANTS, then Classes, then the rest."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted() -> None:
    """``__all__`` is sorted, constants first, as ruff keeps it."""
    expected = sorted(sanctions_tracker.__all__, key=_isort_key)
    assert expected == sanctions_tracker.__all__


def test_all_has_no_duplicates() -> None:
    """Each name appears once."""
    expected = len(set(sanctions_tracker.__all__))
    assert expected == len(sanctions_tracker.__all__)


def test_contract_names_exported() -> None:
    """Every name of the documented contract is in ``__all__``."""
    assert set() == CONTRACT - set(sanctions_tracker.__all__)


def test_record_names_exported() -> None:
    """The records and the Dataset are in ``__all__``."""
    assert set() == RECORDS - set(sanctions_tracker.__all__)


def test_every_exported_name_exists() -> None:
    """Every name in ``__all__`` is an attribute of the package."""
    missing = [name for name in sanctions_tracker.__all__ if not hasattr(sanctions_tracker, name)]
    assert not missing


def _st_names(text: str) -> set[str]:
    return set(re.findall(r"\bst\.([A-Za-z_]+)", text))


def test_contract_is_documented() -> None:
    """docs/api.md lists the ``st.`` names of the contract as the stable names."""
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = api.split("## The stable names")[1].split("\n## ")[0]
    named = _st_names(section)
    assert named == CONTRACT


DESIGN = ROOT.parent / "shared" / "DESIGN.md"


@pytest.mark.skipif(
    not DESIGN.exists(),
    reason="the design document is not part of the project (../shared/DESIGN.md); "
    "test_contract_is_documented checks the contract's copy in docs/api.md",
)
def test_contract_is_the_design_document() -> None:
    """The contract here lists the ``st.`` names of DESIGN.md section 3."""
    section = DESIGN.read_text(encoding="utf-8").split("## 3.")[1].split("## 4.")[0]
    named = _st_names(section)
    assert named == CONTRACT


def test_version_is_a_string() -> None:
    """``__version__`` comes from the package metadata (or a placeholder)."""
    assert isinstance(sanctions_tracker.__version__, str)


def test_errors_are_the_same_classes() -> None:
    """The package re-exports the error classes, not copies."""
    from sanctions_tracker import errors

    expected = errors.ValidationError
    assert expected is sanctions_tracker.ValidationError
