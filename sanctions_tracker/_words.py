"""Counts in words, for the messages and summaries people read: "1 regime", "2 regimes".

>>> plural(1, "designation"), plural(2, "roll call"), plural(0, "party", "parties")
('1 designation', '2 roll calls', '0 parties')
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, word: str, words: str | None = None) -> str:
    """``count`` and the noun in the number it takes: ``word`` for one, else ``words``.

    Args:
        count: How many.
        word: The noun for one.
        words: The noun for any other number; default ``word`` and an ``s``.

    >>> plural(1, "line"), plural(3, "entity", "entities")
    ('1 line', '3 entities')
    """
    return f"{count} {word if count == 1 else words or word + 's'}"
