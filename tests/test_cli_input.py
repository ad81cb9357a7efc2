"""Input as users save it, answers as they want them, and the command line's small promises."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

import polars as pl
import pytest

import sanctions_tracker as st
from sanctions_tracker._advice import FIXES, for_command_line
from sanctions_tracker.cli import main
from sanctions_tracker.cli._common import output_path
from sanctions_tracker.cli.main import _build_parser
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._atomic import write_file_atomically
from sanctions_tracker.io._decode import decode

SEP_17 = "by-2020-09-17-internet-shutdowns"
OCT_26 = "by-2020-10-26-un-human-rights"
CP1252 = "Signed by Japan, Côte d'Ivoire and Norway.".encode("cp1252")


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    """UTF-16 with its byte order mark decodes without being told."""
    expected = "Türkiye"
    assert expected == decode("Türkiye".encode("utf-16"), name="x")


def test_cp1252_error_names_the_file_the_offset_and_the_fix() -> None:
    """A Windows-1252 byte gives the file, the offset and the fix as Python writes it."""
    with pytest.raises(DataFormatError) as caught:
        decode(CP1252, name="notes.txt")
    message = str(caught.value)
    expected = (True, True, True)
    assert expected == (
        message.startswith("notes.txt: "),
        "byte 18" in message,
        'encoding="cp1252"' in message and "--encoding" not in message,
    )


def test_the_command_line_gives_the_fix_as_typed_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same errors on the command line: one line each, the fix typed as an option."""
    text = tmp_path / "notes.txt"
    text.write_bytes(CP1252)
    main(["signatories", str(text)])
    encoding = capsys.readouterr().err
    main(["resolve", "EU"])
    bloc = capsys.readouterr().err
    expected = ((1, True, False), (1, True, False))
    assert expected == (
        (encoding.count("\n"), "--encoding cp1252" in encoding, "encoding=" in encoding),
        (bloc.count("\n"), "bloc-cohesion EU" in bloc, "sanctions_tracker." in bloc),
    )


