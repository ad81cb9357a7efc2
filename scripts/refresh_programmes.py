"""Refresh ``sanctions_tracker/data/opensanctions/`` from an OpenSanctions ``meta/`` folder.

The OpenSanctions repository keeps its sanctions-programme registry as one YAML file
a programme (``meta/programs/*.yml``) and one an issuer (``meta/issuers/*.yml``). This
script checks every file and writes the compact form the package reads without YAML:
``programmes.json`` (the programmes, their issuers and the commit they come from) and
the MIT notice beside it. Run from the project root::

    .venv/bin/python scripts/refresh_programmes.py ../opensanctions/meta

The commit and its date come from git when the folder is in a git checkout, else from
``--commit`` and ``--date``. A file that misses a required field, or names an unknown
issuer, territory, measure or status, fails the run with the file and the field, and
nothing is written. Afterwards, review the programmes whose territories changed
against ``corrections.csv`` (``git diff`` shows them).
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from sanctions_tracker.errors import SanctionsTrackerError
from sanctions_tracker.io._atomic import write_file_atomically
from sanctions_tracker.opensanctions.programmes import STATUSES
from sanctions_tracker.opensanctions.territories import MEASURES, Issuer, to_authority, to_target

OUT = Path("sanctions_tracker/data/opensanctions")
REPOSITORY = "https://github.com/opensanctions/opensanctions"
LICENCE = "LICENSE-MIT.txt"
PROGRAMME_TEXT = ("key", "title", "issuer")  # required
PROGRAMME_OPTIONAL_TEXT = ("url", "summary", "dataset", "status")
PROGRAMME_LISTS = ("aliases", "target_territories", "measures")
ISSUER_FIELDS = ("name", "acronym", "organisation", "territory")


class RegistryError(SanctionsTrackerError, ValueError):
    """Problems of registry files, each naming its file and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def _load(path: Path, meta: Path, problems: list[str]) -> dict[str, Any] | None:
    name = path.relative_to(meta).as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(f"{name}: not readable YAML: {error}")
        return None
    if not isinstance(data, dict):
        problems.append(f"{name}: not a mapping of fields")
        return None
    return data


def _text(
    data: dict[str, Any], field: str, name: str, problems: list[str], *, required: bool
) -> None:
    value = data.get(field)
    if value is None:
        if required:
            problems.append(f"{name}: field {field!r} is missing")
    elif not isinstance(value, str) or not value.strip():
        problems.append(f"{name}: field {field!r} must be non-empty text, not {value!r}")


def read_issuers(meta: Path, problems: list[str]) -> dict[str, dict[str, str | None]]:
    """Every issuer file, checked: key (the file name) -> its fields."""
    issuers: dict[str, dict[str, str | None]] = {}
    for path in sorted((meta / "issuers").glob("*.yml")):
        name = path.relative_to(meta).as_posix()
        data = _load(path, meta, problems)
        if data is None:
            continue
        _text(data, "name", name, problems, required=True)
        for field in ISSUER_FIELDS[1:]:
            _text(data, field, name, problems, required=False)
        fields = {field: data.get(field) for field in ISSUER_FIELDS}
        territory, issuer_name = fields["territory"], fields["name"]
        if isinstance(territory, str) and isinstance(issuer_name, str):
            try:
                to_authority(Issuer(key=path.stem, name=issuer_name, territory=territory))
            except SanctionsTrackerError as error:
                problems.append(
                    f"{name}: field 'territory': unknown territory {territory!r} ({error})"
                )
        issuers[path.stem] = fields
    return issuers


def _check_list(data: dict[str, Any], field: str, name: str, problems: list[str]) -> list[str]:
    value = data.get(field) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(f"{name}: field {field!r} must be a list of text, not {value!r}")
        return []
    return value


