"""Import a synthetic FollowTheMoney stream, against a bare ``orjson.loads`` loop over its lines.

Run from the project root::

    .venv/bin/python benchmarks/bench_ftm.py [--entities 1000000] [--rounds 3] [--stream PATH]

It writes a stream shaped like OpenSanctions' ``entities.ftm.json``: about 40 %
``Person``, 30 % ``Company`` or ``Organization``, 25 % ``Sanction`` (programme keys
drawn from the shipped OpenSanctions registry, with their issuers' country codes; one
in ten names its programme by an alias in ``program`` instead), 5 % addresses and
ownerships that the import counts and skips. Then, in rounds, it times the baseline
(``orjson.loads`` of every line, nothing else; and the standard library's ``json.loads``
the same way) and :func:`sanctions_tracker.import_ftm`
(parse, keep, look the programmes up, build and validate the Dataset) one after the
other, so that both see the same load, and prints each round's wall and CPU times, the
load average and the ratios. Last, it runs the import once more in a fresh process that
does nothing else and prints that process's peak resident memory (``VmHWM``) and times.
Progress goes to standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.importers import import_ftm
from sanctions_tracker.opensanctions import all_programmes

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]
COUNTRIES = ["ru", "by", "ir", "kp", "sy", "cn", "ve", "mm"]
DATASETS = ["eu_fsf", "gb_hmt_sanctions", "us_ofac_sdn", "ch_seco_sanctions", "ua_nsdc", "ca_sema"]


def _programmes() -> list[tuple[str, str, str | None]]:
    """(issuer country code, key, an alias) of every programme of a country or the EU."""
    found = []
    for prog in all_programmes():
        if isinstance(prog.authority, Country | Bloc):
            alias = prog.aliases[0] if len(prog.aliases) == 1 else None
            found.append((prog.authority.code.lower(), prog.key, alias))
    return found


def _name(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(words))


def _target(rng: random.Random, index: int, person: bool) -> dict[str, Any]:
    # Sized like the real stream the package ships (the zala fixture: a person's line
    # is 2.9 kB at the median, a company's 1.4 kB): names in several scripts, notes,
    # addresses and the lists' own sources.
    names = [_name(rng, 3) for _ in range(rng.randint(1, 4))]
    properties: dict[str, list[str]] = {
        "name": names,
        "alias": [_name(rng, 3) for _ in range(rng.randint(2, 12 if person else 8))],
        "topics": ["sanction", "poi"],
        "notes": [_name(rng, 30) for _ in range(rng.randint(1, 5 if person else 3))],
        "address": [_name(rng, 8) for _ in range(rng.randint(0, 3))],
        "sourceUrl": [f"https://example.org/{k}/entity/{index}" for k in range(rng.randint(1, 6))],
    }
    if person:
        properties |= {
            "birthDate": ["1970-01-01"],
            "birthPlace": [_name(rng, 2)],
            "position": [_name(rng, 6) for _ in range(rng.randint(0, 4))],
            "nationality": rng.sample(COUNTRIES, rng.randint(1, 2)),
            "citizenship": [rng.choice(COUNTRIES)],
        }
    else:
        properties |= {
            "country": [rng.choice(COUNTRIES)],
            "jurisdiction": [rng.choice(COUNTRIES)],
            "innCode": [str(7700000000 + index)],
            "registrationNumber": [str(1000000000000 + index)],
        }
    return {
        "id": f"NK-{index}",
        "caption": names[0],
        "schema": "Person" if person else rng.choice(["Company", "Organization"]),
        "properties": properties,
        "datasets": rng.sample(DATASETS, rng.randint(1, 6)),
        "referents": [f"ref-{index}-{k}" for k in range(rng.randint(0, 8))],
        "target": True,
        "first_seen": "2024-01-01T00:00:00",
        "last_seen": "2025-01-01T00:00:00",
    }


def _sanction(
    rng: random.Random, index: int, target: str, programmes: list[tuple[str, str, str | None]]
) -> dict[str, Any]:
    country, key, alias = rng.choice(programmes)
    properties: dict[str, list[str]] = {
        "entity": [target],
        "country": [country],
        "authority": ["Sanctions authority"],
        "startDate": [f"20{rng.randint(14, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"],
        "listingDate": [f"20{rng.randint(14, 24)}-{rng.randint(1, 12):02d}"],
        # A Sanction of the zala fixture is 1.0 kB at the median: a long reason, sources.
        "reason": [_name(rng, 60)],
        "sourceUrl": [
            f"https://example.org/{k}/sanction/{index}" for k in range(rng.randint(1, 5))
        ],
        "programUrl": [f"https://example.org/programme/{index % 97}"],
    }
    if alias is not None and rng.random() < 0.1:
        properties["program"] = [alias]
    else:
        properties["programId"] = [key]
    return {
        "id": f"san-{index}",
        "schema": "Sanction",
        "properties": properties,
        "datasets": [rng.choice(DATASETS)],
        "target": False,
    }


def _other(rng: random.Random, index: int, target: str) -> dict[str, Any]:
    if rng.random() < 0.5:
        kind, properties = "Address", {"full": [_name(rng, 8)], "country": ["ru"]}
    else:
        kind, properties = "Ownership", {"owner": [target], "asset": [f"NK-{index}-asset"]}
    return {"id": f"other-{index}", "schema": kind, "properties": properties}


def write_stream(path: Path, entities: int, seed: int = 0) -> None:
    """About 40 % persons, 30 % companies and organisations, 25 % Sanctions, 5 % others."""
    rng = random.Random(seed)
    programmes = _programmes()
    targets: list[str] = []
    with path.open("wb") as out:
        for index in range(entities):
            draw = rng.random()
            if draw < 0.70 or not targets:
                entity = _target(rng, index, person=draw < 0.40)
                targets.append(entity["id"])
            elif draw < 0.95:
                entity = _sanction(rng, index, rng.choice(targets), programmes)
            else:
                entity = _other(rng, index, rng.choice(targets))
            out.write(orjson.dumps(entity) + b"\n")


def baseline(path: Path, loads: Any = orjson.loads) -> int:
    """Parse every line with ``loads`` (orjson's, or the standard library's) and nothing else."""
    count = 0
    with path.open("rb") as lines:
        for line in lines:
            loads(line)
            count += 1
    return count


def _progress(total: int) -> Any:
    if not sys.stderr.isatty():
        return None

    def report(done: int) -> None:
        print(f"\r  import: {100 * done / total:5.1f} %", end="", file=sys.stderr, flush=True)

    return report


def _timed(run: Any) -> tuple[Any, float, float]:
    """What ``run()`` returns, its wall time and its CPU time (every thread of the process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def fresh_import(path: Path) -> dict[str, float]:
    """Import the stream in a fresh process doing nothing else: its peak memory and times.

    The peak is the child's ``VmHWM``, the high-water mark of its resident memory, read
    from ``/proc/self/status`` at the end: it counts what polars allocates outside
    Python's allocator (tracemalloc does not see it). ``ru_maxrss`` is not used: Linux
    carries it across ``exec`` from the parent that started the child.
    """
    code = (
        "import sys, time\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "from sanctions_tracker.importers import import_ftm\n"
        "import_ftm(sys.argv[1])\n"
        "wall, cpu = time.perf_counter() - start, time.process_time() - cpu\n"
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "print(int(status.split()[0]), wall, cpu)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    peak_kb, wall, cpu = done.stdout.split()
    return {"peak_mb": int(peak_kb) / 1024, "wall_s": float(wall), "cpu_s": float(cpu)}


def run(path: Path, entities: int, rounds: int) -> None:
    """Time both in alternating rounds, measure a fresh import's memory, print the figures."""
    size = path.stat().st_size
    print(f"stream: {entities:,} entities, {size / 1e6:.1f} MB; machine: {os.cpu_count()} cores")
    wall_ratios, cpu_ratios, json_ratios = [], [], []
    for round_ in range(1, rounds + 1):
        load = _load()
        _, json_wall, json_cpu = _timed(lambda: baseline(path, json.loads))
        lines, base_wall, base_cpu = _timed(lambda: baseline(path))
        result, wall, cpu = _timed(lambda: import_ftm(path, progress=_progress(size)))
        if sys.stderr.isatty():
            print(file=sys.stderr)
        wall_ratios.append(base_wall / wall)
        cpu_ratios.append(base_cpu / cpu)
        json_ratios.append((json_wall / wall, json_cpu / cpu))
        print(
            f"round {round_} (load {load}): orjson.loads loop {base_wall:6.2f} s wall "
            f"{base_cpu:6.2f} s CPU; import_ftm {wall:6.2f} s wall {cpu:6.2f} s CPU; "
            f"ratio {base_wall / wall:.2f} wall, {base_cpu / cpu:.2f} CPU; "
            f"{lines / wall:,.0f} entities/s; json.loads loop {json_wall:6.2f} s wall "
            f"{json_cpu:6.2f} s CPU, ratio {json_wall / wall:.2f} wall, {json_cpu / cpu:.2f} CPU"
        )
        del result
    print(
        f"ratio (orjson.loads loop time / import_ftm time), best round: "
        f"{max(wall_ratios):.2f} wall, {max(cpu_ratios):.2f} CPU; "
        f"median {sorted(wall_ratios)[len(wall_ratios) // 2]:.2f} wall, "
        f"{sorted(cpu_ratios)[len(cpu_ratios) // 2]:.2f} CPU (aim: at least 0.60)"
    )
    print(
        "ratio (json.loads loop time / import_ftm time), best round: "
        f"{max(w for w, _ in json_ratios):.2f} wall, {max(c for _, c in json_ratios):.2f} CPU "
        "(aim: at least 0.50)"
    )
    load = _load()
    fresh = fresh_import(path)
    print(
        f"import in a fresh process (load {load}): {fresh['wall_s']:.2f} s wall, "
        f"{fresh['cpu_s']:.2f} s CPU, peak memory (VmHWM) {fresh['peak_mb']:,.0f} MB "
        "(aim: at most 1024)"
    )
    print(
        "benchmark process peak memory: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB; load {_load()}"
    )


def main() -> None:
    """Write the stream (or reuse ``--stream``), then run the benchmark on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--stream", type=Path, help="keep the stream at this path, and reuse it when it exists"
    )
    args = parser.parse_args()
    if args.stream is not None:
        if not args.stream.exists():
            partial = args.stream.with_name(args.stream.name + ".part")
            write_stream(partial, args.entities)
            partial.rename(args.stream)
        entities = sum(1 for _ in args.stream.open("rb"))
        run(args.stream, entities, args.rounds)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entities.ftm.json"
        write_stream(path, args.entities)
        run(path, args.entities, args.rounds)


if __name__ == "__main__":
    main()
