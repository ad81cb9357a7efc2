"""The prepared frames every query filters: signatures, participation spans, acts, names.

A party takes part in a regime by one of the :data:`ROUTES`. Each route is declared
once, in :data:`_ROUTE_LINKS`, as the frame of its *links*: which party a regime
reaches by that route, over which interval of days, whether the regime's acts count
as the party's own acts while the link holds, and what dated act the link itself is.
The spans of participation (for a status on a day) and the dated acts (for a response
in a window) are both derived from the union of the links, so a new route is one more
entry there.

:class:`Prepared` keeps what it derives: a :class:`~sanctions_tracker.Dataset` holds one
and hands it to the queries, so that the spans are built at the first query and reused.
Given bare tables, a query makes a :class:`Prepared` that only plans: nothing is
collected before the caller collects.

>>> from sanctions_tracker.records import SanctionsRegime
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020")])
>>> spans = Prepared(ds.tables).spans().collect()
>>> spans.select("party", "route", "regime_id", "_from").rows()
[('CA', 'own', 'CA-BLR', datetime.date(2020, 12, 31))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache

import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.queries._args import _When
from sanctions_tracker.tables import Tables, last_day, schema

__all__ = ["RESPONSE_KINDS", "ROUTES", "Prepared"]

#: The kinds of legal act that count as a response (a delisting, a suspension or a
#: lifting is a sanctions act, but not a sanction against the target).
RESPONSE_KINDS: tuple[str, ...] = ("establish", "amend", "extend")

_PRECISION = schema("signatures")["signed_on_precision"]
_KEYS = ["party_kind", "party", "target"]

# -- the routes --------------------------------------------------------------------------------

#: The columns of a route's links. ``_from``/``_to``: the link holds on the days
#: ``_from <= D < _to`` (null: unbounded); ``_acts``: the regime's acts count for the
#: party while the link holds for the act's whole date; ``_event_first``/``_event_last``:
#: the dated act that the link itself is (an alignment), or null.
_LINK_COLUMNS = (
    "party_kind",
    "party",
    "target",
    "route",
    "regime_id",
    "_est_last",
    "_lift_last",
    "_from",
    "_to",
    "_acts",
    "_event_first",
    "_event_last",
)


def _link(
    frame: pl.LazyFrame,
    route: str,
    *,
    party_kind: pl.Expr,
    party: pl.Expr,
    start: pl.Expr | None = None,
    end: pl.Expr | None = None,
    acts: bool,
    event: str | None = None,
) -> pl.LazyFrame:
    """The links of one route, in the common columns (regime columns pass through)."""
    no_day = pl.lit(None, pl.Date)
    return frame.select(
        party_kind.alias("party_kind"),
        party.alias("party"),
        "target",
        pl.lit(route).alias("route"),
        "regime_id",
        "_est_last",
        "_lift_last",
        (no_day if start is None else start).alias("_from"),
        (no_day if end is None else end).alias("_to"),
        pl.lit(acts).alias("_acts"),
        (no_day if event is None else pl.col(event)).alias("_event_first"),
        (no_day if event is None else last_day(event)).alias("_event_last"),
    )


def _own_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """The authority of a regime, for as long as the regime is in force."""
    return _link(
        regimes, "own", party_kind=pl.col("authority_kind"), party=pl.col("authority"), acts=True
    )


def _bloc_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """Each member of a bloc that is a regime's authority, while a member."""
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("_member"), "joined", "left"
    )
    return _link(
        regimes.filter(pl.col("authority_kind") == "bloc").join(
            members, left_on="authority", right_on="bloc"
        ),
        "bloc",
        party_kind=pl.lit("country"),
        party=pl.col("_member"),
        start=pl.col("joined"),
        end=pl.col("left"),
        acts=True,
    )


