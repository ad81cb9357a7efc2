"""The report as data: each document, its signatories, the answers and their evidence.

:func:`build_report` asks the queries once and keeps what a reader needs to check each
line: the dated evidence of every country listed and the sources, numbered per
document in order of first mention. The records (:mod:`sanctions_tracker.report.parts`)
hold values, never formatted text, so that each renderer
(:mod:`~sanctions_tracker.report.text`, :mod:`~sanctions_tracker.report.html`,
:mod:`~sanctions_tracker.report.markdown`) shows the same report.

>>> from sanctions_tracker.datasets import belarus_2020
>>> report = build_report(belarus_2020(), until=dt.date(2020, 12, 31))
>>> first = report.documents[0]
>>> [a.question for a in first.answers]
['no_response', 'not_in_sanctions', 'not_signed']
>>> [entry.country for entry in first.answers[0].entries]
['AU', 'JP']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import polars as pl

from sanctions_tracker.dates import PartialDate, to_day, to_partial_date
from sanctions_tracker.errors import QueryError
from sanctions_tracker.records import JointStatement, Letter, Signature
from sanctions_tracker.report.parts import (
    Answer,
    Counts,
    DocumentReport,
    Entry,
    Matrix,
    MatrixColumn,
    MatrixRow,
    SignatoryCount,
    Signed,
    Signer,
    Source,
    TakesPart,
)

if TYPE_CHECKING:
    from sanctions_tracker.dataset import Dataset

__all__ = ["Report", "build_report", "counts", "default_cutoff"]


@attrs.frozen
class Report:
    """The whole report: the dataset's counts, the cut-off, each document in date order, and
    the matrix on the cut-off day.

    :meth:`to_html` and :meth:`to_markdown` render it as a page or as Markdown tables.
    """

    counts: Counts
    until: dt.date
    documents: tuple[DocumentReport, ...]
    matrix: Matrix | None = None

    def to_html(self) -> str:
        """The report as one self-contained HTML page (see :mod:`.html`)."""
        from sanctions_tracker.report.html import render_html

        return render_html(self)

    def to_markdown(self) -> str:
        """The report as GitHub-flavoured Markdown (see :mod:`.markdown`)."""
        from sanctions_tracker.report.markdown import render_markdown

        return render_markdown(self)


def default_cutoff(dataset: Dataset) -> dt.date:
    """31 December of the year of the latest document (this year when there is none).

    >>> from sanctions_tracker.dataset import Dataset
    >>> default_cutoff(Dataset()).month
    12
    """
    latest = dataset.tables.documents["date"].max()
    year = latest.year if isinstance(latest, dt.date) else dt.date.today().year
    return dt.date(year, 12, 31)


def counts(dataset: Dataset) -> Counts:
    """The number of rows of each table of ``dataset``.

    >>> from sanctions_tracker.dataset import Dataset
    >>> counts(Dataset()).documents
    0
    """
    t = dataset.tables
    return Counts(
        documents=t.documents.height,
        signatures=t.signatures.height,
        regimes=t.regimes.height,
        actions=t.actions.height,
        designations=t.designations.height,
        alignments=t.alignments.height,
    )


def build_report(dataset: Dataset, *, until: dt.date | str | None = None) -> Report:
    """The report on ``dataset`` up to ``until`` (default: :func:`default_cutoff`).

    Documents come in date order (by the last day each date can stand for: a letter
    dated "2020" comes after September). For each, the response window runs from the
    document's date to ``until``, and the status is that of the day ``until``. A
    document with no subject, or with no named country or bloc among its signatories,
    or dated after ``until``, gets no answers: the questions do not apply to it.

    >>> build_report(belarus_2020(), until="2020-12-31").until
    datetime.date(2020, 12, 31)
    >>> build_report(belarus_2020(), until="2020-12")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.QueryError: until: '2020-12' is not a day:
    a month is not enough here; write YYYY-MM-DD

    Raises:
        QueryError: ``until`` is not a day.
    """
    cutoff = default_cutoff(dataset) if until is None else _cutoff(until)
    documents = sorted(dataset.documents, key=lambda d: (d.date.last, d.date.first, d.id))
    return Report(
        counts=counts(dataset),
        until=cutoff,
        documents=tuple(_document(dataset, document, cutoff) for document in documents),
        matrix=_matrix(dataset, cutoff),
    )


def _cutoff(until: dt.date | str) -> dt.date:
    """``until`` as a day, or a :class:`QueryError` that names the argument."""
    try:
        return to_day(until)
    except (ValueError, TypeError) as err:
        raise QueryError(f"until: {err}") from None


def _matrix(dataset: Dataset, day: dt.date) -> Matrix:
    """The matrix the plot draws, on ``day``; empty when no party signed or takes part."""
    from sanctions_tracker.plot import _grid  # the grid only: matplotlib is not imported

    try:
        grid, document_count = _grid(dataset, None, None, day)
    except QueryError:
        return Matrix(day)
    t = dataset.tables
    titles = dict(t.documents.select("document_id", "title").iter_rows())
    names = dict(t.regimes.select("regime_id", "name").iter_rows())
    columns = tuple(
        MatrixColumn("document", id_, str(titles.get(id_) or id_))
        if index < document_count
        else MatrixColumn("regime", id_, str(names.get(id_) or id_))
        for index, id_ in enumerate(grid.columns[1:])
    )
    rows = tuple(
        MatrixRow(str(row[0]), tuple(None if cell is None else str(cell) for cell in row[1:]))
        for row in grid.iter_rows()
    )
    return Matrix(day, columns, rows)


class _Numbers:
    """The numbers of a document's sources, given in order of first mention."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def of(self, sources: Iterable[str] | None) -> tuple[int, ...]:
        return tuple(
            self.numbers.setdefault(source, len(self.numbers) + 1)
            for source in sources or ()
            if source
        )

    def sources(self) -> tuple[Source, ...]:
        return tuple(Source(number, text) for text, number in self.numbers.items())


