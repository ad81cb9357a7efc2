"""Dataset.merge: datasets from several sources as one, alike records once, clashes reported."""

from __future__ import annotations

import polars as pl
import pytest
from files import ZALA
from hypothesis import given
from strategies import dataset_settings, datasets

from sanctions_tracker import Bloc, Dataset, Membership, ValidationError
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.importers import import_ftm
from sanctions_tracker.records import JointStatement, SanctionsRegime
from sanctions_tracker.tables import TABLE_NAMES

STATEMENT_TABLES = ("documents", "signatures", "blocs", "memberships")


def _part(ds: Dataset, tables: tuple[str, ...]) -> Dataset:
    return Dataset.from_tables({name: getattr(ds.tables, name) for name in tables})


@dataset_settings()
@given(ds=datasets())
def test_a_dataset_split_in_two_merges_back(ds: Dataset) -> None:
    """Its statements and its sanctions, as two datasets, merge back to the whole."""
    sanctions = tuple(name for name in TABLE_NAMES if name not in STATEMENT_TABLES[:2])
    statements = _part(ds, STATEMENT_TABLES)
    assert statements.merge(_part(ds, sanctions)) == ds


@dataset_settings()
@given(ds=datasets())
def test_merging_with_itself_or_nothing_changes_nothing(ds: Dataset) -> None:
    """Alike records are kept once; an empty dataset adds nothing."""
    assert ds.merge(ds) == ds
    assert ds.merge(Dataset()) == ds
    assert Dataset().merge(ds) == ds


def test_belarus_statements_meet_opensanctions_regimes() -> None:
    """The built-in statements and a real OpenSanctions import, in one dataset."""
    belarus = belarus_2020()
    zala = import_ftm(ZALA).dataset
    both = belarus.merge(zala)
    for name in ("documents", "signatures", "regimes", "actions", "designations"):
        expected = getattr(belarus.tables, name).height + getattr(zala.tables, name).height
        assert getattr(both.tables, name).height == expected, name
    answer = both.signed_not_sanctioned("by-2020-09-17-internet-shutdowns", as_of="2020-12-31")
    assert answer["country"].to_list() == ["AU", "JP"]


def test_a_clash_names_the_id_and_is_a_validation_error() -> None:
    """The same id with different content is reported, never resolved by a pick."""
    one = Dataset(statements=[JointStatement("s", "First title", "2020-09-17", "BY", ["Japan"])])
    other = Dataset(statements=[JointStatement("s", "Other title", "2020-09-17", "BY", ["Chile"])])
    with pytest.raises(ValidationError) as caught:
        one.merge(other)
    expected = ["statements['s']: given differently in datasets 1 and 2"]
    assert expected == [str(p) for p in caught.value.problems]


def test_user_blocs_alike_are_kept_once_and_differing_ones_clash() -> None:
    """A bloc defined alike in two datasets is one bloc; defined differently, an error."""
    nordic = Bloc("NORDIC", "Nordic Council", [Membership("DK", "1952-01-01")])
    other = Bloc("NORDIC", "Nordic Council", [Membership("DK", "1953-01-01")])
    assert Dataset(blocs=[nordic]).merge(Dataset(blocs=[nordic])).blocs == (nordic,)
    with pytest.raises(ValidationError):
        Dataset(blocs=[nordic]).merge(Dataset(blocs=[other]))


def test_a_problem_in_concatenated_tables_is_reported_not_a_crash() -> None:
    """Tables made by pl.concat (several chunks) with a problem raise ValidationError."""
    belarus = belarus_2020()
    frames = {
        name: pl.concat([getattr(belarus.tables, name)] * 2, rechunk=False)
        for name in ("documents", "signatures", "regimes")
    }
    with pytest.raises(ValidationError):
        Dataset.from_tables(frames)


def test_clashes_name_every_dataset_that_gives_the_id() -> None:
    """Three datasets, two of them alike: the clash names the different one too."""
    first = Dataset(regimes=[SanctionsRegime("R", "A name", "CA")])
    second = Dataset(regimes=[SanctionsRegime("R", "Another name", "CA")])
    with pytest.raises(ValidationError) as caught:
        first.merge(first, second)
    assert [str(p) for p in caught.value.problems] == [
        "regimes['R']: given differently in datasets 1 and 3"
    ]