def _alignment_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """A country aligned with a regime, from its alignment to its end; the alignment is
    its act (the regime's own acts are not)."""
    aligned = tables.alignments.lazy().select(
        pl.col("country").cast(pl.String).alias("_aligned"),
        "regime_id",
        "aligned_on",
        "aligned_on_precision",
        last_day("aligned_on").alias("_al_last"),
        last_day("ended_on").alias("_end_last"),
    )
    return _link(
        aligned.join(regimes, on="regime_id"),
        "alignment",
        party_kind=pl.lit("country"),
        party=pl.col("_aligned"),
        start=pl.col("_al_last"),
        end=pl.col("_end_last"),
        acts=False,
        event="aligned_on",
    )


#: Every route by which a party takes part in a regime, in the order of :data:`ROUTES`.
_ROUTE_LINKS: dict[str, Callable[[Tables, pl.LazyFrame], pl.LazyFrame]] = {
    "own": _own_links,
    "bloc": _bloc_links,
    "alignment": _alignment_links,
}
#: How a party takes part in a regime: as its authority, through a bloc, by alignment.
ROUTES: tuple[str, ...] = tuple(_ROUTE_LINKS)


def _regimes(tables: Tables) -> pl.LazyFrame:
    return tables.regimes.lazy().select(
        "regime_id",
        "authority",
        pl.col("authority_kind").cast(pl.String),
        pl.col("target").cast(pl.String),
        last_day("established_on").alias("_est_last"),
        last_day("lifted_on").alias("_lift_last"),
    )


def _links(tables: Tables) -> pl.LazyFrame:
    regimes = _regimes(tables)
    return pl.concat(
        [links(tables, regimes).select(_LINK_COLUMNS) for links in _ROUTE_LINKS.values()]
    )


def _spans(tables: Tables) -> pl.LazyFrame:
    """Each party's span of participation in each regime: in force from ``_from`` (on or
    after; null: always) until ``_to`` (before; null: open)."""
    return (
        _links(tables)
        .select(
            "party_kind",
            "party",
            "target",
            "route",
            "regime_id",
            pl.max_horizontal("_est_last", "_from").alias("_from"),
            pl.min_horizontal("_lift_last", "_to").alias("_to"),
        )
        .filter(
            pl.col("_from").is_null() | pl.col("_to").is_null() | (pl.col("_from") < pl.col("_to"))
        )
    )


def _events(tables: Tables) -> pl.LazyFrame:
    """Every dated sanctions act per party: the acts of the regimes it is linked to for
    the act's whole date (own, bloc), and the acts that links are (alignments)."""
    columns = ["party_kind", "party", "target", "route", "regime_id", "_first", "_last"]
    links = _links(tables)
    acts = (
        tables.actions.lazy()
        .filter(pl.col("kind").cast(pl.String).is_in(RESPONSE_KINDS))
        .select("regime_id", pl.col("date").alias("_first"), last_day("date").alias("_last"))
    )
    of_regimes = (
        links.filter(pl.col("_acts"))
        .join(acts, on="regime_id")
        .filter(
            (pl.col("_from").is_null() | (pl.col("_from") <= pl.col("_first")))
            & (pl.col("_to").is_null() | (pl.col("_to") > pl.col("_last")))
        )
    )
    of_links = links.filter(pl.col("_event_first").is_not_null()).with_columns(
        pl.col("_event_first").alias("_first"), pl.col("_event_last").alias("_last")
    )
    return pl.concat([of_regimes.select(columns), of_links.select(columns)])


def _signatures(tables: Tables) -> pl.LazyFrame:
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


