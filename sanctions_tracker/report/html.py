"""The report as one self-contained HTML page, from a Jinja2 template with autoescaping.

Everything the page needs is in the file: the style sheet, the script that sorts and
filters the tables, and the matrix as an inline SVG heatmap. It makes no request, so it
opens from disk and as an e-mail attachment. Every text of the dataset is escaped by the
template engine: a title ``<script>`` shows as text.

>>> from sanctions_tracker.report.model import build_report
>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(statements=[JointStatement("s", "<b>On Belarus</b>", "2020-09-17", "BY",
...                                         signatures=["Japan"])])
>>> page = render_html(build_report(ds))
>>> "&lt;b&gt;On Belarus&lt;/b&gt;" in page, "<b>On Belarus" in page
(True, False)
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import attrs

from sanctions_tracker._words import plural
from sanctions_tracker.report.parts import (
    Answer,
    DocumentReport,
    Entry,
    Matrix,
    ReportContent,
    Signed,
    TakesPart,
)
from sanctions_tracker.report.text import _count, _signer, describe

if TYPE_CHECKING:
    import jinja2

__all__ = ["CELLS", "render_html"]

#: Each status of a matrix cell: its meaning, its colour, and the mark drawn in the cell,
#: so that colour is never the only signal.
CELLS: dict[str, tuple[str, str, str]] = {
    "both": ("signed and took part in sanctions", "#1b9e77", "✓■"),
    "signed": ("signed, took no part in sanctions", "#d95f02", "✓"),
    "sanctioned": ("took part in sanctions, did not sign", "#7570b3", "■"),
    "own": ("regime: its own", "#08519c", "O"),
    "bloc": ("regime: member of the imposing bloc", "#4292c6", "B"),
    "alignment": ("regime: aligned with it", "#9ecae1", "A"),
}
_EMPTY = ("neither / not taking part", "#f0f0f0", "")

_HEADINGS = {
    "no_response": "Signed, but took no sanctions action against {subject}",
    "not_in_sanctions": "Signed, but took no part in sanctions against {subject}",
    "not_signed": "Took part in sanctions against {subject}, but did not sign",
}
_KINDS = {"statement": "Joint statement", "letter": "Open letter"}
_ROUTES = {
    "own": "own regime",
    "alignment": "alignment",
    "bloc": "bloc membership",
    "other": "takes part",
}
_ADDRESS = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]")

# The geometry of the heatmap, in SVG user units.
_CELL = 22
_CHAR = 6.6
_MAX_TITLE = 48


@attrs.frozen
class _Part:
    """A piece of a source's text: plain text, or an address to link to."""

    text: str
    link: bool


