"""The command line: the report, the questions, the file commands and their errors.

Most tests call ``main(argv)`` in the process; a few run the real command in a
subprocess, as a user would (each costs about a second).
"""

import io
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from files import SEPTEMBER_17_REPORT, ZALA

import sanctions_tracker as st
from sanctions_tracker.cli import main
from sanctions_tracker.cli.files import _Progress
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.plot import signed_documents

ROOT = Path(__file__).resolve().parent.parent
SEP_17 = "by-2020-09-17-internet-shutdowns"
OCT_26 = "by-2020-10-26-un-human-rights"
COMMANDS = [
    "report",
    "signed-not-sanctioned",
    "sanctioned-not-signed",
    "resolve",
    "signatories",
    "validate",
    "convert",
    "merge",
    "import-ftm",
    "matrix",
    "plot",
    "signed-not-sanctioned-all",
    "participation",
    "matrix-summary",
    "response-lag",
    "agreement",
    "bloc-cohesion",
    "timeline",
    "programmes",
    "datasets",
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sanctions_tracker", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _section(report: str, document_id: str) -> str:
    """The part of the report about one document."""
    blocks = report.split("\n\n")
    return next(block for block in blocks if document_id in block)


def _listed(section: str, heading: str) -> list[str]:
    """The country codes listed under the heading that starts with ``heading``."""
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
    codes = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        if line[4:8].strip() and line.strip() != "none":
            codes.append(line[4:8].strip())
    return codes


# -- the real command, in a subprocess ------------------------------------------------------


def test_no_arguments_prints_the_report() -> None:
    """`python -m sanctions_tracker` alone prints the report on the built-in data, exit 0."""
    result = _run()
    late = _listed(_section(result.stdout, SEP_17), "Signed, but took no sanctions")
    expected = (0, "", ["AU", "JP"])
    assert expected == (result.returncode, result.stderr, late)


def test_user_error_is_one_line_and_status_2() -> None:
    """A missing dataset file gives one error line on stderr, no traceback, and status 2."""
    result = _run("matrix", "--dataset", "no/such/file.json")
    expected = (2, "sanctions-tracker: error: no/such/file.json: no such file or folder\n")
    assert expected == (result.returncode, result.stderr)


def test_help_lists_every_command() -> None:
    """`--help` prints the usage with every command, and exits 0."""
    result = _run("--help")
    expected: tuple[int, list[str]] = (0, [])
    assert expected == (result.returncode, [c for c in COMMANDS if c not in result.stdout])


# -- the report ---------------------------------------------------------------------------------


def test_report_lists_who_sanctioned_without_signing(capsys: pytest.CaptureFixture[str]) -> None:
    """The 17 September section lists the countries in sanctions on 2020-12-31 that did not sign."""
    main([])
    section = _section(capsys.readouterr().out, SEP_17)
    expected = belarus_2020().sanctioned_not_signed(SEP_17, as_of="2020-12-31")["country"]
    assert expected.to_list() == _listed(section, "Took part in sanctions")


def test_report_lists_the_eleven_of_the_facts(capsys: pytest.CaptureFixture[str]) -> None:
    """For 17 September the report lists the eleven countries of the sourced facts."""
    main([])
    section = _section(capsys.readouterr().out, SEP_17)
    expected = ["AL", "ES", "HR", "HU", "IT", "ME", "MK", "MT", "PT", "RO", "SK"]
    assert expected == _listed(section, "Took part in sanctions")


def test_report_lists_the_status_of_signatories(capsys: pytest.CaptureFixture[str]) -> None:
    """The 26 October section lists the signatories not in sanctions on 2020-12-31."""
    main([])
    section = _section(capsys.readouterr().out, OCT_26)
    expected = belarus_2020().signed_not_sanctioned(OCT_26, as_of="2020-12-31")["country"]
    assert expected.to_list() == _listed(section, "Signed, but took no part")


def test_report_names_every_signatory(capsys: pytest.CaptureFixture[str]) -> None:
    """The report names every signatory of the 26 October statement, the EU among them."""
    main(["report"])
    section = " ".join(_section(capsys.readouterr().out, OCT_26).split())
    document = belarus_2020().document(OCT_26)
    expected: list[str] = []
    assert expected == [s.party.name for s in document.signatures if s.party.name not in section]


def test_report_shows_the_letter_count_and_no_lists(capsys: pytest.CaptureFixture[str]) -> None:
    """An anonymous letter shows its reported count, and no lists: nobody named signed it."""
    main([])
    section = _section(capsys.readouterr().out, "by-2020-security-forces-letter")
    expected = (True, False)
    assert expected == ("more than 100 signatories reported" in section, "sanctions" in section)


def test_report_until_moves_the_cut_off(capsys: pytest.CaptureFixture[str]) -> None:
    """`report --until` gives the status on that day."""
    main(["report", "--until", "2020-10-01"])
    section = _section(capsys.readouterr().out, SEP_17)
    expected = belarus_2020().sanctioned_not_signed(SEP_17, as_of="2020-10-01")["country"]
    assert expected.to_list() == _listed(section, "Took part in sanctions")


# -- the questions -----------------------------------------------------------------------------


def test_signed_not_sanctioned_window_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """The window form gives the library's answer, one CSV row per country."""
    main(["signed-not-sanctioned", SEP_17, "--until", "2020-12-31", "--format", "csv"])
    frame = pl.read_csv(io.StringIO(capsys.readouterr().out))
    expected = belarus_2020().signed_not_sanctioned(SEP_17, until="2020-12-31")["country"]
    assert expected.to_list() == frame["country"].to_list()


def test_sanctioned_not_signed_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON form is a list of objects, one per country, in the library's order."""
    main(["sanctioned-not-signed", OCT_26, "--as-of", "2020-12-31", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    expected = belarus_2020().sanctioned_not_signed(OCT_26, as_of="2020-12-31")["country"]
    assert expected.to_list() == [row["country"] for row in rows]


def test_question_table_has_a_row_per_country(capsys: pytest.CaptureFixture[str]) -> None:
    """The table form has a header, a rule, and one line per country."""
    main(["sanctioned-not-signed", SEP_17, "--as-of", "2020-12-31"])
    lines = capsys.readouterr().out.splitlines()
    expected = belarus_2020().sanctioned_not_signed(SEP_17, as_of="2020-12-31")["country"]
    assert expected.to_list() == [line.split()[0] for line in lines[2:]]


def test_partial_dates_print_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A signature known to the month prints as 2020-10, in every format."""
    from sanctions_tracker.records import JointStatement, Signature

    statement = JointStatement(
        "s", "S", "2020-09-17", "BY", signatures=[Signature("Iceland", signed_on="2020-10")]
    )
    path = tmp_path / "s.json"
    st.Dataset(statements=[statement]).save(path)
    argv = ["signed-not-sanctioned", "s", "--dataset", str(path), "--as-of", "2020-12-31"]
    main([*argv, "--format", "csv"])
    main([*argv, "--format", "json"])
    out = capsys.readouterr().out
    csv_part, json_part = out.split("[", 1)
    expected = (["2020-10"], ["2020-10"])
    actual = (
        pl.read_csv(io.StringIO(csv_part), schema_overrides={"signed_on": pl.String})[
            "signed_on"
        ].to_list(),
        [row["signed_on"] for row in json.loads("[" + json_part)],
    )
    assert expected == actual


def test_unknown_document_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown document id exits 2 and lists the ids there are."""
    status = main(["signed-not-sanctioned", "nope", "--as-of", "2020-12-31"])
    err = capsys.readouterr().err
    expected = (2, True, True)
    actual = (status, err.startswith("sanctions-tracker: error: unknown document 'nope'"))
    assert expected == (*actual, SEP_17 in err)


def test_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A date that is not YYYY-MM-DD exits 2 with one line naming the option."""
    status = main(["sanctioned-not-signed", SEP_17, "--as-of", "31/12/2020"])
    err = capsys.readouterr().err
    expected = (2, 1, True)
    assert expected == (status, len(err.splitlines()), "--as-of: '31/12/2020' is not a date" in err)


def test_as_of_with_window_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """--as-of and --since/--until together are refused."""
    status = main(
        ["signed-not-sanctioned", SEP_17, "--as-of", "2020-12-31", "--since", "2020-09-17"]
    )
    expected = (2, True)
    assert expected == (status, "sanctions-tracker: error: " in capsys.readouterr().err)


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits 2 with one line naming the commands."""
    status = main(["sanction"])
    err = capsys.readouterr().err
    expected = (2, 1, True)
    assert expected == (status, len(err.splitlines()), "invalid choice: 'sanction'" in err)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`COMMAND --help` prints a usage line for that command and exits 0."""
    status = main([command, "--help"])
    expected = (0, True)
    usage = capsys.readouterr().out.startswith(f"usage: sanctions-tracker {command}")
    assert expected == (status, usage)


# -- resolve ----------------------------------------------------------------------------------


def test_resolve_prints_code_and_name(capsys: pytest.CaptureFixture[str]) -> None:
    """Each name resolves to its code and canonical name, one per line."""
    status = main(["resolve", "Korea, Rep.", "Czech Republic"])
    lines = [f"{c.code}  {c.name}" for c in (st.Country("KR"), st.Country("CZ"))]
    expected = (0, lines)
    assert expected == (status, capsys.readouterr().out.splitlines())


def test_resolve_failure_exits_1_with_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A name that does not resolve prints the library's error and makes the exit status 1."""
    status = main(["resolve", "Japan", "Atlantis"])
    out, err = capsys.readouterr()
    with pytest.raises(st.UnknownCountryError) as caught:
        st.resolve_country("Atlantis")
    expected = (1, f"JP  {st.Country('JP').name}\n", f"sanctions-tracker: error: {caught.value}\n")
    assert expected == (status, out, err)


# -- validate and convert ----------------------------------------------------------------------


def test_validate_valid_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid dataset file passes, with a count of what it holds."""
    path = tmp_path / "belarus.json"
    belarus_2020().save(path)
    status = main(["validate", str(path)])
    expected = (0, True)
    assert expected == (status, capsys.readouterr().out.startswith(f"{path}: valid: "))


def test_validate_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid dataset exits 1 and prints every problem the library finds."""
    folder = tmp_path / "tables"
    belarus_2020().save(folder, format="csv")
    signatures = pl.read_csv(folder / "signatures.csv", infer_schema=False)
    broken = signatures.with_columns(
        pl.when(pl.int_range(pl.len()) < 2)
        .then(pl.lit("missing-document"))
        .otherwise(pl.col("document_id"))
        .alias("document_id")
    )
    broken.write_csv(folder / "signatures.csv")
    with pytest.raises(st.ValidationError) as caught:
        st.Dataset.load(folder)
    status = main(["validate", str(folder)])
    printed = capsys.readouterr().out.splitlines()
    expected = (1, [f"  {p}" for p in caught.value.problems])
    assert expected == (status, printed[1:])


def test_validate_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Validating a path that does not exist is a user error, not a problem list."""
    status = main(["validate", str(tmp_path / "none.json")])
    expected = (2, True)
    assert expected == (status, "no such file or folder" in capsys.readouterr().err)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_convert_round_trips(fmt: str, tmp_path: Path) -> None:
    """JSON -> tables -> JSON through the command loses nothing."""
    source = tmp_path / "belarus.json"
    belarus_2020().save(source)
    main(["convert", str(source), str(tmp_path / "tables"), "--format", fmt])
    main(["convert", str(tmp_path / "tables"), str(tmp_path / "back.json")])
    assert belarus_2020() == st.Dataset.load(tmp_path / "back.json")


# -- import-ftm, matrix, plot ---------------------------------------------------------------------


def test_import_ftm_writes_a_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The OpenSanctions fixture imports into a dataset equal to the library's import."""
    from sanctions_tracker.importers import import_ftm

    stream = ZALA
    out = tmp_path / "zala.json"
    main(["import-ftm", str(stream), str(out), "--target", "GB-RUS=RU"])
    expected = import_ftm(stream, targets={"GB-RUS": "RU"})
    printed = capsys.readouterr().out
    assert (expected.dataset, True) == (st.Dataset.load(out), str(expected.summary) in printed)


def test_import_ftm_bad_target_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A --target without '=' is a usage error naming the form to write."""
    stream = ZALA
    status = main(["import-ftm", str(stream), str(tmp_path / "z.json"), "--target", "GB-RUS"])
    expected = (2, True)
    assert expected == (status, "write PROGRAMME=COUNTRY" in capsys.readouterr().err)


def test_import_ftm_no_progress_off_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With stderr not a terminal, the import prints no progress bar."""
    stream = ZALA
    main(["import-ftm", str(stream), str(tmp_path / "zala.json")])
    expected = ""
    assert expected == capsys.readouterr().err


def test_progress_draws_one_line() -> None:
    """The progress line redraws in place and ends with a newline at 100%."""
    stream = io.StringIO()
    progress = _Progress(stream, 200)
    progress(100)
    progress(200)
    progress.close()
    expected = f"\rimporting [{'#' * 12}{' ' * 13}]  50%\rimporting [{'#' * 25}] 100%\n"
    assert expected == stream.getvalue()


def test_matrix_csv_has_a_row_per_party(capsys: pytest.CaptureFixture[str]) -> None:
    """`matrix --format csv` has a row per party, a column per signed document, in order."""
    main(["matrix", "--as-of", "2020-12-31", "--format", "csv"])
    frame = pl.read_csv(io.StringIO(capsys.readouterr().out))
    documents = signed_documents(belarus_2020())
    cells = belarus_2020().matrix(documents, as_of="2020-12-31")
    parties = cells.select("country", "party_kind").unique()
    order = parties.sort(pl.col("party_kind") != "country", "country")["country"].to_list()
    expected = (order, ["country", "party_kind", "name", *documents])
    assert expected == (frame["country"].to_list(), frame.columns)


def test_plot_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`plot OUT.svg` writes a picture of the built-in data."""
    out = tmp_path / "matrix.svg"
    status = main(["plot", str(out)])
    expected = (0, f"wrote {out}\n", True)
    assert expected == (status, capsys.readouterr().out, out.stat().st_size > 10_000)


def test_report_shows_a_documents_note(capsys: pytest.CaptureFixture[str]) -> None:
    """The letter's note (why it is dated to the year only) is printed under its title."""
    assert main([]) == 0
    report = capsys.readouterr().out
    assert "Note: The article is undated" in report


# -- signatories ------------------------------------------------------------------------------


def test_signatories_of_the_seed_from_stdin() -> None:
    """The founding article, piped in: its 29 countries as CSV, exit 0."""
    seed = SEPTEMBER_17_REPORT.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sanctions_tracker", "signatories", "--format", "csv"],
        cwd=ROOT,
        input=seed,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    frame = pl.read_csv(io.StringIO(result.stdout))
    assert frame.height == 29
    assert frame["code"].to_list()[:3] == ["US", "AU", "AT"]
    assert frame["error"].null_count() == 29


def test_signatories_unresolved_items_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An item that names nothing is listed with its reason, and the status is 1."""
    text = tmp_path / "statement.txt"
    text.write_text("Signed by France and Atlantis.", encoding="utf-8")
    assert main(["signatories", str(text), "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [(r["text"], r["code"]) for r in rows] == [("France", "FR"), ("Atlantis", None)]
    assert "unknown country 'Atlantis'" in rows[1]["error"]


def test_signatories_date_reads_serbia_and_montenegro(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--date tells the dissolved state from the two countries."""
    text = tmp_path / "statement.txt"
    text.write_text("Signed by Serbia and Montenegro.", encoding="utf-8")
    assert main(["signatories", str(text), "--date", "2005", "--format", "csv"]) == 0
    assert pl.read_csv(io.StringIO(capsys.readouterr().out))["code"].to_list() == ["CSXX"]
    assert main(["signatories", str(text), "--date", "2020", "--format", "csv"]) == 0
    assert pl.read_csv(io.StringIO(capsys.readouterr().out))["code"].to_list() == ["RS", "ME"]


def test_signatories_expand_blocs_needs_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--expand-blocs with a year only is a user error; with a day it lists the members."""
    text = tmp_path / "statement.txt"
    text.write_text("On behalf of the European Union and its member states.", encoding="utf-8")
    assert main(["signatories", str(text), "--expand-blocs", "--date", "2020"]) == 2
    assert "needs --date to be a day" in capsys.readouterr().err
    args = ["signatories", str(text), "--expand-blocs", "--date", "2020-10-26", "--format", "json"]
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows[0]["members"]) == 27
    assert "GB" not in rows[0]["members"]


def test_signatories_missing_file_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file prints one line and exits 2."""
    assert main(["signatories", "no-such-statement.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


# -- merge ------------------------------------------------------------------------------------


def test_merge_writes_one_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The built-in statements and an OpenSanctions import become one dataset on disk."""
    statements, sanctions, out = tmp_path / "b.json", tmp_path / "z.json", tmp_path / "c.json"
    belarus_2020().save(statements)
    zala = ZALA
    assert main(["import-ftm", str(zala), str(sanctions)]) == 0
    assert main(["merge", str(statements), str(sanctions), "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert st.Dataset.load(out) == belarus_2020().merge(st.Dataset.load(sanctions))


def test_merge_clash_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same id with different content is listed, and no file is written."""
    one, other, out = tmp_path / "one.json", tmp_path / "other.json", tmp_path / "out.json"
    st.Dataset(statements=[st.JointStatement("s", "A title", "2020")]).save(one)
    st.Dataset(statements=[st.JointStatement("s", "Another title", "2020")]).save(other)
    assert main(["merge", str(one), str(other), "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "cannot merge: 1 problem" in printed
    assert "statements['s']: given differently in datasets 1 and 2" in printed
    assert f"(dataset 2: {other})" in printed
    assert not out.exists()


def test_datasets_lists_each_built_in_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """One CSV row a built-in dataset, with its counts of documents and regimes."""
    status = main(["datasets", "--format", "csv"])
    rows = pl.read_csv(io.StringIO(capsys.readouterr().out))
    expected = [("belarus-2020", 3, 8), ("crimea-2014", 1, 13), ("xinjiang-2019-2021", 4, 4)]
    assert (0, expected) == (status, rows.select("name", "documents", "regimes").rows())


def test_report_takes_a_built_in_dataset_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    """``report NAME`` and ``report --dataset NAME`` print the same report on that dataset."""
    by_name = main(["report", "xinjiang-2019-2021"]), capsys.readouterr().out
    by_option = main(["report", "--dataset", "xinjiang-2019-2021"]), capsys.readouterr().out
    assert by_name == by_option
    assert "xj-2019-07-12-hrc41-support" in by_name[1]
    assert SEP_17 not in by_name[1]


def test_an_unknown_dataset_name_lists_the_built_in_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A name that is neither built in nor a path fails with the names there are."""
    status = main(["report", "atlantis-1999"])
    err = capsys.readouterr().err
    assert (status, "belarus-2020" in err, "xinjiang-2019-2021" in err) == (2, True, True)


def test_a_name_that_is_also_a_path_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A built-in name with a file of that name here is an error, never a guess."""
    (tmp_path / "belarus-2020").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["report", "--dataset", "belarus-2020"])
    assert (
        status,
        "./belarus-2020" if "./belarus-2020" in capsys.readouterr().err else "",
    ) == (2, "./belarus-2020")
