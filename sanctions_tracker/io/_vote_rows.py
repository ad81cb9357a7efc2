"""Arrays over the votes of a roll-call record: each vote's roll call, its place among
the votes of that roll call, and whether a key repeats, without a Python loop or a
sort of the million votes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import numpy as np
import numpy.typing as npt
import polars as pl

from sanctions_tracker._scratch import scratch

__all__ = ["all_known", "call_index", "call_rows", "positions", "repeats", "with_none"]


def call_rows(ids: pl.Series, calls: pl.Series) -> pl.Series:
    """For each vote's roll-call number (none null), the row of that roll call (null
    for none).

    The numbers are looked up in an array over their range when it is no larger than
    a few times the votes (a roll call's number is its place in a record), else joined.

    >>> call_rows(pl.Series([12, 10, 11]), pl.Series([10, 12])).to_list()
    [1, 0, None]
    """
    if ids.is_empty() or calls.is_empty():
        return pl.Series([None] * len(ids), dtype=pl.UInt32)
    index = call_index(ids, calls)
    if index is None:
        found = pl.DataFrame({"_id": ids}).join(
            pl.DataFrame({"_id": calls, "_row": np.arange(len(calls), dtype=np.uint32)}),
            on="_id",
            how="left",
            maintain_order="left",
        )
        return found["_row"]
    rows, start = index
    found_rows = np.full(len(ids), _NONE, dtype=np.uint32)  # a row not looked up is none
    for offset, numbers in _blocks(ids):
        looked_up = found_rows[offset : offset + numbers.size]
        np.take(rows, numbers - start if start else numbers, out=looked_up)
    return with_none(found_rows)


def with_none(rows: npt.NDArray[np.uint32]) -> pl.Series:
    """Rows of roll calls (of :func:`call_index` or :func:`call_rows`), null for none.

    >>> with_none(call_index(pl.Series([0, 2]), pl.Series([2]))[0]).to_list()
    [None, None, 0]
    """
    found = pl.Series("_row", rows)
    if rows.size and rows.max() == _NONE:
        return found.to_frame().select(pl.when(pl.col("_row") < _NONE).then("_row")).to_series()
    return found


def call_index(ids: pl.Series, calls: pl.Series) -> tuple[npt.NDArray[np.uint32], int] | None:
    """The row of each roll call (``_NONE`` for a number of none) in an array over
    the range of the numbers from its start (0 when the numbers start near it), when
    that range is no larger than a few times the votes; else None.

    >>> rows, start = call_index(pl.Series([12, 10, 11]), pl.Series([10, 12]))
    >>> rows.tolist(), start
    ([0, 4294967295, 1], 10)
    """
    known = calls.to_numpy()
    low = min(cast(int, ids.min()), int(known.min()))
    high = max(cast(int, ids.max()), int(known.max()))
    if high - low + 1 > 4 * (len(ids) + known.size):
        return None
    # From 0 when the numbers start near it, so that they index the array as they are.
    start = 0 if 0 <= low <= len(ids) else low
    rows = np.full(high - start + 1, _NONE, dtype=np.uint32)
    # Rows as unsigned 32-bit numbers: polars' own index, which it gathers by as it is.
    rows[known - start] = np.arange(known.size, dtype=np.uint32)
    return rows, start


def all_known(ids: pl.Series, rows: npt.NDArray[np.uint32]) -> bool:
    """Whether every number of ``ids`` (none null, each from 0 and within ``rows``) has
    a roll call in ``rows`` (:func:`call_index` from 0): looked up a block at a time
    into one small array, the rows themselves not kept.

    >>> rows = call_index(pl.Series([0, 1, 3]), pl.Series([1, 0, 3]))[0]
    >>> all_known(pl.Series([0, 3, 1]), rows), all_known(pl.Series([0, 2]), rows)
    (True, False)
    """
    found = np.empty(_BLOCK, dtype=np.uint32)
    for _, numbers in _blocks(ids):
        looked_up = found[: numbers.size]
        np.take(rows, numbers, out=looked_up)
        if looked_up.max() == _NONE:
            return False
    return True


def _blocks(ids: pl.Series) -> Iterator[tuple[int, npt.NDArray[np.integer]]]:
    """The numbers a block of at most ``_BLOCK`` at a time, each a view of the numbers
    as polars read them (no copy of them all), with the place of its first.

    >>> numbers = pl.concat([pl.Series([1, 2]), pl.Series([3])], rechunk=False)
    >>> [(place, block.tolist()) for place, block in _blocks(numbers)]
    [(0, [1, 2]), (2, [3])]
    """
    done = 0
    for chunk in ids.get_chunks():
        numbers = chunk.to_numpy()
        for start in range(0, numbers.size, _BLOCK):
            yield done + start, numbers[start : start + _BLOCK]
        done += numbers.size


# No roll call's row, in the arrays of call_index and call_rows.
_NONE = np.iinfo(np.uint32).max


def repeats(ids: pl.Series, codes: pl.Series) -> bool:
    """Whether a member votes twice in one roll call: fewer distinct pairs of roll-call
    number and member (each marked in an array of bytes over their range, kept for the
    next call; hashed when the numbers are too far apart for one) than votes. A vote
    without a member (a null code) is none.

    >>> repeats(pl.Series([5, 5, 6]), pl.Series(["US", "CA", "US"], dtype=pl.Categorical))
    False
    >>> repeats(pl.Series([5, 6, 5]), pl.Series(["US", "US", "US"], dtype=pl.Categorical))
    True
    >>> repeats(pl.Series([5, 5, 5]), pl.Series(["US", None, None], dtype=pl.Categorical))
    False
    """
    physical = codes.to_physical()
    missing = physical.null_count()
    if missing == len(physical):
        return False
    # The votes without a member are marked in a column of their own, not counted.
    width = cast(int, physical.max()) + 1  # the codes' physical values are integers
    members = (physical.fill_null(width) if missing else physical).to_numpy()
    low, columns = cast(int, ids.min()), width + 1
    rows = cast(int, ids.max()) - low + 1
    if rows * columns > _MARKS_PER_VOTE * len(ids) + _MARKS:
        # Numbers too far apart for an array over their range: the pairs are hashed.
        pairs = pl.DataFrame({"number": ids, "member": physical}).drop_nulls()
        return bool(pairs.is_duplicated().any())
    cells = scratch("member marks", rows * columns, np.bool_)  # kept for the next call
    cells.fill(False)
    marks = cells.reshape(rows, columns)
    # Each pair's cell, worked out a block at a time in one small array of the width
    # numpy indexes with: no array of a million keys to ask the system for each time,
    # and the numbers as read (no copy of them all).
    keys = scratch("member keys", _BLOCK, np.intp)
    for offset, numbers in _blocks(ids):
        block = keys[: numbers.size]
        np.subtract(numbers, low, out=block, casting="unsafe")
        block *= columns
        block += members[offset : offset + numbers.size]
        cells[block] = True
    return int(np.count_nonzero(marks[:, :width])) < len(ids) - missing


# The votes worked on at a time: keys of 128 KiB.
_BLOCK = 1 << 14
# The most marks (bytes) for the pairs of roll call and member: so many a vote, and
# so many more. The whole record of 870,107 votes takes 2.8 a vote.
_MARKS_PER_VOTE = 8
_MARKS = 1 << 20


def positions(ids: pl.Series) -> pl.Series:
    """Each vote's place among the votes of its roll call, in the order of the file.

    The votes of a roll call come in runs (its members one after another), so the
    counting is done on the runs, not on the votes (the whole unvotes record has
    120,519 runs of 870,107 votes): a run's first vote
    has as many before it as the earlier runs of the same roll call hold (a stable sort
    of the runs by roll call, and a running sum of their lengths within each). The
    arrays over the runs are kept for the next call (:mod:`sanctions_tracker._scratch`).

    >>> positions(pl.Series([7, 7, 3, 7, 3])).to_list()
    [0, 1, 0, 2, 1]
    """
    if ids.is_empty():
        return pl.Series([], dtype=pl.Int32)
    starts, runs = _runs(ids)
    count = starts.size
    # Each run's length, of 32 bits.
    lengths = scratch("run lengths", count, np.int32)
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1], casting="unsafe")
    lengths[-1] = len(ids) - starts[-1]
    runs -= runs.min()  # the least of the runs: a pass over the runs, not the votes
    if runs.max() <= np.iinfo(np.uint16).max:
        narrow = scratch("run keys", count, np.uint16)
        np.copyto(narrow, runs, casting="unsafe")
        runs = narrow  # a stable sort of 16-bit numbers is a radix sort
    order = np.argsort(runs, kind="stable")
    ordered = np.take(runs, order, out=scratch("runs in order", count, runs.dtype))
    sizes = np.take(lengths, order, out=scratch("run sizes in order", count, np.int32))
    before = np.cumsum(sizes, out=scratch("votes before", count, np.int32))
    before -= sizes  # votes of the runs before, in order
    first = scratch("first runs", count, np.bool_)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    opening = np.multiply(before, first, out=scratch("votes before the roll call", count, np.int32))
    np.maximum.accumulate(opening, out=opening)
    before -= opening  # votes of the earlier runs of the same roll call
    earlier = scratch("earlier votes", count, np.int32)
    earlier[order] = before
    # Each place is the one before plus one, except at the start of a run, which
    # starts at its earlier votes: a running sum of those steps, in one array (the
    # table's own column, new memory).
    place = np.ones(len(ids), dtype=np.int32)
    place[starts] = earlier
    step = earlier[:-1]
    step += lengths[:-1]
    step -= 1
    place[starts[1:]] -= step
    return pl.Series(np.cumsum(place, out=place))


def _runs(ids: pl.Series) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.integer]]:
    """Where each run of equal numbers starts, and its number: a block of the numbers
    at a time, each as read (no copy of them all). The changes are counted first, so
    that the two arrays are made once, at their size (kept for the next call: valid
    until then).

    >>> blocks = pl.concat([pl.Series([7, 7, 3]), pl.Series([3, 7])], rechunk=False)
    >>> [a.tolist() for a in _runs(blocks)]
    [[0, 2, 4], [7, 3, 7]]
    """
    blocks = [block.to_numpy() for block in ids.get_chunks() if len(block)]
    change = scratch("run changes", max(block.size for block in blocks), np.bool_)

    def changes(numbers: npt.NDArray[np.integer], last: object) -> npt.NDArray[np.bool_]:
        flags = change[: numbers.size]
        flags[0] = last is None or numbers[0] != last
        np.not_equal(numbers[1:], numbers[:-1], out=flags[1:])
        return flags

    lasts = [None, *(block[-1] for block in blocks[:-1])]
    count = sum(
        int(np.count_nonzero(changes(b, last))) for b, last in zip(blocks, lasts, strict=True)
    )
    starts = scratch("run starts", count, np.intp)
    values = scratch("run numbers", count, blocks[0].dtype)
    done = found_so_far = 0
    for numbers, last in zip(blocks, lasts, strict=True):
        found = np.flatnonzero(changes(numbers, last))
        end = found_so_far + found.size
        np.add(found, done, out=starts[found_so_far:end])
        np.take(numbers, found, out=values[found_so_far:end])
        done, found_so_far = done + numbers.size, end
    return starts, values