@attrs.frozen
class _Row:
    """One row of an answer's table: a country and one piece of its evidence."""

    country: str
    name: str
    route: str
    regime: str
    day: str
    detail: str
    sources: tuple[int, ...]


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates, read from the package; every value is escaped unless marked safe."""
    import jinja2  # the command line starts without it when it prints text

    return jinja2.Environment(
        loader=jinja2.PackageLoader("sanctions_tracker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(report: ReportContent) -> str:
    """The report as one HTML page: each document, its answers and sources, and the matrix.

    >>> from sanctions_tracker.datasets import belarus_2020
    >>> from sanctions_tracker.report.model import build_report
    >>> page = render_html(build_report(belarus_2020()))
    >>> page.startswith("<!DOCTYPE html>"), "<svg" in page, "http-equiv" in page
    (True, True, True)
    """
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        summary=describe(report.counts),
        documents=[_document(document) for document in report.documents],
        heatmap=_heatmap(report.matrix),
        legend=[(key, *value) for key, value in CELLS.items()] + [("", *_EMPTY)],
        dark=_DARK,
    )


def _document(document: DocumentReport) -> dict[str, object]:
    return {
        "anchor": f"doc-{_slug(document.id)}",
        "id": document.id,
        "kind": _KINDS[document.kind],
        "title": document.title,
        "date": str(document.date),
        "subject": document.subject,
        "note": document.note,
        "sources": document.sources,
        "signers": [_signer(signer) for signer in document.signers],
        "count": _count(document.count),
        "answers": [_answer(answer) for answer in document.answers],
        "notes": [(source.number, _parts(source.text)) for source in document.notes],
    }


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "document"


def _answer(answer: Answer) -> dict[str, object]:
    if answer.since is not None:
        when = f"Response window: from {answer.since} to {answer.on}"
    else:
        when = f"Status on {answer.on}"
    return {
        "question": answer.question,
        "heading": _HEADINGS[answer.question].format(subject=answer.subject),
        "when": when,
        "count": len(answer.entries),
        "rows": [row for entry in answer.entries for row in _rows(entry)],
    }


def _rows(entry: Entry) -> list[_Row]:
    return [_row(entry, evidence) for evidence in entry.evidence]


def _row(entry: Entry, evidence: Signed | TakesPart) -> _Row:
    if isinstance(evidence, Signed):
        detail = f"through {evidence.via}" if evidence.via is not None else ""
        return _Row(
            entry.country, entry.name, "signed", "", str(evidence.signed_on), detail,
            evidence.sources,
        )  # fmt: skip
    if evidence.route == "alignment":
        detail = evidence.act
    elif evidence.route == "bloc":
        detail = f"member of {evidence.bloc}"
    else:
        detail = ""
    since = "" if evidence.since is None else str(evidence.since)
    return _Row(
        entry.country,
        entry.name,
        _ROUTES[evidence.route],
        evidence.regime_id,
        since,
        detail,
        evidence.sources,
    )


def _parts(text: str) -> list[_Part]:
    """``text`` cut into plain text and web addresses (http and https only)."""
    parts: list[_Part] = []
    at = 0
    for found in _ADDRESS.finditer(text):
        if found.start() > at:
            parts.append(_Part(text[at : found.start()], link=False))
        parts.append(_Part(found.group(), link=True))
        at = found.end()
    if at < len(text):
        parts.append(_Part(text[at:], link=False))
    return parts


def _short(title: str) -> str:
    return title if len(title) <= _MAX_TITLE else title[: _MAX_TITLE - 1].rstrip() + "…"


def _heatmap(matrix: Matrix | None) -> dict[str, object] | None:
    """The numbers the template draws the heatmap from: label widths, cells and ticks."""
    if matrix is None or not matrix.rows or not matrix.columns:
        return None
    labels = [row.label for row in matrix.rows]
    left = int(max(len(label) for label in labels) * _CHAR) + 12
    titles = [_short(column.title) for column in matrix.columns]
    top = int(max(len(title) for title in titles) * _CHAR * 0.71) + 24
    width = left + _CELL * len(matrix.columns) + int(len(titles[-1]) * _CHAR * 0.71) + 8
    height = top + _CELL * len(matrix.rows) + 4
    documents = sum(1 for column in matrix.columns if column.kind == "document")
    return {
        "on": matrix.on,
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "cell": _CELL,
        "columns": [
            {
                "x": left + _CELL * index + _CELL // 2,
                "short": short,
                "title": column.title,
                "kind": column.kind,
            }
            for index, (column, short) in enumerate(zip(matrix.columns, titles, strict=True))
        ],
        "rows": [
            {
                "y": top + _CELL * index,
                "label": row.label,
                "cells": [_cell(left + _CELL * i, cell) for i, cell in enumerate(row.cells)],
            }
            for index, row in enumerate(matrix.rows)
        ],
        "split": left + _CELL * documents if 0 < documents < len(matrix.columns) else None,
        "description": _describe_matrix(matrix),
    }


def _cell(x: int, status: str | None) -> dict[str, object]:
    meaning, colour, mark = CELLS.get(status or "", _EMPTY)
    return {"x": x, "colour": colour, "mark": mark, "meaning": meaning, "dark": status in _DARK}


_DARK = frozenset({"both", "signed", "sanctioned", "own", "bloc"})


def _describe_matrix(matrix: Matrix) -> str:
    """The text alternative of the heatmap: what it shows, and how many of each cell."""
    tallies: list[str] = []
    for index, column in enumerate(matrix.columns):
        found: dict[str, int] = {}
        for row in matrix.rows:
            status = row.cells[index]
            if status in CELLS:
                found[status] = found.get(status, 0) + 1
        counted = ", ".join(f"{n} {CELLS[status][0]}" for status, n in found.items())
        tallies.append(f"{column.title}: {counted or 'none'}")
    return (
        f"{plural(len(matrix.rows), 'party', 'parties')} by "
        f"{plural(len(matrix.columns), 'document or regime', 'documents and regimes')}, on "
        f"{matrix.on}. " + "; ".join(tallies) + ". The table below gives every cell."
    )
