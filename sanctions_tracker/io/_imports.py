"""What the readers of foreign formats share: their result, their report, a few polars helpers.

A reader returns :class:`ImportedTables`: the tables it made and an
:class:`ImportSummary`. It never builds the Dataset (the caller does, one layer up:
see :mod:`sanctions_tracker.importers`). An import never drops data silently: every
line or row it skips, and every value it leaves out, becomes an :class:`Issue` with its
line number in the summary.

>>> issue = Issue(7, "not JSON: Expecting value", skipped=True)
>>> str(issue)
'line 7: not JSON: Expecting value (skipped)'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import polars as pl

from sanctions_tracker._words import plural
from sanctions_tracker.columns import PRECISION, read_date_text
from sanctions_tracker.dates import DATE_FORMS, ISO_DATE, date_error
from sanctions_tracker.errors import InvalidDateError
from sanctions_tracker.tables import TABLE_NAMES, Tables, schema_frame

__all__ = ["ImportSummary", "ImportedTables", "Issue", "problem_lines"]

# The forms parse_date reads, and the time of day FollowTheMoney may add, which is ignored.
_TIME = r"T[0-9:.+\-Z]*$"
_ISO_DATE = ISO_DATE.pattern.removesuffix("$") + f"(?:{_TIME.removesuffix('$')})?$"


@attrs.frozen
class Issue:
    """One problem of an input: where it is, what is wrong, and whether its record was skipped.

    A record that is not skipped was imported without the value the message names.

    >>> str(Issue(12, "startDate '2020-13-45' is not a date", entity_id="s1", skipped=False))
    "line 12 [s1]: startDate '2020-13-45' is not a date (imported without it)"
    """

    line: int
    message: str
    entity_id: str | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = (
            f"line {self.line}"
            if self.entity_id is None
            else f"line {self.line} [{self.entity_id}]"
        )
        outcome = "skipped" if self.skipped else "imported without it"
        return f"{where}: {self.message} ({outcome})"


def _pairs(value: Mapping[str, int] | tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(items, key=lambda item: (-item[1], item[0])))


def problem_lines(heading: str, problems: Sequence[object]) -> list[str]:
    """The closing lines of an import's summary: ``heading`` and each problem, or none.

    >>> problem_lines("1 problem:", ["line 3: no date"])
    ['1 problem:', '  line 3: no date']
    >>> problem_lines("0 problems:", [])
    ['no problems']
    """
    if not problems:
        return ["no problems"]
    return [heading, *(f"  {problem}" for problem in problems)]


@attrs.frozen
class ImportSummary:
    """What an import read, what it made of it, and everything it skipped or left out.

    >>> summary = ImportSummary(lines=3, schemata={"Sanction": 1, "Person": 1, "Vessel": 1},
    ...                         imported_schemata=("Person", "Sanction"), designations=1,
    ...                         regimes=1, actions=0, untargeted=("GB-RUS",), issues=())
    >>> summary.count("Person"), summary.not_imported
    (1, (('Vessel', 1),))
    >>> print(summary)
    3 lines: Person 1, Sanction 1, Vessel 1
    1 designation in 1 regime, 0 actions
    not imported: Vessel 1
    1 regime without a target: GB-RUS
    no problems
    """

    lines: int
    schemata: tuple[tuple[str, int], ...] = attrs.field(converter=_pairs)
    imported_schemata: tuple[str, ...]
    designations: int
    regimes: int
    actions: int
    untargeted: tuple[str, ...]
    issues: tuple[Issue, ...]
    #: The regimes whose programme the registry lacks: their ids are made from the stream.
    unknown_programmes: tuple[str, ...] = ()
    #: (authority, targets separated by spaces, regime ids) for each authority and targets.
    by_authority: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    #: The Sanctions on things that are not persons or organisations (vessels, aircraft,
    #: securities), by schema: valid lines, but no designations.
    not_designations: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_pairs)

    def count(self, schema: str) -> int:
        """How many records of one schema the input held."""
        return dict(self.schemata).get(schema, 0)

    @property
    def not_imported(self) -> tuple[tuple[str, int], ...]:
        """The schemata read but not imported (unknown or of no use here), with their counts."""
        return tuple(item for item in self.schemata if item[0] not in self.imported_schemata)

    @property
    def skipped(self) -> tuple[Issue, ...]:
        """The issues whose record was skipped."""
        return tuple(issue for issue in self.issues if issue.skipped)

    def __str__(self) -> str:
        counts = ", ".join(f"{schema} {n}" for schema, n in self.schemata) or "nothing"
        lines = [
            f"{plural(self.lines, 'line')}: {counts}",
            (
                f"{plural(self.designations, 'designation')} in {plural(self.regimes, 'regime')}, "
                f"{plural(self.actions, 'action')}"
            ),
        ]
        if self.not_imported:
            lines.append("not imported: " + ", ".join(f"{s} {n}" for s, n in self.not_imported))
        if self.not_designations:
            lines.append(
                f"{plural(sum(n for _, n in self.not_designations), 'Sanction')} on entities "
                "that are not persons or organisations were not imported as designations: "
                + ", ".join(f"{s} {n}" for s, n in self.not_designations)
            )
        if self.untargeted:
            lines.append(
                f"{plural(len(self.untargeted), 'regime')} without a target: "
                + ", ".join(self.untargeted)
            )
        if self.unknown_programmes:
            lines.append(
                f"{plural(len(self.unknown_programmes), 'regime')} of programmes the registry "
                "lacks: " + ", ".join(self.unknown_programmes)
            )
        if self.by_authority:
            lines.append("programmes by authority and target:")
            lines.extend(
                f"  {authority} -> {targets or '(no target)'}: {', '.join(ids)}"
                for authority, targets, ids in self.by_authority
            )
        heading = f"{plural(len(self.issues), 'problem')} ({len(self.skipped)} skipped):"
        return "\n".join([*lines, *problem_lines(heading, self.issues)])


@attrs.frozen
class ImportedTables:
    """What a reader of a foreign format made: the tables, not yet validated, and its summary.

    ``Dataset.from_tables(result.tables)`` validates them into a Dataset.

    >>> result = ImportedTables.of({}, ImportSummary(0, {}, (), 0, 0, 0, (), ()))
    >>> result.tables.designations.height, result.summary.lines
    (0, 0)
    """

    tables: Tables
    summary: ImportSummary

    @classmethod
    def of(cls, frames: Mapping[str, pl.DataFrame], summary: ImportSummary) -> ImportedTables:
        """The tables from the frames a reader made; the tables it does not make are empty."""
        return cls(
            Tables(
                **{
                    name: frames[name] if name in frames else schema_frame(name)
                    for name in TABLE_NAMES
                }
            ),
            summary,
        )


def iso_partial_date(raw: str, out: str) -> list[pl.Expr]:
    """Expressions for ``out`` (first day) and ``out_precision`` from ISO text in ``raw``.

    ``YYYY``, ``YYYY-MM`` and ``YYYY-MM-DD`` (with an optional time, ignored) are read;
    anything else gives nulls, which callers report.

    >>> frame = pl.DataFrame({"raw": ["2020", "2020-09", "2020-09-17T00:00:00", "2020-13"]})
    >>> frame.select(iso_partial_date("raw", "d")).rows()[:3]
    [(datetime.date(2020, 1, 1), 'year'), (datetime.date(2020, 9, 1), 'month'),
     (datetime.date(2020, 9, 17), 'day')]
    >>> frame.select(iso_partial_date("raw", "d")).row(3)
    (None, None)
    """
    first, precision = read_date_text(pl.col(raw).str.strip_chars(), _ISO_DATE)
    return [first.alias(out), precision.cast(PRECISION).alias(f"{out}_precision")]


def iso_date_problem(raw: str) -> str:
    """What is wrong with a date that :func:`iso_partial_date` did not read.

    >>> print(iso_date_problem("2020-13-01T00:00:00"))
    '2020-13-01T00:00:00' is not a date: month 13 is not between 1 and 12;
    write YYYY, YYYY-MM or YYYY-MM-DD
    """
    error = date_error(re.sub(_TIME, "", raw.strip()))
    reason = None if error is None else error.reason
    return str(InvalidDateError(raw, reason=reason, advice=DATE_FORMS))


def described(column: str, values: Iterable[str], describe: Callable[[str], str]) -> pl.Expr:
    """``column`` with each of ``values`` replaced by ``describe(value)``: a message each.

    The readers find their few bad values with polars, then say what is wrong with each
    in Python, through the one date parser.

    >>> bad = pl.DataFrame({"raw": ["soon", "soon"]})
    >>> bad.select(described("raw", bad["raw"], str.upper))["raw"].to_list()
    ['SOON', 'SOON']
    """
    mapping = {value: describe(value) for value in set(values)}
    return pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String)


def derived_actions(designations: pl.DataFrame, note: str) -> pl.DataFrame:
    """One ``amend`` action per regime and listing date, naming the designations of that day.

    >>> import datetime as dt
    >>> d = pl.DataFrame({"designation_id": ["a", "b"], "regime_id": ["R", "R"],
    ...                   "listed_on": [dt.date(2020, 10, 2)] * 2,
    ...                   "listed_on_precision": ["day", "day"]},
    ...                  schema_overrides={"listed_on_precision": PRECISION})
    >>> derived_actions(d, "derived").select("regime_id", "designations").rows()
    [('R', ['a', 'b'])]
    """
    day = ("regime_id", "listed_on", "listed_on_precision")
    # Sorted first, the days come out in order and their designations sorted, which is
    # cheaper than sorting each day's and then the days.
    return (
        designations.filter(pl.col("listed_on").is_not_null())
        .select(*day, "designation_id")
        .sort(*day, "designation_id")
        .group_by(*day, maintain_order=True)
        .agg(pl.col("designation_id").alias("designations"))
        .select(
            "regime_id",
            pl.col("listed_on").alias("date"),
            pl.col("listed_on_precision").alias("date_precision"),
            pl.lit("amend").alias("kind"),
            pl.lit("").alias("legal_reference"),
            "designations",
            pl.col("designations").list.len().cast(pl.Int64).alias("designation_count"),
            pl.lit(note).alias("note"),
            pl.lit([], dtype=pl.List(pl.String)).alias("sources"),
        )
    )
