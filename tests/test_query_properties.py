"""Properties of the questions: every polars result equals the plain-Python oracle's, and
the query algebra holds.

The datasets come from a strategy made for queries: a small pool of countries (EU
members, the United Kingdom around its exit, others) and a few targets (Crimea among
them, a region of Ukraine), so that signatures, bloc memberships, alignments,
withdrawals, lifted and undated regimes, thematic regimes and their listings, regimes
with several targets, regimes of the UN Security Council and partial dates meet often.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import oracle
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_tracker import blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.records import (
    ACTION_KINDS,
    UN_SECURITY_COUNCIL,
    Alignment,
    Designation,
    JointStatement,
    Organization,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)

POOL = ("FR", "DE", "PL", "GB", "JP", "CA", "UA", "NO")
TARGETS = ("BY", "RU", "UA")
#: What a regime targets: one country, several, a region (Crimea) with or without a
#: country, or nothing (a thematic regime).
REGIME_TARGETS: tuple[tuple[str, ...], ...] = (
    ("BY",),
    ("BY",),
    ("RU",),
    ("BY", "RU"),
    ("UA-43",),
    ("RU", "UA-43"),
    (),
    (),
)
EU = blocs.get("EU")
START = dt.date(2019, 6, 1)
SPAN = 900  # days: to late 2021, across the UK's exit from the EU
END = START + dt.timedelta(days=SPAN)


def _day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def _partial(day: dt.date, precision: str) -> PartialDate:
    """The year, month or day that holds ``day``."""
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.of(day)


# Each example validates a fresh dataset (tens of milliseconds), so these properties run
# half the active profile's examples (30 under "ci").
fewer = settings(max_examples=max(30, settings().max_examples // 2))
days = st.integers(0, SPAN).map(_day)
precisions = st.sampled_from(["day", "day", "month", "year"])


@st.composite
def _partial_from(draw: st.DrawFn, low: dt.date, high: dt.date) -> PartialDate:
    """A partial date whose interval holds a day between ``low`` and ``high``."""
    offset = draw(st.integers(0, max(0, (high - low).days)))
    return _partial(low + dt.timedelta(days=offset), draw(precisions))


@st.composite
def _nordic(draw: st.DrawFn) -> Bloc:
    members = []
    for country in draw(st.lists(st.sampled_from(POOL), unique=True, max_size=3)):
        joined = draw(days)
        left = draw(st.one_of(st.none(), st.integers(1, 400)))
        members.append(
            Membership(country, joined, None if left is None else joined + dt.timedelta(days=left))
        )
    return Bloc("NORDIC", "Nordic", members)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    """A small valid dataset with blocs, memberships that start and end, alignments,
    withdrawals, lifted regimes and partial dates."""
    nordic = draw(_nordic())
    statements = []
    for index in range(draw(st.integers(1, 3))):
        date = draw(_partial_from(START, END))
        subject = draw(st.sampled_from((*TARGETS, TARGETS[0], None)))
        parties = draw(st.lists(st.sampled_from((*POOL, "EU", "NORDIC")), unique=True, max_size=6))
        signatures = []
        for party in parties:
            signed_on = draw(st.one_of(st.none(), _partial_from(date.first, END)))
            start = (signed_on or date).first
            withdrawn = draw(st.one_of(st.none(), st.none(), _partial_from(start, END)))
            vote = draw(st.sampled_from(["for", "for", "abstain", "against", "absent"]))
            who: Any = {"NORDIC": nordic, "EU": EU}.get(party) or Country(party)
            signatures.append(Signature(who, signed_on, withdrawn, vote))
        subject_country = None if subject is None else Country(subject)
        statements.append(JointStatement(f"d{index}", "D", date, subject_country, signatures))
    regimes, actions, alignments, designations = [], [], [], []
    for index in range(draw(st.integers(0, 3))):
        authority = draw(st.sampled_from((*POOL, "EU", "EU", "NORDIC", "UNSC")))
        targets = draw(st.sampled_from(REGIME_TARGETS))
        established = draw(st.one_of(st.none(), _partial_from(START, END)))
        low = established.first if established is not None else START
        lifted = draw(st.one_of(st.none(), st.none(), _partial_from(low, END)))
        high = lifted.last if lifted is not None else END
        high = min(high, END)
        regime_id = f"r{index}"
        imposer: Any = {"NORDIC": nordic, "EU": EU, "UNSC": UN_SECURITY_COUNCIL}.get(
            authority
        ) or Country(authority)
        regimes.append(
            SanctionsRegime(
                regime_id,
                "R",
                imposer,
                established_on=established,
                lifted_on=lifted,
                targets=targets,
            )
        )
        for _ in range(draw(st.integers(0, 2))):
            actions.append(
                SanctionsAction(
                    regime_id, draw(_partial_from(low, high)), draw(st.sampled_from(ACTION_KINDS))
                )
            )
        for number in range(draw(st.integers(0, 3))):
            listed = draw(st.one_of(st.none(), _partial_from(low, high)))
            delisted = None
            if listed is not None:
                delisted = draw(st.one_of(st.none(), _partial_from(listed.first, END)))
            own = draw(st.one_of(st.none(), st.sampled_from(TARGETS)))
            more = draw(st.lists(st.sampled_from(TARGETS), unique=True, max_size=2))
            designee: Any = draw(
                st.sampled_from(
                    (Person(f"p{number}", nationality=own), Organization(f"o{number}", own))
                )
            )
            designations.append(
                Designation(
                    f"{regime_id}-d{number}",
                    regime_id,
                    designee,
                    listed,
                    delisted,
                    nationalities=more,
                )
            )
        for country in draw(st.lists(st.sampled_from(POOL), unique=True, max_size=2)):
            aligned = draw(_partial_from(low, high))
            ended = draw(st.one_of(st.none(), _partial_from(aligned.first, END)))
            alignments.append(Alignment(Country(country), regime_id, aligned, ended_on=ended))
    return Dataset(
        statements=statements,
        regimes=regimes,
        actions=actions,
        designations=designations,
        alignments=alignments,
        blocs=[nordic],
    )


switches = st.fixed_dictionaries(
    {
        "via_blocs": st.booleans(),
        "via_alignment": st.booleans(),
        "via_designations": st.booleans(),
        "via_un": st.booleans(),
        "expand_blocs": st.booleans(),
    }
)
#: The route switches alone (for the queries without expand_blocs).
routes = st.fixed_dictionaries(
    {
        "via_blocs": st.booleans(),
        "via_alignment": st.booleans(),
        "via_designations": st.booleans(),
        "via_un": st.booleans(),
    }
)


def _subject_documents(ds: Dataset) -> list[str]:
    return [d.id for d in ds.documents if d.subject is not None]


@st.composite
def windows(draw: st.DrawFn) -> dict[str, Any]:
    """since/until, either open."""
    since = draw(st.one_of(st.none(), days))
    until = draw(st.one_of(st.none(), days))
    if since is not None and until is not None and since > until:
        since, until = until, since
    if since is None and until is None:
        until = END
    return {"since": since, "until": until}


def _sns_rows(frame: pl.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in frame.select("country", "party_kind", "signed_on", "via").rows()]


# -- polars == oracle --------------------------------------------------------------------------


@fewer
@given(datasets(), days, switches)
def test_signed_not_sanctioned_status_matches_oracle(
    ds: Dataset, day: dt.date, flags: dict[str, Any]
) -> None:
    """Status on a day: the polars answer is the oracle's, for every document."""
    expected = {
        d: oracle.signed_not_sanctioned(ds, d, as_of=day, **flags) for d in _subject_documents(ds)
    }
    actual = {
        d: _sns_rows(ds.signed_not_sanctioned(d, as_of=day, **flags))
        for d in _subject_documents(ds)
    }
    assert expected == actual


