"""Bad input of any shape ends in our own error or a report, never a crash from inside.

Hypothesis writes the input: JSON documents with any value in any place, valid
documents with one value replaced, prose of any characters, and FollowTheMoney
streams of arbitrary lines.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from strategies import dataset_settings, datasets

from sanctions_tracker import DataFormatError, Dataset, ValidationError, parse_signatories
from sanctions_tracker.cli import main
from sanctions_tracker.importers import import_ftm
from sanctions_tracker.io import FORMAT_ID, FORMAT_VERSION, dumps, loads
from sanctions_tracker.tables import Tables

SECTIONS = ["statements", "letters", "regimes", "actions", "designations", "alignments", "blocs"]
KEYS = [
    "id",
    "title",
    "issued_on",
    "published_on",
    "subject",
    "signatures",
    "party",
    "signed_on",
    "withdrawn_on",
    "vote",
    "name",
    "authority",
    "target",
    "measures",
    "regime",
    "date",
    "kind",
    "country",
    "aligned_on",
    "code",
    "memberships",
    "joined",
    "note",
    "sources",
]
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2020", "2020-13-01", "FR", "Atlantis", "EU", "amend", "travel ban"]),
)
_json: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), inner, max_size=4),
    ),
    max_leaves=12,
)


def _loads_or_our_error(text: str) -> None:
    with contextlib.suppress(ValidationError, DataFormatError):
        assert isinstance(loads(text), Tables)


@given(st.dictionaries(st.sampled_from(SECTIONS), _json, max_size=3))
def test_any_json_in_the_sections_is_read_or_refused(sections: dict[str, Any]) -> None:
    """Any JSON value in any section: the tables, or ValidationError/DataFormatError."""
    _loads_or_our_error(json.dumps({"format": FORMAT_ID, "version": FORMAT_VERSION, **sections}))


@given(_json)
def test_any_json_document_is_read_or_refused(value: Any) -> None:
    """Any JSON document at all, our format or not."""
    _loads_or_our_error(json.dumps(value))


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))] or [path]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _leaves(item, (*path, i))] or [path]
    return [path]


@dataset_settings()
@given(datasets(complete=True), st.data())
def test_a_valid_document_with_one_value_replaced(ds: Dataset, data: st.DataObject) -> None:
    """A real document with any one value (a leaf, or a whole list) replaced by any JSON."""
    document = json.loads(dumps(ds.tables))
    path = data.draw(st.sampled_from(_leaves(document)))
    cut = data.draw(st.integers(min_value=1, max_value=max(1, len(path))))
    where: Any = document
    for step in path[: cut - 1]:
        where = where[step]
    if path:
        where[path[cut - 1]] = data.draw(_json)
    _loads_or_our_error(json.dumps(document))


@given(st.text(max_size=200))
def test_any_text_parses_with_spans_into_it(text: str) -> None:
    """parse_signatories never raises, and every span points at its mention's text."""
    found = parse_signatories(text)
    for mention in found.mentions:
        start, end = mention.span
        assert text[start:end] == mention.text
    assert found.to_frame().height == len(found.mentions)


@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            _json.map(json.dumps),
            st.builds(
                lambda schema, props: json.dumps(
                    {"id": "x", "schema": schema, "properties": props}
                ),
                st.sampled_from(["Sanction", "Person", "Company", "Address", "Vessel"]),
                st.dictionaries(
                    st.sampled_from(["entity", "country", "name", "startDate", "programId"]),
                    st.one_of(_json, st.lists(st.text(max_size=8), max_size=2)),
                    max_size=4,
                ),
            ),
        ),
        max_size=8,
    )
)
def test_any_ftm_stream_is_imported_or_reported(lines: list[str]) -> None:
    """Arbitrary lines: an import with every problem reported, never an exception."""
    result = import_ftm(lines)
    assert result.summary.lines == len(lines)


_cells = st.one_of(
    st.text(max_size=10),
    st.sampled_from(
        ["", "2020", "2020-13-01", "NA", "FR", "Atlantis", "true", "maybe", "-1", "1e9"]
    ),
)


@dataset_settings()
@given(datasets(complete=True), st.data())
def test_a_csv_folder_with_cells_replaced(ds: Dataset, data: st.DataObject) -> None:
    """A saved CSV folder with any cells of one file replaced loads or names the problem."""
    folder = Path(tempfile.mkdtemp()) / "tables"
    ds.save(folder, format="csv")
    table = data.draw(st.sampled_from(sorted(p.stem for p in folder.glob("*.csv"))))
    path = folder / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows[1:]:
        for i in range(len(row)):
            if data.draw(st.booleans()):
                row[i] = data.draw(_cells)
    if data.draw(st.booleans()):
        rows.append([data.draw(_cells) for _ in range(data.draw(st.integers(0, len(rows[0]) + 1)))])
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with contextlib.suppress(ValidationError, DataFormatError):
        assert isinstance(Dataset.load(folder), Dataset)


_WORDS = [
    *("report", "signed-not-sanctioned", "sanctioned-not-signed", "resolve", "signatories"),
    *("validate", "convert", "merge", "import-ftm", "matrix", "plot"),
    *("--dataset", "--as-of", "--since", "--until", "--format", "--date", "--out", "--target"),
    *("--documents", "--regimes", "--expand-blocs", "--no-actions", "--help", "-"),
    *("table", "csv", "json", "parquet", "2020", "2020-13-01", "x.json", "out", "out.svg"),
    *("by-2020-09-17-internet-shutdowns", "Korea", "EU-BLR=Belarus", "="),
]


@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=6))
def test_any_command_line_ends_in_a_status(argv: list[str]) -> None:
    """Any arguments: exit status 0, 1 or 2, never an exception (run in an empty folder)."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        stdin, sys.stdin = sys.stdin, io.StringIO("signed by France and Atlantis.")
        out, sys.stdout = sys.stdout, io.StringIO()
        err, sys.stderr = sys.stderr, io.StringIO()
        try:
            status = main(argv)
        finally:
            sys.stdin, sys.stdout, sys.stderr = stdin, out, err
    assert status in (0, 1, 2)
