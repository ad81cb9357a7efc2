"""Read a FollowTheMoney entity stream, as OpenSanctions publishes it (``entities.ftm.json``).

The stream is JSON lines, one entity a line. It is read lazily, one line at a time,
keeping only what a designation needs, and made into polars frames block by block
(:mod:`sanctions_tracker.io._ftm_lines`); the rest of the work is done by polars on
those frames. :func:`read_ftm` returns tables and a summary;
:func:`sanctions_tracker.import_ftm` makes a Dataset of them.

- A ``Sanction`` entity becomes a designation of its ``entity`` under the regime of
  its programme. A ``programId`` (else the ``program`` text, matched against the
  aliases) that the OpenSanctions registry (:mod:`sanctions_tracker.opensanctions`)
  knows gives the regime: its id is the programme's key, its authority the
  programme's issuer (France publishing ``EU-UKR`` adds to the EU's regime), its
  targets the programme's. A programme the registry lacks gives a regime keyed by the
  issuing authority (``country``: ``eu`` is the EU bloc, ``gb`` Country GB) and the
  programme text, without a target, and the summary lists it; an alias that several
  programmes share is reported, never guessed.
- The designated ``Person`` becomes a person; an ``Organization``, ``Company``,
  ``LegalEntity`` or ``PublicBody`` an organisation; each keeps its FtM entity id.
- A Sanction on a thing (a ``Vessel``, an ``Airplane``, a ``Security``) is no
  designation, nor a problem: its programme is a regime, its listing days are
  ``amend`` actions naming no designation, and the summary counts it by schema.
- The earliest ``startDate`` or ``listingDate`` is the listing date and the latest
  ``endDate`` the delisting date, as partial dates.
- A caller's ``targets`` mapping, by programme or regime id, overrides the registry.
- Nothing is dropped silently: bad lines, Sanctions whose entity is missing, empty or
  overlong ``programId`` values, and values that are not dates are reported in the
  summary with their line numbers.

>>> import io, json
>>> lines = [
...     {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
...     {"id": "s1", "schema": "Sanction", "properties": {
...         "entity": ["p1"], "country": ["gb"], "programId": ["GB-RUS"],
...         "authority": ["Foreign, Commonwealth & Development Office"],
...         "startDate": ["2022-03-15"]}},
...     {"id": "a1", "schema": "Address", "properties": {"full": ["Moscow"]}},
... ]
>>> stream = io.StringIO("\\n".join(json.dumps(line) for line in lines))
>>> result = read_ftm(stream)
>>> designations = result.tables.designations
>>> designations.select("designation_id", "regime_id", "target_name", "listed_on").rows()
[('s1', 'GB-RUS', 'Ivan Petrov', datetime.date(2022, 3, 15))]
>>> result.tables.regimes["target"].to_list()
['RU']
>>> result.summary.not_imported
(('Address', 1),)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping

import polars as pl

from sanctions_tracker import blocs
from sanctions_tracker.columns import TABLES, last_day
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.errors import UnknownBlocError, UnknownCountryError
from sanctions_tracker.io._ftm_lines import (
    STRINGS,
    TARGET_SCHEMATA,
    Source,
    collector_paused,
    read_lines,
)
from sanctions_tracker.io._ftm_programmes import MAX_PROGRAM_ID, registry_frame
from sanctions_tracker.io._imports import (
    ImportedTables,
    ImportSummary,
    Issue,
    derived_actions,
    described,
    iso_date_problem,
    iso_partial_date,
)
from sanctions_tracker.tables import country_dtype, schema

__all__ = ["TARGET_SCHEMATA", "Source", "read_ftm"]

_DATE_PROPERTIES = ("startDate", "endDate", "listingDate")
_ACTION_NOTE = "derived from the listing dates of a FollowTheMoney stream"


# -- regimes --------------------------------------------------------------------------------


def _slug(text: str) -> str:
    """An upper-case ASCII key for a programme or authority text; a short hash when too long.

    >>> _slug("Reciprocal"), _slug("La Principauté de Monaco")
    ('RECIPROCAL', 'LA-PRINCIPAUTE-DE-MONACO')
    >>> _slug("資産凍結等の措置")
    'H-...'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Z0-9]+", "-", folded.upper()).strip("-")
    letters = sum(c.isalnum() for c in text)
    if not slug or len(slug) > 40 or sum(c.isalnum() for c in folded) < letters:
        return "H-" + hashlib.sha1(text.encode()).hexdigest()[:10].upper()
    return slug