@fewer
@given(datasets(), windows(), switches)
def test_signed_not_sanctioned_window_matches_oracle(
    ds: Dataset, window: dict[str, Any], flags: dict[str, Any]
) -> None:
    """Response in a window: the polars answer is the oracle's, for every document."""
    documents = [
        d
        for d in ds.documents
        if d.subject is not None
        and (window["until"] is None or (window["since"] or d.date.first) <= window["until"])
    ]
    expected = {d.id: oracle.signed_not_sanctioned(ds, d.id, **window, **flags) for d in documents}
    actual = {d.id: _sns_rows(ds.signed_not_sanctioned(d.id, **window, **flags)) for d in documents}
    assert expected == actual


@fewer
@given(datasets(), days, switches)
def test_sanctioned_not_signed_status_matches_oracle(
    ds: Dataset, day: dt.date, flags: dict[str, Any]
) -> None:
    """Status on a day: who takes part without a signature, with routes and regimes."""
    expected = {
        d: oracle.sanctioned_not_signed(ds, d, as_of=day, **flags) for d in _subject_documents(ds)
    }
    actual = {
        d: ds.sanctioned_not_signed(d, as_of=day, **flags).drop("name").rows()
        for d in _subject_documents(ds)
    }
    assert expected == actual


@fewer
@given(datasets(), windows(), switches)
def test_sanctioned_not_signed_window_matches_oracle(
    ds: Dataset, window: dict[str, Any], flags: dict[str, Any]
) -> None:
    """Response in a window: who acted without a signature, and the first act's day."""
    documents = [
        d
        for d in ds.documents
        if d.subject is not None
        and (window["until"] is None or (window["since"] or d.date.first) <= window["until"])
    ]
    expected = {d.id: oracle.sanctioned_not_signed(ds, d.id, **window, **flags) for d in documents}
    actual = {
        d.id: ds.sanctioned_not_signed(d.id, **window, **flags).drop("name").rows()
        for d in documents
    }
    assert expected == actual


