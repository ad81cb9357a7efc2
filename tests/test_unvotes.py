"""Reading UN General Assembly roll calls: the three layouts, past members, bad rows."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.cli import main
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.errors import DataFormatError, ValidationError
from sanctions_tracker.io import _vote_rows
from sanctions_tracker.io._vote_rows import all_known, call_index, call_rows, positions, repeats
from sanctions_tracker.io.unvotes import read_votes
from sanctions_tracker.records import JointStatement, SanctionsRegime
from sanctions_tracker.validation import validate

EXTRACT = Path(__file__).parent / "data" / "unvotes"
CALLS = "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
VOTES = "rcid,country,country_code,vote\n"
VOETEN = (
    "rcid,ccode,member,vote,Country,Countryname,year,session,importantvote,date,unres,"
    "amend,para,short,descr,me,nu,di,hr,co,ec\n"
)
UNDL = (
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,"
    "title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,"
    "total_non_voting,total_ms,undl_link\n"
)


@pytest.fixture(scope="module")
def extract() -> Dataset:
    return sanctions_tracker.read_un_votes(EXTRACT)


def _unvotes(tmp_path: Path, votes: str, calls: str) -> tuple[Path, Path]:
    (tmp_path / "v.csv").write_text(VOTES + votes, encoding="utf-8")
    (tmp_path / "c.csv").write_text(CALLS + calls, encoding="utf-8")
    return tmp_path / "v.csv", tmp_path / "c.csv"


def test_ukraine_vote_counts(extract: Dataset) -> None:
    """A/RES/68/262 has 100 votes for, 11 against and 58 abstentions."""
    document = extract.document("A/RES/68/262")
    expected = Counter({"for": 100, "against": 11, "abstain": 58})
    assert expected == Counter(s.vote for s in document.signatures)


def test_ukraine_vote_document(extract: Dataset) -> None:
    """The roll call is a document of the General Assembly, dated, described and sourced."""
    document = extract.document("A/RES/68/262")
    assert isinstance(document, JointStatement)
    expected = ("UN General Assembly", "2014-03-27", True, True)
    actual = (
        document.forum,
        str(document.date),
        "Territorial integrity of Ukraine" in document.note,
        "rcid 5309" in document.sources[0],
    )
    assert expected == actual


def test_amendment_and_paragraph_votes_are_roll_call_ids(extract: Dataset) -> None:
    """A vote on an amendment or a paragraph keeps the roll-call id and says what it was."""
    notes = dict(extract.tables.documents.select("document_id", "note").iter_rows())
    expected = (True, True)
    actual = ("a vote on an amendment" in notes["unga-rc-3"],
              "a vote on a paragraph" in notes["unga-rc-812"])  # fmt: skip
    assert expected == actual


def test_emergency_session_symbol(extract: Dataset) -> None:
    """A/RES/ES-10/19 keeps its emergency-session symbol."""
    expected = True
    assert expected == ("A/RES/ES-10/19" in extract.tables.documents["document_id"].to_list())


def test_namibia_is_not_missing(extract: Dataset) -> None:
    """Namibia's code NA is a country, never a missing value."""
    expected = True
    assert expected == ("NA" in extract.tables.signatures["party"].to_list())


def test_extract_passes_validation(extract: Dataset) -> None:
    """The checked tables hold nothing that the full validation would refuse."""
    expected: list[object] = []
    assert expected == validate(extract.tables)


def test_round_trip_through_parquet(extract: Dataset, tmp_path: Path) -> None:
    """The votes survive a save and a load."""
    extract.save(tmp_path / "votes", format="parquet")
    assert extract == Dataset.load(tmp_path / "votes")


def _party(ds: Dataset, rcid: int, country: str) -> list[str]:
    one = ds.tables.documents.filter(pl.col("note").str.starts_with(f"Roll call {rcid} "))
    ids = one["document_id"].to_list()
    rows = read_votes(EXTRACT).signatures.filter(pl.col("document_id").is_in(ids))
    return sorted(set(rows["party"].to_list()) & {country})


# A past member's name, the date of a vote, and the code it has then.
PAST_MEMBERS = [
    ("Federal Republic of Germany", "1985-12-10", "DE"),
    ("Yemen Arab Republic", "1985-12-10", "YE"),
    ("German Democratic Republic", "1985-12-10", "DDDE"),
    ("Yugoslavia", "1985-12-10", "YUCS"),
    ("Yugoslavia", "2004-12-20", "CSXX"),
    ("Yugoslavia", "2015-12-20", "RS"),
    ("Czechoslovakia", "1985-12-10", "CSHH"),
]


