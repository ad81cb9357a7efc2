"""One declaration per table: its columns, their types, defaults and rules, and its order.

Everything else that knows the shape of a table derives it from here: the polars
schema (:func:`sanctions_tracker.tables.schema`), the columns and headers of CSV files,
the defaults of a column left out of a file or frame, the columns a file must have,
the presence checks of validation, and the sort order that makes a table canonical.
Adding a field to a record means adding its column here (and its rule, if any).

A partial date is declared once and becomes two columns: the first day (``pl.Date``)
and ``<name>_precision`` (``year``, ``month`` or ``day``); a CSV file holds it as one
ISO text of that precision.

>>> TABLES["alignments"].schema()["aligned_on_precision"]
Enum(categories=['year', 'month', 'day'])
>>> TABLES["signatures"].file_required()
('document_id', 'party')
>>> TABLES["signatures"].headers()[:4]
['document_id', 'position', 'party_kind', 'party']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache
from typing import Final, Literal, TypeAlias

import attrs
import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.dates import ISO_DATE, PRECISIONS
from sanctions_tracker.records import ACTION_KINDS, COUNT_QUALIFIERS, VOTES

__all__ = [
    "TABLES",
    "TABLE_NAMES",
    "Column",
    "Table",
    "country_dtype",
    "date_text",
    "last_day",
]

PRECISION: Final = pl.Enum(list(PRECISIONS))
STRINGS: Final = pl.List(pl.String)

Kind: TypeAlias = Literal[
    "text", "optional text", "list", "integer", "flag", "day", "partial date", "choice", "country"
]


@cache
def country_dtype() -> pl.Enum:
    """The Enum of every known country code (ISO alpha-2, XK, historic alpha-4).

    >>> "NA" in country_dtype().categories.to_list()
    True
    """
    return pl.Enum(sorted(registry()))


def _default(column: Column) -> object:
    """No default for a required column; else empty text, an empty list, false or none."""
    if column.required:
        return None
    return {"text": "", "list": [], "flag": False}.get(column.kind)


@attrs.frozen
class Column:
    """One column of a table: its kind, whether every row needs it, its default.

    ``required`` columns must hold a value in every row (validation reports each row
    that lacks one); a file must have a required column unless it has a ``default``.
    ``derived`` columns are left out of CSV files: the reader works them out.

    >>> Column("note", "text").dtypes()
    {'note': String}
    >>> Column("vote", "choice", choices=("for", "against"), default="for").default
    'for'
    """

    name: str
    kind: Kind
    required: bool = False
    default: object = attrs.field(default=attrs.Factory(_default, takes_self=True))
    choices: tuple[str, ...] = ()
    derived: bool = False
    integer: type[pl.Int32] | type[pl.Int64] = pl.Int64

    def dtype(self) -> pl.DataType:
        """The polars type of the column (of the first day, for a partial date)."""
        match self.kind:
            case "text" | "optional text":
                return pl.String()
            case "list":
                return STRINGS
            case "integer":
                return self.integer()
            case "flag":
                return pl.Boolean()
            case "day" | "partial date":
                return pl.Date()
            case "choice":
                return pl.Enum(list(self.choices))
            case "country":
                return country_dtype()
        raise AssertionError(self.kind)  # pragma: no cover

    def dtypes(self) -> dict[str, pl.DataType]:
        """The table columns this declares: a partial date gives two."""
        if self.kind == "partial date":
            return {self.name: pl.Date(), f"{self.name}_precision": PRECISION}
        return {self.name: self.dtype()}

    def defaults(self) -> list[pl.Expr]:
        """The columns to put in place when a file or frame leaves this one out.

        >>> Column("sources", "list").defaults()[0].meta.output_name()
        'sources'
        """
        return [
            pl.lit(self.default, dtype=dtype).alias(name) for name, dtype in self.dtypes().items()
        ]


@attrs.frozen
class Table:
    """One table: its columns in order, and the keys that sort it canonically."""

    name: str
    columns: tuple[Column, ...]
    sort_key: tuple[str, ...]

    def schema(self) -> pl.Schema:
        """The polars schema: every column, a partial date as two."""
        return pl.Schema({n: t for c in self.columns for n, t in c.dtypes().items()})

    def column(self, name: str) -> Column:
        """The declaration of one column (a ``_precision`` column names its date)."""
        wanted = name.removesuffix("_precision")
        for column in self.columns:
            if column.name == wanted:
                return column
        raise KeyError(f"{self.name} has no column {name!r}")

    def headers(self) -> list[str]:
        """The columns of the table's CSV file, in order: the spreadsheet's header row."""
        return [c.name for c in self.columns if not c.derived]

    def partial_dates(self) -> list[str]:
        """The columns that hold a partial date (each with its ``_precision`` beside it)."""
        return [c.name for c in self.columns if c.kind == "partial date"]

    def required(self) -> tuple[str, ...]:
        """The columns that every row must fill."""
        return tuple(c.name for c in self.columns if c.required)

    def file_required(self) -> tuple[str, ...]:
        """The columns a file must have: required ones without a default."""
        return tuple(c.name for c in self.columns if c.required and c.default is None)

    def filled(self) -> dict[str, object]:
        """Columns whose empty value means their default (``party_kind`` is ``country``)."""
        return {
            c.name: c.default for c in self.columns if c.kind == "choice" and c.default is not None
        }

    def with_defaults(self, present: Collection[str]) -> list[pl.Expr]:
        """Every column: as it is when ``present``, else its declared default.

        >>> frame = pl.DataFrame({"bloc": ["NB8"], "name": ["Nordic-Baltic Eight"]})
        >>> frame.select(TABLES["blocs"].with_defaults(frame.columns)).row(0)
        ('NB8', 'Nordic-Baltic Eight', '', '', False)
        """
        return [
            pl.col(name) if name in present else default
            for column in self.columns
            for name, default in zip(column.dtypes(), column.defaults(), strict=True)
        ]

    def sort_order(self, columns: list[str]) -> list[str]:
        """The sort key, then the remaining ``columns`` to break ties."""
        return [*self.sort_key, *(c for c in columns if c not in self.sort_key)]


def _table(name: str, sort_key: tuple[str, ...], *columns: Column) -> Table:
    return Table(name, columns, sort_key)


def _keyed(name: str, key: str, *columns: Column) -> Table:
    """A table whose first column, ``key``, names each row and sorts the table."""
    return Table(name, (Column(key, "text", required=True), *columns), (key,))


_NOTE = Column("note", "text")
_SOURCES = Column("sources", "list")
_REGIME_ID = Column("regime_id", "text", required=True)

TABLES: Final[Mapping[str, Table]] = {
    table.name: table
    for table in (
        _keyed(
            "documents",
            "document_id",
            Column("kind", "choice", choices=("statement", "letter"), required=True),
            Column("title", "text"),
            Column("date", "partial date", required=True),
            Column("subject", "country"),
            Column("issuer", "text"),
            Column("forum", "text"),
            Column("stance", "text"),
            Column("addressee", "text"),
            Column("demands", "list"),
            Column("reported_count", "integer"),
            Column("count_qualifier", "choice", choices=COUNT_QUALIFIERS),
            Column("count_as_of", "partial date"),
            Column("anonymous", "flag"),
            Column("disclosure_threshold", "integer"),
            _NOTE,
            _SOURCES,
        ),
        _table(
            "signatures",
            ("document_id", "position"),
            Column("document_id", "text", required=True),
            Column("position", "integer", integer=pl.Int32),
            Column(
                "party_kind",
                "choice",
                choices=("country", "bloc", "organization", "person"),
                required=True,
                default="country",
            ),
            Column("party", "text", required=True),
            Column("country", "country", derived=True),
            Column("party_country", "country"),
            Column("party_id", "optional text"),
            Column("party_identifiers", "list"),
            Column("signed_on", "partial date"),
            Column("withdrawn_on", "partial date"),
            Column("vote", "choice", choices=VOTES, required=True, default="for"),
            _NOTE,
            _SOURCES,
        ),
        _keyed(
            "regimes",
            "regime_id",
            Column("name", "text"),
            Column(
                "authority_kind",
                "choice",
                choices=("country", "bloc", "organization"),
                required=True,
            ),
            Column("authority", "text", required=True),
            Column("target", "country"),
            Column("other_targets", "list"),
            Column("legal_basis", "text"),
            Column("measures", "list"),
            Column("established_on", "partial date"),
            Column("lifted_on", "partial date"),
            _NOTE,
            _SOURCES,
        ),
        _table(
            "actions",
            ("regime_id", "date", "date_precision", "kind", "legal_reference", "note"),
            _REGIME_ID,
            Column("date", "partial date", required=True),
            Column("kind", "choice", choices=ACTION_KINDS, required=True),
            Column("legal_reference", "text"),
            Column("designations", "list"),
            Column("designation_count", "integer"),
            _NOTE,
            _SOURCES,
        ),
        _keyed(
            "designations",
            "designation_id",
            _REGIME_ID,
            Column("target_kind", "choice", choices=("person", "organization")),
            Column("target_id", "optional text"),
            Column("target_name", "text", required=True),
            Column("target_country", "country"),
            Column("target_identifiers", "list"),
            Column("listed_on", "partial date"),
            Column("delisted_on", "partial date"),
            Column("reason", "text"),
            _SOURCES,
            Column("nationalities", "list"),
        ),
        _table(
            "alignments",
            ("regime_id", "country", "aligned_on", "aligned_on_precision", "act"),
            Column("country", "country", required=True),
            _REGIME_ID,
            Column("act", "text"),
            Column("aligned_on", "partial date", required=True),
            Column("ended_on", "partial date"),
            _NOTE,
            _SOURCES,
        ),
        _keyed(
            "blocs",
            "bloc",
            Column("name", "text", required=True),
            Column("source", "text"),
            _NOTE,
            Column("builtin", "flag", derived=True),
        ),
        _table(
            "memberships",
            ("bloc", "country", "joined"),
            Column("bloc", "text", required=True),
            Column("country", "country", required=True),
            Column("joined", "day", required=True),
            Column("left", "day"),
            Column("source", "text"),
            _NOTE,
        ),
    )
}


TABLE_NAMES: Final[tuple[str, ...]] = tuple(TABLES)
"""The tables of a dataset, in order."""


# -- partial dates as polars expressions ---------------------------------------------------


@cache  # expressions are immutable: build each once
def last_day(column: str) -> pl.Expr:
    """The last day of a partial date held as (first day, ``<column>_precision``).

    >>> import datetime as dt
    >>> frame = pl.DataFrame({"d": [dt.date(2020, 1, 1), dt.date(2020, 2, 1)],
    ...                       "d_precision": ["year", "month"]})
    >>> frame.select(last_day("d"))["d"].to_list()
    [datetime.date(2020, 12, 31), datetime.date(2020, 2, 29)]
    """
    first = pl.col(column)
    precision = pl.col(f"{column}_precision").cast(pl.String)
    return (
        pl.when(precision == "year")
        .then(first.dt.offset_by("1y").dt.offset_by("-1d"))
        .when(precision == "month")
        .then(first.dt.month_end())
        .otherwise(first)
    )


@cache  # expressions are immutable: build each once
def date_text(column: str) -> pl.Expr:
    """A partial date as its author wrote it (2020, 2020-09 or 2020-09-17), named ``column``.

    >>> import datetime as dt
    >>> frame = pl.DataFrame({"d": [dt.date(2020, 9, 1)] * 2, "d_precision": ["month", "day"]})
    >>> frame.select(date_text("d"))["d"].to_list()
    ['2020-09', '2020-09-01']
    """
    precision = pl.col(f"{column}_precision").cast(pl.String)
    return (
        pl.when(precision == "year")
        .then(pl.col(column).dt.strftime("%Y"))
        .when(precision == "month")
        .then(pl.col(column).dt.strftime("%Y-%m"))
        .otherwise(pl.col(column).dt.strftime("%Y-%m-%d"))
        .alias(column)
    )


def read_date_text(text: pl.Expr, pattern: str = ISO_DATE.pattern) -> tuple[pl.Expr, pl.Expr]:
    """The first day and the precision of date text, as ``dates.parse_date`` reads it.

    The reverse of :func:`date_text`, for whole columns: nulls where the text is no
    date (month 13, 30 February, year 0). ``pattern`` captures year, month and day.

    >>> frame = pl.DataFrame({"t": ["2020", "2020-9", "2020-02-30", "0000"]})
    >>> first, precision = read_date_text(pl.col("t"))
    >>> frame.select(first, precision.alias("p")).rows()
    [(datetime.date(2020, 1, 1), 'year'), (datetime.date(2020, 9, 1), 'month'),
     (None, None), (None, None)]
    """
    parts = text.str.extract_groups(pattern)
    year, month, day = (parts.struct.field(str(i)) for i in (1, 2, 3))
    iso = pl.concat_str(
        [year, month.fill_null("1").str.zfill(2), day.fill_null("1").str.zfill(2)], separator="-"
    )
    first = pl.when(year != "0000").then(iso.str.to_date("%Y-%m-%d", strict=False))
    precision: pl.Expr = (
        pl.when(first.is_null())
        .then(None)
        .when(day.is_not_null())
        .then(pl.lit("day"))
        .when(month.is_not_null())
        .then(pl.lit("month"))
        .otherwise(pl.lit("year"))
    )
    return first, precision
