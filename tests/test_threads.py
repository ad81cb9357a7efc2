"""The helper thread: one for the process, made again in a forked child."""

from __future__ import annotations

import multiprocessing
import sys
import threading

import pytest

from sanctions_tracker._threads import helper


def _in_child(results: multiprocessing.Queue[int]) -> None:
    results.put(helper().submit(sum, [1, 2, 3]).result(timeout=10))


def test_the_helper_is_kept_between_uses() -> None:
    """The same thread does the work of one read and the next."""
    first = helper().submit(threading.get_ident).result()
    second = helper().submit(threading.get_ident).result()
    assert (helper() is helper(), first == second, first != threading.get_ident()) == (
        True,
        True,
        True,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="no fork on Windows")
def test_a_forked_child_makes_its_own_helper() -> None:
    """The parent's thread is not in a forked child: the child's work still gets done."""
    helper().submit(sum, [0]).result()  # the parent's thread exists before the fork
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[int] = context.Queue()
    child = context.Process(target=_in_child, args=(results,))
    child.start()
    child.join(timeout=30)
    assert (child.exitcode, results.get(timeout=5)) == (0, 6)
