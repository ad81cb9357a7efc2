"""The records: converters take forgiving input, validators reject what cannot be right."""

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    alignments,
    blocs,
    designations,
    letters,
    organizations,
    persons,
    regimes,
    signatures,
    statements,
)

from sanctions_tracker import blocs as builtin_blocs
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.errors import UnknownCountryError
from sanctions_tracker.records import (
    MEASURES,
    Alignment,
    Designation,
    JointStatement,
    Letter,
    Organization,
    Person,
    SanctionsAction,
    SanctionsRegime,
    Signature,
    to_party,
)

# -- converters ----------------------------------------------------------------------------


def test_subject_name_becomes_country() -> None:
    """A country name given as a subject becomes its Country."""
    assert Country("BY") == JointStatement("s", "S", "2020", subject="Belarus").subject


def test_alignment_country_name_becomes_country() -> None:
    """An aligning country may be written by name."""
    assert Country("UA") == Alignment("Ukraine", "EU-BLR", "2020-11-20").country


def test_nationality_code_becomes_country() -> None:
    """A person's nationality may be written as a code, in any case."""
    assert Country("BY") == Person("A. Lukashenko", nationality="by").nationality


def test_empty_country_is_none() -> None:
    """An empty country is no country."""
    assert Organization("Belaruskali", country="").country is None


def test_month_text_becomes_partial_date() -> None:
    """``"2020-09"`` becomes a month-precise PartialDate."""
    assert PartialDate(2020, 9) == JointStatement("s", "S", "2020-09").issued_on


def test_date_becomes_partial_date() -> None:
    """A datetime.date becomes a day-precise PartialDate."""
    assert PartialDate(2020, 9, 17) == Letter("l", "L", dt.date(2020, 9, 17)).published_on


def test_bare_names_become_signatures() -> None:
    """A document's signatures may be given as bare names."""
    statement = JointStatement("s", "S", "2020", signatures=["Japan", "the Czech Republic"])
    assert (Signature(Country("JP")), Signature(Country("CZ"))) == statement.signatures


def test_parties_become_signatures() -> None:
    """A document's signatures may be given as parties."""
    person = Person("Anna")
    assert (Signature(person),) == Letter("l", "L", "2020", signatures=[person]).signatures


def test_european_union_becomes_the_eu_bloc() -> None:
    """ "the European Union" names the built-in EU bloc, not a country."""
    assert builtin_blocs.get("EU") == Signature("the European Union").party


def test_to_party_prefers_bloc_codes() -> None:
    """A bloc code names the bloc."""
    assert isinstance(to_party("NATO"), Bloc)


def test_regime_authority_by_name() -> None:
    """A regime's authority may be a country name."""
    assert Country("GB") == SanctionsRegime("UK-BLR", "UK", "United Kingdom").authority


def test_measures_forgive_case_and_separators() -> None:
    """Measure names forgive case, underscores and hyphens."""
    regime = SanctionsRegime("X", "X", "EU", measures=["Asset_Freeze", "travel-ban"])
    assert frozenset({"asset freeze", "travel ban"}) == regime.measures


def test_one_measure_as_a_string() -> None:
    """One measure may be given as a string."""
    assert (
        frozenset({"arms embargo"})
        == SanctionsRegime("X", "X", "EU", measures="arms embargo").measures
    )


def test_sources_string_becomes_tuple() -> None:
    """One source may be given as a string."""
    expected = ("https://example.org",)
    assert expected == Signature("JP", sources="https://example.org").sources


def test_identifiers_sorted_and_unique() -> None:
    """Identifiers are kept sorted and once each."""
    expected = ("a", "b")
    assert expected == Person("P", identifiers=["b", "a", "b"]).identifiers


def test_vote_normalised() -> None:
    """A vote forgives case and spaces."""
    expected = "abstain"
    assert expected == Signature("JP", vote=" Abstain ").vote


