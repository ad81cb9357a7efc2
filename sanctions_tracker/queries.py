"""The questions: who signed, who sanctioned, and who did one without the other.

Every query is a function of a dataset's :class:`~sanctions_tracker.tables.Tables`
that returns a ``pl.LazyFrame``, so that queries compose; the methods of
:class:`~sanctions_tracker.Dataset` call them and collect. docs/queries.md states
the rules; in short:

- A signature counts on day D when its date (the document's date when it has none)
  is known by D and it is not withdrawn by D.
- A regime is in force on D when established (or of unknown start) by D and not
  lifted by D; a country participates in it as its authority, as a member on D of
  the bloc that is its authority, or by an alignment in force on D.
- A partial date (``2020``, ``2020-09``) is *known by D* when its last day is on or
  before D, and lies *inside a window* when its whole interval does.

>>> from sanctions_tracker.records import JointStatement, SanctionsRegime
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(
...     statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY",
...                                signatures=["Japan", "Canada"])],
...     regimes=[SanctionsRegime("CA-BLR", "Canada on Belarus", "Canada", "Belarus",
...                              established_on="2020-09-29")],
... )
>>> signed_not_sanctioned(ds.tables, "s", as_of="2020-12-31").collect()["country"].to_list()
['JP']
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable, Sequence
from functools import cache, cached_property

import attrs
import numpy as np
import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import PartialDate, to_day
from sanctions_tracker.errors import (
    QueryError,
    SanctionsTrackerError,
    UnknownBlocError,
    UnknownDocumentError,
)
from sanctions_tracker.tables import Tables, last_day, schema

__all__ = [
    "RESPONSE_KINDS",
    "ROUTES",
    "STATUSES",
    "agreement",
    "bloc_cohesion",
    "matrix",
    "matrix_summary",
    "participation",
    "response_lag",
    "sanctioned_not_signed",
    "signed_not_sanctioned",
    "signed_not_sanctioned_all",
    "timeline",
]

DayLike = dt.date | str
CountryLike = Country | str

#: The kinds of legal act that count as a response (a delisting, a suspension or a
#: lifting is a sanctions act, but not a sanction against the target).
RESPONSE_KINDS: tuple[str, ...] = ("establish", "amend", "extend")
#: How a party takes part in a regime: as its authority, through a bloc, by alignment.
ROUTES: tuple[str, ...] = ("own", "bloc", "alignment")
#: The status of a (document, party) cell of :func:`matrix`.
STATUSES: tuple[str, ...] = ("both", "signed", "sanctioned", "neither")

_PRECISION = schema("signatures")["signed_on_precision"]
_KEYS = ["party_kind", "party", "target"]


# -- arguments -----------------------------------------------------------------------------


@attrs.frozen
class _When:
    """Status on a day (``as_of``), or response in a window (``since``..``until``)."""

    as_of: dt.date | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def response(self) -> bool:
        return self.as_of is None


def _day(value: DayLike | PartialDate | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return to_day(value)
    except (ValueError, TypeError) as err:
        raise QueryError(f"{name}={value!r}: {err}") from None


def _when(as_of: DayLike | None, since: DayLike | None, until: DayLike | None) -> _When:
    day, start, end = _day(as_of, "as_of"), _day(since, "since"), _day(until, "until")
    if day is not None and (start is not None or end is not None):
        raise QueryError(
            "give as_of (status on a day) or since/until (response in a window), not both"
        )
    if start is not None and end is not None and start > end:
        raise QueryError(f"since {start} is after until {end}: give since <= until")
    if day is None and start is None and end is None:
        day = dt.date.today()
    return _When(day, start, end)


def _document(tables: Tables, document_id: str) -> tuple[dt.date, str | None]:
    """The first day and the subject code of one document; our error when unknown."""
    found = _prepared(tables).documents.get(document_id)
    if found is None:
        raise UnknownDocumentError(
            document_id, known=tables.documents["document_id"].sort().to_list()
        )
    return found


def _country_code(value: CountryLike, name: str) -> str:
    if isinstance(value, Country):
        return value.code
    try:
        return resolve_country(value).code
    except (SanctionsTrackerError, TypeError) as err:
        raise QueryError(f"{name}={value!r}: {err}") from None


def _target(tables: Tables, document_id: str, target: CountryLike | None) -> tuple[dt.date, str]:
    first, subject = _document(tables, document_id)
    if target is not None:
        return first, _country_code(target, "target")
    if subject is None:
        raise QueryError(
            f"document {document_id!r} has no subject: give target= (the sanctioned country)"
        )
    return first, subject


def _single_window(when: _When, document_first: dt.date) -> _When:
    """A window whose open start is the document's date."""
    if not when.response:
        return when
    since = when.since or document_first
    if when.until is not None and since > when.until:
        raise QueryError(
            f"until {when.until} is before the document's date {document_first}: "
            "give a later until, or an earlier since"
        )
    return _When(None, since, when.until)


def _document_ids(tables: Tables, documents: Iterable[str] | None) -> list[str]:
    known = tables.documents["document_id"]
    if documents is None:
        return known.to_list()
    wanted = [documents] if isinstance(documents, str) else list(documents)
    missing = sorted(set(wanted) - set(known.to_list()))
    if missing:
        raise UnknownDocumentError(missing[0], known=known.sort().to_list())
    return wanted


