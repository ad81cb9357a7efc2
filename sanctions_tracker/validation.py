"""Every check of a dataset as polars expressions, so that a million rows validate at once.

:func:`validate` returns the problems of a set of tables, each with its path in the
dataset (``statements['x'].signatures[7]``) and, for tables read from files, the
row number. A :class:`~sanctions_tracker.Dataset` raises them all as one
:class:`~sanctions_tracker.ValidationError`.

>>> from sanctions_tracker.records import JointStatement, Letter
>>> from sanctions_tracker.tables import records_to_tables
>>> t = records_to_tables(statements=[JointStatement("a", "A", "2020")],
...                       letters=[Letter("a", "B", "2020")])
>>> [str(p) for p in validate(t)]
["letters['a']: duplicate document id 'a' (first given in documents row 1)"]
"""

from __future__ import annotations

from functools import cache

import attrs
import polars as pl

from sanctions_tracker.columns import TABLE_NAMES, TABLES, country_dtype, date_text, last_day
from sanctions_tracker.errors import Problem
from sanctions_tracker.records import MEASURES
from sanctions_tracker.regions import region_codes
from sanctions_tracker.tables import Tables

__all__ = ["validate"]

_ROW = "_row"
_NO_ROW = pl.lit(None, dtype=pl.Int64)


# What makes two signatures of one document the same signatory: as for the records,
# two persons (or organisations) of one name but different ids or countries are two.
_SIGNATORY = [
    pl.col("document_id"),
    pl.col("party_kind"),
    pl.col("party"),
    pl.col("party_id"),
    pl.col("party_country"),
    pl.col("party_identifiers").list.sort().list.join("\x1f"),
]


@cache  # expressions are immutable: build each once
def _lit(text: str) -> pl.Expr:
    return pl.lit(text, dtype=pl.String)


def _str(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String)


def _items(frame: pl.LazyFrame, column: str, alias: str) -> pl.LazyFrame:
    """One row per item of a list ``column`` (as ``alias``), with its row and path."""
    return (
        frame.select(_ROW, "path", pl.col(column).alias(alias))
        .explode(alias)
        .filter(pl.col(alias).is_not_null())
    )


def _document_paths(documents: pl.LazyFrame) -> pl.LazyFrame:
    return documents.select(
        "document_id",
        pl.when(pl.col("kind") == "letter")
        .then(pl.format("letters['{}']", "document_id"))
        .otherwise(pl.format("statements['{}']", "document_id"))
        .alias("path"),
    ).unique("document_id", keep="first")


def _paths(tables: dict[str, pl.LazyFrame]) -> dict[str, pl.LazyFrame]:
    """Each table with a ``path`` column naming its rows as a reader of records would."""
    documents = tables["documents"]
    # A signature's path needs a join with its document: it is named only for the rows
    # that have a problem (see _name_signatures), not for a million valid ones.
    signatures = tables["signatures"].with_columns(pl.lit(None, dtype=pl.String).alias("path"))
    return {
        "documents": documents.join(
            _document_paths(documents).rename({"path": "_first"}), on="document_id"
        ).with_columns(
            pl.when(pl.col("kind") == "letter")
            .then(pl.format("letters['{}']", "document_id"))
            .otherwise(pl.format("statements['{}']", "document_id"))
            .alias("path")
        ),
        "signatures": signatures,
        "regimes": tables["regimes"].with_columns(
            pl.format("regimes['{}']", "regime_id").alias("path")
        ),
        "actions": tables["actions"].with_columns(
            pl.format("actions[{}]", pl.col(_ROW) - 1).alias("path")
        ),
        "designations": tables["designations"].with_columns(
            pl.format("designations['{}']", "designation_id").alias("path")
        ),
        "alignments": tables["alignments"].with_columns(
            pl.format("alignments[{}]", pl.col(_ROW) - 1).alias("path")
        ),
        "blocs": tables["blocs"].with_columns(pl.format("blocs['{}']", "bloc").alias("path")),
        "memberships": tables["memberships"].with_columns(
            pl.format("blocs['{}'].memberships[{}]", "bloc", "country").alias("path")
        ),
    }