def _document(
    dataset: Dataset, document: JointStatement | Letter, until: dt.date
) -> DocumentReport:
    numbers = _Numbers()
    own_sources = numbers.of(document.sources)
    named = dataset.tables.signatures.filter(
        (pl.col("document_id") == document.id) & pl.col("party_kind").is_in(["country", "bloc"])
    ).height
    answers: tuple[Answer, ...] = ()
    if document.subject is not None and named and document.date.first <= until:
        answers = _answers(dataset, document, document.subject.name, until, numbers)
    return DocumentReport(
        id=document.id,
        kind="statement" if isinstance(document, JointStatement) else "letter",
        title=document.title,
        date=document.date,
        subject=document.subject.name if document.subject is not None else None,
        note=document.note,
        sources=own_sources,
        # On a roll call only a vote for is signing: an abstention, a vote against and an
        # absence are no signature of the text.
        signers=tuple(
            _signer(document, signature)
            for signature in document.signatures
            if signature.vote == "for"
        ),
        count=_count(document) if isinstance(document, Letter) else None,
        answers=answers,
        notes=numbers.sources(),
    )


def _signer(document: JointStatement | Letter, signature: Signature) -> Signer:
    differs = signature.signed_on is not None and signature.signed_on != document.date
    return Signer(
        name=signature.party.name,
        signed_on=signature.signed_on if differs else None,
        withdrawn_on=signature.withdrawn_on,
    )


def _count(letter: Letter) -> SignatoryCount:
    return SignatoryCount(
        reported=letter.reported_count,
        qualifier=letter.count_qualifier,
        as_of=letter.count_as_of,
        anonymous=letter.anonymous,
        disclosure_threshold=letter.disclosure_threshold,
    )


