"""Normalisation of country names: the one function that turns a text into a lookup key.

Every name we know and every text we are asked about goes through :func:`normalise`, and
resolution is a dictionary lookup of the result, so two texts resolve alike exactly when
they normalise alike. The rules, in order:

- Unicode compatibility decomposition (NFKD), then every combining mark is dropped:
  accents go (``Côte`` -> ``cote``, ``Объединённые`` -> ``объединенные``) while the
  base letters of every script stay (Cyrillic, Arabic and Chinese survive).
- Case folding; ``&`` reads ``and``; full stops vanish (``U.S.`` -> ``us``,
  ``St.`` -> ``st``); apostrophes, hyphens and other punctuation become spaces.
- A trailing article or a trailing ``... of`` clause, in parentheses or after a comma,
  moves to the front, as the UN and ISO invert names: ``Congo (the)``,
  ``Gambia, The``, ``Bolivia (Plurinational State of)``, ``Iran (République islamique
  d')``; so does any trailing parenthesis in Russian, where the UN writes the form of
  state after the name (``Боливия (Многонациональное Государство)``).
- Leading articles go: English ``the``, French ``le``, ``la``, ``les``, ``l'``,
  Spanish ``el``, ``la``, ``los``, ``las`` (so ``the El Salvador`` is ``El Salvador``);
  the last word is always kept (``LA`` is Laos).
- The word ``st`` reads ``saint`` (``ste`` reads ``sainte``), and CLDR's Russian
  abbreviations of ``остров`` and ``острова`` (island, islands) are spelt out;
  whitespace collapses.

>>> normalise("  Congo (the) ")
'congo'
>>> normalise("Bolivia (Plurinational State of)")
'plurinational state of bolivia'
>>> normalise("St. Kitts & Nevis")
'saint kitts and nevis'
>>> normalise("Côte d\u2019Ivoire") == normalise("COTE D'IVOIRE")
True
>>> normalise("Объединённые Арабские Эмираты") == normalise("объединенные арабские эмираты")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["ARTICLES", "normalise"]

#: Leading articles of English, French and Spanish names, after punctuation is spaced.
ARTICLES = frozenset({"the", "l", "le", "la", "les", "el", "los", "las"})

# The last word(s) of a clause that is an inverted prefix: "Iran (Islamic Republic of)",
# "Congo (the Democratic Republic of the)", "Venezuela (République bolivarienne du)".
_PREFIX_ENDINGS = frozenset({"of", "de", "del", "du", "des", "d"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Everything but letters, digits, whitespace and the structure we read: ( ) , '
_NOISE = re.compile(r"[^\w\s(),']|_")
_TRAILING_PAREN = re.compile(r"^(?P<head>.*?\S)\s*\((?P<tail>[^()]*)\)$")
_TRAILING_COMMA = re.compile(r"^(?P<head>[^,]*?\S)\s*,(?P<tail>[^,()]*)$")
_SPACING = re.compile(r"[\s(),']+")
_SAINTS = {"st": "saint", "ste": "sainte"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# CLDR's Russian names abbreviate "острова" (islands) and "остров" (island).
_RUSSIAN_ABBREVIATIONS = re.compile(r"(?<!\w)\u043e-\u0432(\u0430?)(?!\w)")


def _is_prefix(clause: str, *, parenthesised: bool) -> bool:
    """True when a trailing clause belongs in front of the name it follows."""
    words = _SPACING.sub(" ", clause).split()
    if not words:
        return False
    if len(words) == 1 and words[0] in ARTICLES:
        return True
    if parenthesised and _CYRILLIC.search(clause):
        # The UN's Russian names put the form of state after the name, in parentheses:
        # "Боливия (Многонациональное Государство)" is "Многонациональное Государство Боливия".
        return True
    last = words[-2] if words[-1] in ARTICLES and len(words) > 1 else words[-1]
    return last in _PREFIX_ENDINGS


def _without_articles(words: list[str]) -> list[str]:
    """The words without their leading articles; the last word always stays."""
    while len(words) > 1 and words[0] in ARTICLES:
        del words[0]
    return words


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """The lookup key of a country name or code (see the module docstring).

    Args:
        text: any text.

    Returns:
        The key: lower case, without accents or punctuation, in a canonical word order.

    >>> normalise("the United Kingdom")
    'united kingdom'
    >>> normalise("Korea, Rep.")
    'korea rep'
    >>> normalise("Gambia, The") == normalise("The Gambia") == normalise("gambia")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.casefold().translate(_APOSTROPHES).replace("&", " and ").replace(".", "")
    text = _RUSSIAN_ABBREVIATIONS.sub(r"остров\1", text)
    text = _NOISE.sub(" ", text).strip()
    for pattern in (_TRAILING_PAREN, _TRAILING_COMMA):
        match = pattern.match(text)
        if match and _is_prefix(match["tail"], parenthesised=pattern is _TRAILING_PAREN):
            head = _without_articles(_SPACING.sub(" ", match["head"]).split())
            text = f"{match['tail']} {' '.join(head)}"
            break
    words = _without_articles(_SPACING.sub(" ", text).split())
    return " ".join(_SAINTS.get(word, word) for word in words)
