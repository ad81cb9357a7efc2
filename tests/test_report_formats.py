"""The report as an HTML page and as Markdown: what they hold, and that they escape."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sanctions_tracker.cli import main
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.records import JointStatement, SanctionsRegime, Signature
from sanctions_tracker.report import Report, build_report
from sanctions_tracker.report.markdown import escape

SCRIPT = "<script>alert(1)</script>"


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def belarus() -> Report:
    return build_report(belarus_2020())


@pytest.fixture(scope="module")
def hostile() -> Report:
    """A dataset whose every text a user typed tries to be markup."""
    return build_report(
        Dataset(
            statements=[
                JointStatement(
                    "s|1",
                    SCRIPT,
                    "2020-09-17",
                    "BY",
                    signatures=[Signature("Japan", sources=["javascript:alert(2) | *x*"])],
                    sources=["https://example.org/a?b=1&c=<i>", "Paper | *bold* <b>x</b>"],
                    note="Note with | a pipe\nand a line break",
                )
            ],
            regimes=[SanctionsRegime("CA-BLR", "<img src=x onerror=alert(3)>", "CA", "BY")],
        )
    )


def test_a_script_title_is_text_in_the_page(hostile: Report) -> None:
    """A title ``<script>...`` is escaped: the only script element is the page's own, and a
    regime named ``<img ...>`` makes no image."""
    page = hostile.to_html()
    tags = [tag for tag, _ in _tags(page)]
    expected = (1, 0, True)
    found = (
        tags.count("script"),
        tags.count("img"),
        "&lt;script&gt;alert(1)&lt;/script&gt;" in page,
    )
    assert expected == found


def test_only_web_addresses_become_links(hostile: Report) -> None:
    """An http(s) source is a link (its ``&`` escaped); ``javascript:`` never is."""
    page = hostile.to_html()
    links = [attrs["href"] for tag, attrs in _tags(page) if tag == "a"]
    outside = [href for href in links if href is not None and not href.startswith("#")]
    expected = ["https://example.org/a?b=1&c="]
    assert expected == outside


def test_the_page_asks_for_nothing(belarus: Report) -> None:
    """No attribute of the page loads a file: no src, no stylesheet link, no url()."""
    page = belarus.to_html()
    loading = [
        (tag, name)
        for tag, attrs in _tags(page)
        for name in attrs
        if name in {"src", "srcset", "data", "poster"} or (tag == "link")
    ]
    expected: tuple[list[tuple[str, str]], bool, bool] = ([], False, True)
    assert expected == (loading, "url(" in page, "default-src 'none'" in page)


def test_every_header_has_a_scope_and_every_table_a_caption(belarus: Report) -> None:
    """Accessibility: th with scope, a caption per table, the heatmap an image with text."""
    page = belarus.to_html()
    tags = _tags(page)
    headers = [attrs.get("scope") for tag, attrs in tags if tag == "th"]
    svg = next(attrs for tag, attrs in tags if tag == "svg")
    expected = (True, page.count("<table"), "img", True)
    found = (
        all(scope in {"col", "row"} for scope in headers),
        page.count("<caption>"),
        svg.get("role"),
        bool(svg.get("aria-label")),
    )
    assert expected == found
    assert len(headers) > 50


def test_the_heatmap_names_documents_by_title(belarus: Report) -> None:
    """The heatmap's columns are the documents' titles, its cells carry marks and a legend."""
    page = belarus.to_html()
    svg = page[page.index("<svg") : page.index("</svg>")]
    expected = (True, False, True, True)
    found = (
        "Joint statement on Internet shutdowns in Belarus" in svg,
        "by-2020-09-17-internet-shutdowns" in svg,
        "<desc" in svg and "<title" in svg,
        'class="legend"' in page,
    )
    assert expected == found


def test_the_page_says_the_day_and_the_window(belarus: Report) -> None:
    """The page says the day of the status and each answer's window."""
    page = belarus.to_html()
    expected = (True, True)
    found = (
        "Status on <strong>2020-12-31</strong>" in page,
        "Response window: from 2020-09-17 to 2020-12-31" in page,
    )
    assert expected == found


def test_an_empty_dataset_still_makes_a_page_and_markdown() -> None:
    """With no documents there is a page and a Markdown text, without a matrix."""
    report = build_report(Dataset())
    expected = (False, "# Signed and sanctioned: status on")
    assert expected == ("<svg" in report.to_html(), report.to_markdown()[:34])


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row: split on the pipes no backslash escapes."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_tables_keep_their_columns(hostile: Report, belarus: Report) -> None:
    """Every row of every table has as many cells as its header: a ``|`` is escaped."""
    widths: set[tuple[int, int]] = set()
    for report in (hostile, belarus):
        header = 0
        for line in report.to_markdown().splitlines():
            if not line.startswith("|"):
                header = 0
            elif header == 0:
                header = len(_cells(line))
            else:
                widths.add((header, len(_cells(line))))
    assert all(a == b for a, b in widths)
    assert len(widths) >= 2


def test_markdown_escapes_what_a_user_typed(hostile: Report) -> None:
    """Titles, notes and sources keep no live markup, and an address becomes a link."""
    text = hostile.to_markdown()
    expected = (True, True, True, False)
    found = (
        "## \\<script\\>alert(1)\\</script\\>" in text,
        "Paper \\| \\*bold\\* \\<b\\>x\\</b\\>" in text,
        "<https://example.org/a?b=1&c=>\\<i\\>" in text,
        "\nand a line break" in text,
    )
    assert expected == found


def test_escape_undoes_to_the_text() -> None:
    """Removing the backslashes of an escaped cell gives the text back."""
    text = r"A | B \ C *d* _e_ [f](g) <h> `i` ~j~"
    assert text == re.sub(r"\\(.)", r"\1", escape(text))


def test_markdown_lists_the_window_answer(belarus: Report) -> None:
    """The 17 September window answer is a table of Australia and Japan."""
    text = belarus.to_markdown()
    section = text[text.index("## Joint statement on Internet shutdowns") :]
    table = section[section.index("### Signed, but took no sanctions action") :]
    rows = table.split("\n\n")[1].splitlines()[2:]
    expected = [["AU", "Australia"], ["JP", "Japan"]]
    assert expected == [_cells(row)[:2] for row in rows]


def test_cli_writes_html_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`report DATASET --html FILE --markdown FILE` writes both files from a user dataset."""
    dataset = tmp_path / "data.json"
    Dataset(
        statements=[JointStatement("s", "Mine", "2021-01-05", "BY", signatures=["Japan"])]
    ).save(dataset)
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    status = main(["report", str(dataset), "--html", str(html), "--markdown", str(md)])
    expected = (0, True, True, f"wrote {html}\nwrote {md}\n")
    found = (
        status,
        '<h2 id="doc-s-title">Mine</h2>' in html.read_text("utf-8"),
        "## Mine" in md.read_text("utf-8"),
        capsys.readouterr().err,
    )
    assert expected == found


def test_cli_refuses_a_dataset_given_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dataset as DATASET and as --dataset is a usage error, exit 2."""
    path = tmp_path / "data.json"
    Dataset().save(path)
    status = main(["report", str(path), "--dataset", str(path), "--html", "x.html"])
    expected = (2, True)
    assert expected == (status, "give the dataset once" in capsys.readouterr().err)


def test_cli_keeps_the_old_file_when_the_folder_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page to a folder that does not exist is a usage error naming it, exit 2."""
    status = main(["report", "--html", str(tmp_path / "nope" / "r.html")])
    expected = (2, True)
    assert expected == (status, "no folder" in capsys.readouterr().err)
