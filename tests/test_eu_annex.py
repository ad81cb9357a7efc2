"""Reading the EU consolidated annex of the Belarus regime (Regulation (EC) No 765/2006)."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from files import EU_ANNEX_EXAMPLE, EU_ANNEX_REAL, needs_eu_annex
from hypothesis import given
from hypothesis import strategies as st

from sanctions_tracker.countries import Country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.importers import import_eu_annex

ANNEX = EU_ANNEX_REAL
HEADER = "celex,recordId,programKey,annex,measure,startDate,reason,schema,name\n"


def _raw_rows() -> list[dict[str, str]]:
    with ANNEX.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _raw_day(text: str) -> dt.date | None:
    """The independent reading of the annex's d.m.yyyy dates."""
    parts = text.strip().split(".")
    if len(parts) == 3:
        day, month, year = (int(part) for part in parts)
        return dt.date(year, month, day)
    if text.strip():  # a few rows write the month in words: 20 March 2022
        return dt.datetime.strptime(text.strip(), "%d %B %Y").date()
    return None


def _annex(*rows: str) -> io.StringIO:
    return io.StringIO(HEADER + "".join(f"{row}\n" for row in rows))


@needs_eu_annex
@pytest.mark.parametrize("day", [dt.date(2020, 10, 2), dt.date(2020, 11, 6), dt.date(2020, 12, 17)])
def test_listings_of_the_2020_packages(day: dt.date) -> None:
    """The designations dated on each 2020 package day are the rows the file dates so."""
    expected = sum(1 for row in _raw_rows() if _raw_day(row["startDate"]) == day)
    designations = import_eu_annex(ANNEX).dataset.designations
    assert expected == sum(1 for d in designations if d.listed_on == PartialDate.of(day))


@needs_eu_annex
def test_2020_packages_as_the_docs_give_them() -> None:
    """The real annex dates 39, 15 and 37 listings on the three 2020 package days."""
    days = [dt.date(2020, 10, 2), dt.date(2020, 11, 6), dt.date(2020, 12, 17)]
    listed = [d.listed_on for d in import_eu_annex(ANNEX).dataset.designations]
    expected = [39, 15, 37]
    assert expected == [listed.count(PartialDate.of(day)) for day in days]


@needs_eu_annex
def test_every_row_is_imported_or_reported() -> None:
    """Each of the file's rows is a designation or a skipped issue."""
    summary = import_eu_annex(ANNEX).summary
    assert len(_raw_rows()) == summary.designations + len(summary.skipped)


@needs_eu_annex
def test_asset_row_is_skipped_with_its_line() -> None:
    """The one Asset row (a digital currency) is reported by line, not designated."""
    raw = _raw_rows()
    expected = [index + 2 for index, row in enumerate(raw) if row["schema"] == "Asset"]
    assert expected == [issue.line for issue in import_eu_annex(ANNEX).summary.skipped]


@needs_eu_annex
def test_kinds_follow_the_schema() -> None:
    """Person rows are persons, LegalEntity rows organisations."""
    raw = collections.Counter(row["schema"] for row in _raw_rows())
    expected = {"Person": raw["Person"], "Organization": raw["LegalEntity"]}
    designations = import_eu_annex(ANNEX).dataset.designations
    assert expected == dict(collections.Counter(type(d.target).__name__ for d in designations))


@needs_eu_annex
def test_regime_record() -> None:
    """EU-BLR comes with its regime: the EU against Belarus, life start unknown."""
    regime = import_eu_annex(ANNEX).dataset.regimes[0]
    expected = ("EU-BLR", "EU", Country("BY"), None)
    assert expected == (regime.id, regime.authority_code, regime.target, regime.established_on)


@needs_eu_annex
def test_regime_measures_are_the_annexes_measures() -> None:
    """The regime's measures are those of its annexes."""
    raw = {row["measure"].lower() for row in _raw_rows() if row["schema"] != "Asset"}
    assert raw == set(import_eu_annex(ANNEX).dataset.regimes[0].measures)


@needs_eu_annex
def test_first_listing_is_2004() -> None:
    """The earliest listing is the 2004 one the facts file cites."""
    dates = [d.listed_on for d in import_eu_annex(ANNEX).dataset.designations if d.listed_on]
    assert PartialDate(2004, 9, 24) == min(dates)


def test_designation_id_from_annex_and_record() -> None:
    """A row with a record id is <regime>/<annex>/<recordId>."""
    result = import_eu_annex(_annex("c,7,EU-BLR,I.B,Asset freeze,17.12.2020,Arms.,LegalEntity,BTE"))
    expected = ["EU-BLR/I.B/7"]
    assert expected == [d.id for d in result.dataset.designations]


def test_designation_id_without_record() -> None:
    """Rows without a record id are numbered within their annex."""
    rows = [f"c,,EU-BLR,V,Export control,,,LegalEntity,Plant {n}" for n in (1, 2)]
    result = import_eu_annex(_annex(*rows))
    expected = ["EU-BLR/V/#1", "EU-BLR/V/#2"]
    assert expected == [d.id for d in result.dataset.designations]


