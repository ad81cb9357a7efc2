"""Dataset: built from records or tables, validated once, compared by content."""

from __future__ import annotations

import random

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import dataset_settings, datasets

from sanctions_tracker import blocs as builtin_blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.errors import UnknownDocumentError, ValidationError
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
from sanctions_tracker.tables import TABLE_NAMES, records_to_tables, tables_to_records

NORDIC = Bloc("NORDIC", "Nordic Council", [Membership("DK", "1952-01-01")])
STATEMENT = JointStatement(
    "s",
    "On Belarus",
    "2020-09-17",
    "BY",
    signatures=[
        "Japan",
        "the European Union",
        Signature(NORDIC, signed_on="2020-10"),
        Signature("Qatar", signed_on="2020-09-18", withdrawn_on="2020-11"),
    ],
)
LETTER = Letter(
    "l",
    "Open letter",
    "2020-12",
    signatures=[Person("Anna", nationality="PL", identifiers=["Q1"]), Organization("Bank")],
    reported_count=100,
    count_qualifier="more than",
    count_as_of="2021-01-05",
    anonymous=True,
    disclosure_threshold=1000,
)
REGIME = SanctionsRegime(
    "EU-BLR",
    "EU restrictive measures against Belarus",
    "EU",
    "Belarus",
    measures=["asset freeze", "travel ban"],
    established_on="2020-10-02",
)
LIFTED = SanctionsRegime("US-X", "Lifted", "US", "RU", established_on="2014", lifted_on="2016-03")
ACTION = SanctionsAction("EU-BLR", "2020-11-06", "amend", designations=["d1"], designation_count=1)
DESIGNATION = Designation("d1", "EU-BLR", Person("A. Lukashenko", "BY"), listed_on="2020-11-06")
ALIGNMENT = Alignment("Ukraine", "EU-BLR", "2020-11-20", act="Council Decision 2020/1388")


def _dataset() -> Dataset:
    return Dataset(
        statements=[STATEMENT],
        letters=[LETTER],
        regimes=[REGIME, LIFTED],
        actions=[ACTION],
        designations=[DESIGNATION],
        alignments=[ALIGNMENT],
        blocs=[NORDIC],
    )


# -- from records ----------------------------------------------------------------------------


def test_record_views_give_the_records_back() -> None:
    """Each record view returns what was given, by id."""
    ds = _dataset()
    expected = (
        (STATEMENT,),
        (LETTER,),
        (REGIME, LIFTED),
        (ACTION,),
        (DESIGNATION,),
        (ALIGNMENT,),
        (NORDIC,),
    )
    actual = (
        ds.statements,
        ds.letters,
        ds.regimes,
        ds.actions,
        ds.designations,
        ds.alignments,
        ds.blocs,
    )
    assert expected == actual


def test_documents_in_id_order() -> None:
    """Statements and letters together sort by id."""
    expected = (LETTER, STATEMENT)
    assert expected == _dataset().documents


def test_document_by_id() -> None:
    """A document is found by its id."""
    expected = LETTER
    assert expected == _dataset().document("l")


def test_unknown_document() -> None:
    """An unknown id raises our KeyError naming the known ids."""
    with pytest.raises(UnknownDocumentError, match="the documents are l, s"):
        _dataset().document("x")


def test_builtin_blocs_always_in_tables() -> None:
    """The built-in blocs are in the tables of every dataset, marked builtin."""
    builtin = Dataset().tables.blocs.filter(pl.col("builtin"))["bloc"].to_list()
    assert sorted(b.code for b in builtin_blocs.all_blocs()) == sorted(builtin)


def test_user_blocs_not_builtin() -> None:
    """A user bloc is in the tables, not marked builtin."""
    expected = ["NORDIC"]
    assert expected == _dataset().tables.blocs.filter(~pl.col("builtin"))["bloc"].to_list()


def test_equality_ignores_order() -> None:
    """Two datasets of the same records in another order are equal."""
    other = Dataset(
        statements=[STATEMENT],
        letters=[LETTER],
        regimes=[LIFTED, REGIME],
        actions=[ACTION],
        designations=[DESIGNATION],
        alignments=[ALIGNMENT],
        blocs=[NORDIC],
    )
    assert _dataset() == other