def _regime_id(code: str, programme: str | None, authority: str | None) -> str:
    """``<AUTHORITY>-<PROGRAMME>``, or the programme key itself when it starts so.

    >>> _regime_id("EU", "EU-UKR", None), _regime_id("FR", "EU-UKR", None)
    ('EU-UKR', 'FR-EU-UKR')
    >>> _regime_id("MC", None, "La Principauté de Monaco")
    'MC-LA-PRINCIPAUTE-DE-MONACO'
    """
    if programme is not None and programme.strip():
        key = programme.strip()
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", key):
            key = key.upper()
            return key if key.startswith(f"{code}-") else f"{code}-{key}"
        return f"{code}-{_slug(key)}"
    if authority is not None and authority.strip():
        return f"{code}-{_slug(authority)}"
    return code


def _authority(code: str) -> tuple[str, str] | None:
    """(kind, code) of an FtM country code as a sanctioning authority, or None if unknown."""
    try:
        return "bloc", blocs.get(code.upper()).code
    except UnknownBlocError:
        pass
    try:
        return "country", Country(code).code
    except UnknownCountryError:
        return None


def _target_codes(targets: Mapping[str, Country | str] | None) -> dict[str, str]:
    if not targets:
        return {}
    codes = {}
    for key, value in targets.items():
        country = value if isinstance(value, Country) else resolve_country(value)
        codes[key.strip()] = country.code
        codes[key.strip().upper()] = country.code
    return codes


# -- the polars part ------------------------------------------------------------------------


def _issues(frame: pl.DataFrame, message: pl.Expr, *, skipped: bool) -> list[Issue]:
    rows = frame.select("line", message.alias("message"), "id").rows()
    return [
        Issue(line, text, entity_id=entity_id, skipped=skipped) for line, text, entity_id in rows
    ]


def _first_dupes(frame: pl.DataFrame, what: str) -> tuple[pl.DataFrame, list[Issue]]:
    """Keep the first entity of each id; report the later ones.

    The frame is in the order of its lines, so the first of an id is the first on it.
    """
    first = frame["id"].is_first_distinct()
    if first.all():  # most streams: nothing repeats
        return frame, []
    kept, later = frame.filter(first), frame.filter(~first)
    later = later.join(
        kept.select("id", pl.col("line").alias("_first")), on="id", maintain_order="left"
    )
    issues = [
        Issue(line, f"duplicate {what} id {entity_id!r} (first on line {first})")
        for line, entity_id, first in later.select("line", "id", "_first").rows()
    ]
    return kept, issues


def _dates(sanctions: pl.DataFrame) -> tuple[pl.DataFrame, list[Issue]]:
    """Per Sanction, by line: listed_on, delisted_on (partial dates), and the bad dates.

    The listing date is the earliest of the start and listing dates, the delisting date
    the latest end date; of two dates on the same first day the less precise is earlier,
    of two ending on the same last day the more precise is later.
    """
    issues: list[Issue] = []
    parsed = {}
    for name in _DATE_PROPERTIES:
        values = (
            sanctions.select("line", "id", pl.col(name).alias("raw"))
            .explode("raw")
            .filter(pl.col("raw").is_not_null())
        )
        # A stream holds a few thousand distinct dates: each is read once.
        distinct = values.select(pl.col("raw").unique()).with_columns(iso_partial_date("raw", "d"))
        values = values.join(distinct, on="raw", how="left", maintain_order="left")
        bad = values.filter(pl.col("d").is_null())
        issues += _issues(
            bad,
            pl.concat_str(pl.lit(f"{name} "), described("raw", bad["raw"], iso_date_problem)),
            skipped=False,
        )
        parsed[name] = values.filter(pl.col("d").is_not_null()).select("line", "d", "d_precision")
    listed = pl.concat([parsed["startDate"], parsed["listingDate"]])
    listed = _one_date(listed, "listed_on", latest=False)
    delisted = _one_date(parsed["endDate"], "delisted_on", latest=True)
    dated = (
        sanctions.select("line", "id")
        .join(listed, on="line", how="left", maintain_order="left")
        .join(delisted, on="line", how="left", maintain_order="left")
    )
    backwards = last_day("delisted_on") < pl.col("listed_on")
    issues += _issues(
        dated.filter(backwards),
        pl.format("endDate {} is before the listing date {}", "delisted_on", "listed_on"),
        skipped=False,
    )
    dated = dated.with_columns(
        pl.when(backwards).then(None).otherwise(pl.col(column)).alias(column)
        for column in ("delisted_on", "delisted_on_precision")
    )
    return dated.drop("id"), issues


