"""Where a list is and where a name ends in prose: the rules of the signatory-list parser.

A list as published rarely holds names alone. Its first item may carry the words that
lead up to it ("... se encuentran Antigua y Barbuda", "EFTA countries Iceland"), its
last item the clause that follows it ("... and the United States today called for"),
and a list copied from a table may join two names with a space ("Croatia Czech
Republic"). These functions find the name inside such an item, and only when the
words around it cannot belong to a name: a lower-case word that is neither an article,
a connector nor a word of a country's form of state ("democratic", "republic", ...).
They never shorten a name to a part that names another country ("Democratic Republic
of the Congo" never becomes "Congo": the word before "Congo" is a connector).

>>> head_name("the United States today called for an end", 0, 40, lookup)
(0, 17, Country('US'))
>>> tail_name("potential candidate Bosnia and Herzegovina", 0, 42, lookup, lead=False)
(20, 42, Country('BA'))
>>> [(start, end) for start, end, _ in split_run("Croatia Czech Republic", 0, 22, lookup)]
[(0, 7), (8, 22)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from sanctions_tracker import blocs
from sanctions_tracker._resolve import resolve_unique
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country
from sanctions_tracker.errors import UnknownBlocError

__all__ = [
    "ABBREVIATIONS",
    "CONNECTORS",
    "MAX_LINE_WORDS",
    "bullet_end",
    "clause_start",
    "clause_word",
    "head_name",
    "junk",
    "list_lines",
    "lookup",
    "paren_depths",
    "regions",
    "sentence_end",
    "sentence_start",
    "split_run",
    "tail_name",
    "words",
]

Party = Country | Bloc
Lookup = Callable[[str], Party | None]

# Words that sit inside names: articles and connectors of the UN languages written in
# Latin letters, and the words of a form of state.
CONNECTORS = frozenset(
    [
        "the",
        "of",
        "and",
        "&",
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "el",
        "los",
        "las",
        "del",
        "y",
        "e",
        "et",
        "da",
        "do",
        "dos",
        "das",
    ]
)
NAME_WORDS = frozenset(
    [
        "democratic",
        "republic",
        "people's",
        "peoples",
        "islamic",
        "federal",
        "federated",
        "united",
        "plurinational",
        "bolivarian",
        "arab",
        "socialist",
        "kingdom",
        "state",
        "states",
        "island",
        "islands",
        "former",
        "principality",
        "grand",
        "duchy",
        "union",
        "commonwealth",
        "sultanate",
        "emirates",
        "independent",
        "cooperative",
        "oriental",
        "démocratique",
        "république",
        "populaire",
        "fédérale",
        "islamique",
        "unie",
        "royaume",
        "état",
        "états",
        "democrática",
        "república",
        "popular",
        "federal",
        "islámica",
        "unido",
        "reino",
        "estado",
        "estados",
    ]
)
PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "against",
        "with",
        "by",
        "about",
        "over",
        "into",
        "under",
        "between",
        "among",
        "en",
        "a",
        "à",
        "au",
        "aux",
        "para",
        "contra",
        "con",
        "por",
        "sur",
        "dans",
        "pour",
        "avec",
        "contre",
        "par",
        "entre",
        "sobre",
    ]
)
# The words that name what the next name is: "EFTA countries Iceland", "candidate Serbia".
CATEGORIES = frozenset(
    [
        "country",
        "countries",
        "state",
        "states",
        "nation",
        "nations",
        "member",
        "members",
        "candidate",
        "candidates",
        "partner",
        "partners",
        "government",
        "governments",
        "delegation",
        "delegations",
        "ally",
        "allies",
    ]
)
ARTICLES = frozenset(["the", "l", "la", "le", "les", "el", "los", "las"])
_WORD = re.compile(r"\S+")
_EDGE = "\"'()[],;:.!?\u201c\u201d\u2018\u2019"
_DASHES = frozenset({"-", "\u2013", "\u2014", ":"})


# A word broken over two lines by a hyphen, as text copied from a PDF keeps it.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n\s*(?=[^\W\d_A-Z])")
_CONNECTOR = re.compile(r"\s(?:y|et|e)\s")


def lookup(name: str) -> Country | Bloc | None:
    """The Country or Bloc that ``name`` names, if exactly one.

    A word broken over two lines is joined again; a name whose connector is Spanish or
    French but whose words are English ("St. Kitts y Nevis") is read with "and".

    >>> lookup("Lux-\\nembourg"), lookup("Saint Kitts y Nevis"), lookup("Atlantis")
    (Country('LU'), Country('KN'), None)
    """
    name = " ".join(_BROKEN_WORD.sub("", name).split())
    for candidate in dict.fromkeys((name, _CONNECTOR.sub(" and ", name))):
        codes, _ = resolve_unique([candidate])
        if codes:
            return Country(codes[candidate])
    try:
        return blocs.get(name)  # by code, or by name in any UN language
    except UnknownBlocError:
        return None


def words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the whitespace-separated words of ``text[start:end]``.

    >>> words("a  bc d", 0, 7)
    [(0, 1), (3, 5), (6, 7)]
    """
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _named(candidate: str) -> bool:
    """True when a run of words may be a name: its first word after an article and the
    words of a form of state ("the former Yugoslav Republic of Macedonia") does not start
    in lower case ("in" and "are" are codes, not names, in prose)."""
    found = candidate.split()
    while len(found) > 1 and (
        _bare(found[0]) in ARTICLES or (found[0][:1].islower() and _bare(found[0]) in NAME_WORDS)
    ):
        del found[0]
    letters = [c for c in found[0] if c.isalpha()] if found else []
    if len(found) == 1 and len(letters) <= 3 and not found[0].isupper():
        return False  # "No", "Are": words that are codes; a code in prose is in capitals
    return bool(letters) and not letters[0].islower()


