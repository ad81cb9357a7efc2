"""The HTML report as a real browser shows it: headless Chromium, driven by Playwright.

One browser serves the module. Without Chromium (Debian's ``chromium`` package) or the
``playwright`` package the tests skip, saying so; under CI (``CI=true``) they fail
instead, since CI installs the browser (``.ci/run``).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from files import module_at

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import belarus_2020
from sanctions_tracker.records import JointStatement
from sanctions_tracker.report import build_report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
SEPTEMBER = "#doc-by-2020-09-17-internet-shutdowns"


def _unavailable(reason: str) -> None:
    """Fail under CI, where the browser must be there; skip elsewhere, saying why."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but no browser for the HTML report tests: {reason}")
    pytest.skip(f"no browser for the HTML report tests: {reason}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    script = module_at(ROOT / "scripts" / "report_screenshot.py")
    if importlib.util.find_spec("playwright") is None:
        _unavailable("the 'playwright' package is not installed (pip install -e '.[test]')")
    executable = script.chromium()
    if executable is None:
        _unavailable("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    with script.open_browser(executable) as opened:
        yield opened


@pytest.fixture(scope="module")
def belarus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "report.html"
    path.write_text(build_report(belarus_2020()).to_html(), encoding="utf-8")
    return path


def _open(browser: Browser, path: Path, *, javascript: bool = True) -> tuple[Page, list[str]]:
    """The page at ``path``, and the list that collects every request that is not local.

    Such a request is aborted as well as counted, so that none ever leaves the machine.
    """
    context = browser.new_context(java_script_enabled=javascript)
    remote: list[str] = []

    def route(request_route: object) -> None:
        from playwright.sync_api import Route

        assert isinstance(request_route, Route)
        url = request_route.request.url
        if url.startswith(("file:", "data:")):
            request_route.continue_()
        else:
            remote.append(url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(path.as_uri())
    return page, remote


def _column(page: Page, table: str, index: int) -> list[str]:
    cells = page.locator(f"{table} tbody tr:not([hidden]) > :nth-child({index})")
    return [text.strip() for text in cells.all_inner_texts()]


def test_window_answer_lists_australia_and_japan(browser: Browser, belarus_page: Path) -> None:
    """The 17 September statement's response window answer shows Australia and Japan."""
    page, _ = _open(browser, belarus_page)
    table = f"{SEPTEMBER} .answer.no_response table"
    expected = (["Australia", "Japan"], "Response window: from 2020-09-17 to 2020-12-31")
    when = page.locator(f"{SEPTEMBER} .answer.no_response .when").inner_text()
    assert expected == (_column(page, table, 2), when)
    page.context.close()


def test_clicking_a_header_sorts_the_table(browser: Browser, belarus_page: Path) -> None:
    """A click on "Country" sorts the rows by name, a second click the other way."""
    page, _ = _open(browser, belarus_page)
    table = f"{SEPTEMBER} .answer.not_signed table"
    before = _column(page, table, 2)
    page.locator(f"{table} thead th:nth-child(2) button").click()
    ascending = _column(page, table, 2)
    page.locator(f"{table} thead th:nth-child(2) button").click()
    descending = _column(page, table, 2)
    expected = (sorted(before), sorted(before, reverse=True), "descending")
    sort = page.locator(f"{table} thead th:nth-child(2)").get_attribute("aria-sort")
    assert expected == (ascending, descending, sort)
    assert before != ascending
    page.context.close()


def test_typing_filters_the_table(browser: Browser, belarus_page: Path) -> None:
    """Typing a word in the filter box hides the rows without it."""
    page, _ = _open(browser, belarus_page)
    answer = f"{SEPTEMBER} .answer.not_signed"
    page.locator(f"{answer} input[type=search]").fill("alignment")
    shown = _column(page, f"{answer} table", 3)
    expected = ["alignment"] * 3
    assert expected == shown
    page.context.close()


def test_the_page_makes_no_request(browser: Browser, belarus_page: Path) -> None:
    """Opening the page, sorting and filtering ask for nothing beyond the file itself."""
    page, remote = _open(browser, belarus_page)
    page.locator("thead th button").first.click()
    page.locator("input[type=search]").first.fill("Japan")
    page.wait_for_load_state("networkidle")
    expected: list[str] = []
    assert expected == remote
    page.context.close()


def test_a_request_out_would_be_counted(browser: Browser, tmp_path: Path) -> None:
    """The counter of the test above sees a request out: a page with a remote image."""
    path = tmp_path / "remote.html"
    path.write_text('<!DOCTYPE html><img src="http://example.invalid/a.png" alt="">', "utf-8")
    page, remote = _open(browser, path)
    page.wait_for_load_state("networkidle")
    expected = ["http://example.invalid/a.png"]
    assert expected == remote
    page.context.close()


def test_without_javascript_the_tables_are_there(browser: Browser, belarus_page: Path) -> None:
    """With scripts off, the answers' tables show, with plain headers and no filter box."""
    page, _ = _open(browser, belarus_page, javascript=False)
    table = f"{SEPTEMBER} .answer.no_response table"
    expected = (["Australia", "Japan"], 0, 0)
    found = page.locator("th button").count(), page.locator("input").count()
    assert expected == (_column(page, table, 2), *found)
    page.context.close()


def test_a_script_in_a_title_shows_as_text(browser: Browser, tmp_path: Path) -> None:
    """A document titled ``<script>alert(1)</script>`` shows that text and runs nothing."""
    title = "<script>alert(1)</script>"
    dataset = Dataset(
        statements=[JointStatement("s", title, "2020-09-17", "BY", signatures=["Japan"])]
    )
    path = tmp_path / "report.html"
    path.write_text(build_report(dataset).to_html(), encoding="utf-8")
    page, _ = _open(browser, path)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.reload()
    expected: tuple[str, list[str]] = (title, [])
    assert expected == (page.locator("section.document h2").inner_text(), dialogs)
    page.context.close()


def test_print_hides_the_controls(browser: Browser, belarus_page: Path) -> None:
    """In print, the list of contents and the filter boxes are hidden; the tables stay."""
    page, _ = _open(browser, belarus_page)
    page.emulate_media(media="print")
    shown = (
        page.locator("nav").is_visible(),
        page.locator("input[type=search]").first.is_visible(),
        page.locator(f"{SEPTEMBER} .answer.no_response table").is_visible(),
    )
    expected = (False, False, True)
    assert expected == shown
    page.context.close()
