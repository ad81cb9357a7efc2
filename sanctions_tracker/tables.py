"""The tidy polars tables behind a Dataset: their schemas, and records <-> frames.

Every frame is built against an explicit schema, so an empty table still has typed
columns. Dates are ``pl.Date`` (the first day of a partial date) with a
``<column>_precision`` column beside them (``year``, ``month`` or ``day``). Country
codes are ``pl.Enum`` over every known code; other codes and names are strings;
lists (sources, measures, demands) are ``pl.List(pl.String)``.

>>> from sanctions_tracker.records import JointStatement
>>> t = records_to_tables(statements=[JointStatement("s", "On Belarus", "2020-09", "BY",
...                                                   signatures=["Japan"])])
>>> t.signatures.select("document_id", "party_kind", "party", "country").rows()
[('s', 'country', 'JP', 'JP')]
>>> t.documents.select("date", "date_precision").rows()
[(datetime.date(2020, 9, 1), 'month')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

import attrs
import polars as pl
from attrs import AttrsInstance

from sanctions_tracker._party_columns import (
    authority_columns,
    authority_of,
    entity_columns,
    party_columns,
    party_of,
    target_of,
)
from sanctions_tracker.blocs import Bloc, Membership, all_blocs
from sanctions_tracker.columns import TABLE_NAMES, TABLES, country_dtype, last_day
from sanctions_tracker.countries import Country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.records import (
    Alignment,
    Designation,
    JointStatement,
    Letter,
    SanctionsAction,
    SanctionsRegime,
    Signature,
)

__all__ = [
    "TABLE_NAMES",
    "Tables",
    "country_dtype",
    "last_day",
    "records_to_tables",
    "schema",
    "tables_to_records",
]


@cache
def schema(table: str) -> pl.Schema:
    """The schema of one table, by name, from its declaration in :mod:`sanctions_tracker.columns`.

    >>> list(schema("alignments"))[:4]
    ['country', 'regime_id', 'act', 'aligned_on']
    """
    try:
        return TABLES[table].schema()
    except KeyError:
        raise KeyError(
            f"unknown table {table!r}: the tables are {', '.join(TABLE_NAMES)}"
        ) from None


@attrs.frozen(eq=False)
class Tables:
    """The eight tables of a dataset, each a ``pl.DataFrame`` of its schema."""

    documents: pl.DataFrame
    signatures: pl.DataFrame
    regimes: pl.DataFrame
    actions: pl.DataFrame
    designations: pl.DataFrame
    alignments: pl.DataFrame
    blocs: pl.DataFrame
    memberships: pl.DataFrame

    def as_dict(self) -> dict[str, pl.DataFrame]:
        """The tables by name, in the order of :data:`TABLE_NAMES`."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def canonical(self) -> Tables:
        """The same tables, each sorted by its key, so that equal content compares equal.

        The remaining columns break ties, so rows that share a key (two acts of one
        regime on one day that differ only in their sources) sort the same whatever
        order they were given in.
        """
        return Tables(
            **{
                name: frame.sort(
                    TABLES[name].sort_order(frame.columns),
                    nulls_last=True,
                    maintain_order=True,
                )
                for name, frame in self.as_dict().items()
            }
        )

    def equals(self, other: Tables) -> bool:
        """True when every table holds the same rows (in canonical order)."""
        return self.canonical().same_rows(other.canonical())

    def same_rows(self, other: Tables) -> bool:
        """True when every table holds the same rows in the same order."""
        mine, theirs = self.as_dict(), other.as_dict()
        return all(mine[name].equals(theirs[name], null_equal=True) for name in TABLE_NAMES)


# -- records -> frames ---------------------------------------------------------------------


def _date(value: PartialDate | None) -> tuple[dt.date | None, str | None]:
    return (None, None) if value is None else (value.first, value.precision)


def _frame(table: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema(table), orient="row") if rows else schema_frame(table)


