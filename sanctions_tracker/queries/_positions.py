"""The frames of positions on roll calls, as integers for the agreement's arrays.

They are built once per dataset through :class:`~sanctions_tracker.queries.Prepared`.
"""

from __future__ import annotations

import polars as pl

from sanctions_tracker.records import POSITIONS
from sanctions_tracker.tables import Tables, last_day


def _dated_documents(tables: Tables) -> pl.LazyFrame:
    return tables.documents.lazy().select(
        "document_id", pl.col("date").alias("first"), last_day("date").alias("last")
    )


def _positions(tables: Tables) -> pl.LazyFrame:
    documents = tables.documents.lazy().select("document_id").with_row_index("document")
    return (
        tables.signatures.lazy()
        .filter(
            (pl.col("party_kind") == "country")
            & pl.col("withdrawn_on").is_null()
            & pl.col("vote").fill_null("for").is_in(POSITIONS)
        )
        .join(documents, on="document_id")
        .select(
            pl.col("country").to_physical().cast(pl.Int64),
            pl.col("document").cast(pl.Int64),
            pl.col("vote").fill_null("for").to_physical().cast(pl.Int64),
        )
    )
