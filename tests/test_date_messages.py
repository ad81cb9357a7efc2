"""One date parser, one message: Python, CSV cells, JSON fields and the command line agree."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_tracker import (
    Dataset,
    JointStatement,
    ValidationError,
    datasets,
    import_eu_annex,
    import_ftm,
)
from sanctions_tracker.cli import main
from sanctions_tracker.dates import DATE_FORMS, DAY_FORM, PartialDate, date_problem, parse_date
from sanctions_tracker.errors import InvalidDateError, SanctionsTrackerError
from sanctions_tracker.io import loads

MONTH_13 = "'2020-13-01' is not a date: month 13 is not between 1 and 12; write"
SEP_17 = "by-2020-09-17-internet-shutdowns"


def _csv_problems(folder: Path, cell: str) -> list[str]:
    folder.mkdir(exist_ok=True)
    text = f"document_id,kind,date\ns,statement,{cell}\n"
    (folder / "documents.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    return [p.message for p in caught.value.problems]


def test_python_record_says_month_13() -> None:
    """A record's date: what is wrong, and the forms a date field takes."""
    with pytest.raises(InvalidDateError) as caught:
        JointStatement("s", "T", "2020-13-01")
    assert f"{MONTH_13} {DATE_FORMS}" == str(caught.value)


def test_csv_cell_says_month_13(tmp_path: Path) -> None:
    """A CSV cell in the right form but no real date says which part is wrong."""
    assert [f"{MONTH_13} {DATE_FORMS}"] == _csv_problems(tmp_path / "t", "2020-13-01")


def test_json_field_says_month_13() -> None:
    """A JSON date field gives the same message as Python and CSV."""
    statement = {"id": "s", "title": "T", "issued_on": "2020-13-01"}
    document = {"format": "sanctions-tracker", "version": 1, "statements": [statement]}
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert [f"{MONTH_13} {DATE_FORMS}"] == [p.message for p in caught.value.problems]


def test_query_cut_off_says_month_13() -> None:
    """A query's cut-off names the argument, what is wrong, and the one form it takes."""
    with pytest.raises(SanctionsTrackerError) as caught:
        datasets.belarus_2020().signed_not_sanctioned(SEP_17, as_of="2020-13-01")
    assert str(caught.value).endswith(f"{MONTH_13} {DAY_FORM}")


def test_cli_as_of_says_month_13(capsys: pytest.CaptureFixture[str]) -> None:
    """--as-of 2020-13-01: exit 2, the same message, the one form it takes."""
    status = main(["signed-not-sanctioned", SEP_17, "--as-of", "2020-13-01"])
    err = capsys.readouterr().err
    expected = (2, True)
    assert expected == (status, f"--as-of: {MONTH_13} {DAY_FORM}" in err)


def test_cli_as_of_day_first_advises_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    """--as-of 31/12/2021 advises 2021-12-31, never a partial form that --as-of refuses."""
    status = main(["signed-not-sanctioned", SEP_17, "--as-of", "31/12/2021"])
    err = capsys.readouterr().err
    expected = (2, True, False)
    actual = ("--as-of: '31/12/2021' is not a date: write 2021-12-31" in err, "YYYY-MM " in err)
    assert expected == (status, *actual)


def test_cli_as_of_month_is_not_enough(capsys: pytest.CaptureFixture[str]) -> None:
    """--as-of 2021-12 says a month is not enough, and the form to write."""
    status = main(["signed-not-sanctioned", SEP_17, "--as-of", "2021-12"])
    err = capsys.readouterr().err
    message = "--as-of: '2021-12' is not a day: a month is not enough here; write YYYY-MM-DD"
    expected = (2, True)
    assert expected == (status, message in err)


def test_csv_membership_day_needs_a_whole_day(tmp_path: Path) -> None:
    """A bloc membership's joining day in CSV takes a whole day, and says so."""
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "blocs.csv").write_text("bloc,name\nXX,A bloc\n", encoding="utf-8")
    (folder / "memberships.csv").write_text("bloc,country,joined\nXX,FR,2020-12\n")
    with pytest.raises(ValidationError) as caught:
        Dataset.load(folder)
    expected = [f"'2020-12' is not a day: a month is not enough here; write {DAY_FORM}"]
    assert expected == [p.message for p in caught.value.problems]


