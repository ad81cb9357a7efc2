"""Regions: parts of a country sanctioned on their own, keyed by ISO 3166-2."""

from __future__ import annotations

import pickle

import pycountry
import pytest

from sanctions_tracker import Country, Region, UnknownCountryError
from sanctions_tracker.regions import all_regions, is_region


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("ua-cri", "UA-43"),
        ("UA-43", "UA-43"),
        ("UA-40", "UA-40"),
        ("ua-dpr", "UA-14"),
        ("UA-14", "UA-14"),
        ("ua-lpr", "UA-09"),
        ("UA-09", "UA-09"),
        ("md-pmr", "MD-SN"),
        (" Crimea ", "UA-43"),
        ("ua_cri", "UA-43"),
    ],
)
def test_region_accepts_iso_and_opensanctions_codes(given: str, code: str) -> None:
    """A region is given by its ISO 3166-2 code, its OpenSanctions code or its name."""
    assert code == Region(given).code


def test_every_region_is_an_iso_subdivision_of_its_country() -> None:
    """Each code of data/regions.csv is an ISO 3166-2 subdivision of the country it names."""
    for region in all_regions():
        codes = {s.code: s.country_code for s in pycountry.subdivisions}
        assert region.code in codes, region.code
        assert Country(codes[region.code]) == region.country


def test_region_knows_its_country() -> None:
    """Crimea belongs to Ukraine, Transnistria to Moldova."""
    assert (Country("UA"), Country("MD")) == (Region("ua-cri").country, Region("md-pmr").country)


def test_region_is_not_its_country() -> None:
    """A region never equals its country."""
    region: object = Region("UA-43")
    assert Country("UA") != region


def test_unknown_region_is_an_unknown_country_error_with_suggestions() -> None:
    """A code that names no region raises UnknownCountryError, suggesting close ones."""
    with pytest.raises(UnknownCountryError) as caught:
        Region("ua-crl")
    assert "UA-43" in caught.value.suggestions


def test_region_is_hashable_ordered_and_pickles() -> None:
    """Regions sort by code, hash, and survive pickling."""
    regions = sorted({Region("UA-43"), Region("UA-09"), Region("UA-43")})
    assert [Region("UA-09"), Region("UA-43")] == regions
    assert regions == pickle.loads(pickle.dumps(regions))


def test_every_region_has_a_source() -> None:
    """Each row of data/regions.csv says where it comes from."""
    assert all(region.source for region in all_regions())


def test_is_region_accepts_a_region() -> None:
    """is_region is true for an OpenSanctions region code."""
    assert is_region("ua-lpr")


def test_is_region_refuses_a_country() -> None:
    """is_region is false for a country's code."""
    assert not is_region("RU")
