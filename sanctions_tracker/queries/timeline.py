"""The timeline: every dated event of a dataset in order, of one actor or about one target."""

from __future__ import annotations

import polars as pl

from sanctions_tracker.queries._args import CountryLike, _party_code, _target_code
from sanctions_tracker.queries._frames import _PRECISION, Prepared, _signed, prepared
from sanctions_tracker.tables import Tables

__all__ = ["timeline"]

_TIMELINE_SCHEMA = {
    "date": pl.Date(),
    "date_precision": _PRECISION,
    "event": pl.String(),
    "party_kind": pl.String(),
    "party": pl.String(),
    "target": pl.String(),
    "document_id": pl.String(),
    "regime_id": pl.String(),
    "detail": pl.String(),
}
# A vote for is a signature ("signed" means voted for); the other votes of a roll call
# are events of their own.
_VOTE_EVENTS = {
    "for": "signed",
    "against": "voted against",
    "abstain": "abstained",
    "absent": "absent",
    "non-voting": "did not vote",
}
_EVENT_ORDER = (
    "joined",
    "issued",
    *_VOTE_EVENTS.values(),
    "established",
    "act",
    "listed",
    "aligned",
    "delisted",
    "alignment ended",
    "withdrawn",
    "lifted",
    "left",
)


def timeline(
    tables: Tables | Prepared,
    *,
    country: CountryLike | None = None,
    target: CountryLike | None = None,
) -> pl.LazyFrame:
    """Every dated event in order: documents issued, signatures made and withdrawn,
    regimes established and lifted, acts, listings, alignments, bloc memberships. A
    vote for is a signature (``signed``); the other votes of a roll call are ``voted
    against``, ``abstained``, ``absent`` and ``did not vote``.

    ``country`` keeps the events whose actor is that country (or bloc code): its
    signatures, its regimes and their acts and listings, its alignments and
    memberships. ``target`` keeps the events about that country.

    Returns:
        ``date`` (the first day), ``date_precision``, ``event``, ``party_kind``,
        ``party``, ``target``, ``document_id``, ``regime_id`` and ``detail``.

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> from sanctions_tracker.records import Signature
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY",
    ...                                signatures=["CA", Signature("RU", vote="against")])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09-29")],
    ... )
    >>> timeline(ds.tables, target="BY").collect().select("date", "event", "party").rows()
    [(datetime.date(2020, 9, 17), 'issued', None),
     (datetime.date(2020, 9, 17), 'signed', 'CA'),
     (datetime.date(2020, 9, 17), 'voted against', 'RU'),
     (datetime.date(2020, 9, 29), 'established', 'CA')]
    """
    frames = prepared(tables)
    t = {name: frame.lazy() for name, frame in frames.tables.as_dict().items()}
    subject = pl.col("subject").cast(pl.String)
    docs = t["documents"].select("document_id", subject.alias("target"), "date", "date_precision")
    signatures = _signed(frames, expand_blocs=False)
    # One row per target of a regime (one row with no target for a thematic regime).
    regime_info = (
        t["regimes"]
        .select(
            "regime_id",
            pl.col("authority_kind").cast(pl.String).alias("party_kind"),
            pl.col("authority").alias("party"),
            pl.concat_list(pl.col("target").cast(pl.String), "other_targets")
            .list.drop_nulls()
            .alias("target"),
        )
        .explode("target")
    )
    # A listing under a thematic regime is about each country of its designee.
    designee = pl.concat_list(pl.col("target_country").cast(pl.String), "nationalities")
    listings = (
        t["designations"]
        .join(regime_info, on="regime_id")
        .with_columns(
            pl.when(pl.col("target").is_null())
            .then(designee.list.drop_nulls().list.unique())
            .otherwise(pl.concat_list("target"))
            .alias("target")
        )
        .explode("target")
    )

    def event(
        frame: pl.LazyFrame, date: str, name: str | pl.Expr, **columns: pl.Expr
    ) -> pl.LazyFrame:
        label = pl.lit(name) if isinstance(name, str) else name
        chosen = {
            "date": pl.col(date),
            "date_precision": pl.col(f"{date}_precision"),
            "event": label,
            **columns,
        }
        return frame.filter(pl.col(date).is_not_null()).select(
            (chosen.get(c, pl.lit(None)).cast(d).alias(c)) for c, d in _TIMELINE_SCHEMA.items()
        )

    party = {"party_kind": pl.col("party_kind"), "party": pl.col("party")}
    regime_party = {**party, "target": pl.col("target"), "regime_id": pl.col("regime_id")}
    document = {"target": pl.col("target"), "document_id": pl.col("document_id")}
    all_signatures = t["signatures"].join(docs.select("document_id", "target"), on="document_id")
    voted = pl.col("vote").cast(pl.String).replace_strict(_VOTE_EVENTS, default="signed")
    events = [
        event(docs, "date", "issued", **document, detail=pl.lit(None)),
        event(
            signatures,
            "signed_on",
            voted,
            **party,
            **document,
            detail=pl.col("vote").cast(pl.String),
        ),
        event(
            all_signatures.filter(pl.col("party_kind").is_in(["organization", "person"]))
            .join(
                docs.select(
                    "document_id", pl.col("date").alias("_d"), pl.col("date_precision").alias("_dp")
                ),
                on="document_id",
            )
            .with_columns(
                pl.coalesce("signed_on", "_d").alias("signed_on"),
                pl.when(pl.col("signed_on").is_null())
                .then(pl.col("_dp"))
                .otherwise(pl.col("signed_on_precision"))
                .alias("signed_on_precision"),
            ),
            "signed_on",
            voted,
            **party,
            **document,
            detail=pl.col("vote").cast(pl.String),
        ),
        event(all_signatures, "withdrawn_on", "withdrawn", **party, **document),
        *(
            event(
                regime_info.join(
                    t["regimes"].select("regime_id", f"{name}_on", f"{name}_on_precision"),
                    on="regime_id",
                ),
                f"{name}_on",
                name,
                **regime_party,
            )
            for name in ("established", "lifted")
        ),
        event(
            t["actions"].join(regime_info, on="regime_id"),
            "date",
            "act",
            **regime_party,
            detail=pl.concat_str(
                pl.col("kind").cast(pl.String),
                pl.when(pl.col("legal_reference") != "")
                .then(pl.lit(": ") + pl.col("legal_reference"))
                .otherwise(pl.lit("")),
            ),
        ),
        *(
            event(listings, f"{name}_on", name, **regime_party, detail=pl.col("target_name"))
            for name in ("listed", "delisted")
        ),
    ]
    aligned = (
        t["alignments"]
        .select(
            pl.col("country").cast(pl.String).alias("party"),
            "regime_id",
            "act",
            "aligned_on",
            "aligned_on_precision",
            "ended_on",
            "ended_on_precision",
        )
        .join(regime_info.select("regime_id", "target"), on="regime_id")
    )
    alignment_columns = {
        "party_kind": pl.lit("country"),
        "party": pl.col("party"),
        "target": pl.col("target"),
        "regime_id": pl.col("regime_id"),
        "detail": pl.col("act"),
    }
    events.append(event(aligned, "aligned_on", "aligned", **alignment_columns))
    events.append(event(aligned, "ended_on", "alignment ended", **alignment_columns))
    memberships = t["memberships"].select(
        "bloc",
        pl.col("country").cast(pl.String).alias("party"),
        "joined",
        pl.lit("day").cast(_PRECISION).alias("joined_precision"),
        "left",
        pl.lit("day").cast(_PRECISION).alias("left_precision"),
    )
    membership_columns = {
        "party_kind": pl.lit("country"),
        "party": pl.col("party"),
        "detail": pl.col("bloc"),
    }
    events.append(event(memberships, "joined", "joined", **membership_columns))
    events.append(event(memberships, "left", "left", **membership_columns))
    frame = pl.concat(events)
    if country is not None:
        frame = frame.filter(pl.col("party") == _party_code(frames.tables, country))
    if target is not None:
        frame = frame.filter(pl.col("target") == _target_code(target, "target"))
    order = pl.col("event").replace_strict(
        list(_EVENT_ORDER), list(range(len(_EVENT_ORDER))), return_dtype=pl.Int32
    )
    return frame.sort(
        "date",
        pl.col("date_precision").to_physical(),
        order,
        "party",
        "document_id",
        "regime_id",
        "detail",
        nulls_last=False,
    )
