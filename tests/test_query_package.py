"""The queries package: lazy on bare tables, the Dataset's kept frames, one union of routes."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from sanctions_tracker import datasets, queries
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.tables import Tables

SEP_17 = "by-2020-09-17-internet-shutdowns"
AS_OF = "2020-12-31"

LAZY: dict[str, Callable[[Tables | queries.Prepared], pl.LazyFrame]] = {
    "signed_not_sanctioned": lambda t: queries.signed_not_sanctioned(t, SEP_17, as_of=AS_OF),
    "sanctioned_not_signed": lambda t: queries.sanctioned_not_signed(t, SEP_17, until=AS_OF),
    "signed_not_sanctioned_all": lambda t: queries.signed_not_sanctioned_all(
        t, as_of=AS_OF, expand_blocs=True
    ),
    "participation": lambda t: queries.participation(t, "BY", as_of=AS_OF),
    "matrix": lambda t: queries.matrix(t, as_of=AS_OF, expand_blocs=True),
    "matrix_summary": lambda t: queries.matrix_summary(t, as_of=AS_OF),
    "response_lag": lambda t: queries.response_lag(t, SEP_17),
    "agreement": lambda t: queries.agreement(t, None),
    "bloc_cohesion": lambda t: queries.bloc_cohesion(t, "EU", as_of=AS_OF),
    "timeline": lambda t: queries.timeline(t, target="BY"),
}


@pytest.fixture(scope="module")
def belarus() -> Dataset:
    return datasets.belarus_2020()


@pytest.mark.parametrize("name", sorted(LAZY))
def test_a_query_on_bare_tables_collects_nothing(
    name: str, belarus: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building a query on bare tables runs no LazyFrame: the caller's collect does."""

    def refuse(*args: object, **kwargs: object) -> pl.DataFrame:
        raise AssertionError("collected while building the query")

    with monkeypatch.context() as patch:
        patch.setattr(pl.LazyFrame, "collect", refuse)
        lazy = LAZY[name](belarus.tables)
    assert isinstance(lazy.collect(), pl.DataFrame)


@pytest.mark.parametrize("name", sorted(LAZY))
def test_bare_tables_and_kept_frames_give_one_answer(name: str, belarus: Dataset) -> None:
    """A query planned on bare tables equals the same query on the Dataset's kept frames."""
    assert_frame_equal(
        LAZY[name](belarus.tables).collect(), LAZY[name](belarus._prepared).collect()
    )


def test_each_dataset_keeps_its_own_frames(belarus: Dataset) -> None:
    """The derived frames belong to the Dataset: built at its first query, kept, not shared."""
    first, second = Dataset.from_tables(belarus.tables), Dataset.from_tables(belarus.tables)
    first.signed_not_sanctioned(SEP_17, as_of=AS_OF)
    expected: tuple[set[str], set[str]] = ({"signatures", "spans"}, set())
    assert expected == (set(first._prepared._kept), set(second._prepared._kept))


def test_every_route_reaches_the_spans(belarus: Dataset) -> None:
    """Each declared route gives participation spans: in the built-in data, and the UN's
    (the Belarus data has no regime of the UN Security Council) with one such regime."""
    from sanctions_tracker.records import SanctionsRegime

    un = Dataset(regimes=[SanctionsRegime("UN-X", "X", "UNSC", "KP", established_on="2006")])
    found = {
        route
        for ds in (belarus, un)
        for route in ds._prepared.spans().select("route").unique().collect()["route"]
    }
    assert sorted(queries.ROUTES) == sorted(found)