class Prepared:
    """The derived frames of one set of tables, as LazyFrames.

    With ``keep=True`` (a Dataset's) each frame is collected at its first use and kept;
    otherwise each is a plan, computed when the query's result is collected.

    Args:
        tables: A dataset's tables.
        keep: Collect each derived frame once and keep it.

    >>> from sanctions_tracker.dataset import Dataset
    >>> Prepared(Dataset().tables).signatures().collect().height
    0
    """

    __slots__ = ("_kept", "keep", "tables")

    def __init__(self, tables: Tables, *, keep: bool = False) -> None:
        self.tables = tables
        self.keep = keep
        self._kept: dict[str, pl.DataFrame] = {}

    def _frame(self, name: str, plan: Callable[[Tables], pl.LazyFrame]) -> pl.LazyFrame:
        if not self.keep:
            return plan(self.tables)
        found = self._kept.get(name)
        if found is None:
            found = self._kept[name] = plan(self.tables).collect()
        return found.lazy()

    def signatures(self) -> pl.LazyFrame:
        """Country and bloc signatures with their effective dates and the document's subject."""
        return self._frame("signatures", _signatures)

    def spans(self) -> pl.LazyFrame:
        """Each party's span of participation in each regime, by route."""
        return self._frame("spans", _spans)

    def events(self) -> pl.LazyFrame:
        """Every dated sanctions act per party, by route."""
        return self._frame("events", _events)

    def names(self) -> pl.LazyFrame:
        """The name of every country and bloc, by ``party_kind`` and ``party``."""
        blocs = self.tables.blocs.lazy().select(
            pl.lit("bloc").alias("party_kind"), pl.col("bloc").alias("party"), "name"
        )
        return pl.concat([_country_names().lazy(), blocs])


def prepared(source: Tables | Prepared) -> Prepared:
    """The prepared frames of ``source``: its own when it is one, else a plan over the tables."""
    return source if isinstance(source, Prepared) else Prepared(source)


# -- filters shared by the queries ---------------------------------------------------------------


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


def _named(frame: pl.LazyFrame, frames: Prepared) -> pl.LazyFrame:
    return frame.join(frames.names(), on=["party_kind", "party"], how="left")


def _member_signatures(own: pl.LazyFrame, tables: Tables) -> pl.LazyFrame:
    """A bloc's signatures, once more for each member on the signing day (``via`` the bloc)."""
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("_member"), "joined", "left"
    )
    return (
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


def _signed(
    frames: Prepared, *, expand_blocs: bool, document_ids: Sequence[str] | None = None
) -> pl.LazyFrame:
    """Country and bloc signatures with their effective dates (and, asked, bloc members)."""
    own = frames.signatures()
    if document_ids is not None:
        own = own.filter(pl.col("document_id").is_in(document_ids))
    if not expand_blocs:
        return own
    return pl.concat([own, _member_signatures(own, frames.tables)])


def _own_first(frame: pl.LazyFrame, keys: Sequence[str]) -> pl.LazyFrame:
    """One signature per ``keys``: a party's own before one through its bloc, then the earliest."""
    return frame.sort(*keys, pl.col("via").is_not_null(), "signed_on", "via").unique(
        list(keys), keep="first", maintain_order=True
    )


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
    return _own_first(counted, ["document_id", "party_kind", "party"])


def _routes(via_blocs: bool, via_alignment: bool) -> list[str]:
    wanted = {"own": True, "bloc": via_blocs, "alignment": via_alignment}
    return [route for route in ROUTES if wanted.get(route, True)]


def _participants(
    frames: Prepared,
    day: dt.date,
    *,
    via_blocs: bool,
    via_alignment: bool,
    regimes: Iterable[str] | None = None,
    targeted: bool = True,
) -> pl.LazyFrame:
    """Who takes part in which regime in force on ``day``: party_kind, party, target, route."""
    keep = (
        (pl.col("_from").is_null() | (pl.col("_from") <= day))
        & (pl.col("_to").is_null() | (pl.col("_to") > day))
        & pl.col("route").is_in(_routes(via_blocs, via_alignment))
    )
    if targeted:
        keep &= pl.col("target").is_not_null()
    if regimes is not None:
        keep &= pl.col("regime_id").is_in(list(regimes))
    return frames.spans().filter(keep).select("party_kind", "party", "target", "route", "regime_id")


def _responses(
    frames: Prepared,
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
    return frames.events().filter(keep)