def _bare(word: str) -> str:
    return word.strip(_EDGE).casefold()


# An elided French article or preposition before a word: "l'Albanie", "d'Andorre".
_ELIDED = re.compile(r"^[lLdD]['\u2019](?=\w)")


def clause_word(word: str) -> bool:
    """True when ``word`` cannot stand in a name: lower case, and neither an article, a
    connector nor a word of a form of state.

    >>> clause_word("expressed"), clause_word("the"), clause_word("democratic")
    (True, False, False)
    >>> clause_word("France"), clause_word("l'Atlantide"), clause_word("l'ensemble")
    (False, False, True)
    """
    word = _ELIDED.sub("", word)  # "l'Atlantide": the article is not the word
    letters = [c for c in word if c.isalpha()]
    bare = _bare(word)
    return bool(letters) and letters[0].islower() and bare not in CONNECTORS | NAME_WORDS


def junk(text: str) -> bool:
    """True when an item that names nothing reads as prose, not as a name: it holds a
    word that cannot stand in a name, or is a pronoun ("We, the leaders of ...").

    >>> junk("Countries that already endorsed the Ministerial Statement"), junk("Atlantis")
    (True, False)
    """
    found = text.split()
    return any(clause_word(w) for w in found) or [_bare(w) for w in found] in (
        ["we"],
        ["nous"],
        ["nosotros"],
    )


def head_name(text: str, start: int, end: int, lookup: Lookup) -> tuple[int, int, Party] | None:
    """The longest leading run of words of ``text[start:end]`` that names a party, when
    the words after it open a clause: at least two words, the first a clause word.

    >>> head_name("Guinea equatorial", 0, 17, lookup) is None
    True
    """
    spans = words(text, start, end)
    for k in range(len(spans) - 2, 0, -1):
        if not clause_word(text[spans[k][0] : spans[k][1]]):
            continue
        head_end = spans[k - 1][1]
        while head_end > start and text[head_end - 1] in _EDGE:
            head_end -= 1
        found = lookup(text[start:head_end]) if _named(text[start:head_end]) else None
        if found is not None:
            return start, head_end, found
    return None


def tail_name(
    text: str, start: int, end: int, lookup: Lookup, *, lead: bool, limit: int | None = None
) -> tuple[int, int, Party] | None:
    """The longest trailing run of words of ``text[start:end]`` that names a party, when
    the words before it lead up to a name: they end with a word of a category
    ("countries", "candidate"), or, where an item opens a list (``lead``), with any
    clause word that is not a preposition, or a dash or a colon.

    ``limit`` is where the words that may be left out end (the end of the first item of
    a joined run).

    >>> tail_name("the ongoing violence in Myanmar", 0, 31, lookup, lead=True) is None
    True
    >>> tail_name("se encuentran Antigua y Barbuda", 0, 31, lookup, lead=True)
    (14, 31, Country('AG'))
    """
    spans = words(text, start, end)
    last = limit if limit is not None else end
    for k in range(1, len(spans)):
        if spans[k - 1][1] > last:
            break
        before = text[spans[k - 1][0] : spans[k - 1][1]]
        bare = _bare(before)
        leads = bare in CATEGORIES or before in _DASHES or before.endswith(":")
        if lead and not leads:
            leads = clause_word(before) and bare not in PREPOSITIONS
        if not leads:
            continue
        found = lookup(text[spans[k][0] : end]) if _named(text[spans[k][0] : end]) else None
        if found is not None:
            return spans[k][0], end, found
    return None


