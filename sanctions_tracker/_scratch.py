"""Work arrays kept from one read to the next, one set for each thread.

Reading a large roll-call record works out a few arrays the size of its votes or its
runs, and drops them at the end. The C allocator gives memory that large back to the
system, and the next read asks for it anew: a page fault for each 4 KiB, a few
microseconds each, thousands of times a read. Kept here, the next read on the same
thread works in the same pages. An array is only kept up to :data:`MOST_KEPT` bytes,
and only what a function uses while it runs belongs here, never what it returns.

>>> marks = scratch("example", 4, np.bool_)
>>> marks[:] = True
>>> again = scratch("example", 3, np.bool_)
>>> again.size, bool(np.shares_memory(marks, again))
(3, True)
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["MOST_KEPT", "scratch"]

# The largest array kept, in bytes; a larger one is made for its use alone.
MOST_KEPT = 64 << 20


class _Kept(threading.local):
    """This thread's arrays by name, each of bytes."""

    def __init__(self) -> None:
        self.arrays: dict[str, npt.NDArray[np.uint8]] = {}


_KEPT = _Kept()


def scratch(name: str, size: int, dtype: npt.DTypeLike) -> npt.NDArray[Any]:
    """An array of ``size`` items of ``dtype`` for the work called ``name``, holding
    whatever it held last: the memory of the last such work on this thread when that
    was as large, else new memory (kept in its place when at most :data:`MOST_KEPT`).

    The array is valid until the next call with the same name on the same thread.

    >>> scratch("example", 2, np.int32).dtype, scratch("example", 0, np.int64).size
    (dtype('int32'), 0)
    """
    wanted = size * np.dtype(dtype).itemsize
    kept = _KEPT.arrays.get(name)
    if kept is None or kept.size < wanted:
        kept = np.empty(wanted, dtype=np.uint8)
        if wanted <= MOST_KEPT:
            _KEPT.arrays[name] = kept
    return kept[:wanted].view(dtype)