@pytest.mark.parametrize(("name", "date", "expected"), PAST_MEMBERS)
def test_past_members_by_date(tmp_path: Path, name: str, date: str, expected: str) -> None:
    """A past member's name becomes the state's code at the date of the vote."""
    votes, calls = _unvotes(tmp_path, f"1,{name},,yes\n", f"1,1,0,{date},R/1/1,0,0,X,Y\n")
    actual = read_votes(votes, calls).signatures["party"].to_list()
    assert [expected] == actual


def test_past_members_keep_their_rows_in_a_large_record(tmp_path: Path) -> None:
    """Thousands of votes read by name, of several past members at several dates, each
    get the code of their own row."""
    rcids = range(1, 6001)
    case = {rcid: PAST_MEMBERS[rcid % len(PAST_MEMBERS)] for rcid in rcids}
    calls = "".join(f"{rcid},1,0,{case[rcid][1]},,0,0,X,Y\n" for rcid in rcids)
    votes = "".join(f"{rcid},{case[rcid][0]},,yes\n{rcid},France,FR,no\n" for rcid in rcids)
    result = read_votes(*_unvotes(tmp_path, votes, calls)).signatures
    actual = result.filter(pl.col("vote") == "for").select(
        pl.col("document_id").str.extract(r"(\d+)$").cast(pl.Int64), "party"
    )
    assert sorted((rcid, case[rcid][2]) for rcid in rcids) == sorted(actual.rows())


def test_zanzibar_is_reported_not_guessed() -> None:
    """A name with no code at the date stays out, reported by file and line with its count."""
    summary = read_votes(EXTRACT).summary
    expected = [("un_votes.csv", "Zanzibar", 1)]
    actual = [(Path(u.file).name, u.name, u.count) for u in summary.unresolved]
    assert expected == actual
    line = summary.unresolved[0].lines[0]
    text = (EXTRACT / "un_votes.csv").read_text(encoding="utf-8").splitlines()[line - 1]
    assert ",Zanzibar," in text


def test_historic_code_after_withdrawal_is_unresolved(tmp_path: Path) -> None:
    """East Germany's code does not hold after ISO withdrew it."""
    votes, calls = _unvotes(
        tmp_path, "1,German Democratic Republic,DD,yes\n", "1,50,0,1995-01-01,R/50/1,0,0,X,Y\n"
    )
    result = read_votes(votes, calls)
    expected = (0, 1)
    assert expected == (result.signatures.height, result.summary.unresolved_votes)


def test_voeten_layout(tmp_path: Path) -> None:
    """Voeten's codes: 1 for, 2 abstain, 3 against, 8 absent; 9 (not a member) is no vote."""
    rows = "".join(
        f"9,{ccode},1,{vote},{cow},{name},2014,68,0,2014-03-27,A/RES/68/262,0,0,U,D,0,0,0,0,0,0\n"
        for ccode, vote, cow, name in [
            (2, 1, "USA", "United States of America"),
            (365, 3, "RUS", "Russia"),
            (710, 2, "CHN", "China"),
            (255, 8, "GMY", "Germany"),
            (260, 9, "GFR", "Federal Republic of Germany"),
        ]
    )
    (tmp_path / "UNVotes.csv").write_text(VOETEN + rows, encoding="utf-8")
    result = read_votes(tmp_path / "UNVotes.csv")
    expected = [("US", "for"), ("RU", "against"), ("CN", "abstain"), ("DE", "absent")]
    actual = result.signatures.select("party", pl.col("vote").cast(pl.String)).rows()
    assert expected == actual
    summary = ("voeten", 1)
    assert summary == (result.summary.layout, result.summary.not_members)


def test_undl_layout(tmp_path: Path) -> None:
    """The Digital Library's layout: ISO alpha-3 codes and X for non-voting."""
    rows = "".join(
        f"1,{code},{name},{vote},2014-03-27,68,A/RES/68/262,A/68/L.39,,80,Territorial "
        f"integrity of Ukraine,,,,100,11,58,24,193,\n"
        for code, name, vote in [("UKR", "UKRAINE", "Y"), ("RUS", "RUSSIAN FEDERATION", "N"),
                                 ("CHN", "CHINA", "A"), ("AGO", "ANGOLA", "X")]
    )  # fmt: skip
    (tmp_path / "undl.csv").write_text(UNDL + rows, encoding="utf-8")
    result = read_votes(tmp_path / "undl.csv")
    expected = [("UA", "for"), ("RU", "against"), ("CN", "abstain"), ("AO", "non-voting")]
    actual = result.signatures.select("party", pl.col("vote").cast(pl.String)).rows()
    assert expected == actual
    ids = ["A/RES/68/262"]
    assert ids == result.documents["document_id"].to_list()


