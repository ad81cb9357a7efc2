"""The OpenSanctions sanctions-programme registry: who issues each programme, whom it
targets, with which measures. Shipped as package data (MIT, from the OpenSanctions
repository's ``meta/`` folder; :func:`source` names the commit).

>>> from sanctions_tracker import opensanctions
>>> opensanctions.programme("US-BRUS").targets
(Country('BY'),)
"""

from sanctions_tracker.errors import AmbiguousProgrammeError, UnknownProgrammeError
from sanctions_tracker.opensanctions.programmes import (
    STATUSES,
    Programme,
    all_programmes,
    programme,
    programmes,
    source,
)
from sanctions_tracker.opensanctions.territories import Issuer

__all__ = [
    "STATUSES",
    "AmbiguousProgrammeError",
    "Issuer",
    "Programme",
    "UnknownProgrammeError",
    "all_programmes",
    "programme",
    "programmes",
    "source",
]
