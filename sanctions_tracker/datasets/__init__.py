"""Built-in datasets: real, sourced data shipped with the package, and example files.

:func:`belarus_2020` holds the joint statements, the open letter, the sanctions
regimes, acts and alignments of the 2020 Belarus crisis, every record with its source.
:func:`zala_stream_path` and :func:`eu_annex_example_path` are files to try the
importers on: a real OpenSanctions entity stream, and an EU annex in its real layout.

>>> from sanctions_tracker import datasets
>>> belarus = datasets.belarus_2020()
>>> [r.id for r in belarus.regimes][:3]
['CA-BLR', 'CH-BLR', 'EE-BLR']
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.io import loads

__all__ = ["belarus_2020", "eu_annex_example_path", "zala_stream_path"]

_BELARUS_2020 = "belarus-2020.json"
_ZALA = "opensanctions-zala.ftm.json"
_EU_ANNEX = "eu-annex-example.csv"


@cache
def belarus_2020() -> Dataset:
    """Belarus, 2020: who signed the statements and the letter, and who sanctioned whom.

    Three documents (``by-2020-09-17-internet-shutdowns``,
    ``by-2020-10-26-un-human-rights``, ``by-2020-security-forces-letter``); eight
    regimes against Belarus (``EU-BLR``, ``GB-BLR``, ``CA-BLR``, ``US-BLR``, ``CH-BLR``,
    ``EE-BLR``, ``LV-BLR``, ``LT-BLR``) with their 2020 acts; the alignment of seven
    countries with the EU's regime on 2020-11-20, and the United Kingdom's during the
    Brexit transition period. Loaded once from package data; a Dataset is immutable.

    >>> statement = belarus_2020().document("by-2020-09-17-internet-shutdowns")
    >>> len(statement.signatures), str(statement.date)
    (29, '2020-09-17')
    """
    text = resources.files(__package__).joinpath(_BELARUS_2020).read_text(encoding="utf-8")
    return Dataset.from_tables(loads(text, file=_BELARUS_2020), row_numbers=False)


def _path(name: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(name)))


def zala_stream_path() -> Path:
    """A real OpenSanctions entity stream: 41 sanctions against one corporate group.

    FollowTheMoney JSON lines of a dozen authorities' sanctions against the Zala group
    and its people, from OpenSanctions' yente (MIT licence, its notice beside the
    file). Give it to :func:`sanctions_tracker.import_ftm`.

    >>> path = zala_stream_path()
    >>> path.name, path.read_text(encoding="utf-8").count('"schema": "Sanction"')
    ('opensanctions-zala.ftm.json', 41)
    """
    return _path(_ZALA)


def eu_annex_example_path() -> Path:
    """A small EU annex in the layout OpenSanctions extracts from EUR-Lex, rows invented.

    Nine rows of Council Regulation (EC) No 765/2006's annexes (programme ``EU-BLR``)
    with the real file's 45 columns: persons and an entity with record ids, entities
    without, dates ``d.m.yyyy`` and one in words, and an ``Asset`` row. The names and
    reasons are made up; give it to :func:`sanctions_tracker.import_eu_annex`.

    >>> eu_annex_example_path().read_text(encoding="utf-8").count("EU-BLR")
    9
    """
    return _path(_EU_ANNEX)