def schema_frame(table: str) -> pl.DataFrame:
    """An empty frame of one table's schema (a copy of one built once: its Enums of
    every country code make building it the larger part of a checked read's end)."""
    return _empty_frame(table).clone()


@cache
def _empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=schema(table))


@cache
def _defaults(table: str) -> dict[str, Any]:
    """Every column of a table at its declared default, the start of a row."""
    return {
        name: column.default if name == column.name else None
        for column in TABLES[table].columns
        for name in column.dtypes()
    }


def _signature_row(document_id: str, position: int, signature: Signature) -> dict[str, Any]:
    signed, signed_precision = _date(signature.signed_on)
    withdrawn, withdrawn_precision = _date(signature.withdrawn_on)
    return {
        **_defaults("signatures"),
        "document_id": document_id,
        "position": position,
        **party_columns(signature.party),
        "signed_on": signed,
        "signed_on_precision": signed_precision,
        "withdrawn_on": withdrawn,
        "withdrawn_on_precision": withdrawn_precision,
        "vote": signature.vote,
        "note": signature.note,
        "sources": list(signature.sources),
    }


def _document_row(document: JointStatement | Letter) -> dict[str, Any]:
    date, precision = _date(document.date)
    row: dict[str, Any] = {
        **_defaults("documents"),
        "document_id": document.id,
        "title": document.title,
        "date": date,
        "date_precision": precision,
        "subject": document.subject.code if document.subject else None,
        "note": document.note,
        "sources": list(document.sources),
    }
    if isinstance(document, JointStatement):
        row.update(
            kind="statement", issuer=document.issuer, forum=document.forum, stance=document.stance
        )
    else:
        as_of, as_of_precision = _date(document.count_as_of)
        row.update(
            kind="letter",
            addressee=document.addressee,
            demands=list(document.demands),
            reported_count=document.reported_count,
            count_qualifier=document.count_qualifier,
            count_as_of=as_of,
            count_as_of_precision=as_of_precision,
            anonymous=document.anonymous,
            disclosure_threshold=document.disclosure_threshold,
        )
    return row


def _regime_row(regime: SanctionsRegime) -> dict[str, Any]:
    established, established_precision = _date(regime.established_on)
    lifted, lifted_precision = _date(regime.lifted_on)
    # One country target goes in ``target`` as before; the others (several, or a region)
    # in ``other_targets``, so that files of one-target regimes keep their shape.
    first = regime.targets[:1] if regime.targets and isinstance(regime.targets[0], Country) else ()
    return {
        "regime_id": regime.id,
        "name": regime.name,
        **authority_columns(regime.authority),
        "target": first[0].code if first else None,
        "other_targets": [target.code for target in regime.targets[len(first) :]],
        "legal_basis": regime.legal_basis,
        "measures": sorted(regime.measures),
        "established_on": established,
        "established_on_precision": established_precision,
        "lifted_on": lifted,
        "lifted_on_precision": lifted_precision,
        "note": regime.note,
        "sources": list(regime.sources),
    }


def _action_row(action: SanctionsAction) -> dict[str, Any]:
    date, precision = _date(action.date)
    return {
        "regime_id": action.regime,
        "date": date,
        "date_precision": precision,
        "kind": action.kind,
        "legal_reference": action.legal_reference,
        "designations": list(action.designations),
        "designation_count": action.designation_count,
        "note": action.note,
        "sources": list(action.sources),
    }


def _designation_row(designation: Designation) -> dict[str, Any]:
    listed, listed_precision = _date(designation.listed_on)
    delisted, delisted_precision = _date(designation.delisted_on)
    return {
        "designation_id": designation.id,
        "regime_id": designation.regime,
        **entity_columns(designation.target, "target", "target_name"),
        "listed_on": listed,
        "listed_on_precision": listed_precision,
        "delisted_on": delisted,
        "delisted_on_precision": delisted_precision,
        "reason": designation.reason,
        "sources": list(designation.sources),
        "nationalities": [country.code for country in designation.nationalities],
    }