def split_run(
    text: str, start: int, end: int, lookup: Lookup
) -> list[tuple[int, int, Party]] | None:
    """Two or more names written one after the other without a separator ("Chile
    Iceland", as lists copied from a table read), when exactly one way of cutting the
    words gives names that each start with a capital (or "the") and each resolve.

    >>> split_run("Guinea Bissau", 0, 13, lookup) is None
    True
    """
    spans = words(text, start, end)
    if not 2 <= len(spans) <= 12:
        return None
    # ways[i]: the cuts of the words from i on (None: more than one way)
    ways: dict[int, list[list[tuple[int, int, Party]]]] = {len(spans): [[]]}
    for i in range(len(spans) - 1, -1, -1):
        first = text[spans[i][0] : spans[i][1]]
        found_here: list[list[tuple[int, int, Party]]] = []
        if first[:1].isupper() or _bare(first) == "the":
            for j in range(i + 1, len(spans) + 1):
                rest = ways.get(j, [])
                if not rest:
                    continue
                found = lookup(text[spans[i][0] : spans[j - 1][1]])
                if found is not None:
                    piece = (spans[i][0], spans[j - 1][1], found)
                    found_here.extend([piece, *cut] for cut in rest)
        ways[i] = found_here[:2]
    cuts = ways[0]
    return cuts[0] if len(cuts) == 1 and len(cuts[0]) >= 2 else None


def clause_start(text: str, start: int, end: int) -> int | None:
    """Where a clause begins inside an item that names nothing ("the African Union
    Commission on the occasion of ..."): a clause word after the first two words, followed
    by three words or more, the next in lower case.

    >>> clause_start("the AU Commission on the occasion of the meeting", 0, 48)
    18
    >>> clause_start("the High Representative for Foreign Affairs", 0, 43) is None
    True
    """
    spans = words(text, start, end)
    if not spans or clause_word(text[spans[0][0] : spans[0][1]]):
        return None
    for k in range(2, len(spans) - 3):
        following = text[spans[k + 1][0] : spans[k + 1][1]]
        if clause_word(text[spans[k][0] : spans[k][1]]) and following[:1].islower():
            return spans[k][0]
    return None


# A bullet or a number before an item of a list: "-", "•", "12.", "(a)".
_BULLET = re.compile(r"[-*\u2022\u2023\u25e6\u2013\u2014\u00b7]|\d{1,3}[.)]|\(?[a-z]\)")
MAX_LINE_WORDS = 10


def bullet_end(line: str) -> int:
    """How many leading characters of ``line`` are a bullet or a number.

    >>> bullet_end("  • Andorra"), bullet_end("12. Chile"), bullet_end("Chile")
    (3, 3, 0)
    """
    stripped = line.lstrip()
    match = _BULLET.match(stripped)
    if match and stripped[match.end() : match.end() + 1].isspace():
        return len(line) - len(stripped) + match.end()
    return 0


_BROKEN_LINE = re.compile(r"[^\W\d_]-[ \t]*$")


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def list_lines(text: str, start: int) -> list[tuple[int, int]]:
    """The lines of a one-item-a-line list whose first line starts at ``start``; a word
    broken over two lines by a hyphen keeps its two lines together.

    >>> list_lines("Signatories\\n\\n• Lux-\\nembourg\\n• Chile", 0)
    [(0, 11), (13, 27), (28, 35)]
    """
    chunks: list[tuple[int, int]] = []
    bulleted = False
    line_start = start
    while line_start <= len(text):
        line_end = _line_end(text, line_start)
        while _BROKEN_LINE.search(text, line_start, line_end) and line_end < len(text):
            if not text[line_end + 1 :].lstrip(" \t")[:1].islower():
                break
            line_end = _line_end(text, line_end + 1)  # "Lux-" then "embourg": one line
        line = text[line_start:line_end]
        next_start = line_end + 1
        if not line.strip():
            following = text[next_start:].lstrip().split("\n", 1)[0]
            # a heading, a blank line, then bullets: the bullets are the list
            if not chunks or ((bulleted or len(chunks) == 1) and bullet_end(following)):
                line_start = next_start
                continue
            break
        if len(line.split()) > MAX_LINE_WORDS:
            break
        bulleted = bulleted or bool(bullet_end(line))
        chunks.append((line_start, line_end))
        line_start = next_start
    return chunks