def _one_date(dates: pl.DataFrame, column: str, *, latest: bool) -> pl.DataFrame:
    """Per line, its earliest date (of two on the same first day, the less precise) or its
    latest (of two on the same last day, the more precise), as ``column``."""
    rank = pl.col("d_precision").to_physical()
    if latest:
        dates = dates.sort(pl.col("line"), last_day("d"), rank, descending=[False, True, True])
    else:
        dates = dates.sort(pl.col("line"), pl.col("d"), rank)
    # Sorted by line, the first row of a line is the one it keeps.
    return dates.filter(pl.col("line").is_first_distinct()).select(
        "line", pl.col("d").alias(column), pl.col("d_precision").alias(f"{column}_precision")
    )


def _null_if_empty(column: str) -> pl.Expr:
    """An empty list as ``[null]``, so that exploding keeps its row (whatever polars' default)."""
    return (
        pl.when(pl.col(column).list.len() > 0)
        .then(pl.col(column))
        .otherwise(pl.lit([None], dtype=STRINGS))
        .alias(column)
    )


def _rows(sanctions: pl.DataFrame) -> tuple[pl.DataFrame, list[Issue]]:
    """One row per Sanction, authority, programme and entity, with its designation id."""
    issues: list[Issue] = []
    ids = sanctions.select(
        "line", "id", pl.col("programId").list.eval(pl.element().str.strip_chars())
    )
    bad_ids = ids.explode("programId").filter(
        (pl.col("programId") == "") | (pl.col("programId").str.len_chars() > MAX_PROGRAM_ID)
    )
    issues += _issues(
        bad_ids,
        pl.when(pl.col("programId") == "")
        .then(pl.lit("programId is empty"))
        .otherwise(
            pl.format(
                "programId '{}...' is longer than {} characters: no programme key is",
                pl.col("programId").str.slice(0, 20),
                pl.lit(MAX_PROGRAM_ID),
            )
        ),
        skipped=False,
    )
    kept_ids = ids["programId"].list.eval(
        pl.element().filter((pl.element() != "") & (pl.element().str.len_chars() <= MAX_PROGRAM_ID))
    )
    rows = (
        sanctions.with_columns(kept_ids.alias("programId"))
        .select(
            "line",
            "id",
            pl.col("entity").list.unique(maintain_order=True),
            pl.col("country"),
            pl.when(pl.col("programId").list.len() > 0)
            .then(pl.col("programId"))
            .otherwise(pl.col("program"))
            .list.unique(maintain_order=True)
            .alias("programme"),
            (pl.col("programId").list.len() > 0).alias("from_id"),
            pl.col("authority").list.first().alias("authority_name"),
            pl.col("program").list.first().alias("legal_basis"),
        )
        .with_columns(
            _null_if_empty("country"), _null_if_empty("programme"), _null_if_empty("entity")
        )
        .explode("country")
        .explode("programme")
        .explode("entity")
        .with_columns(pl.col("country").str.strip_chars().str.to_lowercase().replace("", None))
    )
    codes = rows["country"].drop_nulls().unique().sort().to_list()
    resolved = [_authority(code) for code in codes]
    authorities = pl.DataFrame(
        {
            "country": codes,
            "authority_kind": [r[0] if r else None for r in resolved],
            "authority": [r[1] if r else None for r in resolved],
        },
        schema={"country": pl.String, "authority_kind": pl.String, "authority": pl.String},
    )
    rows = rows.join(authorities, on="country", how="left")
    # One regime per programme the registry knows (its key), else per distinct
    # (authority, programme, authority name): a few, however long the stream.
    found = registry_frame(rows.select("programme", "from_id", "authority").unique())
    rows = rows.join(found, on=["programme", "from_id", "authority"], how="left", nulls_equal=True)
    # A programme of the UN Security Council is the Council's whatever country the
    # Sanction gives, or none (the Council has no seat); any other needs its issuer's.
    by_unsc = (pl.col("registry_authority_kind") == "organization").fill_null(False)
    no_country = rows.filter(pl.col("country").is_null() & ~by_unsc)
    issues += _issues(
        no_country, pl.lit("no 'country': the issuing authority is unknown"), skipped=True
    )
    no_entity = rows.filter(pl.col("entity").is_null())
    issues += _issues(no_entity, pl.lit("no 'entity': nobody is designated"), skipped=True)
    unknown = rows.filter(
        pl.col("country").is_not_null() & pl.col("authority").is_null() & ~by_unsc
    )
    issues += _issues(
        unknown,
        pl.format("unknown authority country '{}': give an ISO code or 'eu'", "country"),
        skipped=True,
    )
    rows = rows.filter(
        (pl.col("authority").is_not_null() | by_unsc) & pl.col("entity").is_not_null()
    )
    issues += _issues(
        rows.filter(pl.col("problem").is_not_null()), pl.col("problem"), skipped=False
    )
    rows = rows.with_columns(
        pl.coalesce("registry_authority_kind", "authority_kind").alias("authority_kind"),
        pl.coalesce("registry_authority", "authority").alias("authority"),
    ).drop("registry_authority_kind", "registry_authority", "problem")
    # A programme the registry lacks makes its regime's id of the three.
    made = ["authority", "programme", "authority_name"]
    keys = rows.filter(pl.col("key").is_null()).select(made).unique()
    regime_ids = [_regime_id(*row) for row in keys.iter_rows()]
    keys = keys.with_columns(pl.Series("_made_id", regime_ids, dtype=pl.String))
    rows = (
        rows.join(keys, on=made, how="left", nulls_equal=True, maintain_order="left")
        .with_columns(pl.coalesce("key", "_made_id").alias("regime_id"))
        .drop("_made_id")
    )
    # A Sanction that names a programme twice, or under two authorities that the
    # registry makes one, is still one designation per regime and entity. Most
    # Sanctions make one row, which needs neither this nor a number.
    several = pl.col("line").is_duplicated()
    numbered = (
        rows.filter(several)
        .unique(["id", "regime_id", "entity"], keep="first", maintain_order=True)
        .sort("line", "regime_id", "entity")
        .with_columns(
            pl.when(pl.len().over("line") == 1)
            .then(pl.col("id"))
            .otherwise(pl.format("{}/{}", "id", pl.int_range(1, pl.len() + 1).over("line")))
            .alias("designation_id")
        )
    )
    single = rows.filter(~several).with_columns(pl.col("id").alias("designation_id"))
    rows = pl.concat([single, numbered]).sort("line", maintain_order=True)
    return rows, issues


