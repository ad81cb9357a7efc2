"""Counts in messages and summaries take the noun in the number they need: "1 regime"."""

from __future__ import annotations

import pytest

from sanctions_tracker._words import plural
from sanctions_tracker.cli._common import _fail
from sanctions_tracker.io._imports import ImportSummary
from sanctions_tracker.io.unvotes import Unresolved, VotesSummary


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 regimes"), (1, "1 regime"), (2, "2 regimes"), (21, "21 regimes")],
)
def test_one_is_singular_and_every_other_count_plural(count: int, expected: str) -> None:
    """Only exactly one takes the singular, zero too takes the plural."""
    assert expected == plural(count, "regime")


def test_an_irregular_plural_is_given() -> None:
    """A noun that does not take an s is given its plural."""
    assert (plural(1, "party", "parties"), plural(2, "party", "parties")) == (
        "1 party",
        "2 parties",
    )


def test_an_import_of_one_of_each_reads_in_the_singular() -> None:
    """One line, one designation in one regime, one action, one problem."""
    summary = ImportSummary(
        lines=1,
        schemata={"Sanction": 1},
        imported_schemata=("Sanction",),
        designations=1,
        regimes=1,
        actions=1,
        untargeted=("GB-RUS",),
        issues=(),
    )
    expected = ["1 line: Sanction 1", "1 designation in 1 regime, 1 action"]
    assert expected == str(summary).splitlines()[:2]
    assert "1 regime without a target: GB-RUS" in str(summary).splitlines()


def test_a_vote_read_of_one_roll_call_reads_in_the_singular() -> None:
    """One roll call, one vote, one unresolved name of one vote on one line."""
    summary = VotesSummary(
        "unvotes",
        roll_calls=1,
        votes=1,
        by_vote={"for": 1},
        unresolved=(Unresolved("v.csv", "Zanzibar", 1, (5,)),),
    )
    lines = str(summary).splitlines()
    expected = [
        "unvotes layout: 1 roll call, 1 vote (for 1)",
        "1 vote of 1 unresolved name (not loaded):",
        "  v.csv: 'Zanzibar', 1 vote, line 5",
    ]
    assert expected == [lines[0], *lines[2:4]]


def test_one_more_line_of_an_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A two-line error is shown on one line that says one more line follows."""
    _fail("first\nsecond")
    assert "(and 1 more line: see 'validate')" in capsys.readouterr().err
