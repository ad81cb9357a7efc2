"""Answers out: a query's frame made flat for CSV and spreadsheets, and an answer workbook.

A query answer holds typed columns that CSV cannot hold: lists (``routes``,
``regimes``), partial dates with their ``*_precision`` column, Enums. :func:`flatten`
turns them into text, the same way the command line's flat formats do: lists joined
with ``"; "``, a partial date as its ISO text (``2020``, ``2020-09``).

>>> import polars as pl
>>> answer = pl.DataFrame({"country": ["JP"], "regimes": [["EU-BLR", "GB-BLR"]]})
>>> print(flatten(answer).write_csv(), end="")
country,regimes
JP,EU-BLR; GB-BLR
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import polars as pl

from sanctions_tracker.columns import date_text

__all__ = ["LIST_SEPARATOR", "flatten", "write_xlsx"]

#: What joins the items of a list column in a flat format.
LIST_SEPARATOR: Final = "; "


def flatten(frame: pl.DataFrame, *, join_lists: bool = True) -> pl.DataFrame:
    """``frame`` ready for ``write_csv``: lists joined, partial dates as text, Enums as text.

    Args:
        frame: A query's answer (any frame).
        join_lists: Join list columns with ``"; "`` (else keep them, as JSON can).

    Returns:
        The same rows and columns, less each ``*_precision`` column beside its date.

    >>> import sanctions_tracker as st
    >>> answer = st.datasets.belarus_2020().signed_not_sanctioned(
    ...     "by-2020-09-17-internet-shutdowns", as_of="2020-12-31")
    >>> flat = st.flatten(answer)
    >>> flat.schema["signed_on"], flat.schema["via"]
    (String, String)
    """
    columns: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        if name.endswith("_precision") and name.removesuffix("_precision") in frame.columns:
            continue
        column = pl.col(name)
        if f"{name}_precision" in frame.columns and dtype == pl.Date:
            column = date_text(name)
        elif isinstance(dtype, pl.List) and join_lists:
            column = column.cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        elif isinstance(dtype, pl.Enum | pl.Categorical):
            column = column.cast(pl.String)
        columns.append(column.alias(name))
    return frame.select(columns)


def write_xlsx(frame: pl.DataFrame, path: Path, *, sheet: str = "answer") -> None:
    """Write ``frame``, flattened, as the one sheet of an Excel workbook (the ``excel`` extra).

    The workbook appears whole or not at all: it is written beside ``path`` and renamed.

    Raises:
        DataFormatError: the ``excel`` extra is not installed (``pip install
            'sanctions-tracker[excel]'``).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "answer.xlsx"
    >>> write_xlsx(pl.DataFrame({"country": ["JP"], "routes": [["bloc"]]}), path)
    >>> pl.read_excel(path).rows()
    [('JP', 'bloc')]
    """
    from sanctions_tracker.io._atomic import write_file_atomically
    from sanctions_tracker.io.workbook import require_excel

    require_excel("write", path)
    flat = flatten(frame)
    write_file_atomically(path, lambda temporary: flat.write_excel(temporary, worksheet=sheet))