def test_layout_named_must_match(tmp_path: Path) -> None:
    """Naming a layout that the files are not is an error that says which they are."""
    votes, calls = _unvotes(tmp_path, "1,France,FR,yes\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n")
    with pytest.raises(DataFormatError, match="the files are of the unvotes layout"):
        read_votes(votes, calls, layout="undl")


def test_unknown_columns_are_refused(tmp_path: Path) -> None:
    """A file of no known layout names the layouts' columns."""
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="not a roll-call file of a known layout"):
        read_votes(tmp_path / "x.csv")


BAD_VOTES = "1,France,FR,yes\n1,Chile,CL,maybe\n1,France,FR,no\n2,Peru,PE,yes\n3,Peru,PE,yes\n"
BAD_CALLS = (
    "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n2,1,0,,R/1/2,0,0,X,Y\n3,1,0,1946-01-02,68-262,0,0,X,Y\n"
)


def test_bad_rows_raise_with_file_and_line(tmp_path: Path) -> None:
    """Every bad row is reported by file and line, and nothing is loaded by default."""
    votes, calls = _unvotes(tmp_path, BAD_VOTES, BAD_CALLS)
    with pytest.raises(ValidationError) as caught:
        read_votes(votes, calls)
    expected = [
        ("c.csv", 3),  # missing date
        ("c.csv", 4),  # malformed symbol
        ("v.csv", 2),  # France twice
        ("v.csv", 3),  # unknown vote code
        ("v.csv", 4),  # France twice
        (None, None),  # how to load the rest
    ]
    actual = [(p.file and Path(p.file).name, p.line) for p in caught.value.problems]
    assert expected == actual


def test_bad_rows_skipped_when_asked(tmp_path: Path) -> None:
    """With strict=False the good rows load and the summary lists the skipped ones."""
    votes, calls = _unvotes(tmp_path, BAD_VOTES, BAD_CALLS)
    result = read_votes(votes, calls, strict=False)
    messages = [p.message for p in result.summary.problems]
    summary = result.summary
    expected: tuple[list[str], int, int] = ([], 1, 2)
    assert expected == (result.signatures["party"].to_list(), summary.roll_calls,
                        summary.votes_of_skipped_calls)  # fmt: skip
    assert any("unknown vote code 'maybe'" in m for m in messages)
    assert any("FR votes more than once in roll call 1" in m for m in messages)
    assert any("missing date" in m for m in messages)
    assert any("malformed resolution symbol '68-262'" in m for m in messages)


def test_blank_vote_code_is_reported_at_its_line(tmp_path: Path) -> None:
    """A file whose codes are all known or blank is read with its codes as an Enum: a
    blank one is still reported by file and line, and the other rows load when asked."""
    votes, calls = _unvotes(tmp_path, "1,France,FR,yes\n1,Chile,CL,\n", BAD_CALLS)
    with pytest.raises(ValidationError) as caught:
        read_votes(votes, calls)
    problem = caught.value.problems[-2]
    assert (Path(problem.file or "").name, problem.line) == ("v.csv", 3)
    assert "unknown vote code ''" in problem.message
    result = read_votes(votes, calls, strict=False)
    assert result.signatures["party"].to_list() == ["FR"]


def test_shared_symbol_is_not_given_to_either(tmp_path: Path) -> None:
    """Two roll calls that both claim to be the whole vote on one resolution keep their ids."""
    votes, calls = _unvotes(
        tmp_path,
        "1,France,FR,yes\n2,France,FR,no\n",
        "1,60,0,2005-12-01,R/60/1,,,X,Y\n2,60,0,2005-12-01,R/60/1,,,X,Y\n",
    )
    expected = ["unga-rc-1", "unga-rc-2"]
    assert expected == read_votes(votes, calls).documents["document_id"].to_list()