def _alignment_row(alignment: Alignment) -> dict[str, Any]:
    aligned, aligned_precision = _date(alignment.aligned_on)
    ended, ended_precision = _date(alignment.ended_on)
    return {
        "country": alignment.country.code,
        "regime_id": alignment.regime,
        "act": alignment.act,
        "aligned_on": aligned,
        "aligned_on_precision": aligned_precision,
        "ended_on": ended,
        "ended_on_precision": ended_precision,
        "note": alignment.note,
        "sources": list(alignment.sources),
    }


def bloc_tables(blocs: Iterable[Bloc], *, builtin: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ``blocs`` and ``memberships`` rows of some blocs."""
    blocs = list(blocs)
    bloc_rows = [
        {"bloc": b.code, "name": b.name, "source": b.source, "note": b.note, "builtin": builtin}
        for b in blocs
    ]
    membership_rows = [
        {
            "bloc": b.code,
            "country": m.country.code,
            "joined": m.joined,
            "left": m.left,
            "source": m.source,
            "note": m.note,
        }
        for b in blocs
        for m in b.memberships
    ]
    return _frame("blocs", bloc_rows), _frame("memberships", membership_rows)


@cache
def builtin_bloc_tables() -> tuple[pl.DataFrame, pl.DataFrame]:
    """The ``blocs`` and ``memberships`` rows of the built-in blocs, built once."""
    return bloc_tables(all_blocs(), builtin=True)


def records_to_tables(
    *,
    statements: Sequence[JointStatement] = (),
    letters: Sequence[Letter] = (),
    regimes: Sequence[SanctionsRegime] = (),
    actions: Sequence[SanctionsAction] = (),
    designations: Sequence[Designation] = (),
    alignments: Sequence[Alignment] = (),
    blocs: Sequence[Bloc] = (),
) -> Tables:
    """Build the tables from records; the built-in blocs are always included."""
    documents: list[JointStatement | Letter] = [*statements, *letters]
    builtin_blocs, builtin_members = builtin_bloc_tables()
    user_blocs, user_members = bloc_tables(blocs, builtin=False)
    return Tables(
        documents=_frame("documents", [_document_row(d) for d in documents]),
        signatures=_frame(
            "signatures",
            [
                _signature_row(d.id, position, signature)
                for d in documents
                for position, signature in enumerate(d.signatures)
            ],
        ),
        regimes=_frame("regimes", [_regime_row(r) for r in regimes]),
        actions=_frame("actions", [_action_row(a) for a in actions]),
        designations=_frame("designations", [_designation_row(d) for d in designations]),
        alignments=_frame("alignments", [_alignment_row(a) for a in alignments]),
        blocs=pl.concat([builtin_blocs, user_blocs]),
        memberships=pl.concat([builtin_members, user_members]),
    )


R = TypeVar("R", bound=AttrsInstance)

# -- frames -> records ---------------------------------------------------------------------


def _partial(row: dict[str, Any], column: str) -> PartialDate | None:
    value = row[column]
    if value is None:
        return None
    return PartialDate.from_first(value, row[f"{column}_precision"])


def blocs_from_tables(tables: Tables) -> dict[str, Bloc]:
    """Every bloc of the tables (built-in and user-defined) by code."""
    members: dict[str, list[Membership]] = {}
    for row in tables.memberships.iter_rows(named=True):
        members.setdefault(row["bloc"], []).append(
            Membership(
                country=row["country"],
                joined=row["joined"],
                left=row["left"],
                source=row["source"],
                note=row["note"],
            )
        )
    return {
        row["bloc"]: Bloc(
            code=row["bloc"],
            name=row["name"],
            memberships=members.get(row["bloc"], ()),
            source=row["source"],
            note=row["note"],
        )
        for row in tables.blocs.iter_rows(named=True)
    }


@attrs.frozen
class Records:
    """The records that a set of tables holds."""

    statements: tuple[JointStatement, ...]
    letters: tuple[Letter, ...]
    regimes: tuple[SanctionsRegime, ...]
    actions: tuple[SanctionsAction, ...]
    designations: tuple[Designation, ...]
    alignments: tuple[Alignment, ...]
    blocs: tuple[Bloc, ...]


# The column that fills a record field, where their names differ; every other field
# of a record comes from the column of its own name, if its table has one.
_COLUMN_OF: dict[type, dict[str, str]] = {
    JointStatement: {"id": "document_id", "issued_on": "date"},
    Letter: {"id": "document_id", "published_on": "date"},
    SanctionsRegime: {"id": "regime_id"},
    SanctionsAction: {"regime": "regime_id"},
    Designation: {"id": "designation_id", "regime": "regime_id"},
    Alignment: {"regime": "regime_id"},
}


@cache
def _plan(record: type[AttrsInstance], table: str) -> tuple[tuple[str, str, bool], ...]:
    """Each field of ``record`` that a column of ``table`` holds: the field, the column,
    and whether the column is a partial date (two columns, one value)."""
    columns = {column.name: column for column in TABLES[table].columns}
    renamed = _COLUMN_OF.get(record, {})
    return tuple(
        (field.name, column, columns[column].kind == "partial date")
        for field in attrs.fields(record)
        if (column := renamed.get(field.name, field.name)) in columns
    )


def _record(record: type[R], table: str, row: dict[str, Any], **given: Any) -> R:
    """The ``record`` of a row of ``table``: each field from its column, as
    :data:`_COLUMN_OF` names it, unless ``given``."""
    values = {
        field: _partial(row, column) if partial else row[column]
        for field, column, partial in _plan(record, table)
        if field not in given
    }
    return record(**values, **given)


def _document(row: dict[str, Any], signed: list[Signature]) -> JointStatement | Letter:
    if row["kind"] == "statement":
        return _record(JointStatement, "documents", row, signatures=signed)
    qualifier = row["count_qualifier"] or "exact"
    return _record(Letter, "documents", row, signatures=signed, count_qualifier=qualifier)


def tables_to_records(tables: Tables) -> Records:
    """Rebuild the records from valid tables (the inverse of :func:`records_to_tables`)."""
    all_blocs_by_code = blocs_from_tables(tables)
    user_codes = set(tables.blocs.filter(~pl.col("builtin"))["bloc"].to_list())
    signatures: dict[str, list[Signature]] = {}
    for row in tables.signatures.sort("document_id", "position").iter_rows(named=True):
        signatures.setdefault(row["document_id"], []).append(
            _record(Signature, "signatures", row, party=party_of(row, all_blocs_by_code))
        )
    documents = [
        _document(row, signatures.get(row["document_id"], []))
        for row in tables.documents.iter_rows(named=True)
    ]
    return Records(
        statements=tuple(d for d in documents if isinstance(d, JointStatement)),
        letters=tuple(d for d in documents if isinstance(d, Letter)),
        regimes=tuple(
            _record(
                SanctionsRegime,
                "regimes",
                row,
                authority=authority_of(row, all_blocs_by_code),
                targets=[*([row["target"]] if row["target"] else []), *row["other_targets"]],
            )
            for row in tables.regimes.iter_rows(named=True)
        ),
        actions=tuple(
            _record(SanctionsAction, "actions", row) for row in tables.actions.iter_rows(named=True)
        ),
        designations=tuple(
            _record(Designation, "designations", row, target=target_of(row))
            for row in tables.designations.iter_rows(named=True)
        ),
        alignments=tuple(
            _record(Alignment, "alignments", row) for row in tables.alignments.iter_rows(named=True)
        ),
        blocs=tuple(all_blocs_by_code[code] for code in sorted(user_codes)),
    )
