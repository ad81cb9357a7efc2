"""The line loop of the FollowTheMoney reader, and the frames made of what it kept.

:func:`read_lines` reads each line of the stream once. msgspec decodes it straight into
the few fields a designation needs (:class:`_Entity`), checking their types and
skipping every other field without making a Python object of it; a file is decoded a
chunk of lines at a time, by one call, and a chunk with a line msgspec refuses line by
line, each refused line parsed again by orjson and checked field by field, so that the
report names the line and what is wrong with it. Of a ``Sanction`` the loop keeps its
properties' values in one flat list, of a designatable entity its id, schema, name and
countries, of any other its id and schema; every ``BLOCK`` entities these become
polars Series, so that no more than one block of Python values is alive at a time, and
it is still in the processor's cache when polars copies it.

>>> columns = read_lines(['{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}'], None)
>>> columns.lines, columns.schemata, columns.targets["name"].to_list()
(1, {'Person': 1}, ['A'])
"""

from __future__ import annotations

import gc
import io
import os
import secrets
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import chain, count, islice
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, TypeAlias, cast

import attrs
import msgspec
import numpy as np
import orjson
import polars as pl

from sanctions_tracker._advice import ENCODING
from sanctions_tracker.columns import STRINGS
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._decode import decode
from sanctions_tracker.io._imports import Issue

