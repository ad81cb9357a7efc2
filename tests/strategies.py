"""Hypothesis strategies: one per record kind, built from small pieces (codes, dates, names).

Every strategy writes its records field by field; ``st.builds(SomeRecord)`` cannot infer
attrs fields under ``from __future__ import annotations`` and would invent invalid
countries. :func:`datasets` combines them into a valid, consistently cross-referenced
:class:`~sanctions_tracker.Dataset`; :func:`invalid_datasets` breaks one in one way.
Sizes stay small so that properties run fast.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence

import polars as pl
from hypothesis import settings
from hypothesis import strategies as st

from sanctions_tracker import blocs as builtin_blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.dates import PRECISIONS, PartialDate, Precision
from sanctions_tracker.records import (
    ACTION_KINDS,
    COUNT_QUALIFIERS,
    MEASURES,
    UN_SECURITY_COUNCIL,
    VOTES,
    Alignment,
    Designation,
    JointStatement,
    Letter,
    Organization,
    Party,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
    Target,
)
from sanctions_tracker.regions import all_regions

__all__ = [
    "BUILTIN_BLOC_CODES",
    "COUNTRY_CODES",
    "MAX_DAY",
    "MIN_DAY",
    "USER_BLOC_CODES",
    "Life",
    "actions",
    "alignments",
    "blocs",
    "builtin_bloc_values",
    "countries",
    "country_codes",
    "dataset_settings",
    "datasets",
    "designations",
    "ftm_streams",
    "invalid_datasets",
    "letters",
    "names",
    "organizations",
    "partial_dates",
    "parties",
    "persons",
    "regime_life",
    "regimes",
    "signatures",
    "statements",
    "targets",
    "texts",
]

# A modest pool of real codes: Namibia's "NA" (read as null by careless CSV readers),
# Kosovo's user-assigned "XK", and historic alpha-4 codes of dissolved states.
COUNTRY_CODES: tuple[str, ...] = (
    "AT",
    "AU",
    "BY",
    "CA",
    "CH",
    "CN",
    "CZ",
    "DE",
    "FR",
    "GB",
    "IS",
    "JP",
    "LT",
    "NA",
    "NO",
    "PL",
    "QA",
    "RU",
    "UA",
    "US",
    "XK",
    "SUHH",
    "YUCS",
)

BUILTIN_BLOC_CODES: tuple[str, ...] = ("EU", "EEA", "EFTA", "G7", "NATO")
USER_BLOC_CODES: tuple[str, ...] = ("AUKUS", "BALTIC", "LIMA", "NORDIC", "QUAD", "V4")

MIN_DAY = dt.date(1990, 1, 1)
MAX_DAY = dt.date(2030, 12, 31)

# The first and last day on which an act of a regime may fall.
Life = tuple[dt.date, dt.date]


# -- small pieces ----------------------------------------------------------------------------


def country_codes() -> st.SearchStrategy[str]:
    """A canonical country code from a modest pool of real ones."""
    return st.sampled_from(COUNTRY_CODES)


def countries() -> st.SearchStrategy[Country]:
    """A Country from the pool of :func:`country_codes`."""
    return country_codes().map(Country)


_WORDS = ("Anna", "Łukasz", "Zoë", "Nord", "Minsk", "Trade", "Council", "O'Neil", "Bank", "Öl")


def names() -> st.SearchStrategy[str]:
    """A non-empty name of one to three words (some non-ASCII, one with an apostrophe)."""
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)


def texts() -> st.SearchStrategy[str]:
    """A short free text, possibly empty (titles, notes, legal references)."""
    return st.one_of(st.just(""), names())


def _sources() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(
        st.sampled_from(("https://example.org/a", "https://example.org/b?x=1", "Gazette p. 4")),
        max_size=2,
        unique=True,
    ).map(tuple)


def _identifiers() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.from_regex(r"[A-Z]{2}[0-9]{1,4}", fullmatch=True), max_size=2).map(tuple)


def _truncate(day: dt.date, precision: Precision) -> PartialDate:
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.of(day)


@st.composite
def partial_dates(
    draw: st.DrawFn,
    min_year: int = MIN_DAY.year,
    max_year: int = MAX_DAY.year,
    *,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> PartialDate:
    """A year, month or day whose whole interval lies inside the bounds.

    ``min_value``/``max_value`` narrow ``min_year``/``max_year`` to a day; a coarse
    precision that would reach outside the bounds becomes a day.
    """
    low = max(dt.date(min_year, 1, 1), min_value or dt.date.min)
    high = min(dt.date(max_year, 12, 31), max_value or dt.date.max)
    day = draw(st.dates(low, high))
    date = _truncate(day, draw(st.sampled_from(PRECISIONS)))
    if date.first < low or date.last > high:
        return PartialDate.of(day)
    return date


def _optional_date_after(
    start: PartialDate | None, max_value: dt.date = MAX_DAY
) -> st.SearchStrategy[PartialDate | None]:
    """None, or a date that starts on or after the last day of ``start``."""
    low = start.last if start is not None else MIN_DAY
    if low > max_value:
        return st.none()
    return st.none() | partial_dates(min_value=low, max_value=max_value)


# -- parties ---------------------------------------------------------------------------------


def persons() -> st.SearchStrategy[Person]:
    """A Person with an optional nationality, identifiers and id."""
    return st.builds(
        Person,
        name=names(),
        nationality=st.none() | countries(),
        identifiers=_identifiers(),
        id=st.none() | st.from_regex(r"Q[1-9][0-9]{0,3}", fullmatch=True),
    )


def organizations() -> st.SearchStrategy[Organization]:
    """An Organization with an optional country, identifiers and id."""
    return st.builds(
        Organization,
        name=names(),
        country=st.none() | countries(),
        identifiers=_identifiers(),
        id=st.none() | st.from_regex(r"org-[a-z]{1,4}", fullmatch=True),
    )


def builtin_bloc_values() -> st.SearchStrategy[Bloc]:
    """One of the built-in blocs that this version ships (at least the EU)."""
    return st.sampled_from(builtin_blocs.all_blocs())


@st.composite
def _memberships(draw: st.DrawFn, country: Country) -> list[Membership]:
    """One to two non-overlapping intervals of one country; the last may stay open."""
    days = draw(
        st.lists(st.dates(MIN_DAY, MAX_DAY), min_size=1, max_size=4, unique=True).map(sorted)
    )
    bounds: list[dt.date | None] = [*days]
    if len(bounds) % 2:
        bounds.append(None)
    return [
        Membership(country, joined, left, source=draw(texts()))
        for joined, left in zip(bounds[::2], bounds[1::2], strict=True)
        if joined is not None
    ]


@st.composite
def blocs(draw: st.DrawFn, codes: Sequence[str] = USER_BLOC_CODES, *, min_members: int = 0) -> Bloc:
    """A user-defined bloc (its code clashes with no built-in one) with dated memberships."""
    code = draw(st.sampled_from(codes))
    members = draw(st.lists(countries(), min_size=min_members, max_size=3, unique=True))
    memberships = [m for country in members for m in draw(_memberships(country))]
    return Bloc(code, draw(names()), memberships, source=draw(texts()), note=draw(texts()))


def parties(bloc_pool: Sequence[Bloc] = ()) -> st.SearchStrategy[Party]:
    """A country, a bloc (built-in or from ``bloc_pool``), a person or an organisation."""
    bloc = builtin_bloc_values() if not bloc_pool else st.sampled_from(list(bloc_pool))
    return st.one_of(countries(), bloc, persons(), organizations())


def _party_key(signature: Signature) -> tuple[str, str]:
    """What makes two signatures on one document the same signatory, as the tables see it."""
    party = signature.party
    if isinstance(party, Country | Bloc):
        return (type(party).__name__, party.code)
    return (type(party).__name__, party.name)


# -- documents -------------------------------------------------------------------------------


@st.composite
def signatures(
    draw: st.DrawFn,
    party: st.SearchStrategy[Party] | None = None,
    *,
    document_date: PartialDate | None = None,
) -> Signature:
    """A signature, possibly made after the document's date and later withdrawn."""
    signed_on = draw(
        st.none() | partial_dates(min_value=document_date.first if document_date else MIN_DAY)
    )
    withdrawn_on = draw(_optional_date_after(signed_on or document_date))
    return Signature(
        draw(party if party is not None else parties()),
        signed_on=signed_on,
        withdrawn_on=withdrawn_on,
        vote=draw(st.sampled_from(VOTES)),
        note=draw(texts()),
        sources=draw(_sources()),
    )


