"""The prepared frames every query filters: signatures, participation spans, acts, names.

A party takes part in a regime by one of the :data:`ROUTES`. Each route is declared
once, in :data:`_ROUTE_LINKS`, as the frame of its *links*: which party a regime
reaches by that route, over which interval of days, whether the regime's acts count
as the party's own acts while the link holds, and what dated act the link itself is.
A regime in turn reaches its targets (:func:`_reach`): each of its targets, or, for a
thematic regime without one, each country of the people and organisations it lists,
while a listing stands. The spans of participation (for a status on a day) and the
dated acts (for a response in a window) are both derived from the links and the
reach, so a new route is one more entry in :data:`_ROUTE_LINKS`.

A regime is in force from ``established_on`` or, without one, from its earliest dated
act or listing; with neither it is in force on no day. Its establishment is an act
even when no act row records it.

:class:`Prepared` keeps what it derives: a :class:`~sanctions_tracker.Dataset` holds one
and hands it to the queries, so that the spans are built at the first query and reused.
Given bare tables, a query makes a :class:`Prepared` that only plans: nothing is
collected before the caller collects.

>>> from sanctions_tracker.records import SanctionsRegime
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020")])
>>> spans = Prepared(ds.tables).spans().collect().sort("through")
>>> spans.select("party", "target", "through", "regime_id", "_from").rows()
[('CA', None, 'regime', 'CA-BLR', datetime.date(2020, 12, 31)), \
('CA', 'BY', 'target', 'CA-BLR', datetime.date(2020, 12, 31))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cache

import attrs
import polars as pl

from sanctions_tracker._registry import registry
from sanctions_tracker.queries._args import _When
from sanctions_tracker.queries._vote_matrices import VoteMatrices, vote_matrices
from sanctions_tracker.tables import Tables, last_day, schema

__all__ = ["RESPONSE_KINDS", "ROUTES", "Prepared", "Switches"]

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
    "route",
    "regime_id",
    "_from",
    "_to",
    "_acts",
    "_event_first",
    "_event_last",
)
#: The columns of the spans (then ``_from``, ``_to``) and of the events (then ``_first``,
#: ``_last``): ``through`` says how the regime reaches the target (``target``: one of its
#: targets; ``designations``: a thematic regime's listing of a national; ``regime``: any
#: target, for questions about a regime as such).
_ROW_KEYS = ("party_kind", "party", "target", "route", "through", "regime_id")
_EVENT_COLUMNS = (*_ROW_KEYS, "_first", "_last")
_NEVER = pl.lit(None, pl.Date)


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
    """The links of one route, in the common columns."""
    return frame.select(
        party_kind.alias("party_kind"),
        party.alias("party"),
        pl.lit(route).alias("route"),
        "regime_id",
        (_NEVER if start is None else start).alias("_from"),
        (_NEVER if end is None else end).alias("_to"),
        pl.lit(acts).alias("_acts"),
        (_NEVER if event is None else pl.col(event)).alias("_event_first"),
        (_NEVER if event is None else last_day(event)).alias("_event_last"),
    )


def _own_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """The authority of a regime, for as long as the regime is in force."""
    return _link(
        regimes, "own", party_kind=pl.col("authority_kind"), party=pl.col("authority"), acts=True
    )


def _member_links(regimes: pl.LazyFrame, tables: Tables, bloc: pl.Expr, route: str) -> pl.LazyFrame:
    members = tables.memberships.lazy().select(
        "bloc", pl.col("country").cast(pl.String).alias("_member"), "joined", "left"
    )
    return _link(
        regimes.with_columns(bloc.alias("_bloc"))
        .filter(pl.col("_bloc").is_not_null())
        .join(members, left_on="_bloc", right_on="bloc"),
        route,
        party_kind=pl.lit("country"),
        party=pl.col("_member"),
        start=pl.col("joined"),
        end=pl.col("left"),
        acts=True,
    )


def _bloc_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """Each member of a bloc that is a regime's authority, while a member."""
    bloc = pl.when(pl.col("authority_kind") == "bloc").then(pl.col("authority"))
    return _member_links(regimes, tables, bloc, "bloc")


