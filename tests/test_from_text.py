"""JointStatement.from_text: a statement built from the prose that lists its signatories."""

from __future__ import annotations

import pytest
from files import SEPTEMBER_17_REPORT

from sanctions_tracker import JointStatement, blocs
from sanctions_tracker.countries import Country
from sanctions_tracker.errors import ValidationError

SEED = SEPTEMBER_17_REPORT


def test_seed_statement_has_its_29_signatories_in_order() -> None:
    """The founding article's list gives the 29 countries in the order it names them."""
    statement = JointStatement.from_text(
        "by-2020-09-17-internet-shutdowns",
        "Joint statement on Internet shutdowns in Belarus",
        "2020-09-17",
        SEED.read_text(encoding="utf-8"),
        subject="Belarus",
    )
    codes = [p.code for p in statement.signatories if isinstance(p, Country)]
    expected = ["US", "AU", "AT", "BE", "BG", "CA", "CY", "CZ", "DK", "EE"]
    expected += ["FI", "FR", "DE", "GR", "IS", "IE", "JP", "LV", "LI", "LT"]
    expected += ["LU", "NL", "NO", "PL", "SI", "SE", "CH", "GB", "UA"]
    assert expected == codes
    assert Country("BY") == statement.subject


def test_every_unresolved_fragment_is_listed() -> None:
    """Two fragments that name no country make one error with two problems and their spans."""
    text = "Signed by France, Atlantis, Germany and Narnia."
    with pytest.raises(ValidationError) as caught:
        JointStatement.from_text("x", "T", "2020-01-01", text)
    expected = ["text[18:26]", "text[40:46]"]
    assert expected == [p.path for p in caught.value.problems]
    fragments = ["Atlantis", "Narnia"]
    assert fragments == [text[18:26], text[40:46]]


def test_ambiguous_fragment_is_an_error_naming_both_countries() -> None:
    """A name of two countries is refused, and the message names both."""
    with pytest.raises(ValidationError) as caught:
        JointStatement.from_text("x", "T", "2020-01-01", "Signed by France and Korea.")
    (problem,) = caught.value.problems
    assert "KP" in problem.message
    assert "KR" in problem.message


def test_allow_unresolved_leaves_the_fragments_out() -> None:
    """With allow_unresolved the statement keeps what resolves."""
    statement = JointStatement.from_text(
        "x", "T", "2020-01-01", "Signed by France, Atlantis and Germany.", allow_unresolved=True
    )
    assert (Country("FR"), Country("DE")) == statement.signatories


def test_bloc_signs_as_itself() -> None:
    """'... and the European Union' adds the EU as one signatory."""
    statement = JointStatement.from_text(
        "x", "T", "2020-10-26", "Signed by Japan and the European Union."
    )
    assert (Country("JP"), blocs.get("EU")) == statement.signatories


def test_expand_blocs_adds_the_members_on_the_day() -> None:
    """'The European Union and its member states' brings the 27 members after 2020-01-31."""
    text = "Signed by the European Union and its member states, and Norway."
    statement = JointStatement.from_text("x", "T", "2020-10-26", text, expand_blocs=True)
    countries = {p for p in statement.signatories if isinstance(p, Country)}
    expected = 28
    assert expected == len(countries)
    assert Country("GB") not in countries
    assert blocs.get("EU") in statement.signatories


def test_expand_blocs_needs_a_day() -> None:
    """A statement dated to the month cannot say who the members were."""
    with pytest.raises(ValueError, match="not a day"):
        JointStatement.from_text(
            "x",
            "T",
            "2020-10",
            "Signed by the European Union and its member states.",
            expand_blocs=True,
        )


def test_the_date_of_issue_reads_serbia_and_montenegro() -> None:
    """Issued in 2005, the state; in 2020, the two countries; in 2006, an error."""
    text = "Signed by Serbia and Montenegro and Croatia."
    earlier = JointStatement.from_text("a", "T", "2005-03-01", text)
    later = JointStatement.from_text("b", "T", "2020-03-01", text)
    assert [p.code for p in earlier.signatories if isinstance(p, Country)] == ["CSXX", "HR"]
    assert [p.code for p in later.signatories if isinstance(p, Country)] == ["RS", "ME", "HR"]
    with pytest.raises(ValidationError, match="CSXX"):
        JointStatement.from_text("c", "T", "2006", text)
