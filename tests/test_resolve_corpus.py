"""The accuracy targets on tests/data/country-names-eval.csv, and the CLDR names file.

The benchmark (benchmarks/bench_resolve.py) prints the same figures beside other
resolvers; here they are a test, so that a new release of a data source (babel's CLDR,
pycountry's iso-codes) cannot lower them unseen.
"""

import csv
from collections import Counter
from pathlib import Path

import pytest
from files import COUNTRY_NAMES

from sanctions_tracker import resolve_country
from sanctions_tracker._registry import registry
from sanctions_tracker._resolve import CLDRName, cldr_names, name_table
from sanctions_tracker.errors import AmbiguousCountryError, UnknownCountryError

CORPUS = COUNTRY_NAMES


def _language(source: str) -> str:
    for code, word in (("fr", "French"), ("es", "Spanish"), ("ru", "Russian")):
        if source.endswith(f"_{code}") or word in source:
            return code
    return "en"


def _outcome(name: str, expected: str) -> str:
    """Whether ``name`` resolves to ``expected`` ("right"), to another code ("wrong"),
    or to none ("error")."""
    try:
        code = resolve_country(name).code
    except (UnknownCountryError, AmbiguousCountryError):
        return "error"
    return "right" if code == expected else "wrong"


def _outcomes() -> dict[str, Counter[str]]:
    outcomes: dict[str, Counter[str]] = {}
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            counter = outcomes.setdefault(_language(row["source"]), Counter())
            counter[_outcome(row["name"], row["alpha2"])] += 1
    return outcomes


def test_corpus_accuracy_targets() -> None:
    """100% of the English names, at least 95% of the others, and never a wrong code."""
    outcomes = _outcomes()
    assert set(outcomes) == {"en", "fr", "es", "ru"}
    assert outcomes["en"]["right"] == outcomes["en"].total() == 1136
    for language in ("fr", "es", "ru"):
        counts = outcomes[language]
        assert counts["right"] / counts.total() >= 0.95, (language, counts)
    assert all(counts["wrong"] == 0 for counts in outcomes.values()), outcomes


@pytest.mark.parametrize("row", cldr_names(), ids=lambda row: f"{row.code}-{row.language}")
def test_cldr_names_of_other_releases_resolve(row: CLDRName) -> None:
    """Each name of data/cldr_names.csv is a current country's, and resolves to it."""
    assert row.code in registry()
    assert resolve_country(row.name).code == row.code


def test_names_of_an_earlier_cldr_release_resolve() -> None:
    """CLDR renamed these; texts written with the older name still resolve."""
    assert resolve_country("Heard & McDonald Islands").code == "HM"
    assert resolve_country("Heard Island & McDonald Islands").code == "HM"
    assert resolve_country("French Southern Territories").code == "TF"
    assert name_table()["saint helena"] == ("SH",)


UN_MEMBERS_AR_ZH = Path(__file__).resolve().parent / "data" / "un_member_names_ar_zh.csv"


def test_arabic_and_chinese_names_of_un_members() -> None:
    """At least 98% of the UN's Arabic and Chinese names of its 193 members resolve, none
    to a wrong code (tests/data/un_member_names_ar_zh.csv: the UN's own list, with each
    row's address)."""
    outcomes: dict[tuple[str, str], Counter[str]] = {}
    with UN_MEMBERS_AR_ZH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        counter = outcomes.setdefault((row["language"], row["form"]), Counter())
        counter[_outcome(row["name"], row["alpha2"])] += 1
    assert len({row["alpha2"] for row in rows}) == 193
    assert {("ar", "short"), ("ar", "formal"), ("zh", "short"), ("zh", "formal")} == set(outcomes)
    for language in ("ar", "zh"):
        counts = outcomes[language, "short"] + outcomes[language, "formal"]
        assert counts.total() == 386
        assert counts["right"] / counts.total() >= 0.98, (language, counts)
    assert all(counts["wrong"] == 0 for counts in outcomes.values()), outcomes