def test_equality_ignores_order_of_tied_acts() -> None:
    """Acts that share regime, date and kind compare equal in either order."""
    a = SanctionsAction("EU-BLR", "2020-11", "amend", sources=["x"])
    b = SanctionsAction("EU-BLR", "2020-11", "amend", sources=["y"])
    first = Dataset(regimes=[REGIME], actions=[a, b])
    assert first == Dataset(regimes=[REGIME], actions=[b, a])


def test_equality_sees_content() -> None:
    """A dataset with one more act is not equal."""
    assert _dataset() != Dataset(regimes=[REGIME, LIFTED])


def test_not_equal_to_other_types() -> None:
    """A dataset is never equal to something that is not one."""
    assert Dataset() != "Dataset()"


def test_unhashable() -> None:
    """Equal by content, a dataset is not hashable."""
    with pytest.raises(TypeError):
        hash(Dataset())


def test_repr_counts_rows() -> None:
    """The repr counts each kind of row."""
    expected = (
        "<Dataset: 2 documents, 6 signatures, 2 regimes, 1 action, 1 designation, 1 alignment>"
    )
    assert expected == repr(_dataset())


def test_dangling_regime_from_records() -> None:
    """An act of an unknown regime is rejected with its path."""
    with pytest.raises(ValidationError, match=r"actions\[0\]: regime_id 'EU-XXX' names no regime"):
        Dataset(regimes=[REGIME], actions=[SanctionsAction("EU-XXX", "2020-11-06", "amend")])


def test_designation_outside_regime_life() -> None:
    """A designation before its regime was established is rejected."""
    early = Designation("d2", "EU-BLR", Person("B"), listed_on="2020-09")
    with pytest.raises(ValidationError, match="listed_on 2020-09 is before regime 'EU-BLR'"):
        Dataset(regimes=[REGIME], designations=[early])


def test_designation_after_regime_lifted() -> None:
    """A designation after its regime was lifted is rejected."""
    late = Designation("d2", "US-X", Person("B"), listed_on="2017")
    with pytest.raises(ValidationError, match="listed_on 2017 is after regime 'US-X' was lifted"):
        Dataset(regimes=[LIFTED], designations=[late])


def test_unknown_user_bloc_signatory() -> None:
    """A bloc that signs must be built in or given to the dataset."""
    with pytest.raises(ValidationError, match="party 'NORDIC' names no bloc"):
        Dataset(statements=[STATEMENT])


def test_every_problem_from_records() -> None:
    """Records with two problems report both at once."""
    with pytest.raises(ValidationError) as caught:
        Dataset(
            statements=[JointStatement("s", "A", "2020"), JointStatement("s", "B", "2021")],
            actions=[SanctionsAction("NOPE", "2020", "amend")],
        )
    expected = ["statements['s']", "actions[0]"]
    assert expected == [p.path for p in caught.value.problems]


# -- from tables -----------------------------------------------------------------------------


def test_from_tables_of_nothing_is_empty() -> None:
    """No tables make the empty dataset."""
    assert Dataset() == Dataset.from_tables({})


def test_from_tables_accepts_tables() -> None:
    """A Tables value is accepted as it is."""
    ds = _dataset()
    assert ds == Dataset.from_tables(ds.tables)


def test_from_tables_fills_optional_columns() -> None:
    """A table with only its required columns gets the others filled."""
    regimes = pl.DataFrame(
        {"regime_id": ["R"], "name": ["R"], "authority_kind": ["country"], "authority": ["US"]}
    )
    expected = (SanctionsRegime("R", "R", "US"),)
    assert expected == Dataset.from_tables({"regimes": regimes}).regimes


def test_from_tables_rejects_unknown_tables() -> None:
    """A table of an unknown name is rejected, naming the known ones."""
    with pytest.raises(ValidationError, match=r"unknown tables \['votes'\]"):
        Dataset.from_tables({"votes": pl.DataFrame()})


def test_from_tables_rejects_unknown_columns() -> None:
    """A column of an unknown name is rejected, naming the known ones."""
    frame = pl.DataFrame({"regime_id": ["R"], "colour": ["red"]})
    with pytest.raises(ValidationError, match=r"regimes: unknown columns \['colour'\]"):
        Dataset.from_tables({"regimes": frame})