def _regime_ids(tables: Tables, regimes: Iterable[str] | None) -> list[str] | None:
    if regimes is None:
        return None
    wanted = [regimes] if isinstance(regimes, str) else list(regimes)
    known = tables.regimes["regime_id"]
    missing = sorted(set(wanted) - set(known.to_list()))
    if missing:
        raise QueryError(
            f"regimes=: unknown regime {missing[0]!r}: the regimes are "
            f"{', '.join(known.sort().to_list()[:20]) or 'none'}"
        )
    return wanted


# -- dates -----------------------------------------------------------------------------------


def _known_by(last: str, day: dt.date | pl.Expr) -> pl.Expr:
    """Known by ``day``: the interval's last day is on or before it."""
    return pl.col(last) <= day


def _not_ended_by(last: str, day: dt.date | pl.Expr) -> pl.Expr:
    return pl.col(last).is_null() | (pl.col(last) > day)


def _inside(when: _When) -> pl.Expr:
    """An event (``_first``, ``_last``) lies inside the window; open since = the document date."""
    since = pl.lit(when.since) if when.since is not None else pl.col("_doc_first")
    inside = pl.col("_first") >= since
    if when.until is not None:
        inside &= pl.col("_last") <= when.until
    return inside


# -- the building blocks -----------------------------------------------------------------------
#
# What every query needs is derived once per set of tables and kept while the tables live:
# signatures with their effective dates, the spans of days on which each party takes part
# in each regime, and every dated act per party. A query then filters these.


class _Prepared:
    """The derived frames of one set of tables, each built at its first use."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    @cached_property
    def documents(self) -> dict[str, tuple[dt.date, str | None]]:
        frame = self._tables.documents
        return dict(
            zip(
                frame["document_id"].to_list(),
                zip(
                    frame["date"].to_list(),
                    frame["subject"].cast(pl.String).to_list(),
                    strict=True,
                ),
                strict=True,
            )
        )

    @cached_property
    def signatures(self) -> pl.DataFrame:
        return _prepare_signatures(self._tables).collect()

    @cached_property
    def spans(self) -> pl.DataFrame:
        return _prepare_spans(self._tables).collect()

    @cached_property
    def events(self) -> pl.DataFrame:
        return _prepare_events(self._tables).collect()

    @cached_property
    def names(self) -> pl.DataFrame:
        return _prepare_names(self._tables).collect()


_PREPARED: weakref.WeakKeyDictionary[Tables, _Prepared] = weakref.WeakKeyDictionary()


def _prepared(tables: Tables) -> _Prepared:
    found = _PREPARED.get(tables)
    if found is None:
        found = _PREPARED[tables] = _Prepared(tables)
    return found


def _prepare_signatures(tables: Tables) -> pl.LazyFrame:
    return (
        tables.signatures.lazy()
        .filter(pl.col("party_kind").is_in(["country", "bloc"]))
        .join(
            tables.documents.lazy().select(
                "document_id",
                pl.col("date").alias("_doc_first"),
                pl.col("date_precision").alias("_doc_precision"),
                pl.col("subject").cast(pl.String).alias("target"),
            ),
            on="document_id",
        )
        .select(
            "document_id",
            "target",
            "_doc_first",
            pl.col("party_kind").cast(pl.String),
            "party",
            pl.lit(None, pl.String).alias("via"),
            pl.coalesce("signed_on", "_doc_first").alias("signed_on"),
            pl.when(pl.col("signed_on").is_null())
            .then(pl.col("_doc_precision"))
            .otherwise(pl.col("signed_on_precision"))
            .alias("signed_on_precision"),
            "withdrawn_on",
            "withdrawn_on_precision",
            "vote",
        )
        .with_columns(
            last_day("signed_on").alias("_signed_last"),
            last_day("withdrawn_on").alias("_withdrawn_last"),
        )
    )


def _regime_frame(tables: Tables) -> pl.LazyFrame:
    return tables.regimes.lazy().select(
        "regime_id",
        "authority",
        pl.col("authority_kind").cast(pl.String),
        pl.col("target").cast(pl.String),
        last_day("established_on").alias("_est_last"),
        last_day("lifted_on").alias("_lift_last"),
    )


def _prepare_spans(tables: Tables) -> pl.LazyFrame:
    """Each party's span of participation in each regime: in force from ``_from`` (on or
    after; null: always) until ``_to`` (before; null: open)."""
    regimes = _regime_frame(tables)
    columns = ["party_kind", "party", "target", "route", "regime_id", "_from", "_to"]
    own = regimes.select(
        pl.col("authority_kind").alias("party_kind"),
        pl.col("authority").alias("party"),
        "target",
        pl.lit("own").alias("route"),
        "regime_id",
        pl.col("_est_last").alias("_from"),
        pl.col("_lift_last").alias("_to"),
    )
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("party"), "joined", "left"
    )
    bloc = (
        regimes.filter(pl.col("authority_kind") == "bloc")
        .join(members, left_on="authority", right_on="bloc")
        .select(
            pl.lit("country").alias("party_kind"),
            "party",
            "target",
            pl.lit("bloc").alias("route"),
            "regime_id",
            pl.max_horizontal("_est_last", "joined").alias("_from"),
            pl.min_horizontal("_lift_last", "left").alias("_to"),
        )
    )
    aligned = (
        tables.alignments.lazy()
        .select(
            pl.col("country").cast(pl.String).alias("party"),
            "regime_id",
            last_day("aligned_on").alias("_al_last"),
            last_day("ended_on").alias("_end_last"),
        )
        .join(regimes, on="regime_id")
        .select(
            pl.lit("country").alias("party_kind"),
            "party",
            "target",
            pl.lit("alignment").alias("route"),
            "regime_id",
            pl.max_horizontal("_est_last", "_al_last").alias("_from"),
            pl.min_horizontal("_lift_last", "_end_last").alias("_to"),
        )
    )
    return pl.concat([p.select(columns) for p in (own, bloc, aligned)]).filter(
        pl.col("_from").is_null() | pl.col("_to").is_null() | (pl.col("_from") < pl.col("_to"))
    )


def _prepare_events(tables: Tables) -> pl.LazyFrame:
    """Every dated sanctions act per party: the acts of its own regimes, of its blocs'
    regimes while a member for the act's whole date, and its alignments."""
    regimes = _regime_frame(tables).select("regime_id", "authority", "authority_kind", "target")
    acts = (
        tables.actions.lazy()
        .filter(pl.col("kind").cast(pl.String).is_in(RESPONSE_KINDS))
        .select("regime_id", pl.col("date").alias("_first"), last_day("date").alias("_last"))
        .join(regimes, on="regime_id")
    )
    columns = ["party_kind", "party", "target", "route", "regime_id", "_first", "_last"]
    own = acts.select(
        pl.col("authority_kind").alias("party_kind"),
        pl.col("authority").alias("party"),
        "target",
        pl.lit("own").alias("route"),
        "regime_id",
        "_first",
        "_last",
    )
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("party"), "joined", "left"
    )
    bloc = (
        acts.filter(pl.col("authority_kind") == "bloc")
        .join(members, left_on="authority", right_on="bloc")
        .filter(
            (pl.col("joined") <= pl.col("_first"))
            & (pl.col("left").is_null() | (pl.col("left") > pl.col("_last")))
        )
        .select(
            pl.lit("country").alias("party_kind"),
            "party",
            "target",
            pl.lit("bloc").alias("route"),
            "regime_id",
            "_first",
            "_last",
        )
    )
    aligned = (
        tables.alignments.lazy()
        .select(
            pl.col("country").cast(pl.String).alias("party"),
            "regime_id",
            pl.col("aligned_on").alias("_first"),
            last_day("aligned_on").alias("_last"),
        )
        .join(regimes, on="regime_id")
        .select(
            pl.lit("country").alias("party_kind"),
            "party",
            "target",
            pl.lit("alignment").alias("route"),
            "regime_id",
            "_first",
            "_last",
        )
    )
    return pl.concat([p.select(columns) for p in (own, bloc, aligned)])


