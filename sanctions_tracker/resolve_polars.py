"""Country resolution for polars columns: the same tables as :func:`resolve_country`.

Only the distinct values of a column are normalised and looked up; the codes are then
mapped back onto the column by polars, so a million names cost about as much as their
few hundred distinct spellings.

>>> import polars as pl
>>> resolve_country_codes(pl.Series("party", ["Korea, Rep.", "DEU", None, "Korea, Rep."]))
shape: (4,)
Series: 'party' [str]
[
    "KR"
    "DE"
    null
    "KR"
]
"""

from __future__ import annotations

from typing import overload

import polars as pl

from sanctions_tracker._resolve import raise_first, resolve_unique

__all__ = ["resolve_country_codes"]


@overload
def resolve_country_codes(values: pl.Series, *, strict: bool = True) -> pl.Series: ...
@overload
def resolve_country_codes(values: pl.Expr, *, strict: bool = True) -> pl.Expr: ...
def resolve_country_codes(
    values: pl.Series | pl.Expr, *, strict: bool = True
) -> pl.Series | pl.Expr:
    """The canonical country codes of a column of names or codes.

    Args:
        values: a string Series, or an expression that yields one (resolved when the
            frame is collected).
        strict: raise on the first value that does not resolve (the default); with
            ``strict=False`` such values become null instead.

    Returns:
        A String Series (or expression) of codes, of the same length and name; a null
        stays null.

    Raises:
        UnknownCountryError: ``strict`` and a value names no country; a note on the error
            counts how many distinct values failed.
        AmbiguousCountryError: ``strict`` and a value fits several countries.
        TypeError: the column does not hold strings.

    >>> frame = pl.DataFrame({"name": ["the UK", "Atlantis", "Gambia, The"]})
    >>> frame.select(resolve_country_codes(pl.col("name"), strict=False))["name"].to_list()
    ['GB', None, 'GM']
    >>> resolve_country_codes(frame["name"])
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.UnknownCountryError: unknown country 'Atlantis' ...
    """
    if isinstance(values, pl.Expr):
        return values.map_batches(
            lambda batch: resolve_country_codes(batch, strict=strict), return_dtype=pl.String
        )
    if values.dtype in (pl.Categorical, pl.Null):
        values = values.cast(pl.String)
    if values.dtype != pl.String:
        raise TypeError(f"country names are strings, not {values.dtype}")
    distinct = values.drop_nulls().unique(maintain_order=True)
    resolved, failed = resolve_unique(distinct.to_list())
    if strict:
        raise_first(failed, len(values))
    return values.replace_strict(
        list(resolved), list(resolved.values()), default=None, return_dtype=pl.String
    )