def test_zero_padded_date() -> None:
    """21.06.2021 is read like 21.6.2021."""
    result = import_eu_annex(_annex("c,1,EU-BLR,I.A,Asset freeze,21.06.2021,r,Person,A"))
    assert PartialDate(2021, 6, 21) == result.dataset.designations[0].listed_on


def test_date_in_words() -> None:
    """20 March 2022, as a few rows write it, is read too."""
    result = import_eu_annex(_annex("c,,EU-BLR,XV,Financial restrictions,20 March 2022,,Person,A"))
    assert PartialDate(2022, 3, 20) == result.dataset.designations[0].listed_on


def test_empty_date_is_unknown() -> None:
    """A row without a start date is designated with no date, and no problem."""
    result = import_eu_annex(_annex("c,,EU-BLR,V,Export control,,,LegalEntity,Plant"))
    expected = (None, ())
    assert expected == (result.dataset.designations[0].listed_on, result.summary.issues)


def test_bad_date_is_reported() -> None:
    """A start date that is not a date is reported by line and left out."""
    result = import_eu_annex(_annex("c,1,EU-BLR,I.A,Asset freeze,soon,r,Person,A"))
    issue = result.summary.issues[0]
    expected = (2, False, None)
    assert expected == (issue.line, issue.skipped, result.dataset.designations[0].listed_on)


def test_line_numbers_count_quoted_line_breaks() -> None:
    """A reason over two lines moves the next row's line number down by one."""
    rows = [
        'c,1,EU-BLR,I.A,Asset freeze,1.1.2020,"two\nlines",Person,A',
        "c,2,EU-BLR,I.A,,x,,Person,B",
    ]
    expected = [4]
    assert expected == [issue.line for issue in import_eu_annex(_annex(*rows)).summary.issues]


def test_other_programme_is_skipped() -> None:
    """A row of another programme is reported and skipped."""
    result = import_eu_annex(_annex("c,1,EU-RUS,I,Asset freeze,1.1.2020,r,Person,A"))
    expected = ["programKey 'EU-RUS' is not EU-BLR"]
    assert expected == [i.message for i in result.summary.skipped]


def test_target_can_be_given() -> None:
    """An unknown regime has no target unless one is given."""
    annex = "c,1,EU-XYZ,I,Asset freeze,1.1.2020,r,Person,A"
    untargeted = import_eu_annex(_annex(annex), "EU-XYZ").summary.untargeted
    targeted = import_eu_annex(_annex(annex), "EU-XYZ", target="Russia").dataset.regimes[0].target
    assert (("EU-XYZ",), Country("RU")) == (untargeted, targeted)


@needs_eu_annex
def test_actions_per_start_date() -> None:
    """One amend action per start date, counting its designations."""
    result = import_eu_annex(ANNEX)
    raw = collections.Counter(
        _raw_day(row["startDate"]) for row in _raw_rows() if row["schema"] != "Asset"
    )
    expected = {day: n for day, n in raw.items() if day is not None}
    actions = result.dataset.actions
    assert expected == {a.date.first: a.designation_count for a in actions}


def test_missing_column() -> None:
    """A CSV without the annex columns raises our error, naming what is missing."""
    with pytest.raises(DataFormatError, match="missing columns"):
        import_eu_annex(io.StringIO("a,b\n1,2\n"))


def test_missing_column_names_the_header_found() -> None:
    """The message shows the header as read and the delimiters that are understood."""
    with pytest.raises(DataFormatError) as caught:
        import_eu_annex(io.StringIO("a|b\n1|2\n"))
    assert "the header has a|b" in str(caught.value)
    assert "commas, semicolons or tabs" in str(caught.value)


# -- delimiters and encodings, as the other CSV readers read them ----------------------------

_ROW = "32006R0765,7,EU-BLR,I.A,Asset freeze,2.10.2020,Minsk police,Person,Aliaksandr ŽYLINSKI"


def _designations(data: bytes) -> list[tuple[str, str, PartialDate | None]]:
    result = import_eu_annex(io.BytesIO(data))
    return [(d.id, d.target.name, d.listed_on) for d in result.dataset.designations]


_EXPECTED = [("EU-BLR/I.A/7", "Aliaksandr ŽYLINSKI", PartialDate(2020, 10, 2))]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_any_of_three_delimiters_is_read(delimiter: str) -> None:
    """A comma, semicolon (European Excel) or tab separated annex reads the same."""
    text = (HEADER + _ROW + "\n").replace(",", delimiter)
    assert _designations(text.encode("utf-8")) == _EXPECTED