def _signature_paths(signatures: pl.LazyFrame, documents: pl.LazyFrame) -> pl.LazyFrame:
    """``statements['x'].signatures[3]`` for each signature row (by ``_row``)."""
    return (
        signatures.drop("path", strict=False)
        .join(_document_paths(documents), on="document_id", how="left")
        .select(
            pl.col(_ROW).cast(pl.Int64),
            pl.when(pl.col("path").is_null())
            .then(pl.format("signatures[{}]", pl.col(_ROW) - 1))
            .otherwise(pl.format("{}.signatures[{}]", "path", "position"))
            .alias("_signature_path"),
        )
    )


def _name_signatures(found: pl.DataFrame, lazy: dict[str, pl.LazyFrame]) -> pl.DataFrame:
    """Fill in the paths of the signature rows among the problems."""
    rows = found.filter(pl.col("table") == "signatures").select(_ROW).unique()
    if rows.height == 0:
        return found
    chosen = _one_chunk(
        lazy["signatures"].join(
            rows.lazy().with_columns(pl.col(_ROW).cast(pl.UInt32)), on=_ROW, how="semi"
        )
    )
    paths = _signature_paths(chosen, lazy["documents"]).collect()
    return (
        found.join(paths, on=_ROW, how="left")
        .with_columns(
            pl.when(pl.col("table") == "signatures")
            .then(pl.col("_signature_path"))
            .otherwise(pl.col("path"))
            .alias("path")
        )
        .drop("_signature_path")
    )


@attrs.frozen(eq=False)
class _Check:
    """One check: the rows of ``frame`` where ``condition`` holds have a problem."""

    frame: pl.LazyFrame
    table: str
    condition: pl.Expr
    message: pl.Expr
    first: pl.Expr | None = None  # the row where a duplicate was first given


def _problems(
    frame: pl.LazyFrame,
    table: str,
    condition: pl.Expr,
    message: pl.Expr,
    first: pl.Expr | None = None,
) -> _Check:
    return _Check(frame, table, condition, message, first)


def _one_chunk(rows: pl.LazyFrame) -> pl.LazyFrame:
    """The rows as one chunk before their messages are formatted.

    On a frame of several chunks (one made by ``pl.concat``, or read from a Parquet
    file of several row groups), polars 2.1 can panic formatting text from the rows
    that a filter keeps. The rows with a problem are few, so this copy costs nothing
    on a valid table; copying the whole table up front would cost a tenth of a load.
    """
    return rows.map_batches(
        pl.DataFrame.rechunk,
        predicate_pushdown=True,
        projection_pushdown=True,
        slice_pushdown=True,
        streamable=True,
    )


def _plans(checks: list[_Check]) -> list[pl.LazyFrame]:
    """One query per frame, whatever the number of its checks.

    Each query costs a fixed time to plan: the checks of one frame (the documents,
    the signatures, ...) run as one, keeping the rows where any holds and then one
    message per check that holds, in the order the checks were given.
    """
    groups: dict[int, list[_Check]] = {}
    for check in checks:
        groups.setdefault(id(check.frame), []).append(check)
    plans = []
    for group in groups.values():
        first = group[0]
        messages = [
            pl.when(c.condition).then(
                pl.struct(
                    c.message.cast(pl.String).alias("message"),
                    (_NO_ROW if c.first is None else c.first).cast(pl.Int64).alias("first_row"),
                )
            )
            for c in group
        ]
        plans.append(
            _one_chunk(first.frame.filter(pl.any_horizontal(c.condition for c in group)))
            .select(
                _lit(first.table).alias("table"),
                pl.col(_ROW).cast(pl.Int64),
                pl.col("path").cast(pl.String),
                pl.concat_list(messages).alias("_problem"),
            )
            .explode("_problem")
            .filter(pl.col("_problem").is_not_null())
            .unnest("_problem")
        )
    return plans