def test_count_qualifier_normalised() -> None:
    """A count qualifier forgives case."""
    expected = "more than"
    assert expected == Letter("l", "L", "2020", count_qualifier="More Than").count_qualifier


def test_action_kind_normalised() -> None:
    """An action kind forgives case."""
    expected = "amend"
    assert expected == SanctionsAction("R", "2020", "Amend").kind


def test_evolve_runs_converters() -> None:
    """attrs.evolve converts a new value as the constructor does."""
    statement = attrs.evolve(JointStatement("s", "S", "2020"), subject="Japan")
    assert Country("JP") == statement.subject


# -- validators ------------------------------------------------------------------------------


def test_withdrawn_before_signed_rejected() -> None:
    """A signature cannot be withdrawn before it is made."""
    with pytest.raises(ValueError, match="withdrawn_on 2019-07-08 is before signed_on"):
        Signature("Qatar", signed_on="2019-08-21", withdrawn_on="2019-07-08")


def test_withdrawn_in_overlapping_month_allowed() -> None:
    """A withdrawal whose month holds the signing day is not certainly before it."""
    signature = Signature("Qatar", signed_on="2019-07-08", withdrawn_on="2019-07")
    assert PartialDate(2019, 7) == signature.withdrawn_on


def test_lifted_before_established_rejected() -> None:
    """A regime cannot be lifted before it is established."""
    with pytest.raises(ValueError, match="lifted_on 2019 is before established_on 2020"):
        SanctionsRegime("X", "X", "EU", established_on="2020-03", lifted_on="2019")


def test_delisted_before_listed_rejected() -> None:
    """A designation cannot end before it starts."""
    with pytest.raises(ValueError, match="delisted_on 2020-01-01 is before listed_on"):
        Designation("d", "R", Person("P"), listed_on="2020-06-01", delisted_on="2020-01-01")


def test_alignment_ended_before_aligned_rejected() -> None:
    """An alignment cannot end before it begins."""
    with pytest.raises(ValueError, match="ended_on 2019 is before aligned_on 2020-11-20"):
        Alignment("UA", "EU-BLR", "2020-11-20", ended_on="2019")


def test_unknown_measure_rejected() -> None:
    """A measure outside the vocabulary is rejected, naming the known ones."""
    with pytest.raises(ValueError, match="unknown measure 'naming and shaming': write one of"):
        SanctionsRegime("X", "X", "EU", measures=["naming and shaming"])


def test_duplicate_signatory_rejected() -> None:
    """A party signs a document once."""
    with pytest.raises(ValueError, match=r"signatures\[2\]: JP signs twice"):
        JointStatement("s", "S", "2020", signatures=["Japan", "Ukraine", "JP"])


def test_duplicate_bloc_signatory_rejected() -> None:
    """A bloc named twice, by code and by name, signs twice."""
    with pytest.raises(ValueError, match="EU signs twice"):
        Letter("l", "L", "2020", signatures=["EU", "the European Union"])


def test_namesakes_may_both_sign() -> None:
    """Two persons of one name but different nationalities are two signatories."""
    people = [Person("Anna"), Person("Anna", nationality="PL")]
    expected = 2
    assert expected == len(Letter("l", "L", "2020", signatures=people).signatures)


@pytest.mark.parametrize("field", ["reported_count", "disclosure_threshold"])
def test_negative_letter_counts_rejected(field: str) -> None:
    """A letter's counts are not negative."""
    changes: dict[str, Any] = {field: -1}
    with pytest.raises(ValueError, match=f"{field} must not be negative"):
        attrs.evolve(Letter("l", "L", "2020"), **changes)


def test_negative_designation_count_rejected() -> None:
    """An act's designation count is not negative."""
    with pytest.raises(ValueError, match="designation_count must not be negative"):
        SanctionsAction("R", "2020", "amend", designation_count=-3)


def test_zero_count_allowed() -> None:
    """Zero is a count."""
    expected = 0
    assert expected == Letter("l", "L", "2020", reported_count=0).reported_count


