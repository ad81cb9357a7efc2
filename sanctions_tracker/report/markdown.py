"""The report as GitHub-flavoured Markdown: headings, and tables that paste into an article.

Every text of the dataset is escaped: a ``|`` cannot end a cell, a ``*`` or a ``<``
cannot start emphasis or HTML, and a line break inside a cell becomes a space. Web
addresses among the sources become links.

>>> from sanctions_tracker.report.model import build_report
>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(statements=[JointStatement("s", "On Belarus | 2020", "2020-09-17", "BY",
...                                         signatures=["Japan"])])
>>> blocks = render_markdown(build_report(ds)).split("\\n\\n")
>>> print(blocks[2])
## On Belarus \\| 2020
>>> print(blocks[5])
| Code | Country | Evidence | Regime | Date | Detail | Sources |
| --- | --- | --- | --- | --- | --- | --- |
| JP | Japan | signed |  | 2020-09-17 |  |  |
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sanctions_tracker.report.html import CELLS, _parts, _Row, _rows
from sanctions_tracker.report.parts import (
    Answer,
    DocumentReport,
    Matrix,
    ReportContent,
)
from sanctions_tracker.report.text import _signer, describe

__all__ = ["escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_KINDS = {"statement": "Joint statement", "letter": "Open letter"}
_HEADINGS = {
    "no_response": "Signed, but took no sanctions action against {subject} from {since} to {on}",
    "not_in_sanctions": "Signed, but took no part in sanctions against {subject} on {on}",
    "not_signed": "Took part in sanctions against {subject} on {on}, but did not sign",
}
_COLUMNS = ("Code", "Country", "Evidence", "Regime", "Date", "Detail", "Sources")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line, safe inside a table cell.

    >>> escape("A | B *C* <x>")
    'A \\\\| B \\\\*C\\\\* \\\\<x\\\\>'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(report: ReportContent) -> str:
    """The report as Markdown: a heading per document, a table per answer, the sources.

    >>> from sanctions_tracker.datasets import belarus_2020
    >>> from sanctions_tracker.report.model import build_report
    >>> text = render_markdown(build_report(belarus_2020()))
    >>> "| AU | Australia | signed |  | 2020-09-17 |  | 5, 2 |" in text
    True
    """
    blocks = [
        f"# Signed and sanctioned: status on {report.until}",
        (
            f"Status on {report.until}; each response window runs from the document's date "
            f"to {report.until}. The dataset: {describe(report.counts)}."
        ),
    ]
    for document in report.documents:
        blocks.extend(_document(document))
    if report.matrix is not None and report.matrix.rows:
        blocks.extend(_matrix(report.matrix))
    return "\n\n".join(blocks) + "\n"


def _document(document: DocumentReport) -> list[str]:
    about = escape(document.subject) if document.subject is not None else "none"
    facts = [
        f"- Date: {document.date}",
        f"- Kind: {_KINDS[document.kind]} {escape(document.id)}{_refs(document.sources)}",
        f"- Subject: {about}",
    ]
    if document.signers:
        names = "; ".join(escape(_signer(signer)) for signer in document.signers)
        facts.append(f"- Signed by {len(document.signers)}: {names}")
    blocks = [f"## {escape(document.title)}", "\n".join(facts)]
    if document.note:
        blocks.append(f"Note: {escape(document.note)}")
    for answer in document.answers:
        blocks.extend(_answer(answer))
    if document.notes:
        blocks.append("Sources:")
        blocks.append(
            "\n".join(f"{source.number}. {_source(source.text)}" for source in document.notes)
        )
    return blocks


def _answer(answer: Answer) -> list[str]:
    heading = _HEADINGS[answer.question].format(
        subject=escape(answer.subject), since=answer.since, on=answer.on
    )
    blocks = [f"### {heading} ({len(answer.entries)})"]
    if not answer.entries:
        blocks.append("None.")
        return blocks
    rows = [_cells(row) for entry in answer.entries for row in _rows(entry)]
    blocks.append(_table(_COLUMNS, rows))
    return blocks


def _cells(row: _Row) -> list[str]:
    texts = (row.country, row.name, row.route, row.regime, row.day, row.detail)
    return [*(escape(text) for text in texts), ", ".join(map(str, row.sources))]


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-flavoured table; the cells are escaped already."""
    lines = [_line(header), _line(["---"] * len(header))]
    lines.extend(_line(row) for row in rows)
    return "\n".join(lines)


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _refs(numbers: Sequence[int]) -> str:
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _source(text: str) -> str:
    """A source's text escaped, its web addresses as links."""
    return "".join(
        f"<{part.text}>" if part.link else escape(part.text) for part in _parts(text)
    ).strip()


def _matrix(matrix: Matrix) -> list[str]:
    """The matrix as a table of marks, with a key: the heatmap of the page, in text."""
    key = "; ".join(f"{mark} {meaning}" for meaning, _, mark in CELLS.values())
    header = ["Party", *(escape(column.title) for column in matrix.columns)]
    rows = [
        [escape(row.label), *(CELLS[c][2] if c in CELLS else "" for c in row.cells)]
        for row in matrix.rows
    ]
    return [f"## The matrix on {matrix.on}", f"Key: {key}.", _table(header, rows)]
