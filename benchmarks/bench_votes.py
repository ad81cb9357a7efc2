"""The UN General Assembly's whole roll-call record: loading it, and agreement at full scale.

1. Loading: ``st.read_un_votes(folder)`` (read, check, resolve past members, build the
   Dataset) against a bare ``pl.read_csv`` of the same three files, the two taking
   turns (``--load-repeats`` rounds). Target: a ratio of at most 2. It is given as
   the ratio of the best times of each, and as the median of the ratios round by
   round (each read timed right after its bare read, on the machine as it then was:
   on a busy machine, the best of a short read is more often a lucky one than the
   best of a long one).
2. Agreement over every roll call and every pair of countries, and over a period
   (``since=``, ``until=``), against a lazy streaming polars self-join of the same
   votes (join on the roll call, score each pair, mean per pair). Target: at least 30
   times as fast. With ``--oracle`` the results are also checked against the
   plain-Python oracle of ``tests/oracle.py`` (a few minutes).

The unvotes tables are CC0; they are read from ``../shared/data/real/unvotes/``, or
from the folder given with ``--data``.

Run: ``.venv/bin/python benchmarks/bench_votes.py [--oracle]``
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

import polars as pl

import sanctions_tracker as st
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.records import POSITIONS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "real" / "unvotes"
FILES = ("un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv")
PERIOD = ("1991-01-01", "2019-12-31")
_VALUE = {"for": 1.0, "abstain": 0.5, "against": 0.0}


class Timing(NamedTuple):
    """The best wall-clock and CPU times of several runs, in seconds."""

    wall: float
    cpu: float

    def ratio(self, other: Timing) -> str:
        """How many times as long as ``other``, in wall and CPU time."""
        return f"{self.wall / other.wall:.2f} wall, {self.cpu / other.cpu:.2f} CPU"

    def speed_up(self, faster: Timing) -> str:
        """How many times as fast ``faster`` is, in wall and CPU time."""
        return f"{self.wall / faster.wall:.0f}x wall, {self.cpu / faster.cpu:.0f}x CPU"

    def __str__(self) -> str:
        return f"{self.wall:.4f} s wall, {self.cpu:.4f} s CPU"


Maker = Callable[[], Callable[[], object]]


def taking_turns(first: Maker, second: Maker, repeats: int) -> list[tuple[Timing, Timing]]:
    """``repeats`` rounds of a run of each, the two taking turns. Each maker is called
    untimed before each run and returns what to time (a fresh Dataset's first call is
    timed on a Dataset made for that run alone)."""
    rounds = []
    for _ in range(repeats):
        pair = []
        for make in (first, second):
            run = make()
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            pair.append(Timing(time.perf_counter() - wall, time.process_time() - cpu))
        rounds.append((pair[0], pair[1]))
    return rounds


def best_of_both(first: Maker, second: Maker, repeats: int) -> tuple[Timing, Timing]:
    """The fastest of ``repeats`` runs of each, the two taking turns (:func:`taking_turns`)."""
    return best(taking_turns(first, second, repeats))


def best(rounds: list[tuple[Timing, Timing]]) -> tuple[Timing, Timing]:
    """The fastest wall and CPU times of each side of the rounds."""

    def fastest(side: list[Timing]) -> Timing:
        return Timing(min(t.wall for t in side), min(t.cpu for t in side))

    return fastest([first for first, _ in rounds]), fastest([second for _, second in rounds])


def paired(rounds: list[tuple[Timing, Timing]]) -> str:
    """The median, over the rounds, of the second's wall time over the first's in the same
    round: the two measured a moment apart, on the machine as it then was."""
    ratios = [second.wall / first.wall for first, second in rounds]
    return (
        f"{statistics.median(ratios):.2f} wall (median of {len(ratios)} rounds; "
        f"lowest {min(ratios):.2f}, highest {max(ratios):.2f})"
    )


def ready(run: Callable[[], object]) -> Maker:
    """A maker of ``run`` itself, with nothing to set up."""
    return lambda: run


def first_call(folder: Path, since: str | None, until: str | None) -> Callable[[], object]:
    """The first agreement of a Dataset read for this run alone (read untimed), so that
    building its matrices is timed every time."""
    return partial(st.read_un_votes(folder).agreement, since=since, until=until)


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes (``uptime``)."""
    return "load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def bare_read(folder: Path) -> list[pl.DataFrame]:
    """The baseline of loading: polars parsing the three files, nothing more."""
    return [pl.read_csv(folder / name) for name in FILES]


