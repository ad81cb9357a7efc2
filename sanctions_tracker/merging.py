"""Several datasets' tables as one: alike records once, clashing ids reported by dataset.

:meth:`sanctions_tracker.Dataset.merge` validates the result; this module only
combines the tables and names the ids that two datasets give differently, by the
datasets' numbers (counting from 1), which a validation of the combined tables
could only name by row.

>>> from sanctions_tracker import Dataset, JointStatement
>>> one = Dataset(statements=[JointStatement("s", "First title", "2020")])
>>> other = Dataset(statements=[JointStatement("s", "Other title", "2020")])
>>> merge_tables([one.tables, one.tables])["documents"].height
1
>>> merge_tables([one.tables, other.tables])
Traceback (most recent call last):
...
sanctions_tracker.errors.ValidationError: statements['s']: given differently in datasets 1 and 2
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from sanctions_tracker.errors import Problem, ValidationError
from sanctions_tracker.tables import TABLE_NAMES, Tables

__all__ = ["merge_tables"]

# The tables whose rows have ids, and how a path names a row by its id.
_IDS = {
    "documents": ("document_id", None),
    "regimes": ("regime_id", "regimes"),
    "designations": ("designation_id", "designations"),
    "blocs": ("bloc", "blocs"),
}
_SOURCE = "_source"


def merge_tables(tables: Sequence[Tables]) -> dict[str, pl.DataFrame]:
    """The tables of several datasets as one set of frames, not yet validated.

    A row found alike (every column equal) in an earlier dataset is left out; the
    built-in blocs are left to :meth:`Dataset.from_tables` to add.

    Raises:
        ValidationError: an id (document, regime, designation, user bloc) that two
            datasets give differently, one problem per id, naming the datasets.
    """
    frames: dict[str, pl.DataFrame] = {}
    for name in TABLE_NAMES:
        parts = [getattr(table, name) for table in tables]
        if name == "blocs":
            parts = [part.filter(~pl.col("builtin")) for part in parts]
        merged = parts[0].with_columns(pl.lit(1).alias(_SOURCE))
        for number, part in enumerate(parts[1:], start=2):
            # The rows already there, exactly, are the same records: keep them once.
            new = part.join(
                merged.drop(_SOURCE),
                on=part.columns,
                how="anti",
                nulls_equal=True,
                maintain_order="left",
            )
            merged = pl.concat([merged, new.with_columns(pl.lit(number).alias(_SOURCE))])
        frames[name] = merged
    problems = [problem for name in _IDS for problem in _clashes(name, frames[name])]
    if problems:
        raise ValidationError(problems)
    return {name: frame.drop(_SOURCE) for name, frame in frames.items()}


def _clashes(table: str, frame: pl.DataFrame) -> list[Problem]:
    key, section = _IDS[table]
    found = (
        frame.group_by(key, maintain_order=True)
        .agg(
            pl.col(_SOURCE).unique().sort(), *([pl.col("kind").first()] if section is None else [])
        )
        .filter(pl.col(_SOURCE).list.len() > 1)
    )
    problems = []
    for row in found.iter_rows(named=True):
        where = section or ("letters" if row["kind"] == "letter" else "statements")
        sources = [str(n) for n in row[_SOURCE]]
        listed = ", ".join(sources[:-1]) + f" and {sources[-1]}"
        problems.append(
            Problem(f"{where}['{row[key]}']", f"given differently in datasets {listed}")
        )
    return problems
