"""Write ``tests/data/un_member_names_ar_zh.csv``: the UN's Arabic and Chinese names of its members.

The names are UNTERM's short and formal names as the UN's Department for General
Assembly and Conference Management publishes them (``unterm-efsrca.xlsx``), in the
columns ``UNTERM Arabic Short``, ``UNTERM Arabic Formal``, ``UNTERM Chinese Short`` and
``UNTERM Chinese Formal`` of ``data/country-codes.csv`` of the ``datasets/country-codes``
repository (https://github.com/datasets/country-codes, ODC-PDDL). That list marks the
states that are not members with ``*`` (observer states) and ``**`` (states that are not
members); their rows are left out, which leaves the 193 members.

A later commit of that file lost the UNTERM names of a member when its English name
changed, so each country's names come from the latest commit of the file that has
them, and each row records that commit.

Run from the project root, with a clone of the repository::

    .venv/bin/python scripts/un_member_names_eval.py PATH/TO/country-codes
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

OUT = Path("tests/data/un_member_names_ar_zh.csv")
FILE = "data/country-codes.csv"
COLUMNS = {
    ("ar", "short"): "UNTERM Arabic Short",
    ("ar", "formal"): "UNTERM Arabic Formal",
    ("zh", "short"): "UNTERM Chinese Short",
    ("zh", "formal"): "UNTERM Chinese Formal",
}
URL = "https://github.com/datasets/country-codes/blob/{commit}/data/country-codes.csv"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def main() -> None:
    """Read the file at every commit, newest first; keep each member's latest names."""
    repo = Path(sys.argv[1])
    # An old commit repeats the header row inside the file: only two-letter codes count.
    found: dict[str, tuple[str, dict[str, str]]] = {}
    excluded: set[str] = set()
    for commit in _git(repo, "log", "--format=%H", "--", FILE).split():
        try:
            text = _git(repo, "show", f"{commit}:{FILE}")
        except subprocess.CalledProcessError:
            continue
        for row in csv.DictReader(io.StringIO(text)):
            code = row.get("ISO3166-1-Alpha-2", "")
            names = {c: (row.get(c) or "").strip() for c in COLUMNS.values()}
            if (
                len(code) != 2
                or not code.isupper()
                or code in found
                or code in excluded
                or not all(names.values())
            ):
                continue
            if any("*" in name for name in names.values()):
                excluded.add(code)
                continue
            found[code] = (commit, names)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "alpha2", "language", "form", "source"])
        for code in sorted(found):
            commit, names = found[code]
            for (language, form), column in COLUMNS.items():
                writer.writerow([names[column], code, language, form, URL.format(commit=commit)])
    print(f"{len(found)} members; left out as not members: {sorted(excluded)}")


if __name__ == "__main__":
    main()
