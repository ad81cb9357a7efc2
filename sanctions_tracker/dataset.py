"""Dataset: the immutable, validated whole, and its tables.

A Dataset is built from records (as an author writes them) or from tables (as a
file holds them). Either way it is validated once, by the same polars checks, and
its tables are built once. ``==`` compares content.

>>> from sanctions_tracker.records import JointStatement
>>> ds = Dataset(statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY",
...                                         signatures=["Japan", "Australia"])])
>>> ds.tables.signatures.height
2
>>> Dataset(statements=[JointStatement("s", "A", "2020"), JointStatement("s", "B", "2021")])
Traceback (most recent call last):
...
sanctions_tracker.errors.ValidationError: statements['s']: duplicate document id 's' (first ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from os import PathLike
from pathlib import Path

import polars as pl

from sanctions_tracker import queries
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.checked import checked_tables
from sanctions_tracker.errors import UnknownDocumentError, ValidationError
from sanctions_tracker.io import load_tables, save_tables
from sanctions_tracker.merging import merge_tables
from sanctions_tracker.queries import CountryLike, DayLike, Prepared
from sanctions_tracker.records import (
    Alignment,
    Designation,
    Document,
    JointStatement,
    Letter,
    SanctionsAction,
    SanctionsRegime,
)
from sanctions_tracker.tables import (
    Records,
    Tables,
    records_to_tables,
    tables_to_records,
)
from sanctions_tracker.validation import validate

__all__ = ["Dataset"]


class Dataset:
    """Statements, letters, regimes, actions, designations, alignments and blocs.

    The built-in blocs (EU, EEA, EFTA, G7, NATO) are always there; ``blocs`` adds
    user-defined ones. Construction raises one
    :class:`~sanctions_tracker.ValidationError` listing every problem.

    A hand-written ``__init__`` here, unlike the records: a Dataset is made from
    records or from tables, and keeps the tables as its one source of truth.
    """

    __slots__ = ("__dict__", "_tables")

    def __init__(
        self,
        *,
        statements: Iterable[JointStatement] = (),
        letters: Iterable[Letter] = (),
        regimes: Iterable[SanctionsRegime] = (),
        actions: Iterable[SanctionsAction] = (),
        designations: Iterable[Designation] = (),
        alignments: Iterable[Alignment] = (),
        blocs: Iterable[Bloc] = (),
    ) -> None:
        tables = records_to_tables(
            statements=tuple(statements),
            letters=tuple(letters),
            regimes=tuple(regimes),
            actions=tuple(actions),
            designations=tuple(designations),
            alignments=tuple(alignments),
            blocs=tuple(blocs),
        )
        problems = validate(tables)
        if problems:
            raise ValidationError(problems)
        self._tables = tables

    @classmethod
    def from_tables(
        cls, tables: Tables | Mapping[str, pl.DataFrame], *, row_numbers: bool = True
    ) -> Dataset:
        """A Dataset from typed tables, validated with polars, with no record built.

        Missing tables are empty; the built-in blocs are added when the ``blocs``
        table does not already hold them. Problems name the table and its row.

        >>> empty = Dataset.from_tables({})
        >>> empty.tables.documents.height, empty == Dataset()
        (0, True)
        """
        return cls._of(checked_tables(tables, row_numbers=row_numbers))

    @classmethod
    def _of(cls, tables: Tables) -> Dataset:
        """The Dataset of tables that :func:`~sanctions_tracker.checked.checked_tables` made."""
        dataset = cls.__new__(cls)
        dataset._tables = tables
        return dataset

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Dataset:
        """A Dataset from a ``.json`` document or a folder of CSV or Parquet tables.

        Every problem is reported at once, named by its place in the file; see
        ``docs/formats.md`` for the formats.

        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "empty.json"
        >>> Dataset().save(path)
        >>> Dataset.load(path) == Dataset()
        True
        """
        return cls._of(load_tables(Path(path)))

    def save(self, path: str | PathLike[str], format: str | None = None) -> None:
        """Write the dataset atomically as ``"json"``, or a folder of ``"csv"`` or ``"parquet"``.

        Without ``format``: a path ending in ``.json`` is JSON, an existing folder of
        tables keeps its format. A file or folder that is not ours is never overwritten.

        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp()) / "tables"
        >>> Dataset().save(folder, format="csv")
        >>> Dataset.load(folder) == Dataset()
        True
        """
        save_tables(self._canonical, Path(path), format)

    @property
    def tables(self) -> Tables:
        """The tidy tables, built once; see :mod:`sanctions_tracker.tables` for their schemas."""
        return self._tables

    @cached_property
    def _canonical(self) -> Tables:
        """The tables sorted by their keys, made when first needed (equality, saving)."""
        return self._tables.canonical()

    @cached_property
    def _prepared(self) -> Prepared:
        """The frames the queries derive from the tables, each kept from its first use."""
        return Prepared(self._tables, keep=True)

    @cached_property
    def _records(self) -> Records:
        return tables_to_records(self._canonical)

    @property
    def statements(self) -> tuple[JointStatement, ...]:
        """The joint statements, by id."""
        return self._records.statements

    @property
    def letters(self) -> tuple[Letter, ...]:
        """The open letters, by id."""
        return self._records.letters

    @property
    def documents(self) -> tuple[Document, ...]:
        """Statements and letters together, by id."""
        return tuple(sorted((*self.statements, *self.letters), key=lambda d: d.id))

    @property
    def regimes(self) -> tuple[SanctionsRegime, ...]:
        """The sanctions regimes, by id."""
        return self._records.regimes

    @property
    def actions(self) -> tuple[SanctionsAction, ...]:
        """The legal acts, by regime and date."""
        return self._records.actions

    @property
    def designations(self) -> tuple[Designation, ...]:
        """The listings, by id."""
        return self._records.designations

    @property
    def alignments(self) -> tuple[Alignment, ...]:
        """The third-country alignments, by regime and country."""
        return self._records.alignments

    @property
    def blocs(self) -> tuple[Bloc, ...]:
        """The user-defined blocs (the built-in ones are always available too)."""
        return self._records.blocs

    def document(self, document_id: str) -> Document:
        """One statement or letter by id; a clear error names the known ids.

        >>> Dataset().document("x")
        Traceback (most recent call last):
        ...
        sanctions_tracker.errors.UnknownDocumentError: unknown document 'x': the documents are none
        """
        for document in self.documents:
            if document.id == document_id:
                return document
        raise UnknownDocumentError(document_id, known=[d.id for d in self.documents])

    def merge(self, *others: Dataset) -> Dataset:
        """This dataset and ``others`` as one, validated as a whole.

        Statements read from prose meet regimes imported from OpenSanctions, or one
        researcher's file meets another's. A record found alike in several datasets
        (the same statement, the same user-defined bloc) is kept once; an id given twice
        with different content is a :class:`~sanctions_tracker.ValidationError` that
        names it, never a silent pick of one.

        >>> from sanctions_tracker.records import (
        ...     JointStatement, SanctionsAction, SanctionsRegime)
        >>> signed = Dataset(statements=[
        ...     JointStatement("s", "On Belarus", "2020-09-17", "BY", ["Japan", "Canada"])])
        >>> sanctioned = Dataset(
        ...     regimes=[SanctionsRegime("CA-BLR", "Canada against Belarus", "CA", "BY")],
        ...     actions=[SanctionsAction("CA-BLR", "2020-09-29", "amend")])
        >>> both = signed.merge(sanctioned)
        >>> both.signed_not_sanctioned("s", as_of="2020-12-31")["country"].to_list()
        ['JP']
        >>> both.merge(sanctioned) == both
        True
        >>> both.merge(Dataset(regimes=[SanctionsRegime("CA-BLR", "Another name", "CA")]))
        Traceback (most recent call last):
        ...
        sanctions_tracker.errors.ValidationError: regimes['CA-BLR']: given differently in ...
        """
        frames = merge_tables([dataset._tables for dataset in (self, *others)])
        return Dataset.from_tables(frames, row_numbers=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._canonical.same_rows(other._canonical)

    __hash__ = None  # type: ignore[assignment]  # equal by content, and content is large

    def __repr__(self) -> str:
        t = self._tables
        return (
            f"<Dataset: {t.documents.height} documents, {t.signatures.height} signatures, "
            f"{t.regimes.height} regimes, {t.actions.height} actions, "
            f"{t.designations.height} designations, {t.alignments.height} alignments>"
        )

    # -- the questions (sanctions_tracker.queries, collected) -----------------------------
    #
    # Each method spells out its query's arguments, typed; tests/test_query_options.py
    # checks them against sanctions_tracker.queries.options.QUERIES, so passing the
    # method's own arguments (its locals) on to the query is exact.

    def _collect(
        self, query: Callable[..., pl.LazyFrame], arguments: dict[str, object]
    ) -> pl.DataFrame:
        """Run ``query`` on this dataset's kept frames with a method's arguments, and collect."""
        options = {name: value for name, value in arguments.items() if name != "self"}
        return query(self._prepared, **options).collect()

    def signed_not_sanctioned(
        self,
        document_id: str,
        *,
        as_of: DayLike | None = None,
        since: DayLike | None = None,
        until: DayLike | None = None,
        target: CountryLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """Who signed the document but takes no part in sanctions on its subject.

        See :func:`sanctions_tracker.queries.signed_not_sanctioned` and docs/queries.md.

        >>> from sanctions_tracker.records import JointStatement
        >>> s = JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])
        >>> ds = Dataset(statements=[s])
        >>> ds.signed_not_sanctioned("s", as_of="2020-12-31")["country"].to_list()
        ['JP']
        """
        return self._collect(queries.signed_not_sanctioned, locals())

    def sanctioned_not_signed(
        self,
        document_id: str,
        *,
        as_of: DayLike | None = None,
        since: DayLike | None = None,
        until: DayLike | None = None,
        target: CountryLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """Who takes part in sanctions on the document's subject but did not sign it.

        See :func:`sanctions_tracker.queries.sanctioned_not_signed`.

        >>> from sanctions_tracker.records import JointStatement
        >>> s = JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])
        >>> ds = Dataset(statements=[s])
        >>> ds.sanctioned_not_signed("s", as_of="2020-12-31").height
        0
        """
        return self._collect(queries.sanctioned_not_signed, locals())

    def signed_not_sanctioned_all(
        self,
        *,
        as_of: DayLike | None = None,
        since: DayLike | None = None,
        until: DayLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """:meth:`signed_not_sanctioned` for every document with a subject, with ``document_id``.

        >>> Dataset().signed_not_sanctioned_all(as_of="2020-12-31").columns[:2]
        ['document_id', 'country']
        """
        return self._collect(queries.signed_not_sanctioned_all, locals())

    def participation(
        self,
        target: CountryLike,
        *,
        as_of: DayLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
    ) -> pl.DataFrame:
        """Every country taking part in sanctions on ``target``, with routes and regimes.

        >>> Dataset().participation("Belarus", as_of="2020-12-31").height
        0
        """
        return self._collect(queries.participation, locals())

    def matrix(
        self,
        documents: Iterable[str] | None = None,
        regimes: Iterable[str] | None = None,
        *,
        as_of: DayLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """Parties x documents, each cell ``both``, ``signed``, ``sanctioned`` or ``neither``.

        >>> Dataset().matrix(as_of="2020-12-31").columns
        ['document_id', 'country', 'party_kind', 'name', 'signed', 'sanctioned', 'status']
        """
        return self._collect(queries.matrix, locals())

    def matrix_summary(
        self,
        documents: Iterable[str] | None = None,
        regimes: Iterable[str] | None = None,
        *,
        as_of: DayLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """Per document, how many cells of :meth:`matrix` have each status.

        >>> Dataset().matrix_summary(as_of="2020-12-31").columns
        ['document_id', 'both', 'signed', 'sanctioned', 'neither']
        """
        return self._collect(queries.matrix_summary, locals())

    def response_lag(
        self,
        document_id: str,
        *,
        target: CountryLike | None = None,
        via_blocs: bool = True,
        via_alignment: bool = True,
        expand_blocs: bool = False,
    ) -> pl.DataFrame:
        """Days from each signature to that signatory's first sanctions act on the subject.

        >>> from sanctions_tracker.records import JointStatement
        >>> s = JointStatement("s", "S", "2020-09-17", "BY", signatures=["JP"])
        >>> ds = Dataset(statements=[s])
        >>> ds.response_lag("s")["lag_days"].to_list()
        [None]
        """
        return self._collect(queries.response_lag, locals())

    def agreement(self, documents: Iterable[str] | None = None) -> pl.DataFrame:
        """Pairwise agreement of countries' positions (Jaccard and the UN-voting score).

        >>> Dataset().agreement().height
        0
        """
        return self._collect(queries.agreement, locals())

    def bloc_cohesion(
        self,
        bloc: str,
        *,
        documents: Iterable[str] | None = None,
        regimes: Iterable[str] | None = None,
        as_of: DayLike | None = None,
        via_alignment: bool = True,
    ) -> pl.DataFrame:
        """The share of a bloc's members that signed each document or take part in each regime.

        >>> Dataset().bloc_cohesion("EU").height
        0
        """
        return self._collect(queries.bloc_cohesion, locals())

    def timeline(
        self, *, country: CountryLike | None = None, target: CountryLike | None = None
    ) -> pl.DataFrame:
        """Every dated event in order, optionally of one country or about one target.

        >>> Dataset().timeline(target="Belarus").height
        0
        """
        return self._collect(queries.timeline, locals())
