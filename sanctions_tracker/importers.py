"""Datasets from foreign formats: an OpenSanctions (FollowTheMoney) stream, an EU annex.

The readers in :mod:`sanctions_tracker.io` turn a foreign file into tables and a
summary of what they read, skipped or left out; the functions here validate those
tables into a :class:`~sanctions_tracker.Dataset`. The readers never import the
Dataset: they sit below it (see ``docs/architecture.md``).

>>> result = import_ftm(['{"id": "x", "schema": "Vessel", "properties": {}}'])
>>> result.dataset
<Dataset: 0 documents, 0 signatures, 0 regimes, 0 actions, 0 designations, 0 alignments>
>>> result.summary.not_imported
(('Vessel', 1),)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import IO

import attrs

from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.io._imports import ImportedTables, ImportSummary, Issue
from sanctions_tracker.io.eu_annex import read_eu_annex
from sanctions_tracker.io.ftm import Source, read_ftm

__all__ = [
    "ImportSummary",
    "Imported",
    "ImportedTables",
    "Issue",
    "import_eu_annex",
    "import_ftm",
]


@attrs.frozen
class Imported:
    """What an import made: the validated dataset, and the summary of what was read.

    >>> Imported.of(read_ftm([])).dataset == Dataset()
    True
    """

    dataset: Dataset
    summary: ImportSummary

    @classmethod
    def of(cls, result: ImportedTables) -> Imported:
        """Validate the tables a reader made into a Dataset, keeping its summary.

        Raises:
            ValidationError: the tables break a rule of the dataset.
        """
        return cls(Dataset.from_tables(result.tables), result.summary)


def import_ftm(
    source: Source,
    *,
    targets: Mapping[str, Country | str] | None = None,
    actions: bool = True,
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
) -> Imported:
    """Import the Sanctions of a FollowTheMoney entity stream as regimes and designations.

    :func:`sanctions_tracker.io.ftm.read_ftm` reads the stream; this validates what it
    read into a Dataset.

    Args:
        source: a path to a JSON lines file, an open file (binary or text), or any
            iterable of lines.
        targets: the target country of each programme, keyed by programme key
            (``programId``, or ``program`` text) or by regime id, e.g.
            ``{"EU-UKR": "RU"}``: it overrides the OpenSanctions registry, which
            gives the targets of the programmes it knows.
        actions: add one ``amend`` action per regime and listing date, naming the
            designations of that day.
        progress: called with the number of bytes (characters, for a text stream)
            read so far, every few thousand lines and once at the end.
        encoding: the codec of a file that is not UTF-8 (``"cp1252"``); JSON lines are
            UTF-8 by standard, and a line that is not is reported with this fix.

    Returns:
        The dataset (regimes, designations, actions) and the summary: counts by
        schema, the regimes without a target, those whose programme the registry
        lacks, the programmes by authority and target, and every line skipped or
        imported in part, with the reason.

    Raises:
        DataFormatError: the file cannot be opened.

    >>> result = import_ftm(["not json", '{"id": "x", "schema": "Vessel", "properties": {}}'])
    >>> [str(issue) for issue in result.summary.issues]
    ["line 1: not JSON: invalid literal, expected 'null' at column 1 (skipped)"]
    """
    read = read_ftm(source, targets=targets, actions=actions, progress=progress, encoding=encoding)
    return Imported.of(read)


def import_eu_annex(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    regime_id: str = "EU-BLR",
    *,
    target: Country | str | None = None,
    actions: bool = True,
    encoding: str | None = None,
) -> Imported:
    """Import an EU consolidated annex CSV as the designations of one regime.

    :func:`sanctions_tracker.io.eu_annex.read_eu_annex` reads the file; this validates
    what it read into a Dataset.

    Args:
        source: the CSV file (a path or an open file), with the columns
            ``recordId, programKey, annex, measure, startDate, reason, schema, name``.
        regime_id: the regime the annex belongs to; rows of another ``programKey``
            are skipped and reported.
        target: the country the regime is aimed at; by default the known one
            (``EU-BLR``: Belarus), else none.
        actions: add one ``amend`` action per start date, naming its designations.
        encoding: the file's encoding when it is neither UTF-8 nor UTF-16 with a byte
            order mark (``cp1252`` for a file saved by Excel on Windows); the delimiter
            (comma, semicolon or tab) is found from the header.

    Returns:
        The dataset (the regime, its designations and actions) and the summary.

    Raises:
        DataFormatError: the file cannot be decoded (naming the byte offset and the
            fix) or read as CSV, or lacks a column.

    >>> import io
    >>> annex = io.StringIO(
    ...     "celex,recordId,programKey,annex,measure,startDate,reason,schema,name\\n"
    ...     "32006R0765,1,EU-BLR,I.A,Asset freeze,6.11.2020,President.,Person,A LUKASHENKA\\n"
    ... )
    >>> regime = import_eu_annex(annex).dataset.regimes[0]
    >>> regime.authority.code, regime.target
    ('EU', Country('BY'))
    """
    return Imported.of(
        read_eu_annex(source, regime_id, target=target, actions=actions, encoding=encoding)
    )
