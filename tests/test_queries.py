"""The questions, by example: the Belarus 2020 answers, each mode, switch and error.

The Belarus answers are those of ../shared/facts/belarus-2020.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl
import pytest

import sanctions_tracker as st
from sanctions_tracker import datasets, queries
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.records import (
    Alignment,
    JointStatement,
    Letter,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)

SEP = "by-2020-09-17-internet-shutdowns"
OCT = "by-2020-10-26-un-human-rights"
LETTER = "by-2020-security-forces-letter"


@pytest.fixture(scope="module")
def belarus() -> Dataset:
    """The built-in Belarus dataset."""
    return datasets.belarus_2020()


def _codes(*names: str) -> list[str]:
    return sorted(st.resolve_country(name).code for name in names)


def _countries(frame: pl.DataFrame) -> list[str]:
    return list(frame["country"])


# -- the Belarus answers ----------------------------------------------------------------------


def test_belarus_signed_september_but_no_action_by_year_end(belarus: Dataset) -> None:
    """Australia and Japan signed on 17 September and took no action to 31 December."""
    actual = belarus.signed_not_sanctioned(SEP, since="2020-09-17", until="2020-12-31")
    assert _codes("Australia", "Japan") == _countries(actual)


def test_belarus_participated_but_did_not_sign_september(belarus: Dataset) -> None:
    """Eleven countries took part on 31 December without signing on 17 September."""
    expected = _codes(
        "Albania", "Croatia", "Hungary", "Italy", "Malta", "Montenegro", "North Macedonia",
        "Portugal", "Romania", "Slovakia", "Spain",
    )  # fmt: skip
    assert expected == _countries(belarus.sanctioned_not_signed(SEP, as_of="2020-12-31"))


def test_belarus_signed_october_but_did_not_participate(belarus: Dataset) -> None:
    """Fourteen signatories of 26 October took no part in sanctions on 31 December."""
    expected = _codes(
        "Australia", "Bosnia and Herzegovina", "Brazil", "Chile", "Costa Rica", "Israel",
        "Japan", "Liberia", "Marshall Islands", "Monaco", "New Zealand", "KR", "Serbia",
        "Somalia",
    )  # fmt: skip
    assert expected == _countries(belarus.signed_not_sanctioned(OCT, as_of="2020-12-31"))


def test_belarus_uk_never_counts_through_the_eu_after_january_2020(belarus: Dataset) -> None:
    """After 2020-01-31 the United Kingdom takes part only by its own regime."""
    routes = [
        route
        for day in ("2020-02-01", "2020-06-30", "2020-12-31")
        for row in belarus.participation("BY", as_of=day)
        .filter(pl.col("country") == "GB")
        .rows(named=True)
        for route in row["routes"]
    ]
    assert "bloc" not in routes


def test_belarus_uk_counts_through_the_eu_on_its_last_day(belarus: Dataset) -> None:
    """On 2020-01-31 the United Kingdom is still an EU member, and takes part through it."""
    uk = belarus.participation("BY", as_of="2020-01-31").filter(pl.col("country") == "GB")
    assert "bloc" in uk["routes"].to_list()[0]


def test_belarus_eu_signs_as_itself_and_sanctions_as_itself(belarus: Dataset) -> None:
    """The EU's own signature of 26 October is met by its own regime, so it is not listed."""
    actual = belarus.signed_not_sanctioned(OCT, as_of="2020-12-31")
    assert "EU" not in _countries(actual)


def test_belarus_alignment_is_the_route_of_the_western_balkans(belarus: Dataset) -> None:
    """North Macedonia takes part on 31 December by its alignment with EU-BLR."""
    mk = belarus.participation("BY", as_of="2020-12-31").filter(pl.col("country") == "MK")
    expected = [(["alignment"], ["EU-BLR"])]
    assert expected == mk.select("routes", "regimes").rows()


