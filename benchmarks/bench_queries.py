"""The questions at scale: polars queries against the plain-Python oracle, with memory.

Each measurement runs in its own process (so that its peak resident memory, read from
``resource.getrusage``, is its own; tracemalloc cannot see polars' allocations):

- ``bulk``: ``signed_not_sanctioned_all(as_of=...)`` on the default synthetic dataset
  (200 countries, 5,000 documents, 400,000 signatures, 3,000 regimes of which a fifth
  thematic, 200,000 listings with nationalities, about 60,000 participants), cold
  (first query on the tables, which derives the participation spans) and warm (best of
  the repeats); the same in a response window. ``bulk_targeted``: the same on the data
  of the first release (every regime targeted, no listing).
- ``matrix`` and ``agreement`` on the same data.
- ``oracle``: the oracle (tests/oracle.py) and polars on that same whole dataset
  (5,000 documents, 400,000 signatures, the thematic regimes and their 200,000
  listings), for the bulk form, the matrix and agreement, wall and CPU time, and
  whether the bulk answers are equal. The oracle's records are built before the timing.
- ``belarus``: single queries on the built-in Belarus dataset.
- ``scale10``: the bulk form on 10 times the default (4,000,000 signatures) with
  ``collect(engine="streaming")``.

Run: ``.venv/bin/python benchmarks/bench_queries.py`` (or some phases, each in its own
process: ``... --only bulk,oracle``; one phase in this process, as JSON: ``... bulk``).
The last two lines give the bulk form warm on the thematic data against its targets:
at most 0.2 s, and at least 4 times as fast as the oracle on the same data.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from synthetic import synthetic_dataset  # noqa: E402

from sanctions_tracker import queries  # noqa: E402

AS_OF = "2020-12-31"
REPEATS = 5


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time(call: Callable[[], object], repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def _once(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _clock(call: Callable[[], object], repeats: int = REPEATS) -> tuple[float, float]:
    """The best wall time of ``repeats`` runs, and the CPU time of the process (all its
    threads) in that run."""
    best = (float("inf"), float("inf"))
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def phase_bulk(*, thematic: bool = True) -> dict[str, Any]:
    ds = synthetic_dataset(thematic=thematic)
    built = _peak_mb()
    cold = _once(lambda: ds.signed_not_sanctioned_all(as_of=AS_OF))
    rows = ds.signed_not_sanctioned_all(as_of=AS_OF).height
    warm, warm_cpu = _clock(lambda: ds.signed_not_sanctioned_all(as_of=AS_OF))
    return {
        "signatures": ds.tables.signatures.height,
        "rows": rows,
        "cold_s": cold,
        "warm_s": warm,
        "warm_cpu_s": warm_cpu,
        "window_s": _time(lambda: ds.signed_not_sanctioned_all(until=AS_OF)),
        "dataset_mb": built,
        "peak_mb": _peak_mb(),
    }


def phase_matrix() -> dict[str, Any]:
    ds = synthetic_dataset()
    built = _peak_mb()
    cold = _once(lambda: ds.matrix(as_of=AS_OF))
    return {
        "cells": ds.matrix(as_of=AS_OF).height,
        "cold_s": cold,
        "warm_s": _time(lambda: ds.matrix(as_of=AS_OF)),
        "dataset_mb": built,
        "peak_mb": _peak_mb(),
    }


def phase_agreement() -> dict[str, Any]:
    ds = synthetic_dataset()
    built = _peak_mb()
    return {
        "pairs": ds.agreement().height,
        "warm_s": _time(ds.agreement),
        "dataset_mb": built,
        "peak_mb": _peak_mb(),
    }


def phase_oracle() -> dict[str, Any]:
    oracle = importlib.import_module("oracle")  # tests/oracle.py, on sys.path above

    ds = synthetic_dataset()
    day = dt.date.fromisoformat(AS_OF)
    # the oracle reads the records: build them once, outside the timing
    built = _once(lambda: (ds.documents, ds.regimes, ds.designations, ds.alignments))
    result: dict[str, Any] = {
        "documents": ds.tables.documents.height,
        "signatures": ds.tables.signatures.height,
        "regimes": ds.tables.regimes.height,
        "thematic_regimes": sum(regime.thematic for regime in ds.regimes),
        "designations": ds.tables.designations.height,
        "records_s": built,
    }
    expected: list[Any] = []
    result["bulk_oracle_s"], result["bulk_oracle_cpu_s"] = _clock(
        lambda: expected.extend(oracle.signed_not_sanctioned_all(ds, as_of=day)), 1
    )
    result["bulk_polars_cold_s"] = _once(lambda: ds.signed_not_sanctioned_all(as_of=AS_OF))
    result["bulk_polars_s"], result["bulk_polars_cpu_s"] = _clock(
        lambda: ds.signed_not_sanctioned_all(as_of=AS_OF)
    )
    result["bulk_rows"] = len(expected)
    result["bulk_equal"] = (
        expected
        == ds.signed_not_sanctioned_all(as_of=AS_OF)
        .select("document_id", "country", "party_kind", "signed_on", "via")
        .rows()
    )
    result["matrix_oracle_s"], result["matrix_oracle_cpu_s"] = _clock(
        lambda: oracle.matrix(ds, day), 1
    )
    result["matrix_polars_s"], result["matrix_polars_cpu_s"] = _clock(
        lambda: ds.matrix(as_of=AS_OF)
    )
    result["agreement_oracle_s"], result["agreement_oracle_cpu_s"] = _clock(
        lambda: oracle.agreement(ds), 1
    )
    result["agreement_polars_s"], result["agreement_polars_cpu_s"] = _clock(ds.agreement)
    result["peak_mb"] = _peak_mb()
    return result


def phase_belarus() -> dict[str, Any]:
    from sanctions_tracker import datasets

    ds = datasets.belarus_2020()
    document = "by-2020-09-17-internet-shutdowns"
    ds.signed_not_sanctioned(document, as_of=AS_OF)  # derive the spans once
    return {
        "signed_not_sanctioned_ms": 1000
        * _time(lambda: ds.signed_not_sanctioned(document, as_of=AS_OF), 50),
        "signed_not_sanctioned_window_ms": 1000
        * _time(lambda: ds.signed_not_sanctioned(document, since=document[3:13], until=AS_OF), 50),
        "sanctioned_not_signed_ms": 1000
        * _time(lambda: ds.sanctioned_not_signed(document, as_of=AS_OF), 50),
        "participation_ms": 1000 * _time(lambda: ds.participation("BY", as_of=AS_OF), 50),
    }


def phase_scale10() -> dict[str, Any]:
    ds = synthetic_dataset(10)
    built = _peak_mb()
    start = time.perf_counter()
    frame = queries.signed_not_sanctioned_all(ds.tables, as_of=AS_OF).collect(engine="streaming")
    seconds = time.perf_counter() - start
    return {
        "signatures": ds.tables.signatures.height,
        "rows": frame.height,
        "streaming_s": seconds,
        "dataset_mb": built,
        "peak_mb": _peak_mb(),
    }


def phase_bulk_targeted() -> dict[str, Any]:
    """The bulk phase on the data of the first release: no thematic regime, no listing."""
    return phase_bulk(thematic=False)


PHASES: dict[str, Callable[[], dict[str, Any]]] = {
    "bulk": phase_bulk,
    "bulk_targeted": phase_bulk_targeted,
    "matrix": phase_matrix,
    "agreement": phase_agreement,
    "oracle": phase_oracle,
    "belarus": phase_belarus,
    "scale10": phase_scale10,
}


def _run(name: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, name], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> int:
    if argv and argv[0] in PHASES:
        print(json.dumps(PHASES[argv[0]]()))
        return 0
    names = argv[1].split(",") if argv[:1] == ["--only"] and len(argv) == 2 else list(PHASES)
    print(
        f"{platform.platform()}, Python {platform.python_version()}, polars {pl.__version__}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    results = {name: _run(name) for name in names}
    for name, result in results.items():
        print(f"{name}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in result.items()))
    same = results.get("oracle", {"error": "not run"})
    if "error" not in same:
        for what in ("bulk", "matrix", "agreement"):
            wall = same[f"{what}_oracle_s"] / same[f"{what}_polars_s"]
            cpu = same[f"{what}_oracle_cpu_s"] / same[f"{what}_polars_cpu_s"]
            print(
                f"{what}: polars is {wall:.0f}x faster than the oracle in wall time, {cpu:.0f}x "
                f"in CPU time ({same['documents']:,} documents, {same['designations']:,} listings)"
            )
    bulk = results.get("bulk", {"error": "not run"})
    if "error" not in bulk:
        print(
            f"bulk signed_not_sanctioned, thematic data: {bulk['warm_s']:.3f} s warm "
            f"({bulk['warm_cpu_s']:.3f} s CPU) over {bulk['signatures']:,} signatures "
            "(target <= 0.2 s)"
        )
    if "error" not in same:
        print(
            f"bulk signed_not_sanctioned against the oracle on the same data "
            f"({same['signatures']:,} signatures, {same['thematic_regimes']:,} of "
            f"{same['regimes']:,} regimes thematic, {same['designations']:,} listings): "
            f"oracle {same['bulk_oracle_s']:.1f} s ({same['bulk_oracle_cpu_s']:.1f} s CPU), "
            f"polars {same['bulk_polars_s']:.3f} s warm ({same['bulk_polars_cpu_s']:.3f} s CPU): "
            f"{same['bulk_oracle_s'] / same['bulk_polars_s']:.0f}x in wall time, "
            f"{same['bulk_oracle_cpu_s'] / same['bulk_polars_cpu_s']:.0f}x in CPU time "
            f"(target >= 4x); same rows: {same['bulk_equal']}"
        )
    return 0


def _fmt(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
