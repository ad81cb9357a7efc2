"""Name resolution tables (placeholder: codes and ISO names only)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sanctions_tracker._registry import registry
from sanctions_tracker.errors import UnknownCountryError

__all__ = ["resolve_code", "resolve_codes"]


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for info in registry().values():
        for key in (
            info.code,
            info.alpha_3,
            info.name,
            info.official_name,
            info.common_name,
        ):
            if key:
                table[key.casefold()] = info.code
    return table


def resolve_code(text: str) -> str:
    key = text.strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    try:
        return _table()[key]
    except KeyError:
        raise UnknownCountryError(text) from None


def resolve_codes(texts: Iterable[str]) -> list[str]:
    return [resolve_code(t) for t in texts]