def read_ftm(
    source: Source,
    *,
    targets: Mapping[str, Country | str] | None = None,
    actions: bool = True,
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
) -> ImportedTables:
    """Read the Sanctions of a FollowTheMoney entity stream as regimes and designations.

    The arguments are those of :func:`sanctions_tracker.import_ftm`, which makes a
    Dataset of what this returns: the tables (regimes, designations, actions), not yet
    validated, and the summary.

    A Sanction whose entity is not in the stream is skipped and reported: without the
    entity there is no name and no telling a person from an organisation. A Sanction
    naming several entities, authorities or programmes gives one designation for each,
    with ids ``<sanction id>/1``, ``/2``, ...

    Raises:
        DataFormatError: the file cannot be opened.

    >>> result = read_ftm(["not json", '{"id": "x", "schema": "Vessel", "properties": {}}'])
    >>> [str(issue) for issue in result.summary.issues]
    ["line 1: not JSON: invalid literal, expected 'null' at column 1 (skipped)"]
    >>> result.summary.not_imported
    (('Vessel', 1),)
    """
    target_codes = _target_codes(targets)
    with collector_paused():
        columns = read_lines(source, progress, encoding)
    issues = list(columns.issues)
    sanctions, entities, others = columns.sanctions, columns.targets, columns.others
    sanctions, dupes = _first_dupes(sanctions, "Sanction")
    issues += dupes
    entities, dupes = _first_dupes(entities, "entity")
    issues += dupes
    dates, date_issues = _dates(sanctions)
    issues += date_issues
    rows, row_issues = _rows(sanctions)
    issues += row_issues

    # Each row takes its entity: a person or organisation, or a thing. A Sanction on a
    # thing (a vessel, an aircraft, a security) is valid data but no designation: it is
    # kept, under its entity's schema, for its regime and dates. Only the entities that
    # a Sanction names are read further.
    things = others.unique("id", keep="first").rename({"id": "entity", "schema": "thing"})
    rows = rows.join(entities.rename({"id": "entity"}), on="entity", how="left").join(
        things, on="entity", how="left"
    )
    # A stream holds few distinct lists of countries: each is read once.
    codes = (
        pl.col("countries")
        .str.split(" ")
        .list.eval(
            pl.element().str.strip_chars().str.to_uppercase().cast(country_dtype(), strict=False)
        )
        .list.drop_nulls()
        .list.unique(maintain_order=True)
    )
    places = rows.select(pl.col("countries").drop_nulls().unique()).with_columns(
        # The first country is the target's own; the others count as further nationalities.
        codes.list.first().alias("target_country"),
        codes.list.slice(1).cast(STRINGS).alias("nationalities"),
    )
    rows = (
        rows.join(places, on="countries", how="left", maintain_order="left")
        .with_columns(
            pl.col("schema").replace_strict(dict(TARGET_SCHEMATA)).alias("target_kind"),
            pl.col("name").str.strip_chars().alias("target_name"),
        )
        .drop("schema", "name", "countries")
    )
    is_thing = pl.col("target_kind").is_null() & pl.col("thing").is_not_null()
    missing = rows.filter(pl.col("target_kind").is_null() & pl.col("thing").is_null())
    issues += _issues(
        missing, pl.format("entity '{}' is not in the stream", "entity"), skipped=True
    )
    nameless = pl.col("target_name").is_null() | (pl.col("target_name") == "")
    named_party = pl.col("target_kind").is_not_null() & ~nameless
    issues += _issues(
        rows.filter(pl.col("target_kind").is_not_null() & nameless),
        pl.format("entity '{}' has no name", "entity"),
        skipped=True,
    )
    rows = rows.filter(named_party | is_thing)

    rows = rows.join(dates, on="line", how="left").join(
        sanctions.select(
            "line",
            pl.col("reason").list.join("; ").alias("reason"),
            pl.col("sourceUrl").alias("sources"),
            pl.col("programUrl"),
        ),
        on="line",
        how="left",
    )
    listed = rows.rename({"entity": "target_id"})
    rows = listed.filter(pl.col("thing").is_null())
    designations = rows.select(TABLES["designations"].with_defaults(rows.columns)).cast(
        schema("designations")
    )

    found = _regimes(listed, target_codes)
    regimes = regimes_table(found)
    tables = {"regimes": regimes, "designations": designations}
    on_things = listed.filter(pl.col("thing").is_not_null())
    if actions:
        tables["actions"] = _with_listings_of_things(
            derived_actions(designations, _ACTION_NOTE), on_things
        )
    untargeted = tuple(
        found.filter(pl.col("targets").list.len() == 0)["regime_id"].sort().to_list()
    )
    summary = ImportSummary(
        lines=columns.lines,
        schemata=columns.schemata,
        imported_schemata=("Sanction", *TARGET_SCHEMATA),
        designations=designations.height,
        regimes=regimes.height,
        actions=tables["actions"].height if actions else 0,
        untargeted=untargeted,
        unknown_programmes=tuple(
            found.filter(pl.col("key").is_null())["regime_id"].sort().to_list()
        ),
        by_authority=_by_authority(found),
        not_designations=_by_schema(on_things),
        issues=tuple(sorted(issues, key=lambda issue: issue.line)),
    )
    return ImportedTables.of(tables, summary)


