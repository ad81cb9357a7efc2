"""Country resolution: accuracy and speed against pycountry and country_converter.

Run from the project root: ``python benchmarks/bench_resolve.py``. It reads the
evaluation corpus ``../shared/data/country-names-eval.csv`` (columns name, alpha2,
source), prints for each language how many names each resolver gets right, leaves
unresolved (an error) and gets wrong, then times a column of 1,000,000 names drawn
from the corpus, with the per-name ratio against country_converter on a sample of the
same names, in the same process.
"""

from __future__ import annotations

import csv
import importlib
import logging
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pycountry

from sanctions_tracker import resolve_countries, resolve_country, resolve_country_codes
from sanctions_tracker._resolve import resolve_code

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "country-names-eval.csv"
COLUMN = 1_000_000
SAMPLE = 1_000
LANGUAGES = ("en", "fr", "es", "ru")

Resolver = Callable[[str], str | None]


def language(source: str) -> str:
    """The language of a corpus row, from its source column."""
    for code, word in (("fr", "French"), ("es", "Spanish"), ("ru", "Russian")):
        if source.endswith(f"_{code}") or word in source:
            return code
    return "en"


def read_corpus() -> list[tuple[str, str, str]]:
    """(name, alpha-2, language) rows; read as text, so Namibia's "NA" stays a code."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return [(r["name"], r["alpha2"], language(r["source"])) for r in csv.DictReader(handle)]


def ours(name: str) -> str | None:
    """sanctions_tracker: a code, or None when it raises."""
    try:
        return resolve_code(name)
    except LookupError:
        return None


def pycountry_lookup(name: str) -> str | None:
    """pycountry.countries.lookup: its alpha-2, or None when it raises."""
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def country_converter() -> Resolver | None:
    """country_converter's convert, or None when it is not installed."""
    try:
        import country_converter as coco
    except ImportError:
        return None
    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    try:
        converter = coco.CountryConverter()
    except TypeError:
        # Under pandas 3 its own loader reads Namibia's "NA" as missing; load the same
        # table as text and hand it over.
        from country_converter.country_converter import COUNTRY_DATA_FILE

        pd = importlib.import_module("pandas")
        table = pd.read_csv(
            COUNTRY_DATA_FILE, sep="\t", encoding="utf-8", dtype=str, keep_default_na=False
        )
        converter = coco.CountryConverter(country_data=table.replace("", None))

    def convert(name: str) -> str | None:
        found: Any = converter.convert(name, to="ISO2", not_found=None)
        return found if isinstance(found, str) and found != name else None

    return convert


def accuracy(rows: list[tuple[str, str, str]], resolvers: dict[str, Resolver]) -> None:
    """Print right / error / wrong per language and resolver."""
    print(f"Accuracy on {CORPUS.name} ({len(rows)} names)")
    header = ("lang", "names", "resolver", "right", "error", "wrong", "right %")
    print("{:<5}{:>6}  {:<19}{:>6}{:>7}{:>7}{:>9}".format(*header))
    for lang in LANGUAGES:
        subset = [(name, code) for name, code, row_lang in rows if row_lang == lang]
        for label, resolve in resolvers.items():
            answers = [resolve(name) for name, _ in subset]
            right = sum(a == code for a, (_, code) in zip(answers, subset, strict=True))
            error = sum(a is None for a in answers)
            wrong = len(subset) - right - error
            share = 100 * right / len(subset)
            print(
                f"{lang:<5}{len(subset):>6}  {label:<19}{right:>6}{error:>7}{wrong:>7}{share:>9.1f}"
            )


def timed(function: Callable[[], object], repeat: int = 3) -> float:
    """The best of a few runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def per_name(resolve: Resolver, names: list[str]) -> float:
    """Seconds per name, resolving each in turn."""
    start = time.perf_counter()
    for name in names:
        resolve(name)
    return (time.perf_counter() - start) / len(names)


def speed(rows: list[tuple[str, str, str]], convert: Resolver | None, build: float) -> None:
    """Time a column of a million corpus names, and a sample with each baseline."""
    names = [name for name, _, _ in rows if ours(name) is not None]
    chosen = random.Random(0).choices(names, k=COLUMN)
    column = pl.Series("name", chosen)
    sample = chosen[:SAMPLE]

    print(f"\nSpeed: {COLUMN:,} names drawn from the {len(names)} corpus names that resolve")
    print(f"machine: {os.cpu_count()} cores; tables built at first use in {build:.2f} s")
    polars_time = timed(lambda: resolve_country_codes(column))
    list_time = timed(lambda: resolve_countries(chosen))
    seen = timed(lambda: [resolve_country("Korea, Rep.") for _ in range(100_000)]) / 100_000
    print(f"resolve_country_codes (polars Series)  {polars_time:8.3f} s")
    print(f"resolve_countries (list of str)        {list_time:8.3f} s")
    print(f"resolve_country, a name seen before    {seen * 1e6:8.2f} us per call")
    ours_per_name = polars_time / COLUMN

    baselines: dict[str, Resolver] = {"pycountry.lookup": pycountry_lookup}
    if convert is not None:
        baselines["country_converter"] = convert
    for label, resolve in baselines.items():
        theirs = per_name(resolve, sample)
        print(
            f"{label:<19} {theirs * 1e6:10.1f} us per name on {SAMPLE:,} of the names: "
            f"{theirs / ours_per_name:,.0f} x the time per name of resolve_country_codes"
        )


def main() -> None:
    """Print the accuracy table and the timings."""
    start = time.perf_counter()
    resolve_country("France")  # builds the tables, once per process
    build = time.perf_counter() - start
    rows = read_corpus()
    resolvers: dict[str, Resolver] = {
        "sanctions_tracker": ours,
        "pycountry.lookup": pycountry_lookup,
    }
    convert = country_converter()
    if convert is not None:
        resolvers["country_converter"] = convert
    accuracy(rows, resolvers)
    speed(rows, convert, build)


if __name__ == "__main__":
    main()