def document_ids() -> st.SearchStrategy[str]:
    """A document id."""
    return st.from_regex(r"doc-[a-z0-9]{1,6}", fullmatch=True)


def _signature_lists(
    draw: st.DrawFn, date: PartialDate, bloc_pool: Sequence[Bloc], min_signatures: int
) -> list[Signature]:
    return draw(
        st.lists(
            signatures(parties(bloc_pool), document_date=date),
            min_size=min_signatures,
            max_size=4,
            unique_by=_party_key,
        )
    )


@st.composite
def statements(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None = None,
    *,
    bloc_pool: Sequence[Bloc] = (),
    min_signatures: int = 0,
) -> JointStatement:
    """A joint statement with a handful of distinct signatories."""
    issued_on = draw(partial_dates())
    return JointStatement(
        id=draw(ids if ids is not None else document_ids()),
        title=draw(texts()),
        issued_on=issued_on,
        subject=draw(st.none() | countries()),
        signatures=_signature_lists(draw, issued_on, bloc_pool, min_signatures),
        issuer=draw(texts()),
        forum=draw(texts()),
        stance=draw(texts()),
        sources=draw(_sources()),
        note=draw(texts()),
    )


@st.composite
def letters(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str] | None = None,
    *,
    bloc_pool: Sequence[Bloc] = (),
    min_signatures: int = 0,
) -> Letter:
    """An open letter: named signatories, a reported count, maybe anonymous."""
    published_on = draw(partial_dates())
    return Letter(
        id=draw(ids if ids is not None else document_ids()),
        title=draw(texts()),
        published_on=published_on,
        subject=draw(st.none() | countries()),
        signatures=_signature_lists(draw, published_on, bloc_pool, min_signatures),
        addressee=draw(texts()),
        demands=draw(st.lists(names(), max_size=2)),
        reported_count=draw(st.none() | st.integers(0, 100_000)),
        count_qualifier=draw(st.sampled_from(COUNT_QUALIFIERS)),
        count_as_of=draw(_optional_date_after(published_on)),
        anonymous=draw(st.booleans()),
        disclosure_threshold=draw(st.none() | st.integers(0, 10_000)),
        sources=draw(_sources()),
        note=draw(texts()),
    )


