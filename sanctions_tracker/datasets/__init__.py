"""Built-in datasets: real, sourced data shipped with the package.

:func:`belarus_2020` holds the joint statements, the open letter, the sanctions
regimes, acts and alignments of the 2020 Belarus crisis, every record with its source.

>>> from sanctions_tracker import datasets
>>> belarus = datasets.belarus_2020()
>>> [r.id for r in belarus.regimes][:3]
['CA-BLR', 'CH-BLR', 'EE-BLR']
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.io import loads

__all__ = ["belarus_2020"]

_BELARUS_2020 = "belarus-2020.json"


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