def test_agreement_ignores_absent_members(tmp_path: Path) -> None:
    """A member recorded as absent has no position: no pair is formed with it."""
    rows = "".join(
        f"1,{c},1,{v},X,{n},2014,68,0,2014-03-27,A/RES/68/262,0,0,U,D,0,0,0,0,0,0\n"
        for c, v, n in [(2, 1, "United States of America"), (365, 1, "Russia"), (710, 8, "China")]
    )
    (tmp_path / "UNVotes.csv").write_text(VOETEN + rows, encoding="utf-8")
    pairs = sanctions_tracker.read_un_votes(tmp_path / "UNVotes.csv").agreement()
    expected = [("RU", "US", 1.0)]
    assert expected == pairs.select("country_a", "country_b", "vote_agreement").rows()


@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from(["FR", "NA", "CL", "JP"]),
                  st.sampled_from(["yes", "no", "abstain"])),
        unique_by=lambda row: (row[0], row[1]),
    )
)  # fmt: skip
def test_every_vote_is_one_signature(rows: list[tuple[int, str, str]]) -> None:
    """Each row of the votes table becomes one signature of its roll call, and the
    checked tables pass the full validation."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        # Each code beside its name: R's missing NA is told from Namibia by the name.
        names_of = {"FR": "France", "NA": "Namibia", "CL": "Chile", "JP": "Japan"}
        body = "".join(f"{rcid},{names_of[code]},{code},{vote}\n" for rcid, code, vote in rows)
        calls = "".join(f"{n},1,0,1990-01-0{n},R/1/{n},0,0,X,Y\n" for n in range(1, 5))
        votes, calls_path = _unvotes(Path(folder), body, calls)
        result = read_votes(votes, calls_path)
    names = {"yes": "for", "no": "against", "abstain": "abstain"}
    expected = sorted((f"unga-rc-{r}", code, names[vote]) for r, code, vote in rows)
    actual = sorted(
        result.signatures.select("document_id", "party", pl.col("vote").cast(pl.String)).rows()
    )
    assert expected == actual
    no_problems: list[object] = []
    assert no_problems == validate(Dataset._from_checked(result.tables).tables)


@pytest.fixture(scope="module")
def with_sanctions(extract: Dataset) -> Dataset:
    """The extract's votes beside sanctions on Russia by the US, the EU and India."""
    regimes = Dataset(
        regimes=[
            SanctionsRegime("US-RUS", "US on Russia", "US", "RU", established_on="2014-03-06"),
            SanctionsRegime("EU-RUS", "EU on Russia", "EU", "RU", established_on="2014-03-17"),
            SanctionsRegime("IN-RUS", "made up", "IN", "RU", established_on="2014-05-01"),
        ]
    )
    return extract.merge(regimes)


def test_voted_for_but_did_not_sanction(with_sanctions: Dataset) -> None:
    """Signed means voted for: no vote against or abstention is among the signatories."""
    found = with_sanctions.signed_not_sanctioned("A/RES/68/262", as_of="2014-12-31", target="RU")[
        "country"
    ].to_list()
    votes = dict(with_sanctions.positions("A/RES/68/262").select("country", "vote").iter_rows())
    expected = (True, False, False, False)  # the US sanctions, and France through the EU
    actual = ("UA" in found, "US" in found, "FR" in found, any(votes[c] != "for" for c in found))
    assert expected == actual


def test_sanctioned_but_did_not_vote_for(with_sanctions: Dataset) -> None:
    """A sanctioner that abstained is sanctioned-not-signed, with target= on a vote about
    another country."""
    found = with_sanctions.sanctioned_not_signed("A/RES/68/262", as_of="2014-12-31", target="RU")[
        "country"
    ].to_list()
    expected = ["IN"]
    assert expected == found


def test_positions_with_totals(extract: Dataset) -> None:
    """Each member's vote on A/RES/68/262, with the totals of each vote."""
    rows = extract.positions("A/RES/68/262")
    totals = dict(rows.select(pl.col("vote").cast(pl.String), "total").unique().iter_rows())
    expected = ({"for": 100, "against": 11, "abstain": 58}, "against")
    actual = (totals, rows.filter(pl.col("country") == "RU")["vote"].cast(pl.String).item())
    assert expected == actual