# The CSV reader reads whole columns at once; it must read each cell as parse_date does.
_DATEISH = st.one_of(
    st.text(alphabet="0123456789-/. ", max_size=11),
    st.builds(
        "{}-{}-{}".format,
        st.integers(0, 2100).map("{:04d}".format),
        st.integers(0, 14).map(str),
        st.integers(0, 32).map(str),
    ),
)


@settings(max_examples=40)
@given(cell=_DATEISH.filter(lambda t: t.strip() != "" and "\n" not in t))
def test_csv_reads_a_cell_as_parse_date_does(
    cell: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A date cell loads as parse_date reads it, or is reported with parse_date's message."""
    folder = tmp_path_factory.mktemp("csv")
    (folder / "documents.csv").write_text(
        f'document_id,kind,date\ns,statement,"{cell}"\n', encoding="utf-8"
    )
    problem = date_problem(cell)
    if problem is None:
        expected: PartialDate | list[str] = parse_date(cell)
        actual: PartialDate | list[str] = Dataset.load(folder).statements[0].date
    else:
        expected = [problem]
        with pytest.raises(ValidationError) as caught:
            Dataset.load(folder)
        actual = [p.message for p in caught.value.problems]
    assert expected == actual


def _stream(start_date: str) -> list[str]:
    person = {"id": "p", "schema": "Person", "properties": {"name": ["A"]}}
    sanction = {"entity": ["p"], "country": ["us"], "programId": ["US-X"]}
    sanction["startDate"] = [start_date]
    entity = {"id": "s", "schema": "Sanction", "properties": sanction}
    return [json.dumps(person), json.dumps(entity)]


def test_ftm_date_says_month_13() -> None:
    """A FollowTheMoney date: the property, what is wrong, and the forms it takes."""
    (issue,) = import_ftm(_stream("2020-13-01T00:00:00")).summary.issues
    expected = (
        "startDate '2020-13-01T00:00:00' is not a date: month 13 is not between 1 and 12; "
        f"write {DATE_FORMS}"
    )
    assert expected == issue.message


def test_ftm_reads_the_forms_parse_date_reads() -> None:
    """A one-digit month, as parse_date reads it, is read from a stream too."""
    (designation,) = import_ftm(_stream("2020-9-7")).dataset.designations
    assert parse_date("2020-9-7") == designation.listed_on


def test_eu_annex_date_says_what_is_wrong() -> None:
    """An EU annex date: what is wrong, in the one parser's words, and the annex's form."""
    header = "celex,recordId,programKey,annex,measure,startDate,reason,schema,name\n"
    row = "c,1,EU-BLR,I.A,Asset freeze,31.2.2020,r,Person,A\n"
    (issue,) = import_eu_annex(io.StringIO(header + row)).summary.issues
    expected = "startDate '31.2.2020' is not a date: day 31 is not in 2020-02; write d.m.yyyy"
    assert expected == issue.message


@settings(max_examples=40)
@given(cell=_DATEISH.filter(lambda t: t.strip() != ""))
def test_ftm_reads_a_date_as_parse_date_does(cell: str) -> None:
    """A stream's date is read as parse_date reads it, or reported with its message."""
    result = import_ftm(_stream(cell))
    problem = date_problem(cell.strip())
    if problem is None:
        expected: object = (parse_date(cell), ())
        actual: object = (result.dataset.designations[0].listed_on, result.summary.issues)
    else:
        expected = [f"startDate {problem}".replace(repr(cell.strip()), repr(cell), 1)]
        actual = [issue.message for issue in result.summary.issues]
    assert expected == actual


def test_expanding_blocs_needs_a_whole_day() -> None:
    """A statement dated to the month cannot expand a bloc: our error says why and the form."""
    with pytest.raises(InvalidDateError) as caught:
        JointStatement.from_text(
            "x", "T", "2020-10", "Signed by the European Union.", expand_blocs=True
        )
    expected = (
        f"'2020-10' is not a day: expanding a bloc to its members needs a whole day; "
        f"write {DAY_FORM}"
    )
    assert expected == str(caught.value)