def _by_schema(on_things: pl.DataFrame) -> tuple[tuple[str, int], ...]:
    """How many Sanctions are on things of each schema, most first."""
    counted = on_things.unique(["id", "thing"]).group_by("thing").len()
    return tuple(counted.sort(["len", "thing"], descending=[True, False]).rows())


def _with_listings_of_things(actions: pl.DataFrame, on_things: pl.DataFrame) -> pl.DataFrame:
    """The actions, with the days on which a regime listed only things as actions too.

    A listing of a vessel is an act of its regime as much as a person's listing is: it
    dates the regime's activity. Its action names no designation, since there is none.
    """
    dated = (
        on_things.filter(pl.col("listed_on").is_not_null())
        .select(
            "regime_id",
            pl.col("listed_on").alias("date"),
            pl.col("listed_on_precision").alias("date_precision"),
        )
        .unique()
        .join(actions, on=["regime_id", "date", "date_precision"], how="anti")
    )
    if dated.is_empty():
        return actions
    note = f"{_ACTION_NOTE}: listings of vessels, aircraft or other things, no designation"
    extra = dated.with_columns(
        pl.lit("amend").alias("kind"),
        pl.lit("").alias("legal_reference"),
        pl.lit([], dtype=STRINGS).alias("designations"),
        pl.lit(0, dtype=pl.Int64).alias("designation_count"),
        pl.lit(note).alias("note"),
        pl.lit([], dtype=STRINGS).alias("sources"),
    ).select(actions.columns)
    return pl.concat([actions, extra.cast(actions.schema)]).sort(
        "regime_id", "date", "date_precision"
    )


