"""Files written by release 0.1.0 (under tests/data/legacy/) still load, with the same content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sanctions_tracker import Dataset
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.records import (
    Alignment,
    Designation,
    JointStatement,
    Letter,
    Organization,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)

LEGACY = Path(__file__).parent / "data" / "legacy"


def _handmade() -> Dataset:
    """The content of the hand-made files, built again from records."""
    bloc = Bloc(
        code="NB8",
        name="Nordic-Baltic Eight",
        memberships=[
            Membership(
                country="EE",
                joined=dt.date(1992, 1, 1),
                left=None,
                source="https://example.org/nb8",
                note="founding",
            ),
            Membership(country="Norway", joined=dt.date(1992, 1, 1), left=dt.date(2030, 1, 1)),
        ],
        source="https://example.org/nb8",
        note="an informal bloc",
    )
    return Dataset(
        statements=[
            JointStatement(
                id="st-1",
                title="Joint statement on Belarus",
                issued_on="2020-09",
                subject="Belarus",
                signatures=[
                    Signature(party="Japan"),
                    Signature(
                        party="the European Union",
                        signed_on="2020-10",
                        note="as a bloc",
                        sources=["https://example.org/a"],
                    ),
                    Signature(
                        party="Qatar",
                        signed_on="2020-09-20",
                        withdrawn_on="2020-11",
                        sources=("s1", "s2"),
                    ),
                    Signature(party=bloc),
                    Signature(party="AU", vote="abstain"),
                ],
                issuer="Lithuania",
                forum="OSCE",
                stance="condemns",
                sources=["https://example.org/st"],
                note="a note, with comma",
            ),
            JointStatement(id="st-2", title="No subject", issued_on="2021", signatures=["Namibia"]),
        ],
        letters=[
            Letter(
                id="le-1",
                title="Open letter",
                published_on="2020-12",
                subject="BY",
                signatures=[
                    Signature(
                        party=Person(
                            name="Ana Example",
                            nationality="Spain",
                            identifiers=["ORCID:1"],
                            id="p-1",
                        )
                    ),
                    Signature(
                        party=Organization(name="Example Org", country="NA", id="o-1"),
                        signed_on="2021-01-02",
                    ),
                    Signature(party=Person(name="No Nationality")),
                ],
                addressee="the Council",
                demands=["release prisoners", "new elections"],
                reported_count=120,
                count_qualifier="more than",
                count_as_of="2021-01",
                anonymous=True,
                disclosure_threshold=1000,
                sources=["doc A/75/1"],
                note="letter note",
            ),
            Letter(id="le-2", title="Bare letter", published_on="2019"),
        ],
        regimes=[
            SanctionsRegime(
                id="EU-BLR",
                name="EU against Belarus",
                authority="EU",
                target="BY",
                legal_basis="Decision 2012/642",
                measures=["asset freeze", "travel ban"],
                established_on="2006-05",
                sources=["https://example.org/r"],
                note="regime note",
            ),
            SanctionsRegime(
                id="NB8-X",
                name="Bloc regime",
                authority=bloc,
                established_on="2020",
                lifted_on="2022-03-04",
            ),
            SanctionsRegime(
                id="CA-BLR",
                name="Canada",
                authority="Canada",
                target="Belarus",
                established_on="2020-09-29",
            ),
        ],
        actions=[
            SanctionsAction(
                regime="EU-BLR",
                date="2020-10-02",
                kind="amend",
                legal_reference="Implementing Regulation 2020/1387",
                designations=["d-1", "d-2"],
                designation_count=40,
                note="action note",
                sources=["src"],
            ),
            SanctionsAction(regime="EU-BLR", date="2020-11", kind="extend"),
            SanctionsAction(regime="CA-BLR", date="2020-09-29", kind="establish"),
        ],
        designations=[
            Designation(
                id="d-1",
                regime="EU-BLR",
                target=Person(
                    name="Alexander Lukashenko",
                    nationality="BY",
                    identifiers=["passport:1", "id:2"],
                    id="Q1",
                ),
                listed_on="2020-11-06",
                reason="reason one",
                sources=["src"],
            ),
            Designation(
                id="d-2",
                regime="EU-BLR",
                target=Organization(name="Central Election Commission", country="Belarus"),
                listed_on="2020-10",
                delisted_on="2021",
            ),
            Designation(id="d-3", regime="EU-BLR", target=Person(name="Unknown")),
        ],
        alignments=[
            Alignment(
                country="Ukraine",
                regime="EU-BLR",
                aligned_on="2020-11-20",
                act="Council Decision (CFSP) 2020/1388",
                note="aligned",
                sources=["https://example.org/al"],
            ),
            Alignment(country="NO", regime="EU-BLR", aligned_on="2020-12", ended_on="2021"),
        ],
        blocs=[bloc],
    )


@pytest.mark.parametrize(
    "name", ["handmade-v0.1.0.json", "handmade-v0.1.0-csv", "handmade-v0.1.0-parquet"]
)
def test_handmade_file_of_the_first_release_loads(name: str) -> None:
    """A 0.1.0 file with letters, alignments, designations, notes and partial dates loads."""
    assert _handmade() == Dataset.load(LEGACY / name)


def test_handmade_file_keeps_partial_dates_and_parties() -> None:
    """The loaded records carry the precisions and the kinds of party that were written."""
    ds = Dataset.load(LEGACY / "handmade-v0.1.0.json")
    letter = ds.document("le-1")
    assert isinstance(letter, Letter)
    expected = ("2020-12", "2021-01", ["Person", "Organization", "Person"], "NA")
    assert expected == (
        str(letter.published_on),
        str(letter.count_as_of),
        [type(p).__name__ for p in letter.signatories],
        getattr(letter.signatories[1], "country").code,  # noqa: B009  # Organization here
    )


def test_belarus_2020_of_the_first_release_loads() -> None:
    """The built-in dataset as 0.1.0 saved it loads alike from JSON and CSV, whole."""
    from_json = Dataset.load(LEGACY / "belarus_2020-v0.1.0.json")
    from_csv = Dataset.load(LEGACY / "belarus_2020-v0.1.0-csv")
    expected = (3, 82, 8, 13, 0, 8)
    t = from_json.tables
    assert expected == (
        t.documents.height,
        t.signatures.height,
        t.regimes.height,
        t.actions.height,
        t.designations.height,
        t.alignments.height,
    )
    assert from_csv == from_json


def test_minimal_file_of_the_first_release_loads() -> None:
    """The smallest 0.1.0 document loads as the one statement it holds."""
    expected = Dataset(
        statements=[
            JointStatement(id="only", title="Only one", issued_on="2020-01-01", signatures=["FR"])
        ]
    )
    assert expected == Dataset.load(LEGACY / "minimal-v0.1.0.json")