def test_import_votes_stops_at_a_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command exits 1 (bad data) naming the bad row, and writes nothing."""
    votes, calls = _unvotes(tmp_path, "1,France,FR,maybe\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n")
    status = main(["import-votes", str(votes), str(calls), "--out", str(tmp_path / "o.json")])
    expected = (1, False, True)
    actual = (
        status,
        (tmp_path / "o.json").exists(),
        "unknown vote code 'maybe'" in capsys.readouterr().err,
    )
    assert expected == actual


def test_import_votes_skips_bad_rows_when_asked(tmp_path: Path) -> None:
    """With --skip-bad-rows the good rows are written."""
    votes, calls = _unvotes(
        tmp_path, "1,France,FR,maybe\n1,Chile,CL,yes\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n"
    )
    out = tmp_path / "o.json"
    status = main(["import-votes", str(votes), str(calls), "--out", str(out), "--skip-bad-rows"])
    expected = (0, ["CL"])
    assert expected == (status, Dataset.load(out).tables.signatures["party"].to_list())


def _undl(tmp_path: Path, votes: list[tuple[str, str, str]], tail: str = "") -> Path:
    rows = "".join(
        f'1,{code},{name},{vote},2014-03-27,68,A/RES/68/262,A/68/L.39,,80,"Territorial '
        f'integrity of Ukraine, adopted",,,,100,11,58,24,193,\r\n'
        for code, name, vote in votes
    )
    path = tmp_path / "undl.csv"
    path.write_bytes(("\ufeff" + UNDL.replace("\n", "\r\n") + rows + tail).encode("utf-8"))
    return path


def test_undl_blank_vote_is_non_voting(tmp_path: Path) -> None:
    """The Digital Library leaves a non-participating member's vote blank."""
    path = _undl(tmp_path, [("UKR", "UKRAINE", "Y"), ("AGO", "ANGOLA", ""), ("TKM", "TM", " ")])
    expected = [("UA", "for"), ("AO", "non-voting"), ("TM", "non-voting")]
    actual = read_votes(path).signatures.select("party", pl.col("vote").cast(pl.String)).rows()
    assert expected == actual


def test_vote_codes_in_any_case(tmp_path: Path) -> None:
    """Vote codes are read whatever their case: y, Yes, NO."""
    path = _undl(tmp_path, [("UKR", "UKRAINE", "y"), ("RUS", "RUSSIA", "n"), ("CHN", "CHINA", "a")])
    votes, calls = _unvotes(tmp_path, "1,France,FR,Yes\n1,Chile,CL,NO\n",
                            "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n")  # fmt: skip
    expected = (["for", "against", "abstain"], ["for", "against"])
    actual = (read_votes(path).signatures["vote"].cast(pl.String).to_list(),
              read_votes(votes, calls).signatures["vote"].cast(pl.String).to_list())  # fmt: skip
    assert expected == actual


def test_blank_lines_are_no_rows(tmp_path: Path) -> None:
    """Empty lines (at the end, as editors and spreadsheets leave them) are no bad rows."""
    path = _undl(tmp_path, [("UKR", "UKRAINE", "Y"), ("RUS", "RUSSIA", "N")], tail="\r\n\r\n")
    votes, calls = _unvotes(tmp_path, "1,France,FR,yes\n\n\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n\n")
    expected = (2, 1)
    assert expected == (read_votes(path).summary.votes, read_votes(votes, calls).summary.votes)


def test_a_row_with_only_a_bad_vote_code_is_reported_not_taken_for_blank(
    tmp_path: Path,
) -> None:
    """A line whose only value is an unknown vote code is a bad row, not an empty line."""
    votes, calls = _unvotes(
        tmp_path, "1,France,FR,yes\n,,,maybe\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n"
    )
    with pytest.raises(ValidationError) as caught:
        read_votes(votes, calls)
    expected = [("v.csv", 3)]
    assert expected == [(Path(p.file).name, p.line) for p in caught.value.problems if p.file]


def test_members_given_by_code_are_not_listed_as_read_by_name(tmp_path: Path) -> None:
    """The Digital Library's alpha-3 codes are codes: the summary lists no member read by name."""
    path = _undl(tmp_path, [("UKR", "UKRAINE", "Y"), ("RUS", "RUSSIAN FEDERATION", "N")])
    expected = ()
    assert expected == read_votes(path).summary.historic


def test_codes_of_two_and_four_letters_are_taken_as_given(tmp_path: Path) -> None:
    """A record's code of two letters, or of four (a state ISO withdrew), is the member."""
    votes, calls = _unvotes(
        tmp_path, "1,Somewhere,DDDE,yes\n1,Elsewhere,FR,no\n", "1,1,0,1985-12-10,,0,0,X,Y\n"
    )
    result = read_votes(votes, calls)
    expected = (["DDDE", "FR"], ())
    assert expected == (result.signatures["party"].to_list(), result.summary.historic)


