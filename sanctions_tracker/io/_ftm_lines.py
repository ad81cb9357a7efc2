"""The line loop of the FollowTheMoney reader, and the frames made of what it kept.

:func:`read_lines` parses each line of the stream once and keeps, of a ``Sanction``,
its properties as flat lists, and of any other entity a few scalars;
:func:`sanction_frame` and :func:`entity_frames` turn those columns into frames for
the polars part, in :mod:`sanctions_tracker.io.ftm`.

>>> columns = read_lines(['{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}'], None)
>>> columns.lines, columns.schemata, entity_frames(columns)[0]["name"].to_list()
(1, {'Person': 1}, ['A'])
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO, Any, TypeAlias

import attrs
import orjson
import polars as pl

from sanctions_tracker.columns import STRINGS
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._imports import Issue

__all__ = [
    "STRINGS",
    "TARGET_SCHEMATA",
    "Columns",
    "Source",
    "collector_paused",
    "entity_frames",
    "read_lines",
    "sanction_frame",
]

Source: TypeAlias = str | os.PathLike[str] | IO[bytes] | IO[str] | Iterable[bytes | str]

#: The FtM schemata that can be designated, and the kind of target each becomes.
TARGET_SCHEMATA: Mapping[str, str] = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
}

_SANCTION_PROPERTIES = (
    "entity",
    "country",
    "programId",
    "program",
    "authority",
    "startDate",
    "endDate",
    "listingDate",
    "reason",
    "sourceUrl",
    "programUrl",
)
# The name, then where to look for the target's country, in order.
_TARGET_PROPERTIES = ("name", "nationality", "citizenship", "country", "jurisdiction")
# What a Sanction without a property holds for it: one null, dropped in _list_column.
_MISSING = ([None],) * len(_SANCTION_PROPERTIES)
_TARGET_NONE = ((),) * len(_TARGET_PROPERTIES)
_LISTS = frozenset({list, tuple})
_PROGRESS_EVERY = 4096


class _BadEntityError(Exception):
    """A line that is JSON but not a usable entity (internal: becomes an Issue)."""


@attrs.define
class Columns:
    """What the line loop keeps: the raw Sanction lines, and a few scalars of the rest."""

    sanction_numbers: list[int] = attrs.field(factory=list)
    sanction_ids: list[str] = attrs.field(factory=list)
    # Per Sanction property, in the order of _SANCTION_PROPERTIES: every value of every
    # Sanction in one flat list, and how many values each Sanction has.
    flat: tuple[list[str | None], ...] = attrs.field(
        factory=lambda: tuple([] for _ in _SANCTION_PROPERTIES)
    )
    counts: tuple[list[int], ...] = attrs.field(
        factory=lambda: tuple([] for _ in _SANCTION_PROPERTIES)
    )
    targets: dict[str, list[Any]] = attrs.field(
        factory=lambda: {name: [] for name in ("line", "id", "schema", "name", "countries")}
    )
    others: dict[str, list[Any]] = attrs.field(factory=lambda: {"id": [], "schema": []})
    schemata: dict[str, int] = attrs.field(factory=dict)
    issues: list[Issue] = attrs.field(factory=list)
    lines: int = 0


def _lines(source: Source) -> tuple[Iterable[bytes | str], Callable[[], None]]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            handle = path.open("rb")
        except OSError as err:
            raise DataFormatError(
                f"cannot read the FtM stream: {err.strerror}", file=str(path)
            ) from None
        return handle, handle.close
    return source, lambda: None


def read_lines(source: Source, progress: Callable[[int], None] | None) -> Columns:
    """The one loop over lines: parse each, keep what designations need as columns."""
    columns = Columns()
    issues = columns.issues
    loads = orjson.loads
    take = _taker(columns)
    size = 0
    number = 0
    lines, close = _lines(source)
    try:
        for number, line in enumerate(lines, 1):
            size += len(line)
            if progress is not None and number % _PROGRESS_EVERY == 0:
                progress(size)
            try:
                entity = loads(line)
            except ValueError as err:
                entity = _first_entity(line, source) if number == 1 else None
                if entity is None:
                    if line.strip():
                        issues.append(Issue(number, f"not JSON: {_json_reason(err)}"))
                    continue
            try:
                take(number, entity)
            except _BadEntityError as err:
                entity_id = entity.get("id") if type(entity) is dict else None
                issues.append(
                    Issue(number, f"not an FtM entity: {err}", entity_id=_text_or_none(entity_id))
                )
    finally:
        close()
    columns.lines = number
    if progress is not None:
        progress(size)
    return columns


def _first_entity(line: bytes | str, source: Source) -> Any:
    """The first line's JSON after the byte order mark that Windows editors save before
    it; None when it is not JSON even so.

    Raises:
        DataFormatError: the stream is gzip-compressed.
    """
    if isinstance(line, bytes) and line.startswith(b"\x1f\x8b"):
        raise DataFormatError(
            "gzip-compressed: decompress it first (gunzip FILE), then import the JSON lines",
            file=str(source) if isinstance(source, str | os.PathLike) else None,
        )
    bare = line.removeprefix(b"\xef\xbb\xbf") if isinstance(line, bytes) else line.lstrip("\ufeff")
    if len(bare) == len(line):
        return None
    try:
        return orjson.loads(bare)
    except ValueError:
        return None


def _taker(columns: Columns) -> Callable[[int, Any], None]:
    """The function that counts one parsed line and keeps what a designation needs of it.

    It runs once per line, so it does as little as it can: every list method it calls
    is bound once, here, and a Sanction's values are copied by ``map`` rather than a loop.
    """
    counts, flats, lengths, targets = (
        columns.schemata,
        columns.flat,
        columns.counts,
        columns.targets,
    )
    count, extend, append, join = counts.get, list.extend, list.append, " ".join
    sanction_line, sanction_id = columns.sanction_numbers.append, columns.sanction_ids.append
    target_line, target_id, target_schema, target_name, target_countries = (
        targets[column].append for column in ("line", "id", "schema", "name", "countries")
    )
    other_id, other_schema = columns.others["id"].append, columns.others["schema"].append

    def take(number: int, entity: Any) -> None:
        if type(entity) is not dict:
            raise _BadEntityError("not a JSON object")
        entity_id, kind = entity.get("id"), entity.get("schema")
        properties = entity.get("properties") or {}
        if type(entity_id) is not str or type(kind) is not str:
            raise _BadEntityError("an entity needs a string 'id' and 'schema'")
        if type(properties) is not dict:
            raise _BadEntityError("'properties' is not an object")
        counts[kind] = count(kind, 0) + 1
        if kind == "Sanction":
            values = list(map(properties.get, _SANCTION_PROPERTIES, _MISSING))
            if not _LISTS.issuperset(map(type, values)):
                _check_strings(values, _SANCTION_PROPERTIES)
                values = [[None] if value is None else value for value in values]  # null: none
            # That the items are strings is checked in bulk, when they become a Series.
            sanction_line(number)
            sanction_id(entity_id)
            list(map(extend, flats, values))
            list(map(append, lengths, map(len, values)))
        elif kind in TARGET_SCHEMATA:
            values = list(map(properties.get, _TARGET_PROPERTIES, _TARGET_NONE))
            if not _LISTS.issuperset(map(type, values)):
                _check_strings(values, _TARGET_PROPERTIES)
                values = [() if value is None else value for value in values]  # null: none
            caption = entity.get("caption")
            try:
                name = _name(values[0], caption)
                if name is not None and type(name) is not str:
                    raise TypeError
                countries = join(chain.from_iterable(values[1:]))
            except TypeError:
                _check_strings(values, _TARGET_PROPERTIES)
                # Strings and nulls, then: the nulls say nothing, so they go.
                values = [[v for v in value if v is not None] for value in values]
                name = _name(values[0], caption)
                countries = join(chain.from_iterable(values[1:]))
            target_line(number)
            target_id(entity_id)
            target_schema(kind)
            target_name(name)
            target_countries(countries)
        else:
            other_id(entity_id)
            other_schema(kind)

    return take


def _name(names: list[Any], caption: object) -> Any:
    """The caption, OpenSanctions' display name, when it is among the names; else the first."""
    if type(caption) is str and (caption in names or (not names and caption.strip())):
        return caption
    return names[0] if names else None


