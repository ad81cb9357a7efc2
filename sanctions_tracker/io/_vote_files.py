"""The files of the three roll-call layouts: which layout, and their rows as text.

Each layout becomes two frames of text columns: roll calls (``_file``, ``_line``,
``_rcid``, ``_date``, ``_symbol``, ``_amend``, ``_para``, ``_title``, ``_descr``,
``_issues``) and votes (``_file``, ``_line``, ``_rcid``, ``_name``, ``_hint``,
``_vote``, ``_row_date`` in the layouts of one row per member and roll call, and what
:func:`_derived` works out of them: ``vote`` and ``_given``);
:mod:`sanctions_tracker.io.unvotes` checks them.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor, Future
from functools import cache
from pathlib import Path
from typing import Literal, TypeAlias, TypeVar, cast, get_args

import numpy as np
import polars as pl

from sanctions_tracker.columns import country_dtype
from sanctions_tracker.errors import DataFormatError
from sanctions_tracker.io._decode import decode
from sanctions_tracker.records import VOTES

__all__ = [
    "LAYOUTS",
    "VOTE_CODES",
    "Layout",
    "PathLike",
    "any_case",
    "day",
    "file_lines",
    "layout_of",
    "other_case",
    "read_layout",
]

PathLike: TypeAlias = str | os.PathLike[str]
Layout: TypeAlias = Literal["unvotes", "voeten", "undl"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)
T = TypeVar("T")

# The columns each file must have, by its role; the first role whose columns a file has
# is its role (Voeten's file has the columns of the unvotes roll calls too).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "voeten": (
        "rcid",
        "vote",
        "Countryname",
        "date",
        "unres",
        "amend",
        "para",
        "short",
        "descr",
    ),
    "undl": ("undl_id", "ms_code", "ms_name", "ms_vote", "date", "resolution", "title"),
    "unvotes-votes": ("rcid", "country", "country_code", "vote"),
    "unvotes-calls": ("rcid", "date", "unres", "amend", "para", "short", "descr"),
    "unvotes-issues": ("rcid", "short_name", "issue"),
}


# What each layout's vote codes mean; Voeten's 9 (not a member) is no vote at all.
VOTE_CODES: dict[Layout, dict[str, str]] = {
    "unvotes": {"yes": "for", "no": "against", "abstain": "abstain"},
    "voeten": {"1": "for", "2": "abstain", "3": "against", "8": "absent"},
    "undl": {"Y": "for", "N": "against", "A": "abstain", "X": "non-voting", "": "non-voting"},
}


def any_case(codes: dict[str, str]) -> dict[str, str]:
    """The codes as given, in lower and upper case and capitalised: ``yes``, ``Yes``, ``YES``.

    >>> any_case({"yes": "for"})
    {'yes': 'for', 'YES': 'for', 'Yes': 'for'}
    """
    return {
        variant: meaning
        for code, meaning in codes.items()
        for variant in (code, code.lower(), code.upper(), code.capitalize())
    }


# -- files -----------------------------------------------------------------------------------


def _header(path: Path, encoding: str | None = None) -> list[str]:
    if not path.is_file():
        raise DataFormatError("no such file: give the path of a roll-call CSV", file=str(path))
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    codec = _codec(head, path, encoding)
    try:
        # Decoding a whole line: a character cut at the end of the head waits for more.
        text = codecs.getincrementaldecoder(codec)().decode(head, final=len(head) < _HEAD)
    except UnicodeDecodeError:
        raise _undecodable(path, encoding) from None
    try:
        return next(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")), [])
    except csv.Error as err:
        raise DataFormatError(f"not a readable CSV: {err}", file=str(path)) from None


# The bytes read to find a file's header line.
_HEAD = 1 << 16
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _codec(head: bytes, path: Path, encoding: str | None) -> str:
    """The codec of a file that starts with ``head``: ``encoding``, else UTF-8 unless a
    byte order mark says UTF-16 or UTF-32."""
    if encoding is None:
        if head.startswith(_BOMS[:2]):
            return "utf-32"
        return "utf-16" if head.startswith(_BOMS[2:]) else "utf-8"
    decode(b"", name=str(path), encoding=encoding)  # the one error for an unknown codec
    return codecs.lookup(encoding).name


def _utf8(path: Path, encoding: str | None) -> bytes | None:
    """The file as UTF-8 bytes, decoded by :func:`~sanctions_tracker.io._decode.decode`;
    None when it is UTF-8 already (read from the path: the fast way, for a large file)."""
    with path.open("rb") as handle:
        head = handle.read(4)
    if _codec(head, path, encoding) == "utf-8":
        return None
    return decode(path.read_bytes(), name=str(path), encoding=encoding).encode("utf-8")


def _undecodable(path: Path, encoding: str | None) -> DataFormatError:
    """The error for a file that is not in its encoding, naming the first byte that is not."""
    try:
        decode(path.read_bytes(), name=str(path), encoding=encoding)
    except DataFormatError as err:
        return err
    return DataFormatError("not a readable CSV", file=str(path))


def _role(path: Path, columns: list[str]) -> str | None:
    present = set(columns)
    for role, needed in _COLUMNS.items():
        if set(needed) <= present:
            return role
    return None


def _files(paths: Sequence[PathLike]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        files.extend(sorted(path.glob("*.csv")) if path.is_dir() else [path])
    if not files:
        raise DataFormatError("no roll-call files given: name the CSV files or their folder")
    return files


def _read(
    path: Path,
    columns: tuple[str, ...],
    typed: Mapping[str, pl.DataType] | None = None,
    encoding: str | None = None,
    select: Sequence[pl.Expr] = (),
) -> pl.DataFrame:
    """The named columns (or, given ``select``, those expressions of them), with
    ``_file`` and the line each row starts on (``_line``); an empty line is no row.

    The ``typed`` columns (whole numbers) are read as their type when
    every value is one (the fast way), else every column is read as text and the caller
    reports the values that are not. A file of exactly the named columns is read with
    its schema given (faster still).
    """
    typed = dict(typed or {})
    exact = _header(path, encoding) == list(columns)
    data = _utf8(path, encoding)

    def scan(as_typed: bool) -> pl.DataFrame:
        source = path if data is None else io.BytesIO(data)
        types = typed if as_typed else {}
        if exact:
            schema = {column: types.get(column, pl.String) for column in columns}
            frame = pl.read_csv(source, schema=schema)
        else:
            frame = pl.read_csv(
                source, infer_schema=False, columns=list(columns), schema_overrides=types
            )
        frame = frame.with_columns(
            pl.lit(str(path)).alias("_file"),
            # Numbered in 32 bits unless a file has more lines than they count.
            pl.int_range(2, pl.len() + 2, dtype=_line_dtype(frame.height)).alias("_line"),
        )
        # An empty line (editors and spreadsheets leave some at the end) is no row. A
        # column without a null (its count is known without a scan) means none is empty.
        if all(frame[column].null_count() for column in columns):
            frame = frame.filter(pl.any_horizontal(pl.col(columns).is_not_null()))
        return frame.select("_file", "_line", *(select or columns))

    try:
        try:
            return scan(as_typed=True)
        except pl.exceptions.ComputeError:
            return scan(as_typed=False)
    except UnicodeDecodeError:
        raise _undecodable(path, encoding) from None
    except pl.exceptions.PolarsError as err:
        if "utf-8" in str(err).lower() or "utf8" in str(err).lower():
            raise _undecodable(path, encoding) from None
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise DataFormatError(f"not a readable CSV: {first}", file=str(path)) from None


def _line_dtype(rows: int) -> pl.Int32 | pl.Int64:
    """The integers that number the lines of a file of ``rows`` rows.

    >>> _line_dtype(870_107), _line_dtype(3_000_000_000)
    (Int32, Int64)
    """
    return pl.Int32() if rows < np.iinfo(np.int32).max - 2 else pl.Int64()


def file_lines(file: str, lines: pl.Series, encoding: str | None = None) -> pl.Series:
    """The true lines of rows numbered as if every row took one line (``_line``).

    Only a file with line breaks inside quoted fields before the last of ``lines``
    needs more: its rows are counted again, at the first report, never for a file
    read without problems.
    """
    last = lines.max()
    if not isinstance(last, int):  # no lines
        return lines
    offsets = _line_offsets(file, encoding, last)
    if offsets is None:
        return lines
    return lines + pl.Series(offsets).gather(lines - 2)


def _line_offsets(file: str, encoding: str | None, last: int) -> list[int] | None:
    """For each row, the line breaks inside quoted fields before it; None when there
    is none before line ``last``.

    A field with a line break is quoted, so lines without a quote have none: the file
    (of a UTF-8 file) is read a block at a time, only as far as a quote or the end of
    line ``last``.
    """
    text = _utf8(Path(file), encoding)
    if text is None:
        with open(file, "rb", buffering=0) as handle:
            if not _quoted_before(handle, last):
                return None
        text = Path(file).read_bytes()
    elif not _quoted_before(io.BytesIO(text), last):
        return None
    frame = pl.read_csv(io.BytesIO(text), infer_schema=False)
    if text.count(b"\n") <= frame.height + 1:
        return None
    inside = frame.select(
        pl.sum_horizontal(
            pl.col(column).fill_null("").str.count_matches("\n") for column in frame.columns
        )
        .cum_sum()
        .shift(1, fill_value=0)
    )
    return inside.to_series().to_list()


# The bytes looked through at a time for a quote and the line breaks.
_BLOCK = 1 << 16


def _quoted_before(stream: io.RawIOBase | io.BufferedIOBase, last: int) -> bool:
    """Whether a quote comes before the end of line ``last``: a block at a time read
    into one buffer, each looked through for a quote and its line breaks counted.

    >>> text = b'a\\nb\\n"c\\nd"\\n'
    >>> _quoted_before(io.BytesIO(text), 2), _quoted_before(io.BytesIO(text), 3)
    (False, True)
    """
    block = bytearray(_BLOCK)
    text = np.frombuffer(block, dtype=np.uint8)
    newline = np.empty(_BLOCK, dtype=np.bool_)
    breaks = 0
    while size := stream.readinto(block):
        quote = block.find(b'"', 0, size)
        end = size if quote < 0 else quote
        breaks += int(np.count_nonzero(np.equal(text[:end], _NEWLINE, out=newline[:end])))
        if quote >= 0:
            return breaks < last
        if breaks >= last:
            return False
    return False


_NEWLINE = ord("\n")


# -- the three layouts, each to roll calls and votes -------------------------------------------


def day(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().str.to_date("%Y-%m-%d", strict=False)


def _text(column: str) -> pl.Expr:
    """A text column of the unvotes tables, without R's missing value: tables saved with
    ``write.csv`` write ``NA`` where no symbol or title is known."""
    return pl.col(column).replace("NA", None)


def _flag(column: str) -> pl.Expr:
    return pl.col(column).str.strip_chars().cast(pl.Int64, strict=False).fill_null(0)


# How the two layouts of one row per member and roll call fill each column: (Voeten's
# file, the UN Digital Library's). The Digital Library has no amendment or paragraph
# flag, one title, and a country code beside each name.
_PER_ROW_CALLS: dict[str, tuple[pl.Expr, pl.Expr]] = {
    "_rcid": (pl.col("rcid"), pl.col("undl_id")),
    "_date": (pl.col("date"), pl.col("date")),
    "_symbol": (pl.col("unres"), pl.col("resolution")),
    "_amend": (_flag("amend"), pl.lit(0, pl.Int64)),
    "_para": (_flag("para"), pl.lit(0, pl.Int64)),
    "_title": (pl.col("short"), pl.col("title")),
    "_descr": (pl.col("descr"), pl.col("title")),
}
_PER_ROW_VOTES: dict[str, tuple[pl.Expr, pl.Expr]] = {
    "_rcid": (pl.col("rcid"), pl.col("undl_id")),
    "_name": (pl.col("Countryname"), pl.col("ms_name")),
    "_hint": (pl.lit(None, pl.String), pl.col("ms_code")),
    # The Library leaves a non-participating member's vote blank
    # (https://research.un.org/en/docs/unvoting/undl), as well as writing X.
    "_vote": (
        pl.col("vote").str.strip_chars(),
        pl.col("ms_vote").str.strip_chars().fill_null(""),
    ),
}


def _derived(hint: pl.Expr, code: pl.Expr, layout: Layout) -> list[pl.Expr]:
    """What the reading works out of each vote row at once: ``vote``, the vote its code
    stands for as the layout writes it (null for any other code), and ``_given``, its
    country code where the record gives one we know as it is (null otherwise).

    Each code is compared with the layout's few codes: a comparison of a few bytes a
    row, several times cheaper than reading or casting a million codes to an Enum. A
    code in another case (``Yes``, ``NO``) is looked up by :func:`other_case` after.

    >>> rows = pl.DataFrame({"code": ["US", "DD", None], "vote": ["yes", "No", "maybe"]})
    >>> rows.select(_derived(pl.col("code"), pl.col("vote"), "unvotes")).rows()
    [('for', 'US'), (None, None), (None, None)]
    """
    meanings = [
        pl.when(code == given).then(_vote(meaning)) for given, meaning in VOTE_CODES[layout].items()
    ]
    # A code of two letters read as the number its two bytes make picks its country from
    # a table of every such number, several times cheaper than casting a million
    # strings; any other code (and NA) is null here, looked at with the codes not known.
    pair = hint.cast(pl.Binary).bin.reinterpret(dtype=pl.UInt16, endianness="little")
    return [
        pl.coalesce(meanings).alias("vote"),
        pl.lit(_two_letter_codes()).gather(pair).alias("_given"),
    ]


def _vote(meaning: str) -> pl.Expr:
    return pl.lit(meaning, dtype=pl.Enum(VOTES))


def other_case(votes: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    """``votes`` with the ``vote`` of each code written in another case than the
    layout's (``Yes``, ``NO``); only read when :func:`_derived` left a vote unknown.

    >>> rows = pl.DataFrame({"_hint": ["FR", "CL", "US"], "_vote": ["yes", "No", "maybe"]})
    >>> rows = rows.with_columns(_derived(pl.col("_hint"), pl.col("_vote"), "unvotes"))
    >>> other_case(rows, "unvotes")["vote"].to_list()
    ['for', 'against', None]
    """
    if not votes["vote"].null_count():
        return votes
    variants = any_case(VOTE_CODES[layout])
    meaning = pl.col("_vote").replace_strict(variants, default=None, return_dtype=pl.Enum(VOTES))
    return votes.with_columns(pl.coalesce("vote", meaning).alias("vote"))


@cache
def _two_letter_codes() -> pl.Series:
    """For each number two bytes make (the first the low byte), the country whose code
    they spell, or null; null for ``NA`` too, which may be Namibia's code or R's
    missing value (the name beside it tells).

    >>> _two_letter_codes()[int.from_bytes(b"FR", "little")]
    'FR'
    >>> _two_letter_codes()[int.from_bytes(b"NA", "little")] is None
    True
    """
    countries: list[str | None] = [None] * (1 << 16)
    for code in country_dtype().categories.to_list():
        if len(code.encode()) == 2 and code != "NA":
            countries[int.from_bytes(code.encode(), "little")] = code
    return pl.Series(countries, dtype=country_dtype())


def _unvotes_needs(files: dict[str, Path]) -> None:
    """Refuses the unvotes layout without its votes and roll calls."""
    missing = [role for role in ("unvotes-votes", "unvotes-calls") if role not in files]
    if missing:
        raise DataFormatError(
            "the unvotes layout needs un_votes.csv (rcid, country, country_code, vote) and "
            "un_roll_calls.csv (rcid, session, date, unres, amend, para, short, descr)",
            file=", ".join(str(p) for p in files.values()),
        )


def _unvotes_votes(path: Path, encoding: str | None) -> pl.DataFrame:
    """The votes of the unvotes tables, with what :func:`_derived` works out of them.
    Their roll-call numbers are read as polars' own row numbers (unsigned, 32 bits): it
    looks up by them as they are, and they take half the memory of 64 (a number that
    is not one reads them all as text, and then in 64 bits with a sign)."""
    typed = {"rcid": pl.UInt32()}
    select = [
        pl.col("rcid").alias("_rcid"),
        pl.col("country").alias("_name"),
        pl.col("country_code").alias("_hint"),
        pl.col("vote").alias("_vote"),
        *_derived(pl.col("country_code"), pl.col("vote"), "unvotes"),
    ]
    return other_case(_read(path, _COLUMNS["unvotes-votes"], typed, encoding, select), "unvotes")


def _unvotes_calls(files: dict[str, Path], encoding: str | None) -> pl.DataFrame:
    """The roll calls of the unvotes tables, with the issues of each."""
    whole = {"rcid": pl.Int64()}
    calls = _read(files["unvotes-calls"], _COLUMNS["unvotes-calls"], whole, encoding)
    issues = pl.DataFrame(schema={"_issue_rcid": pl.Int64, "_issues": pl.List(pl.String)})
    if "unvotes-issues" in files:
        issues = (
            _read(files["unvotes-issues"], _COLUMNS["unvotes-issues"], whole, encoding)
            .drop_nulls("issue")
            .unique(["rcid", "issue"])
            .sort("rcid", "issue")
            .group_by(pl.col("rcid").alias("_issue_rcid"), maintain_order=True)
            .agg(pl.col("issue").alias("_issues"))
        )
    # Joined by number, or as text where either file has a number that is not whole.
    same = calls.schema["rcid"] == issues.schema["_issue_rcid"]
    return calls.select(
        "_file",
        "_line",
        pl.col("rcid").alias("_rcid"),
        pl.col("date").alias("_date"),
        _text("unres").alias("_symbol"),
        _flag("amend").alias("_amend"),
        _flag("para").alias("_para"),
        _text("short").alias("_title"),
        _text("descr").alias("_descr"),
    ).join(
        issues,
        left_on=pl.col("_rcid") if same else pl.col("_rcid").cast(pl.String),
        right_on=pl.col("_issue_rcid") if same else pl.col("_issue_rcid").cast(pl.String),
        how="left",
        maintain_order="left",
    )


def _per_row(
    path: Path, layout: Literal["voeten", "undl"], encoding: str | None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Roll calls and votes of a file with one row per member and roll call.

    A roll call is described by its first row with a date; every row keeps its own date
    (``_row_date``) so that a row without one is reported at its line.
    """
    which = 0 if layout == "voeten" else 1
    call = {name: exprs[which] for name, exprs in _PER_ROW_CALLS.items()}
    vote = {name: exprs[which] for name, exprs in _PER_ROW_VOTES.items()}
    rows = _read(path, _COLUMNS[layout], encoding=encoding)
    calls = (
        rows.select("_file", "_line", *(expr.alias(name) for name, expr in call.items()))
        .with_columns(pl.lit(None, pl.List(pl.String)).alias("_issues"))
        .filter(day("_date").is_not_null())
        .unique("_rcid", keep="first", maintain_order=True)
    )
    votes = rows.select(
        "_file",
        "_line",
        *(expr.alias(name) for name, expr in vote.items()),
        pl.col("date").alias("_row_date"),
    ).with_columns(_derived(pl.col("_hint"), pl.col("_vote"), layout))
    return calls, other_case(votes, layout)


