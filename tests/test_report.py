"""The report: a model of plain records built once, and its text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from sanctions_tracker import report as rp
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.records import (
    Alignment,
    JointStatement,
    Letter,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def small() -> Dataset:
    return Dataset(
        statements=[
            JointStatement(
                "s1",
                "On Belarus",
                "2020-09-17",
                "BY",
                signatures=[
                    Signature("JP", sources=["jp.example"]),
                    Signature("Iceland", signed_on="2020-10"),
                    Signature("CA", withdrawn_on="2020-11-01"),
                    Signature("EU", sources=["jp.example", "eu.example/s"]),
                ],
                sources=["statement.example"],
                note="A note long enough to be wrapped: " + "word " * 30,
            )
        ],
        letters=[
            Letter(
                "l1",
                "An anonymous letter",
                "2020",
                "BY",
                reported_count=100,
                count_qualifier="more than",
                anonymous=True,
            ),
            Letter("l2", "A letter about nobody", "2020-12", signatures=["FR"]),
        ],
        regimes=[
            SanctionsRegime(
                "CA-BLR",
                "Canada on Belarus",
                "CA",
                "BY",
                established_on="2020-09",
                sources=["ca.example"],
            ),
            SanctionsRegime(
                "EU-BLR",
                "EU on Belarus",
                "EU",
                "BY",
                established_on="2004",
                sources=["eu.example"],
            ),
            SanctionsRegime("GB-BLR", "UK on Belarus", "GB", "BY", sources=["gb.example"]),
            SanctionsRegime(
                "LT-BLR", "Lithuania on Belarus", "LT", "BY", established_on="2020-08-31"
            ),
        ],
        actions=[SanctionsAction("GB-BLR", "2020-09-29", "amend")],
        alignments=[
            Alignment(
                "UA", "EU-BLR", "2020-11-20", act="Decision 2020/1388", sources=["ua.example"]
            )
        ],
    )


def test_text_is_the_pinned_report(small: Dataset) -> None:
    """The text renderer prints the report the command line printed before the model."""
    expected = (DATA / "report_small.txt").read_text(encoding="utf-8")
    assert expected == rp.render_text(rp.build_report(small))


def test_every_record_is_frozen_attrs() -> None:
    """The model is plain frozen attrs records, for every renderer to read alike."""
    # ReportContent is the protocol a renderer reads, not a record.
    records = [
        getattr(rp, name) for name in rp.__all__ if name[0].isupper() and name != "ReportContent"
    ]
    frozen = [
        r.__name__ for r in records if attrs.has(r) and r.__setattr__ is not object.__setattr__
    ]
    assert sorted(r.__name__ for r in records) == sorted(frozen)


def test_sources_are_numbered_in_order_of_first_mention(small: Dataset) -> None:
    """The document's own sources come first; a source cited twice keeps one number."""
    document = rp.build_report(small).documents[0]
    expected = ["statement.example", "jp.example", "eu.example/s", "ca.example"]
    assert expected == [source.text for source in document.notes][:4]


def test_every_cited_number_is_a_listed_source(small: Dataset) -> None:
    """Each number an evidence cites is one of its document's numbered sources."""
    for document in rp.build_report(small).documents:
        listed = {source.number for source in document.notes}
        cited = {
            number
            for answer in document.answers
            for entry in answer.entries
            for evidence in entry.evidence
            for number in evidence.sources
        }
        assert cited <= listed


def test_a_country_taking_part_twice_has_two_evidences(small: Dataset) -> None:
    """Lithuania takes part as an EU member and by its own regime: two pieces of evidence
    (the statement without the EU's signature, which would cover Lithuania)."""
    statement = small.statements[0]
    without_eu = Dataset(
        statements=[
            attrs.evolve(
                statement,
                signatures=[s for s in statement.signatures if not isinstance(s.party, Bloc)],
            )
        ],
        regimes=small.regimes,
        actions=small.actions,
        alignments=small.alignments,
    )
    answer = rp.build_report(without_eu).documents[0].answers[2]
    lithuania = next(entry for entry in answer.entries if entry.country == "LT")
    expected = [("EU-BLR", "bloc", "EU"), ("LT-BLR", "own", None)]
    assert expected == [
        (e.regime_id, e.route, e.bloc) for e in lithuania.evidence if isinstance(e, rp.TakesPart)
    ]


def test_letters_and_statements_are_told_by_type(small: Dataset) -> None:
    """A Letter is a letter with its count; a JointStatement a statement with none."""
    documents = {d.id: d for d in rp.build_report(small).documents}
    expected = [("statement", None), ("letter", 100), ("letter", None)]
    counts = [documents[i].count for i in ("s1", "l1", "l2")]
    assert expected == [
        (documents[i].kind, None if count is None else count.reported)
        for i, count in zip(("s1", "l1", "l2"), counts, strict=True)
    ]


def test_a_document_without_subject_or_names_gets_no_answers(small: Dataset) -> None:
    """The anonymous letter and the letter about nobody get no answers."""
    documents = {d.id: d for d in rp.build_report(small).documents}
    expected = (3, 0, 0)
    assert expected == tuple(len(documents[i].answers) for i in ("s1", "l1", "l2"))


def test_the_answers_are_the_queries(small: Dataset) -> None:
    """Each answer lists the countries of its query, in order."""
    until = dt.date(2020, 12, 31)
    answers = rp.build_report(small, until=until).documents[0].answers
    expected = [
        small.signed_not_sanctioned("s1", until=until)["country"].to_list(),
        small.signed_not_sanctioned("s1", as_of=until)["country"].to_list(),
        small.sanctioned_not_signed("s1", as_of=until)["country"].to_list(),
    ]
    assert expected == [[entry.country for entry in answer.entries] for answer in answers]


def test_the_default_cut_off_is_the_end_of_the_latest_year() -> None:
    """Without until, the report runs to 31 December of the latest document's year."""
    expected = dt.date(2020, 12, 31)
    assert expected == rp.build_report(belarus_2020()).until
