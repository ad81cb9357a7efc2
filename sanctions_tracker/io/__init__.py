"""Reading and importing datasets."""

from sanctions_tracker.io._imports import ImportSummary, Issue
from sanctions_tracker.io.ftm import FtmImport, import_ftm

__all__ = [
    "FtmImport",
    "ImportSummary",
    "Issue",
    "import_ftm",
]