def _check_strings(values: list[Any], names: tuple[str, ...]) -> None:
    """Name the first property whose value is not a list of strings (or missing)."""
    for name, value in zip(names, values, strict=True):
        if value is not None and (
            type(value) not in _LISTS or not all(v is None or isinstance(v, str) for v in value)
        ):
            raise _BadEntityError(f"property {name!r} is not a list of strings")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the line loop runs.

    The loop keeps hundreds of thousands of small lists alive, and each full collection
    walks all of them again: with the collector on, the import takes twice as long.
    Nothing the loop makes is cyclic, so nothing is left for the collector to find.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _json_reason(err: ValueError) -> str:
    if isinstance(err, orjson.JSONDecodeError):
        return f"{err.msg} at column {err.colno}"
    return str(err)


def _list_column(name: str, values: list[str | None], lengths: list[int]) -> pl.Series:
    """A list column from flat values and the number each row has.

    A Sanction without the property holds one null (see ``_MISSING``), so that every row
    has a group, in order, and no join is needed; the nulls are dropped here.
    """
    n = len(lengths)
    owners = (
        pl.select(pl.int_range(n, dtype=pl.Int64).repeat_by(pl.Series(lengths)).explode())
        .to_series()
        .drop_nulls()
        .set_sorted()
    )
    long = pl.DataFrame({"_row": owners, name: pl.Series(values, dtype=pl.String)})
    lists = long.group_by("_row", maintain_order=True).agg(pl.col(name).drop_nulls())
    if lists.height != n:  # a property given as an empty list leaves its row without a group
        rows = pl.DataFrame({"_row": pl.int_range(n, dtype=pl.Int64, eager=True)})
        lists = rows.join(lists, on="_row", how="left", maintain_order="left")
    return lists[name].fill_null(pl.lit([], dtype=STRINGS))