def _required(frame: pl.LazyFrame, table: str) -> list[_Check]:
    """A problem for each row that leaves a required column empty."""
    return [
        _problems(frame, table, pl.col(c).is_null(), _lit(f"{c} is missing"))
        for c in TABLES[table].required()
    ]


def _duplicates(frame: pl.LazyFrame, table: str, key: str, what: str) -> _Check:
    marked = frame.with_columns(pl.col(_ROW).min().over(key).alias("_first_row"))
    return _problems(
        marked,
        table,
        pl.col(key).is_not_null() & (pl.col(_ROW) != pl.col("_first_row")),
        pl.format(f"duplicate {what} '{{}}'", key),
        first=pl.col("_first_row"),
    )


def _dangling(
    frame: pl.LazyFrame,
    table: str,
    column: str,
    target: pl.LazyFrame,
    target_column: str,
    what: str,
    where: pl.Expr | None = None,
) -> _Check:
    known = target.select(pl.col(target_column).alias("_known")).unique()
    scoped = frame if where is None else frame.filter(where)
    missing = scoped.join(known, left_on=column, right_on="_known", how="anti")
    return _problems(
        missing,
        table,
        pl.col(column).is_not_null(),
        pl.format(f"{column} '{{}}' names no {what}", column),
    )


def _before(frame: pl.LazyFrame, table: str, later: str, earlier: str, what: str) -> _Check:
    """``later`` certainly before ``earlier``: the whole interval ends before the other starts."""
    return _problems(
        frame,
        table,
        last_day(later) < pl.col(earlier),
        pl.format(
            f"{later} {{}} is before {earlier} {{}}: {what}", date_text(later), date_text(earlier)
        ),
    )


def _precision_checks(frame: pl.LazyFrame, table: str) -> list[_Check]:
    checks = []
    for column in TABLES[table].partial_dates():
        precision = pl.col(f"{column}_precision")
        checks.append(
            _problems(
                frame,
                table,
                pl.col(column).is_not_null() & precision.is_null(),
                _lit(f"{column} has no {column}_precision"),
            )
        )
        checks.append(
            _problems(
                frame,
                table,
                ((precision == "year") & (pl.col(column).dt.ordinal_day() != 1))
                | ((precision == "month") & (pl.col(column).dt.day() != 1)),
                pl.format(
                    f"{column} {{}} is not the first day of its {{}}",
                    pl.col(column).dt.strftime("%Y-%m-%d"),
                    precision.cast(pl.String),
                ),
            )
        )
    return checks