@cache
def _country_names() -> pl.DataFrame:
    codes = sorted(registry())
    return pl.DataFrame(
        {
            "party_kind": ["country"] * len(codes),
            "party": codes,
            "name": [registry()[code].name for code in codes],
        },
        schema={"party_kind": pl.String, "party": pl.String, "name": pl.String},
    )


def _prepare_names(tables: Tables) -> pl.LazyFrame:
    blocs = tables.blocs.lazy().select(
        pl.lit("bloc").alias("party_kind"), pl.col("bloc").alias("party"), "name"
    )
    return pl.concat([_country_names().lazy(), blocs])


def _named(frame: pl.LazyFrame, tables: Tables) -> pl.LazyFrame:
    return frame.join(_prepared(tables).names.lazy(), on=["party_kind", "party"], how="left")


def _signatures(
    tables: Tables, *, expand_blocs: bool, document_ids: Sequence[str] | None = None
) -> pl.LazyFrame:
    """Country and bloc signatures with their effective dates (and, asked, bloc members)."""
    own = _prepared(tables).signatures.lazy()
    if document_ids is not None:
        own = own.filter(pl.col("document_id").is_in(document_ids))
    if not expand_blocs:
        return own
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("_member"), "joined", "left"
    )
    expanded = (
        own.filter(pl.col("party_kind") == "bloc")
        .join(members, left_on="party", right_on="bloc")
        .filter(
            (pl.col("joined") <= pl.col("signed_on"))
            & (pl.col("left").is_null() | (pl.col("left") > pl.col("_signed_last")))
        )
        .with_columns(
            pl.col("party").alias("via"),
            pl.col("_member").alias("party"),
            pl.lit("country").alias("party_kind"),
        )
        .select(own.collect_schema().names())
    )
    return pl.concat([own, expanded])


def _counted(signatures: pl.LazyFrame, when: _When, *, expand_blocs: bool) -> pl.LazyFrame:
    """The signatures that count: in force on ``as_of``, or at some time in the window.

    In a window a signature counts when it is known by ``until`` and not withdrawn by
    ``since``. A party that counts twice (its own and its bloc's signature) keeps its own.
    """
    if when.as_of is not None:
        counted = signatures.filter(
            _known_by("_signed_last", when.as_of) & _not_ended_by("_withdrawn_last", when.as_of)
        )
    else:
        since = pl.lit(when.since) if when.since is not None else pl.col("_doc_first")
        keep = _not_ended_by("_withdrawn_last", since)
        if when.until is not None:
            keep &= _known_by("_signed_last", when.until)
        counted = signatures.filter(keep)
    if not expand_blocs:
        return counted
    return counted.sort(
        "document_id", "party_kind", "party", pl.col("via").is_not_null(), "signed_on", "via"
    ).unique(["document_id", "party_kind", "party"], keep="first", maintain_order=True)