def layout_of(
    files: list[Path], layout: Layout | None, encoding: str | None = None
) -> tuple[Layout, dict[str, Path]]:
    roles: dict[str, Path] = {}
    for path in files:
        role = _role(path, _header(path, encoding))
        if role is None:
            raise DataFormatError(
                "not a roll-call file of a known layout: the unvotes tables have "
                f"{', '.join(_COLUMNS['unvotes-votes'])}; Voeten's file has "
                f"{', '.join(_COLUMNS['voeten'])}; the UN Digital Library's has "
                f"{', '.join(_COLUMNS['undl'])}",
                file=str(path),
            )
        if role in roles:
            raise DataFormatError(
                f"two files of one kind ({roles[role]} and {path}): give one of each",
                file=str(path),
            )
        roles[role] = path
    found = cast(Layout, next(iter(roles)).split("-")[0])
    if any(role.split("-")[0] != found for role in roles):
        raise DataFormatError(
            f"files of different layouts: {', '.join(sorted(roles))}; read each layout apart"
        )
    if layout is not None and layout != found:
        if layout not in LAYOUTS:
            raise DataFormatError(
                f"unknown layout {layout!r}: the layouts are {', '.join(LAYOUTS)}"
            )
        raise DataFormatError(
            f"layout={layout!r}, but the files are of the {found} layout",
            file=", ".join(str(p) for p in roles.values()),
        )
    return found, roles


def read_layout(
    paths: Sequence[PathLike],
    layout: Layout | None,
    encoding: str | None,
    helper: Executor,
    then: Callable[[Layout, pl.DataFrame], T],
) -> tuple[Layout, Future[T], pl.DataFrame]:
    """The layout of the files, what ``then`` makes of the layout and the roll calls,
    and the votes as text (decoded from ``encoding``, or UTF-8 unless a byte order mark
    says UTF-16 or UTF-32). ``helper`` reads a file of roll calls, and goes on with
    ``then``, while this thread reads the votes."""
    found, roles = layout_of(_files(paths), layout, encoding)
    if found != "unvotes":
        calls, votes = _per_row(roles[found], found, encoding)
        return found, helper.submit(then, found, calls), votes
    _unvotes_needs(roles)
    reading = helper.submit(lambda: then(found, _unvotes_calls(roles, encoding)))
    try:
        votes = _unvotes_votes(roles["unvotes-votes"], encoding)
    except BaseException:
        reading.result()  # the roll calls' error first, as they are read first
        raise
    return found, reading, votes