def read_programme(
    path: Path, meta: Path, issuers: dict[str, Any], problems: list[str]
) -> dict[str, Any] | None:
    """One programme file, checked, in the shipped form."""
    name = path.relative_to(meta).as_posix()
    data = _load(path, meta, problems)
    if data is None:
        return None
    before = len(problems)
    for field in PROGRAMME_TEXT:
        _text(data, field, name, problems, required=True)
    for field in PROGRAMME_OPTIONAL_TEXT:
        _text(data, field, name, problems, required=False)
    if isinstance(data.get("key"), str) and data["key"] != path.stem:
        problems.append(f"{name}: field 'key': {data['key']!r} is not the file's name")
    issuer = data.get("issuer")
    if isinstance(issuer, str) and issuer not in issuers:
        close = difflib.get_close_matches(issuer, list(issuers), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        problems.append(f"{name}: field 'issuer': unknown issuer {issuer!r}{hint}")
    territories = _check_list(data, "target_territories", name, problems)
    for code in territories:
        try:
            to_target(code)
        except SanctionsTrackerError as error:
            problems.append(
                f"{name}: field 'target_territories': unknown territory {code!r} ({error})"
            )
    for measure in _check_list(data, "measures", name, problems):
        if measure not in MEASURES:
            problems.append(
                f"{name}: field 'measures': unknown measure {measure!r} "
                f"(the measures are {', '.join(MEASURES)})"
            )
    status = data.get("status")
    if isinstance(status, str) and status not in STATUSES:
        problems.append(
            f"{name}: field 'status': unknown status {status!r} "
            f"(the statuses are {', '.join(STATUSES)})"
        )
    aliases = _check_list(data, "aliases", name, problems)
    if len(problems) > before:
        return None
    row: dict[str, Any] = {
        "key": data["key"],
        "title": " ".join(data["title"].split()),
        "issuer": issuer,
        "territories": territories,
        "measures": data.get("measures") or [],
        "aliases": aliases,
    }
    for field in PROGRAMME_OPTIONAL_TEXT:
        if data.get(field) is not None:
            row[field] = data[field].strip()
    return row


def read_meta(meta: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The issuers and programmes of a ``meta/`` folder, every file checked.

    Raises:
        RegistryError: every problem found, each naming its file and field.
    """
    problems: list[str] = []
    if not (meta / "programs").is_dir() or not (meta / "issuers").is_dir():
        raise RegistryError([f"{meta}: no programs/ and issuers/ folders here"])
    issuers = read_issuers(meta, problems)
    programmes = [
        row
        for path in sorted((meta / "programs").glob("*.yml"))
        if (row := read_programme(path, meta, issuers, problems)) is not None
    ]
    if problems:
        raise RegistryError(problems)
    return issuers, programmes


def _git(meta: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(meta), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else None


def _licence(meta: Path) -> Path:
    for folder in (meta, meta.parent):
        if (folder / LICENCE).is_file():
            return folder / LICENCE
    raise RegistryError([f"{meta}: no {LICENCE} here or in the folder above"])


def _dumps(document: dict[str, Any]) -> str:
    """JSON with one issuer or programme a line, so that a refresh reads well in a diff."""

    def line(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    head = line(document["source"])
    issuers = ",\n".join(f"  {line(k)}: {line(v)}" for k, v in document["issuers"].items())
    rows = ",\n".join(f"  {line(row)}" for row in document["programmes"])
    return f'{{"source": {head},\n"issuers": {{\n{issuers}\n}},\n"programmes": [\n{rows}\n]}}\n'


def refresh(meta: Path, out: Path, *, commit: str | None, date: str | None) -> int:
    """Check ``meta`` and write ``out/programmes.json`` and the MIT notice.

    Returns:
        The number of programmes written.

    Raises:
        RegistryError: a registry file is wrong (nothing is written then).
    """
    issuers, programmes = read_meta(meta)
    licence = _licence(meta)
    commit = commit or _git(meta, "rev-parse", "--short", "HEAD")
    date = date or _git(meta, "log", "-1", "--format=%cs")
    if not commit or not date:
        raise RegistryError([f"{meta}: not a git checkout; give --commit and --date"])
    document = {
        "source": {
            "repository": REPOSITORY,
            "folder": "meta",
            "commit": commit,
            "date": date,
            "licence": f"MIT ({LICENCE})",
        },
        "issuers": issuers,
        "programmes": programmes,
    }
    out.mkdir(parents=True, exist_ok=True)
    text = _dumps(document)
    write_file_atomically(out / "programmes.json", lambda p: p.write_text(text, encoding="utf-8"))
    write_file_atomically(out / LICENCE, lambda p: shutil.copyfile(licence, p))
    return len(programmes)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("meta", type=Path, help="an OpenSanctions checkout's meta/ folder")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    parser.add_argument("--commit", help="the commit of the checkout, when git cannot tell")
    parser.add_argument("--date", help="the date of that commit (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    try:
        count = refresh(args.meta, args.out, commit=args.commit, date=args.date)
    except RegistryError as error:
        print(f"refresh_programmes: {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"wrote {count} programmes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
