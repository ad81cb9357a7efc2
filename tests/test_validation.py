"""Validation: every check of the tables, each problem with its path, all at once."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given
from strategies import Frames, dataset_settings, invalid_datasets

from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.errors import Problem, ValidationError
from sanctions_tracker.records import (
    Alignment,
    Designation,
    JointStatement,
    Letter,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)
from sanctions_tracker.tables import Tables, records_to_tables
from sanctions_tracker.validation import validate


def _frames() -> Frames:
    """The tables of a small valid dataset: one statement, one regime and its acts."""
    return records_to_tables(
        statements=[
            JointStatement(
                "s",
                "On Belarus",
                "2020-09-17",
                "BY",
                signatures=["Japan", Signature("Ukraine", signed_on="2020-09-18")],
            )
        ],
        letters=[Letter("l", "Open letter", "2020-12", signatures=[Person("Anna")])],
        regimes=[
            SanctionsRegime(
                "EU-BLR",
                "EU restrictive measures against Belarus",
                "EU",
                "BY",
                measures=["asset freeze"],
                established_on="2020-10-02",
                lifted_on="2030-01-01",
            )
        ],
        actions=[SanctionsAction("EU-BLR", "2020-10-02", "establish", designations=["d1"])],
        designations=[Designation("d1", "EU-BLR", Person("A"), listed_on="2020-10-02")],
        alignments=[Alignment("UA", "EU-BLR", "2020-11-20")],
        blocs=[Bloc("NORDIC", "Nordic Council", [Membership("DK", "1952-01-01", "2000-01-01")])],
    ).as_dict()


def _set(frames: Frames, table: str, row: int, **values: object) -> Frames:
    """The frames with some columns of one row of one table replaced."""
    frame = frames[table]
    at_row = pl.int_range(pl.len()) == row
    changed = frame.with_columns(
        pl.when(at_row)
        .then(pl.lit(value, dtype=frame.schema[column]))
        .otherwise(pl.col(column))
        .alias(column)
        for column, value in values.items()
    )
    return {**frames, table: changed}


def _problems(frames: Frames, *, row_numbers: bool = False) -> list[str]:
    return [str(p) for p in validate(Tables(**frames), row_numbers=row_numbers)]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_valid_tables_have_no_problem() -> None:
    """The base tables are valid."""
    assert not _problems(_frames())


def test_duplicate_document_id() -> None:
    """A document id given twice is reported at the second, naming the first row."""
    frames = _frames()
    frames["documents"] = pl.concat([frames["documents"], frames["documents"][0]])
    expected = ["statements['s']: duplicate document id 's' (first given in documents row 1)"]
    assert expected == _problems(frames)


def test_duplicate_designation_id() -> None:
    """A designation id given twice is reported."""
    frames = _frames()
    frames["designations"] = pl.concat([frames["designations"], frames["designations"]])
    expected = [
        "designations['d1']: duplicate designation id 'd1' (first given in designations row 1)"
    ]
    assert expected == _problems(frames)


@pytest.mark.parametrize(
    ("table", "path"),
    [
        ("actions", "actions[0]"),
        ("designations", "designations['d1']"),
        ("alignments", "alignments[0]"),
    ],
)
def test_dangling_regime(table: str, path: str) -> None:
    """A row naming an unknown regime is reported at that row."""
    frames = _set(_frames(), table, 0, regime_id="EU-XXX")
    assert f"{path}: regime_id 'EU-XXX' names no regime" in _problems(frames)


def test_dangling_designation_in_action() -> None:
    """An act listing an unknown designation is reported."""
    frames = _set(_frames(), "actions", 0, designations=["d1", "d9"])
    expected = ["actions[0]: _designation 'd9' names no designation"]
    assert expected == _problems(frames)


def test_dangling_signature_document() -> None:
    """A signature of no document is reported by its row."""
    frames = _set(_frames(), "signatures", 0, document_id="nope")
    expected = ["signatures[0]: document_id 'nope' names no document"]
    assert expected == _problems(frames)


def test_unknown_bloc_signatory() -> None:
    """A bloc signatory must be a known bloc."""
    frames = _set(_frames(), "signatures", 0, party_kind="bloc", party="ASEAN", country=None)
    expected = ["statements['s'].signatures[0]: party 'ASEAN' names no bloc"]
    assert expected == _problems(frames)


def test_user_bloc_signatory_is_known() -> None:
    """A user bloc may sign."""
    frames = _set(_frames(), "signatures", 0, party_kind="bloc", party="NORDIC", country=None)
    assert not _problems(frames)


def test_country_column_must_match_party() -> None:
    """A country signatory's code and country column agree."""
    frames = _set(_frames(), "signatures", 0, country="NA")
    expected = ["statements['s'].signatures[0]: party 'JP' is not a known country code"]
    assert expected == _problems(frames)