@pytest.mark.parametrize(
    ("argv", "typed"),
    [
        (["participation", "EU", "--as-of", "2020-12-31"], "TARGET 'EU': "),
        (
            ["sanctioned-not-signed", SEP_17, "--target", "EU", "--as-of", "2020-12-31"],
            "--target 'EU'",
        ),
        (["matrix", "--regimes", "XX"], "--regimes: unknown regime 'XX'"),
        (
            ["signed-not-sanctioned", SEP_17, "--since", "2020-12-31", "--until", "2020-10-01"],
            "give --since on or before --until",
        ),
        (["signed-not-sanctioned", SEP_17, "--until", "2020-09-01"], "a later --until"),
    ],
)
def test_query_errors_name_the_options_as_typed(
    argv: list[str], typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A query's error names its arguments as the command line does, never as keywords."""
    status = main(argv)
    err = capsys.readouterr().err
    expected = (2, 1, True, False)
    assert expected == (status, err.count("\n"), typed in err, "=" in err)


def test_python_query_errors_name_the_keywords() -> None:
    """The same errors in Python name the keyword arguments and give Python's fix."""
    dataset = st.datasets.belarus_2020()
    with pytest.raises(st.QueryError) as window:
        dataset.signed_not_sanctioned(SEP_17, since="2020-12-31", until="2020-10-01")
    with pytest.raises(st.QueryError) as target:
        dataset.participation("EU", as_of="2020-12-31")
    expected = (True, True)
    assert expected == (
        "give since <= until" in str(window.value),
        str(target.value).startswith("target='EU': ") and "blocs.get('EU')" in str(target.value),
    )


def test_python_errors_give_the_fix_as_written_in_python() -> None:
    """In Python, a bloc where a country is needed points to ``sanctions_tracker.blocs``."""
    with pytest.raises(st.UnknownCountryError) as caught:
        st.resolve_country("EU")
    expected = (True, False)
    message = str(caught.value)
    assert expected == ("sanctions_tracker.blocs.get('EU')" in message, "--" in message)


def test_every_fix_has_a_command_line_form() -> None:
    """Each fix's Python form is rewritten on the command line, and none is left as it was."""
    fixes = [(fix.of("EU"), fix.cli.replace("{}", "EU")) for fix in FIXES]
    expected = [(cli, True) for _, cli in fixes]
    assert expected == [
        (for_command_line(python), python != for_command_line(python)) for python, _ in fixes
    ]


# Commands that read no file of the user's: their arguments are names and codes.
_READ_NO_FILE = {"resolve", "programmes", "datasets"}
# FollowTheMoney streams are JSON lines, which RFC 8259 (section 8.1) requires in UTF-8.
_UTF8_BY_STANDARD: set[str] = set()


def test_every_command_that_reads_text_or_csv_takes_encoding() -> None:
    """Every subcommand that reads a file or a dataset takes --encoding; the others read none."""
    parser = _build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    lacking, reading = [], []
    for name, command in commands.choices.items():
        options = {o for action in command._actions for o in action.option_strings}
        reads = "--dataset" in options or any(
            not action.option_strings and action.type is Path for action in command._actions
        )
        if name in _READ_NO_FILE and reads:
            reading.append(name)
        elif name not in _READ_NO_FILE | _UTF8_BY_STANDARD and "--encoding" not in options:
            lacking.append(name)
    assert (lacking, reading) == ([], [])


def test_signatories_reads_cp1252_with_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--encoding cp1252` reads a Notepad file; the codes come out."""
    text = tmp_path / "notes.txt"
    text.write_bytes(CP1252)
    status = main(["signatories", str(text), "--encoding", "cp1252", "--format", "csv"])
    codes = pl.read_csv(io.StringIO(capsys.readouterr().out))["code"].to_list()
    expected = (0, ["JP", "CI", "NO"])
    assert expected == (status, codes)


def test_signatories_on_cp1252_fails_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --encoding the same file is one error line and status 1."""
    text = tmp_path / "notes.txt"
    text.write_bytes(CP1252)
    status = main(["signatories", str(text)])
    err = capsys.readouterr().err
    expected = (1, 1)
    assert expected == (status, len(err.splitlines()))


def test_stdout_that_is_not_utf8_does_not_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ASCII standard output shows Côte d'Ivoire with an escape, and the status is 0."""
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CP1252)))
    status = main(["signatories", "--encoding", "cp1252"])
    out.flush()
    expected = (0, True)
    assert expected == (status, b"C\\xf4te" in raw.getvalue())


def test_empty_text_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Empty input to `signatories` exits 1 and says so."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    status = main(["signatories"])
    expected = (1, True)
    assert expected == (status, "empty" in capsys.readouterr().err)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    st.datasets.belarus_2020().save(folder, format="csv")
    return folder


def test_semicolon_csv_is_read(tmp_path: Path) -> None:
    """A folder whose CSV files use semicolons (European Excel) loads as the same dataset."""
    folder = _folder(tmp_path)
    for path in folder.glob("*.csv"):
        frame = pl.read_csv(path, infer_schema=False)
        frame.write_csv(path, separator=";")
    assert st.datasets.belarus_2020() == st.Dataset.load(folder)


def test_cp1252_csv_loads_with_encoding(tmp_path: Path) -> None:
    """A Windows-1252 CSV folder loads with encoding="cp1252", and fails without it."""
    folder = _folder(tmp_path)
    path = folder / "documents.csv"
    text = path.read_text(encoding="utf-8").replace("Belarus", "Bélarus")
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(DataFormatError, match=r"documents\.csv: not UTF-8 at byte"):
        st.Dataset.load(folder)
    titles = st.Dataset.load(folder, encoding="cp1252").tables.documents["title"]
    assert titles.str.contains("Bélarus").any()


def test_missing_columns_show_the_header_found(tmp_path: Path) -> None:
    """A header without the required columns is shown as found."""
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "actions.csv").write_text("regime|date|kind\nEU-BLR|2020|establish\n")
    with pytest.raises(DataFormatError, match=r"the header has regime\|date\|kind"):
        st.Dataset.load(folder)


def test_import_ftm_of_a_package_json_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not a stream imports nothing: status 1, no dataset written."""
    stream = tmp_path / "package.json"
    stream.write_text(json.dumps({"name": "x", "version": "1.0.0"}))
    out = tmp_path / "out.json"
    status = main(["import-ftm", str(stream), str(out)])
    err = capsys.readouterr().err
    expected = (1, False, True)
    assert expected == (status, out.exists(), "nothing imported" in err)


def test_import_ftm_with_a_bad_line_needs_keep_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A skipped line makes the import fail, unless --keep-going."""
    good = st.datasets.zala_stream_path().read_text(encoding="utf-8")
    stream = tmp_path / "s.ftm.json"
    stream.write_text(good + "not json\n", encoding="utf-8")
    out = tmp_path / "out.json"
    refused = main(["import-ftm", str(stream), str(out)])
    written = main(["import-ftm", str(stream), str(out), "--keep-going"])
    capsys.readouterr()
    expected = (1, 0, True)
    assert expected == (refused, written, out.exists())


def test_permission_errors_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write refused by the system exits 1, naming the user's path, not a temporary one."""
    target = tmp_path / "out.json"

    def refuse(tables: object, path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("sanctions_tracker.io.store.write_json", refuse)
    status = main(["convert", str(_folder(tmp_path)), str(target)])
    err = capsys.readouterr().err
    line = f"sanctions-tracker: error: {target}: permission denied\n"
    expected = (1, line)
    assert expected == (status, err)


def test_atomic_write_names_the_target(tmp_path: Path) -> None:
    """An OSError while writing the temporary copy names the target."""
    target = tmp_path / "a.json"

    def fail(path: Path) -> None:
        raise OSError(28, "No space left on device", str(path))

    with pytest.raises(OSError, match="No space") as caught:
        write_file_atomically(target, fail)
    assert str(target) == caught.value.filename


def test_matrix_prints_its_day(capsys: pytest.CaptureFixture[str]) -> None:
    """The matrix table starts with the day it shows."""
    main(["matrix", "--as-of", "2020-11-30"])
    expected = "status on 2020-11-30"
    assert expected == capsys.readouterr().out.splitlines()[0]


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "markdown"])
def test_every_query_command_takes_every_format(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A query answers in each text format."""
    status = main(["participation", "Belarus", "--as-of", "2020-12-31", "--format", fmt])
    out = capsys.readouterr().out
    expected = (0, True)
    assert expected == (status, "LT" in out)


def test_markdown_is_a_pipe_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown output is a header, a rule and one row per answer row."""
    main(["signed-not-sanctioned", SEP_17, "--as-of", "2020-12-31", "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()
    expected = ("| country | party_kind | name | signed_on | via |", "| --- |")
    assert expected == (lines[0], lines[1][:7])


def test_xlsx_answer_is_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format xlsx --out` writes the answer's rows, lists joined, as a sheet."""
    out = tmp_path / "answer.xlsx"
    status = main(["participation", "Belarus", "--as-of", "2020-12-31", "--out", str(out)])
    capsys.readouterr()
    sheet = pl.read_excel(out)
    expected = (0, True)
    assert expected == (status, sheet.schema["routes"] == pl.String)


def test_xlsx_without_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook is not written to a terminal: status 2 and what to give."""
    status = main(["participation", "Belarus", "--format", "xlsx"])
    expected = (2, True)
    assert expected == (status, "--out" in capsys.readouterr().err)


def test_flatten_makes_an_answer_writable_as_csv() -> None:
    """`st.flatten` joins the list columns, so `write_csv` works."""
    answer = st.datasets.belarus_2020().participation("Belarus", as_of="2020-12-31")
    text = st.flatten(answer).write_csv()
    assert "bloc" in text.splitlines()[1] or "own" in text


def test_workbook_round_trip(tmp_path: Path) -> None:
    """A dataset saved as a workbook loads equal; convert writes one too."""
    path = tmp_path / "data.xlsx"
    dataset = st.datasets.belarus_2020()
    dataset.save(path)
    assert dataset == st.Dataset.load(path)


def test_workbook_that_is_not_ours_is_not_overwritten(tmp_path: Path) -> None:
    """Saving over a workbook with other sheets is refused."""
    path = tmp_path / "mine.xlsx"
    pl.DataFrame({"a": [1]}).write_excel(path, worksheet="budget")
    with pytest.raises(DataFormatError, match="refusing to overwrite"):
        st.datasets.belarus_2020().save(path)


def _statement_folder(tmp_path: Path, signatures: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "documents.csv").write_text(
        "document_id,kind,title,date,subject\n"
        "z,statement,Last,2020-10-01,BY\n"
        "a,statement,First,2020-09-17,BY\n"
    )
    (folder / "signatures.csv").write_text(signatures)
    return folder


@pytest.mark.parametrize("kind", ["bloc", ""])
def test_a_bloc_by_name_signs_in_a_csv(tmp_path: Path, kind: str) -> None:
    """ "European Union" in signatures.csv is the EU, with party_kind bloc or left empty."""
    folder = _statement_folder(
        tmp_path, f"document_id,party,party_kind\nz,European Union,{kind}\nz,Japan,\n"
    )
    rows = st.Dataset.load(folder).tables.signatures.select("party", "party_kind").rows()
    expected = [("EU", "bloc"), ("JP", "country")]
    assert expected == rows


def test_a_saved_folder_keeps_the_users_row_order(tmp_path: Path) -> None:
    """Saving a loaded folder keeps its rows in the order the user wrote them."""
    folder = _statement_folder(tmp_path, "document_id,party\nz,Norway\nz,Japan\na,Iceland\n")
    st.Dataset.load(folder).save(folder)
    saved = pl.read_csv(folder / "documents.csv")["document_id"].to_list()
    assert saved == ["z", "a"]


def test_signatories_for_a_document_is_a_signatures_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`signatories --document ID --format csv` loads as the folder's signatures.csv."""
    text = b"Signed by Japan, Cote d'Ivoire and the European Union."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    main(["signatories", "--document", "z", "--format", "csv"])
    folder = _statement_folder(tmp_path, capsys.readouterr().out)
    rows = st.Dataset.load(folder).tables.signatures.select("party", "position").rows()
    expected = [("JP", 0), ("CI", 1), ("EU", 2)]
    assert expected == rows


def test_a_saved_folder_names_each_code_and_round_trips(tmp_path: Path) -> None:
    """A CSV folder has a readable name beside each code, and loads back equal."""
    folder = _folder(tmp_path)
    regimes = pl.read_csv(folder / "regimes.csv", infer_schema=False)
    names = dict(regimes.select("authority", "authority_name").iter_rows())
    expected = ("Canada", "European Union", True)
    actual = (names["CA"], names["EU"], st.Dataset.load(folder) == st.datasets.belarus_2020())
    assert expected == actual


def test_a_workbook_typed_in_excel_loads(tmp_path: Path) -> None:
    """Dates and numbers typed into Excel cells, and formatted empty rows, load as written."""
    import xlsxwriter  # type: ignore[import-untyped]  # xlsxwriter ships no type hints

    path = tmp_path / "typed.xlsx"
    book = xlsxwriter.Workbook(path)
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    documents = book.add_worksheet("documents")
    documents.write_row(0, 0, ["document_id", "kind", "title", "date", "subject"])
    documents.write_row(1, 0, ["s1", "statement", "On Belarus"])
    documents.write_datetime(1, 3, dt.datetime(2020, 9, 17), day)
    documents.write(1, 4, "Belarus")
    documents.write_blank(2, 3, None, day)
    signatures = book.add_worksheet("signatures")
    signatures.write_row(0, 0, ["document_id", "position", "party"])
    signatures.write_row(1, 0, ["s1", 1, "Japan"])
    signatures.write_row(2, 0, ["s1", 0, "France"])
    book.close()
    expected = st.Dataset(statements=[st.JointStatement("s1", "On Belarus", "2020-09-17", "BY",
                                                        ["FR", "JP"])])  # fmt: skip
    assert expected == st.Dataset.load(path)


SEPTEMBER = "by-2020-09-17-internet-shutdowns"


def test_explain_prints_prose_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """`explain` without --format prints the explanation as prose, as its help says."""
    status = main(["explain", SEPTEMBER, "Japan", "--as-of", "2020-12-31"])
    out = capsys.readouterr().out
    expected = (0, True)
    assert expected == (status, out.startswith("Japan (JP) and " + SEPTEMBER))


def test_explain_writes_to_out(tmp_path: Path) -> None:
    """`explain --out` writes its answer to the file, in the format of its extension."""
    prose, whole = tmp_path / "why.txt", tmp_path / "why.json"
    main(["explain", SEPTEMBER, "Japan", "--as-of", "2020-12-31", "--out", str(prose)])
    main(["explain", SEPTEMBER, "Japan", "--as-of", "2020-12-31", "--out", str(whole)])
    expected = (True, "JP")
    actual = (prose.read_text(encoding="utf-8").startswith("Japan (JP)"),
              json.loads(whole.read_text(encoding="utf-8"))["country"])  # fmt: skip
    assert expected == actual


# Each command that writes a file, with its output in a folder that does not exist.
_NO_FOLDER = "no-such-folder"
_WRITERS = {
    "report": ["report", "--html", f"{_NO_FOLDER}/r.html"],
    "signed-not-sanctioned": [
        "signed-not-sanctioned",
        SEP_17,
        "--as-of",
        "2020-12-31",
        "--out",
        f"{_NO_FOLDER}/a.csv",
    ],
    "matrix": ["matrix", "--out", f"{_NO_FOLDER}/m.csv"],
    "explain": ["explain", SEP_17, "Japan", "--as-of", "2020-12-31", "--out", f"{_NO_FOLDER}/e"],
    "programmes": ["programmes", "--out", f"{_NO_FOLDER}/p.csv"],
    "datasets": ["datasets", "--out", f"{_NO_FOLDER}/d.csv"],
    "signatories": ["signatories", "TEXT", "--out", f"{_NO_FOLDER}/s.csv"],
    "convert": ["convert", "DATASET", f"{_NO_FOLDER}/c.json"],
    "merge": ["merge", "DATASET", "--out", f"{_NO_FOLDER}/m.json"],
    "import-votes": ["import-votes", "VOTES", "--out", f"{_NO_FOLDER}/v.parquet"],
    "import-ftm": ["import-ftm", "STREAM", f"{_NO_FOLDER}/f.json"],
    "plot": ["plot", f"{_NO_FOLDER}/p.png"],
}


@pytest.mark.parametrize("command", sorted(_WRITERS))
def test_an_output_in_a_missing_folder_is_a_usage_error_everywhere(
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An output path whose folder does not exist exits 2 in every command, in one line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "TEXT").write_text("Signed by Japan and Norway.", encoding="utf-8")
    st.datasets.belarus_2020().save(tmp_path / "DATASET.json")
    (tmp_path / "STREAM").write_text("{}\n", encoding="utf-8")
    votes = Path(__file__).parent / "data" / "unvotes"
    given = {"DATASET": "DATASET.json", "VOTES": str(votes)}
    status = main([given.get(arg, arg) for arg in _WRITERS[command]])
    err = capsys.readouterr().err
    expected = (2, 1, True, False)
    assert expected == (
        status,
        err.count("\n"),
        f"no folder {_NO_FOLDER} to write it in" in err,
        (tmp_path / _NO_FOLDER).exists(),
    )


def test_every_command_that_writes_is_checked_for_its_folder() -> None:
    """Every output of every command (--out, --html, --markdown, a DST or OUT) is checked,
    and the commands tried above are among those that write."""
    parser = _build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    outputs = {
        (name, action.dest): action.type is output_path
        for name, command in commands.choices.items()
        for action in command._actions
        if {"--out", "--html", "--markdown"} & set(action.option_strings)
        or (not action.option_strings and action.metavar in ("DST", "OUT"))
    }
    unchecked = sorted(output for output, checked in outputs.items() if not checked)
    expected: tuple[list[tuple[str, str]], set[str]] = ([], set(_WRITERS))
    assert expected == (unchecked, {name for name, _ in outputs} & set(_WRITERS))


def _cp1252_stream(tmp_path: Path) -> Path:
    person = {"id": "p1", "schema": "Person", "properties": {"name": ["José Müller"]}}
    sanction = {
        "id": "s1",
        "schema": "Sanction",
        "properties": {
            "entity": ["p1"],
            "programId": ["EU-BLR"],
            "country": ["eu"],
            "startDate": ["2020-10-02"],
        },
    }
    stream = tmp_path / "cp1252.ftm.json"
    lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in (person, sanction))
    stream.write_bytes(lines.encode("cp1252"))
    return stream


def test_import_ftm_names_a_line_that_is_not_utf8_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stream saved as Windows-1252 is refused line by line, with the byte and the fix."""
    stream = _cp1252_stream(tmp_path)
    assert main(["import-ftm", str(stream), str(tmp_path / "out.json")]) == 1
    out = capsys.readouterr().out
    assert "line 1: not UTF-8 at byte 61 of the line: give --encoding cp1252" in out
    assert not (tmp_path / "out.json").exists()
    issues = st.import_ftm(stream).summary.issues
    assert 'give encoding="cp1252"' in str(issues[0])


def test_import_ftm_reads_a_cp1252_stream_with_encoding(tmp_path: Path) -> None:
    """--encoding cp1252 (encoding= in Python) reads the stream and keeps the accents."""
    stream = _cp1252_stream(tmp_path)
    out = tmp_path / "out.json"
    assert main(["import-ftm", "--encoding", "cp1252", str(stream), str(out)]) == 0
    (designation,) = st.Dataset.load(out).designations
    assert designation.target.name == "José Müller"
    assert st.import_ftm(stream, encoding="cp1252").dataset == st.Dataset.load(out)
