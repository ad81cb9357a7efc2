"""Every declared column survives JSON, CSV and Parquet, and the declaration drives the tables."""

from __future__ import annotations

import polars as pl
import pytest
from handmade import handmade_now

from sanctions_tracker import Dataset
from sanctions_tracker.columns import TABLES

FORMATS = ("json", "csv", "parquet")
COLUMNS = [(table.name, column) for table in TABLES.values() for column in table.schema()]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dataset]:
    """The hand-made dataset saved in each format and loaded back."""
    folder = tmp_path_factory.mktemp("formats")
    ds = handmade_now()
    loaded = {}
    for format in FORMATS:
        path = folder / ("data.json" if format == "json" else format)
        ds.save(path, format=format)
        loaded[format] = Dataset.load(path)
    return loaded


def _values(ds: Dataset, table: str, column: str) -> list[object]:
    frame: pl.DataFrame = ds.tables.canonical().as_dict()[table]
    return frame[column].to_list()


@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_the_example_fills_every_declared_column(table: str, column: str) -> None:
    """Each declared column holds a value other than its default in the example dataset."""
    declared = TABLES[table].column(column)
    default = declared.default if column == declared.name else None
    values = _values(handmade_now(), table, column)
    assert any(value not in (default, None) for value in values)


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize(("table", "column"), COLUMNS)
def test_every_declared_column_round_trips(
    saved: dict[str, Dataset], table: str, column: str, format: str
) -> None:
    """Each column's values come back exactly from a JSON file, a CSV and a Parquet folder."""
    assert _values(handmade_now(), table, column) == _values(saved[format], table, column)
