"""The tables of a dataset, checked: any frames made into tables every rule holds for.

:func:`checked_tables` is the one way in for frames, whoever made them (a file, an
importer, a merge): each frame is brought to its table's declared schema, the
built-in blocs are added, and every rule of :mod:`sanctions_tracker.validation` is
checked at once. :class:`~sanctions_tracker.Dataset` wraps what it returns, and
:func:`sanctions_tracker.io.load_tables` calls it to give each problem its file line.

>>> checked_tables({}).documents.height
0
>>> checked_tables({"votes": pl.DataFrame()})
Traceback (most recent call last):
...
sanctions_tracker.errors.ValidationError: tables: unknown tables ['votes']: the tables are ...
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from sanctions_tracker.columns import TABLES
from sanctions_tracker.errors import Problem, ValidationError
from sanctions_tracker.tables import (
    TABLE_NAMES,
    Tables,
    builtin_bloc_tables,
    schema,
    schema_frame,
)
from sanctions_tracker.validation import validate

__all__ = ["checked_tables", "conform", "read_checked_tables"]


def checked_tables(
    tables: Tables | Mapping[str, pl.DataFrame], *, row_numbers: bool = True
) -> Tables:
    """The tables of a dataset from typed frames, checked by every rule at once.

    Missing tables are empty; the built-in blocs are added when the ``blocs`` table
    does not already hold them.

    Args:
        tables: frames by table name (or :class:`~sanctions_tracker.tables.Tables`).
        row_numbers: name each problem's table and row (else only its path).

    Raises:
        ValidationError: every problem, each with its place.
    """
    frames = tables.as_dict() if isinstance(tables, Tables) else dict(tables)
    unknown = sorted(set(frames) - set(TABLE_NAMES))
    if unknown:
        raise ValidationError.single(
            "tables", f"unknown tables {unknown}: the tables are {', '.join(TABLE_NAMES)}"
        )
    typed: dict[str, pl.DataFrame] = {}
    for name in TABLE_NAMES:
        frame = frames.get(name)
        if frame is None:
            frame = schema_frame(name)
        elif frame.schema != schema(name):
            frame = conform(name, frame)
        typed[name] = frame
    builtin_blocs, builtin_members = builtin_bloc_tables()
    typed["blocs"] = pl.concat([builtin_blocs, typed["blocs"].filter(~pl.col("builtin"))])
    # The built-in blocs' own rows are dropped (they come with the package); any
    # other row for a built-in bloc is reported, never silently dropped.
    members = typed["memberships"].join(
        builtin_members, on=list(builtin_members.columns), how="anti", nulls_equal=True
    )
    _refuse_builtin_members(members, builtin_blocs, builtin_members.height)
    typed["memberships"] = pl.concat([builtin_members, members])
    result = Tables(**typed)
    problems = validate(result, row_numbers=row_numbers)
    if problems:
        raise ValidationError(problems)
    return result


def conform(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Bring a frame to its table's schema: missing columns take their declared defaults.

    Raises:
        ValidationError: a column the table does not have, or values its type cannot hold.

    >>> conform("regimes", pl.DataFrame({"regime_id": ["R"], "name": ["R"]})).row(0)[:3]
    ('R', 'R', None)
    """
    table = TABLES[name]
    wanted = table.schema()
    extra = sorted(set(frame.columns) - set(wanted))
    if extra:
        raise ValidationError.single(
            name, f"unknown columns {extra}: the columns are {', '.join(wanted)}"
        )
    for column, dtype in wanted.items():
        if column in frame.columns:
            _check_cast(name, frame, column, dtype)
    return (
        frame.select(table.with_defaults(frame.columns))
        .cast(wanted)
        .with_columns(pl.col(c).fill_null(default) for c, default in table.filled().items())
    )


def _check_cast(name: str, frame: pl.DataFrame, column: str, dtype: pl.DataType) -> None:
    """Raise for every value that the column's type cannot hold, never dropping one."""
    if frame.schema[column] == dtype:
        return
    cast = frame.select(
        pl.col(column).alias("_value"),
        pl.col(column).cast(dtype, strict=False).alias("_cast"),
    ).with_row_index("_row", offset=1)
    bad = cast.filter(pl.col("_value").is_not_null() & pl.col("_cast").is_null())
    if bad.height:
        raise ValidationError(
            Problem("", f"{value!r} is not a valid {dtype}", table=name, row=row, column=column)
            for row, value in bad.select("_row", "_value").head(100).iter_rows()
        )


def _refuse_builtin_members(
    members: pl.DataFrame, builtin_blocs: pl.DataFrame, offset: int
) -> None:
    """Raise for membership rows that would change a built-in bloc.

    Rows are numbered as in the dataset's table, after the ``offset`` built-in ones.
    """
    wrong = members.with_row_index("_row", offset=offset + 1).filter(
        pl.col("bloc").is_in(builtin_blocs["bloc"].implode())
    )
    if wrong.height:
        raise ValidationError(
            Problem(
                f"blocs['{bloc}'].memberships[{country}]",
                f"'{bloc}' is a built-in bloc whose memberships come with the package: "
                "remove the row, or define your own bloc under another code",
                table="memberships",
                row=row,
            )
            for row, bloc, country in wrong.select("_row", "bloc", "country").iter_rows()
        )


def read_checked_tables(tables: Mapping[str, pl.DataFrame]) -> Tables:
    """Tables of frames that a reader has checked itself, with the built-in blocs added.

    The votes reader checks every rule that :func:`validate` would (known codes, dates,
    unique ids, one vote per member and roll call, no vote without its roll call) with
    cheaper expressions of its own, so that a million votes load in about the time
    polars takes to parse them; its tests check that ``validate`` finds nothing in what
    it returns. Each frame must have its table's exact schema; the others are empty.

    >>> read_checked_tables({}).blocs.height > 0
    True
    """
    typed = {name: schema_frame(name) for name in TABLE_NAMES}
    for name, frame in tables.items():
        if name not in typed or frame.schema != schema(name):
            raise ValidationError.single(name, "a checked table must have its exact schema")
        typed[name] = frame
    typed["blocs"], typed["memberships"] = builtin_bloc_tables()
    return Tables(**typed)