def _answers(
    dataset: Dataset,
    document: JointStatement | Letter,
    subject: str,
    until: dt.date,
    numbers: _Numbers,
) -> tuple[Answer, ...]:
    """The three answers: no action in the window, not in sanctions on the day, the reverse."""
    late = dataset.signed_not_sanctioned(document.id, until=until)
    outside = dataset.signed_not_sanctioned(document.id, as_of=until)
    missing = dataset.sanctioned_not_signed(document.id, as_of=until)
    return (
        Answer(
            "no_response", subject, document.date, until, _signed(dataset, document, late, numbers)
        ),
        Answer(
            "not_in_sanctions", subject, None, until, _signed(dataset, document, outside, numbers)
        ),
        Answer("not_signed", subject, None, until, _taking_part(dataset, missing, until, numbers)),
    )


def _signed(
    dataset: Dataset, document: JointStatement | Letter, frame: pl.DataFrame, numbers: _Numbers
) -> tuple[Entry, ...]:
    """One entry per signatory: the day its signature counts from, and its sources."""
    sources = dataset.tables.signatures.filter(pl.col("document_id") == document.id).select(
        pl.col("party").alias("country"), "sources"
    )
    rows = frame.join(sources, on="country", how="left", maintain_order="left")
    return tuple(
        Entry(
            country=row["country"],
            name=row["name"],
            evidence=(
                Signed(
                    signed_on=_partial(row["signed_on"], row["signed_on_precision"]),
                    via=row["via"],
                    sources=numbers.of(row["sources"]),
                ),
            ),
        )
        for row in rows.iter_rows(named=True)
    )


def _partial(day: dt.date, precision: str) -> PartialDate:
    text = {"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d")
    return to_partial_date(day.strftime(text))


def _taking_part(
    dataset: Dataset, frame: pl.DataFrame, day: dt.date, numbers: _Numbers
) -> tuple[Entry, ...]:
    """One entry per country, one piece of evidence per regime: how it takes part on ``day``."""
    t = dataset.tables
    regimes = t.regimes.select(
        "regime_id",
        "authority",
        "established_on",
        pl.col("established_on_precision").cast(pl.String),
        pl.col("sources").alias("_regime_sources"),
    )
    aligned = (
        t.alignments.filter(pl.col("aligned_on") <= day)
        .sort("aligned_on")
        .unique(["country", "regime_id"], keep="last")
        .select(
            pl.col("country").cast(pl.String),
            "regime_id",
            "aligned_on",
            pl.col("aligned_on_precision").cast(pl.String),
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
        .join(regimes, on="regime_id", how="left", maintain_order="left")
        .join(aligned, on=["country", "regime_id"], how="left", maintain_order="left")
        .join(members, on=["authority", "country"], how="left", maintain_order="left")
    )
    entries: dict[str, Entry] = {}
    for row in rows.iter_rows(named=True):
        evidence = _how(row, numbers)
        found = entries.get(row["country"])
        entries[row["country"]] = (
            Entry(row["country"], row["name"], (evidence,))
            if found is None
            else attrs.evolve(found, evidence=(*found.evidence, evidence))
        )
    return tuple(entries.values())


def _how(row: dict[str, object], numbers: _Numbers) -> TakesPart:
    """The route of one (country, regime) row: own regime, alignment, membership, other."""
    regime_id = str(row["regime_id"])
    regime_sources = row["_regime_sources"]
    if row["authority"] == row["country"]:
        established = row["established_on"]
        since = (
            _partial(established, str(row["established_on_precision"]))
            if isinstance(established, dt.date)
            else None
        )
        return TakesPart(regime_id, "own", since, numbers.of(_strings(regime_sources)))
    aligned = row["aligned_on"]
    if isinstance(aligned, dt.date):
        return TakesPart(
            regime_id,
            "alignment",
            _partial(aligned, str(row["aligned_on_precision"])),
            numbers.of(_strings(row["_alignment_sources"])),
            act=str(row["act"] or ""),
        )
    joined = row["joined"]
    if isinstance(joined, dt.date):
        return TakesPart(
            regime_id,
            "bloc",
            to_partial_date(joined.isoformat()),
            numbers.of(_strings(regime_sources)),
            bloc=str(row["authority"]),
        )
    return TakesPart(regime_id, "other", None, numbers.of(_strings(regime_sources)))


def _strings(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []
