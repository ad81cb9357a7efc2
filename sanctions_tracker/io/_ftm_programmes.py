"""The FtM reader's look-up of programmes in the OpenSanctions registry.

A Sanction's ``programId`` is looked up by key (or alias); lacking one, its
``program`` text is matched against the aliases, the Sanction's authority settling an
alias that several programmes share. What the registry lacks is not guessed: the
regime keeps its stream-made id and no target, and the summary lists it. An alias
that stays ambiguous is reported with every candidate.

>>> frame = registry_frame(pl.DataFrame(
...     {"programme": ["US-BRUS", "UNSCR 1718", "Reciprocal", "UN-SC1718"],
...      "from_id": [True, False, False, True], "authority": ["US", "FR", "US", None]}))
>>> frame.select("programme", "key", "registry_authority", "targets").rows()[0]
('US-BRUS', 'US-BRUS', 'US', ['BY'])
>>> frame["key"].to_list()[1:3]
[None, None]
>>> frame.select("key", "registry_authority_kind", "registry_authority").rows()[3]
('UN-SC1718', 'organization', 'UNSC')
>>> print(frame["problem"][1])
program 'UNSCR 1718' is ambiguous: it is an alias of EU-PRK or GB-DPRK; give a programId
"""

from __future__ import annotations

from typing import Any

import polars as pl

from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.errors import AmbiguousProgrammeError, UnknownProgrammeError
from sanctions_tracker.opensanctions import Programme, programme
from sanctions_tracker.records import UN_SECURITY_COUNCIL
from sanctions_tracker.regions import Region

__all__ = ["MAX_PROGRAM_ID", "REGISTRY_SCHEMA", "registry_frame", "target_codes"]

#: The longest programId read as a key; the registry's keys are at most 19 characters.
MAX_PROGRAM_ID = 64

REGISTRY_SCHEMA: dict[str, pl.DataType] = {
    "programme": pl.String(),
    "from_id": pl.Boolean(),
    "authority": pl.String(),
    "key": pl.String(),
    "registry_authority_kind": pl.String(),
    "registry_authority": pl.String(),
    "targets": pl.List(pl.String()),
    "title": pl.String(),
    "measures": pl.List(pl.String()),
    "url": pl.String(),
    "problem": pl.String(),
}


def target_codes(found: Programme) -> list[str]:
    """The codes of a programme's targets that a regime can hold: countries, then regions.

    A bloc targeted by a counter-measure (China's list aimed at the EU) is no country
    or region: it stays in the registry, not in the regime.

    >>> target_codes(programme("EU-UKR"))
    ['RU', 'UA-43', 'UA-14', 'UA-09']
    """
    return [t.code for t in found.targets if isinstance(t, Country | Region)]


def _row(text: str | None, from_id: bool, authority: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"key": None, "targets": [], "measures": [], "problem": None}
    if text is None or not text.strip():
        return row
    try:
        found = programme(text, authority=authority)
    except UnknownProgrammeError:
        return row
    except AmbiguousProgrammeError as error:
        what = "programId" if from_id else "program"
        candidates = error.candidates
        listed = ", ".join(candidates[:-1]) + f" or {candidates[-1]}"
        row["problem"] = (
            f"{what} {text!r} is ambiguous: it is an alias of {listed}; give a programId"
        )
        return row
    registry_authority = found.authority
    if isinstance(registry_authority, Country | Bloc):
        row["registry_authority_kind"] = (
            "bloc" if isinstance(registry_authority, Bloc) else "country"
        )
        row["registry_authority"] = registry_authority.code
    elif registry_authority == UN_SECURITY_COUNCIL:
        row["registry_authority_kind"] = "organization"
        row["registry_authority"] = UN_SECURITY_COUNCIL.id
    # Any other organisation (Interpol) cannot be a regime's authority: the Sanction's
    # own authority stands.
    row.update(
        key=found.key,
        targets=target_codes(found),
        title=found.title,
        measures=sorted(found.measures),
        url=found.url,
    )
    return row


def registry_frame(keys: pl.DataFrame) -> pl.DataFrame:
    """For each distinct (programme, from_id, authority): what the registry says of it.

    Args:
        keys: columns ``programme`` (a programId or program text), ``from_id`` (whether
            it is a programId) and ``authority`` (the Sanction's authority code).

    Returns:
        The same rows with ``key`` (null when the registry lacks the programme),
        ``registry_authority_kind``, ``registry_authority``, ``targets``, ``title``,
        ``measures``, ``url`` and ``problem`` (why an alias was not settled).
    """
    rows = [
        {
            "programme": text,
            "from_id": from_id,
            "authority": authority,
            **_row(text, from_id, authority),
        }
        for text, from_id, authority in keys.select("programme", "from_id", "authority").rows()
    ]
    return pl.DataFrame(rows, schema=REGISTRY_SCHEMA)
