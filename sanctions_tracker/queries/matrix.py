"""The matrix: each party against each document, on a day: signed, sanctioned, both, neither.

>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])])
>>> matrix(ds.tables, as_of="2020-12-31").collect()["status"].to_list()
['signed']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Unpack

import polars as pl

from sanctions_tracker.queries._args import _as_of, _regime_ids, _When, _with_subject
from sanctions_tracker.queries._frames import (
    _KEYS,
    Prepared,
    _counted,
    _named,
    _participants,
    _signed,
    prepared,
)
from sanctions_tracker.queries._given import given
from sanctions_tracker.queries.options import MatrixOptions
from sanctions_tracker.tables import Tables

__all__ = ["STATUSES", "matrix", "matrix_summary"]

#: The status of a (document, party) cell of :func:`matrix`.
STATUSES: tuple[str, ...] = ("both", "signed", "sanctioned", "neither")

_STATUS = pl.Enum(list(STATUSES))
#: A cell's key: its document's index in the high bits, its party's in the low ones.
_CELL = pl.col("_document").cast(pl.UInt64) * (1 << 32) + pl.col("_party").cast(pl.UInt64)


def matrix(
    tables: Tables | Prepared,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    **options: Unpack[MatrixOptions],
) -> pl.LazyFrame:
    """Parties x documents on a day: did each sign, sanction the subject, both or neither?

    ``documents`` defaults to every document with a subject; ``regimes`` limits the
    regimes that count as sanctioning (default: all). The keyword options (``as_of``,
    the route switches, ``expand_blocs``) are those of
    :class:`~sanctions_tracker.queries.options.MatrixOptions`. The rows are every country that
    signed one of the documents or takes part in sanctions on one of their subjects,
    and every bloc that signed one; each meets each document.

    Returns:
        ``document_id``, ``country``, ``party_kind``, ``name``, ``signed``,
        ``sanctioned`` and ``status`` (an Enum of :data:`STATUSES`), sorted.

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP", "CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09-28"),
    ...              SanctionsRegime("US-BLR", "US", "US", "BY", established_on="2020-01")],
    ... )
    >>> matrix(ds.tables, as_of="2020-12-31").collect().select("country", "status").rows()
    [('CA', 'both'), ('JP', 'signed'), ('US', 'sanctioned')]
    """
    chosen = given("matrix", **options)
    frames = prepared(tables)
    day = _as_of(chosen.as_of)
    ids = _with_subject(frames.tables, documents)
    wanted = _regime_ids(frames.tables, regimes)
    docs = (
        frames.tables.documents.lazy()
        .filter(pl.col("document_id").is_in(ids))
        .select("document_id", pl.col("subject").cast(pl.String).alias("target"))
    )
    keys = ["document_id", "party_kind", "party"]
    signed = (
        _counted(
            _signed(frames, expand_blocs=chosen.expand_blocs, document_ids=ids),
            _When(day),
            expand_blocs=chosen.expand_blocs,
        )
        .select(keys)
        .unique()
    )
    sanctioned = docs.join(
        _participants(frames, day, chosen.switches, regimes=wanted).select(_KEYS).unique(),
        on="target",
    ).select(keys)
    parties = (
        pl.concat(
            [
                signed.select("party_kind", "party"),
                sanctioned.filter(pl.col("party_kind") == "country").select("party_kind", "party"),
            ]
        )
        .unique()
        .sort("party", "party_kind")
        .with_row_index("_party")
    )
    columns = docs.select("document_id").sort("document_id").with_row_index("_document")

    def cells(frame: pl.LazyFrame, name: str) -> pl.LazyFrame:
        """The cells of ``frame`` by their one-number key, flagged ``name``."""
        return (
            frame.join(columns, on="document_id")
            .join(parties, on=["party_kind", "party"])
            .select(_CELL.alias("_cell"), pl.lit(True).alias(name))
        )

    status = (
        pl.when(pl.col("signed") & pl.col("sanctioned"))
        .then(pl.lit("both"))
        .when(pl.col("signed"))
        .then(pl.lit("signed"))
        .when(pl.col("sanctioned"))
        .then(pl.lit("sanctioned"))
        .otherwise(pl.lit("neither"))
        .cast(_STATUS)
    )
    return (
        columns.join(_named(parties, frames), how="cross")
        .with_columns(_CELL.alias("_cell"))
        .join(cells(signed, "signed"), on="_cell", how="left")
        .join(cells(sanctioned, "sanctioned"), on="_cell", how="left")
        .with_columns(pl.col("signed", "sanctioned").fill_null(False))
        # A cross join promises no order: sort by document, then party, explicitly.
        .sort("_document", "_party")
        .select(
            "document_id",
            pl.col("party").alias("country"),
            "party_kind",
            "name",
            "signed",
            "sanctioned",
            status.alias("status"),
        )
    )


def matrix_summary(
    tables: Tables | Prepared,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    **options: Unpack[MatrixOptions],
) -> pl.LazyFrame:
    """Per document, how many cells of the :func:`matrix` have each status.

    The arguments are those of :func:`matrix`; a document whose matrix column is
    empty counts zero of each.

    >>> from sanctions_tracker.records import JointStatement
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])])
    >>> matrix_summary(ds.tables, as_of="2020-12-31").collect().row(0)
    ('s', 0, 1, 0, 0)
    """
    given("matrix_summary", **options)
    frames = prepared(tables)
    cells = matrix(frames, documents, regimes, **options)
    counts = cells.group_by("document_id").agg(
        (pl.col("status") == status).sum().cast(pl.Int64).alias(status) for status in STATUSES
    )
    columns = pl.LazyFrame(
        {"document_id": _with_subject(frames.tables, documents)}, schema={"document_id": pl.String}
    )
    return (
        columns.join(counts, on="document_id", how="left")
        .with_columns(pl.col(list(STATUSES)).fill_null(0))
        .sort("document_id")
    )