# ----------------------------------------------------------------------------------
# Where the lists are

_INTRODUCER = re.compile(
    r"""
    \b(?:signed|joined|co-?sponsored|co-?signed|supported|endorsed|backed|released|issued)
      \s+by\b
    | \b(?:statement|declaration|letter|communiqu[ée])\s+(?:was\s+)?(?:made\s+)?by\b
    | \bon\s+behalf\s+of\b
    | \bincluding\b | \b(?:made\s+up|composed|consisting)\s+of\b
    # "The countries that signed the statement include:", "... sponsors ... were"
    | \b(?:countries|states|nations|governments|signatories|sponsors|co-?sponsors)\b
      (?:\s+[\w\u2019'-]+){0,10}?\s+(?:are|were|include|includes|included)\b(?:\s*:)?
    # "Those that signed the first letter include \u2013", "Signing the letter, ..., were:"
    | \b(?:signed|signing)\b(?:\s+[\w\u2019',-]+){0,10}?\s+(?:were|include|included)\b
      (?:\s*[:\u2013\u2014])?
    # "13 countries (A, B, C)": the list is the parenthesis
    | \b(?:countries|states|nations|members)\s*\(
    # a recorded vote: "7 against (Angola, Armenia, ...)", "with 3 abstentions (...)"
    | \b(?:in\s+favou?r|against|abstentions?|abstaining)\s*\(
    # "The foreign ministers of", "the representatives of", "Special Envoys of"
    | \b(?:leaders|embassies|ambassadors|presidents|ministers|governments|representatives
          |envoys|delegations)\b[^,;:.\n]{0,50}?\s(?:of|from)\b
      # a portfolio: "the Ministers of Foreign Affairs of"
      (?:\s+(?:foreign\s+affairs|defen[cs]e|trade|finance|justice|health)\s+of\b)?
    | \b(?:ministres|gouvernements|ambassadeurs|repr[ée]sentants|dirigeants)
      (?:\s+des\s+affaires\s+[ée]trang[èe]res)?(?=\s+(?:de|du|des|d['\u2019]))
    | \bthe\s+following(?:\s+[\w-]+){0,3}?\s+
      (?:countries|states|delegations|governments|signatories|members|participants)
      \b[^:\n.;]{0,60}:
    | ^[ \t]*(?:co-?)?(?:signatories|signatures)[ \t]*:
    # French: "signée par", "au nom de", "les pays suivants :", "Signataires :"
    | \b(?:sign|cosign|co-sign|copatronn|coparrain|rejoint)(?:é|ée|és|ées)\s+par\b
    | \bau\s+nom\b
    | \bles\s+(?:pays|[ÉE]tats|d[ée]l[ée]gations|gouvernements|signataires|membres)
      (?:\s+[\w-]+){0,2}?\s+suivant(?:e|s|es)?\b[^:\n.;]{0,60}:
    | ^[ \t]*signataires[ \t]*:
    # Spanish: "firmada por", "en nombre de", "los siguientes países:", "Firmantes:"
    | \b(?:firmad|copatrocinad|suscrit)[oa]s?\s+por\b
    | \ben\s+nombre\s+de\b
    | \b(?:los|las)\s+siguientes(?:\s+[\w-]+){0,3}?\s*:
    | ^[ \t]*(?:firmantes|signatarios)[ \t]*:
    # "Entre los firmantes se encuentran", "Parmi les signataires figurent"
    | \bentre\s+(?:los|las)\s+(?:firmantes|signatari[oa]s|copatrocinadores|pa[ií]ses)\b
      (?:\s+[\w-]+){0,3}?\s+(?:se\s+encuentran?|figuran?|est[áa]n?)\b(?:\s*:)?
    | \bparmi\s+les\s+(?:signataires|coparrains|pays|[ÉE]tats)\b
      (?:\s+[\w-]+){0,3}?\s+(?:figurent|figure|se\s+trouvent|se\s+trouve|sont)\b(?:\s*:)?
    # thanks to the parties listed: "We express appreciation to Kosovo, Serbia and ..."
    | \bexpress(?:es|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:appreciation|gratitude|thanks)\s+to\b
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
# Words after a list that say what its parties do: the EU's declarations on alignment
# ("The Candidate Countries ..., as well as Ukraine align themselves with this decision").
_CLOSER = re.compile(
    r"\balign(?:s|ed)?\s+(?:themselves|itself)\s+with\b"
    # French: "... ainsi que l'Ukraine se rallient à la présente décision du Conseil"
    r"|\bse\s+rallie(?:nt)?\s+[àa]\b",
    re.IGNORECASE,
)
# A header between the introducer and its colon: "on behalf of 39 countries:".
_HEADER = re.compile(r"[^,;.\n:]{0,80}:")
ABBREVIATIONS = frozenset(
    {"dem", "rep", "st", "ste", "fed", "is", "isl", "sts", "mt", "gov", "terr", "prov", "adm"}
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def paren_depths(text: str) -> list[int]:
    depths = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        depths.append(depth)
        if char == ")" and depth:
            depth -= 1
    return depths


def sentence_end(text: str, start: int) -> int:
    """Where the sentence that runs from ``start`` ends (exclusive).

    >>> sentence_end("Congo, Dem. Rep. and Chad. Then more.", 0)
    25
    """
    depth = 0
    for i in range(start, len(text)):
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif (char == "\n" and _BLANK_LINE.match(text, i)) or (char == ":" and depth == 0):
            return i
        elif char in ".!?" and depth == 0:
            after = text[i + 1 : i + 3]
            if not after.strip() or after.startswith("\n"):
                return i
            if after[0].isspace() and (after[1].isupper() or after[1] in "\"'(\u201c"):
                word = re.search(r"[\w.]*$", text[start:i])
                token = word.group().rsplit(".", 1)[-1].casefold() if word else ""
                if token in ABBREVIATIONS or len(token) == 1:
                    continue
                return i
    return len(text)


def sentence_start(text: str, end: int, start: int = 0) -> int:
    """Where the sentence that holds ``text[end]`` starts, reading from ``start``.

    >>> sentence_start("Adopted on 23 March. Chad and Mali align themselves with it.", 35)
    20
    """
    begin = start
    while True:
        stop = sentence_end(text, begin)
        if stop >= end:
            return begin
        begin = stop + 1


def _names_party(header: str) -> bool:
    """True when a text before a colon is itself an item ("France and Germany: ...")."""
    return any(lookup(part) is not None for part in re.split(r"\s+(?:and|&)\s+", header))


def regions(text: str) -> Iterator[list[tuple[int, int]]]:
    """Each list in the text, as its hard-separated chunks (lines or sentence): after
    an introducer ("signed by"), or before closing words ("align themselves with").

    >>> text = "Signed by France and Chad. Later joined by:\\n- Peru\\n- Chile"
    >>> [[text[s:e] for s, e in chunks] for chunks in regions(text)]
    [[' France and Chad'], ['- Peru', '- Chile']]
    """
    covered = 0
    found = [*_INTRODUCER.finditer(text), *_CLOSER.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        if match.start() < covered:
            continue
        if match.re is _CLOSER:  # the list is the sentence before the closing words
            start = sentence_start(text, match.start(), covered)
            covered = match.end()
            yield [(start, match.start())]
            continue
        start = match.end()
        if match.group().endswith("("):
            depths = paren_depths(text[match.end() - 1 :])
            close = next((i for i, d in enumerate(depths) if d == 0), len(depths))
            end = match.end() - 1 + close if close < len(depths) else len(text)
            covered = end
            yield [(start, end)]
            continue
        if not match.group().endswith(":"):
            header = _HEADER.match(text, start)
            if header and not _names_party(header.group()[:-1]):
                start = header.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        if not text[start:line_end].strip():
            chunks = list_lines(text, line_end + 1)
            if chunks:
                covered = chunks[-1][1]
                yield chunks
            continue
        end = sentence_end(text, start)
        covered = end
        yield [(start, end)]
