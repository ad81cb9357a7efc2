"""Who signed but did not sanction, who sanctioned but did not sign, and who takes part.

Each function takes a dataset's tables (or the :class:`~sanctions_tracker.queries.Prepared`
frames a :class:`~sanctions_tracker.Dataset` keeps) and returns a LazyFrame; nothing is
collected before the caller collects, except the checks of the arguments.
"""

from __future__ import annotations

from typing import Unpack

import polars as pl

from sanctions_tracker.queries._args import CountryLike, _as_of, _target_code, _When, _when
from sanctions_tracker.queries._frames import (
    _KEYS,
    Prepared,
    Switches,
    _counted,
    _inside,
    _named,
    _participants,
    _responses,
    _routes_of,
    _signed,
    prepared,
)
from sanctions_tracker.queries._given import given
from sanctions_tracker.queries._windows import act_keys, acts_from
from sanctions_tracker.queries.options import AnswerOptions, ParticipationOptions, WindowOptions
from sanctions_tracker.tables import Tables

__all__ = [
    "participation",
    "sanctioned_not_signed",
    "signed_not_sanctioned",
    "signed_not_sanctioned_all",
]

_SIGNED_COLUMNS: list[str | pl.Expr] = [
    pl.col("party").alias("country"),
    "party_kind",
    "name",
    "signed_on",
    "signed_on_precision",
    "via",
]


def _signed_not_sanctioned(
    frames: Prepared,
    signatures: pl.LazyFrame,
    when: _When,
    switches: Switches,
) -> pl.LazyFrame:
    if when.as_of is not None:
        acted = _participants(frames, when.as_of, switches).select(_KEYS).unique()
        return signatures.join(acted, on=_KEYS, how="anti")
    # An act inside [since, until] exists when, of the acts that start on or after
    # ``since``, the one that ends first ends by ``until`` (see _windows.acts_from).
    since = pl.lit(when.since) if when.since is not None else pl.col("_doc_first")
    found = (
        signatures.select("document_id", *_KEYS, since.alias("_since"))
        .join(act_keys(frames), on=_KEYS)
        .sort("_since")
        .join_asof(
            acts_from(frames, switches),
            left_on="_since",
            right_on="_first",
            by="_key",
            strategy="forward",
            check_sortedness=False,  # both sides are sorted on the day just above
        )
    )
    inside = pl.col("_ends_by").is_not_null()
    if when.until is not None:
        inside &= pl.col("_ends_by") <= when.until
    responded = found.filter(inside).select("document_id", *_KEYS).unique()
    return signatures.join(responded, on=["document_id", *_KEYS], how="anti")


def signed_not_sanctioned(
    tables: Tables | Prepared, document_id: str, **options: Unpack[AnswerOptions]
) -> pl.LazyFrame:
    """The parties whose signature counts but who take no part in sanctions on the target.

    With ``as_of`` (the default is today): status on that day. With ``since`` and/or
    ``until``: response in that window (``since`` defaults to the document's date),
    i.e. no sanctions act against the target dated inside it.

    Args:
        tables: A dataset's tables (or the prepared frames a Dataset keeps).
        document_id: The document.
        **options: ``as_of``, ``since``, ``until``, ``target`` (the sanctioned country;
            default: the document's subject), the route switches and ``expand_blocs``:
            see :class:`~sanctions_tracker.queries.options.AnswerOptions`.

    Returns:
        ``country`` (alpha-2, or a bloc code for a bloc signatory), ``party_kind``,
        ``name``, ``signed_on``, ``signed_on_precision`` and ``via`` (the bloc whose
        signature counts for the country), sorted by country.

    Raises:
        UnknownDocumentError: The document is not in the dataset.
        QueryError: A bad date, as_of together with since/until, or no target.

    >>> from sanctions_tracker.records import JointStatement
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY",
    ...                                         signatures=["Japan"])])
    >>> signed_not_sanctioned(ds.tables, "s", since="2020-09-17").collect().select(
    ...     "country", "name", "signed_on").rows()
    [('JP', 'Japan', datetime.date(2020, 9, 17))]
    """
    chosen = given("signed_not_sanctioned", **options)
    frames = prepared(tables)
    when, subject = chosen.about(frames.tables, document_id)
    signatures = _counted(
        _signed(frames, expand_blocs=chosen.expand_blocs, document_ids=[document_id]),
        when,
        expand_blocs=chosen.expand_blocs,
    ).with_columns(pl.lit(subject).alias("target"))
    rest = _signed_not_sanctioned(frames, signatures, when, chosen.switches)
    return _named(rest, frames).select(_SIGNED_COLUMNS).sort("country")