def sanction_frame(columns: Columns) -> tuple[pl.DataFrame, list[Issue]]:
    """The Sanctions, one row each, with their properties as lists of strings."""
    try:
        return _sanction_frame(columns), []
    except TypeError:  # some value is not a string: find which, say so, and drop its Sanction
        issues = _drop_ill_typed(columns)
        return _sanction_frame(columns), issues


def _sanction_frame(columns: Columns) -> pl.DataFrame:
    frame = pl.DataFrame(
        {"line": columns.sanction_numbers, "id": columns.sanction_ids},
        schema={"line": pl.Int64, "id": pl.String},
    )
    return frame.with_columns(
        _list_column(name, columns.flat[index], columns.counts[index])
        for index, name in enumerate(_SANCTION_PROPERTIES)
    )


def _drop_ill_typed(columns: Columns) -> list[Issue]:
    """Report the Sanctions with a value that is not a string, and remove them.

    The error path only: a loop over the values, to name the line and the property.
    """
    bad: dict[int, str] = {}
    for name, flat, counts in zip(_SANCTION_PROPERTIES, columns.flat, columns.counts, strict=True):
        start = 0
        for row, count in enumerate(counts):
            values = flat[start : start + count]
            if row not in bad and not all(v is None or type(v) is str for v in values):
                bad[row] = name
            start += count
    issues = [
        Issue(
            columns.sanction_numbers[row],
            f"not an FtM entity: property {name!r} is not a list of strings",
            entity_id=columns.sanction_ids[row],
        )
        for row, name in sorted(bad.items())
    ]
    for index in range(len(_SANCTION_PROPERTIES)):
        flat, counts, start = columns.flat[index], columns.counts[index], 0
        kept_values: list[str | None] = []
        kept_counts: list[int] = []
        for row, count in enumerate(counts):
            if row not in bad:
                kept_values += flat[start : start + count]
                kept_counts.append(count)
            start += count
        columns.flat[index][:] = kept_values
        columns.counts[index][:] = kept_counts
    keep = [row for row in range(len(columns.sanction_ids)) if row not in bad]
    columns.sanction_numbers = [columns.sanction_numbers[row] for row in keep]
    columns.sanction_ids = [columns.sanction_ids[row] for row in keep]
    return issues


def entity_frames(columns: Columns) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The entities that can be designated (line, id, schema, name, countries), and the rest."""
    targets = pl.DataFrame(
        columns.targets,
        schema={
            "line": pl.Int64,
            "id": pl.String,
            "schema": pl.String,
            "name": pl.String,
            "countries": pl.String,
        },
    )
    others = pl.DataFrame(columns.others, schema={"id": pl.String, "schema": pl.String})
    return targets, others