# -- sanctions -------------------------------------------------------------------------------


def targets() -> st.SearchStrategy[tuple[Target, ...]]:
    """A regime's targets: none (thematic), one, or two; countries and regions."""
    one: st.SearchStrategy[Target] = countries() | st.sampled_from(all_regions())
    return st.lists(one, max_size=2, unique=True).map(tuple)


def regime_ids() -> st.SearchStrategy[str]:
    """A regime id such as ``EU-BLR-2``."""
    return st.from_regex(r"[A-Z]{2,4}-[A-Z]{3}(-[0-9])?", fullmatch=True)


@st.composite
def regimes(
    draw: st.DrawFn, ids: st.SearchStrategy[str] | None = None, *, bloc_pool: Sequence[Bloc] = ()
) -> SanctionsRegime:
    """A regime of a country, a bloc or the UN Security Council, against countries and
    regions or thematic; some undated, some lifted, dates partial."""
    bloc = st.sampled_from([*builtin_blocs.all_blocs(), *bloc_pool])
    established_on = draw(st.none() | partial_dates(max_value=dt.date(2025, 12, 31)))
    return SanctionsRegime(
        id=draw(ids if ids is not None else regime_ids()),
        name=draw(texts()),
        authority=draw(st.one_of(countries(), bloc, st.just(UN_SECURITY_COUNCIL))),
        targets=draw(targets()),
        legal_basis=draw(texts()),
        measures=draw(st.frozensets(st.sampled_from(MEASURES), max_size=3)),
        established_on=established_on,
        lifted_on=draw(_optional_date_after(established_on)),
        sources=draw(_sources()),
        note=draw(texts()),
    )


