"""The report on a dataset: each document, who signed, and who did one without the other."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

import polars as pl

from sanctions_tracker.cli._common import _default_day, _describe, _display, _load
from sanctions_tracker.columns import date_text

if TYPE_CHECKING:
    from sanctions_tracker.dataset import Dataset
    from sanctions_tracker.records import Document


def _report(args: argparse.Namespace) -> int:
    dataset = _load(getattr(args, "dataset", None))
    # By the last day each date can stand for: a letter dated "2020" comes after September.
    documents = sorted(dataset.documents, key=lambda d: (d.date.last, d.date.first, d.id))
    until: dt.date = getattr(args, "until", None) or _default_day(dataset)
    out = sys.stdout
    out.write(f"{_describe(dataset)}; status and responses up to {until}\n")
    for document in documents:
        out.write("\n")
        _report_document(out, dataset, document, until)
    return 0


def _report_document(out: TextIO, dataset: Dataset, document: Document, until: dt.date) -> None:
    """One document: what it is, who signed, and the three lists of its subject's sanctions.

    The response window runs from the document's date to ``until``; the status is that
    of the day ``until``. A document with no subject, or with no named country or bloc
    among its signatories, gets no lists: the questions do not apply to it.
    """
    notes: dict[str, int] = {}
    kind = "Joint statement" if hasattr(document, "issued_on") else "Open letter"
    out.write(f"{document.date}  {document.title}\n")
    about = f", about {document.subject.name}" if document.subject is not None else ""
    out.write(f"  {kind} {document.id}{about}{_refs(document.sources, notes)}\n")
    if document.note:
        out.write(_fill(f"Note: {document.note}", indent="  ", hanging="    "))
    signers = [_signer(document, s) for s in document.signatures]
    if signers:
        out.write(_wrap(f"Signed by {len(signers)}:", signers))
    else:
        out.write(f"  Signed by: {_count(document)}\n")
    named = dataset.tables.signatures.filter(
        (pl.col("document_id") == document.id) & pl.col("party_kind").is_in(["country", "bloc"])
    ).height
    if document.subject is not None and named and document.date.first <= until:
        _report_lists(out, dataset, document, document.subject.name, until, notes)
    if notes:
        out.write("  Sources:\n")
        for source, number in notes.items():
            out.write(_fill(f"[{number}] {source}", indent="    ", hanging="        "))


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


def _report_lists(
    out: TextIO,
    dataset: Dataset,
    document: Document,
    subject: str,
    until: dt.date,
    notes: dict[str, int],
) -> None:
    """The three lists: no action in the window, not in sanctions on the day, and the reverse."""
    late = dataset.signed_not_sanctioned(document.id, until=until)
    out.write(
        f"  Signed, but took no sanctions action against {subject} "
        f"from {document.date} to {until} ({late.height}):\n"
    )
    _write_signed(out, dataset, document.id, late, notes)
    outside = dataset.signed_not_sanctioned(document.id, as_of=until)
    out.write(
        f"  Signed, but took no part in sanctions against {subject} on {until} "
        f"({outside.height}):\n"
    )
    _write_signed(out, dataset, document.id, outside, notes)
    missing = dataset.sanctioned_not_signed(document.id, as_of=until)
    out.write(
        f"  Took part in sanctions against {subject} on {until}, but did not sign "
        f"({missing.height}):\n"
    )
    _write_sanctioned(out, dataset, missing, until, notes)


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


def _signer(document: Document, signature: object) -> str:
    from sanctions_tracker.records import Signature

    assert isinstance(signature, Signature)
    party = signature.party
    label = party.name
    notes = []
    if signature.signed_on is not None and signature.signed_on != document.date:
        notes.append(f"signed {signature.signed_on}")
    if signature.withdrawn_on is not None:
        notes.append(f"withdrew {signature.withdrawn_on}")
    return f"{label} ({'; '.join(notes)})" if notes else label


def _count(document: Document) -> str:
    count = getattr(document, "reported_count", None)
    anonymous = getattr(document, "anonymous", False)
    parts = []
    if count is not None:
        qualifier = document.count_qualifier if hasattr(document, "count_qualifier") else "exact"
        number = f"{count}" if qualifier == "exact" else f"{qualifier} {count}"
        as_of = getattr(document, "count_as_of", None)
        parts.append(f"{number} signatories reported" + (f" as of {as_of}" if as_of else ""))
    if anonymous:
        parts.append("names not published")
    threshold = getattr(document, "disclosure_threshold", None)
    if threshold is not None:
        parts.append(f"names to be published past {threshold}")
    return "; ".join(parts) or "no signatures recorded"


def _write_signed(
    out: TextIO, dataset: Dataset, document_id: str, frame: pl.DataFrame, notes: dict[str, int]
) -> None:
    """One line per signatory: code, name, the day its signature counts from, its sources."""
    sources = dataset.tables.signatures.filter(pl.col("document_id") == document_id).select(
        pl.col("party").alias("country"), "sources"
    )
    shown = _display(frame, join_lists=True).join(sources, on="country", how="left")
    lines = shown.select(
        "country",
        "name",
        pl.concat_str(
            pl.lit("signed "),
            pl.col("signed_on"),
            pl.when(pl.col("via").is_not_null())
            .then(" through " + pl.col("via"))
            .otherwise(pl.lit("")),
        ).alias("evidence"),
        "sources",
    )
    _write_lines(out, lines, notes)


def _write_sanctioned(
    out: TextIO, dataset: Dataset, frame: pl.DataFrame, day: dt.date, notes: dict[str, int]
) -> None:
    """One line per (country, regime): how the country takes part on ``day``, and the source."""
    t = dataset.tables
    regimes = t.regimes.select(
        "regime_id",
        pl.col("authority_kind").cast(pl.String),
        "authority",
        date_text("established_on"),
        pl.col("sources").alias("_regime_sources"),
    )
    aligned = (
        t.alignments.filter(pl.col("aligned_on") <= day)
        .sort("aligned_on")
        .unique(["country", "regime_id"], keep="last")
        .select(
            pl.col("country").cast(pl.String),
            "regime_id",
            date_text("aligned_on"),
            "act",
            pl.col("sources").alias("_alignment_sources"),
        )
    )
    members = (
        t.memberships.filter(pl.col("joined") <= day)
        .sort("joined")
        .unique(["bloc", "country"], keep="last")
        .select(pl.col("bloc").alias("authority"), pl.col("country").cast(pl.String), "joined")
    )
    rows = (
        frame.select("country", "name", "regimes")
        .explode("regimes")
        .rename({"regimes": "regime_id"})
        .join(regimes, on="regime_id", how="left")
        .join(aligned, on=["country", "regime_id"], how="left")
        .join(members, on=["authority", "country"], how="left")
    )
    own = pl.col("authority") == pl.col("country")
    is_aligned = pl.col("aligned_on").is_not_null()
    since = pl.when(pl.col("established_on").is_not_null()).then(
        " since " + pl.col("established_on")
    )
    how = (
        pl.when(own)
        .then(pl.concat_str(pl.lit("own regime"), since.otherwise(pl.lit(""))))
        .when(is_aligned)
        .then(
            pl.concat_str(
                pl.lit("aligned from "),
                pl.col("aligned_on"),
                pl.when(pl.col("act") != "").then(" (" + pl.col("act") + ")").otherwise(pl.lit("")),
            )
        )
        .when(pl.col("joined").is_not_null())
        .then(
            "member of "
            + pl.col("authority")
            + " since "
            + pl.col("joined").dt.strftime("%Y-%m-%d")
        )
        .otherwise(pl.lit("takes part"))
    )
    sources = (
        pl.when(is_aligned & ~own)
        .then(pl.col("_alignment_sources"))
        .otherwise(pl.col("_regime_sources"))
    )
    lines = rows.select(
        "country",
        "name",
        pl.concat_str(pl.col("regime_id"), pl.lit(": "), how).alias("evidence"),
        sources.alias("sources"),
    )
    _write_lines(out, lines, notes)


def _write_lines(out: TextIO, lines: pl.DataFrame, notes: dict[str, int]) -> None:
    """Aligned lines of code, name, evidence and numbered sources; a repeated code is blank."""
    if lines.height == 0:
        out.write("    none\n")
        return
    width = max(len(name) for name in lines["name"].to_list())
    previous = None
    for code, name, evidence, sources in lines.iter_rows():
        shown = ("", "") if code == previous else (code, name)
        previous = code
        line = f"    {shown[0]:<4}{shown[1]:<{width}}  {evidence}{_refs(sources or (), notes)}"
        out.write(line.rstrip() + "\n")


def _refs(sources: Sequence[str], notes: dict[str, int]) -> str:
    """`` [1, 2]``: the numbers of the sources in the document's notes, added when new."""
    numbers = [notes.setdefault(source, len(notes) + 1) for source in sources if source]
    return f" [{', '.join(map(str, numbers))}]" if numbers else ""