@fewer
@given(datasets(), days, switches)
def test_bulk_form_matches_oracle(ds: Dataset, day: dt.date, flags: dict[str, Any]) -> None:
    """The bulk form for every document is the oracle's, row for row."""
    expected = oracle.signed_not_sanctioned_all(ds, as_of=day, **flags)
    actual = ds.signed_not_sanctioned_all(as_of=day, **flags).select(
        "document_id", "country", "party_kind", "signed_on", "via"
    )
    assert expected == actual.rows()


@fewer
@given(datasets(), windows(), switches)
def test_bulk_window_form_matches_oracle(
    ds: Dataset, window: dict[str, Any], flags: dict[str, Any]
) -> None:
    """The bulk form in a window, each document from its own date when since is open."""
    expected = [
        row
        for row in oracle.signed_not_sanctioned_all(ds, **window, **flags)
        if window["until"] is None
        or (window["since"] or next(d for d in ds.documents if d.id == row[0]).date.first)
        <= window["until"]
    ]
    actual = ds.signed_not_sanctioned_all(**window, **flags).select(
        "document_id", "country", "party_kind", "signed_on", "via"
    )
    assert expected == actual.rows()


@fewer
@given(datasets(), days, st.sampled_from((*TARGETS, "UA-43")), routes)
def test_participation_matches_oracle(
    ds: Dataset, day: dt.date, target: str, flags: dict[str, Any]
) -> None:
    """Every participating country, its routes and regimes, as the oracle finds them
    (for a region as for a country)."""
    expected = oracle.participation(ds, target, day, **flags)
    actual = ds.participation(target, as_of=day, **flags)
    assert expected == actual.drop("name").rows()


@fewer
@given(datasets(), days)
def test_matrix_matches_oracle(ds: Dataset, day: dt.date) -> None:
    """Every cell of the matrix has the oracle's status."""
    expected = oracle.matrix(ds, day)
    actual = set(
        ds.matrix(as_of=day).select("document_id", "country", "party_kind", "status").rows()
    )
    assert expected == actual


@fewer
@given(datasets(), st.booleans())
def test_response_lag_matches_oracle(ds: Dataset, expand_blocs: bool) -> None:
    """Each signature's first act after it, and the lag in days."""
    columns = [
        "country", "party_kind", "via", "signed_on", "first_act_on", "regimes", "lag_days"
    ]  # fmt: skip
    expected = {
        d: oracle.response_lag(ds, d, expand_blocs=expand_blocs) for d in _subject_documents(ds)
    }
    actual = {
        d: ds.response_lag(d, expand_blocs=expand_blocs).select(columns).rows()
        for d in _subject_documents(ds)
    }
    assert expected == actual


@fewer
@given(datasets())
def test_agreement_matches_oracle(ds: Dataset) -> None:
    """Jaccard and vote agreement of every pair, as the oracle counts them."""
    expected = [
        (
            a,
            b,
            co,
            either,
            None if j is None else round(j, 9),
            both,
            None if v is None else round(v, 9),
        )
        for a, b, co, either, j, both, v in oracle.agreement(ds)
    ]
    actual = ds.agreement().with_columns(pl.col("jaccard", "vote_agreement").round(9)).rows()
    assert expected == actual


@fewer
@given(datasets(), days, days)
def test_agreement_in_a_period_matches_oracle(ds: Dataset, one: dt.date, two: dt.date) -> None:
    """Agreement over the documents dated inside a period, as the oracle counts it."""
    since, until = min(one, two), max(one, two)
    expected = [
        (a, b, co, either, None if j is None else round(j, 9), both,
         None if v is None else round(v, 9))
        for a, b, co, either, j, both, v in oracle.agreement(ds, since=since, until=until)
    ]  # fmt: skip
    actual = (
        ds.agreement(since=since, until=until)
        .with_columns(pl.col("jaccard", "vote_agreement").round(9))
        .rows()
    )
    assert expected == actual