def test_belarus_response_lag_of_canada(belarus: Dataset) -> None:
    """Canada signed on 17 September and its regime came into force on 28 September
    (SOR/2020-214): eleven days."""
    lag = belarus.response_lag(SEP).filter(pl.col("country") == "CA")
    expected = [11]
    assert expected == lag["lag_days"].to_list()


def test_belarus_response_lag_of_japan_is_null(belarus: Dataset) -> None:
    """Japan took no action after signing, so it has no lag."""
    lag = belarus.response_lag(SEP).filter(pl.col("country") == "JP")
    expected = [None]
    assert expected == lag["lag_days"].to_list()


def test_belarus_matrix_counts_agree_with_the_single_queries(belarus: Dataset) -> None:
    """The matrix's signed-only and sanctioned-only cells are the two single queries."""
    cells = belarus.matrix([SEP, OCT], as_of="2020-12-31")
    actual = {
        doc: (
            cells.filter((pl.col("document_id") == doc) & (pl.col("status") == "signed")).height,
            cells.filter(
                (pl.col("document_id") == doc)
                & (pl.col("status") == "sanctioned")
                & (pl.col("party_kind") == "country")
            ).height,
        )
        for doc in (SEP, OCT)
    }
    expected = {
        doc: (
            belarus.signed_not_sanctioned(doc, as_of="2020-12-31").height,
            belarus.sanctioned_not_signed(doc, as_of="2020-12-31").height,
        )
        for doc in (SEP, OCT)
    }
    assert expected == actual


def test_belarus_eu_cohesion_on_the_september_statement(belarus: Dataset) -> None:
    """Nineteen of the 27 EU members signed the 17 September statement themselves."""
    cohesion = belarus.bloc_cohesion("EU", documents=[SEP])
    expected = [(27, 19)]
    assert expected == cohesion.select("members", "participants").rows()


def test_belarus_single_query_names_the_country(belarus: Dataset) -> None:
    """Rows carry the country's name beside its code."""
    actual = belarus.signed_not_sanctioned(SEP, since="2020-09-17", until="2020-12-31")
    expected = ["Australia", "Japan"]
    assert expected == actual["name"].to_list()


def test_belarus_bulk_form_matches_the_single_query(belarus: Dataset) -> None:
    """The bulk form, filtered to one document, is the single query."""
    bulk = belarus.signed_not_sanctioned_all(as_of="2020-12-31")
    single = belarus.signed_not_sanctioned(OCT, as_of="2020-12-31")
    assert single.equals(bulk.filter(pl.col("document_id") == OCT).drop("document_id"))


def test_belarus_letter_without_named_signatories_has_no_rows(belarus: Dataset) -> None:
    """An anonymous letter has nobody who signed without sanctioning."""
    expected = 0
    assert expected == belarus.signed_not_sanctioned(LETTER, as_of="2020-12-31").height


# -- modes and defaults ---------------------------------------------------------------------


def _small(
    statement: JointStatement | None = None,
    *,
    regimes: Sequence[SanctionsRegime] = (),
    actions: Sequence[SanctionsAction] = (),
    alignments: Sequence[Alignment] = (),
    blocs: Sequence[Bloc] = (),
) -> Dataset:
    """One statement on Belarus (by default signed by Japan and Canada), and what a test adds."""
    if statement is None:
        statement = JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP", "CA"])
    return Dataset(
        statements=[statement],
        regimes=regimes,
        actions=actions,
        alignments=alignments,
        blocs=blocs,
    )


def test_default_is_status_today(belarus: Dataset) -> None:
    """With no date, the query gives the status today."""
    today = dt.date.today().isoformat()
    assert belarus.signed_not_sanctioned(OCT, as_of=today).equals(
        belarus.signed_not_sanctioned(OCT)
    )


