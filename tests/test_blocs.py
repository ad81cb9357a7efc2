"""The built-in blocs (EU, EEA, EFTA, G7, NATO, UN) and the Bloc/Membership invariants.

The G7 holds the seven countries of the summits only: the European Union takes part
but is not a member, and Russia's G8 years (1997-2014) belong to a different group.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker import blocs
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country


def codes(countries: frozenset[Country]) -> set[str]:
    """The alpha-2 codes of some countries."""
    return {c.code for c in countries}


# --- the EU -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1958-01-01", 6),
        ("1995-01-01", 15),
        ("2004-04-30", 15),
        ("2004-05-01", 25),
        ("2007-01-01", 27),
        ("2013-07-01", 28),
        ("2020-01-31", 28),
        ("2020-02-01", 27),
    ],
)
def test_eu_member_count(day: str, expected: int) -> None:
    """The EU has the published number of members on each enlargement day."""
    assert expected == len(blocs.get("EU").members_on(day))


def test_uk_eu_membership_ends_at_end_of_2020_01_31() -> None:
    """The UK is an EU member on 2020-01-31 and not on 2020-02-01."""
    eu = blocs.get("EU")
    assert eu.is_member("GB", "2020-01-31")
    assert not eu.is_member("GB", "2020-02-01")
    assert not eu.is_member("GB", "2020-12-31")


# --- NATO -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1949-08-23", 0),
        ("1949-08-24", 12),
        ("1952-02-18", 14),
        ("1955-05-06", 15),
        ("1982-05-30", 16),
        ("1999-03-12", 19),
        ("2004-03-29", 26),
        ("2009-04-01", 28),
        ("2017-06-05", 29),
        ("2020-03-27", 30),
        ("2023-04-03", 30),
        ("2023-04-04", 31),
        ("2024-03-06", 31),
        ("2024-03-07", 32),
    ],
)
def test_nato_member_count(day: str, expected: int) -> None:
    """NATO counts members from the day the treaty entered into force for each."""
    assert expected == len(blocs.get("NATO").members_on(day))


def test_nato_founders_count_from_entry_into_force() -> None:
    """The founders are members from 1949-08-24 (entry into force), not 1949-04-04."""
    nato = blocs.get("NATO")
    assert frozenset() == nato.members_on("1949-04-04")
    assert {"BE", "CA", "DK", "FR", "IS", "IT", "LU", "NL", "NO", "PT", "GB", "US"} == codes(
        nato.members_on("1949-08-24")
    )


def test_nato_command_withdrawals_are_not_membership_gaps() -> None:
    """France (1966-2009) and Greece (1974-1980) stay members throughout."""
    nato = blocs.get("NATO")
    assert nato.is_member("FR", "1970-01-01")
    assert nato.is_member("GR", "1977-01-01")


# --- EFTA and the EEA ---------------------------------------------------------------


def test_efta_today() -> None:
    """EFTA today is Iceland, Liechtenstein, Norway and Switzerland."""
    assert {"IS", "LI", "NO", "CH"} == codes(blocs.get("EFTA").members_on(dt.date.today()))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1960-05-03", {"AT", "DK", "NO", "PT", "SE", "CH", "GB"}),
        ("1972-12-31", {"AT", "DK", "NO", "PT", "SE", "CH", "GB", "IS"}),
        ("1973-01-01", {"AT", "NO", "PT", "SE", "CH", "IS"}),
        ("1986-01-01", {"AT", "NO", "SE", "CH", "IS", "FI"}),
        ("1994-12-31", {"AT", "NO", "SE", "CH", "IS", "FI", "LI"}),
    ],
)
def test_efta_members_over_time(day: str, expected: set[str]) -> None:
    """EFTA's members follow the accessions and the departures to the EC/EU."""
    assert expected == codes(blocs.get("EFTA").members_on(day))


