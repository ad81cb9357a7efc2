"""The report: a model built once from a dataset (:mod:`.model`), and its renderers.

:func:`build_report` makes a :class:`Report` of plain frozen records; :func:`render_text`
shows it as the command line prints it, :func:`render_html` (``Report.to_html``) as one
self-contained web page, and :func:`render_markdown` (``Report.to_markdown``) as
GitHub-flavoured Markdown. Each renderer reads the same records.
"""

from sanctions_tracker.report.html import render_html
from sanctions_tracker.report.markdown import render_markdown
from sanctions_tracker.report.model import (
    Answer,
    Counts,
    DocumentReport,
    Entry,
    Matrix,
    MatrixColumn,
    MatrixRow,
    Report,
    SignatoryCount,
    Signed,
    Signer,
    Source,
    TakesPart,
    build_report,
    counts,
    default_cutoff,
)
from sanctions_tracker.report.text import describe, render_text

__all__ = [
    "Answer",
    "Counts",
    "DocumentReport",
    "Entry",
    "Matrix",
    "MatrixColumn",
    "MatrixRow",
    "Report",
    "SignatoryCount",
    "Signed",
    "Signer",
    "Source",
    "TakesPart",
    "build_report",
    "counts",
    "default_cutoff",
    "describe",
    "render_html",
    "render_markdown",
    "render_text",
]
