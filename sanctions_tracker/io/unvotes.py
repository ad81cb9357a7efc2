"""Read the UN General Assembly's roll-call votes: three published layouts, one result.

- ``unvotes``: the tables of the unvotes package (``un_votes.csv``: rcid, country,
  country_code, vote yes/no/abstain; ``un_roll_calls.csv``: rcid, session,
  importantvote, date, unres, amend, para, short, descr; ``un_roll_call_issues.csv``:
  rcid, short_name, issue), tidied from Erik Voeten's data.
- ``voeten``: Voeten's dataverse file (``UNVotes.csv``), one row per member and roll
  call: rcid, ccode, member, vote (1 yes, 2 abstain, 3 no, 8 absent, 9 not a member),
  Country, Countryname, date, unres, amend, para, short, descr, ... Its ``Country`` is
  a Correlates of War abbreviation, not ISO, and ``ccode`` a Correlates of War
  number: the member is read from ``Countryname``.
- ``undl``: the UN Dag Hammarskjöld Library's General Assembly Voting Data: undl_id,
  ms_code (ISO alpha-3), ms_name, ms_vote (Y, N, A, X non-voting), date, resolution,
  title, ...

The layout is told by the files' columns (or named). Each roll call becomes one
document of the forum "UN General Assembly"; its id is the resolution's symbol
(``A/RES/68/262``) when the roll call is the vote on that resolution as a whole and
the symbol has that form, else ``unga-rc-<rcid>``. Each member's vote becomes a
signature with its vote (``for``, ``against``, ``abstain``, and ``absent`` or
``non-voting``, which keep the record but are no position). A member is read as the
state's code at the date of the vote (see :mod:`sanctions_tracker.io._members`);
names that no rule gives are reported, never guessed.

This module only reads: it returns tables and a summary, and
:func:`sanctions_tracker.read_un_votes` makes the Dataset.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "votes.csv").write_text(
...     "rcid,country,country_code,vote\\n5309,Ukraine,UA,yes\\n5309,Russia,RU,no\\n")
>>> _ = (folder / "calls.csv").write_text(
...     "rcid,session,importantvote,date,unres,amend,para,short,descr\\n"
...     "5309,68,0,2014-03-27,R/68/262,,,UKRAINE,Territorial integrity of Ukraine\\n")
>>> result = read_votes(folder / "votes.csv", folder / "calls.csv")
>>> result.documents.select("document_id", "date", "forum").rows()
[('A/RES/68/262', datetime.date(2014, 3, 27), 'UN General Assembly')]
>>> result.signatures.select("party", "vote").rows()
[('UA', 'for'), ('RU', 'against')]
>>> result.summary.roll_calls, result.summary.votes
(1, 2)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Executor
from functools import cache

import attrs
import numpy as np
import polars as pl

from sanctions_tracker import _threads
from sanctions_tracker._advice import SKIP_BAD_ROWS
from sanctions_tracker._words import plural
from sanctions_tracker.columns import TABLES, country_dtype
from sanctions_tracker.errors import Problem, ValidationError
from sanctions_tracker.io._imports import problem_lines
from sanctions_tracker.io._members import member_votes, unknown_votes
from sanctions_tracker.io._vote_files import (
    LAYOUTS,
    VOTE_CODES,
    Layout,
    PathLike,
    day,
    file_lines,
    read_layout,
)
from sanctions_tracker.io._vote_rows import (
    all_known,
    call_index,
    call_rows,
    positions,
    repeats,
    with_none,
)
from sanctions_tracker.records import VOTES

__all__ = [
    "FORUM",
    "LAYOUTS",
    "Layout",
    "PathLike",
    "Unresolved",
    "VotesImport",
    "VotesSummary",
    "read_votes",
]

FORUM = "UN General Assembly"

_NOT_A_MEMBER = "9"
# A symbol as the records write it: R/68/262, A/RES/68/262, A/RES/ES-10/19, SS/5, ...
_SYMBOL = r"^(?:R|A/RES|SS|ESS|GOAR)/[0-9A-Z]+(?:[/ -][0-9A-Z]+)*$"
# Symbols written A/RES/<session>/<number> since the 31st session (1976); earlier
# resolutions are numbered across sessions (``R/15/1514``: resolution 1514 (XV)).
_MODERN = r"^(?:R|A/RES)/(\d+)/(\d+)$"
_EMERGENCY = r"^A/RES/(ES-\d+/\d+)$"
_FIRST_MODERN_SESSION = 31
_SHOWN_LINES = 20


@attrs.frozen
class Unresolved:
    """A member's name that no rule resolves, with its votes (not loaded).

    >>> print(Unresolved("un_votes.csv", "Zanzibar", 2, (98, 99)))
    un_votes.csv: 'Zanzibar', 2 votes, lines 98, 99
    """

    file: str
    name: str
    count: int
    lines: tuple[int, ...]

    def __str__(self) -> str:
        shown = ", ".join(map(str, self.lines))
        more = ", ..." if self.count > len(self.lines) else ""
        lines = "line" if len(self.lines) == 1 and not more else "lines"
        return f"{self.file}: {self.name!r}, {plural(self.count, 'vote')}, {lines} {shown}{more}"


def _pairs(
    value: dict[str, int] | tuple[tuple[str, int], ...],
) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, dict) else value
    return tuple(sorted(items))


@attrs.frozen
class VotesSummary:
    """What a read of roll-call votes found and made.

    >>> print(VotesSummary("unvotes", roll_calls=1, votes=169, by_vote={"for": 100},
    ...                    unresolved=(Unresolved("v.csv", "Zanzibar", 2, (5, 6)),)))
    unvotes layout: 1 roll call, 169 votes (for 100)
    roll calls on a resolution as a whole: 0, on an amendment: 0, on a paragraph: 0
    2 votes of 1 unresolved name (not loaded):
      v.csv: 'Zanzibar', 2 votes, lines 5, 6
    no problems
    """

    layout: Layout
    roll_calls: int
    votes: int
    by_vote: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_pairs)
    whole: int = 0
    amendments: int = 0
    paragraphs: int = 0
    historic: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_pairs)
    unresolved: tuple[Unresolved, ...] = ()
    not_members: int = 0
    problems: tuple[Problem, ...] = ()
    votes_of_skipped_calls: int = 0

    @property
    def unresolved_votes(self) -> int:
        """How many votes were left out because their member's name is unresolved."""
        return sum(u.count for u in self.unresolved)

    def __str__(self) -> str:
        counts = ", ".join(f"{vote} {n}" for vote, n in self.by_vote)
        lines = [
            (
                f"{self.layout} layout: {plural(self.roll_calls, 'roll call')}, "
                f"{plural(self.votes, 'vote')} ({counts})"
            ),
            (
                f"roll calls on a resolution as a whole: {self.whole}, on an amendment: "
                f"{self.amendments}, on a paragraph: {self.paragraphs}"
            ),
        ]
        if self.historic:
            lines.append(
                "read by name at the date of the vote: "
                + ", ".join(f"{name} {n}" for name, n in self.historic)
            )
        if self.not_members:
            lines.append(
                f"{plural(self.not_members, 'row')} of states that were not members (no vote)"
            )
        if self.unresolved:
            lines.append(
                f"{plural(self.unresolved_votes, 'vote')} of "
                f"{plural(len(self.unresolved), 'unresolved name')} (not loaded):"
            )
            lines.extend(f"  {u}" for u in self.unresolved)
        of_calls = self.votes_of_skipped_calls
        also = f", and the {plural(of_calls, 'vote')} of the roll calls skipped" if of_calls else ""
        heading = f"{plural(len(self.problems), 'row')} skipped{also}:"
        return "\n".join([*lines, *problem_lines(heading, self.problems)])