def _un_links(tables: Tables, regimes: pl.LazyFrame) -> pl.LazyFrame:
    """Each UN member, while a member, for a regime of the UN Security Council, which
    binds every member (Charter of the United Nations, Article 25)."""
    un = pl.when(pl.col("authority_kind") == "organization").then(pl.lit("UN"))
    return _member_links(regimes, tables, un, "un")


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
    "un": _un_links,
}
#: How a party takes part in a regime: as its authority, through a bloc, by alignment,
#: or as a UN member bound by a regime of the UN Security Council. A thematic regime
#: reaches a target through its designations: its rows say ``designations`` too.
ROUTES: tuple[str, ...] = tuple(_ROUTE_LINKS)


@attrs.frozen
class Switches:
    """Which routes count: the query switches, in one value.

    >>> Switches().routes()
    ['own', 'bloc', 'alignment']
    >>> Switches(via_un=True, via_blocs=False).routes()
    ['own', 'alignment', 'un']
    """

    via_blocs: bool = True
    via_alignment: bool = True
    via_designations: bool = True
    via_un: bool = False

    def routes(self) -> list[str]:
        """The routes that count."""
        wanted = {"bloc": self.via_blocs, "alignment": self.via_alignment, "un": self.via_un}
        return [route for route in ROUTES if wanted.get(route, True)]

    def keep(self) -> pl.Expr:
        """The rows of the spans or events that count."""
        keep = pl.col("route").is_in(self.routes())
        if not self.via_designations:
            keep &= pl.col("through") != "designations"
        return keep


def _evidence_start(tables: Tables) -> pl.LazyFrame:
    """Per regime, the last day of its earliest dated evidence (an act or a listing)."""
    acts = tables.actions.lazy().select("regime_id", last_day("date").alias("_seen"))
    listings = (
        tables.designations.lazy()
        .filter(pl.col("listed_on").is_not_null())
        .select("regime_id", last_day("listed_on").alias("_seen"))
    )
    return pl.concat([acts, listings]).group_by("regime_id").agg(pl.col("_seen").min())


def _regimes(tables: Tables) -> pl.LazyFrame:
    """The regimes in force on some day: from ``established_on``, else from their earliest
    dated evidence; a regime with neither is in force on no day and is left out."""
    return (
        tables.regimes.lazy()
        .join(_evidence_start(tables), on="regime_id", how="left")
        .select(
            "regime_id",
            "authority",
            pl.col("authority_kind").cast(pl.String),
            pl.coalesce(last_day("established_on"), "_seen").alias("_est_last"),
            last_day("lifted_on").alias("_lift_last"),
        )
        .filter(pl.col("_est_last").is_not_null())
    )


def _target_lists(tables: Tables) -> pl.LazyFrame:
    """Each regime's targets as one list (empty: thematic)."""
    return tables.regimes.lazy().select(
        "regime_id",
        pl.concat_list(pl.col("target").cast(pl.String), "other_targets")
        .list.drop_nulls()
        .alias("_targets"),
    )


def _listings(tables: Tables) -> pl.LazyFrame:
    """Each dated listing of a thematic regime, once per country of its designee: the
    regime reaches that country from the listing (its last day) until the delisting."""
    thematic = _target_lists(tables).filter(pl.col("_targets").list.len() == 0)
    return (
        tables.designations.lazy()
        .join(thematic, on="regime_id", how="semi")
        .filter(pl.col("listed_on").is_not_null())
        .select(
            "regime_id",
            pl.concat_list(pl.col("target_country").cast(pl.String), "nationalities")
            .list.drop_nulls()
            .list.unique()
            .alias("target"),
            pl.col("listed_on").alias("_first"),
            last_day("listed_on").alias("_last"),
            last_day("delisted_on").alias("_end"),
        )
        .explode("target")
        .filter(pl.col("target").is_not_null())
    )


_OPEN = dt.date.max


def _merged(listings: pl.LazyFrame) -> pl.LazyFrame:
    """The listings of each regime and country merged into the intervals they cover."""
    keys = ["regime_id", "target"]
    end = pl.col("_end").fill_null(_OPEN)
    return (
        listings.select(*keys, pl.col("_last").alias("_t_from"), end.alias("_t_end"))
        .sort(*keys, "_t_from")
        .with_columns(pl.col("_t_end").cum_max().shift(1).over(keys).alias("_reach"))
        .with_columns(
            (pl.col("_reach").is_null() | (pl.col("_t_from") > pl.col("_reach")))
            .cum_sum()
            .over(keys)
            .alias("_run")
        )
        .group_by(*keys, "_run")
        .agg(pl.col("_t_from").min(), pl.col("_t_end").max())
        .select(
            *keys,
            pl.lit("designations").alias("through"),
            "_t_from",
            pl.when(pl.col("_t_end") == _OPEN).then(_NEVER).otherwise("_t_end").alias("_t_to"),
        )
    )