def regime_life(regime: SanctionsRegime) -> Life:
    """The days on which an act may certainly fall: from established to lifted."""
    low = regime.established_on.last if regime.established_on else MIN_DAY
    high = regime.lifted_on.first if regime.lifted_on else MAX_DAY
    return (low, high)


def _within(regime_id: str, lives: Mapping[str, Life] | None) -> st.SearchStrategy[PartialDate]:
    low, high = (lives or {}).get(regime_id, (MIN_DAY, MAX_DAY))
    return partial_dates(min_value=low, max_value=high)


@st.composite
def actions(
    draw: st.DrawFn,
    regime_ids: Sequence[str],
    designation_ids: Sequence[str] = (),
    *,
    lives: Mapping[str, Life] | None = None,
) -> SanctionsAction:
    """A legal act of one of ``regime_ids``, dated inside its life when ``lives`` gives it."""
    regime = draw(st.sampled_from(regime_ids))
    listed = (
        st.lists(st.sampled_from(designation_ids), max_size=2, unique=True)
        if designation_ids
        else st.just([])
    )
    return SanctionsAction(
        regime=regime,
        date=draw(_within(regime, lives)),
        kind=draw(st.sampled_from(ACTION_KINDS)),
        legal_reference=draw(texts()),
        designations=draw(listed),
        designation_count=draw(st.none() | st.integers(0, 500)),
        note=draw(texts()),
        sources=draw(_sources()),
    )


def designation_ids() -> st.SearchStrategy[str]:
    """A designation id."""
    return st.from_regex(r"des-[a-z0-9]{1,6}", fullmatch=True)


@st.composite
def designations(
    draw: st.DrawFn,
    regime_ids: Sequence[str],
    *,
    ids: st.SearchStrategy[str] | None = None,
    lives: Mapping[str, Life] | None = None,
) -> Designation:
    """A person or organisation listed under one of ``regime_ids``, maybe later delisted."""
    regime = draw(st.sampled_from(regime_ids))
    listed_on = draw(st.none() | _within(regime, lives))
    return Designation(
        id=draw(ids if ids is not None else designation_ids()),
        regime=regime,
        target=draw(st.one_of(persons(), organizations())),
        listed_on=listed_on,
        delisted_on=draw(_optional_date_after(listed_on)),
        reason=draw(texts()),
        sources=draw(_sources()),
        nationalities=draw(st.lists(countries(), max_size=2, unique=True)),
    )


@st.composite
def alignments(
    draw: st.DrawFn, regime_ids: Sequence[str], *, lives: Mapping[str, Life] | None = None
) -> Alignment:
    """A third country aligning with one of ``regime_ids``, maybe ending later."""
    regime = draw(st.sampled_from(regime_ids))
    aligned_on = draw(_within(regime, lives))
    return Alignment(
        country=draw(countries()),
        regime=regime,
        aligned_on=aligned_on,
        act=draw(texts()),
        ended_on=draw(_optional_date_after(aligned_on)),
        note=draw(texts()),
        sources=draw(_sources()),
    )