def test_duplicate_signatory() -> None:
    """A party signing one document twice is reported at its second signature."""
    frames = _set(_frames(), "signatures", 1, party="JP", country="JP")
    expected = ["statements['s'].signatures[1]: JP signs twice (also at position 0)"]
    assert expected == _problems(frames)


def test_duplicate_signatory_in_a_split_document() -> None:
    """A repeat is found when a document's signatures are not next to each other."""
    frames = _frames()
    signatures = frames["signatures"]
    again = signatures.head(1).with_columns(pl.lit(2, dtype=pl.Int32).alias("position"))
    frames = {**frames, "signatures": pl.concat([signatures, again])}
    expected = ["statements['s'].signatures[2]: JP signs twice (also at position 0)"]
    assert expected == _problems(frames)


def test_same_party_on_two_documents() -> None:
    """One party may sign two documents."""
    frames = _set(_frames(), "signatures", 2, party_kind="country", party="JP", country="JP")
    assert not _problems(frames)


def test_withdrawn_before_signed() -> None:
    """A withdrawal before the signature is reported with both dates as written."""
    frames = _set(
        _frames(), "signatures", 1, withdrawn_on=_day("2019-01-01"), withdrawn_on_precision="year"
    )
    expected = [
        (
            "statements['s'].signatures[1]: withdrawn_on 2019 is before signed_on 2020-09-18: "
            "a signature is withdrawn after it is made"
        )
    ]
    assert expected == _problems(frames)


def test_withdrawn_before_document_date() -> None:
    """With no signed_on, a withdrawal before the document's date is reported."""
    frames = _set(
        _frames(), "signatures", 0, withdrawn_on=_day("2020-08-01"), withdrawn_on_precision="month"
    )
    expected = [
        (
            "statements['s'].signatures[0]: withdrawn_on 2020-08 is before the document's date "
            "2020-09-17: a signature is withdrawn after it is made"
        )
    ]
    assert expected == _problems(frames)


def test_withdrawn_in_the_document_month() -> None:
    """A withdrawal whose month holds the document's date is not certainly before it."""
    frames = _set(
        _frames(), "signatures", 0, withdrawn_on=_day("2020-09-01"), withdrawn_on_precision="month"
    )
    assert not _problems(frames)


def test_lifted_before_established() -> None:
    """A regime lifted before it was established is reported."""
    frames = _set(_frames(), "regimes", 0, lifted_on=_day("2019-01-01"))
    assert (
        "regimes['EU-BLR']: lifted_on 2019-01-01 is before established_on 2020-10-02: "
        "a regime is lifted after it is established"
    ) in _problems(frames)


def test_unknown_measure() -> None:
    """A measure outside the vocabulary is reported with the known ones."""
    frames = _set(_frames(), "regimes", 0, measures=["asset freeze", "shaming"])
    [problem] = _problems(frames)
    assert problem.startswith("regimes['EU-BLR']: unknown measure 'shaming': write one of asset")


def test_unknown_authority_bloc() -> None:
    """A bloc authority must be a known bloc."""
    frames = _set(_frames(), "regimes", 0, authority="ASEAN")
    assert "regimes['EU-BLR']: authority 'ASEAN' names no bloc" in _problems(frames)


def test_unknown_authority_country() -> None:
    """A country authority must be a known country code."""
    frames = _set(_frames(), "regimes", 0, authority_kind="country", authority="Atlantis")
    expected = ["regimes['EU-BLR']: authority 'Atlantis' is not a known country code"]
    assert expected == _problems(frames)


def test_designation_before_regime() -> None:
    """A designation listed before its regime was established is reported."""
    frames = _set(
        _frames(), "designations", 0, listed_on=_day("2020-01-01"), listed_on_precision="month"
    )
    expected = [
        (
            "designations['d1']: listed_on 2020-01 is before regime 'EU-BLR' was established "
            "(2020-10-02): a designation falls within its regime's life"
        )
    ]
    assert expected == _problems(frames)


def test_action_after_regime_lifted() -> None:
    """An act dated after its regime was lifted is reported."""
    frames = _set(_frames(), "actions", 0, date=_day("2031-01-01"))
    expected = [
        (
            "actions[0]: date 2031-01-01 is after regime 'EU-BLR' was lifted (2030-01-01): "
            "an act falls within its regime's life"
        )
    ]
    assert expected == _problems(frames)


def test_alignment_in_establishing_month() -> None:
    """An alignment whose month holds the establishing day is not certainly before it."""
    frames = _set(
        _frames(), "alignments", 0, aligned_on=_day("2020-10-01"), aligned_on_precision="month"
    )
    assert not _problems(frames)


def test_negative_letter_count() -> None:
    """A negative reported count is reported."""
    frames = _set(_frames(), "documents", 1, reported_count=-5)
    expected = ["letters['l']: a count must not be negative"]
    assert expected == _problems(frames)