@fewer
@given(datasets(), days, days, st.data())
def test_agreement_on_some_documents_in_a_period_matches_oracle(
    ds: Dataset, one: dt.date, two: dt.date, data: st.DataObject
) -> None:
    """Agreement over some documents inside a period, asked twice of one dataset (the
    second time from the matrices it keeps), as the oracle counts it."""
    since, until = min(one, two), max(one, two)
    ids = [d.id for d in ds.documents]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True) if ids else st.just([]))
    expected = [
        (a, b, co, either, None if j is None else round(j, 9), both,
         None if v is None else round(v, 9))
        for a, b, co, either, j, both, v in oracle.agreement(
            ds, chosen, since=since, until=until
        )
    ]  # fmt: skip
    for _ in range(2):
        actual = (
            ds.agreement(chosen, since=since, until=until)
            .with_columns(pl.col("jaccard", "vote_agreement").round(9))
            .rows()
        )
        assert expected == actual


@fewer
@given(datasets(), days)
def test_bloc_cohesion_matches_oracle(ds: Dataset, day: dt.date) -> None:
    """Members and participants per document and per regime, for the EU and a user bloc."""
    expected = [oracle.bloc_cohesion(ds, bloc, day) for bloc in ("EU", "NORDIC")]
    actual = [
        ds.bloc_cohesion(bloc, as_of=day)
        .select("kind", "id", "on", "members", "participants")
        .rows()
        for bloc in ("EU", "NORDIC")
    ]
    assert expected == actual


# -- the algebra ----------------------------------------------------------------------------


@fewer
@given(datasets(), days)
def test_signed_splits_into_sanctioned_and_not(ds: Dataset, day: dt.date) -> None:
    """Signed = (signed and sanctioned) + (signed and not sanctioned), the two disjoint."""
    for document in _subject_documents(ds):
        cells = ds.matrix([document], as_of=day)
        signed = set(cells.filter(pl.col("signed"))["country"])
        both = set(cells.filter(pl.col("status") == "both")["country"])
        only = set(ds.signed_not_sanctioned(document, as_of=day)["country"])
        assert (signed, set()) == (both | only, both & only)


@fewer
@given(datasets(), days)
def test_matrix_counts_agree_with_single_queries(ds: Dataset, day: dt.date) -> None:
    """The matrix's signed-only and sanctioned-only counts are the single queries' sizes."""
    summary = {row[0]: row for row in ds.matrix_summary(as_of=day).rows()}
    cells = ds.matrix(as_of=day)
    for document in _subject_documents(ds):
        sanctioned_countries = cells.filter(
            (pl.col("document_id") == document)
            & (pl.col("status") == "sanctioned")
            & (pl.col("party_kind") == "country")
        ).height
        expected = (
            ds.signed_not_sanctioned(document, as_of=day).height,
            ds.sanctioned_not_signed(document, as_of=day).height,
        )
        assert expected == (summary[document][2], sanctioned_countries)


@fewer
@given(datasets())
def test_moving_past_a_withdrawal_removes_exactly_that_signature(ds: Dataset) -> None:
    """The day a signature's withdrawal is known, that party alone leaves the signed set
    (a vote other than for is never in it)."""
    for document in ds.documents:
        if document.subject is None:
            continue
        for signature in document.signatures:
            party = oracle.party_of(signature)
            withdrawn = signature.withdrawn_on
            if party is None or withdrawn is None or signature.vote != "for":
                continue
            day = withdrawn.last
            before = day - dt.timedelta(days=1)
            if (signature.signed_on or document.date).last > before:
                continue
            cells_before = ds.matrix([document.id], as_of=before).filter(pl.col("signed"))
            cells_after = ds.matrix([document.id], as_of=day).filter(pl.col("signed"))
            was = set(cells_before.select("party_kind", "country").rows())
            now = set(cells_after.select("party_kind", "country").rows())
            others = {
                oracle.party_of(s)
                for s in document.signatures
                if s is not signature
                and s.vote == "for"
                and oracle.party_of(s) is not None
                and oracle.counts_on(document, s, before) != oracle.counts_on(document, s, day)
            }
            expected = {party} | others
            assert expected == was ^ now
