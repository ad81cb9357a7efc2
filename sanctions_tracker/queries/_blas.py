"""Gram matrices (``M.T @ M``) of several matrices, on two threads of one BLAS thread each.

BLAS (OpenBLAS, MKL) runs a product on as many threads as there are cores, and its
threads wait for each other by spinning: on a machine whose cores are busy with other
work, a product of 2 ms took up to 1.5 s. So BLAS is held to the calling thread
(threadpoolctl, which knows every BLAS numpy may be built with, gives the threads back
afterwards), and the products are shared between two Python threads instead: numpy
releases the interpreter during a product, so two run at once on two free cores, and
on busy cores a thread that waits does not spin.

>>> import numpy as np
>>> [g.tolist() for g in grams([np.ones((3, 2), dtype=np.float32)])]
[[[3, 3], [3, 3]]]
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from functools import cache

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

__all__ = ["grams", "one_blas_thread"]

Matrix = npt.NDArray[np.float32]
Counts = npt.NDArray[np.int64]


@cache
def _controller() -> ThreadpoolController:
    """The thread pools of the libraries loaded (found once: about a millisecond)."""
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[object]:
    """A block in which BLAS runs on the calling thread only."""
    limited: AbstractContextManager[object] = _controller().limit(limits=1, user_api="blas")
    return limited


def _gram(matrix: Matrix) -> Counts:
    """``matrix.T @ matrix`` (a symmetric rank-k update in BLAS) as whole numbers: a
    float32 sum of whole numbers is exact up to 2**24."""
    product: Matrix = matrix.T @ matrix
    return product.astype(np.int64)


def grams(matrices: Sequence[Matrix]) -> list[Counts]:
    """``m.T @ m`` for each matrix, the second half on a second thread."""
    half = len(matrices) // 2
    with one_blas_thread(), ThreadPoolExecutor(max_workers=1) as helper:
        later = helper.map(_gram, matrices[half:])
        first = [_gram(matrix) for matrix in matrices[:half]]
        return first + list(later)