def test_finland_efta_associate_years_are_not_membership() -> None:
    """Finland's associate years (1961-1985) are a note, not a membership."""
    assert not blocs.get("EFTA").is_member("FI", "1985-12-31")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1993-12-31", 0),
        ("1994-01-01", 17),
        ("1995-05-01", 18),
        ("2004-05-01", 28),
        ("2007-07-31", 28),
        ("2007-08-01", 30),
        ("2014-04-12", 31),
        ("2020-01-31", 31),
        ("2020-02-01", 30),
    ],
)
def test_eea_member_count(day: str, expected: int) -> None:
    """The EEA grows with its enlargement agreements and shrinks with the UK's exit."""
    assert expected == len(blocs.get("EEA").members_on(day))


def test_eea_is_eu_plus_three_today() -> None:
    """Today the EEA is the EU and Iceland, Liechtenstein and Norway."""
    today = dt.date.today()
    eu = codes(blocs.get("EU").members_on(today))
    assert eu | {"IS", "LI", "NO"} == codes(blocs.get("EEA").members_on(today))


# --- the G7 -------------------------------------------------------------------------


def test_g7_has_seven_members() -> None:
    """The G7 has its seven countries on 2020-01-01; the EU is not a member."""
    assert {"CA", "FR", "DE", "IT", "JP", "GB", "US"} == codes(
        blocs.get("G7").members_on("2020-01-01")
    )


def test_g7_canada_from_1976() -> None:
    """Rambouillet (1975) had six countries; Canada came in 1976."""
    g7 = blocs.get("G7")
    assert len(g7.members_on("1975-11-15")) == 6
    assert g7.is_member("CA", "1976-06-27")


# --- the data files -----------------------------------------------------------------


def _membership_rows() -> list[dict[str, str]]:
    data = resources.files("sanctions_tracker.data")
    with data.joinpath("memberships.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_membership_row_has_a_source() -> None:
    """Every row of memberships.csv names its source."""
    assert [row for row in _membership_rows() if not row["source"].strip()] == []


def test_every_membership_row_belongs_to_a_builtin_bloc() -> None:
    """No row names a bloc that blocs.csv does not define."""
    known = {bloc.code for bloc in blocs.all_blocs()}
    assert set() == {row["bloc"] for row in _membership_rows()} - known


def test_all_blocs() -> None:
    """The built-in blocs, by code."""
    assert [b.code for b in blocs.all_blocs()] == ["EEA", "EFTA", "EU", "G7", "NATO", "UN"]


@pytest.mark.parametrize("bloc", blocs.all_blocs(), ids=lambda b: b.code)
def test_builtin_intervals_never_overlap(bloc: Bloc) -> None:
    """A country's membership intervals in one built-in bloc never overlap."""
    for _, group in itertools.groupby(bloc.memberships, key=lambda m: m.country):
        intervals = list(group)
        for earlier, later in itertools.pairwise(intervals):
            assert earlier.left is not None
            assert earlier.left <= later.joined


# --- the UN -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1945-10-24", 27),
        ("1945-12-31", 49),
        ("2006-06-28", 192),
        ("2011-07-13", 192),
        ("2011-07-14", 193),
    ],
)
def test_un_member_count(day: str, expected: int) -> None:
    """Original members by the day of their ratification (Czechoslovakia and Yugoslavia
    unrecorded); Montenegro the 192nd, South Sudan the 193rd."""
    assert expected == len(blocs.get("UN").members_on(day))


def test_un_russia_continues_the_ussr() -> None:
    """The USSR is the member until 1991-12-24, the Russian Federation from that day."""
    un = blocs.get("UN")
    before, after = (True, False), (False, True)
    assert before == (un.is_member("SUHH", "1991-12-23"), un.is_member("RU", "1991-12-23"))
    assert after == (un.is_member("SUHH", "1991-12-24"), un.is_member("RU", "1991-12-24"))


def test_un_two_germanys() -> None:
    """Both German states from 1973-09-18; one member from 1990-10-03."""
    un = blocs.get("UN")
    assert {"DE", "DDDE"} <= codes(un.members_on("1990-10-02"))
    assert "DDDE" not in codes(un.members_on("1990-10-03"))
    assert not un.is_member("DE", "1973-09-17")