def test_import_votes_lists_every_bad_row_and_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A refused import lists every bad row and names --skip-bad-rows, not another command."""
    votes, calls = _unvotes(
        tmp_path, "1,France,FR,maybe\n1,Chile,CL,perhaps\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n"
    )
    status = main(["import-votes", str(votes), str(calls), "--out", str(tmp_path / "o.json")])
    out, err = capsys.readouterr()
    expected = (1, True, True, True, False)
    actual = (status, "'maybe'" in out + err, "'perhaps'" in out + err,
              "--skip-bad-rows" in err, "validate" in err)  # fmt: skip
    assert expected == actual


def test_r_missing_code_is_not_namibia(tmp_path: Path) -> None:
    """R's write.csv writes a missing code as NA: beside another name it is no code."""
    votes, calls = _unvotes(
        tmp_path,
        '1,"Federal Republic of Germany",NA,"no"\n1,"Zanzibar",NA,"no"\n1,"France","FR","yes"\n'
        '2,"Namibia","NA","yes"\n',
        '1,40,0,"1985-12-10","R/40/1",0,0,"X","Y"\n2,45,0,"1990-12-10","R/45/1",0,0,"X","Y"\n',
    )
    result = read_votes(votes, calls)
    expected = ([("DE", "against"), ("FR", "for"), ("NA", "for")], 1)
    actual = result.signatures.select("party", pl.col("vote").cast(pl.String)).rows()
    assert expected == (actual, result.summary.unresolved_votes)


def test_r_missing_symbol_and_title_are_empty(tmp_path: Path) -> None:
    """A roll call saved by R with NA for its symbol and short title loads without them."""
    votes, calls = _unvotes(
        tmp_path, '1,"France","FR","yes"\n', '1,1,0,"1946-01-01",NA,NA,NA,NA,"TO ADOPT"\n'
    )
    result = read_votes(votes, calls)
    expected = [("unga-rc-1", "TO ADOPT", "Roll call 1: a vote. TO ADOPT")]
    assert expected == result.documents.select("document_id", "title", "note").rows()


_CIV_ROW = "1,CIV,C\xd4TE D'IVOIRE,Y,2014-03-27,68,A/RES/68/262,,,80,T,,,,1,0,0,0,1,\n"


def test_a_file_not_in_utf8_names_the_byte_and_the_fix(tmp_path: Path) -> None:
    """A roll-call file saved as Windows-1252 is an error naming the file, byte and fix."""
    path = tmp_path / "undl.csv"
    path.write_bytes((UNDL + _CIV_ROW).encode("cp1252"))
    offset = len(UNDL) + len("1,CIV,C")
    with pytest.raises(DataFormatError) as caught:
        read_votes(path)
    message = str(caught.value)
    expected = (True, True, True)
    assert expected == (
        message.startswith(f"{path}: not UTF-8 at byte {offset} (0xd4)"),
        'encoding="cp1252"' in message,
        "save it as UTF-8" in message,
    )


def test_a_cp1252_file_loads_with_its_encoding(tmp_path: Path) -> None:
    """``encoding="cp1252"`` reads the Windows-1252 file, its accented name resolved."""
    path = tmp_path / "undl.csv"
    path.write_bytes((UNDL + _CIV_ROW).encode("cp1252"))
    dataset = sanctions_tracker.read_un_votes(path, encoding="cp1252")
    parties = dataset.tables.signatures["party"].cast(pl.String).to_list()
    assert parties == ["CI"]


def test_a_utf16_file_with_its_mark_loads_with_true_lines(tmp_path: Path) -> None:
    """UTF-16 with a byte order mark is read untold; a bad row is named at its true line."""
    votes = tmp_path / "v.csv"
    calls = tmp_path / "c.csv"
    votes.write_bytes((VOTES + "1,France,FR,yes\n1,Japan,JP,maybe\n").encode("utf-16"))
    calls.write_bytes((CALLS + '1,1,0,1946-01-01,R/1/1,0,0,X,"two\nlines"\n').encode("utf-16"))
    result = read_votes(votes, calls, strict=False)
    problem = result.summary.problems[0]
    expected = (1, 3, "unknown vote code 'maybe'")
    assert expected == (result.signatures.height, problem.line, problem.message[:25])


def test_an_unknown_encoding_is_named(tmp_path: Path) -> None:
    """A codec Python does not know is an error naming it, not a LookupError."""
    votes, calls = _unvotes(tmp_path, "1,France,FR,yes\n", "1,1,0,1946-01-01,R/1/1,0,0,X,Y\n")
    with pytest.raises(DataFormatError, match="unknown encoding 'cp9999'"):
        read_votes(votes, calls, encoding="cp9999")


