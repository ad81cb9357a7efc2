"""The one thread that works beside the calling one, kept for the life of the process.

A reader hands it work that the calling thread does not need yet (another file, the
checks of a small table) and goes on. It is made on first use and kept: a new thread
for each read would also start with none of the memory its allocator already holds,
and a large read asks the system for every page of it again (a few microseconds each,
several thousand times). A forked process makes its own on first use.

Work given to it must not wait for other work given to it: there is one thread.

>>> helper().submit(sum, [1, 2, 3]).result()
6
>>> helper() is helper()
True
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["helper"]


class _Helper:
    """The helper thread's pool once made, and the lock that makes it once."""

    lock: threading.Lock
    pool: ThreadPoolExecutor | None

    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        """No pool yet, and a lock of this process (a forked one's may be held)."""
        self.lock = threading.Lock()
        self.pool = None


_HELPER = _Helper()


def helper() -> ThreadPoolExecutor:
    """The process's helper thread, made on first use."""
    with _HELPER.lock:
        if _HELPER.pool is None:
            _HELPER.pool = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="sanctions-tracker-helper"
            )
        return _HELPER.pool


# In a forked child the parent's thread is not there: a new one is made on first use.
os.register_at_fork(after_in_child=_HELPER.forget)