@attrs.frozen
class VotesImport:
    """The result of :func:`read_votes`: the documents and signatures tables, and the summary."""

    documents: pl.DataFrame
    signatures: pl.DataFrame
    summary: VotesSummary

    @property
    def tables(self) -> dict[str, pl.DataFrame]:
        """The two tables by name, ready for :meth:`sanctions_tracker.Dataset.from_tables`."""
        return {"documents": self.documents, "signatures": self.signatures}


# -- checks and tables ---------------------------------------------------------------------


def _number(frame: pl.DataFrame, column: str) -> pl.Expr:
    """A whole-number column: as read, or from its text (null where it is not one)."""
    if frame.schema[column].is_integer():
        return pl.col(column)
    return pl.col(column).str.strip_chars().cast(pl.Int64, strict=False)


def _date_problem(column: str) -> pl.Expr:
    return (
        pl.when(pl.col(column).str.strip_chars().fill_null("") == "")
        .then(pl.lit("missing date"))
        .otherwise(pl.format("date '{}' is not a date: write YYYY-MM-DD", column))
    )


class _Problems:
    """The rows found bad so far, as frames of file, line and message."""

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding
        self.found: list[pl.DataFrame] = []
        self.skipped_votes = 0

    def drop(
        self,
        frame: pl.DataFrame,
        bad: pl.Expr,
        message: pl.Expr,
        first: pl.Expr | None = None,
    ) -> pl.DataFrame:
        """``frame`` without the rows where ``bad`` holds, each of which is reported
        (with ``first``, the line where the same thing was first given)."""
        mask = frame.select(bad.fill_null(value=True)).to_series()
        if not mask.any():
            return frame
        flagged = frame.filter(mask)
        self.found.append(
            flagged.select(
                "_file",
                pl.col("_line").cast(pl.Int64),
                message.alias("_message"),
                (pl.lit(None) if first is None else first).cast(pl.Int64).alias("_first"),
            )
        )
        return frame.filter(~mask)

    def drop_null(self, frame: pl.DataFrame, column: str, message: pl.Expr) -> pl.DataFrame:
        """``frame`` without the rows where ``column`` is null, each of which is reported;
        the column's null count says without a scan when there is none."""
        if frame[column].null_count() == 0:
            return frame
        return self.drop(frame, pl.col(column).is_null(), message)

    def listed(self) -> tuple[Problem, ...]:
        """Every problem found, by file and line."""
        if not self.found:
            return ()
        found: list[Problem] = []
        rows = pl.concat(self.found)
        for (file,), group in sorted(rows.partition_by("_file", as_dict=True).items()):
            lines = file_lines(str(file), group["_line"], self.encoding)
            firsts = group["_first"]
            if firsts.null_count() < firsts.len():
                firsts = file_lines(str(file), firsts.fill_null(2), self.encoding).zip_with(
                    firsts.is_not_null(),
                    pl.Series([None] * firsts.len(), dtype=pl.Int64),
                )
            for line, message, first in zip(lines, group["_message"], firsts, strict=True):
                found.append(Problem("", message, file=str(file), line=line, first_line=first))
        return tuple(sorted(found, key=lambda p: (p.file or "", p.line or 0)))


