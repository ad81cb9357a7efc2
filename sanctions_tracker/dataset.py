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

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import polars as pl

from sanctions_tracker import queries
from sanctions_tracker._words import plural
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.checked import checked_tables, read_checked_tables
from sanctions_tracker.errors import UnknownDocumentError, ValidationError
from sanctions_tracker.io import load_tables, save_tables
from sanctions_tracker.merging import merge_tables
from sanctions_tracker.queries import Prepared
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


P = ParamSpec("P")
T = TypeVar("T")
M = TypeVar("M", bound=Callable[..., object])


def _collected(
    query: Callable[Concatenate[Tables | Prepared, P], pl.LazyFrame],
) -> Callable[Concatenate[Dataset, P], pl.DataFrame]:
    """A Dataset method that runs ``query`` on the dataset's kept frames and collects it.

    The method takes the query's arguments after the tables, typed as the query's
    (mypy reads them through the ``ParamSpec``), so that no keyword list is written
    twice; ``inspect`` and ``help()`` show them with ``self`` in place of the tables.

    >>> from sanctions_tracker.records import JointStatement
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY",
    ...                                         signatures=["JP"])])
    >>> ds.signed_not_sanctioned("s", as_of="2020-12-31")["country"].to_list()
    ['JP']
    >>> list(inspect.signature(Dataset.participation).parameters)
    ['self', 'target', 'options']
    """

    def method(self: Dataset, /, *args: P.args, **kwargs: P.kwargs) -> pl.DataFrame:
        return query(self._prepared, *args, **kwargs).collect()

    return _method_of(method, query, "pl.DataFrame")


def _kept(
    query: Callable[Concatenate[Tables | Prepared, P], T],
) -> Callable[Concatenate[Dataset, P], T]:
    """A Dataset method that runs ``query`` on the dataset's kept frames (for a non-frame answer).

    >>> from sanctions_tracker.records import JointStatement
    >>> ds = Dataset(statements=[JointStatement("s", "S", "2020-09-17", "BY", ["JP"])])
    >>> ds.explain("s", "Japan", as_of="2020-12-31").in_signed_not_sanctioned
    True
    """

    def method(self: Dataset, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return query(self._prepared, *args, **kwargs)

    return _method_of(method, query, inspect.signature(query).return_annotation)


def _method_of(method: M, query: Callable[..., object], returns: object) -> M:
    """``method``, named and documented as ``query`` and shown with its signature."""
    functools.update_wrapper(method, query)
    signature = inspect.signature(query)
    itself = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    arguments = list(signature.parameters.values())[1:]
    # A function object takes any attribute; the one inspect reads is not in its type.
    method.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[itself, *arguments], return_annotation=returns
    )
    method.__module__ = __name__
    method.__qualname__ = f"Dataset.{query.__name__}"
    return method


class Dataset:
    """Statements, letters, regimes, actions, designations, alignments and blocs.

    The built-in blocs (EU, EEA, EFTA, G7, NATO, UN) are always there; ``blocs`` adds
    user-defined ones. Construction raises one
    :class:`~sanctions_tracker.ValidationError` listing every problem.

    Each question (``signed_not_sanctioned``, ``participation``, ``explain``, ...) is the
    function of the same name in :mod:`sanctions_tracker.queries`, with its arguments and
    documentation, run on the frames the dataset keeps; a frame comes back collected.

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
    def _from_checked(cls, tables: Mapping[str, pl.DataFrame]) -> Dataset:
        """A Dataset of frames that a reader has checked itself (see
        :func:`~sanctions_tracker.checked.read_checked_tables`)."""
        return cls._of(read_checked_tables(tables))

    @classmethod
    def load(cls, path: str | PathLike[str], *, encoding: str | None = None) -> Dataset:
        """A Dataset from a ``.json`` document or a folder of CSV or Parquet tables.

        CSV files are UTF-8 (with or without a byte order mark) or UTF-16 with one;
        ``encoding`` (e.g. ``"cp1252"``) reads files saved otherwise.

        Every problem is reported at once, named by its place in the file; see
        ``docs/formats.md`` for the formats.

        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "empty.json"
        >>> Dataset().save(path)
        >>> Dataset.load(path) == Dataset()
        True
        """
        return cls._of(load_tables(Path(path), encoding=encoding))

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
        save_tables(self._tables, Path(path), format)

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

        Only that document's rows become records, so that one roll call of a
        million votes is as quick to show as a statement.

        >>> Dataset().document("x")
        Traceback (most recent call last):
        ...
        sanctions_tracker.errors.UnknownDocumentError: unknown document 'x': the documents are none
        """
        tables = self._tables
        chosen = pl.col("document_id") == document_id
        documents = tables.documents.filter(chosen)
        if documents.height == 0:
            raise UnknownDocumentError(
                document_id, known=tables.documents["document_id"].sort().to_list()
            )
        empty = {name: frame.clear() for name, frame in tables.as_dict().items()}
        one = Tables(
            **{
                **empty,
                "documents": documents,
                "signatures": tables.signatures.filter(chosen),
                "blocs": tables.blocs,
                "memberships": tables.memberships,
            }
        )
        found = tables_to_records(one)
        return found.statements[0] if found.statements else found.letters[0]

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
            f"<Dataset: {plural(t.documents.height, 'document')}, "
            f"{plural(t.signatures.height, 'signature')}, {plural(t.regimes.height, 'regime')}, "
            f"{plural(t.actions.height, 'action')}, "
            f"{plural(t.designations.height, 'designation')}, "
            f"{plural(t.alignments.height, 'alignment')}>"
        )

    # -- the questions: each query of sanctions_tracker.queries, on the kept frames, collected

    signed_not_sanctioned = _collected(queries.signed_not_sanctioned)
    """Who signed the document but takes no part in sanctions on its subject."""

    sanctioned_not_signed = _collected(queries.sanctioned_not_signed)
    """Who takes part in sanctions on the document's subject but did not sign it."""

    signed_not_sanctioned_all = _collected(queries.signed_not_sanctioned_all)
    """``signed_not_sanctioned`` for every document with a subject, with ``document_id``."""

    participation = _collected(queries.participation)
    """Every country taking part in sanctions on ``target``, with routes and regimes."""

    matrix = _collected(queries.matrix)
    """Parties x documents, each cell ``both``, ``signed``, ``sanctioned`` or ``neither``."""

    matrix_summary = _collected(queries.matrix_summary)
    """Per document, how many cells of ``matrix`` have each status."""

    response_lag = _collected(queries.response_lag)
    """Days from each signature to that signatory's first sanctions act on the subject."""

    agreement = _collected(queries.agreement)
    """Pairwise agreement of countries' positions (Jaccard and the UN-voting score)."""

    positions = _collected(queries.positions)
    """Each member's vote on a document (a signature is a vote for), with the totals."""

    bloc_cohesion = _collected(queries.bloc_cohesion)
    """The share of a bloc's members that signed each document or take part in each regime."""

    explain = _kept(queries.explain)
    """Why ``country`` is or is not in each answer about the document, with the evidence."""

    timeline = _collected(queries.timeline)
    """Every dated event in order, optionally of one country or about one target."""