__all__ = [
    "BLOCK",
    "STRINGS",
    "TARGET_SCHEMATA",
    "Columns",
    "Source",
    "collector_paused",
    "read_lines",
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

#: Entities per block: what the loop keeps of them becomes polars Series, and progress
#: is reported, after each. A small block's values are still in the processor's cache
#: when polars copies them (16,384 took a sixth longer).
BLOCK = 2048

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


# A property absent from a line is the empty tuple, which every entity shares; a
# ``null`` in its place is refused, and the checks of _entity read it as absent.
_Values: TypeAlias = Sequence[str | None]


class _Properties(msgspec.Struct, gc=False, frozen=True):
    """The properties a designation needs; msgspec skips the others unread."""

    entity: _Values = ()
    country: _Values = ()
    programId: _Values = ()  # noqa: N815 - FtM's property name
    program: _Values = ()
    authority: _Values = ()
    startDate: _Values = ()  # noqa: N815
    endDate: _Values = ()  # noqa: N815
    listingDate: _Values = ()  # noqa: N815
    reason: _Values = ()
    sourceUrl: _Values = ()  # noqa: N815
    programUrl: _Values = ()  # noqa: N815
    name: _Values = ()
    nationality: _Values = ()
    citizenship: _Values = ()
    jurisdiction: _Values = ()


_NO_PROPERTIES = _Properties()


class _Entity(msgspec.Struct, gc=False):
    """The fields of an entity line that the import reads."""

    id: str
    schema: str
    caption: str | None = None
    properties: _Properties = _NO_PROPERTIES


_DECODE = msgspec.json.Decoder(_Entity).decode
# A chunk of lines as an array of one-entity arrays, a random text between each two
# (see _Reader._chunk): no line can hold the text, so no line can pass for two.
_BETWEEN = secrets.token_hex(8)
_SEPARATOR = f'],"{_BETWEEN}",['.encode()
_DECODE_CHUNK = msgspec.json.Decoder(list[tuple[_Entity] | str]).decode
_sanction_values = attrgetter(*_SANCTION_PROPERTIES)
_target_values = attrgetter(*_TARGET_PROPERTIES)
# Whatever msgspec refuses goes to the checks of _checked, which name the problem.
_REFUSED = (msgspec.DecodeError, RecursionError, ValueError)


class _BadEntityError(Exception):
    """A line that is JSON but not a usable entity (internal: becomes an Issue)."""


# The columns of a designatable entity, after its line.
_TARGET_COLUMNS = ("id", "schema", "name", "countries")


@attrs.define
class Columns:
    """What the line loop keeps, as frames: Sanctions, designatable entities, the rest."""

    sanctions: pl.DataFrame
    targets: pl.DataFrame
    others: pl.DataFrame
    schemata: dict[str, int]
    issues: list[Issue]
    lines: int


# The text columns that the loop keeps (attributes of _Kept).
_TEXTS = (
    "sanction_id",
    "value",
    "target_id",
    "target_schema",
    "target_name",
    "target_countries",
    "other_id",
    "other_schema",
)


@attrs.define
class _Kept:
    """What the line loop keeps: line numbers and counts in arrays, text in lists.

    The text of a block becomes polars Series after it (:meth:`flush`), and the lists
    are emptied for the next block; the arrays hold numbers, not Python objects, so they
    grow over the whole stream. Of Sanctions, ``value`` holds every value of every
    Sanction, its properties one after the other in the order of _SANCTION_PROPERTIES,
    and ``counts`` how many values each property has.
    """

    sanction_numbers: array[int] = attrs.field(factory=lambda: array("q"))
    target_numbers: array[int] = attrs.field(factory=lambda: array("q"))
    counts: array[int] = attrs.field(factory=lambda: array("I"))
    sanction_id: list[str] = attrs.field(factory=list)
    value: list[str | None] = attrs.field(factory=list)
    target_id: list[str] = attrs.field(factory=list)
    target_schema: list[str] = attrs.field(factory=list)
    target_name: list[str | None] = attrs.field(factory=list)
    target_countries: list[str] = attrs.field(factory=list)
    other_id: list[str] = attrs.field(factory=list)
    other_schema: list[str] = attrs.field(factory=list)
    blocks: list[tuple[pl.Series, ...]] = attrs.field(factory=list)

    @property
    def texts(self) -> tuple[list[str] | list[str | None], ...]:
        """The text columns, in the order of _TEXTS."""
        return tuple(getattr(self, name) for name in _TEXTS)

    def flush(self) -> int:
        """Make Series of the block's text; how many entities the block kept."""
        texts = self.texts
        self.blocks.append(tuple(pl.Series(column, dtype=pl.String) for column in texts))
        kept = len(self.sanction_id) + len(self.target_id) + len(self.other_id)
        for column in texts:
            column.clear()
        return kept

    def column(self, name: str) -> pl.Series:
        """One text column of every block."""
        index = _TEXTS.index(name)
        return pl.concat([block[index] for block in self.blocks], rechunk=True)


def _entities(
    source: Source, encoding: str | None, reader: _Reader
) -> tuple[Iterator[tuple[int, _Entity]], Callable[[], None]]:
    """The stream's entities with their line numbers, and what closes the file."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            if encoding is not None:  # a stream saved in another encoding: decoded whole
                text = decode(path.read_bytes(), name=str(path), encoding=encoding)
                return reader.of_lines(text.splitlines(keepends=True)), lambda: None
            handle = path.open("rb", buffering=0)
        except OSError as err:
            raise DataFormatError(
                f"cannot read the FtM stream: {err.strerror}", file=str(path)
            ) from None
        return reader.of_chunks(_chunks(handle.read)), handle.close
    if isinstance(source, io.BufferedIOBase):  # a binary file: read in chunks
        return reader.of_chunks(_chunks(source.read)), lambda: None
    return reader.of_lines(source), lambda: None


#: Bytes read at a time from a binary stream: a chunk's lines are decoded together
#: while it is in the processor's cache.
CHUNK = 1 << 16


def _chunks(read: Callable[[int], bytes | None]) -> Iterator[bytes]:
    r"""The whole lines of a binary stream, about ``CHUNK`` bytes of them at a time.

    ``read`` is the stream's; the last chunk is the last line when it has no ``\n``.

    >>> list(_chunks(io.BytesIO(b'{"a": 1}\n{"b": 2}\n{"c"').read))
    [b'{"a": 1}\n{"b": 2}\n', b'{"c"']
    """
    pieces: list[bytes] = []  # the start of a line that goes on in the next chunk
    while data := read(CHUNK):
        end = data.rfind(b"\n") + 1
        if not end:
            pieces.append(data)
            continue
        whole = data if end == len(data) else data[:end]
        yield b"".join((*pieces, whole)) if pieces else whole
        pieces = [data[end:]] if end < len(data) else []
    if pieces:
        yield b"".join(pieces)


@attrs.define
class _Reader:
    """Decodes lines into entities, counting the lines and bytes read and noting bad lines."""

    source: Source
    schemata: dict[str, int] = attrs.field(factory=dict)
    issues: list[Issue] = attrs.field(factory=list)
    lines: int = 0
    size: int = 0

    def of_chunks(self, chunks: Iterable[bytes]) -> Iterator[tuple[int, _Entity]]:
        """The entities of chunks of whole lines (:func:`_chunks`)."""
        return chain.from_iterable(map(self._chunk, chunks))

    def _chunk(self, chunk: bytes) -> Iterable[tuple[int, _Entity]]:
        r"""The entities of a chunk of lines, decoded by one call when every line is one.

        Each line becomes a JSON array holding it, and the chunk an array of those with
        a random text between each two. msgspec checks that each array holds exactly
        one entity, so a blank line or a line with two values is refused; an entity
        split over two lines, or a line made to close its array and open another, would
        take the text between two arrays inside an entity, or put two arrays side by
        side, and the count of the texts tells. A refused chunk is read again line by
        line, each line checked alone.
        """
        first = self.lines + 1
        self.size += len(chunk)
        try:
            if not chunk.isascii():
                str(chunk, "utf-8")  # msgspec does not check the text of fields it skips
            body = chunk[:-1] if chunk.endswith(b"\n") else chunk
            lines = body.count(b"\n") + 1
            joined = body.replace(b"\n", _SEPARATOR)
            decoded = _DECODE_CHUNK(b"[[" + joined + b"]]")
            if len(decoded) != 2 * lines - 1 or decoded.count(_BETWEEN) != lines - 1:
                raise ValueError("a line that is not one entity")
        except _REFUSED:
            self.size -= len(chunk)
            return self.of_lines(io.BytesIO(chunk))
        self.lines += lines
        entities = cast("list[tuple[_Entity]]", decoded[::2])  # the texts are between
        return zip(count(first), chain.from_iterable(entities))

    def of_lines(self, lines: Iterable[bytes | str]) -> Iterator[tuple[int, _Entity]]:
        """The entities of lines, each decoded alone; a refused line is checked by orjson."""
        decode = _DECODE
        for number, line in enumerate(lines, self.lines + 1):
            self.lines = number
            self.size += len(line)
            try:
                if type(line) is bytes and not line.isascii():
                    line.decode()  # msgspec does not check the text of fields it skips
                entity = decode(line)
            except _REFUSED:
                checked = _checked(number, line, self.source, self.issues, self.schemata)
                if checked is None:
                    continue
                entity = checked
            yield number, entity


def read_lines(
    source: Source, progress: Callable[[int], None] | None, encoding: str | None = None
) -> Columns:
    """The one loop over lines: decode each, keep what designations need, block by block.

    ``encoding`` is that of a file that is not UTF-8 (a path only).
    """
    reader = _Reader(source)
    kept = _Kept()
    entities, close = _entities(source, encoding, reader)
    try:
        while True:
            _read_block(islice(entities, BLOCK), kept)
            block = kept.flush()
            if progress is not None:
                progress(reader.size)
            if block < BLOCK:
                break
    finally:
        close()
    return _columns(kept, reader.schemata, reader.issues, reader.lines)


def _read_block(entities: Iterable[tuple[int, _Entity]], kept: _Kept) -> None:
    """Keep what a designation needs of each entity.

    It runs once per entity, so it does as little as it can: every list method it
    calls is bound once, here, and a Sanction's values and their counts are copied by
    one call each rather than a call per property.
    """
    join = " ".join
    sanction_line, target_line = kept.sanction_numbers.append, kept.target_numbers.append
    add_counts = kept.counts.extend
    sanction_id, add_values = kept.sanction_id.append, kept.value.extend
    target_id, target_schema = kept.target_id.append, kept.target_schema.append
    target_name, target_countries = kept.target_name.append, kept.target_countries.append
    other_id, other_schema = kept.other_id.append, kept.other_schema.append
    sanction_values, target_values = _sanction_values, _target_values
    for number, entity in entities:
        kind = entity.schema
        properties = entity.properties
        if kind == "Sanction":
            values = sanction_values(properties)
            sanction_line(number)
            sanction_id(entity.id)
            add_values(chain.from_iterable(values))
            add_counts(map(len, values))
        elif kind in TARGET_SCHEMATA:
            names, nationality, citizenship, country, jurisdiction = target_values(properties)
            places = [*nationality, *citizenship, *country, *jurisdiction]
            try:
                countries = join(places)
            except TypeError:  # a null among the values: it says nothing, so it goes
                countries = join(v for v in places if v)
            target_line(number)
            target_id(entity.id)
            target_schema(kind)
            caption = entity.caption
            # Most captions are among the names: that case needs no function call.
            if caption is not None and caption in names:
                target_name(caption)
            else:
                target_name(_name(names, caption))
            target_countries(countries)
        else:
            other_id(entity.id)
            other_schema(kind)


def _name(names: Any, caption: str | None) -> str | None:
    """The caption, OpenSanctions' display name, when it is among the names; else the first."""
    if None in names:  # a null says nothing
        names = [name for name in names if name is not None]
    if caption is not None and (caption in names or (not names and caption.strip())):
        return caption
    return names[0] if names else None


def _checked(
    number: int, line: bytes | str, source: Source, issues: list[Issue], schemata: dict[str, int]
) -> _Entity | None:
    """A line msgspec refused: parse it again, and keep it or say what is wrong with it.

    It is an entity all the same when what msgspec refused is something the import does
    not read (a caption that is not text, a property of another schema).
    """
    try:
        entity = orjson.loads(line)
    except ValueError as err:
        entity = _first_entity(line, source) if number == 1 else None
        if entity is None:
            if line.strip():
                issues.append(Issue(number, _not_json(line, err)))
            return None
    try:
        return _entity(entity, schemata)
    except _BadEntityError as err:
        entity_id = entity.get("id") if type(entity) is dict else None
        issues.append(
            Issue(number, f"not an FtM entity: {err}", entity_id=_text_or_none(entity_id))
        )
        return None


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


def _entity(entity: Any, schemata: dict[str, int]) -> _Entity:
    """The fields of a parsed line that the import reads, each checked with its own message."""
    if type(entity) is not dict:
        raise _BadEntityError("not a JSON object")
    entity_id, kind = entity.get("id"), entity.get("schema")
    properties = entity.get("properties") or {}
    if type(entity_id) is not str or type(kind) is not str:
        raise _BadEntityError("an entity needs a string 'id' and 'schema'")
    if type(properties) is not dict:
        raise _BadEntityError("'properties' is not an object")
    read = (
        _SANCTION_PROPERTIES
        if kind == "Sanction"
        else _TARGET_PROPERTIES
        if kind in TARGET_SCHEMATA
        else ()
    )
    values = {name: properties.get(name) for name in read}
    for name, value in values.items():
        if value is not None and (
            type(value) is not list or not all(v is None or type(v) is str for v in value)
        ):
            schemata[kind] = schemata.get(kind, 0) + 1  # an entity, if not a usable one
            raise _BadEntityError(f"property {name!r} is not a list of strings")
    caption = entity.get("caption")
    return _Entity(
        entity_id,
        kind,
        caption if type(caption) is str else None,
        _Properties(**{name: () if value is None else value for name, value in values.items()}),
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the line loop runs.

    The loop keeps tens of thousands of small lists alive, and each full collection
    walks all of them again. Nothing the loop makes is cyclic, so nothing is left for
    the collector to find.
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


def _not_json(line: bytes | str, err: ValueError) -> str:
    """Why a line is not JSON: text that is not UTF-8, as JSON must be, or bad JSON."""
    if isinstance(line, bytes):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as bad:
            return f"not UTF-8 at byte {bad.start} of the line: {ENCODING.python}"
    return f"not JSON: {_json_reason(err)}"


def _json_reason(err: ValueError) -> str:
    if isinstance(err, orjson.JSONDecodeError):
        return f"{err.msg} at column {err.colno}"
    return str(err)


def _list_column(
    name: str, values: pl.Series, lengths: np.ndarray[Any, np.dtype[np.int64]]
) -> pl.Series:
    """A list column from flat values and the number each row has; nulls are dropped."""
    n = len(lengths)
    owners = pl.Series(np.repeat(np.arange(n, dtype=np.int64), lengths)).set_sorted()
    long = pl.DataFrame({"_row": owners, name: values})
    lists = long.group_by("_row", maintain_order=True).agg(pl.col(name).drop_nulls())
    if lists.height != n:  # a row without values has no group
        rows = pl.DataFrame({"_row": pl.int_range(n, dtype=pl.Int64, eager=True)})
        lists = rows.join(lists, on="_row", how="left", maintain_order="left")
    return lists[name].fill_null(pl.lit([], dtype=STRINGS))


def _columns(kept: _Kept, schemata: dict[str, int], issues: list[Issue], lines: int) -> Columns:
    """What the loop kept as frames; a Sanction's properties become list columns."""
    shape = (-1, len(_SANCTION_PROPERTIES))
    counts = np.frombuffer(kept.counts, dtype=np.uint32).reshape(shape).astype(np.int64)
    # The values property by property: each property's are then one slice.
    # (Small codes: numpy sorts them by radix, in a fifth of the time of int64's.)
    properties = np.tile(np.arange(len(_SANCTION_PROPERTIES), dtype=np.uint8), len(counts))
    order = np.argsort(np.repeat(properties, counts.ravel()), kind="stable")
    values = kept.column("value").gather(order)
    ends = np.cumsum(counts.sum(axis=0))
    starts = ends - counts.sum(axis=0)
    sanctions = pl.DataFrame(
        [_numbers("line", kept.sanction_numbers), kept.column("sanction_id").alias("id")]
    ).with_columns(
        _list_column(name, values[starts[index] : ends[index]], counts[:, index])
        for index, name in enumerate(_SANCTION_PROPERTIES)
    )
    targets = pl.DataFrame(
        [
            _numbers("line", kept.target_numbers),
            *(kept.column(f"target_{name}").alias(name) for name in _TARGET_COLUMNS),
        ]
    )
    others = pl.DataFrame(
        [kept.column("other_id").alias("id"), kept.column("other_schema").alias("schema")]
    )
    # The entities of each schema, counted once at the end rather than line by line.
    counted = pl.concat([targets.select("schema"), others.select("schema")])
    for kind, entities in counted["schema"].value_counts().iter_rows():
        schemata[kind] = schemata.get(kind, 0) + entities
    if sanctions.height:
        schemata["Sanction"] = schemata.get("Sanction", 0) + sanctions.height
    return Columns(sanctions, targets, others, schemata, issues, lines)


def _numbers(name: str, numbers: array[int]) -> pl.Series:
    return pl.Series(name, np.frombuffer(numbers, dtype=np.int64), dtype=pl.Int64)
