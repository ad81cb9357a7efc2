"""Loading a million signatures: ``Dataset.load`` against a bare ``pl.read_parquet``.

Builds 5,000 synthetic statements signed by 200 countries each (1,000,000 signature
rows) as frames, saves them as a Parquet folder, then times ``Dataset.load(folder)``
(read, conform and validate) against reading the same files with ``pl.read_parquet``.
Prints both times and their ratio; the target is a ratio of at most 3. It also prints
the CPU time of each and their ratio, and the load average: on a busy machine the
wall times grow with the other jobs, the CPU times much less.

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
            pl.lit("for").alias("vote"),
            pl.col("position").cast(pl.Int32),
        )
    )
    return {"documents": documents, "signatures": signatures}


def best_of_both(
    first: Callable[[], object], second: Callable[[], object]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The fastest of a few runs of each, in seconds: (wall, CPU) of each, taking turns.

    Taking turns puts both under the same conditions (caches, clock, other work);
    timing all of one and then all of the other lets a change in between bias the ratio.
    The CPU time (of every thread of the process) is the work done, which other jobs on
    a busy machine delay but do not add to.
    """
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for index, run in enumerate((first, second)):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            walls[index].append(time.perf_counter() - wall)
            cpus[index].append(time.process_time() - cpu)
    return (min(walls[0]), min(cpus[0])), (min(walls[1]), min(cpus[1]))


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
    (baseline, baseline_cpu), (ours, ours_cpu) = best_of_both(bare, load)
    cores = os.cpu_count()
    python = sys.version.split()[0]
    print(f"machine: {platform.machine()}, {cores} cores, python {python}, polars {pl.__version__}")
    print(f"signature rows: {rows:,}")
    print(f"pl.read_parquet of the {len(files)} files: {baseline * 1000:.0f} ms")
    print(f"Dataset.load (read, conform, validate):    {ours * 1000:.0f} ms")
    print(f"ratio: {ours / baseline:.1f} (target: at most 3)")
    print(
        f"CPU time: {baseline_cpu * 1000:.0f} ms and {ours_cpu * 1000:.0f} ms, "
        f"ratio {ours_cpu / baseline_cpu:.1f} (load average {os.getloadavg()[0]:.1f})"
    )


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