def _numbered(frame: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    """``frame`` with its roll-call number as ``_id``; a row without a whole number reported."""
    return problems.drop_null(
        frame.with_columns(_number(frame, "_rcid").alias("_id")),
        "_id",
        pl.format(
            "roll call number '{}' is not a whole number",
            pl.col("_rcid").cast(pl.String).fill_null(""),
        ),
    )


def _check_calls(calls: pl.DataFrame, problems: _Problems) -> pl.DataFrame:
    calls = _numbered(calls, problems)
    calls = problems.drop(
        calls.with_columns(day("_date").alias("_day")),
        pl.col("_day").is_null(),
        _date_problem("_date"),
    )
    symbol = pl.col("_symbol").str.strip_chars()
    calls = problems.drop(
        calls.with_columns(symbol.alias("_symbol")),
        (pl.col("_symbol").fill_null("") != "") & ~pl.col("_symbol").str.contains(_SYMBOL),
        pl.format(
            "malformed resolution symbol '{}': write it as R/68/262 or A/RES/68/262",
            "_symbol",
        ),
    )
    first = pl.col("_line").min().over("_id")
    return problems.drop(
        calls,
        pl.col("_line") != first,
        pl.format("roll call {} is given twice", "_id"),
        first,
    )


def _document_ids(calls: pl.DataFrame) -> pl.DataFrame:
    """Each roll call's id: the resolution's symbol for a vote on it as a whole, when that
    symbol has the modern form and no other such vote shares it; else ``unga-rc-<rcid>``."""
    modern = pl.col("_symbol").str.extract_groups(_MODERN)
    session = modern.struct.field("1").cast(pl.Int64)
    resolution = (
        pl.when(session >= _FIRST_MODERN_SESSION)
        .then(pl.format("A/RES/{}/{}", session, modern.struct.field("2")))
        .when(pl.col("_symbol").str.contains(_EMERGENCY))
        .then(pl.col("_symbol"))
    )
    whole = (pl.col("_amend") != 1) & (pl.col("_para") != 1)
    return (
        calls.with_columns(pl.when(whole).then(resolution).alias("_whole"))
        .with_columns(pl.when(pl.len().over("_whole") == 1).then(pl.col("_whole")).alias("_whole"))
        .with_columns(
            pl.coalesce("_whole", pl.format("unga-rc-{}", "_id")).alias("document_id"),
        )
    )


def _what(calls_layout: Layout) -> pl.Expr:
    kind = (
        pl.when(pl.col("_whole").is_not_null())
        .then(pl.lit("the vote on the resolution as a whole"))
        .when((pl.col("_amend") == 1) & (pl.col("_para") == 1))
        .then(pl.lit("a vote on an amendment to a paragraph"))
        .when(pl.col("_amend") == 1)
        .then(pl.lit("a vote on an amendment"))
        .when(pl.col("_para") == 1)
        .then(pl.lit("a vote on a paragraph"))
        .otherwise(pl.lit("a vote"))
    )
    on = (
        pl.when(pl.col("_symbol").fill_null("") != "")
        .then(pl.format(" on {}", "_symbol"))
        .otherwise(pl.lit(""))
    )
    issues = (
        pl.when(pl.col("_issues").list.len().fill_null(0) > 0)
        .then(pl.format(" Issues: {}.", pl.col("_issues").list.join(", ")))
        .otherwise(pl.lit(""))
    )
    description = pl.col("_descr").str.strip_chars().fill_null("")
    return (
        pl.format("Roll call {}{}: {}. {}", "_id", on, kind, description).str.strip_chars() + issues
    )


_SOURCES: dict[Layout, str] = {
    "unvotes": "unvotes tables (Voeten, Harvard Dataverse hdl:1902.1/12379), rcid {}",
    "voeten": "Voeten, UNVotes.csv (Harvard Dataverse hdl:1902.1/12379), rcid {}",
    "undl": "UN Digital Library, General Assembly Voting Data, undl_id {}",
}


def _typed(frame: pl.DataFrame, table: str, given: dict[str, pl.Expr | pl.Series]) -> pl.DataFrame:
    """``frame`` as one table: the given columns cast, the others their declared defaults."""
    declared = TABLES[table]
    typed = frame.select(**given).select(_with_defaults(table, tuple(given)))
    return typed if typed.schema == declared.schema() else typed.cast(declared.schema())


@cache
def _with_defaults(table: str, given: tuple[str, ...]) -> tuple[pl.Expr, ...]:
    """Every column of ``table``: the given ones as they are, the others their declared
    defaults. Made once: the default of a typed column takes tens of microseconds."""
    return tuple(TABLES[table].with_defaults(given))


# Of the table's own types, so that it needs no cast.
_DOCUMENTS = TABLES["documents"].schema()


def _documents(calls: pl.DataFrame, layout: Layout) -> pl.DataFrame:
    title = pl.coalesce(
        pl.col("_title").str.strip_chars().replace("", None),
        pl.col("_descr").str.strip_chars().replace("", None),
        pl.format("Roll call {}", "_id"),
    )
    return _typed(
        calls,
        "documents",
        {
            "document_id": pl.col("document_id"),
            "kind": pl.lit("statement", dtype=_DOCUMENTS["kind"]),
            "title": title,
            "date": pl.col("_day"),
            "date_precision": pl.lit("day", dtype=_DOCUMENTS["date_precision"]),
            "issuer": pl.lit(FORUM),
            "forum": pl.lit(FORUM),
            "note": _what(layout),
            "sources": pl.concat_list(pl.format(_SOURCES[layout], "_id")),
        },
    )


def _check_vote_rows(
    votes: pl.DataFrame, layout: Layout, problems: _Problems
) -> tuple[pl.DataFrame, int]:
    """Votes with their roll-call number (``_id``) and ``vote`` checked, the bad ones
    reported (no roll call is needed for these). Also the number of rows of states that
    were not members."""
    votes = _numbered(votes, problems)
    if layout != "unvotes":
        votes = problems.drop(votes, day("_row_date").is_null(), _date_problem("_row_date"))
    not_members = 0
    if layout == "voeten":
        member = pl.col("_vote") != _NOT_A_MEMBER
        not_members = votes.height - int(votes.select(member.fill_null(value=True).sum()).item())
        votes = votes.filter(member.fill_null(value=True))
    codes = VOTE_CODES[layout]
    votes = problems.drop_null(
        votes,
        "vote",
        pl.format(
            "unknown vote code '{}': the codes are {}",
            pl.col("_vote").fill_null(""),
            pl.lit(", ".join(code or "blank" for code in codes)),
        ),
    )
    return votes, not_members


def _match_calls(
    votes: pl.DataFrame, calls: pl.DataFrame, skipped_calls: set[int], problems: _Problems
) -> tuple[pl.DataFrame, str, pl.DataFrame]:
    """Votes with the key of their roll call, the name of that key, and the roll calls'
    ``document_id`` and ``_day`` by key (a row for each key from 0).

    The key is the vote's number (``_id``) when every number is one of a roll call and
    they are few enough to index an array by (a roll call's number is its place in a
    record): the votes need no column more. Otherwise it is the row of its roll call
    (``_call``), and a vote of no roll call is reported, but only counted when its roll
    call was skipped as bad.
    """
    index = call_index(votes["_id"], calls["_id"]) if votes.height and calls.height else None
    if index is not None and index[1] == 0 and all_known(votes["_id"], index[0]):
        return votes, "_id", calls.select("document_id", "_day")[with_none(index[0])]
    votes = votes.with_columns(call_rows(votes["_id"], calls["_id"]).alias("_call"))
    if votes["_call"].null_count() and skipped_calls:
        of_skipped = pl.col("_call").is_null() & pl.col("_id").is_in(list(skipped_calls))
        problems.skipped_votes = int(votes.select(of_skipped.sum()).item())
        votes = votes.filter(~of_skipped)
    votes = problems.drop_null(
        votes, "_call", pl.format("roll call {} is not among the roll calls", "_id")
    )
    return votes, "_call", calls.select("document_id", "_day")


def _unresolved(
    file: str, lines: dict[str, pl.Series], encoding: str | None
) -> tuple[Unresolved, ...]:
    """The names left unresolved, each with its count of votes and its first lines."""
    return tuple(
        Unresolved(
            file,
            name,
            found.len(),
            tuple(file_lines(file, found.sort().head(_SHOWN_LINES).cast(pl.Int64), encoding)),
        )
        for name, found in sorted(lines.items())
    )


def _signatures(
    votes: pl.DataFrame,
    left_out: pl.Series,
    key: str,
    document_ids: pl.Series,
    helper: Executor,
    problems: _Problems,
    file: str,
) -> pl.DataFrame:
    """The signatures table of the votes but those ``left_out`` (their rows): one row
    per member's vote, numbered in the order of the file (:func:`positions`), with the
    id of its roll call's document (``document_ids`` by the ``key`` of its roll call).

    A member who votes twice in a roll call has none of those votes loaded: each is
    reported. The helper gathers the table's text (of the columns it needs, of the
    votes kept) while this thread looks for a repeated member and numbers the votes,
    in arrays of numpy kept from one read to the next (:mod:`sanctions_tracker._scratch`).
    """
    needed = _kept(votes.select(key, "_code", "vote"), left_out)
    gathering = helper.submit(_signature_table, needed, key, document_ids)
    if not repeats(votes[key], votes["_code"]):
        places = positions(needed[key])  # while the helper gathers
        return gathering.result().with_columns(places.alias("position"))
    votes = problems.drop(
        _kept(votes, left_out).with_columns(pl.lit(file).alias("_file")),
        pl.len().over("_id", "_code") > 1,
        pl.format(
            "{} votes more than once in roll call {}: none of its votes there is loaded",
            "_code",
            "_id",
        ),
        pl.col("_line").min().over("_id", "_code"),
    )
    return _signature_table(votes, key, document_ids).with_columns(
        positions(votes["_id"]).alias("position")
    )


def _kept(frame: pl.DataFrame, left_out: pl.Series) -> pl.DataFrame:
    """The rows of ``frame`` but those ``left_out`` (their numbers, in order). When
    they are few (a handful of votes of unresolved names in a million), the rows
    between them are slices of the columns, with no copy; a filter copies every column.

    >>> frame = pl.DataFrame({"n": [1, 2, 3, 4, 5]})
    >>> part = _kept(frame, pl.Series([1, 4]))
    >>> part["n"].to_list(), part.n_chunks()
    ([1, 3, 4], 2)
    """
    if left_out.is_empty():
        return frame
    if left_out.len() > _FEW_LEFT_OUT:
        kept = np.ones(frame.height, dtype=np.bool_)
        kept[left_out.to_numpy()] = False
        return frame.filter(pl.Series(kept))
    edges = [-1, *left_out.to_list(), frame.height]
    parts = [frame.slice(a + 1, b - a - 1) for a, b in itertools.pairwise(edges) if b - a > 1]
    return pl.concat(parts, rechunk=False) if parts else frame.clear()


# The most rows left out as slices between them (each a block more of every column).
_FEW_LEFT_OUT = 64


def _signature_table(votes: pl.DataFrame, key: str, document_ids: pl.Series) -> pl.DataFrame:
    """The signatures table of ``votes``, but for each vote's ``position`` (a 0), with
    the id of each one's document (``document_ids`` by its roll call's ``key``).

    The text columns are gathered as expressions of one select, side by side.
    """
    return _typed(
        votes,
        "signatures",
        {
            "document_id": pl.lit(document_ids).gather(pl.col(key)),
            "position": pl.lit(0, dtype=pl.Int32),
            "party_kind": pl.lit("country", dtype=TABLES["signatures"].schema()["party_kind"]),
            # The code as text: each row's category, gathered (no cast of a million).
            "party": pl.lit(country_dtype().categories).gather(pl.col("_code").to_physical()),
            "country": pl.col("_code"),
            "vote": pl.col("vote"),
        },
    )


def _counts(votes: pl.Series) -> dict[str, int]:
    """How many votes of each kind: a count of each code among the bytes of the Enum.

    >>> _counts(pl.Series(["for", "against", "for"], dtype=pl.Enum(VOTES)))
    {'for': 2, 'against': 1}
    """
    codes = votes.to_physical().to_numpy()
    counts = (int(np.count_nonzero(codes == place)) for place in range(len(VOTES)))
    return {vote: n for vote, n in zip(VOTES, counts, strict=True) if n}


def _checked_calls(problems: _Problems, calls: pl.DataFrame) -> tuple[pl.DataFrame, set[int]]:
    """The good roll calls with their document ids, and the numbers of those skipped."""
    good = _document_ids(_check_calls(calls, problems))
    skipped: set[int] = set()
    if good.height < calls.height:  # the roll calls skipped, whose votes are not reported
        all_ids = set(calls.select(_number(calls, "_rcid")).to_series().drop_nulls().to_list())
        skipped = all_ids - set(good["_id"].to_list())
    return good, skipped


def read_votes(
    *paths: PathLike,
    layout: Layout | None = None,
    strict: bool = True,
    progress: Callable[[str], None] | None = None,
    encoding: str | None = None,
) -> VotesImport:
    """Read roll-call votes into the documents and signatures tables, with a summary.

    Args:
        paths: The files (or a folder of them): the unvotes tables (votes and roll
            calls, issues optional), Voeten's ``UNVotes.csv``, or the UN Digital
            Library's voting data.
        layout: ``unvotes``, ``voeten`` or ``undl``; by default told by the columns.
        strict: Raise for any bad row (the default); with False, skip bad rows and
            list them in the summary.
        progress: Called with the name of each stage as the read reaches it.
        encoding: A Python codec (``cp1252``) for files saved neither as UTF-8 nor as
            UTF-16 or UTF-32 with a byte order mark.

    Returns:
        The tables, and a :class:`VotesSummary` with the unresolved names by file and line.

    Raises:
        DataFormatError: a file is missing, unreadable, or of no known layout.
        ValidationError: with ``strict``, every bad row by file and line (an unknown
            vote code, a member voting twice in one roll call, a missing date, a
            malformed symbol, a vote of an unknown roll call).

    >>> read_votes("nowhere.csv")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: nowhere.csv: no such file: give the path ...
    """
    report = progress or (lambda stage: None)
    # A second thread reads and works on what the votes do not need, beside this one.
    return _read_votes(paths, layout, strict, report, encoding, _threads.helper())


def _read_votes(
    paths: tuple[PathLike, ...],
    layout: Layout | None,
    strict: bool,
    report: Callable[[str], None],
    encoding: str | None,
    helper: Executor,
) -> VotesImport:
    report("reading the files")
    problems = _Problems(encoding)
    # The helper checks the roll calls as soon as it has read them, while this thread
    # reads the votes; then it makes their documents, while this one works on the votes.
    found, checking, votes = read_layout(
        paths, layout, encoding, helper, lambda _, calls: _checked_calls(problems, calls)
    )
    votes_file = str(votes["_file"][0]) if votes.height else ""
    report("checking the votes")
    votes, not_members = _check_vote_rows(votes, found, problems)
    unknown = unknown_votes(votes)
    good, skipped = checking.result()
    documenting = helper.submit(_documents, good, found)
    checked = votes.height
    votes, key, by_key = _match_calls(votes, good, skipped, problems)
    report("reading the members")
    votes, by_name = member_votes(
        votes, key, by_key["_day"], unknown if votes.height == checked else unknown_votes(votes)
    )
    report("building the tables")
    # The votes of unresolved names are left out.
    unresolved = _unresolved(votes_file, by_name.unresolved, encoding)
    signatures = _signatures(
        votes, by_name.left_out, key, by_key["document_id"], helper, problems, votes_file
    )
    listed = problems.listed()
    if strict and listed:
        shown = list(listed[:100])
        more = f"{len(listed) - 100} more problems; " if len(listed) > 100 else ""
        fix = SKIP_BAD_ROWS.python
        raise ValidationError([*shown, Problem("", more + fix)])
    summary = VotesSummary(
        found,
        roll_calls=good.height,
        votes=signatures.height,
        by_vote=_counts(signatures["vote"]),
        whole=good.height - good["_whole"].null_count(),
        amendments=int((good["_amend"] == 1).sum()),
        paragraphs=int((good["_para"] == 1).sum()),
        historic=by_name.read,
        unresolved=unresolved,
        not_members=not_members,
        problems=listed,
        votes_of_skipped_calls=problems.skipped_votes,
    )
    return VotesImport(documenting.result(), signatures, summary)