def test_un_switzerland_joined_in_2002() -> None:
    """Switzerland is a UN member from 2002-09-10 only."""
    un = blocs.get("UN")
    expected = (False, True)
    assert expected == (un.is_member("CH", "2002-09-09"), un.is_member("CH", "2002-09-10"))


def test_every_un_row_names_its_source() -> None:
    """Each UN membership row carries a source address."""
    rows = [row for row in _membership_rows() if row["bloc"] == "UN"]
    assert len(rows) == 195
    assert all(row["source"].startswith("http") for row in rows)


# --- get() --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["nato", "NATO", "Nato", " nato ", "North Atlantic Treaty Organization"]
)
def test_get_is_case_insensitive(text: str) -> None:
    """get() finds a bloc by code or name in any case."""
    assert blocs.get(text).code == "NATO"


def test_get_unknown_raises() -> None:
    """An unknown bloc raises UnknownBlocError, a LookupError."""
    with pytest.raises(sanctions_tracker.UnknownBlocError) as info:
        blocs.get("ASEAN")
    assert isinstance(info.value, LookupError)


# --- generated blocs ----------------------------------------------------------------

_COUNTRIES = ("AT", "DE", "FR", "GB", "NO")
_EPOCH = dt.date(1950, 1, 1)
_days = st.integers(min_value=0, max_value=30_000).map(lambda n: _EPOCH + dt.timedelta(days=n))


@st.composite
def disjoint_memberships(draw: st.DrawFn) -> list[Membership]:
    """Memberships whose intervals never overlap within one country."""
    result: list[Membership] = []
    for code in draw(st.lists(st.sampled_from(_COUNTRIES), unique=True, max_size=4)):
        cuts = sorted(draw(st.lists(_days, min_size=1, max_size=6, unique=True)))
        open_end = draw(st.booleans()) or len(cuts) % 2 == 1
        pairs = [cuts[i : i + 2] for i in range(0, len(cuts), 2)]
        for i, pair in enumerate(pairs):
            last = i == len(pairs) - 1
            left = None if (len(pair) == 1 or (last and open_end)) else pair[1]
            result.append(Membership(code, pair[0], left))
    return draw(st.permutations(result))


def _covers(membership: Membership, day: dt.date) -> bool:
    return membership.joined <= day and (membership.left is None or day < membership.left)


@given(disjoint_memberships(), _days)
def test_generated_bloc_membership_is_consistent(
    memberships: list[Membership], day: dt.date
) -> None:
    """is_member and members_on agree with a plain reading of the intervals."""
    bloc = Bloc("TEST", "Test bloc", memberships)
    expected = {m.country for m in memberships if _covers(m, day)}
    assert expected == set(bloc.members_on(day))
    for code in _COUNTRIES:
        assert (Country(code) in expected) == bloc.is_member(code, day)


@given(
    st.sampled_from(_COUNTRIES),
    _days,
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=0, max_value=5000),
    st.one_of(st.none(), st.integers(min_value=1, max_value=5000)),
)
def test_generated_overlapping_intervals_are_rejected(
    code: str, joined: dt.date, length: int, offset: int, second_length: int | None
) -> None:
    """A bloc whose country has two overlapping intervals is refused."""
    first = Membership(code, joined, joined + dt.timedelta(days=length))
    second_joined = joined + dt.timedelta(days=offset % length)
    second_left = (
        None if second_length is None else second_joined + dt.timedelta(days=second_length)
    )
    second = Membership(code, second_joined, second_left)
    with pytest.raises(ValueError, match="overlap"):
        Bloc("TEST", "Test bloc", [second, first])


def test_builtin_blocs_carry_their_notes() -> None:
    """The caveats of data/blocs.csv reach the Bloc: the EU is no member of the G7."""
    assert "not a member" in blocs.get("G7").note
    assert "Switzerland" in blocs.get("EEA").note
    assert blocs.get("EU").note == ""