def _by_authority(found: pl.DataFrame) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(authority, targets, regime ids) of each authority and set of targets, sorted."""
    grouped = (
        found.select("authority", pl.col("targets").list.join(" ").alias("targets"), "regime_id")
        .group_by("authority", "targets")
        .agg(pl.col("regime_id").sort())
        .sort("authority", "targets")
    )
    return tuple((a, t, tuple(ids)) for a, t, ids in grouped.rows())


def _regimes(rows: pl.DataFrame, target_codes: dict[str, str]) -> pl.DataFrame:
    """One row per regime id: authority, name, target (when mapped), sources."""
    lookup = pl.DataFrame(
        {"key": list(target_codes), "code": list(target_codes.values())},
        schema={"key": pl.String, "code": pl.String},
    )
    by_regime = lookup.rename({"key": "regime_id", "code": "_by_regime"})
    by_programme = lookup.rename({"key": "programme", "code": "_by_programme"})
    first = (
        rows.select(
            "line",
            "regime_id",
            "authority_kind",
            "authority",
            "authority_name",
            "programme",
            "legal_basis",
            "key",
            "title",
            "measures",
            "targets",
            "programUrl",
            "url",
        )
        .sort("line")
        .with_columns(pl.col("programme").str.strip_chars())
        .join(by_regime, on="regime_id", how="left")
        .join(by_programme, on="programme", how="left")
    )
    # A regime's sources: its Sanctions' programme pages and the registry's, each once.
    urls = pl.concat(
        [
            first.select("regime_id", pl.col("programUrl").alias("_url")).explode("_url"),
            first.select("regime_id", pl.col("url").alias("_url")),
        ]
    )
    sources = (
        urls.drop_nulls("_url")
        .unique()
        .group_by("regime_id")
        .agg(pl.col("_url").sort().alias("sources"))
    )
    regimes = (
        first.group_by("regime_id", maintain_order=True)
        .agg(
            pl.col("authority_kind").first(),
            pl.col("authority").first(),
            pl.col("authority_name").drop_nulls().first(),
            pl.col("programme").drop_nulls().first(),
            pl.col("legal_basis").drop_nulls().first(),
            pl.col("key").drop_nulls().first(),
            pl.col("title").drop_nulls().first(),
            pl.col("measures").drop_nulls().first(),
            pl.col("targets").drop_nulls().first(),
            pl.coalesce("_by_regime", "_by_programme").drop_nulls().first().alias("_mapped"),
        )
        .join(sources, on="regime_id", how="left", maintain_order="left")
    )
    # A caller's mapping overrides the registry; a single country target goes in
    # ``target``, and what it cannot hold is listed in the summary.
    targets = (
        pl.when(pl.col("_mapped").is_not_null())
        .then(pl.concat_list(pl.col("_mapped")))
        .otherwise(pl.col("targets").fill_null(pl.lit([], dtype=STRINGS)))
    )
    regimes = regimes.with_columns(targets.alias("targets"))
    name = (
        pl.when(pl.col("title").is_not_null())
        .then(pl.col("title"))
        .when(pl.col("authority_name").is_not_null() & pl.col("programme").is_not_null())
        .then(pl.format("{}: {}", "authority_name", "programme"))
        .otherwise(pl.coalesce("authority_name", "programme", "regime_id"))
    )
    # A country first goes in ``target``; the rest (and a region first) in ``other_targets``.
    first_target = pl.col("targets").list.first()
    region_first = first_target.str.contains("-").fill_null(False)
    return regimes.select(
        "regime_id",
        name.alias("name"),
        "authority_kind",
        "authority",
        pl.when(region_first).then(None).otherwise(first_target).alias("target"),
        pl.when(region_first)
        .then(pl.col("targets"))
        .otherwise(pl.col("targets").list.slice(1))
        .alias("other_targets"),
        pl.col("legal_basis").fill_null(""),
        pl.col("measures").fill_null(pl.lit([], dtype=STRINGS)),
        pl.col("sources").fill_null(pl.lit([], dtype=STRINGS)),
        "key",
        "targets",
    )


def regimes_table(regimes: pl.DataFrame) -> pl.DataFrame:
    """The regimes table of what :func:`_regimes` made; dates and note take their defaults."""
    return regimes.select(TABLES["regimes"].with_defaults(regimes.columns)).cast(schema("regimes"))
