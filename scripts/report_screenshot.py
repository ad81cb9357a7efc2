"""Draw docs/img/report.png and report-matrix.png: the HTML report on the built-in data,
as Chromium shows it (the top of the page, and the matrix).

Run it after a change to the page (``python scripts/report_screenshot.py``); the tests
of the page open it with the same browser and the same flags (:func:`open_browser`).
It uses the system's Chromium (Debian's ``chromium`` package) through Playwright, and
never downloads a browser.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img" / "report.png"
MATRIX_OUT = ROOT / "docs" / "img" / "report-matrix.png"

#: Where Debian's ``chromium`` package puts the browser.
CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's flags: no sandbox (CI runs as root), and nothing that calls home.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> Path | None:
    """The browser to use: ``$CHROMIUM``, else ``/usr/bin/chromium``, else one on the PATH."""
    for candidate in (os.environ.get("CHROMIUM"), str(CHROMIUM), shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@contextmanager
def open_browser(executable: Path) -> Iterator[Browser]:
    """A headless Chromium driven by Playwright, closed on exit.

    Playwright gives the browser a fresh temporary profile (``--user-data-dir``) at each
    launch, and removes it after.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable),
            headless=True,
            chromium_sandbox=False,
            args=list(FLAGS),
        )
        try:
            yield browser
        finally:
            browser.close()


def main() -> int:
    """Write the page of the built-in data to a temporary file; photograph its top and matrix."""
    from sanctions_tracker.datasets import belarus_2020
    from sanctions_tracker.report import build_report

    executable = chromium()
    if executable is None:
        print("no Chromium found: install Debian's chromium package", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder, "report.html")
        page_file.write_text(build_report(belarus_2020()).to_html(), encoding="utf-8")
        with open_browser(executable) as browser:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(OUT), full_page=False)
            page.locator("#matrix").screenshot(path=str(MATRIX_OUT))
    for written in (OUT, MATRIX_OUT):
        print(f"wrote {written.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