def _routes(via_blocs: bool, via_alignment: bool) -> list[str]:
    return [
        route
        for route, wanted in zip(ROUTES, (True, via_blocs, via_alignment), strict=True)
        if wanted
    ]


def _participants(
    tables: Tables,
    day: dt.date,
    *,
    via_blocs: bool,
    via_alignment: bool,
    regimes: Iterable[str] | None = None,
    targeted: bool = True,
) -> pl.LazyFrame:
    """Who takes part in which regime in force on ``day``: party_kind, party, target, route."""
    spans = _prepared(tables).spans.lazy()
    keep = (
        (pl.col("_from").is_null() | (pl.col("_from") <= day))
        & (pl.col("_to").is_null() | (pl.col("_to") > day))
        & pl.col("route").is_in(_routes(via_blocs, via_alignment))
    )
    if targeted:
        keep &= pl.col("target").is_not_null()
    if regimes is not None:
        keep &= pl.col("regime_id").is_in(list(regimes))
    return spans.filter(keep).select("party_kind", "party", "target", "route", "regime_id")


def _responses(
    tables: Tables,
    *,
    via_blocs: bool,
    via_alignment: bool,
    regimes: Iterable[str] | None = None,
) -> pl.LazyFrame:
    """Every dated sanctions act against a target, per party: party_kind, party, target,
    route, regime_id, ``_first`` and ``_last`` (the act's interval)."""
    keep = pl.col("target").is_not_null() & pl.col("route").is_in(_routes(via_blocs, via_alignment))
    if regimes is not None:
        keep &= pl.col("regime_id").is_in(list(regimes))
    return _prepared(tables).events.lazy().filter(keep)


_SIGNED_COLUMNS: list[str | pl.Expr] = [
    pl.col("party").alias("country"),
    "party_kind",
    "name",
    "signed_on",
    "signed_on_precision",
    "via",
]


# -- signed, not sanctioned ------------------------------------------------------------------


def _signed_not_sanctioned(
    tables: Tables,
    signatures: pl.LazyFrame,
    when: _When,
    *,
    via_blocs: bool,
    via_alignment: bool,
) -> pl.LazyFrame:
    if when.as_of is not None:
        acted = (
            _participants(tables, when.as_of, via_blocs=via_blocs, via_alignment=via_alignment)
            .select(_KEYS)
            .unique()
        )
        return signatures.join(acted, on=_KEYS, how="anti")
    events = _responses(tables, via_blocs=via_blocs, via_alignment=via_alignment).select(
        *_KEYS, "_first", "_last"
    )
    responded = (
        signatures.select("document_id", *_KEYS, "_doc_first")
        .join(events, on=_KEYS)
        .filter(_inside(when))
        .select("document_id", *_KEYS)
        .unique()
    )
    return signatures.join(responded, on=["document_id", *_KEYS], how="anti")


