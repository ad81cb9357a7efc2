"""The report: a model built once from a dataset (:mod:`.model`), and its renderers.

:func:`build_report` makes a :class:`Report` of plain frozen records (:mod:`.parts`,
whose names are re-exported here); :func:`render_text` shows it as the command line
prints it, :func:`render_html` (``Report.to_html``) as one self-contained web page, and
:func:`render_markdown` (``Report.to_markdown``) as GitHub-flavoured Markdown. Each
renderer reads the same records.
"""

from sanctions_tracker.report import parts
from sanctions_tracker.report.html import render_html
from sanctions_tracker.report.markdown import render_markdown
from sanctions_tracker.report.model import Report, build_report, counts, default_cutoff
from sanctions_tracker.report.parts import *  # noqa: F403 - the records, as parts.__all__ names them
from sanctions_tracker.report.text import describe, render_text

__all__ = [
    "Report",
    "build_report",
    "counts",
    "default_cutoff",
    "describe",
    "render_html",
    "render_markdown",
    "render_text",
]
__all__ += parts.__all__
