"""Write ``sanctions_tracker/data/un_names_ar_zh.csv``: the UN's Arabic and Chinese names.

Two extracts of the UN's names, by ISO alpha-2 code:

- UNTERM short and M49 names, from UN OCHA's *Countries & Territories Taxonomy* as
  shipped in ``hdx-python-country`` 4.2.5 (MIT licence, Copyright (c) 2016 Michael Rans;
  the file ``un_country_names.csv`` holds the other languages of the same rows): the
  columns Chinese Short, Arabic Short, M49 Chinese and M49 Arabic of every row with an
  ISO code that is not deprecated;
- UNTERM formal names, which that taxonomy lacks in Arabic and Chinese, from the UN's
  Department for General Assembly and Conference Management list ``unterm-efsrca.xlsx``
  as the ``datasets/country-codes`` repository (ODC-PDDL) publishes it in
  ``data/country-codes.csv`` (columns UNTERM Arabic Formal and UNTERM Chinese Formal);
  the footnote marks ``*`` and ``**`` that list puts after the names of states that
  are not members are dropped.

A name whose normalised form the resolver's English, French, Spanish or Russian names
give to another country is left out and printed.

Run from the project root::

    .venv/bin/python scripts/un_names_ar_zh.py TAXONOMY.csv COUNTRY-CODES.csv COMMIT
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from sanctions_tracker._names import normalise
from sanctions_tracker._registry import registry
from sanctions_tracker._resolve import un_names

OUT = Path("sanctions_tracker/data/un_names_ar_zh.csv")
OCHA = {
    ("zh", "UNTERM short"): "Chinese Short",
    ("ar", "UNTERM short"): "Arabic Short",
    ("zh", "M49"): "M49 Chinese",
    ("ar", "M49"): "M49 Arabic",
}
DGACM = {
    ("zh", "UNTERM formal"): "UNTERM Chinese Formal",
    ("ar", "UNTERM formal"): "UNTERM Arabic Formal",
}
OCHA_SOURCE = "UN OCHA Countries & Territories Taxonomy (hdx-python-country 4.2.5)"
DGACM_SOURCE = "https://github.com/datasets/country-codes/blob/{commit}/data/country-codes.csv"


def main() -> None:
    """Read both extracts, drop clashes with the other languages, write the file."""
    taxonomy, country_codes, commit = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    known = registry()
    rows: dict[tuple[str, str, str, str], str] = {}
    with taxonomy.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["ISO 3166-1 Alpha 2-Codes"].strip()
            if code not in known or row["Deprecated"].strip() == "Y":
                continue
            for (language, kind), column in OCHA.items():
                if name := row[column].strip():
                    rows.setdefault((name, code, language, kind), OCHA_SOURCE)
    with country_codes.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["ISO3166-1-Alpha-2"].strip()
            if code not in known:
                continue
            for (language, kind), column in DGACM.items():
                if name := row[column].replace("*", "").strip():
                    rows.setdefault(
                        (name, code, language, kind), DGACM_SOURCE.format(commit=commit)
                    )
    others = {normalise(n.name): n.code for n in un_names() if n.language not in {"ar", "zh"}}
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "code", "language", "list", "source"])
        for (name, code, language, kind), source in sorted(
            rows.items(), key=lambda item: (item[0][1], item[0][2], item[0][3], item[0][0])
        ):
            if others.get(normalise(name), code) != code:
                print(f"left out: {name} ({code}), another country's name")
                continue
            writer.writerow([name, code, language, kind, source])


if __name__ == "__main__":
    main()
