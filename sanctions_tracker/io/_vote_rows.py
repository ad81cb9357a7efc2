"""Arrays over the votes of a roll-call record: each vote's roll call, its place among
the votes of that roll call, and whether a key repeats, without a Python loop or a
sort of the million votes.
"""

from __future__ import annotations

import numpy as np
import polars as pl

__all__ = ["call_rows", "positions", "repeats"]


def call_rows(ids: pl.Series, calls: pl.Series) -> pl.Series:
    """For each vote's roll-call number, the row of that roll call (null for none).

    The numbers are looked up in an array over their range when it is no larger than
    a few times the votes (a roll call's number is its place in a record), else joined.

    >>> call_rows(pl.Series([12, 10, 11]), pl.Series([10, 12])).to_list()
    [1, 0, None]
    """
    numbers, known = ids.to_numpy(), calls.to_numpy()
    if numbers.size == 0 or known.size == 0:
        return pl.Series([None] * len(ids), dtype=pl.UInt32)
    low = min(int(numbers.min()), int(known.min()))
    high = max(int(numbers.max()), int(known.max()))
    # Rows as unsigned 32-bit numbers: polars' own index, which it gathers by as it is.
    places = np.arange(known.size, dtype=np.uint32)
    if high - low + 1 > 4 * (numbers.size + known.size):
        found = pl.DataFrame({"_id": ids}).join(
            pl.DataFrame({"_id": calls, "_row": places}),
            on="_id",
            how="left",
            maintain_order="left",
        )
        return found["_row"]
    # From 0 when the numbers start near it, so that they index the array as they are.
    start = 0 if 0 <= low <= numbers.size else low
    rows = np.full(high - start + 1, _NONE, dtype=np.uint32)
    rows[known - start] = places
    found_rows = rows[numbers - start if start else numbers]
    looked_up = pl.Series("_row", found_rows)
    if found_rows.max() == _NONE:
        return looked_up.to_frame().select(pl.when(pl.col("_row") < _NONE).then("_row")).to_series()
    return looked_up


# No roll call's row, in call_rows' array.
_NONE = np.iinfo(np.uint32).max


def repeats(ids: pl.Series, codes: pl.Series) -> bool:
    """Whether a member votes twice in one roll call: fewer distinct pairs of roll-call
    number and member (each marked in an array of bytes over their range) than votes.

    >>> repeats(pl.Series([5, 5, 6]), pl.Series(["US", "CA", "US"], dtype=pl.Categorical))
    False
    >>> repeats(pl.Series([5, 6, 5]), pl.Series(["US", "US", "US"], dtype=pl.Categorical))
    True
    """
    if ids.is_empty():
        return False
    numbers, members = ids.to_numpy(), codes.to_physical().to_numpy()
    low, width = int(numbers.min()), int(members.max()) + 1
    marks = np.zeros((int(numbers.max()) - low + 1) * width, dtype=np.bool_)
    # Each pair's cell, worked out a block at a time in one small array of the width
    # numpy indexes with: no array of a million keys to ask the system for each time.
    keys = np.empty(min(numbers.size, _BLOCK), dtype=np.intp)
    for start in range(0, numbers.size, _BLOCK):
        block = keys[: min(_BLOCK, numbers.size - start)]
        np.subtract(numbers[start : start + block.size], low, out=block, casting="unsafe")
        block *= width
        block += members[start : start + block.size]
        marks[block] = True
    return int(np.count_nonzero(marks)) < numbers.size


# The votes worked on at a time: keys of 128 KiB.
_BLOCK = 1 << 14


def positions(ids: pl.Series) -> pl.Series:
    """Each vote's place among the votes of its roll call, in the order of the file.

    The votes of a roll call come in runs (its members one after another), so the
    counting is done on the runs, a few thousand, not on the votes: a run's first vote
    has as many before it as the earlier runs of the same roll call hold (a stable sort
    of the runs by roll call, and a running sum of their lengths within each).

    >>> positions(pl.Series([7, 7, 3, 7, 3])).to_list()
    [0, 1, 0, 2, 1]
    """
    numbers = ids.to_numpy()
    if numbers.size == 0:
        return pl.Series([], dtype=pl.Int32)
    starts = np.flatnonzero(numbers[1:] != numbers[:-1])
    starts += 1
    starts = np.concatenate(([0], starts))
    lengths = np.diff(starts, append=numbers.size)
    runs = numbers[starts]
    runs -= runs.min()  # the least of the runs: a pass over the runs, not the votes
    if runs.max() <= np.iinfo(np.uint16).max:
        runs = runs.astype(np.uint16)  # a stable sort of 16-bit numbers is a radix sort
    order = np.argsort(runs, kind="stable")
    ordered = runs[order]
    before = np.cumsum(lengths[order]) - lengths[order]  # votes of the runs before, in order
    first = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    earlier = np.empty_like(before)
    earlier[order] = before - np.maximum.accumulate(np.where(first, before, 0))
    # Each place is the one before plus one, except at the start of a run, which
    # starts at its earlier votes: a running sum of those steps, in one array.
    place = np.ones(numbers.size, dtype=np.int32)
    place[starts] = earlier
    place[starts[1:]] -= earlier[:-1] + lengths[:-1] - 1
    return pl.Series(np.cumsum(place, out=place))