def signed_not_sanctioned_all(
    tables: Tables | Prepared, **options: Unpack[WindowOptions]
) -> pl.LazyFrame:
    """:func:`signed_not_sanctioned` for every document with a subject, at once.

    In response mode an open ``since`` is each document's own date.

    >>> from sanctions_tracker.records import JointStatement
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[JointStatement("a", "A", "2020-09-17", "BY", signatures=["JP"]),
    ...                          JointStatement("b", "B", "2021-01-05", "BY", signatures=["AU"])])
    >>> signed_not_sanctioned_all(ds.tables, as_of="2020-12-31").collect().select(
    ...     "document_id", "country").rows()
    [('a', 'JP')]
    """
    chosen = given("signed_not_sanctioned_all", **options)
    frames = prepared(tables)
    when = _when(chosen.as_of, chosen.since, chosen.until)
    signatures = _counted(
        _signed(frames, expand_blocs=chosen.expand_blocs), when, expand_blocs=chosen.expand_blocs
    ).filter(pl.col("target").is_not_null())
    rest = _signed_not_sanctioned(frames, signatures, when, chosen.switches)
    return (
        _named(rest, frames).select("document_id", *_SIGNED_COLUMNS).sort("document_id", "country")
    )


def _evidence(frames: Prepared, when: _When, target: str, switches: Switches) -> pl.LazyFrame:
    """Per country: the routes and regimes by which it takes part (or responded)."""
    if when.as_of is not None:
        rows = _participants(frames, when.as_of, switches).with_columns(
            pl.lit(None, pl.Date).alias("_first")
        )
    else:
        rows = (
            _responses(frames, switches)
            .with_columns(pl.lit(when.since).alias("_doc_first"))
            .filter(_inside(when))
        )
    return _routes_of(
        rows.filter((pl.col("target") == target) & (pl.col("party_kind") == "country")),
        ["party_kind", "party"],
    )


def sanctioned_not_signed(
    tables: Tables | Prepared, document_id: str, **options: Unpack[AnswerOptions]
) -> pl.LazyFrame:
    """The countries that take part in sanctions on the target but whose signature does not count.

    The arguments are those of :func:`signed_not_sanctioned`. Only countries are
    listed: a bloc that sanctions is represented by its members (route ``bloc``).

    Returns:
        ``country``, ``name``, ``routes`` (``own``, ``bloc``, ``alignment``),
        ``regimes`` and ``first_on`` (in a window: the first day of the earliest act
        inside it; null for a status), sorted by country.

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["Japan"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09")],
    ... )
    >>> sanctioned_not_signed(ds.tables, "s", as_of="2020-12-31").collect().select(
    ...     "country", "routes", "regimes").rows()
    [('CA', ['own'], ['CA-BLR'])]
    """
    chosen = given("sanctioned_not_signed", **options)
    frames = prepared(tables)
    when, subject = chosen.about(frames.tables, document_id)
    signed = (
        _counted(
            _signed(frames, expand_blocs=chosen.expand_blocs, document_ids=[document_id]),
            when,
            expand_blocs=chosen.expand_blocs,
        )
        .filter(pl.col("party_kind") == "country")
        .select("party_kind", "party")
    )
    rest = _evidence(frames, when, subject, chosen.switches).join(
        signed, on=["party_kind", "party"], how="anti"
    )
    return (
        _named(rest, frames)
        .select(pl.col("party").alias("country"), "name", "routes", "regimes", "first_on")
        .sort("country")
    )


def participation(
    tables: Tables | Prepared, target: CountryLike, **options: Unpack[ParticipationOptions]
) -> pl.LazyFrame:
    """Every country taking part in sanctions on ``target`` on a day (default today).

    Returns:
        ``country``, ``name``, ``routes`` and ``regimes``, sorted by country.

    >>> from sanctions_tracker.records import SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(regimes=[SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004")])
    >>> p = participation(ds.tables, "Belarus", as_of="2020-12-31").collect()
    >>> p.height, p.row(0)
    (27, ('AT', 'Austria', ['bloc'], ['EU-BLR']))
    """
    chosen = given("participation", **options)
    frames = prepared(tables)
    code = _target_code(target, "target")
    day = _as_of(chosen.as_of)
    rows = _evidence(frames, _When(day), code, chosen.switches)
    return (
        _named(rows, frames)
        .select(pl.col("party").alias("country"), "name", "routes", "regimes")
        .sort("country")
    )