def test_negative_designation_count() -> None:
    """A negative designation count is reported."""
    frames = _set(_frames(), "actions", 0, designation_count=-1)
    expected = ["actions[0]: designation_count must not be negative"]
    assert expected == _problems(frames)


def test_precision_needs_first_day() -> None:
    """A month-precise date is held as the first of its month."""
    frames = _set(_frames(), "documents", 1, date=_day("2020-12-05"))
    expected = ["letters['l']: date 2020-12-05 is not the first day of its month"]
    assert expected == _problems(frames)


def test_date_without_precision() -> None:
    """A date needs its precision."""
    frames = _set(_frames(), "actions", 0, date_precision=None)
    expected = ["actions[0]: date has no date_precision"]
    assert expected == _problems(frames)


def test_missing_required_value() -> None:
    """A required value that is null is reported as missing."""
    frames = _set(_frames(), "alignments", 0, aligned_on=None, aligned_on_precision=None)
    expected = ["alignments[0]: aligned_on is missing"]
    assert expected == _problems(frames)


def test_overlapping_membership() -> None:
    """Two memberships of one country in a user bloc must not overlap."""
    frames = _frames()
    extra = (
        frames["memberships"]
        .filter(pl.col("bloc") == "NORDIC")
        .with_columns(joined=pl.lit(_day("1999-01-01")), left=pl.lit(None, dtype=pl.Date))
    )
    frames["memberships"] = pl.concat([frames["memberships"], extra])
    expected = [
        (
            "blocs['NORDIC'].memberships[DK]: "
            "membership from 1999-01-01 overlaps the one from 1952-01-01"
        )
    ]
    assert expected == _problems(frames)


def test_adjacent_memberships_allowed() -> None:
    """A country may rejoin on the day its membership ended."""
    frames = _frames()
    extra = (
        frames["memberships"]
        .filter(pl.col("bloc") == "NORDIC")
        .with_columns(joined=pl.lit(_day("2000-01-01")), left=pl.lit(None, dtype=pl.Date))
    )
    frames["memberships"] = pl.concat([frames["memberships"], extra])
    assert not _problems(frames)


def test_membership_of_unknown_bloc() -> None:
    """A membership names a bloc of the blocs table."""
    frames = _frames()
    frames["blocs"] = frames["blocs"].with_columns(pl.col("bloc").replace("NORDIC", "QUAD"))
    assert "blocs['NORDIC'].memberships[DK]: bloc 'NORDIC' names no bloc" in _problems(frames)


def test_row_numbers_name_the_table_row() -> None:
    """With row numbers, each path also names its table and 1-based row."""
    frames = _set(_frames(), "designations", 0, regime_id="EU-XXX")
    expected = ["designations['d1'] (designations row 1): regime_id 'EU-XXX' names no regime"]
    assert expected == _problems(frames, row_numbers=True)


def test_problems_in_table_order() -> None:
    """Problems come in table order, then row order."""
    frames = _set(_frames(), "alignments", 0, regime_id="X")
    frames = _set(frames, "documents", 1, reported_count=-1)
    frames = _set(frames, "actions", 0, regime_id="Y")
    paths = [p.split(":")[0] for p in _problems(frames)]
    expected = ["letters['l']", "actions[0]", "alignments[0]"]
    assert expected == paths


def test_every_problem_at_once() -> None:
    """Dataset.from_tables reports three different problems together, each with its row."""
    frames = _set(_frames(), "regimes", 0, measures=["shaming"])
    frames = _set(frames, "actions", 0, regime_id="NOPE")
    frames = _set(frames, "signatures", 1, party="JP", country="JP")
    with pytest.raises(ValidationError) as caught:
        Dataset.from_tables(frames)
    places = [(p.path, p.table, p.row, p.where) for p in caught.value.problems]
    expected = [
        (
            "statements['s'].signatures[1]",
            "signatures",
            2,
            "statements['s'].signatures[1] (signatures row 2)",
        ),
        ("regimes['EU-BLR']", "regimes", 1, "regimes['EU-BLR'] (regimes row 1)"),
        ("actions[0]", "actions", 1, "actions[0] (actions row 1)"),
    ]
    assert expected == places


def test_problems_are_problem_records() -> None:
    """The error carries Problem records beside its message."""
    frames = _set(_frames(), "actions", 0, regime_id="NOPE")
    with pytest.raises(ValidationError) as caught:
        Dataset.from_tables(frames)
    expected = (Problem("actions[0]", "regime_id 'NOPE' names no regime", table="actions", row=1),)
    assert expected == caught.value.problems
    assert str(caught.value) == "actions[0] (actions row 1): regime_id 'NOPE' names no regime"


@dataset_settings()
@given(invalid_datasets())
def test_broken_tables_raise_validation_error(broken: tuple[Frames, str]) -> None:
    """Tables broken in any one way raise ValidationError with problems, never another error."""
    frames, _ = broken
    with pytest.raises(ValidationError) as caught:
        Dataset.from_tables(frames)
    assert caught.value.problems
