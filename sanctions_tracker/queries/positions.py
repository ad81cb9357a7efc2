"""Each member's position on one document: the roll call of a vote, with its totals."""

from __future__ import annotations

import polars as pl

from sanctions_tracker.queries._args import _document
from sanctions_tracker.queries._frames import Prepared, _named, prepared
from sanctions_tracker.records import VOTES
from sanctions_tracker.tables import Tables

__all__ = ["positions"]


def positions(tables: Tables | Prepared, document_id: str) -> pl.LazyFrame:
    """Each signatory's vote on a document, with how many took the same position.

    A signature without a vote is a vote ``for``; ``absent`` and ``non-voting`` are
    listed too, as recorded, though they are no position in any other query.

    Args:
        tables: A dataset's tables (or their prepared frames).
        document_id: The document (a roll call, or any statement or letter).

    Returns:
        ``country`` (the party's code, or a person's or organisation's name),
        ``party_kind``, ``name``, ``vote`` and ``total`` (the signatories with that
        vote), sorted by vote (for, abstain, against, absent, non-voting), then party.

    Raises:
        UnknownDocumentError: The document is not in the dataset.

    >>> from sanctions_tracker.dataset import Dataset
    >>> from sanctions_tracker.records import JointStatement, Signature
    >>> ds = Dataset(statements=[JointStatement("v", "V", "2014-03-27", signatures=[
    ...     "UA", "US", Signature("RU", vote="against"), Signature("CN", vote="abstain")])])
    >>> positions(ds.tables, "v").collect().select("country", "vote", "total").rows()
    [('UA', 'for', 2), ('US', 'for', 2), ('CN', 'abstain', 1), ('RU', 'against', 1)]
    """
    frames = prepared(tables)
    _document(frames.tables, document_id)
    votes = (
        frames.tables.signatures.lazy()
        .filter(pl.col("document_id") == document_id)
        .select(
            pl.col("party_kind").cast(pl.String),
            "party",
            pl.col("vote").fill_null("for").cast(pl.Enum(VOTES)),
        )
    )
    return (
        _named(votes, frames)
        .select(
            pl.col("party").alias("country"),
            "party_kind",
            pl.coalesce("name", "party").alias("name"),
            "vote",
            pl.len().over("vote").cast(pl.Int64).alias("total"),
        )
        .sort("vote", "country")
    )
