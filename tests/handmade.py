"""A small dataset that fills every column of every table: letters, persons, blocs, votes."""

from __future__ import annotations

import datetime as dt

import attrs

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


def handmade() -> Dataset:
    """The content of ``tests/data/legacy/handmade-v0.1.0*``, built from records."""
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


def handmade_now() -> Dataset:
    """:func:`handmade` with the fields added since 0.1.0: a regime of the UN Security
    Council with several targets, one a region, and a designee's further nationality."""
    ds = handmade()
    first, *others = ds.designations
    return Dataset(
        statements=ds.statements,
        letters=ds.letters,
        regimes=[
            *ds.regimes,
            SanctionsRegime(
                id="UN-X",
                name="Several targets, one a region",
                authority="UNSC",
                targets=["Russia", "ua-cri"],
            ),
        ],
        actions=ds.actions,
        designations=[attrs.evolve(first, nationalities=["RU"]), *others],
        alignments=ds.alignments,
        blocs=ds.blocs,
    )