def test_unknown_country_rejected() -> None:
    """A name of no country raises our own lookup error."""
    with pytest.raises(UnknownCountryError, match="Atlantis"):
        JointStatement("s", "S", "2020", signatures=["Atlantis"])


def test_empty_id_rejected() -> None:
    """An id is not blank."""
    with pytest.raises(ValueError, match="id must not be empty"):
        JointStatement(" ", "S", "2020")


def test_empty_name_rejected() -> None:
    """A person has a name."""
    with pytest.raises(ValueError, match="name must not be empty"):
        Person("")


def test_unknown_vote_rejected() -> None:
    """A vote is for, abstain or against."""
    with pytest.raises(ValueError, match="unknown vote 'maybe'"):
        Signature("JP", vote="maybe")


def test_unknown_action_kind_rejected() -> None:
    """An action kind is one of the known ones."""
    with pytest.raises(ValueError, match="unknown action kind 'punish'"):
        SanctionsAction("R", "2020", "punish")


def test_unknown_count_qualifier_rejected() -> None:
    """A count qualifier is one of the known ones."""
    with pytest.raises(ValueError, match="unknown count qualifier 'roughly'"):
        Letter("l", "L", "2020", count_qualifier="roughly")


def test_person_cannot_impose_sanctions() -> None:
    """A regime's authority is a country or a bloc."""
    with pytest.raises(TypeError, match="cannot impose sanctions"):
        SanctionsRegime("X", "X", Person("P"))  # type: ignore[arg-type]  # the wrong type is the point


def test_country_is_no_designation_target() -> None:
    """A designation lists a person or an organisation."""
    with pytest.raises(TypeError, match="is not a designation target"):
        Designation("d", "R", Country("BY"))  # type: ignore[arg-type]  # the wrong type is the point


def test_signatures_as_one_string_rejected() -> None:
    """One string is not a list of signatories."""
    with pytest.raises(TypeError, match="signatures are a list"):
        JointStatement("s", "S", "2020", signatures="Japan")


def test_records_are_frozen() -> None:
    """A record cannot be changed in place."""
    statement = JointStatement("s", "S", "2020")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        statement.title = "T"  # type: ignore[misc]  # assigning to a frozen field is the point


def test_measures_vocabulary_size() -> None:
    """The measure vocabulary holds the fifteen documented measures."""
    expected = 15
    assert expected == len(set(MEASURES))


# -- regime life -----------------------------------------------------------------------------


def test_in_force_after_established() -> None:
    """A regime is in force from the last day of its establishment."""
    regime = SanctionsRegime("X", "X", "EU", established_on="2020-10")
    expected = (False, True)
    assert expected == (
        regime.in_force_on(dt.date(2020, 10, 30)),
        regime.in_force_on(dt.date(2020, 10, 31)),
    )


def test_not_in_force_once_lifted() -> None:
    """A regime is not in force on the day it is lifted."""
    regime = SanctionsRegime("X", "X", "US", established_on="2006", lifted_on="2015-06-01")
    expected = (True, False)
    assert expected == (
        regime.in_force_on(dt.date(2015, 5, 31)),
        regime.in_force_on(dt.date(2015, 6, 1)),
    )


# -- properties ------------------------------------------------------------------------------

_RECORDS = st.one_of(
    statements(),
    letters(),
    signatures(),
    persons(),
    organizations(),
    blocs(),
    regimes(),
    designations(["EU-BLR", "US-BLR"]),
    alignments(["EU-BLR"]),
)


@given(_RECORDS)
def test_evolve_without_changes_is_equal(record: object) -> None:
    """Rebuilding a record from its own fields gives an equal record."""
    assert record == attrs.evolve(record)  # type: ignore[misc]  # every strategy yields attrs records


@given(_RECORDS)
def test_equal_records_hash_equal(record: object) -> None:
    """Records are hashable, and a rebuilt record hashes as the original."""
    assert hash(record) == hash(attrs.evolve(record))  # type: ignore[misc]  # attrs records