def _signature_checks(
    tables: Tables, signatures: pl.LazyFrame, documents: pl.LazyFrame
) -> tuple[pl.LazyFrame, dict[str, _Check]]:
    """The three costly checks of the signatures, each behind a quick test.

    A million signatures make each full check a pass over a million strings. So one
    query, run with the other checks, answers three questions cheaply, and a full
    check runs only where its answer is yes:

    - ``documents``: is some document id unknown? The ids are compared by a 64-bit
      hash, so a yes is certain and a no is wrong only if an unknown id shares its
      hash with a known one.
    - ``codes``: does some country signatory's code disagree with its ``country``
      column (or name no country)? Compared by hash and length, likewise.
    - ``twice``: may a country sign one document twice? Signatures usually come
      grouped by document (our files and records keep them so): then a document's
      run and the country's Enum code make one integer per signature, all distinct
      when no country signs twice. Signatures split into several runs of one document
      answer yes, and the full check decides.
    """
    codes = pl.Series(country_dtype().categories)
    physical = pl.col("country").to_physical()
    run = pl.col("document_id").rle_id()
    pair = run.cast(pl.UInt64) * codes.len() + physical.cast(pl.UInt64)
    is_country = pl.col("party_kind") == "country"
    named = is_country & pl.col("country").is_not_null()
    quick = tables.signatures.lazy().select(
        (
            pl.col("document_id").is_not_null()
            & ~pl.col("document_id")
            .hash(5)
            .is_in(tables.documents["document_id"].hash(5).implode())
        )
        .any()
        .alias("documents"),
        (
            is_country
            & (
                pl.col("country").is_null()
                | (pl.lit(codes.hash(3)).gather(physical) != pl.col("party").hash(3))
                | (
                    pl.lit(codes.str.len_bytes()).gather(physical)
                    != pl.col("party").str.len_bytes()
                )
            )
        )
        .any()
        .alias("codes"),
        (
            (pair.filter(named).n_unique() < named.sum())
            # More runs than documents: some document's signatures are split.
            | (
                run.max().cast(pl.Int64) + 1
                > pl.col("document_id").filter(run.diff().fill_null(1) != 0).n_unique()
            )
        ).alias("twice"),
    )
    countries = signatures.filter(is_country)
    full = {
        "documents": _dangling(
            signatures, "signatures", "document_id", documents, "document_id", "document"
        ),
        "codes": _problems(
            countries,
            "signatures",
            # A missing party is reported as such, not as an unknown code.
            pl.col("party").is_not_null()
            & (pl.col("country").is_null() | (_str("country") != pl.col("party"))),
            pl.format("party '{}' is not a known country code", "party"),
        ),
        "twice": _problems(
            countries.filter(pl.col("country").is_not_null()).with_columns(
                pl.col(_ROW).min().over("document_id", "country").alias("_first_row"),
                pl.col("position").min().over("document_id", "country").alias("_first"),
            ),
            "signatures",
            pl.col(_ROW) != pl.col("_first_row"),
            pl.format("{} signs twice (also at position {})", "party", "_first"),
        ),
    }
    return quick, full


