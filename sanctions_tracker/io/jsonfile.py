"""The JSON document format: lossless, versioned, and writable by hand.

A document is one object: ``{"format": "sanctions-tracker", "version": 1, ...}`` with
lists of statements, letters, regimes, actions, designations, alignments and
user-defined blocs. Dates are strings that keep their precision (``"2020"``,
``"2020-09"``, ``"2020-09-17"``); countries are codes, or names that
:func:`~sanctions_tracker.resolve_country` resolves. See ``docs/formats.md``.

Reading collects every problem of a document, each with its path in it, into one
:class:`~sanctions_tracker.ValidationError`.

>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.tables import records_to_tables
>>> text = dumps(records_to_tables(statements=[
...     JointStatement("s", "On Belarus", "2020-09", "BY", ["Japan"])]))
>>> print(text)
{
  "format": "sanctions-tracker",
  "version": 1,
  "statements": [
    {
      "id": "s",
      "title": "On Belarus",
      "issued_on": "2020-09",
      "subject": "BY",
      "signatures": [
        "JP"
      ]
    }
  ]
}
>>> loads(text).signatures["party"].to_list()
['JP']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._decode import decode
from sanctions_tracker.io._jsonconvert import Document, read_document, write_document
from sanctions_tracker.tables import Tables, records_to_tables, tables_to_records

__all__ = ["FORMAT_ID", "FORMAT_VERSION", "dumps", "is_ours", "loads", "read_json", "write_json"]

FORMAT_ID: Final = "sanctions-tracker"
"""The value of the ``"format"`` key that marks a document as ours."""

FORMAT_VERSION: Final = 1
"""The newest document version this library reads and the one it writes."""

# -- the document --------------------------------------------------------------------------


def to_document(tables: Tables) -> dict[str, Any]:
    """The JSON document (as Python objects) of a dataset's tables.

    >>> to_document(records_to_tables())
    {'format': 'sanctions-tracker', 'version': 1}
    """
    # The document's sections are the record kinds of the tables, by the same names.
    sections = attrs.asdict(tables_to_records(tables), recurse=False)
    return write_document(Document(format=FORMAT_ID, version=FORMAT_VERSION, **sections))


def dumps(tables: Tables) -> str:
    """The JSON text of a dataset's tables, indented, ending in a newline.

    >>> dumps(records_to_tables()).splitlines()[1]
    '  "format": "sanctions-tracker",'
    """
    return json.dumps(to_document(tables), indent=2, ensure_ascii=False) + "\n"


def write_json(tables: Tables, path: Path) -> None:
    """Write the JSON document of a dataset's tables to ``path`` (not atomically).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "empty.json"
    >>> write_json(records_to_tables(), path)
    >>> is_ours(path)
    True
    """
    path.write_text(dumps(tables), encoding="utf-8")


def _check_header(document: object, file: str | None) -> Mapping[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_ID:
        raise DataFormatError(
            f'not a sanctions-tracker document: it must be an object with "format": '
            f'"{FORMAT_ID}" and "version": {FORMAT_VERSION}',
            file=file,
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DataFormatError(
            f'"version" must be a whole number from 1 (this library writes {FORMAT_VERSION}), '
            f"found {version!r}",
            file=file,
        )
    if version > FORMAT_VERSION:
        raise DataFormatError(
            f"format version {version} is newer than this sanctions_tracker reads "
            f"(versions up to {FORMAT_VERSION}): upgrade sanctions-tracker "
            "(pip install --upgrade sanctions-tracker) to read it",
            file=file,
        )
    return document


def loads(text: str, *, file: str | None = None) -> Tables:
    """The tables of a JSON document's text.

    Args:
        text: the document.
        file: the file name to show in errors.

    Raises:
        DataFormatError: the text is not JSON (with line and column), not our
            format, or a newer version.
        ValidationError: every problem of the document's content, each with its path.

    >>> loads('{"format": "sanctions-tracker", "version": 1, "statements": [{"id": "s",'
    ...       ' "issued_on": "2020", "signatures": ["Atlantis",'
    ...       ' {"party": "JP", "vote": "maybe"}]}]}')
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.ValidationError: 2 problems:
      statements[0].signatures[0]: unknown country 'Atlantis'...
      statements[0].signatures[1].vote: unknown vote 'maybe': write one of for, abstain, ...
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFormatError(
            f"not valid JSON at column {err.colno}: {err.msg}", file=file, line=err.lineno
        ) from None
    read = read_document(_check_header(document, file))
    sections = attrs.asdict(read, recurse=False)
    del sections["format"], sections["version"]
    return records_to_tables(**sections)


def read_json(path: Path, *, encoding: str | None = None) -> Tables:
    """The tables of a JSON document file; see :func:`loads` for the errors.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "bad.json"
    >>> _ = path.write_text('{"format": "sanctions-tracker",\\n "version": 1,,}')
    >>> read_json(path)
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: .../bad.json, line 2: not valid JSON at column 15: ...
    """
    text = decode(path.read_bytes(), name=str(path), encoding=encoding)
    return loads(text, file=str(path))


def is_ours(path: Path) -> bool:
    """True when ``path`` is a JSON document with our format id (of any version).

    >>> import tempfile
    >>> other = Path(tempfile.mkdtemp()) / "other.json"
    >>> _ = other.write_text('{"name": "something else"}')
    >>> is_ours(other)
    False
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(document, dict) and document.get("format") == FORMAT_ID
