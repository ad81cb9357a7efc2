"""Reading and writing datasets: a JSON document, or a folder of CSV or Parquet tables.

Most code calls :meth:`sanctions_tracker.Dataset.load` and
:meth:`sanctions_tracker.Dataset.save`, which delegate here. These functions work on
:class:`~sanctions_tracker.tables.Tables` and never import the Dataset itself.

The readers of foreign formats are modules of their own, not re-exported here:
:mod:`sanctions_tracker.io.ftm` (FollowTheMoney) and :mod:`sanctions_tracker.io.eu_annex`
(the EU's consolidated annexes). They return tables and a summary;
:func:`sanctions_tracker.import_ftm` and :func:`sanctions_tracker.import_eu_annex` make a
Dataset of them.

>>> from sanctions_tracker.tables import records_to_tables
>>> loads(dumps(records_to_tables())).documents.height
0
"""

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
    "Format",
    "dumps",
    "is_ours",
    "load_tables",
    "loads",
    "read_json",
    "read_tables",
    "save_tables",
    "write_json",
    "write_tables",
]
