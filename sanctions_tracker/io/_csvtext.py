"""CSV input as users save it: any encoding :mod:`._decode` reads, any of three delimiters.

Every reader of CSV input (a dataset's tables, an EU annex) goes through
:func:`read_csv_text`: the bytes are decoded by
:func:`~sanctions_tracker.io._decode.decode` (UTF-8 with or without a byte order mark,
UTF-16 with one, or the ``encoding`` given; otherwise one error naming the file, the
byte offset and the fix), and the delimiter is the one of comma, semicolon and tab that
splits the header into the expected columns (:func:`separator`), as European Excel
saves with semicolons.

>>> read_csv_text(b"country;name\\nFR;France\\n", name="a.csv", columns=["country"]).rows()
[('FR', 'France')]
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Final

import polars as pl

from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._decode import decode

__all__ = ["SEPARATORS", "read_csv_text", "separator"]

#: The delimiters a CSV file may use.
SEPARATORS: Final = (",", ";", "\t")


def separator(text: str, columns: Iterable[str]) -> str:
    """The delimiter of a CSV text: comma, semicolon or tab, as its header line shows.

    The one that splits the header into most of the expected ``columns`` wins; if none
    names a column, the most frequent of the three (a comma when there is none).

    >>> separator("regime_id;date;kind\\nEU-BLR;2020-10-02;establish\\n", ["regime_id", "date"])
    ';'
    >>> separator("country,name\\n", ["country"])
    ','
    >>> separator("a\\tb\\n", [])
    '\\t'
    """
    header = text.split("\n", 1)[0]
    known = set(columns)

    def score(sep: str) -> tuple[int, int]:
        cells = {cell.strip().strip('"').strip() for cell in header.split(sep)}
        return len(cells & known), header.count(sep)

    return max(SEPARATORS, key=score)


def read_csv_text(
    data: bytes | str,
    *,
    name: str,
    columns: Iterable[str],
    encoding: str | None = None,
) -> pl.DataFrame:
    """Every cell of a CSV file as text, decoded and split by its own delimiter.

    Args:
        data: The file's bytes (decoded here), or its text already decoded.
        name: The file, for the error messages.
        columns: The columns the header is expected to hold (they tell the delimiter).
        encoding: A Python codec for a file that is not UTF-8 nor UTF-16 with a mark.

    Raises:
        DataFormatError: The bytes are not in the encoding (naming the byte offset and
            the fix), or polars cannot read the text as CSV.

    >>> read_csv_text(b"a,b\\n\\xe9,1\\n", name="x.csv", columns=["a"])
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: x.csv: not UTF-8 at byte 4 (0xe9): ...
    >>> tab = b"a\\tb\\n\\xe9\\t1\\n"
    >>> read_csv_text(tab, name="x.csv", columns=["a"], encoding="cp1252").row(0)
    ('é', '1')
    """
    text = data if isinstance(data, str) else decode(data, name=name, encoding=encoding)
    try:
        return pl.read_csv(
            io.StringIO(text),
            infer_schema=False,
            raise_if_empty=False,
            separator=separator(text, columns),
        )
    except pl.exceptions.PolarsError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise DataFormatError(f"cannot be read: {first}", file=name) from None