def self_join(
    votes: pl.LazyFrame, since: str | None = None, until: str | None = None
) -> pl.DataFrame:
    """The baseline of agreement: every pair's mean score by a streaming self-join."""
    if since is not None:
        votes = votes.filter(pl.col("date") >= pl.lit(since).str.to_date())
    if until is not None:
        votes = votes.filter(pl.col("date") <= pl.lit(until).str.to_date())
    votes = votes.select("document_id", "country", "value")
    return (
        votes.join(votes, on="document_id", suffix="_b")
        .filter(pl.col("country") < pl.col("country_b"))
        .group_by("country", "country_b")
        .agg((1 - (pl.col("value") - pl.col("value_b")).abs()).mean().alias("vote_agreement"))
        .collect(engine="streaming")
    )


def baseline_votes(dataset: Dataset) -> pl.LazyFrame:
    """The same positions as the query uses, as a plain frame for the baseline."""
    documents = dataset.tables.documents.select("document_id", "date")
    return (
        dataset.tables.signatures.filter(pl.col("vote").is_in(POSITIONS))
        .select(
            "document_id",
            pl.col("party").alias("country"),
            pl.col("vote")
            .cast(pl.String)
            .replace_strict(_VALUE, return_dtype=pl.Float64)
            .alias("value"),
        )
        .join(documents, on="document_id")
        .lazy()
    )


def same_scores(ours: pl.DataFrame, theirs: pl.DataFrame) -> bool:
    """The baseline's pairs and scores equal ours (pairs with a shared position)."""
    mine = ours.filter(pl.col("both_recorded") > 0).select(
        pl.col("country_a").alias("country"),
        pl.col("country_b"),
        pl.col("vote_agreement").round(9),
    )
    other = theirs.select("country", "country_b", pl.col("vote_agreement").round(9))
    return mine.sort("country", "country_b").equals(other.sort("country", "country_b"))


def check_oracle(dataset: Dataset, since: str | None, until: str | None) -> bool:
    """The query's rows equal the plain-Python oracle's."""
    sys.path.insert(0, str(ROOT / "tests"))
    oracle = importlib.import_module("oracle")  # the tests' oracle, only for this check
    expected = oracle.agreement(dataset, since=since, until=until)
    actual = dataset.agreement(since=since, until=until).rows()
    # Both rounded by Python: polars rounds a tie such as 0.3931640625 (1007/2560, a
    # Jaccard index of the record) the other way, which would make equal rows differ.
    return [_rounded(row) for row in expected] == [_rounded(row) for row in actual]


def _rounded(row: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(round(x, 9) if isinstance(x, float) else x for x in row)


def main() -> None:
    """Time loading and agreement against their baselines; print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--load-repeats", type=int, default=21)
    parser.add_argument("--oracle", action="store_true")
    args = parser.parse_args()
    folder: Path = args.data
    if not all((folder / name).is_file() for name in FILES):
        sys.exit(f"the unvotes tables are not in {folder}: give --data")
    print(f"python {platform.python_version()}, polars {pl.__version__}, {platform.machine()}")
    print(f"{os.cpu_count()} cores, {load_average()}")
    print(f"best of {args.repeats} runs of each, the two sides of a ratio taking turns")

    start = time.perf_counter()
    dataset = st.read_un_votes(folder)
    print(f"first read (name tables built): {time.perf_counter() - start:.3f} s")
    signatures = dataset.tables.signatures.height
    print(f"{dataset.tables.documents.height} roll calls, {signatures} votes")
    rounds = taking_turns(
        lambda: partial(bare_read, folder),
        lambda: partial(st.read_un_votes, folder),
        args.load_repeats,
    )
    bare, ours = best(rounds)
    print(f"loading, best of {args.load_repeats} runs of each:")
    print(f"bare pl.read_csv:     {bare}")
    print(f"st.read_un_votes:     {ours}")
    print(f"loading ratio:        {ours.ratio(bare)} (target at most 2)")
    print(f"  round by round:     {paired(rounds)}")

    votes = baseline_votes(dataset).collect().lazy()
    for since, until in ((None, None), PERIOD):
        label = "every roll call" if since is None else f"{since} to {until}"
        baseline = ready(partial(self_join, votes, since, until))
        base, first = best_of_both(
            baseline, partial(first_call, folder, since, until), args.repeats
        )
        _, warm = best_of_both(
            baseline, ready(partial(dataset.agreement, since=since, until=until)), args.repeats
        )
        result = dataset.agreement(since=since, until=until)
        agree = same_scores(result, self_join(votes, since, until))
        print(f"agreement, {label}: {result.height} pairs")
        print(f"  streaming self-join: {base}")
        print(f"  agreement (first):   {first}   speed-up {base.speed_up(first)}")
        print(f"  agreement (again):   {warm}   speed-up {base.speed_up(warm)}")
        print("  target: at least 30x, the first call too")
        print(f"  same scores as the self-join: {agree}")
        if args.oracle:
            print(f"  equal to the oracle: {check_oracle(dataset, since, until)}")
    print(load_average())


if __name__ == "__main__":
    main()
