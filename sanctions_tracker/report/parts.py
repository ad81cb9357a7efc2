"""The records of the report: each document, its answers, their evidence, the matrix.

They hold values, never formatted text, so that every renderer shows the same report.
:class:`ReportContent` is what a renderer reads of a report; the
:class:`~sanctions_tracker.report.model.Report` that
:func:`~sanctions_tracker.report.model.build_report` makes has it. The renderers read
these records and never import the builder, so that the report can call them.

>>> Source(1, "https://example.org/statement").number
1
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol

import attrs

from sanctions_tracker.dates import PartialDate

__all__ = [
    "Answer",
    "Counts",
    "DocumentReport",
    "Entry",
    "Matrix",
    "MatrixColumn",
    "MatrixRow",
    "ReportContent",
    "SignatoryCount",
    "Signed",
    "Signer",
    "Source",
    "TakesPart",
]

Question = Literal["no_response", "not_in_sanctions", "not_signed"]
Route = Literal["own", "alignment", "bloc", "other"]


@attrs.frozen
class Source:
    """A source, by its number in its document's list."""

    number: int
    text: str


@attrs.frozen
class Signer:
    """A signatory as listed: its name, and the dates of its signature that differ from the
    document's."""

    name: str
    signed_on: PartialDate | None = None
    withdrawn_on: PartialDate | None = None


@attrs.frozen
class SignatoryCount:
    """What a letter says of its signatories beyond their names."""

    reported: int | None
    qualifier: str
    as_of: PartialDate | None
    anonymous: bool
    disclosure_threshold: int | None


@attrs.frozen
class Signed:
    """Evidence: the signature that counts, from its day, perhaps through a bloc."""

    signed_on: PartialDate
    via: str | None
    sources: tuple[int, ...]


@attrs.frozen
class TakesPart:
    """Evidence: a country takes part in a regime, by a route, since a day.

    ``route`` is ``own`` (its regime, ``since`` its establishment), ``alignment``
    (``since`` the alignment, by ``act``), ``bloc`` (a member of ``bloc`` ``since``
    joining) or ``other``.
    """

    regime_id: str
    route: Route
    since: PartialDate | None
    sources: tuple[int, ...]
    act: str = ""
    bloc: str | None = None


@attrs.frozen
class Entry:
    """One country of an answer, with its evidence."""

    country: str
    name: str
    evidence: tuple[Signed | TakesPart, ...]


@attrs.frozen
class Answer:
    """One question about a document, and the countries that answer it.

    ``no_response``: signed, but no sanctions act against ``subject`` from ``since`` to
    ``on``; ``not_in_sanctions``: signed, but no part in sanctions on ``on``;
    ``not_signed``: part in sanctions on ``on``, but no signature.
    """

    question: Question
    subject: str
    since: PartialDate | None
    on: dt.date
    entries: tuple[Entry, ...]


@attrs.frozen
class DocumentReport:
    """A document: what it is, who signed, the answers, and its numbered sources."""

    id: str
    kind: Literal["statement", "letter"]
    title: str
    date: PartialDate
    subject: str | None
    note: str
    sources: tuple[int, ...]
    signers: tuple[Signer, ...]
    count: SignatoryCount | None
    answers: tuple[Answer, ...]
    notes: tuple[Source, ...]


@attrs.frozen
class Counts:
    """How many rows each table of the dataset holds."""

    documents: int
    signatures: int
    regimes: int
    actions: int
    designations: int
    alignments: int


@attrs.frozen
class MatrixColumn:
    """A column of the matrix: a document (by its title) or a regime (by its name)."""

    kind: Literal["document", "regime"]
    id: str
    title: str


@attrs.frozen
class MatrixRow:
    """A party of the matrix (a bloc's label says so) and its cells, one per column,
    ``None`` where it has none.

    A document's cell is ``both`` (signed and took part in sanctions on its subject),
    ``signed``, ``sanctioned`` or ``neither``; a regime's cell is the route by which the
    country takes part in it: ``own``, ``bloc`` or ``alignment``.
    """

    label: str
    cells: tuple[str | None, ...]


@attrs.frozen
class Matrix:
    """The parties x documents-and-regimes matrix on the day ``on``, as the plot draws it."""

    on: dt.date
    columns: tuple[MatrixColumn, ...] = ()
    rows: tuple[MatrixRow, ...] = ()


class ReportContent(Protocol):
    """What a renderer reads of a report: the counts, the cut-off, the documents, the matrix."""

    @property
    def counts(self) -> Counts:
        """How many rows each table of the dataset holds."""

    @property
    def until(self) -> dt.date:
        """The day of the status, and the end of each response window."""

    @property
    def documents(self) -> tuple[DocumentReport, ...]:
        """Each document, in date order."""

    @property
    def matrix(self) -> Matrix | None:
        """The matrix on the cut-off day, if it was built."""
