"""Read an EU consolidated sanctions annex (the CSV OpenSanctions extracts from EUR-Lex).

Each row lists one person or entity in one annex of a Council Regulation, with the
date of its listing (``startDate``, written ``d.m.yyyy``), the measure of that annex
and the reasons. The rows become designations of one regime (``EU-BLR`` for
Regulation (EC) No 765/2006), and the regime record comes with them: the EU as
authority, the target country, the legal basis and the measures of the annexes.

The regime's establishment stays unknown (null): listings carried over from earlier
acts predate the regulation (the first ``EU-BLR`` listings are of 2004, the
regulation of 2006), and no date is invented.

>>> import io
>>> annex = io.StringIO(
...     "celex,recordId,programKey,annex,measure,startDate,reason,schema,name\\n"
...     "32006R0765,1,EU-BLR,I.A,Asset freeze,6.11.2020,President.,Person,Aliaksandr LUKASHENKA\\n"
... )
>>> result = read_eu_annex(annex)
>>> designations = result.tables.designations
>>> designations.select("designation_id", "target_name", "listed_on").rows()
[('EU-BLR/I.A/1', 'Aliaksandr LUKASHENKA', datetime.date(2020, 11, 6))]
>>> result.tables.regimes.select("authority", "target", "measures").row(0)
('EU', 'BY', ['asset freeze'])

:func:`read_eu_annex` returns tables and a summary;
:func:`sanctions_tracker.import_eu_annex` makes a Dataset of them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

import polars as pl

from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import date_error
from sanctions_tracker.errors import DataFormatError, InvalidDateError
from sanctions_tracker.io._csvtext import read_csv_text
from sanctions_tracker.io._imports import (
    ImportedTables,
    ImportSummary,
    Issue,
    derived_actions,
    described,
)
from sanctions_tracker.records import MEASURES
from sanctions_tracker.tables import schema

__all__ = ["read_eu_annex"]

#: What the annex itself does not say about the regimes we know.
KNOWN_REGIMES: dict[str, tuple[str, str, str]] = {
    # regime id: (target, name, legal basis)
    "EU-BLR": (
        "BY",
        "EU restrictive measures in respect of Belarus",
        "Council Regulation (EC) No 765/2006",
    ),
}

_REQUIRED = ("programKey", "annex", "measure", "startDate", "reason", "schema", "name")
_OPTIONAL = ("celex", "recordId")
_KINDS = {
    "Person": "person",
    "LegalEntity": "organization",
    "Organization": "organization",
    "Company": "organization",
}
_DATE_FORMATS = ("%d.%m.%Y", "%d %B %Y", "%Y-%m-%d")
_NOTE = "derived from the start dates of the EU consolidated annex"


def _read_csv(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], encoding: str | None
) -> pl.DataFrame:
    name = str(source) if isinstance(source, str | os.PathLike) else "the annex"
    if isinstance(source, str | os.PathLike):
        if not Path(source).is_file():
            raise DataFormatError("no such file: give the path of the annex CSV", file=name)
        try:
            data: str | bytes = Path(source).read_bytes()
        except OSError as err:
            raise DataFormatError(f"cannot be read: {err.strerror or err}", file=name) from None
    else:
        data = source.read()
    frame = read_csv_text(data, name=name, columns=(*_REQUIRED, *_OPTIONAL), encoding=encoding)
    missing = [column for column in _REQUIRED if column not in frame.columns]
    if missing:
        raise DataFormatError(
            f"missing columns {missing}: an EU annex has {', '.join(_REQUIRED)} (separated "
            f"by commas, semicolons or tabs); the header has "
            f"{', '.join(frame.columns) or 'no columns'}",
            file=name,
        )
    return frame.with_columns(pl.all().fill_null(""))


def _line_numbers(frame: pl.DataFrame) -> pl.Expr:
    """The line each row starts on, counting the line breaks inside quoted fields."""
    breaks = pl.sum_horizontal(
        pl.col(column).fill_null("").str.count_matches("\n") for column in frame.columns
    )
    return (pl.int_range(pl.len()) + 2 + breaks.cum_sum().shift(1, fill_value=0)).cast(pl.Int64)


def _start_problem(raw: str) -> str:
    """What is wrong with a start date, in the one date parser's words, and the annex's form.

    >>> print(_start_problem("31.2.2020"))
    '31.2.2020' is not a date: day 31 is not in 2020-02; write d.m.yyyy
    """
    error = date_error(raw.strip())
    reason = None if error is None else error.reason
    return str(InvalidDateError(raw, reason=reason, advice="d.m.yyyy"))


def _listed_on(frame: pl.DataFrame) -> pl.DataFrame:
    raw = pl.col("startDate").str.strip_chars()
    parsed = pl.coalesce(
        [raw.str.strptime(pl.Date, format, strict=False) for format in _DATE_FORMATS]
    )
    return frame.with_columns(
        parsed.alias("listed_on"),
        pl.when(parsed.is_not_null()).then(pl.lit("day")).alias("listed_on_precision"),
    )


def read_eu_annex(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    regime_id: str = "EU-BLR",
    *,
    target: Country | str | None = None,
    actions: bool = True,
    encoding: str | None = None,
) -> ImportedTables:
    """Read an EU consolidated annex CSV into the designations of one regime.

    The arguments are those of :func:`sanctions_tracker.import_eu_annex`, which makes a
    Dataset of what this returns: the tables (the regime, its designations and
    actions), not yet validated, and the summary.

    Designation ids are ``<regime>/<annex>/<recordId>``, or ``<regime>/<annex>/#<n>``
    (the row's place in its annex) when the row has no record id. A row whose
    ``schema`` is not a person or an entity (an ``Asset``, such as a digital currency)
    is skipped and reported; a start date that is not a date is reported and the
    designation imported without it.

    The file is read as the other CSV readers read theirs: UTF-8 with or without a byte
    order mark, UTF-16 with one, or ``encoding``; its delimiter is the comma, semicolon
    or tab that splits the header into the annex's columns.

    Raises:
        DataFormatError: the file cannot be decoded (naming the byte offset and the
            fix) or read as CSV, or lacks a column.

    >>> read_eu_annex("nowhere.csv")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: nowhere.csv: no such file: give the path ...
    """
    frame = _read_csv(source, encoding)
    known_target, name, legal_basis = KNOWN_REGIMES.get(regime_id, (None, regime_id, ""))
    if target is not None:
        known_target = target.code if isinstance(target, Country) else resolve_country(target).code
    if "recordId" not in frame.columns:
        frame = frame.with_columns(pl.lit("").alias("recordId"))
    frame = frame.with_columns(_line_numbers(frame).alias("line"))
    rows_read = frame.height
    schemata = dict(
        frame.group_by(pl.col("schema").fill_null("").str.strip_chars()).len().iter_rows()
    )
    frame = frame.with_columns(
        pl.col(c).str.strip_chars() for c in ("recordId", "programKey", "annex", "schema", "name")
    ).with_columns(
        pl.when(pl.col("recordId") != "")
        .then(pl.format("{}/{}/{}", pl.lit(regime_id), "annex", "recordId"))
        .otherwise(
            pl.format(
                "{}/{}/#{}",
                pl.lit(regime_id),
                "annex",
                pl.int_range(1, pl.len() + 1).over("annex"),
            )
        )
        .alias("id"),
        pl.col("schema").replace_strict(_KINDS, default=None).alias("target_kind"),
    )
    issues: list[Issue] = []

    def report(rows: pl.DataFrame, message: pl.Expr, *, skipped: bool = True) -> None:
        for line, text, row_id in rows.select("line", message, "id").rows():
            issues.append(Issue(line, text, entity_id=row_id, skipped=skipped))

    other = frame.filter(pl.col("programKey") != regime_id)
    report(other, pl.format("programKey '{}' is not {}", "programKey", pl.lit(regime_id)))
    frame = frame.filter(pl.col("programKey") == regime_id)
    not_target = frame.filter(pl.col("target_kind").is_null())
    report(not_target, pl.format("schema '{}' is not a person or an entity", "schema"))
    frame = frame.filter(pl.col("target_kind").is_not_null())
    nameless = frame.filter(pl.col("name") == "")
    report(nameless, pl.lit("no name"))
    frame = frame.filter(pl.col("name") != "")

    frame = _listed_on(frame)
    bad_dates = frame.filter(pl.col("listed_on").is_null() & (pl.col("startDate") != ""))
    report(
        bad_dates,
        pl.concat_str(
            pl.lit("startDate "), described("startDate", bad_dates["startDate"], _start_problem)
        ),
        skipped=False,
    )
    measure = pl.col("measure").str.strip_chars().str.to_lowercase()
    unknown_measure = frame.filter(~measure.is_in(list(MEASURES)) & (measure != ""))
    report(
        unknown_measure,
        pl.format("measure '{}' is not one we know: the regime records it as 'other'", "measure"),
        skipped=False,
    )
    measures = (
        frame.select(
            pl.when(measure.is_in(list(MEASURES))).then(measure).otherwise(pl.lit("other"))
        )
        .to_series()
        .unique()
        .sort()
        .to_list()
    )

    designations = frame.select(
        pl.col("id").alias("designation_id"),
        pl.lit(regime_id).alias("regime_id"),
        "target_kind",
        pl.lit(None, dtype=pl.String).alias("target_id"),
        pl.col("name").alias("target_name"),
        pl.lit(None).alias("target_country"),
        pl.lit([], dtype=pl.List(pl.String)).alias("target_identifiers"),
        "listed_on",
        "listed_on_precision",
        pl.lit(None).alias("delisted_on"),
        pl.lit(None).alias("delisted_on_precision"),
        pl.col("reason").str.strip_chars(),
        pl.lit([], dtype=pl.List(pl.String)).alias("sources"),
        pl.lit([], dtype=pl.List(pl.String)).alias("nationalities"),
    ).cast(schema("designations"))
    celex = frame["celex"].drop_nulls().unique().sort().to_list() if "celex" in frame else []
    sources = [f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{c}" for c in celex if c]
    regimes = pl.DataFrame(
        [
            {
                "regime_id": regime_id,
                "name": name,
                "authority_kind": "bloc",
                "authority": "EU",
                "target": known_target,
                "other_targets": [],
                "legal_basis": legal_basis,
                "measures": measures,
                "note": "",
                "sources": sources,
            }
        ],
        schema={
            column: dtype
            for column, dtype in schema("regimes").items()
            if column not in {"established_on", "lifted_on"} and not column.endswith("precision")
        },
    ).with_columns(
        pl.lit(None).alias(column)
        for column in (
            "established_on",
            "established_on_precision",
            "lifted_on",
            "lifted_on_precision",
        )
    )
    regimes = regimes.select(schema("regimes").names()).cast(schema("regimes"))
    tables = {"regimes": regimes, "designations": designations}
    if actions:
        tables["actions"] = derived_actions(designations, _NOTE)

    summary = ImportSummary(
        lines=rows_read,
        schemata=schemata,
        imported_schemata=tuple(_KINDS),
        designations=designations.height,
        regimes=regimes.height,
        actions=tables["actions"].height if actions else 0,
        untargeted=() if known_target is not None else (regime_id,),
        issues=tuple(sorted(issues, key=lambda issue: issue.line)),
    )
    return ImportedTables.of(tables, summary)
