"""The report as plain text, wrapped at 100 columns, as the command line prints it.

>>> from sanctions_tracker.report.model import build_report
>>> from sanctions_tracker.records import JointStatement
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY",
...                                         signatures=["Japan"], sources=["a.org"])])
>>> head, text = render_text(build_report(ds)).split("\\n\\n")
>>> head
'1 document, 1 signature, 0 regimes, 0 actions, 0 designations, 0 alignments; status and ...'
>>> print(text, end="")
2020-09-17  On Belarus
  Joint statement s, about Belarus [1]
  Signed by 1: Japan
  Signed, but took no sanctions action against Belarus from 2020-09-17 to 2020-12-31 (1):
    JP  Japan  signed 2020-09-17
  Signed, but took no part in sanctions against Belarus on 2020-12-31 (1):
    JP  Japan  signed 2020-09-17
  Took part in sanctions against Belarus on 2020-12-31, but did not sign (0):
    none
  Sources:
    [1] a.org
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from sanctions_tracker._words import plural
from sanctions_tracker.report.parts import (
    Answer,
    Counts,
    DocumentReport,
    Entry,
    ReportContent,
    SignatoryCount,
    Signed,
    Signer,
    TakesPart,
)

__all__ = ["describe", "render_text"]

_KINDS = {"statement": "Joint statement", "letter": "Open letter"}


def render_text(report: ReportContent) -> str:
    """The report as text: a line on the dataset, then a paragraph per document."""
    parts = [f"{describe(report.counts)}; status and responses up to {report.until}\n"]
    parts.extend("\n" + _document(document) for document in report.documents)
    return "".join(parts)


def describe(counts: Counts) -> str:
    """``3 documents, 82 signatures, ...``: the size of each table, in words.

    >>> describe(Counts(1, 2, 0, 0, 0, 1))
    '1 document, 2 signatures, 0 regimes, 0 actions, 0 designations, 1 alignment'
    """
    words = [
        (counts.documents, "document"),
        (counts.signatures, "signature"),
        (counts.regimes, "regime"),
        (counts.actions, "action"),
        (counts.designations, "designation"),
        (counts.alignments, "alignment"),
    ]
    return ", ".join(plural(n, word) for n, word in words)


def _document(document: DocumentReport) -> str:
    about = f", about {document.subject}" if document.subject is not None else ""
    lines = [
        f"{document.date}  {document.title}\n",
        f"  {_KINDS[document.kind]} {document.id}{about}{_refs(document.sources)}\n",
    ]
    if document.note:
        lines.append(_fill(f"Note: {document.note}", indent="  ", hanging="    "))
    if document.signers:
        signers = [_signer(signer) for signer in document.signers]
        lines.append(_wrap(f"Signed by {len(signers)}:", signers))
    else:
        lines.append(f"  Signed by: {_count(document.count)}\n")
    lines.extend(_answer(answer) for answer in document.answers)
    if document.notes:
        lines.append("  Sources:\n")
        lines.extend(
            _fill(f"[{source.number}] {source.text}", indent="    ", hanging="        ")
            for source in document.notes
        )
    return "".join(lines)


def _signer(signer: Signer) -> str:
    notes = []
    if signer.signed_on is not None:
        notes.append(f"signed {signer.signed_on}")
    if signer.withdrawn_on is not None:
        notes.append(f"withdrew {signer.withdrawn_on}")
    return f"{signer.name} ({'; '.join(notes)})" if notes else signer.name


def _count(count: SignatoryCount | None) -> str:
    if count is None:
        return "no signatures recorded"
    parts = []
    if count.reported is not None:
        number = (
            f"{count.reported}"
            if count.qualifier == "exact"
            else f"{count.qualifier} {count.reported}"
        )
        as_of = f" as of {count.as_of}" if count.as_of else ""
        parts.append(f"{number} signatories reported{as_of}")
    if count.anonymous:
        parts.append("names not published")
    if count.disclosure_threshold is not None:
        parts.append(f"names to be published past {count.disclosure_threshold}")
    return "; ".join(parts) or "no signatures recorded"


_HEADINGS = {
    "no_response": "Signed, but took no sanctions action against {subject} from {since} to {on}",
    "not_in_sanctions": "Signed, but took no part in sanctions against {subject} on {on}",
    "not_signed": "Took part in sanctions against {subject} on {on}, but did not sign",
}


def _answer(answer: Answer) -> str:
    heading = _HEADINGS[answer.question].format(
        subject=answer.subject, since=answer.since, on=answer.on
    )
    return f"  {heading} ({len(answer.entries)}):\n" + _entries(answer.entries)


def _entries(entries: Sequence[Entry]) -> str:
    """Aligned lines of code, name, evidence and source numbers; a repeated code is blank."""
    if not entries:
        return "    none\n"
    width = max(len(entry.name) for entry in entries)
    lines = []
    for entry in entries:
        for index, evidence in enumerate(entry.evidence):
            code, name = (entry.country, entry.name) if index == 0 else ("", "")
            text = f"    {code:<4}{name:<{width}}  {_evidence(evidence)}{_refs(evidence.sources)}"
            lines.append(text.rstrip() + "\n")
    return "".join(lines)


def _evidence(evidence: Signed | TakesPart) -> str:
    if isinstance(evidence, Signed):
        through = f" through {evidence.via}" if evidence.via is not None else ""
        return f"signed {evidence.signed_on}{through}"
    if evidence.route == "own":
        since = f" since {evidence.since}" if evidence.since is not None else ""
        how = f"own regime{since}"
    elif evidence.route == "alignment":
        act = f" ({evidence.act})" if evidence.act else ""
        how = f"aligned from {evidence.since}{act}"
    elif evidence.route == "bloc":
        how = f"member of {evidence.bloc} since {evidence.since}"
    else:
        how = "takes part"
    return f"{evidence.regime_id}: {how}"


def _refs(numbers: Sequence[int]) -> str:
    """`` [1, 2]``: the numbers of the sources in the document's list."""
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""


def _fill(text: str, *, indent: str, hanging: str) -> str:
    """A paragraph of the report, wrapped at 100 columns, never inside a word or a URL."""
    wrapped = textwrap.fill(
        text,
        width=100,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped + "\n"


def _wrap(label: str, items: list[str]) -> str:
    """``label`` and the items joined by "; ", wrapped at 100 columns, never inside an item."""
    glued = [item.replace(" ", "\u00a0") for item in items]
    text = textwrap.fill(
        f"{label} " + "; ".join(glued),
        width=100,
        initial_indent="  ",
        subsequent_indent="    ",
        break_on_hyphens=False,
    )
    return text.replace("\u00a0", " ") + "\n"
