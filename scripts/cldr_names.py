"""Write ``sanctions_tracker/data/cldr_names.csv``: CLDR territory names across babel releases.

CLDR renames territories from one release to the next ("Heard & McDonald Islands"
became "Heard Island & McDonald Islands" in babel 2.19), and a text keeps the name it
was written with. The resolver reads CLDR through whichever babel is installed; this
file adds the names that other releases give, so that a name resolves whatever babel
a user has.

Run from the project root, with the registry that ``pip download`` reaches::

    .venv/bin/python scripts/cldr_names.py

For each babel release in ``RELEASES`` it downloads the wheel (no dependencies),
reads the territory names of each language in a subprocess, and keeps every name
that not all releases give. A name whose normalised form another country already
holds in the resolver's table, or that two countries share, is left out and printed.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

from sanctions_tracker._names import normalise
from sanctions_tracker._registry import registry
from sanctions_tracker._resolve import name_table

RELEASES = ("2.12.1", "2.13.1", "2.14.0", "2.15.0", "2.16.0", "2.17.0", "2.18.0", "2.19.0")
LOCALES = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh": "zh_CN"}
OUT = Path("sanctions_tracker/data/cldr_names.csv")
READ = """
import json, sys
from babel import Locale
locales = json.loads(sys.argv[1])
names = {lang: dict(Locale.parse(locale).territories) for lang, locale in locales.items()}
print(json.dumps(names))
"""


def read_release(version: str, folder: Path) -> dict[str, dict[str, str]]:
    """The territory names of a babel release, per language."""
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
    subprocess.run([*pip, "--dest", str(folder), f"babel=={version}"], check=True)
    wheel = next(p for p in folder.glob("*.whl") if p.name.lower().startswith(f"babel-{version}-"))
    unpacked = folder / version
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    result = subprocess.run(
        [sys.executable, "-c", READ, json.dumps(LOCALES)],
        env={"PYTHONPATH": str(unpacked)},
        capture_output=True,
        text=True,
        check=True,
    )
    names: dict[str, dict[str, str]] = json.loads(result.stdout)
    return names


def main() -> None:
    """Read every release, keep the names that differ between them, write the file."""
    known = registry()
    # (language, code, name) -> the babel releases that give it
    given: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for version in RELEASES:
            for lang, territories in read_release(version, Path(tmp)).items():
                for code, name in territories.items():
                    if code in known and not known[code].historic:
                        given[lang, code, name].append(version)
    table = name_table()
    keys: defaultdict[tuple[bool, str], set[str]] = defaultdict(set)
    for (lang, code, name), versions in given.items():
        if len(versions) < len(RELEASES):
            keys[lang == "en", normalise(name)].add(code)
    rows = []
    for (lang, code, name), versions in sorted(given.items()):
        if len(versions) == len(RELEASES):
            continue  # every release gives it: the installed babel has it
        key = normalise(name)
        holders = set(table.get(key, (code,)))
        if holders != {code} or keys[lang == "en", key] != {code}:
            print(f"left out: {name!r} ({lang}, {code}): also names {sorted(holders - {code})}")
            continue
        rows.append({"name": name, "code": code, "language": lang, "babel": " ".join(versions)})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "code", "language", "babel"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main()
