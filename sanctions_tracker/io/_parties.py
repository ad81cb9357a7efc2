"""Parties in table files: a built-in bloc by its name, as JSON takes it; names beside codes.

>>> PARTY_COLUMNS["signatures"]
'party'
"""

from __future__ import annotations

from typing import Final

import polars as pl

from sanctions_tracker import blocs
from sanctions_tracker._registry import registry
from sanctions_tracker.columns import TABLES
from sanctions_tracker.countries import resolve_country
from sanctions_tracker.errors import AmbiguousCountryError, UnknownBlocError, UnknownCountryError

__all__ = ["PARTY_COLUMNS", "bloc_parties", "readable_columns", "with_names"]

#: The column of each table that holds a party, beside its ``<column>_kind``.
PARTY_COLUMNS: Final = {"signatures": "party", "regimes": "authority"}


def bloc_parties(typed: pl.DataFrame, text_frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """A built-in bloc named by its name or code (``European Union``) as its code, kind bloc.

    A row whose kind is ``bloc``, or left empty, and whose party names a built-in bloc
    becomes that bloc's code: a CSV file takes the names that JSON takes.

    >>> text = pl.DataFrame({"party": ["the European Union", "Japan"], "party_kind": ["", ""]})
    >>> typed = text.with_columns(pl.lit("country").alias("party_kind"))
    >>> bloc_parties(typed, text, "party").rows()
    [('EU', 'bloc'), ('Japan', 'country')]
    """
    kind = f"{column}_kind"
    if column not in text_frame.columns or text_frame.height == 0:
        return typed
    texts = text_frame[column].cast(pl.String).str.strip_chars()
    codes = {text: found for text in texts.unique().to_list() if (found := _bloc_code(text))}
    if not codes:
        return typed
    stated = (
        text_frame[kind].cast(pl.String).str.strip_chars().fill_null("")
        if kind in text_frame.columns
        else pl.Series([""] * text_frame.height)
    )
    named = texts.replace_strict(codes, default=None, return_dtype=pl.String)
    take = named.is_not_null() & stated.is_in(["", "bloc"])
    return typed.with_columns(
        pl.when(pl.lit(take))
        .then(pl.lit("bloc"))
        .otherwise(pl.col(kind).cast(pl.String))
        .cast(typed.schema[kind])
        .alias(kind),
        pl.when(pl.lit(take)).then(pl.lit(named)).otherwise(pl.col(column)).alias(column),
    )


def _bloc_code(text: str | None) -> str | None:
    """The code of the built-in bloc that ``text`` names, else None."""
    if not text:
        return None
    try:
        return blocs.get(text).code
    except UnknownBlocError:
        return None


def readable_columns(table: str) -> tuple[str, ...]:
    """The code columns of a table's CSV file that get a readable name beside them.

    >>> readable_columns("signatures")
    ('party', 'party_country')
    """
    spec = TABLES[table]
    return tuple(
        column
        for column in TABLES[table].headers()
        if spec.column(column).kind == "country" or column in ("party", "authority")
    )


def with_names(table: str, cells: pl.DataFrame, bloc_names: dict[str, str]) -> pl.DataFrame:
    """``cells`` with a readable ``<column>_name`` beside each country or party code."""
    named = readable_columns(table)
    columns: list[pl.Expr] = []
    for column in cells.columns:
        columns.append(pl.col(column))
        if column in named:
            columns.append(_names(cells, column, bloc_names))
    return cells.select(columns)


def _names(frame: pl.DataFrame, column: str, bloc_names: dict[str, str]) -> pl.Expr:
    codes = frame[column].cast(pl.String).drop_nulls().unique().to_list()
    mapping = {code: name for code in codes if (name := _name_of(code, bloc_names))}
    return (
        pl.col(column)
        .cast(pl.String)
        .replace_strict(mapping, default=None, return_dtype=pl.String)
        .alias(f"{column}_name")
    )


def _name_of(code: str, bloc_names: dict[str, str]) -> str | None:
    if code in bloc_names:
        return bloc_names[code]
    try:
        return resolve_country(code).name if code.upper() in registry() else None
    except (UnknownCountryError, AmbiguousCountryError):
        return None