def _reach(tables: Tables) -> pl.LazyFrame:
    """How each regime reaches each target, and when: its targets always; a thematic
    regime a country while one of its listings of a national stands; and every regime
    the null target (the regime as such)."""
    targeted = (
        _target_lists(tables)
        .explode("_targets")
        .filter(pl.col("_targets").is_not_null())
        .select(
            "regime_id",
            pl.col("_targets").alias("target"),
            pl.lit("target").alias("through"),
            _NEVER.alias("_t_from"),
            _NEVER.alias("_t_to"),
        )
    )
    itself = tables.regimes.lazy().select(
        "regime_id",
        pl.lit(None, pl.String).alias("target"),
        pl.lit("regime").alias("through"),
        _NEVER.alias("_t_from"),
        _NEVER.alias("_t_to"),
    )
    return pl.concat([targeted, _merged(_listings(tables)), itself])


def _links(tables: Tables) -> pl.LazyFrame:
    regimes = _regimes(tables)
    return pl.concat(
        [
            links(tables, regimes)
            .join(regimes.select("regime_id", "_est_last", "_lift_last"), on="regime_id")
            .select(*_LINK_COLUMNS, "_est_last", "_lift_last")
            for links in _ROUTE_LINKS.values()
        ]
    )


def _spans(tables: Tables) -> pl.LazyFrame:
    """Each party's span of participation in each regime against each target it reaches:
    from ``_from`` (on or after; null: always) until ``_to`` (before; null: open)."""
    return (
        _links(tables)
        .join(_reach(tables), on="regime_id")
        .select(
            *_ROW_KEYS,
            pl.max_horizontal("_est_last", "_from", "_t_from").alias("_from"),
            pl.min_horizontal("_lift_last", "_to", "_t_to").alias("_to"),
        )
        .filter(
            pl.col("_from").is_null() | pl.col("_to").is_null() | (pl.col("_from") < pl.col("_to"))
        )
    )


def _acts(tables: Tables) -> pl.LazyFrame:
    """Every dated act against a target: the responding acts of a regime against each of
    its targets, its establishment (``established_on``, when no act row establishes it),
    and each listing of a thematic regime against each country of its designee."""
    actions = tables.actions.lazy()
    acts = actions.filter(pl.col("kind").cast(pl.String).is_in(RESPONSE_KINDS)).select(
        "regime_id", pl.col("date").alias("_first"), last_day("date").alias("_last")
    )
    established = (
        tables.regimes.lazy()
        .filter(pl.col("established_on").is_not_null())
        .join(
            actions.filter(pl.col("kind").cast(pl.String) == "establish"),
            on="regime_id",
            how="anti",
        )
        .select(
            "regime_id",
            pl.col("established_on").alias("_first"),
            last_day("established_on").alias("_last"),
        )
    )
    targets = (
        _target_lists(tables)
        .explode("_targets")
        .filter(pl.col("_targets").is_not_null())
        .select("regime_id", pl.col("_targets").alias("target"))
    )
    of_targets = (
        pl.concat([acts, established])
        .join(targets, on="regime_id")
        .with_columns(pl.lit("target").alias("through"))
    )
    listed = (
        _listings(tables)
        .select("regime_id", "target", "_first", "_last")
        .unique()
        .with_columns(pl.lit("designations").alias("through"))
    )
    return pl.concat([of_targets, listed], how="diagonal")