def _action_key(action: SanctionsAction) -> tuple[object, ...]:
    return (action.regime, action.date, action.kind, action.legal_reference, action.note)


def _alignment_key(alignment: Alignment) -> tuple[object, ...]:
    return (alignment.regime, alignment.country, alignment.aligned_on, alignment.act)


# -- datasets --------------------------------------------------------------------------------


@st.composite
def datasets(draw: st.DrawFn, *, complete: bool = False) -> Dataset:
    """A valid Dataset with everything cross-referenced consistently.

    Ids are unique; acts, designations and alignments fall inside their regime's life;
    bloc signatories and authorities come from the built-in or the generated blocs.
    With ``complete`` every table has at least one row of its own (a user bloc with a
    membership, a signature, a regime, an act, a designation and an alignment).
    """
    least = 1 if complete else 0
    user_blocs = draw(
        st.lists(blocs(min_members=least), min_size=least, max_size=2, unique_by=lambda b: b.code)
    )
    ids = draw(st.lists(document_ids(), min_size=least, max_size=3, unique=True))
    documents: list[JointStatement | Letter] = []
    for index, document_id in enumerate(ids):
        minimum = least if index == 0 else 0
        document: st.SearchStrategy[JointStatement | Letter] = st.one_of(
            statements(st.just(document_id), bloc_pool=user_blocs, min_signatures=minimum),
            letters(st.just(document_id), bloc_pool=user_blocs, min_signatures=minimum),
        )
        documents.append(draw(document))
    regime_list = [
        draw(regimes(st.just(i), bloc_pool=user_blocs))
        for i in draw(st.lists(regime_ids(), min_size=least, max_size=3, unique=True))
    ]
    action_list: list[SanctionsAction] = []
    designation_list: list[Designation] = []
    alignment_list: list[Alignment] = []
    if regime_list:
        lives = {r.id: regime_life(r) for r in regime_list}
        known = [r.id for r in regime_list]
        designation_list = [
            draw(designations(known, ids=st.just(i), lives=lives))
            for i in draw(st.lists(designation_ids(), min_size=least, max_size=3, unique=True))
        ]
        listed = [d.id for d in designation_list]
        action_list = draw(
            st.lists(
                actions(known, listed, lives=lives),
                min_size=least,
                max_size=3,
                unique_by=_action_key,
            )
        )
        alignment_list = draw(
            st.lists(
                alignments(known, lives=lives),
                min_size=least,
                max_size=3,
                unique_by=_alignment_key,
            )
        )
    return Dataset(
        statements=[d for d in documents if isinstance(d, JointStatement)],
        letters=[d for d in documents if isinstance(d, Letter)],
        regimes=regime_list,
        actions=action_list,
        designations=designation_list,
        alignments=alignment_list,
        blocs=user_blocs,
    )