def test_open_since_is_the_document_date(belarus: Dataset) -> None:
    """A window with only until starts on the document's date."""
    assert belarus.signed_not_sanctioned(SEP, since="2020-09-17", until="2020-12-31").equals(
        belarus.signed_not_sanctioned(SEP, until="2020-12-31")
    )


def test_target_overrides_the_subject() -> None:
    """target= asks about another country than the document's subject."""
    ds = _small(regimes=[SanctionsRegime("CA-RUS", "CA", "CA", "RU", established_on="2004")])
    expected = ["JP"]
    assert expected == _countries(ds.signed_not_sanctioned("s", as_of="2020-12-31", target="RU"))


def test_no_subject_needs_a_target() -> None:
    """A document without a subject and no target is our QueryError."""
    ds = _small(statement=JointStatement("s", "S", "2020-09-17", signatures=["JP"]))
    with pytest.raises(st.QueryError, match="target="):
        ds.signed_not_sanctioned("s", as_of="2020-12-31")


def test_unknown_document_is_a_key_error() -> None:
    """An unknown document id is our UnknownDocumentError, a KeyError."""
    with pytest.raises(KeyError, match="unknown document 'nope'"):
        _small().signed_not_sanctioned("nope")


def test_bad_date_is_a_query_error() -> None:
    """A date that is not a day names the argument."""
    with pytest.raises(st.QueryError, match="as_of: '2020-13-01' is not a date: month 13"):
        _small().signed_not_sanctioned("s", as_of="2020-13-01")


def test_partial_cut_off_is_refused() -> None:
    """A cut-off must be a day, not a month."""
    with pytest.raises(st.QueryError, match="until: '2020-12' is not a day: a month is not enough"):
        _small().sanctioned_not_signed("s", until="2020-12")


def test_as_of_and_window_together_are_refused() -> None:
    """as_of and since/until are two modes; both at once is an error."""
    with pytest.raises(st.QueryError, match="not both"):
        _small().signed_not_sanctioned("s", as_of="2020-12-31", since="2020-09-17")


def test_reversed_window_is_refused() -> None:
    """since after until is an error."""
    with pytest.raises(st.QueryError, match="after until"):
        _small().signed_not_sanctioned("s", since="2020-12-31", until="2020-09-17")


def test_until_before_the_document_is_refused() -> None:
    """An open since (the document's date) after until is an error."""
    with pytest.raises(st.QueryError, match="before the document's date"):
        _small().signed_not_sanctioned("s", until="2020-09-01")


def test_unknown_target_is_a_query_error() -> None:
    """A target that names no country is an error naming the argument."""
    with pytest.raises(st.QueryError, match="target='Atlantis'"):
        _small().signed_not_sanctioned("s", as_of="2020-12-31", target="Atlantis")


# -- the rules of the day ---------------------------------------------------------------------


def test_withdrawn_signature_stops_counting_on_its_day() -> None:
    """A signature withdrawn on a day no longer counts that day."""
    ds = _small(
        statement=JointStatement(
            "s", "S", "2020-09-17", "BY", signatures=[Signature("JP", withdrawn_on="2020-10-01")]
        )
    )
    before = _countries(ds.signed_not_sanctioned("s", as_of="2020-09-30"))
    after = _countries(ds.signed_not_sanctioned("s", as_of="2020-10-01"))
    expected: tuple[list[str], list[str]] = (["JP"], [])
    assert expected == (before, after)


def test_late_signature_counts_from_its_own_date() -> None:
    """A signature made after the document counts from the day it was made."""
    ds = _small(
        statement=JointStatement(
            "s", "S", "2020-09-17", "BY", signatures=[Signature("JP", signed_on="2020-11-01")]
        )
    )
    before = _countries(ds.signed_not_sanctioned("s", as_of="2020-10-31"))
    after = _countries(ds.signed_not_sanctioned("s", as_of="2020-11-01"))
    expected: tuple[list[str], list[str]] = ([], ["JP"])
    assert expected == (before, after)