@pytest.mark.parametrize(
    "encoded",
    [
        (HEADER + _ROW + "\n").encode("utf-8"),
        (HEADER + _ROW + "\n").encode("utf-8-sig"),
        (HEADER + _ROW + "\n").encode("utf-16"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM"],
)
def test_utf8_with_or_without_bom_and_utf16_with_bom_are_read(encoded: bytes) -> None:
    """The encodings every CSV reader takes without being told."""
    assert _designations(encoded) == _EXPECTED


def test_windows_1252_is_refused_naming_file_offset_and_fix(tmp_path: Path) -> None:
    """cp1252 bytes: one error with the file, the byte offset and the encoding= fix."""
    text = (HEADER + _ROW.replace("ŽYLINSKI", "Ž") + "\n").replace("Ž", "é")
    path = tmp_path / "annex.csv"
    path.write_bytes(text.encode("cp1252"))
    offset = text.encode("cp1252").index(b"\xe9")
    with pytest.raises(DataFormatError) as caught:
        import_eu_annex(path)
    expected = (
        f'{path}: not UTF-8 at byte {offset} (0xe9): give encoding="cp1252" (or the file\'s '
        "encoding), or save it as UTF-8"
    )
    assert expected == str(caught.value)


def test_an_encoding_reads_a_windows_1252_annex(tmp_path: Path) -> None:
    """With encoding="cp1252" the same file reads, its accented name intact."""
    path = tmp_path / "annex.csv"
    path.write_bytes((HEADER + _ROW.replace("Ž", "é") + "\n").encode("cp1252"))
    names = [d.target.name for d in import_eu_annex(path, encoding="cp1252").dataset.designations]
    assert names == ["Aliaksandr éYLINSKI"]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_day_reads_back(day: dt.date) -> None:
    """Every day written d.m.yyyy reads back as that day."""
    text = f"{day.day}.{day.month}.{day.year}"
    result = import_eu_annex(_annex(f"c,1,EU-BLR,I.A,Asset freeze,{text},r,Person,A"))
    assert PartialDate.of(day) == result.dataset.designations[0].listed_on


_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "1.1.2020", "31.2.2020", "20 March 2022", "Person", "Asset", "EU-BLR"]),
)


@given(st.lists(st.lists(_CELLS, min_size=0, max_size=10), max_size=5))
def test_any_rows_are_read_or_refused(rows: list[list[str]]) -> None:
    """Rows of any cells: designations and a summary of what was skipped, or DataFormatError."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    try:
        result = import_eu_annex(io.StringIO(HEADER + out.getvalue()))
    except DataFormatError:
        return
    written = sum(1 for row in rows if any(cell.strip() for cell in row))
    assert len(result.dataset.designations) + len(result.summary.skipped) >= written


# -- the example annex the package ships: the real layout, invented rows, always tested ------


def test_example_annex_designations() -> None:
    """Each person or entity row of the example is a designation with its id, kind and day."""
    designations = import_eu_annex(EU_ANNEX_EXAMPLE).dataset.designations
    expected = [
        ("EU-BLR/I.A/1", "Person", PartialDate(2004, 9, 24)),
        ("EU-BLR/I.A/2", "Person", PartialDate(2020, 10, 2)),
        ("EU-BLR/I.A/3", "Person", PartialDate(2020, 10, 2)),
        ("EU-BLR/I.A/4", "Person", PartialDate(2020, 11, 6)),
        ("EU-BLR/I.B/1", "Organization", PartialDate(2020, 12, 17)),
        ("EU-BLR/V/#1", "Organization", None),
        ("EU-BLR/V/#2", "Organization", None),
        ("EU-BLR/XV/#1", "Person", PartialDate(2022, 3, 20)),
    ]
    actual = [(d.id, type(d.target).__name__, d.listed_on) for d in designations]
    assert expected == sorted(actual)


def test_example_annex_asset_row_is_reported() -> None:
    """The example's Asset row, on line 10, is the one issue: skipped and reported."""
    summary = import_eu_annex(EU_ANNEX_EXAMPLE).summary
    expected = [(10, True)]
    assert expected == [(issue.line, issue.skipped) for issue in summary.issues]


def test_example_annex_regime() -> None:
    """The example's regime: the EU against Belarus, with the measures of its annexes."""
    regime = import_eu_annex(EU_ANNEX_EXAMPLE).dataset.regimes[0]
    expected = (
        "EU-BLR",
        "EU",
        Country("BY"),
        ["asset freeze", "export control", "financial restrictions"],
    )
    assert expected == (regime.id, regime.authority_code, regime.target, sorted(regime.measures))


def test_example_annex_actions_per_day() -> None:
    """One amend action per listing day of the example, counting its designations."""
    actions = import_eu_annex(EU_ANNEX_EXAMPLE).dataset.actions
    expected = {
        dt.date(2004, 9, 24): 1,
        dt.date(2020, 10, 2): 2,
        dt.date(2020, 11, 6): 1,
        dt.date(2020, 12, 17): 1,
        dt.date(2022, 3, 20): 1,
    }
    assert expected == {a.date.first: a.designation_count for a in actions}