def _events(tables: Tables) -> pl.LazyFrame:
    """Every dated sanctions act against a target per party: the acts of the regimes it
    is linked to for the act's whole date (own, bloc, un), and the acts that links are
    (alignments, against the regime's targets)."""
    links = _links(tables)
    of_regimes = (
        links.filter(pl.col("_acts"))
        .join(_acts(tables), on="regime_id")
        .filter(
            (pl.col("_from").is_null() | (pl.col("_from") <= pl.col("_first")))
            & (pl.col("_to").is_null() | (pl.col("_to") > pl.col("_last")))
        )
    )
    targets = (
        _reach(tables)
        .filter(pl.col("through") == "target")
        .select("regime_id", "target", "through")
    )
    of_links = (
        links.filter(pl.col("_event_first").is_not_null())
        .join(targets, on="regime_id")
        .with_columns(pl.col("_event_first").alias("_first"), pl.col("_event_last").alias("_last"))
    )
    return pl.concat([of_regimes.select(_EVENT_COLUMNS), of_links.select(_EVENT_COLUMNS)])


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

    With ``keep=True`` (a Dataset's) each frame (and the matrices of votes) is
    collected at its first use and kept; otherwise each is a plan, computed when the
    query's result is collected.

    Args:
        tables: A dataset's tables.
        keep: Collect each derived frame once and keep it.

    >>> from sanctions_tracker.dataset import Dataset
    >>> Prepared(Dataset().tables).signatures().collect().height
    0
    """

    __slots__ = ("_kept", "_matrices", "keep", "tables")

    def __init__(self, tables: Tables, *, keep: bool = False) -> None:
        self.tables = tables
        self.keep = keep
        self._kept: dict[str, pl.DataFrame] = {}
        self._matrices: VoteMatrices | None = None

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

    def vote_matrices(self) -> VoteMatrices:
        """Every country's position on every document, as matrices of documents (by
        date) x countries: see :mod:`sanctions_tracker.queries._vote_matrices`."""
        if not self.keep:
            return vote_matrices(self.tables)
        if self._matrices is None:
            self._matrices = vote_matrices(self.tables)
        return self._matrices

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


def _supports() -> pl.Expr:
    """A signature that signs the text: on a roll call, a vote for (a vote against, an
    abstention or an absence is no signature); any other signature is one."""
    return pl.col("vote").fill_null("for") == "for"


def _counted(signatures: pl.LazyFrame, when: _When, *, expand_blocs: bool) -> pl.LazyFrame:
    """The signatures that count: in force on ``as_of``, or at some time in the window.

    In a window a signature counts when it is known by ``until`` and not withdrawn by
    ``since``. A party that counts twice (its own and its bloc's signature) keeps its own.
    On a roll call only a vote for counts as signing: a vote against, an abstention or
    an absence is no signature of the text.
    """
    signatures = signatures.filter(_supports())
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


def _participants(
    frames: Prepared,
    day: dt.date,
    switches: Switches,
    *,
    regimes: Iterable[str] | None = None,
    targeted: bool = True,
) -> pl.LazyFrame:
    """Who takes part in which regime in force on ``day``: party_kind, party, target,
    route, through, regime_id. ``targeted``: against a target (else the regime as such)."""
    keep = (
        (pl.col("_from").is_null() | (pl.col("_from") <= day))
        & (pl.col("_to").is_null() | (pl.col("_to") > day))
        & switches.keep()
    )
    keep &= pl.col("through") != "regime" if targeted else pl.col("through") == "regime"
    if regimes is not None:
        keep &= pl.col("regime_id").is_in(list(regimes))
    return (
        frames.spans()
        .filter(keep)
        .select("party_kind", "party", "target", "route", "through", "regime_id")
    )


def _responses(
    frames: Prepared, switches: Switches, *, regimes: Iterable[str] | None = None
) -> pl.LazyFrame:
    """Every dated sanctions act against a target, per party: party_kind, party, target,
    route, through, regime_id, ``_first`` and ``_last`` (the act's interval)."""
    keep = switches.keep()
    if regimes is not None:
        keep &= pl.col("regime_id").is_in(list(regimes))
    return frames.events().filter(keep)


def _routes_of(frame: pl.LazyFrame, keys: Sequence[str]) -> pl.LazyFrame:
    """Per ``keys``: the routes (and ``designations`` where a thematic regime's listings
    reach the target), the regimes, and the first day of ``_first``."""
    return (
        frame.group_by(*keys)
        .agg(
            pl.col("route").unique().alias("routes"),
            (pl.col("through") == "designations").any().alias("_listed"),
            pl.col("regime_id").unique().sort().alias("regimes"),
            pl.col("_first").min().alias("first_on"),
        )
        .with_columns(
            pl.when(pl.col("_listed"))
            .then(pl.col("routes").list.concat(pl.lit(["designations"])))
            .otherwise(pl.col("routes"))
            .list.sort()
            .alias("routes")
        )
        .drop("_listed")
    )
