"""Reading and writing datasets: a JSON document, or a folder of CSV or Parquet tables.

Most code calls :meth:`sanctions_tracker.Dataset.load` and
:meth:`sanctions_tracker.Dataset.save`, which delegate here. These functions work on
:class:`~sanctions_tracker.tables.Tables` and never import the Dataset itself.

>>> from sanctions_tracker.tables import records_to_tables
>>> loads(dumps(records_to_tables())).documents.height
0
"""

from sanctions_tracker.io._imports import ImportSummary, Issue
from sanctions_tracker.io.eu_annex import AnnexImport, read_eu_annex
from sanctions_tracker.io.ftm import FtmImport, import_ftm
from sanctions_tracker.io.jsonfile import (
    FORMAT_ID,
    FORMAT_VERSION,
    dumps,
    is_ours,
    loads,
    read_json,
    write_json,
)
from sanctions_tracker.io.store import FORMATS, Format, load_tables, save_tables
from sanctions_tracker.io.tablefiles import read_tables, write_tables

__all__ = [
    "FORMATS",
    "FORMAT_ID",
    "FORMAT_VERSION",
    "AnnexImport",
    "Format",
    "FtmImport",
    "ImportSummary",
    "Issue",
    "dumps",
    "import_ftm",
    "is_ours",
    "load_tables",
    "loads",
    "read_eu_annex",
    "read_json",
    "read_tables",
    "save_tables",
    "write_json",
    "write_tables",
]
