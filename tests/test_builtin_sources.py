"""Every record of every built-in dataset cites a page address or a document symbol."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from sanctions_tracker import Dataset
from sanctions_tracker.datasets import BUILT_IN

# A page address (with or without its scheme: "https://...", "cryer.org.uk/..."), or a
# document symbol ("A/RES/68/262", "GA/11493", "SOR/2020-214"), alone or followed by
# what it is after a space.
_CITABLE = re.compile(
    r"^(?:https?://\S+|[\w-]+(?:\.[\w-]+)+/\S*|[A-Z]+(?:/[A-Z0-9.-]+)+)(?:\s.*)?$"
)


def _citable(source: str) -> bool:
    return _CITABLE.match(source) is not None


def _records(ds: Dataset) -> Iterator[tuple[str, tuple[str, ...]]]:
    for document in ds.documents:
        yield f"document {document.id}", document.sources
        for signature in document.signatures:
            yield f"signature {document.id} {signature.party}", signature.sources
    yield from ((f"regime {r.id}", r.sources) for r in ds.regimes)
    yield from ((f"action {a.regime} {a.date}", a.sources) for a in ds.actions)
    yield from ((f"designation {d.id}", d.sources) for d in ds.designations)
    yield from ((f"alignment {a.country} {a.regime}", a.sources) for a in ds.alignments)


def _all_records() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for name, load in BUILT_IN.items():
        for where, sources in _records(load()):
            yield name, where, sources


@pytest.mark.parametrize(("dataset", "where", "sources"), list(_all_records()))
def test_every_record_cites_an_address_or_a_symbol(
    dataset: str, where: str, sources: tuple[str, ...]
) -> None:
    """Each record has a source that is a page address or a document symbol."""
    assert any(_citable(s) for s in sources), f"{dataset}: {where}: {sources}"


def test_every_kind_of_record_is_checked() -> None:
    """The records checked include documents, signatures, regimes, acts, listings, alignments."""
    kinds = {where.split()[0] for _, where, _ in _all_records()}
    expected = {"document", "signature", "regime", "action", "designation", "alignment"}
    assert expected == kinds


@pytest.mark.parametrize(
    "source",
    [
        "UrduPoint/Sputnik, 18 September 2020: 'Twenty-Nine Countries Urge Belarus'",
        "by.usembassy.gov",
        "US Treasury press release sm1143",
        "Withdrawal Agreement, Article 127 (transition period)",
    ],
)
def test_a_title_or_a_bare_domain_is_not_an_address(source: str) -> None:
    """A title, or a site's name without the page, does not count as a citation."""
    assert not _citable(source)


@pytest.mark.parametrize(
    "source",
    [
        "https://home.treasury.gov/news/press-releases/sm1143",
        "cryer.org.uk/United_Nations_General_Assembly_resolution_68%2f39",
        "https://github.com/dgrtwo/unvotes (un_votes, rcid 5309)",
        "A/RES/68/262",
        "A/HRC/41/G/17",
    ],
)
def test_an_address_or_a_symbol_is_citable(source: str) -> None:
    """A page address, with or without its scheme, or a UN symbol counts as a citation."""
    assert _citable(source)