def test_month_precise_regime_counts_once_the_month_is_over() -> None:
    """A regime established in "2020-12" is in force on 2020-12-31 but not on 2020-12-15."""
    ds = _small(regimes=[SanctionsRegime("JP-BLR", "JP", "JP", "BY", established_on="2020-12")])
    mid = _countries(ds.sanctioned_not_signed("s", as_of="2020-12-15", target="BY"))
    end = _countries(ds.signed_not_sanctioned("s", as_of="2020-12-31"))
    expected: tuple[list[str], list[str]] = ([], ["CA"])
    assert expected == (mid, end)


def test_lifted_regime_no_longer_counts() -> None:
    """A regime lifted on a day no longer makes its authority a participant that day."""
    ds = _small(
        regimes=[
            SanctionsRegime(
                "CA-BLR", "CA", "CA", "BY", established_on="2020-01-01", lifted_on="2020-10-01"
            )
        ]
    )
    before = _countries(ds.signed_not_sanctioned("s", as_of="2020-09-30"))
    after = _countries(ds.signed_not_sanctioned("s", as_of="2020-10-01"))
    expected = (["JP"], ["CA", "JP"])
    assert expected == (before, after)


def test_ended_alignment_no_longer_counts() -> None:
    """An alignment that has ended no longer makes the country a participant."""
    ds = _small(
        regimes=[SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004")],
        alignments=[Alignment("JP", "EU-BLR", "2020-10-01", ended_on="2020-11-01")],
    )
    during = _countries(ds.signed_not_sanctioned("s", as_of="2020-10-15"))
    after = _countries(ds.signed_not_sanctioned("s", as_of="2020-11-01"))
    expected = (["CA"], ["CA", "JP"])
    assert expected == (during, after)


def test_month_precise_act_is_inside_a_window_only_as_a_whole() -> None:
    """An act dated "2020-12" lies inside a window to 2020-12-31 but not one to 2020-12-30."""
    ds = _small(
        regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY")],
        actions=[SanctionsAction("CA-BLR", "2020-12", "amend")],
    )
    short = _countries(ds.signed_not_sanctioned("s", until="2020-12-30"))
    full = _countries(ds.signed_not_sanctioned("s", until="2020-12-31"))
    expected = (["CA", "JP"], ["JP"])
    assert expected == (short, full)


def test_lifting_is_not_a_response() -> None:
    """Lifting a regime inside the window is not a sanctions response."""
    ds = _small(
        regimes=[SanctionsRegime("CA-BLR", "CA", "CA", "BY")],
        actions=[SanctionsAction("CA-BLR", "2020-10-01", "lift")],
    )
    expected = ["CA", "JP"]
    assert expected == _countries(ds.signed_not_sanctioned("s", until="2020-12-31"))


# -- the switches -----------------------------------------------------------------------------


def test_via_blocs_off_leaves_out_bloc_members() -> None:
    """Without via_blocs, EU membership does not make a country a participant."""
    ds = _small(
        statement=JointStatement("s", "S", "2020-09-17", "BY", signatures=["FR"]),
        regimes=[SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004")],
    )
    on = _countries(ds.signed_not_sanctioned("s", as_of="2020-12-31"))
    off = _countries(ds.signed_not_sanctioned("s", as_of="2020-12-31", via_blocs=False))
    expected: tuple[list[str], list[str]] = ([], ["FR"])
    assert expected == (on, off)


def test_via_alignment_off_leaves_out_aligned_countries() -> None:
    """Without via_alignment, an alignment does not make a country a participant."""
    ds = _small(
        regimes=[SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004")],
        alignments=[Alignment("JP", "EU-BLR", "2020-10-01")],
    )
    off = _countries(ds.signed_not_sanctioned("s", as_of="2020-12-31", via_alignment=False))
    expected = ["CA", "JP"]
    assert expected == off


def test_bloc_signatory_counts_as_itself_without_expand_blocs() -> None:
    """With expand_blocs=False, a bloc that signs and imposes nothing is listed alone."""
    ds = _small(statement=JointStatement("s", "S", "2020-09-17", "BY", signatures=["EU"]))
    actual = ds.signed_not_sanctioned("s", as_of="2020-12-31", expand_blocs=False)
    expected = [("EU", "bloc")]
    assert expected == actual.select("country", "party_kind").rows()


def test_a_bloc_signature_counts_for_its_members_by_default() -> None:
    """By default a bloc's signature counts for the bloc and its members on the signing day."""
    nordic = Bloc(
        "NORDIC", "Nordic", [Membership("DK", "2000-01-01"), Membership("SE", "2021-01-01")]
    )
    ds = _small(
        statement=JointStatement("s", "S", "2020-09-17", "BY", signatures=[nordic]),
        blocs=[nordic],
    )
    actual = ds.signed_not_sanctioned("s", as_of="2020-12-31")
    expected = [("DK", "NORDIC"), ("NORDIC", None)]
    assert expected == actual.select("country", "via").rows()


def test_members_of_a_signing_bloc_are_not_listed_as_not_signing() -> None:
    """By default a member whose bloc signed is not sanctioned-not-signed; off, it is."""
    ds = _small(
        statement=JointStatement("s", "S", "2020-09-17", "BY", signatures=["EU"]),
        regimes=[SanctionsRegime("FR-BLR", "FR", "FR", "BY", established_on="2004")],
    )
    default = _countries(ds.sanctioned_not_signed("s", as_of="2020-12-31"))
    alone = _countries(ds.sanctioned_not_signed("s", as_of="2020-12-31", expand_blocs=False))
    expected: tuple[list[str], list[str]] = ([], ["FR"])
    assert expected == (default, alone)


def test_a_non_member_that_sanctions_is_still_listed_when_a_bloc_signs() -> None:
    """The bloc's signature covers its members only: a non-member that sanctions is listed."""
    ds = _small(
        statement=JointStatement("s", "S", "2020-09-17", "BY", signatures=["EU"]),
        regimes=[
            SanctionsRegime("EU-BLR", "EU", "EU", "BY", established_on="2004"),
            SanctionsRegime("CA-BLR", "CA", "CA", "BY", established_on="2020-09-28"),
        ],
    )
    expected = ["CA"]
    assert expected == _countries(ds.sanctioned_not_signed("s", as_of="2020-12-31"))


# -- the other questions --------------------------------------------------------------------


def test_agreement_scores_abstention_as_half() -> None:
    """One shared vote and one abstention against a vote for: 0.75."""
    ds = Dataset(
        statements=[
            JointStatement("a", "A", "2020", signatures=["FR", "DE"]),
            JointStatement("b", "B", "2021", signatures=["FR", Signature("DE", vote="abstain")]),
        ]
    )
    expected = [(0.5, 0.75)]
    assert expected == ds.agreement().select("jaccard", "vote_agreement").rows()


def test_agreement_opposite_votes_score_zero() -> None:
    """A vote for against a vote against scores 0."""
    ds = Dataset(
        statements=[
            JointStatement("a", "A", "2020", signatures=["FR", Signature("DE", vote="against")])
        ]
    )
    expected = [0.0]
    assert expected == ds.agreement()["vote_agreement"].to_list()


def test_agreement_ignores_withdrawn_signatures() -> None:
    """A withdrawn signature is no position."""
    ds = Dataset(
        statements=[
            JointStatement(
                "a",
                "A",
                "2020",
                signatures=["FR", "DE", Signature("QA", withdrawn_on="2021")],
            )
        ]
    )
    expected = [("DE", "FR")]
    assert expected == ds.agreement().select("country_a", "country_b").rows()


def test_agreement_of_unknown_document_is_refused() -> None:
    """Naming a document that is not there is our UnknownDocumentError."""
    with pytest.raises(st.UnknownDocumentError):
        _small().agreement(["nope"])


def test_matrix_summary_counts_each_status(belarus: Dataset) -> None:
    """The summary counts the matrix's cells per status."""
    cells = belarus.matrix([SEP], as_of="2020-12-31")
    summary = belarus.matrix_summary([SEP], as_of="2020-12-31")
    expected = [cells.filter(pl.col("status") == s).height for s in queries.STATUSES]
    assert expected == list(summary.row(0)[1:])


def test_matrix_regimes_limit_what_counts_as_sanctioning(belarus: Dataset) -> None:
    """With regimes=["CA-BLR"], only Canada sanctions."""
    cells = belarus.matrix([SEP], ["CA-BLR"], as_of="2020-12-31")
    expected = ["CA"]
    assert expected == cells.filter(pl.col("sanctioned"))["country"].to_list()


def test_matrix_refuses_a_document_without_subject() -> None:
    """A document with no subject cannot be a matrix column."""
    ds = _small(statement=JointStatement("s", "S", "2020-09-17", signatures=["JP"]))
    with pytest.raises(st.QueryError, match="no subject"):
        ds.matrix(["s"])


def test_bloc_cohesion_of_unknown_bloc_is_refused() -> None:
    """An unknown bloc code is our UnknownBlocError."""
    with pytest.raises(st.UnknownBlocError, match="ASEAN"):
        _small().bloc_cohesion("ASEAN")


def test_bloc_cohesion_counts_only_a_vote_for_on_a_roll_call() -> None:
    """On a roll call, members voting against, abstaining or absent have not signed."""
    votes = [
        Signature("FR", vote="for"),
        Signature("DE", vote="against"),
        Signature("IT", vote="abstain"),
        Signature("ES", vote="absent"),
    ]
    ds = _small(statement=JointStatement("rc", "Roll call", "2020-09-17", "BY", signatures=votes))
    cohesion = ds.bloc_cohesion("EU", documents=["rc"])
    expected = [(27, 1)]
    assert expected == cohesion.select("members", "participants").rows()


def test_bloc_cohesion_of_a_bloc_regime_is_whole(belarus: Dataset) -> None:
    """Every EU member takes part in the EU's own regime."""
    cohesion = belarus.bloc_cohesion("EU", regimes=["EU-BLR"], as_of="2020-12-31")
    expected = [1.0]
    assert expected == cohesion["share"].to_list()


def test_timeline_is_in_date_order(belarus: Dataset) -> None:
    """Events come in date order."""
    dates = belarus.timeline(target="BY")["date"].to_list()
    assert sorted(dates) == dates


def test_timeline_of_a_country_holds_only_its_events(belarus: Dataset) -> None:
    """timeline(country=) keeps the events whose actor is that country."""
    assert {"UA"} == set(belarus.timeline(country="Ukraine")["party"].to_list())


def test_timeline_shows_the_alignment(belarus: Dataset) -> None:
    """Ukraine's alignment of 20 November 2020 is an event."""
    ua = belarus.timeline(country="UA").filter(pl.col("event") == "aligned")
    expected = [dt.date(2020, 11, 20)]
    assert expected == ua["date"].to_list()


def test_lazy_form_composes() -> None:
    """The module function returns a LazyFrame that composes before collecting."""
    ds = _small()
    lazy = queries.signed_not_sanctioned(ds.tables, "s", as_of="2020-12-31")
    expected = ["CA"]
    assert expected == lazy.filter(pl.col("country") == "CA").collect()["country"].to_list()


def test_letters_are_documents_too() -> None:
    """A letter with country signatories is asked like a statement."""
    ds = Dataset(letters=[Letter("l", "L", "2020-12", "BY", signatures=["JP"])])
    expected = ["JP"]
    assert expected == _countries(ds.signed_not_sanctioned("l", as_of="2020-12-31"))
