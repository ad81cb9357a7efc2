"""Parties in table files: a built-in bloc by its name, as JSON takes it.

>>> PARTY_COLUMNS["signatures"]
'party'
"""

from __future__ import annotations

from typing import Final

import polars as pl

from sanctions_tracker import blocs
from sanctions_tracker.errors import UnknownBlocError

__all__ = ["PARTY_COLUMNS", "bloc_parties"]

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