def test_from_tables_rejects_values_of_the_wrong_type() -> None:
    """A value that its column's type cannot hold is reported by row, never dropped."""
    frame = pl.DataFrame(
        {
            "country": ["UA", "Atlantis"],
            "regime_id": ["EU-BLR", "EU-BLR"],
            "aligned_on": ["2020-11-20", "2020-11-20"],
        }
    )
    with pytest.raises(
        ValidationError, match="alignments row 2, column 'country': 'Atlantis' is not"
    ):
        Dataset.from_tables({"alignments": frame})


def test_from_tables_reports_an_empty_vote_in_typed_frames() -> None:
    """A frame already of the table's types still has its required columns checked."""
    tables = _dataset().tables.as_dict()
    signatures = tables["signatures"]
    first = pl.int_range(pl.len()) == 0
    tables["signatures"] = signatures.with_columns(
        pl.when(~first).then(pl.col("vote")).alias("vote")
    )
    assert tables["signatures"].schema == signatures.schema
    with pytest.raises(ValidationError) as caught:
        Dataset.from_tables(tables)
    messages = [str(p) for p in caught.value.problems]
    assert messages == ["statements['s'].signatures[0] (signatures row 1): vote is missing"]


def test_from_tables_fills_an_empty_vote_in_untyped_frames() -> None:
    """An empty vote in a frame that still needs its types is the default, ``for``."""
    tables = _dataset().tables.as_dict()
    tables["signatures"] = tables["signatures"].with_columns(
        pl.lit(None, dtype=pl.String).alias("vote")
    )
    assert _dataset() == Dataset.from_tables(tables)


def test_from_tables_keeps_builtin_memberships() -> None:
    """The built-in blocs come from the package whatever the tables say of them."""
    tables = _dataset().tables.as_dict()
    tables["memberships"] = tables["memberships"].filter(pl.col("bloc") != "EU")
    assert _dataset() == Dataset.from_tables(tables)


def test_tables_have_their_schemas() -> None:
    """Every table of an empty dataset is typed by its schema."""
    tables = Dataset().tables.as_dict()
    assert list(TABLE_NAMES) == [name for name, frame in tables.items() if frame.width]


# -- round trips -----------------------------------------------------------------------------


def test_records_tables_round_trip() -> None:
    """Records to tables and back give the same records."""
    tables = records_to_tables(
        statements=[STATEMENT],
        letters=[LETTER],
        regimes=[REGIME, LIFTED],
        actions=[ACTION],
        designations=[DESIGNATION],
        alignments=[ALIGNMENT],
        blocs=[NORDIC],
    )
    records = tables_to_records(tables)
    expected = (
        (STATEMENT,),
        (LETTER,),
        (REGIME, LIFTED),
        (ACTION,),
        (DESIGNATION,),
        (ALIGNMENT,),
        (NORDIC,),
    )
    actual = (
        records.statements,
        records.letters,
        records.regimes,
        records.actions,
        records.designations,
        records.alignments,
        records.blocs,
    )
    assert expected == actual


@dataset_settings()
@given(datasets())
def test_from_tables_round_trip(ds: Dataset) -> None:
    """A dataset rebuilt from its own tables is equal to it."""
    assert ds == Dataset.from_tables(ds.tables.as_dict())


@dataset_settings()
@given(datasets())
def test_records_round_trip(ds: Dataset) -> None:
    """A dataset rebuilt from its own records is equal to it."""
    rebuilt = Dataset(
        statements=ds.statements,
        letters=ds.letters,
        regimes=ds.regimes,
        actions=ds.actions,
        designations=ds.designations,
        alignments=ds.alignments,
        blocs=ds.blocs,
    )
    assert ds == rebuilt


@dataset_settings()
@given(datasets(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(ds: Dataset, rng: random.Random) -> None:
    """Tables with their rows shuffled make an equal dataset."""
    shuffled = {
        name: frame[rng.sample(range(frame.height), frame.height)] if frame.height else frame
        for name, frame in ds.tables.as_dict().items()
    }
    assert ds == Dataset.from_tables(shuffled)
