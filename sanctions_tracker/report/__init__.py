"""The report: a model built once from a dataset (:mod:`.model`), and its renderers.

:func:`build_report` makes a :class:`Report` of plain frozen records; :func:`render_text`
shows it as the command line prints it. A renderer for another format reads the same
records.
"""

from sanctions_tracker.report.model import (
    Answer,
    Counts,
    DocumentReport,
    Entry,
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
    "render_text",
]