def dataset_settings() -> settings:
    """Settings for a property over whole datasets: a third of the profile's examples.

    Each example builds and validates a dataset (tens of milliseconds), so the
    ``ci`` profile's 60 examples become 20; ``thorough`` still runs hundreds.
    """
    return settings(max_examples=max(10, settings().max_examples // 3))


# -- breaking a valid dataset ----------------------------------------------------------------


def _set_row(frame: pl.DataFrame, row: int, **values: object) -> pl.DataFrame:
    """The frame with some columns of one row replaced (types kept)."""
    index = pl.int_range(pl.len()) == row
    return frame.with_columns(
        pl.when(index)
        .then(pl.lit(value, dtype=frame.schema[column]))
        .otherwise(pl.col(column))
        .alias(column)
        for column, value in values.items()
    )


def _dated(column: str, text: str | None) -> dict[str, object]:
    if text is None:
        return {column: None, f"{column}_precision": None}
    return {column: dt.date.fromisoformat(text), f"{column}_precision": "day"}


Frames = dict[str, pl.DataFrame]
Breakage = Callable[[Frames, int], tuple[Frames, str]]


def _duplicate_id(frames: Frames, row: int) -> tuple[Frames, str]:
    table = ("documents", "regimes", "designations")[row % 3]
    frame = frames[table]
    return {**frames, table: pl.concat([frame, frame[row % frame.height]])}, (
        f"a duplicate id in {table}"
    )


def _dangling_regime(frames: Frames, row: int) -> tuple[Frames, str]:
    table = ("actions", "designations", "alignments")[row % 3]
    frame = frames[table]
    broken = _set_row(frame, row % frame.height, regime_id="NO-SUCH-REGIME")
    return {**frames, table: broken}, f"{table} naming an unknown regime"


def _duplicate_signatory(frames: Frames, row: int) -> tuple[Frames, str]:
    frame = frames["signatures"]
    next_position = int(frame["position"].max()) + 1  # type: ignore[arg-type]  # a non-empty Int32 column
    copy = frame[row % frame.height].with_columns(
        pl.lit(next_position, dtype=pl.Int32).alias("position")
    )
    return {**frames, "signatures": pl.concat([frame, copy])}, "a signatory signing twice"


def _withdrawn_before_signed(frames: Frames, row: int) -> tuple[Frames, str]:
    frame = frames["signatures"]
    broken = _set_row(
        frame,
        row % frame.height,
        **_dated("signed_on", "2020-06-01"),
        **_dated("withdrawn_on", "2020-01-01"),
    )
    return {**frames, "signatures": broken}, "a signature withdrawn before it was made"


def _lifted_before_established(frames: Frames, row: int) -> tuple[Frames, str]:
    frame = frames["regimes"]
    broken = _set_row(
        frame,
        row % frame.height,
        **_dated("established_on", "2020-06-01"),
        **_dated("lifted_on", "2019-01-01"),
    )
    return {**frames, "regimes": broken}, "a regime lifted before it was established"


def _designation_outside_life(frames: Frames, row: int) -> tuple[Frames, str]:
    designations_ = frames["designations"]
    at = row % designations_.height
    regime = designations_["regime_id"][at]
    regimes_ = frames["regimes"]
    regime_row = regimes_["regime_id"].to_list().index(regime)
    return {
        **frames,
        "designations": _set_row(
            designations_, at, **_dated("listed_on", "1950-01-01"), **_dated("delisted_on", None)
        ),
        "regimes": _set_row(
            regimes_,
            regime_row,
            **_dated("established_on", "2000-01-01"),
            **_dated("lifted_on", None),
        ),
    }, "a designation listed before its regime was established"


def _unknown_measure(frames: Frames, row: int) -> tuple[Frames, str]:
    frame = frames["regimes"]
    at = row % frame.height
    measures = [*frame["measures"][at], "naming and shaming"]
    return {**frames, "regimes": _set_row(frame, at, measures=measures)}, "an unknown measure"


def _overlapping_membership(frames: Frames, row: int) -> tuple[Frames, str]:
    user = frames["blocs"].filter(~pl.col("builtin"))["bloc"]
    frame = frames["memberships"]
    own = frame.filter(pl.col("bloc").is_in(user.implode()))
    copy = own[row % own.height]
    return {**frames, "memberships": pl.concat([frame, copy])}, "overlapping memberships"


BREAKAGES: tuple[Breakage, ...] = (
    _duplicate_id,
    _dangling_regime,
    _duplicate_signatory,
    _withdrawn_before_signed,
    _lifted_before_established,
    _designation_outside_life,
    _unknown_measure,
    _overlapping_membership,
)


@st.composite
def invalid_datasets(draw: st.DrawFn) -> tuple[Frames, str]:
    """The tables of a valid dataset broken in one way, and a description of the breakage.

    The ways: a duplicate id, a dangling regime reference, a duplicate signatory in one
    document, a signature withdrawn before it was made, a regime lifted before it was
    established, a designation outside its regime's life, an unknown measure, and
    overlapping memberships in a user bloc.
    """
    dataset = draw(datasets(complete=True))
    breakage = draw(st.sampled_from(BREAKAGES))
    return breakage(dataset.tables.as_dict(), draw(st.integers(0, 5)))


# -- FollowTheMoney streams ------------------------------------------------------------------

# Programme keys of the registry, an alias, one it lacks, and the bad ones a stream may hold.
_PROGRAM_IDS = ("EU-UKR", "GB-RUS", "US-CAATSA", "GB-HR", "UN-SC1718", "XX-NOWHERE", "", " ")
_PROGRAM_TEXTS = ("Regulation (EC) No 765/2006", "UNSCR 1718", "Reciprocal", "資産凍結")
_FTM_COUNTRIES = ("eu", "gb", "us", "fr", "ua", "xx", "", "zz")
_FTM_DATES = ("2020", "2020-09", "2020-09-17", "2020-09-17T10:00:00", "2020-13-01", "soon", "")


def _ftm_values(pool: Sequence[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool) | st.text(max_size=3), max_size=3)


@st.composite
def _ftm_entity(draw: st.DrawFn, ids: Sequence[str]) -> dict[str, object]:
    """One plausible entity: a Sanction, a person or company, or another schema."""
    kind = draw(st.sampled_from(["Sanction", "Sanction", "Person", "Company", "Address", "Odd"]))
    properties: dict[str, object]
    if kind == "Sanction":
        properties = {
            "entity": draw(st.lists(st.sampled_from(ids), max_size=2)),
            "country": draw(_ftm_values(_FTM_COUNTRIES)),
            "programId": draw(
                st.lists(st.sampled_from(_PROGRAM_IDS) | st.just("K" * 100), max_size=2)
            ),
            "program": draw(_ftm_values(_PROGRAM_TEXTS)),
            "startDate": draw(_ftm_values(_FTM_DATES)),
            "listingDate": draw(_ftm_values(_FTM_DATES)),
            "endDate": draw(_ftm_values(_FTM_DATES)),
        }
    else:
        properties = {
            "name": draw(st.lists(st.sampled_from(["Ivan", "LLC CST", ""]), max_size=2)),
            "nationality": draw(_ftm_values(_FTM_COUNTRIES)),
            "country": draw(_ftm_values(_FTM_COUNTRIES)),
        }
    return {"id": draw(st.sampled_from(ids)), "schema": kind, "properties": properties}


@st.composite
def ftm_streams(draw: st.DrawFn) -> list[str]:
    """A stream of plausible FtM lines, with repeats, broken lines and ill-typed values."""
    ids = ["p1", "p2", "c1", "s1", "s2", "s3"]
    broken = st.sampled_from(["{", "[1, 2]", '{"id": 5, "schema": "Person"}', "null", ""])
    ill_typed = st.just('{"id": "s9", "schema": "Sanction", "properties": {"programId": [7]}}')
    # Valid for the import, if odd: a caption that is no text, nulls, no properties.
    odd = st.sampled_from(
        [
            '{"id": "p1", "schema": "Person", "caption": 5, "properties": {"name": [null, "A"]}}',
            '{"id": "s8", "schema": "Sanction", "properties": []}',
            (
                '{"id": "s7", "schema": "Sanction", "properties": {"entity": ["p1"], '
                '"country": null, "programId": ["UN-SC1718"], "startDate": [null, "2016"]}}'
            ),
            '{"id": "c1", "schema": "Company", "properties": {"country": ["ru", null]}}',
        ]
    )
    line = st.one_of(
        _ftm_entity(ids).map(json.dumps), _ftm_entity(ids).map(json.dumps), broken, ill_typed, odd
    )
    return draw(st.lists(line, max_size=15))