def validate(tables: Tables, *, row_numbers: bool = False) -> list[Problem]:
    """Every problem of the tables, in table and row order.

    Each problem names its table; with ``row_numbers`` also its 1-based data row,
    as for tables read from files.
    """
    lazy = {
        name: frame.lazy().with_row_index(_ROW, offset=1)
        for name, frame in tables.as_dict().items()
    }
    t = _paths(lazy)
    documents, signatures, regimes = t["documents"], t["signatures"], t["regimes"]
    actions, designations, alignments = t["actions"], t["designations"], t["alignments"]
    blocs, memberships = t["blocs"], t["memberships"]

    regime_life = regimes.select(
        pl.col("regime_id"),
        pl.col("established_on").alias("_established"),
        last_day("established_on").alias("_established_last"),
        date_text("established_on").alias("_established_shown"),
        pl.col("lifted_on").alias("_lifted"),
        last_day("lifted_on").alias("_lifted_last"),
        date_text("lifted_on").alias("_lifted_shown"),
    ).unique("regime_id", keep="first")

    def outside_life(frame: pl.LazyFrame, table: str, column: str, what: str) -> list[_Check]:
        joined = frame.join(regime_life, on="regime_id", how="inner")
        return [
            _problems(
                joined,
                table,
                last_day(column) < pl.col("_established"),
                pl.format(
                    f"{column} {{}} is before regime '{{}}' was established ({{}}): {what}",
                    date_text(column),
                    "regime_id",
                    "_established_shown",
                ),
            ),
            _problems(
                joined,
                table,
                pl.col(column) > pl.col("_lifted_last"),
                pl.format(
                    f"{column} {{}} is after regime '{{}}' was lifted ({{}}): {what}",
                    date_text(column),
                    "regime_id",
                    "_lifted_shown",
                ),
            ),
        ]

    membership_order = memberships.sort("bloc", "country", "joined").with_columns(
        pl.col("left").shift(1).over("bloc", "country").alias("_previous_left"),
        pl.col("joined").shift(1).over("bloc", "country").alias("_previous_joined"),
    )
    signature_blocs = pl.col("party_kind") == "bloc"
    measures = _items(regimes, "measures", "_measure")
    other_targets = _items(regimes, "other_targets", "_target")
    nationalities = _items(designations, "nationalities", "_nationality")
    action_designations = _items(actions, "designations", "_designation")
    # A signature with no signed_on is made on its document's date.
    # Most signatures are never withdrawn: the withdrawal checks look at the others only.
    withdrawn = signatures.filter(pl.col("withdrawn_on").is_not_null())
    signed_with_document = withdrawn.filter(pl.col("signed_on").is_null()).join(
        documents.select(
            "document_id",
            pl.col("date").alias("_date"),
            pl.col("date_precision").alias("_date_precision"),
        ).unique("document_id", keep="first"),
        on="document_id",
        how="inner",
    )

    checks: list[_Check] = [
        *_required(documents, "documents"),
        _duplicates(documents, "documents", "document_id", "document id"),
        *_precision_checks(documents, "documents"),
        _problems(
            documents,
            "documents",
            (pl.col("reported_count") < 0) | (pl.col("disclosure_threshold") < 0),
            _lit("a count must not be negative"),
        ),
        *_required(signatures, "signatures"),
        _dangling(signatures, "signatures", "party", blocs, "bloc", "bloc", where=signature_blocs),
        _problems(
            # Blocs, persons and organisations are few: their whole key is compared.
            signatures.filter(
                (pl.col("party_kind") != "country") & pl.col("party").is_not_null()
            ).with_columns(
                pl.col(_ROW).min().over(_SIGNATORY).alias("_first_row"),
                pl.col("position").min().over(_SIGNATORY).alias("_first"),
            ),
            "signatures",
            pl.col(_ROW) != pl.col("_first_row"),
            pl.format("{} signs twice (also at position {})", "party", "_first"),
        ),
        *_precision_checks(signatures, "signatures"),
        _before(
            withdrawn,
            "signatures",
            "withdrawn_on",
            "signed_on",
            "a signature is withdrawn after it is made",
        ),
        _problems(
            signed_with_document,
            "signatures",
            last_day("withdrawn_on") < pl.col("_date"),
            pl.format(
                "withdrawn_on {} is before the document's date {}: "
                "a signature is withdrawn after it is made",
                date_text("withdrawn_on"),
                date_text("_date"),
            ),
        ),
        *_required(regimes, "regimes"),
        _duplicates(regimes, "regimes", "regime_id", "regime id"),
        _dangling(
            regimes,
            "regimes",
            "authority",
            blocs,
            "bloc",
            "bloc",
            where=pl.col("authority_kind") == "bloc",
        ),
        _problems(
            regimes,
            "regimes",
            (pl.col("authority_kind") == "country")
            & ~pl.col("authority").is_in(country_dtype().categories.implode()),
            pl.format("authority '{}' is not a known country code", "authority"),
        ),
        _problems(
            regimes,
            "regimes",
            (pl.col("authority_kind") == "organization") & (pl.col("authority") != "UNSC"),
            pl.format(
                "authority '{}': the one organisation that imposes sanctions is the UN "
                "Security Council, 'UNSC'",
                "authority",
            ),
        ),
        _problems(
            other_targets,
            "regimes",
            ~pl.col("_target").is_in(
                pl.Series([*country_dtype().categories.to_list(), *region_codes()]).implode()
            ),
            pl.format(
                "other_targets: '{}' is neither a country code nor a region code ("
                + ", ".join(region_codes())
                + ")",
                "_target",
            ),
        ),
        _problems(
            measures,
            "regimes",
            ~pl.col("_measure").is_in(list(MEASURES)),
            pl.format("unknown measure '{}': write one of " + ", ".join(MEASURES), "_measure"),
        ),
        *_precision_checks(regimes, "regimes"),
        _before(
            regimes,
            "regimes",
            "lifted_on",
            "established_on",
            "a regime is lifted after it is established",
        ),
        *_required(actions, "actions"),
        _dangling(actions, "actions", "regime_id", regimes, "regime_id", "regime"),
        _dangling(
            action_designations,
            "actions",
            "_designation",
            designations,
            "designation_id",
            "designation",
        ),
        *_precision_checks(actions, "actions"),
        *outside_life(actions, "actions", "date", "an act falls within its regime's life"),
        _problems(
            actions,
            "actions",
            pl.col("designation_count") < 0,
            _lit("designation_count must not be negative"),
        ),
        *_required(designations, "designations"),
        _duplicates(designations, "designations", "designation_id", "designation id"),
        _dangling(designations, "designations", "regime_id", regimes, "regime_id", "regime"),
        _problems(
            nationalities,
            "designations",
            ~pl.col("_nationality").is_in(country_dtype().categories.implode()),
            pl.format("nationalities: '{}' is not a known country code", "_nationality"),
        ),
        *_precision_checks(designations, "designations"),
        _before(
            designations,
            "designations",
            "delisted_on",
            "listed_on",
            "a designation is delisted after it is listed",
        ),
        *outside_life(
            designations,
            "designations",
            "listed_on",
            "a designation falls within its regime's life",
        ),
        *_required(alignments, "alignments"),
        _dangling(alignments, "alignments", "regime_id", regimes, "regime_id", "regime"),
        *_precision_checks(alignments, "alignments"),
        _before(
            alignments, "alignments", "ended_on", "aligned_on", "an alignment ends after it begins"
        ),
        *outside_life(
            alignments, "alignments", "aligned_on", "an alignment needs a regime in force"
        ),
        *_required(blocs, "blocs"),
        _duplicates(blocs, "blocs", "bloc", "bloc code"),
        *_required(memberships, "memberships"),
        _dangling(memberships, "memberships", "bloc", blocs, "bloc", "bloc"),
        _problems(
            memberships,
            "memberships",
            pl.col("left") <= pl.col("joined"),
            pl.format("left {} is not after joined {}", "left", "joined"),
        ),
        _problems(
            membership_order,
            "memberships",
            pl.col("_previous_joined").is_not_null()
            & (pl.col("_previous_left").is_null() | (pl.col("_previous_left") > pl.col("joined"))),
            pl.format("membership from {} overlaps the one from {}", "joined", "_previous_joined"),
        ),
    ]
    quick, full = _signature_checks(tables, signatures, documents)
    # A check reports rows of its own table, so an empty table has nothing to report,
    # and planning a query costs time whatever its size: skip those checks.
    heights = {name: frame.height for name, frame in tables.as_dict().items()}
    checks = [check for check in checks if heights[check.table]]
    # Many small plans over tables already in memory: the in-memory engine runs them
    # in about two thirds of the time the default engine takes.
    answers, *results = pl.collect_all([quick, *_plans(checks)], engine="in-memory")
    needed = [full[name] for name, yes in answers.row(0, named=True).items() if yes]
    if needed and heights["signatures"]:
        results.extend(pl.collect_all(_plans(needed), engine="in-memory"))
    found = _name_signatures(pl.concat(results, how="vertical"), lazy)
    order = {name: index for index, name in enumerate(TABLE_NAMES)}
    found = found.with_columns(
        pl.col("table").replace_strict(order, return_dtype=pl.Int32).alias("_order")
    ).sort("_order", _ROW, maintain_order=True)
    columns = ("table", _ROW, "path", "message", "first_row")
    return [
        Problem(
            path,
            message,
            table=table,
            row=row if row_numbers else None,
            first_row=first_row,
        )
        for table, row, path, message, first_row in found.select(columns).iter_rows()
    ]
