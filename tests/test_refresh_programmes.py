"""scripts/refresh_programmes.py: the registry's YAML, checked, as the package's JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from files import module_at

ROOT = Path(__file__).resolve().parent.parent
META = ROOT / "tests" / "data" / "opensanctions-meta"
SHARED_META = ROOT.parent / "shared" / "data" / "real" / "opensanctions-meta"
SHIPPED = ROOT / "sanctions_tracker" / "data" / "opensanctions"


script = module_at(ROOT / "scripts" / "refresh_programmes.py")


@pytest.fixture
def meta(tmp_path: Path) -> Path:
    """A writable copy of the small registry in tests/data."""
    copy = tmp_path / "meta"
    shutil.copytree(META, copy)
    return copy


def _refresh(meta: Path, out: Path) -> int:
    count: int = script.refresh(meta, out, commit="abc1234", date="2026-01-02")
    return count


def _problems(meta: Path, tmp_path: Path) -> str:
    with pytest.raises(script.RegistryError) as caught:
        _refresh(meta, tmp_path / "out")
    return str(caught.value)


def test_refresh_writes_every_programme(meta: Path, tmp_path: Path) -> None:
    """Each programme file of the folder becomes one row of programmes.json."""
    _refresh(meta, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "programmes.json").read_text(encoding="utf-8"))
    expected = sorted(p.stem for p in (meta / "programs").glob("*.yml"))
    assert expected == [row["key"] for row in document["programmes"]]


def test_refresh_records_the_source_commit(meta: Path, tmp_path: Path) -> None:
    """programmes.json names the commit and date it was made from."""
    _refresh(meta, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "programmes.json").read_text(encoding="utf-8"))
    expected = ("abc1234", "2026-01-02")
    assert expected == (document["source"]["commit"], document["source"]["date"])


def test_refresh_ships_the_mit_notice(meta: Path, tmp_path: Path) -> None:
    """The MIT notice is copied beside the data."""
    _refresh(meta, tmp_path / "out")
    expected = (META / "LICENSE-MIT.txt").read_text(encoding="utf-8")
    assert expected == (tmp_path / "out" / "LICENSE-MIT.txt").read_text(encoding="utf-8")


def test_refresh_keeps_the_registry_fields(meta: Path, tmp_path: Path) -> None:
    """Territories, measures, aliases and the issuer are shipped as the registry gives them."""
    _refresh(meta, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "programmes.json").read_text(encoding="utf-8"))
    row = next(r for r in document["programmes"] if r["key"] == "US-CAATSA")
    expected = (["ir", "ru"], ["Asset freeze"], "us_treasury", "us")
    issuer = document["issuers"]["us_treasury"]
    assert expected == (row["territories"], row["measures"], row["issuer"], issuer["territory"])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = {
    "missing field": (
        "programs/US-BRUS.yml",
        "title: Belarus Sanctions\n",
        "",
        "programs/US-BRUS.yml: field 'title' is missing",
    ),
    "unknown issuer, with the close ones": (
        "programs/US-BRUS.yml",
        "issuer: us_ofac",
        "issuer: us_ofak",
        "programs/US-BRUS.yml: field 'issuer': unknown issuer 'us_ofak' (did you mean us_ofac",
    ),
    "unknown target territory": (
        "programs/US-BRUS.yml",
        "  - by\n",
        "  - ua-xyz\n",
        "programs/US-BRUS.yml: field 'target_territories': unknown territory 'ua-xyz'",
    ),
    "unknown issuer territory": (
        "issuers/us_ofac.yml",
        "territory: us",
        "territory: uq",
        "issuers/us_ofac.yml: field 'territory': unknown territory 'uq'",
    ),
    "issuer without a name": (
        "issuers/zz_unsc.yml",
        "name: UN Security Council\n",
        "",
        "issuers/zz_unsc.yml: field 'name' is missing",
    ),
    "unknown measure": (
        "programs/US-BRUS.yml",
        "  - Asset freeze",
        "  - Naming and shaming",
        "programs/US-BRUS.yml: field 'measures': unknown measure 'Naming and shaming'",
    ),
    "key that is not the file's name": (
        "programs/US-BRUS.yml",
        "key: US-BRUS",
        "key: US-BELARUS",
        "programs/US-BRUS.yml: field 'key'",
    ),
}


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_file_names_file_and_field(
    meta: Path, tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    """A missing field or an unknown issuer, territory or measure fails, naming file and field."""
    _edit(meta / file, old, new)
    assert expected in _problems(meta, tmp_path)


def test_unreadable_yaml_names_the_file(meta: Path, tmp_path: Path) -> None:
    """A file that is not YAML fails with its name."""
    (meta / "programs" / "US-BRUS.yml").write_text("key: [unclosed\n", encoding="utf-8")
    assert "programs/US-BRUS.yml: not readable YAML" in _problems(meta, tmp_path)


def test_every_problem_is_reported_at_once(meta: Path, tmp_path: Path) -> None:
    """Two broken files give two problems in one run."""
    _edit(meta / "programs" / "US-BRUS.yml", "title: Belarus Sanctions\n", "")
    _edit(meta / "programs" / "GB-HR.yml", "issuer: gb_fcdo", "issuer: nobody")
    with pytest.raises(script.RegistryError) as caught:
        _refresh(meta, tmp_path / "out")
    expected = 2
    assert expected == len(caught.value.problems)


def test_failed_refresh_leaves_the_old_data(meta: Path, tmp_path: Path) -> None:
    """A run that fails writes nothing: the previous programmes.json stays as it was."""
    out = tmp_path / "out"
    _refresh(meta, out)
    before = (out / "programmes.json").read_bytes()
    _edit(meta / "programs" / "US-BRUS.yml", "issuer: us_ofac", "issuer: nobody")
    with pytest.raises(script.RegistryError):
        _refresh(meta, out)
    assert before == (out / "programmes.json").read_bytes()


def test_command_line_reports_problems_and_fails(
    meta: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command exits 1 and prints each problem with its file and field."""
    _edit(meta / "programs" / "US-BRUS.yml", "issuer: us_ofac", "issuer: nobody")
    args = [str(meta), "--out", str(tmp_path / "out"), "--commit", "abc", "--date", "2026-01-02"]
    status = script.main(args)
    expected = (1, "programs/US-BRUS.yml: field 'issuer'")
    assert expected == (status, capsys.readouterr().err.split("\n")[1].strip()[:36])


def test_folder_without_git_needs_a_commit(meta: Path, tmp_path: Path) -> None:
    """Outside a git checkout, the commit must be given: the data never ships unsourced."""
    with pytest.raises(script.RegistryError, match="--commit"):
        script.refresh(meta, tmp_path / "out", commit=None, date=None)


def test_shipped_registry_is_the_script_output() -> None:
    """The package's programmes.json is what the script writes from the registry it names."""
    if not SHARED_META.is_dir():
        pytest.skip("../shared/data/real/opensanctions-meta is absent (not part of a bare clone)")
    shipped = json.loads((SHIPPED / "programmes.json").read_text(encoding="utf-8"))
    source = shipped["source"]
    out = SHIPPED.parent.parent.parent / ".pytest-refresh"  # never the package folder itself
    try:
        script.refresh(SHARED_META, out, commit=source["commit"], date=source["date"])
        expected = (SHIPPED / "programmes.json").read_text(encoding="utf-8")
        assert expected == (out / "programmes.json").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(out, ignore_errors=True)
