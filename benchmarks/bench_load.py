"""Loading a million signatures: ``Dataset.load`` against a bare ``pl.read_parquet``.

Builds 5,000 synthetic statements signed by 200 countries each (1,000,000 signature
rows) as frames, saves them as a Parquet folder, then times ``Dataset.load(folder)``
(read, conform and validate) against reading the same files with ``pl.read_parquet``.
Prints both times and their ratio; the target is a ratio of at most 3.

Run: ``.venv/bin/python benchmarks/bench_load.py``
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.tables import country_dtype, schema

DOCUMENTS = 5_000
COUNTRIES = 200
REPEATS = 10


def synthetic_tables() -> dict[str, pl.DataFrame]:
    """5,000 statements, each signed by the same 200 countries on its own date."""
    codes = [c for c in country_dtype().categories.to_list() if len(c) == 2][:COUNTRIES]
    ids = pl.Series("document_id", [f"doc-{i:05d}" for i in range(DOCUMENTS)])
    dates = pl.date_range(
        dt.date(2000, 1, 1), dt.date(2000, 1, 1) + dt.timedelta(DOCUMENTS - 1), eager=True
    )
    documents = pl.DataFrame(
        {
            "document_id": ids,
            "kind": "statement",
            "title": "Statement",
            "date": dates,
            "date_precision": "day",
            "subject": "BY",
            "sources": [["https://example.org/statement"]] * DOCUMENTS,
        }
    ).with_columns(pl.format("Statement {}", "document_id").alias("title"))
    signatures = (
        pl.DataFrame({"document_id": ids})
        .join(pl.DataFrame({"party": codes, "position": list(range(COUNTRIES))}), how="cross")
        .with_columns(
            pl.lit("country").alias("party_kind"),
            pl.col("party").alias("country"),
            pl.col("position").cast(pl.Int32),
        )
    )
    return {"documents": documents, "signatures": signatures}


def best_of_both(first: Callable[[], object], second: Callable[[], object]) -> tuple[float, float]:
    """The fastest of a few runs of each, in seconds, the two taking turns.

    Taking turns puts both under the same conditions (caches, clock, other work);
    timing all of one and then all of the other lets a change in between bias the ratio.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for run, kept in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            run()
            kept.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main() -> None:
    """Build, save, and time both readers; print the figures and the ratio."""
    folder = Path(tempfile.mkdtemp()) / "tables"
    dataset = Dataset.from_tables(_typed(synthetic_tables()))
    dataset.save(folder, format="parquet")
    rows = dataset.tables.signatures.height
    files = sorted(folder.glob("*.parquet"))

    def bare() -> list[pl.DataFrame]:
        return [pl.read_parquet(path) for path in files]

    def load() -> Dataset:
        return Dataset.load(folder)

    assert load() == dataset
    baseline, ours = best_of_both(bare, load)
    cores = os.cpu_count()
    python = sys.version.split()[0]
    print(f"machine: {platform.machine()}, {cores} cores, python {python}, polars {pl.__version__}")
    print(f"signature rows: {rows:,}")
    print(f"pl.read_parquet of the {len(files)} files: {baseline * 1000:.0f} ms")
    print(f"Dataset.load (read, conform, validate):    {ours * 1000:.0f} ms")
    print(f"ratio: {ours / baseline:.1f} (target: at most 3)")


def _typed(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Each frame with every column of its schema, in order and typed."""
    typed = {}
    for name, frame in frames.items():
        wanted = schema(name)
        typed[name] = frame.select(
            pl.col(c).cast(dtype) if c in frame.columns else pl.lit(None, dtype=dtype).alias(c)
            for c, dtype in wanted.items()
        ).with_columns(
            pl.col(c).fill_null("")
            for c, dtype in wanted.items()
            if dtype == pl.String and c not in ("party_id",)
        )
    return typed


if __name__ == "__main__":
    main()