def test_import_votes_reads_cp1252_with_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-votes --encoding cp1252` loads the file; without it, one line names the fix."""
    path = tmp_path / "undl.csv"
    path.write_bytes((UNDL + _CIV_ROW).encode("cp1252"))
    out = tmp_path / "o.json"
    refused = main(["import-votes", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    status = main(["import-votes", str(path), "--out", str(out), "--encoding", "cp1252"])
    offset = len(UNDL) + len("1,CIV,C")
    expected = (1, 1, True, True, 0, ["CI"])
    assert expected == (
        refused,
        err.count("\n"),
        f"{path}: not UTF-8 at byte {offset}" in err,
        "--encoding cp1252" in err,
        status,
        Dataset.load(out).tables.signatures["party"].cast(pl.String).to_list(),
    )


def _in_blocks(values: list[int], sizes: list[int], dtype: pl.DataType) -> pl.Series:
    """``values`` as a series held in blocks of the ``sizes`` in turn (one block for no
    sizes), as a file is read."""
    pieces, start = [], 0
    for size in itertools.cycle(sizes or [len(values) + 1]):
        if start >= len(values):
            break
        pieces.append(pl.Series(values[start : start + size], dtype=dtype))
        start += size
    return pl.concat(pieces or [pl.Series([], dtype=dtype)], rechunk=False)


@given(st.lists(st.integers(-3, 6)), st.lists(st.integers(1, 4), max_size=3))
def test_positions_count_the_earlier_votes_of_the_roll_call(
    ids: list[int], sizes: list[int]
) -> None:
    """A vote's position is the number of votes of its roll call before it in the file,
    however the numbers are held in blocks."""
    expected = [ids[:i].count(rcid) for i, rcid in enumerate(ids)]
    assert expected == positions(_in_blocks(ids, sizes, pl.Int64())).to_list()


@given(
    st.lists(st.integers(-5, 40) | st.integers(-(2**40), 2**40)),
    st.lists(st.integers(-5, 40) | st.integers(-(2**40), 2**40), unique=True),
    st.lists(st.integers(1, 4), max_size=3),
)
@example(ids=[3, 1, 2, 3, 1], calls=[1, 2, 3], sizes=[1, 2])
def test_call_rows_find_each_roll_call_or_none(
    ids: list[int], calls: list[int], sizes: list[int]
) -> None:
    """Each vote's roll-call number gives the row of that roll call, or none, however the
    numbers are held in blocks."""
    expected = [calls.index(rcid) if rcid in calls else None for rcid in ids]
    found = call_rows(_in_blocks(ids, sizes, pl.Int64()), pl.Series(calls, dtype=pl.Int64))
    assert expected == found.to_list()


@given(
    st.lists(
        st.tuples(
            st.integers(-3, 6) | st.integers(-(2**40), 2**40),
            st.sampled_from(["US", "FR", "DE", "NA", None]),
        )
    ),
    st.lists(st.integers(1, 4), max_size=3),
)
@example(pairs=[(0, "US"), (2**40, "FR"), (0, "US")], sizes=[])
def test_a_repeated_member_is_found_across_blocks(
    pairs: list[tuple[int, str | None]], sizes: list[int]
) -> None:
    """A member voting twice in one roll call is found wherever the two votes fall among
    the blocks the numbers are held in and the blocks the keys are worked out in (3
    votes here), and however far apart the numbers are (too far for marks over their
    range: hashed); votes of no member (a null code, a name left unresolved) are never
    repeats."""
    ids = _in_blocks([rcid for rcid, _ in pairs], sizes, pl.Int64())
    codes = pl.Series([code for _, code in pairs], dtype=pl.Categorical)
    members = [pair for pair in pairs if pair[1] is not None]
    block, _vote_rows._BLOCK = _vote_rows._BLOCK, 3
    try:
        assert (len(set(members)) < len(members)) == repeats(ids, codes)
    finally:
        _vote_rows._BLOCK = block


def test_positions_keep_their_places_when_worked_out_again() -> None:
    """The places returned are the caller's: working out others after them (in the
    same arrays over the runs) leaves them as they were."""
    first = positions(pl.Series(list(range(1000)) * 3))
    positions(pl.Series([4, 4, 2, 4, 2]))
    expected = [0] * 1000 + [1] * 1000 + [2] * 1000
    assert expected == first.to_list()


def test_positions_and_repeats_on_two_threads_at_once() -> None:
    """Each thread works in arrays of its own: two threads working out the places and
    the repeats of different votes at once each get their own right."""
    from concurrent.futures import ThreadPoolExecutor

    def work(step: int) -> bool:
        ids = pl.Series([n // step for n in range(20_000)])
        codes = pl.Series(["US", "FR"] * 10_000, dtype=pl.Categorical)
        expected = [n % step for n in range(20_000)]
        return all(
            positions(ids).to_list() == expected and repeats(ids, codes) == (step > 2)
            for _ in range(20)
        )

    with ThreadPoolExecutor(2) as pool:
        both_right = [True, True]
        assert both_right == list(pool.map(work, [2, 5]))


@given(
    st.lists(st.integers(0, 12), min_size=1),
    st.lists(st.integers(0, 12), min_size=1, unique=True),
    st.lists(st.integers(1, 4), max_size=3),
)
@example(ids=[0, 1, 2, 3, 9], calls=[0, 1, 2, 3], sizes=[2])
def test_every_roll_call_known_is_told_across_blocks(
    ids: list[int], calls: list[int], sizes: list[int]
) -> None:
    """Whether every vote's number is one of a roll call, wherever a number of none
    falls among the blocks the numbers are held in and looked up in (3 votes here)."""
    # Every number from 0 to 12 among those it looks up: an array from 0.
    index = call_index(pl.Series([*ids, *range(13)]), pl.Series(calls))
    assert index is not None
    rows, start = index
    assert start == 0
    block, _vote_rows._BLOCK = _vote_rows._BLOCK, 3
    try:
        found = all_known(_in_blocks(ids, sizes, pl.UInt32()), rows)
    finally:
        _vote_rows._BLOCK = block
    assert set(ids) <= set(calls) if found else not set(ids) <= set(calls)


@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from(["FR", "CL", "JP"]),
                  st.sampled_from(["yes", "no", "abstain"])),
        min_size=1,
    )
)  # fmt: skip
def test_roll_calls_are_found_however_they_are_numbered(
    rows: list[tuple[int, str, str]],
) -> None:
    """The same votes make the same signatures (and the same members voting twice are
    reported) whether their roll calls are numbered from 1, from 3,000,000,001 (looked
    up from the least), or a million apart (joined)."""
    import tempfile

    names_of = {"FR": "France", "CL": "Chile", "JP": "Japan"}
    numberings: list[Callable[[int], int]] = [
        lambda n: n,
        lambda n: 3_000_000_000 + n,
        lambda n: n * 1_000_000,
    ]
    read = []
    for number in numberings:
        with tempfile.TemporaryDirectory() as folder:
            body = "".join(
                f"{number(rcid)},{names_of[code]},{code},{vote}\n" for rcid, code, vote in rows
            )
            calls = "".join(f"{number(n)},1,0,1990-01-0{n},R/1/{n},0,0,X,Y\n" for n in range(1, 5))
            result = read_votes(*_unvotes(Path(folder), body, calls), strict=False)
        numbers = {f"unga-rc-{number(n)}": n for n in range(1, 5)}
        read.append(
            (
                result.signatures.select(
                    pl.col("document_id").replace_strict(numbers),
                    "position",
                    "party",
                    "vote",
                ).rows(),
                [(p.line, p.message.split(" in roll call")[0]) for p in result.summary.problems],
            )
        )
    assert read[0] == read[1] == read[2]


def test_issues_join_their_roll_calls_by_number(tmp_path: Path) -> None:
    """The issues of each roll call are in its note, joined by number; a roll-call number
    that is not whole in the issues file keeps the others' issues joined (as text)."""
    two_calls = "5,1,0,1946-01-01,R/1/1,0,0,X,Y\n6,1,0,1946-01-02,R/1/2,0,0,X,Z\n"
    votes, calls = _unvotes(tmp_path, "5,France,FR,yes\n6,France,FR,no\n", two_calls)
    issues = tmp_path / "i.csv"
    notes = []
    for extra in ("", "x,hr,Human rights\n"):
        issues.write_text(
            "rcid,short_name,issue\n5,me,Palestinian conflict\n5,hr,Human rights\n" + extra,
            encoding="utf-8",
        )
        notes.append(read_votes(votes, calls, issues).documents["note"].to_list())
    expected = [
        "Roll call 5 on R/1/1: a vote. Y Issues: Human rights, Palestinian conflict.",
        "Roll call 6 on R/1/2: a vote. Z",
    ]
    assert [expected, expected] == notes
