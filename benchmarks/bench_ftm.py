"""Import a synthetic FollowTheMoney stream, against a bare ``json.loads`` loop over the same file.

Run from the project root::

    .venv/bin/python benchmarks/bench_ftm.py [--entities 200000] [--repeat 3]

It writes a stream shaped like OpenSanctions' ``entities.ftm.json`` (Sanctions, the
persons and companies they designate, and addresses, ownerships and family links
that the import counts and skips), then prints entities per second for the baseline
(parse every line, nothing else) and for :func:`sanctions_tracker.import_ftm`
(parse, keep, build and validate the Dataset), and their ratio, best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from sanctions_tracker.importers import import_ftm

AUTHORITIES = [
    ("eu", "EU-RUS", "Council of the European Union", "RUS"),
    ("eu", "EU-BLR", "Council of the European Union", "BLR"),
    ("gb", "GB-RUS", "Foreign, Commonwealth & Development Office", "Russia Regulations 2019"),
    ("us", "US-RUSHAR", "Office of Foreign Assets Control", "RUSSIA-EO14024"),
    ("ch", "SECO-UKRAINE", "State Secretariat for Economic Affairs", "Ordinance of 4 March 2022"),
    ("ua", "UA-SA1644", "National Security and Defense Council", "364/2023"),
    ("ca", "CA-SEMA", "Global Affairs Canada", "Russia / Russie"),
    ("jp", None, "Ministry of Finance", "資産凍結等の措置の対象となるロシア連邦の団体及び個人"),
]
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliett",
    "kilo",
    "lima",
]


def _name(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(words))


def _target(rng: random.Random, index: int) -> dict[str, Any]:
    person = rng.random() < 0.5
    names = [_name(rng, 3) for _ in range(rng.randint(1, 6))]
    properties: dict[str, list[str]] = {
        "name": names,
        "alias": [_name(rng, 3) for _ in range(rng.randint(0, 4))],
        "country": [rng.choice(["ru", "by", "ir", "kp"])],
        "topics": ["sanction"],
        "notes": [_name(rng, 25)],
        "sourceUrl": [f"https://example.org/entity/{index}"],
    }
    if person:
        properties |= {"birthDate": ["1970-01-01"], "gender": ["male"], "nationality": ["ru"]}
    else:
        properties |= {"innCode": [str(7700000000 + index)], "incorporationDate": ["2001"]}
    return {
        "id": f"NK-{index}",
        "caption": names[0],
        "schema": "Person" if person else rng.choice(["Company", "LegalEntity", "Organization"]),
        "properties": properties,
        "datasets": ["synthetic"],
        "referents": [],
        "first_seen": "2024-01-01T00:00:00",
        "last_seen": "2025-01-01T00:00:00",
    }


def _sanction(rng: random.Random, index: int, target: str) -> dict[str, Any]:
    country, program_id, authority, program = rng.choice(AUTHORITIES)
    properties: dict[str, list[str]] = {
        "entity": [target],
        "country": [country],
        "authority": [authority],
        "program": [program],
        "startDate": [f"20{rng.randint(14, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"],
        "reason": [_name(rng, 20)],
        "sourceUrl": [f"https://example.org/sanction/{index}"],
    }
    if program_id is not None:
        properties["programId"] = [program_id]
    return {"id": f"san-{index}", "schema": "Sanction", "properties": properties}


def _other(rng: random.Random, index: int, target: str) -> dict[str, Any]:
    kind = rng.choice(["Address", "Ownership", "Family"])
    properties = {
        "Address": {"full": [_name(rng, 8)], "country": ["ru"]},
        "Ownership": {"owner": [target], "asset": [f"NK-{index}-asset"], "percentage": ["51"]},
        "Family": {"person": [target], "relative": [f"NK-{index}-rel"]},
    }[kind]
    return {"id": f"other-{index}", "schema": kind, "properties": properties}


def write_stream(path: Path, entities: int, seed: int = 0) -> None:
    """About a third each: targets, Sanctions, and other entities the import skips."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        written = 0
        index = 0
        while written < entities:
            target = _target(rng, index)
            group = [target]
            group += [
                _sanction(rng, index * 10 + k, target["id"]) for k in range(rng.randint(0, 2))
            ]
            group += [_other(rng, index * 10 + k, target["id"]) for k in range(rng.randint(0, 2))]
            for entity in group[: entities - written]:
                out.write(json.dumps(entity, ensure_ascii=False) + "\n")
            written += min(len(group), entities - written)
            index += 1


def baseline(path: Path) -> int:
    """Parse every line and nothing else (text mode: faster for json.loads than bytes)."""
    loads = json.loads
    count = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            loads(line)
            count += 1
    return count


def best(seconds: list[float]) -> float:
    """The fastest of several runs: the one least disturbed by the rest of the machine."""
    return min(seconds)


def main() -> None:
    """Write the stream, time both, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entities.ftm.json"
        write_stream(path, args.entities)
        size = path.stat().st_size
        base_times, import_times = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            lines = baseline(path)
            base_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = import_ftm(path)
            import_times.append(time.perf_counter() - start)
        base_rate = lines / best(base_times)
        import_rate = lines / best(import_times)
        print(f"stream: {lines:,} entities, {size / 1e6:.1f} MB")
        print(result.summary.__str__().splitlines()[1])
        print(f"json.loads loop: {base_rate:>10,.0f} entities/s")
        print(f"import_ftm:      {import_rate:>10,.0f} entities/s")
        print(f"ratio:           {import_rate / base_rate:>10.2f} (aim: at least 0.50)")


if __name__ == "__main__":
    main()
