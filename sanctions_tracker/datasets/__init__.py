"""Built-in datasets: real, sourced data shipped with the package, and example files.

:func:`belarus_2020` holds the joint statements, the open letter, the sanctions
regimes, acts and alignments of the 2020 Belarus crisis, every record with its source;
:func:`xinjiang_2019_2021` the letters and statements on Xinjiang of 2019 and 2020 and
the sanctions of 2020 and 2021; :func:`crimea_2014` the General Assembly's vote of
2014-03-27 on Ukraine's territorial integrity and the year's sanctions on Russia. Every
record carries the page addresses or document symbols it comes from.
:func:`zala_stream_path` and :func:`eu_annex_example_path` are files to try the
importers on: a real OpenSanctions entity stream, and an EU annex in its real layout.

>>> from sanctions_tracker import datasets
>>> belarus = datasets.belarus_2020()
>>> [r.id for r in belarus.regimes][:3]
['CA-BLR', 'CH-BLR', 'EE-BLR']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import polars as pl

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.datasets import _crimea, _xinjiang
from sanctions_tracker.io import loads

__all__ = [
    "BUILT_IN",
    "belarus_2020",
    "catalogue",
    "crimea_2014",
    "eu_annex_example_path",
    "xinjiang_2019_2021",
    "zala_stream_path",
]

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


@cache
def xinjiang_2019_2021() -> Dataset:
    """Xinjiang, 2019-2021: the letters and statements for and against China, and the sanctions.

    Four documents: the letter of 22 states critical of China to the Human Rights
    Council (``xj-2019-07-08-hrc41-critical``), the letter of 37 in its support
    (``xj-2019-07-12-hrc41-support``) with the 14 states that joined it later and
    Qatar's withdrawal, and the two joint statements of 2020-10-06 in the General
    Assembly's Third Committee (``xj-2020-10-06-unga3c-germany``,
    ``xj-2020-10-06-unga3c-cuba``). The listings of Chinese officials and entities of
    2020 and 2021-03-22 under the EU's, the UK's and the US's thematic human-rights
    regimes (``EU-HR``, ``GB-HR``, ``US-GLOMAG``) and Canada's China regulations
    (``CA-CHN``), and Norway's and Iceland's alignment with the EU's listings. Built
    once, from the sentences the sources print; a Dataset is immutable.

    >>> support = xinjiang_2019_2021().document("xj-2019-07-12-hrc41-support")
    >>> late = sorted(str(s.signed_on) for s in support.signatures if s.signed_on)
    >>> len(support.signatures), late.count("2019-07-26"), late.count("2019")
    (51, 13, 1)
    >>> [(s.party.code, str(s.withdrawn_on)) for s in support.signatures if s.withdrawn_on]
    [('QA', '2019-07-18')]
    """
    return _xinjiang.build()


@cache
def crimea_2014() -> Dataset:
    """Crimea, 2014: who voted for Ukraine's territorial integrity, and who sanctioned Russia.

    The General Assembly's roll call of 2014-03-27 on resolution 68/262 (document id
    ``A/RES/68/262``: 100 for, 11 against, 58 abstentions, from the unvotes tables, and
    the 24 other members of the UN on the day recorded as absent);
    eleven regimes against Russia of the EU, the US, Canada, Australia, Japan, Norway,
    Switzerland, New Zealand and Ukraine, and the EU's and the US's regimes on Crimea as
    a region, with their acts of 2014; and the alignments with the EU's decisions that
    the declarations name. Built once; immutable.

    >>> vote = crimea_2014().document("A/RES/68/262")
    >>> sorted({s.vote for s in vote.signatures}), len(vote.signatures)
    (['absent', 'abstain', 'against', 'for'], 193)
    """
    return _crimea.build()


BUILT_IN: Mapping[str, Callable[[], Dataset]] = MappingProxyType(
    {
        "belarus-2020": belarus_2020,
        "crimea-2014": crimea_2014,
        "xinjiang-2019-2021": xinjiang_2019_2021,
    }
)
"""The built-in datasets by name, as the command line's ``--dataset`` takes them."""


def catalogue() -> pl.DataFrame:
    """One row a built-in dataset: its name, what it holds, and how many records of each kind.

    >>> catalogue().select("name", "documents", "regimes").rows()
    [('belarus-2020', 3, 8), ('crimea-2014', 1, 13), ('xinjiang-2019-2021', 4, 4)]
    """
    rows = []
    for name, load in BUILT_IN.items():
        dataset = load()
        rows.append(
            {
                "name": name,
                "function": f"sanctions_tracker.datasets.{load.__name__}",
                "title": (load.__doc__ or "").strip().splitlines()[0],
                "documents": len(dataset.documents),
                "regimes": len(dataset.regimes),
                "actions": len(dataset.actions),
                "designations": len(dataset.designations),
                "alignments": len(dataset.alignments),
            }
        )
    return pl.DataFrame(rows)


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