def signed_not_sanctioned(
    tables: Tables,
    document_id: str,
    *,
    as_of: DayLike | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
    target: CountryLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
) -> pl.LazyFrame:
    """The parties whose signature counts but who take no part in sanctions on the target.

    With ``as_of`` (the default is today): status on that day. With ``since`` and/or
    ``until``: response in that window (``since`` defaults to the document's date),
    i.e. no sanctions act against the target dated inside it.

    Args:
        tables: A dataset's tables.
        document_id: The document.
        as_of: The day of the status.
        since: The window's first day.
        until: The window's last day (open when None).
        target: The sanctioned country; defaults to the document's subject.
        via_blocs: Count membership of a bloc that imposes sanctions.
        via_alignment: Count alignment with another authority's regime.
        expand_blocs: Count a bloc's signature for its members on the signing day too.

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
    when = _when(as_of, since, until)
    first, subject = _target(tables, document_id, target)
    when = _single_window(when, first)
    signatures = _counted(
        _signatures(tables, expand_blocs=expand_blocs, document_ids=[document_id]),
        when,
        expand_blocs=expand_blocs,
    ).with_columns(pl.lit(subject).alias("target"))
    rest = _signed_not_sanctioned(
        tables, signatures, when, via_blocs=via_blocs, via_alignment=via_alignment
    )
    return _named(rest, tables).select(_SIGNED_COLUMNS).sort("country")


def signed_not_sanctioned_all(
    tables: Tables,
    *,
    as_of: DayLike | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
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
    when = _when(as_of, since, until)
    signatures = _counted(
        _signatures(tables, expand_blocs=expand_blocs), when, expand_blocs=expand_blocs
    ).filter(pl.col("target").is_not_null())
    rest = _signed_not_sanctioned(
        tables, signatures, when, via_blocs=via_blocs, via_alignment=via_alignment
    )
    return (
        _named(rest, tables).select("document_id", *_SIGNED_COLUMNS).sort("document_id", "country")
    )


# -- sanctioned, not signed ------------------------------------------------------------------


def _evidence(
    tables: Tables,
    when: _When,
    target: str,
    *,
    via_blocs: bool,
    via_alignment: bool,
    regimes: Iterable[str] | None = None,
) -> pl.LazyFrame:
    """Per country: the routes and regimes by which it takes part (or responded)."""
    if when.as_of is not None:
        rows = _participants(
            tables, when.as_of, via_blocs=via_blocs, via_alignment=via_alignment, regimes=regimes
        ).with_columns(pl.lit(None, pl.Date).alias("_first"))
    else:
        rows = (
            _responses(tables, via_blocs=via_blocs, via_alignment=via_alignment, regimes=regimes)
            .with_columns(pl.lit(when.since).alias("_doc_first"))
            .filter(_inside(when))
        )
    return (
        rows.filter((pl.col("target") == target) & (pl.col("party_kind") == "country"))
        .group_by("party_kind", "party")
        .agg(
            pl.col("route").unique().sort().alias("routes"),
            pl.col("regime_id").unique().sort().alias("regimes"),
            pl.col("_first").min().alias("first_on"),
        )
    )


def sanctioned_not_signed(
    tables: Tables,
    document_id: str,
    *,
    as_of: DayLike | None = None,
    since: DayLike | None = None,
    until: DayLike | None = None,
    target: CountryLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
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
    when = _when(as_of, since, until)
    first, subject = _target(tables, document_id, target)
    when = _single_window(when, first)
    signed = (
        _counted(
            _signatures(tables, expand_blocs=expand_blocs, document_ids=[document_id]),
            when,
            expand_blocs=expand_blocs,
        )
        .filter(pl.col("party_kind") == "country")
        .select("party_kind", "party")
    )
    rest = _evidence(tables, when, subject, via_blocs=via_blocs, via_alignment=via_alignment).join(
        signed, on=["party_kind", "party"], how="anti"
    )
    return (
        _named(rest, tables)
        .select(pl.col("party").alias("country"), "name", "routes", "regimes", "first_on")
        .sort("country")
    )


def participation(
    tables: Tables,
    target: CountryLike,
    *,
    as_of: DayLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
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
    code = _country_code(target, "target")
    day = _when(as_of, None, None).as_of
    assert day is not None
    rows = _evidence(tables, _When(day), code, via_blocs=via_blocs, via_alignment=via_alignment)
    return (
        _named(rows, tables)
        .select(pl.col("party").alias("country"), "name", "routes", "regimes")
        .sort("country")
    )


# -- the matrix ------------------------------------------------------------------------------


_STATUS = pl.Enum(list(STATUSES))


def matrix(
    tables: Tables,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    *,
    as_of: DayLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
) -> pl.LazyFrame:
    """Parties x documents on a day: did each sign, sanction the subject, both or neither?

    ``documents`` defaults to every document with a subject; ``regimes`` limits the
    regimes that count as sanctioning (default: all). The rows are every country that
    signed one of the documents or takes part in sanctions on one of their subjects,
    and every bloc that signed one; each meets each document.

    Returns:
        ``document_id``, ``country``, ``party_kind``, ``name``, ``signed``,
        ``sanctioned`` and ``status`` (an Enum of :data:`STATUSES`), sorted.

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP", "CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY"),
    ...              SanctionsRegime("US-BLR", "US", "US", "BY")],
    ... )
    >>> matrix(ds.tables, as_of="2020-12-31").collect().select("country", "status").rows()
    [('CA', 'both'), ('JP', 'signed'), ('US', 'sanctioned')]
    """
    day = _when(as_of, None, None).as_of
    assert day is not None
    ids = _document_ids(tables, documents)
    regimes = _regime_ids(tables, regimes)
    docs = tables.documents.lazy().filter(pl.col("document_id").is_in(ids))
    if documents is not None:
        no_subject = (
            docs.filter(pl.col("subject").is_null()).select("document_id").collect().to_series()
        )
        if no_subject.len():
            raise QueryError(
                f"document {no_subject[0]!r} has no subject, so nobody can sanction it: "
                "leave it out of documents="
            )
    docs = docs.filter(pl.col("subject").is_not_null()).select(
        "document_id", pl.col("subject").cast(pl.String).alias("target")
    )
    when = _When(day)
    keys = ["document_id", "party_kind", "party"]
    signed = (
        _counted(
            _signatures(tables, expand_blocs=expand_blocs, document_ids=ids),
            when,
            expand_blocs=expand_blocs,
        )
        .join(docs.select("document_id"), on="document_id", how="semi")
        .select(*keys, pl.lit(True).alias("signed"))
    )
    sanctioned = docs.join(
        _participants(
            tables, day, via_blocs=via_blocs, via_alignment=via_alignment, regimes=regimes
        )
        .select(_KEYS)
        .unique(),
        on="target",
    ).select(*keys, pl.lit(True).alias("sanctioned"))
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
    width = parties.select(pl.len().cast(pl.Int64)).collect().item()

    def cell_keys(frame: pl.LazyFrame) -> pl.Series:
        keys = (
            frame.join(columns, on="document_id")
            .join(parties, on=["party_kind", "party"])
            .select(pl.col("_document").cast(pl.Int64) * width + pl.col("_party").cast(pl.Int64))
            .collect()
            .to_series()
        )
        return keys.implode()

    signed_keys, sanctioned_keys = cell_keys(signed), cell_keys(sanctioned)
    key = pl.col("_document").cast(pl.Int64) * width + pl.col("_party").cast(pl.Int64)
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
    named = _named(parties, tables).sort("_party")
    return (
        columns.join(named, how="cross")
        .with_columns(
            key.is_in(signed_keys).alias("signed"), key.is_in(sanctioned_keys).alias("sanctioned")
        )
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
    tables: Tables,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    *,
    as_of: DayLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
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
    cells = matrix(
        tables,
        documents,
        regimes,
        as_of=as_of,
        via_blocs=via_blocs,
        via_alignment=via_alignment,
        expand_blocs=expand_blocs,
    )
    counts = cells.group_by("document_id").agg(
        (pl.col("status") == status).sum().cast(pl.Int64).alias(status) for status in STATUSES
    )
    ids = _document_ids(tables, documents)
    columns = (
        tables.documents.lazy()
        .filter(pl.col("document_id").is_in(ids) & pl.col("subject").is_not_null())
        .select("document_id")
    )
    return (
        columns.join(counts, on="document_id", how="left")
        .with_columns(pl.col(list(STATUSES)).fill_null(0))
        .sort("document_id")
    )


# -- response lag ----------------------------------------------------------------------------


def response_lag(
    tables: Tables,
    document_id: str,
    *,
    target: CountryLike | None = None,
    via_blocs: bool = True,
    via_alignment: bool = True,
    expand_blocs: bool = False,
) -> pl.LazyFrame:
    """Days from each signature to the signatory's first sanctions act on the target after it.

    Every country and bloc signature counts, withdrawn or not. An act counts when its
    date starts on or after the signature's (first) day; the lag runs between the two
    first days. No act: ``first_act_on`` and ``lag_days`` are null.

    Returns:
        ``country``, ``party_kind``, ``name``, ``via``, ``signed_on``,
        ``signed_on_precision``, ``first_act_on``, ``regimes`` (the regimes of the
        acts on that first day) and ``lag_days``, sorted by country.

    >>> from sanctions_tracker.records import JointStatement, SanctionsAction, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP", "CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY")],
    ...     actions=[SanctionsAction("CA-BLR", "2020-09-29", "establish")],
    ... )
    >>> response_lag(ds.tables, "s").collect().select("country", "lag_days").rows()
    [('CA', 12), ('JP', None)]
    """
    _, subject = _target(tables, document_id, target)
    signatures = _signatures(tables, expand_blocs=expand_blocs, document_ids=[document_id])
    if expand_blocs:
        signatures = signatures.sort(
            "party_kind", "party", pl.col("via").is_not_null(), "signed_on", "via"
        ).unique(["party_kind", "party"], keep="first", maintain_order=True)
    signatures = signatures.with_columns(pl.lit(subject).alias("target"))
    events = _responses(tables, via_blocs=via_blocs, via_alignment=via_alignment)
    hits = (
        signatures.select(*_KEYS, "signed_on")
        .join(events, on=_KEYS)
        .filter(pl.col("_first") >= pl.col("signed_on"))
        .filter(pl.col("_first") == pl.col("_first").min().over("party_kind", "party"))
        .group_by("party_kind", "party")
        .agg(
            pl.col("_first").first().alias("first_act_on"),
            pl.col("regime_id").unique().sort().alias("regimes"),
        )
    )
    return (
        _named(signatures.join(hits, on=["party_kind", "party"], how="left"), tables)
        .select(
            pl.col("party").alias("country"),
            "party_kind",
            "name",
            "via",
            "signed_on",
            "signed_on_precision",
            "first_act_on",
            pl.col("regimes").fill_null(pl.lit([], pl.List(pl.String))),
            (pl.col("first_act_on") - pl.col("signed_on")).dt.total_days().alias("lag_days"),
        )
        .sort("country")
    )


# -- agreement -------------------------------------------------------------------------------


_AGREEMENT_SCHEMA = pl.Schema(
    {
        "country_a": pl.String(),
        "country_b": pl.String(),
        "co_signed": pl.Int64(),
        "either_signed": pl.Int64(),
        "jaccard": pl.Float64(),
        "both_recorded": pl.Int64(),
        "vote_agreement": pl.Float64(),
    }
)


def agreement(tables: Tables, documents: Iterable[str] | None = None) -> pl.LazyFrame:
    """How often two countries take the same position, across a set of documents.

    A country's position on a document is the vote of its signature (``for``,
    ``abstain``, ``against``); a withdrawn signature is no position, nor is silence.
    ``jaccard`` compares the sets of documents each supported (voted ``for``):
    shared / either. ``vote_agreement`` is the UN-voting score over the documents
    where both recorded a position: 1 for the same vote, 0.5 when one abstained and
    the other did not, 0 for opposite votes, averaged. One row per pair of countries
    that recorded a position (``country_a < country_b``).

    The pairs come from matrix products (numpy) rather than a self-join, so the
    frame is computed when called and returned lazy.

    >>> from sanctions_tracker.records import JointStatement, Signature
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[
    ...     JointStatement("a", "A", "2020", signatures=["FR", "DE"]),
    ...     JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="abstain")]),
    ... ])
    >>> agreement(ds.tables).collect().select("country_a", "country_b", "jaccard",
    ...                                         "vote_agreement").rows()
    [('DE', 'FR', 0.5, 0.75)]
    """
    ids = _document_ids(tables, documents)
    positions = (
        tables.signatures.lazy()
        .filter(
            (pl.col("party_kind") == "country")
            & pl.col("withdrawn_on").is_null()
            & pl.col("document_id").is_in(ids)
        )
        .select(
            pl.col("party").alias("country"),
            "document_id",
            pl.col("vote").cast(pl.String).fill_null("for").alias("vote"),
        )
        .collect()
    )
    if positions.height == 0:
        return pl.LazyFrame(schema=_AGREEMENT_SCHEMA)
    countries = positions["country"].unique().sort()
    country_index = positions["country"].cast(pl.Enum(countries.to_list())).to_physical()
    document_index = (
        positions["document_id"].cast(pl.Enum(sorted(set(ids)))).to_physical().to_numpy()
    )
    rows, columns = country_index.to_numpy(), document_index
    shape = (countries.len(), len(set(ids)))
    votes = positions["vote"].to_numpy()
    matrices = {}
    for vote in ("for", "abstain", "against"):
        m = np.zeros(shape, dtype=np.float32)
        chosen = votes == vote
        m[rows[chosen], columns[chosen]] = 1.0
        matrices[vote] = m
    yes, abstain, no = matrices["for"], matrices["abstain"], matrices["against"]
    present = yes + abstain + no
    both = present @ present.T
    same = yes @ yes.T + abstain @ abstain.T + no @ no.T
    half = abstain @ (yes + no).T
    half = half + half.T
    supported = yes.sum(axis=1)
    shared = yes @ yes.T
    either = supported[:, None] + supported[None, :] - shared
    a, b = np.triu_indices(countries.len(), k=1)
    frame = pl.DataFrame(
        {
            "country_a": countries.gather(a),
            "country_b": countries.gather(b),
            "co_signed": shared[a, b].round().astype(np.int64),
            "either_signed": either[a, b].round().astype(np.int64),
            "_same": same[a, b].astype(np.float64),
            "_half": half[a, b].astype(np.float64),
            "both_recorded": both[a, b].round().astype(np.int64),
        }
    )
    return (
        frame.lazy()
        .select(
            "country_a",
            "country_b",
            "co_signed",
            "either_signed",
            pl.when(pl.col("either_signed") > 0)
            .then(pl.col("co_signed") / pl.col("either_signed"))
            .alias("jaccard"),
            "both_recorded",
            pl.when(pl.col("both_recorded") > 0)
            .then((pl.col("_same") + 0.5 * pl.col("_half")) / pl.col("both_recorded"))
            .alias("vote_agreement"),
        )
        .cast(dict(_AGREEMENT_SCHEMA))  # type: ignore[arg-type]  # a Schema maps names to types
    )


# -- bloc cohesion ---------------------------------------------------------------------------


def bloc_cohesion(
    tables: Tables,
    bloc: str,
    *,
    documents: Iterable[str] | None = None,
    regimes: Iterable[str] | None = None,
    as_of: DayLike | None = None,
    via_alignment: bool = True,
) -> pl.LazyFrame:
    """The share of a bloc's members that signed each document or take part in each regime.

    For a document: the members for the whole of the document's date, and those of
    them with a signature of their own on it that is not withdrawn. For a regime:
    the members on ``as_of`` (default today) and those of them taking part in it
    that day (as authority, through a bloc, or by alignment). With neither
    ``documents`` nor ``regimes``, every document and every regime.

    Returns:
        ``kind`` (``document`` or ``regime``), ``id``, ``on``, ``members``,
        ``participants`` and ``share`` (null when the bloc had no members).

    >>> from sanctions_tracker.records import JointStatement
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY",
    ...                                         signatures=["FR", "DE", "JP"])])
    >>> bloc_cohesion(ds.tables, "EU").collect().select("id", "members", "participants").rows()
    [('s', 27, 2)]
    """
    code = bloc.strip().upper()
    if code not in tables.blocs["bloc"].to_list():
        known = ", ".join(tables.blocs["bloc"].sort().to_list())
        raise UnknownBlocError(f"unknown bloc {bloc!r}: the blocs are {known}")
    everything = documents is None and regimes is None
    members = tables.memberships.lazy().filter(pl.col("bloc") == code)
    columns = ["kind", "id", "on", "members", "participants"]
    parts: list[pl.LazyFrame] = []
    if documents is not None or everything:
        ids = _document_ids(tables, documents)
        docs = (
            tables.documents.lazy()
            .filter(pl.col("document_id").is_in(ids))
            .select("document_id", pl.col("date").alias("on"), last_day("date").alias("_last"))
        )
        on_day = (
            docs.join(members, how="cross")
            .filter(
                (pl.col("joined") <= pl.col("on"))
                & (pl.col("left").is_null() | (pl.col("left") > pl.col("_last")))
            )
            .select("document_id", pl.col("country").cast(pl.String).alias("party"))
        )
        signed = tables.signatures.lazy().filter(
            (pl.col("party_kind") == "country") & pl.col("withdrawn_on").is_null()
        )
        counts = on_day.with_columns(
            pl.struct("document_id", "party")
            .is_in(signed.select(pl.struct("document_id", "party")).collect().to_series().implode())
            .alias("_signed")
        )
        parts.append(
            docs.join(
                counts.group_by("document_id").agg(
                    pl.len().alias("members"), pl.col("_signed").sum().alias("participants")
                ),
                on="document_id",
                how="left",
            ).select(
                pl.lit("document").alias("kind"),
                pl.col("document_id").alias("id"),
                "on",
                "members",
                "participants",
            )
        )
    if regimes is not None or everything:
        day = _when(as_of, None, None).as_of
        assert day is not None
        wanted = _regime_ids(tables, regimes)
        if wanted is None:
            wanted = tables.regimes["regime_id"].to_list()
        on_day = members.filter(
            (pl.col("joined") <= day) & (pl.col("left").is_null() | (pl.col("left") > day))
        ).select(pl.col("country").cast(pl.String).alias("party"))
        taking_part = tables.regimes.lazy().filter(pl.col("regime_id").is_in(wanted))
        participants = (
            _participants(
                tables,
                day,
                via_blocs=True,
                via_alignment=via_alignment,
                regimes=wanted,
                targeted=False,
            )
            .filter(pl.col("party_kind") == "country")
            .join(on_day, on="party", how="semi")
            .group_by("regime_id")
            .agg(pl.col("party").n_unique().alias("participants"))
        )
        member_count = on_day.select(pl.len().alias("members"))
        parts.append(
            taking_part.select("regime_id")
            .join(member_count, how="cross")
            .join(participants, on="regime_id", how="left")
            .select(
                pl.lit("regime").alias("kind"),
                pl.col("regime_id").alias("id"),
                pl.lit(day).alias("on"),
                "members",
                "participants",
            )
        )
    frame = pl.concat(
        [
            p.select(columns).with_columns(
                pl.col("members", "participants").fill_null(0).cast(pl.Int64)
            )
            for p in parts
        ]
    )
    return frame.with_columns(
        pl.when(pl.col("members") > 0)
        .then(pl.col("participants") / pl.col("members"))
        .alias("share")
    ).sort("kind", "id")


# -- timeline --------------------------------------------------------------------------------


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
_EVENT_ORDER = (
    "joined",
    "issued",
    "signed",
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
    tables: Tables, *, country: CountryLike | None = None, target: CountryLike | None = None
) -> pl.LazyFrame:
    """Every dated event in order: documents issued, signatures made and withdrawn,
    regimes established and lifted, acts, listings, alignments, bloc memberships.

    ``country`` keeps the events whose actor is that country (or bloc code): its
    signatures, its regimes and their acts and listings, its alignments and
    memberships. ``target`` keeps the events about that country.

    Returns:
        ``date`` (the first day), ``date_precision``, ``event``, ``party_kind``,
        ``party``, ``target``, ``document_id``, ``regime_id`` and ``detail``.

    >>> from sanctions_tracker.records import JointStatement, SanctionsRegime
    >>> from sanctions_tracker.dataset import Dataset
    >>> ds = Dataset(
    ...     statements=[JointStatement("s", "S", "2020-09-17", "BY", signatures=["CA"])],
    ...     regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09-29")],
    ... )
    >>> timeline(ds.tables, target="BY").collect().select("date", "event", "party").rows()
    [(datetime.date(2020, 9, 17), 'issued', None),
     (datetime.date(2020, 9, 17), 'signed', 'CA'),
     (datetime.date(2020, 9, 29), 'established', 'CA')]
    """
    t = {name: frame.lazy() for name, frame in tables.as_dict().items()}
    subject = pl.col("subject").cast(pl.String)
    docs = t["documents"].select("document_id", subject.alias("target"), "date", "date_precision")
    signatures = _signatures(tables, expand_blocs=False)
    regime_info = t["regimes"].select(
        "regime_id",
        pl.col("authority_kind").cast(pl.String).alias("party_kind"),
        pl.col("authority").alias("party"),
        pl.col("target").cast(pl.String),
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
    all_signatures = t["signatures"].join(docs.select("document_id", "target"), on="document_id")
    events = [
        event(
            docs,
            "date",
            "issued",
            target=pl.col("target"),
            document_id=pl.col("document_id"),
            detail=pl.lit(None),
        ),
        event(
            signatures,
            "signed_on",
            "signed",
            **party,
            target=pl.col("target"),
            document_id=pl.col("document_id"),
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
            "signed",
            party_kind=pl.col("party_kind").cast(pl.String),
            party=pl.col("party"),
            target=pl.col("target"),
            document_id=pl.col("document_id"),
            detail=pl.col("vote").cast(pl.String),
        ),
        event(
            all_signatures,
            "withdrawn_on",
            "withdrawn",
            party_kind=pl.col("party_kind").cast(pl.String),
            party=pl.col("party"),
            target=pl.col("target"),
            document_id=pl.col("document_id"),
        ),
        event(
            regime_info.join(
                t["regimes"].select("regime_id", "established_on", "established_on_precision"),
                on="regime_id",
            ),
            "established_on",
            "established",
            **regime_party,
        ),
        event(
            regime_info.join(
                t["regimes"].select("regime_id", "lifted_on", "lifted_on_precision"), on="regime_id"
            ),
            "lifted_on",
            "lifted",
            **regime_party,
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
        event(
            t["designations"].join(regime_info, on="regime_id"),
            "listed_on",
            "listed",
            **regime_party,
            detail=pl.col("target_name"),
        ),
        event(
            t["designations"].join(regime_info, on="regime_id"),
            "delisted_on",
            "delisted",
            **regime_party,
            detail=pl.col("target_name"),
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
        code = (
            country.strip().upper()
            if isinstance(country, str) and country.strip().upper() in tables.blocs["bloc"]
            else _country_code(country, "country")
        )
        frame = frame.filter(pl.col("party") == code)
    if target is not None:
        frame = frame.filter(pl.col("target") == _country_code(target, "target"))
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
