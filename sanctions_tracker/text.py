"""Signatory lists out of prose: which countries (and blocs) a text says signed.

A list starts after an introducer ("signed by", "on behalf of", "joined by",
"co-sponsored by", "the following countries:", and their French and Spanish forms:
"signée par", "au nom de", "firmada por", "en nombre de") and runs to the end of its sentence,
or, when the introducer ends its line, over the lines that follow (one item a line,
bullets allowed). Items are separated by commas, semicolons, "and", "as well as", the
Oxford comma and line breaks. A name is resolved with
:func:`sanctions_tracker.resolve_country`, then as a built-in bloc; what neither
resolves is reported, never guessed. Lists as published hold more than names: the
clause after the last name ends a list, the prose before the first is dropped, and
:mod:`sanctions_tracker._prose` says which words may be left out and where.

>>> result = parse_signatories("The statement was signed by France, Germany and Italy.")
>>> result.countries
(Country('FR'), Country('DE'), Country('IT'))
>>> result.unresolved
()
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs
import polars as pl

from sanctions_tracker._prose import (
    ABBREVIATIONS,
    CONNECTORS,
    MAX_LINE_WORDS,
    bullet_end,
    clause_start,
    clause_word,
    head_name,
    junk,
    list_lines,
    lookup,
    paren_depths,
    regions,
    split_run,
    tail_name,
)
from sanctions_tracker._registry import registry
from sanctions_tracker.blocs import Bloc
from sanctions_tracker.countries import Country, resolve_country
from sanctions_tracker.dates import DAY_FORM, PartialDate, to_day, to_partial_date
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    InvalidDateError,
    Problem,
    UnknownCountryError,
    ValidationError,
)
from sanctions_tracker.records import JointStatement, Party

__all__ = ["Mention", "SignatoryList", "parse_signatories", "statement_from_text"]


@attrs.frozen
class Mention:
    """One item of a signatory list as it stands in the text.

    ``span`` is the ``(start, end)`` slice of the parsed text, so that
    ``text[start:end] == mention.text``; ``resolved`` is the Country or Bloc it
    names, or None with the reason in ``error``; ``members`` holds the countries that
    a bloc "and its member states" stands for on the requested day.

    >>> Mention("Ukraine", (0, 7), Country("UA")).resolved
    Country('UA')
    """

    text: str
    span: tuple[int, int]
    resolved: Country | Bloc | None
    error: str = ""
    members: tuple[Country, ...] = ()


@attrs.frozen
class SignatoryList:
    """The signatories found in a text.

    ``countries`` in order of first appearance and without duplicates; ``blocs`` that
    sign as themselves (the EU); ``unresolved`` the items that name no known country
    or bloc; ``mentions`` every item found, with its span.

    >>> SignatoryList((Country("FR"),), (), (), ()).countries
    (Country('FR'),)
    """

    countries: tuple[Country, ...]
    blocs: tuple[Bloc, ...]
    unresolved: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The ``(start, end)`` span of every item found, in order."""
        return tuple(m.span for m in self.mentions)

    def to_frame(self) -> pl.DataFrame:
        """Every item found, one row each: its text and span, what it names, or why not.

        ``party_kind`` is ``country``, ``bloc`` or null (unresolved, with the reason in
        ``error``); ``members`` lists the countries a bloc "and its member states"
        stands for when they were asked for.

        >>> frame = parse_signatories("signed by France and Atlantis.").to_frame()
        >>> frame.select("text", "start", "party_kind", "code").rows()
        [('France', 10, 'country', 'FR'), ('Atlantis', 21, None, None)]
        """
        rows = [
            {
                "text": m.text,
                "start": m.span[0],
                "end": m.span[1],
                "party_kind": None if m.resolved is None else _KIND[type(m.resolved)],
                "code": None if m.resolved is None else m.resolved.code,
                "name": None if m.resolved is None else m.resolved.name,
                "members": [c.code for c in m.members],
                "error": m.error or None,
            }
            for m in self.mentions
        ]
        return pl.DataFrame(rows, schema=_FRAME_SCHEMA)


_KIND: dict[type, str] = {Country: "country", Bloc: "bloc"}
_FRAME_SCHEMA = pl.Schema(
    {
        "text": pl.String(),
        "start": pl.Int64(),
        "end": pl.Int64(),
        "party_kind": pl.Enum(["country", "bloc"]),
        "code": pl.String(),
        "name": pl.String(),
        "members": pl.List(pl.String()),
        "error": pl.String(),
    }
)


# ----------------------------------------------------------------------------------
# Items within a list

_SEPARATOR = re.compile(
    r"""
    (?P<hard>\s*;\s*)
    | (?P<oxford>\s*,\s*(?:and|as\s+well\s+as|together\s+with|&|et|y|ainsi\s+que|así\s+como)\s+)
    | (?P<comma>\s*,\s*)
    | (?P<and>\s+(?:and|&|et|y|e)\s+)
    | (?P<other>\s+(?:as\s+well\s+as|together\s+with|with|ainsi\s+que|así\s+como
                      |on\s+behalf\s+of|au\s+nom\s+de|en\s+nombre\s+de)\s+)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_JOINABLE = frozenset({"comma", "and", "oxford"})
# A group's name before the names of its countries, whose "and" separates nothing: the
# EU's "the country of the Stabilisation and Association Process and potential candidate".
_GROUP = re.compile(
    r"""(?:the\s+)?countr(?:y|ies)\s+of\s+the\s+Stabili[sz]ation\s+and\s+Association\s+Process
    (?:\s+and\s+(?:the\s+)?potential\s+candidates?)?\s+""",
    re.IGNORECASE | re.VERBOSE,
)
_LEADING = re.compile(
    r"""
    (?:and|as\s+well\s+as|et|ainsi\s+que|y|así\s+como)\s+
    | (?:the\s+)?(?:foreign\s+|prime\s+)?(?:governments?|ministers?|leaders|embassy|embassies
          |ambassadors?|presidents?|representatives?|envoys?|delegations?|permanent\s+missions?)
      (?:\s+[\w-]+){0,3}?\s+(?:of|from)\s+
      (?:(?:foreign\s+affairs|defen[cs]e|trade|finance|justice|health)\s+of\s+)?
    | (?:including|include[sd]?|namely|notably)\s*[:,;]?\s+ | on\s+behalf\s+of\s+
    | (?:made\s+up|composed|consisting)\s+of\s+ | (?:my|our)\s+own\s+country,?\s+
    | (?:the\s+)?countr(?:y|ies)\s+of\s+the\s+Stabili[sz]ation\s+and\s+Association\s+Process
      (?:\s+and\s+(?:the\s+)?potential\s+candidates?)?\s+
    # French prepositions before a name: "de l'Albanie", "du Canada", "des États-Unis";
    # "par"/"por" after "ainsi que"/"así como": "ainsi que par l'Union européenne"
    | (?:de\s+la|de|du|des|par|por)\s+ | d['\u2019]\s*
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MEMBER_STATES = re.compile(
    r"""(?:its|their)\s+(?:\d+\s+)?member\s+states
    | ses\s+(?:\d+\s+)?[ÉE]tats\s+membres
    | sus\s+(?:\d+\s+)?Estados\s+miembros""",
    re.IGNORECASE | re.VERBOSE,
)
_TRIM = (
    " \t\r\n.,;:\"'\u201c\u201d\u2018\u2019*_"
    "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021\u00a7"
)
# A footnote mark after a name: "Canada[1]", "Kosovo[i]", "Macedonia(1)", "Albania2" as
# a superscript reads once copied (superscripts themselves are in _TRIM).
_FOOTNOTE = re.compile(r"(?:\[\w{1,3}\]|\(\d{1,2}\)|(?<=[^\W\d_]{3})\d{1,2})$")
# Items that stand for no party of their own: "... and my own country, Denmark", "namely".
_FILLER = re.compile(
    r"(?:and\s+)?(?:my|our)\s+(?:own\s+)?country|namely|mon\s+(?:propre\s+)?pays"
    r"|mi\s+(?:propio\s+)?pa[ií]s|members?\s+of\s+the\s+European\s+Economic\s+Area"
    # The EU's declarations on alignment in French ("la Norvège, pays de l'AELE membre de
    # l'Espace économique européen, ..."): the words that say what the countries beside
    # them are.
    r"|(?:(?:les?|la)\s+)?pays\s+candidats?"
    r"|(?:le\s+)?pays\s+de\s+l['\u2019]AELE(?:\s+(?:et\s+)?membres?\s+de\s+l['\u2019]Espace"
    r"\s+[ée]conomique\s+europ[ée]en)?"
    r"|(?:et\s+)?membres?\s+de\s+l['\u2019]Espace\s+[ée]conomique\s+europ[ée]en"
    r"|pays\s+du\s+processus\s+de\s+stabilisation|(?:d['\u2019])?association"
    r"|candidat\s+potentiel",
    re.IGNORECASE,
)
# "a total of 42 countries (Albania, Andorra, ...)": the list is the parenthesis.
_PAREN_LIST = re.compile(
    r"(?P<head>.*\b(?:countries|states|nations|members|signatories))\s*"
    r"\((?P<body>[^()]*[,;][^()]*)\)",
    re.IGNORECASE | re.DOTALL,
)
_MAX_JOIN = 4


@attrs.frozen
class _Atom:
    start: int
    end: int


def _abbreviated(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends with the period of an abbreviation."""
    if text[end - 1] != ".":
        return False
    word = re.search(r"[\w.]*$", text[start : end - 1])
    token = word.group().rsplit(".", 1)[-1].casefold() if word else ""
    return token in ABBREVIATIONS or len(token) == 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` past bullets, leading words and stray punctuation."""
    while True:
        before = (start, end)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM and not _abbreviated(text, start, end):
            end -= 1
        footnote = _FOOTNOTE.search(text, start, end)
        if footnote and footnote.start() > start:
            end = footnote.start()
        bullet = bullet_end(text[start:end])
        start += bullet
        leading = _LEADING.match(text, start, end)
        if leading:
            start = leading.end()
        if (start, end) == before:
            return start, end


def _atoms(text: str, chunk: tuple[int, int]) -> tuple[list[_Atom], list[str]]:
    """The items of one chunk and the kinds of separator between them."""
    start, end = chunk
    depths = paren_depths(text[start:end])
    pieces: list[tuple[int, int]] = []
    kinds: list[str] = []
    cursor = start
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(text, start, end)]
    for match in _SEPARATOR.finditer(text, start, end):
        if depths[match.start() - start] or depths[match.end() - 1 - start]:
            continue
        if any(s < match.start() and match.end() < e for s, e in groups):
            continue
        pieces.append((cursor, match.start()))
        kinds.append(match.lastgroup or "hard")
        cursor = match.end()
    pieces.append((cursor, end))
    atoms: list[_Atom] = []
    atom_kinds: list[str] = []
    pending: list[str] = []
    for i, (piece_start, piece_end) in enumerate(pieces):
        narrowed = _trim(text, piece_start, piece_end)
        if narrowed[0] < narrowed[1]:
            if atoms:
                atom_kinds.append(pending[0] if len(pending) == 1 else "hard")
            atoms.append(_Atom(*narrowed))
            pending = []
        if i < len(kinds):
            pending.append(kinds[i])
    return atoms, atom_kinds


def _reason(name: str) -> str:
    """Why ``name`` names no country: the message of the resolver's error."""
    try:
        resolve_country(" ".join(name.split()))
    except (UnknownCountryError, AmbiguousCountryError) as error:
        return str(error)
    return f"{name!r} names no country"


_REMARK = re.compile(r"\s*\([^()]*\)")
_PROSE_WORD = re.compile(r"[a-z]{1,3}")


def _resolve(text: str, start: int, end: int) -> tuple[int, int, Country | Bloc | None]:
    """Resolve ``text[start:end]``; failing that, without its parenthetical remarks. A
    short word in lower case ("it", "us") is a word of prose, never a code."""
    if _PROSE_WORD.fullmatch(text, start, end):
        return start, end, None
    found = lookup(text[start:end])
    if found is None and "(" in text[start:end]:
        bare = _REMARK.sub("", text[start:end]).strip(_TRIM)
        again = lookup(bare) if bare else None
        if again is not None:
            if text[start:end].lstrip().startswith("("):
                return (*_trim(text, text.rfind(")", start, end) + 1, end), again)
            return (*_trim(text, start, text.find("(", start, end)), again)
    return start, end, found


# The tail of an inverted name: "Republic of", "Dem. Rep.", "The", "Federated States of".
_QUALIFIER = re.compile(
    r"""(?ix)
    (?:the\s+)?(?:republic|rep|dem|democratic|people'?s|federated|federal|islamic
        |plurinational|bolivarian|former|kingdom|principality|state|states|united)\b.*
    | the | .*\bof
    """
)


def _qualifier(text: str, atom: _Atom) -> bool:
    """True when an item reads as the tail of an inverted name ("Republic of", "Dem. Rep.")."""
    tail = text[atom.start : atom.end]
    lower = all(w[:1].islower() and not clause_word(w) for w in tail.split())
    return (bool(_QUALIFIER.fullmatch(tail)) or lower) and _resolve(text, atom.start, atom.end)[
        2
    ] is None


def _as_one(
    whole: Country | Bloc, parts: list[Country | Bloc], written: PartialDate | None
) -> bool | str:
    """Whether a name that also reads as a list of names is the one party (True), the
    list (False), or cannot be told (the reason, a str).

    Only the name of a dissolved state that joins its successors' names, such as
    "Serbia and Montenegro", reads both ways: it is the state in a text written
    before ISO withdrew the state's code, and the countries in a text written after.

    >>> serbia_and_montenegro = Country("CSXX"), [Country("RS"), Country("ME")]
    >>> _as_one(*serbia_and_montenegro, to_partial_date("2005-05-01"))
    True
    >>> _as_one(*serbia_and_montenegro, to_partial_date("2020"))
    False
    >>> print(_as_one(*serbia_and_montenegro, None))
    either Serbia and Montenegro (CSXX), a state until 2006-09-26, or Serbia (RS) and ...
    """
    if not isinstance(whole, Country) or not whole.historic:
        return False
    withdrawn = registry()[whole.code].withdrawn_on
    if withdrawn is None:
        return False
    end = to_partial_date(withdrawn)
    if written is not None and written.last < end.first:
        return True
    if written is not None and written.first >= end.last:
        return False
    listed = " and ".join(f"{p.name} ({p.code})" for p in parts)
    when = "" if written is None else f" (written {written})"
    tell = "give the text's date to tell" if written is None else "a day would tell"
    return (
        f"either {whole.name} ({whole.code}), a state until {withdrawn}, or {listed}{when}: {tell}"
    )


def _readings(
    text: str, atoms: list[_Atom], i: int, j: int, *, lead: bool, head: bool = True
) -> Iterator[tuple[int, int, Country | Bloc, bool]]:
    """How the items ``i`` to ``j`` name one party: as they stand; by the name after
    words that say what it is ("EFTA countries Iceland"); by the name before a clause
    (which ends the list: the flag); or, in the item that opens a list (``lead``), by
    the name after the words that lead up to it. In a text without an introducer, whose
    every sentence is read as items, no item is cut (``head`` False): "Russia invaded
    Ukraine" is no list of Russia."""
    start, end = atoms[i].start, atoms[j].end
    whole = _resolve(text, start, end)
    if whole[2] is not None:
        yield whole[0], whole[1], whole[2], False
        return
    tail = tail_name(text, start, end, lookup, lead=False, limit=atoms[i].end)
    if tail is not None:
        yield *_trim(text, tail[0], tail[1]), tail[2], False
    named = head_name(text, start, end, lookup) if head else None
    if named is not None and named[1] > atoms[j].start:
        yield named[0], named[1], named[2], True
    tail = tail_name(text, start, end, lookup, lead=lead, limit=atoms[i].end) if lead else None
    if tail is not None:
        yield *_trim(text, tail[0], tail[1]), tail[2], False


def _joined(
    text: str, atoms: list[_Atom], i: int, j: int, written: PartialDate | None, introduced: bool
) -> tuple[list[Mention], bool] | None:
    """The one party that the items ``i`` to ``j`` (two or more) name together, if any."""
    first = i == 0
    readings = _readings(text, atoms, i, j, lead=first and introduced, head=introduced)
    for start, end, found, stop in readings:
        parts = [lookup(text[max(a.start, start) : min(a.end, end)]) for a in atoms[i : j + 1]]
        if all(part is not None for part in parts):
            # "Serbia and Montenegro": one dissolved state, or two countries.
            one = _as_one(found, [part for part in parts if part is not None], written)
            if one is False:
                continue
            if one is not True:
                return [Mention(text[start:end], (start, end), None, str(one))], False
        return [Mention(text[start:end], (start, end), found)], stop
    return None


def _single(text: str, atom: _Atom, *, lead: bool, head: bool) -> tuple[list[Mention], bool]:
    """What one item names: a party, several written without a separator, or nothing
    (then without the clause that follows it, which ends the list)."""
    for start, end, found, stop in _readings(text, [atom], 0, 0, lead=lead, head=head):
        return [Mention(text[start:end], (start, end), found)], stop
    pieces = split_run(text, atom.start, atom.end, lookup)
    if pieces:
        return [Mention(text[s:e], (s, e), found) for s, e, found in pieces], False
    start, end = atom.start, atom.end
    cut = clause_start(text, start, end)
    if cut is not None:
        end = _trim(text, start, cut)[1]
    return [Mention(text[start:end], (start, end), None, _reason(text[start:end]))], cut is not None


def _mentions(
    text: str,
    chunk: tuple[int, int],
    day: dt.date | None,
    written: PartialDate | None,
    introduced: bool = True,
) -> list[Mention]:
    atoms, kinds = _atoms(text, chunk)
    mentions: list[Mention] = []
    i = 0
    while i < len(atoms):
        piece = text[atoms[i].start : atoms[i].end]
        words_before = _FILLER.match(piece)
        if words_before and piece[words_before.end() : words_before.end() + 1].isspace():
            # The words before a name: "membre de l'Espace économique européen la Norvège".
            rest = piece[words_before.end() :]
            atoms[i] = _Atom(atoms[i].end - len(rest.lstrip()), atoms[i].end)
            piece = text[atoms[i].start : atoms[i].end]
        listed = _PAREN_LIST.fullmatch(piece)
        if _FILLER.fullmatch(piece) or (listed and lookup(piece) is None):
            if listed:
                body = (atoms[i].start + listed.start("body"), atoms[i].start + listed.end("body"))
                mentions.extend(_mentions(text, body, day, written))
            i += 1
            continue
        best: tuple[int, tuple[list[Mention], bool]] | None = None
        last = i
        while last + 1 < len(atoms) and last - i + 1 < _MAX_JOIN and kinds[last] in _JOINABLE:
            last += 1
        for j in range(last, i, -1):
            joined = _joined(text, atoms, i, j, written, introduced)
            if joined is not None:
                best = (j, joined)
                break
        if (
            best is None
            and last > i
            and kinds[i] == "comma"
            and _qualifier(text, atoms[i + 1])
            and not any(
                _joined(text, atoms, i + 1, k, written, introduced) for k in range(i + 2, last + 1)
            )
        ):
            # "Congo, Dem. Rep." that does not resolve is one unknown name: never "Congo".
            start, end = atoms[i].start, atoms[i + 1].end
            unknown = Mention(text[start:end], (start, end), None, _reason(text[start:end]))
            best = (i + 1, ([unknown], False))
        if best is None:
            first = i == 0
            best = (
                i,
                _single(text, atoms[i], lead=first and introduced, head=introduced),
            )
        j, (found, stop) = best
        mention = found[-1]
        if (
            isinstance(mention.resolved, Bloc)
            and j + 1 < len(atoms)
            and kinds[j] in {"and", "oxford", "other"}
            and _MEMBER_STATES.fullmatch(text, atoms[j + 1].start, atoms[j + 1].end)
        ):
            j += 1
            start, end = mention.span[0], atoms[j].end
            members = tuple(sorted(mention.resolved.members_on(day))) if day is not None else ()
            found[-1] = Mention(text[start:end], (start, end), mention.resolved, "", members)
        mentions.extend(found)
        if stop:
            break
        i = j + 1
    return _without_clause(mentions)


def _without_clause(mentions: list[Mention]) -> list[Mention]:
    """The items of a chunk up to the clause that follows its last name, if any."""
    named = [k for k, m in enumerate(mentions) if m.resolved is not None]
    for k in range(named[-1] + 1 if named else len(mentions), len(mentions)):
        if clause_word(mentions[k].text.split()[0]):
            return mentions[:k]
    return mentions


def _without_lead(mentions: list[Mention]) -> list[Mention]:
    """The items of a list without the prose before its first name ("We, the leaders of",
    "Here's who signed off so far:")."""
    first = next((k for k, m in enumerate(mentions) if m.resolved is not None), 0)
    return [m for k, m in enumerate(mentions) if k >= first or not junk(m.text)]


def parse_signatories(
    text: str,
    *,
    expand_blocs_on: dt.date | str | None = None,
    written_on: PartialDate | dt.date | str | None = None,
) -> SignatoryList:
    """Find the signatory list in ``text`` and resolve its items.

    Every list in the text counts (a statement "joined by" more countries later adds
    them); a list none of whose items resolves is left out when another list
    resolves. A text without an introducer is read as a list in full. Names with an
    internal comma ("Korea, Republic of") or "and" ("Bosnia and Herzegovina") are
    read whole when the whole resolves and its parts do not all resolve alone. The
    name of a dissolved state that joins its successors' names ("Serbia and
    Montenegro") is the state or the countries by ``written_on``, and unresolved,
    with both readings in its error, when the text's date does not tell.

    Args:
        text: a sentence, a paragraph or a whole document.
        expand_blocs_on: for "the European Union and its member states", also list
            the bloc's members on this day among the countries. A bloc signing alone
            ("... and the European Union") is never expanded.
        written_on: the day (month, year) the text was written: "Serbia and
            Montenegro" is one state in a text written before ISO withdrew its code
            (2006-09-26), and two countries in one written after.

    Returns:
        The countries in order of appearance without duplicates, the blocs that sign
        as themselves, the items that could not be resolved, and every item's span.

    >>> found = parse_signatories(
    ...     "Joint statement on behalf of Canada, Korea, Republic of; Bosnia and "
    ...     "Herzegovina (as observer), Atlantis, and the European Union."
    ... )
    >>> [c.code for c in found.countries], [b.code for b in found.blocs]
    (['CA', 'KR', 'BA'], ['EU'])
    >>> found.unresolved
    ('Atlantis',)
    >>> found.mentions[2].text, found.mentions[2].span
    ('Bosnia and Herzegovina', (57, 79))
    """
    day = None if expand_blocs_on is None else to_day(expand_blocs_on)
    written = None if written_on is None else to_partial_date(written_on)
    chunked = list(regions(text))
    introduced = one_a_line = bool(chunked)
    if not introduced:
        lines = [line.split() for line in text.splitlines() if line.strip()]
        one_a_line = len(lines) > 1 and all(
            len(words) <= MAX_LINE_WORDS and words[-1].casefold() not in CONNECTORS
            for words in lines
        )
        chunked = [list_lines(text, 0) if one_a_line else [(0, len(text))]]
    lists = [
        [m for chunk in chunks for m in _mentions(text, chunk, day, written, introduced)]
        for chunks in chunked
    ]
    if introduced or one_a_line:  # a heading before the lines is no item
        lists = [_without_lead(found) for found in lists]
    if any(m.resolved is not None for found in lists for m in found):
        lists = [found for found in lists if any(m.resolved is not None for m in found)]
    mentions = tuple(m for found in lists for m in found)

    countries: dict[Country, None] = {}
    bloc_codes: dict[str, Bloc] = {}
    unresolved: dict[str, None] = {}
    for mention in mentions:
        if isinstance(mention.resolved, Country):
            countries.setdefault(mention.resolved)
        elif isinstance(mention.resolved, Bloc):
            bloc_codes.setdefault(mention.resolved.code, mention.resolved)
            for member in mention.members:
                countries.setdefault(member)
        else:
            unresolved.setdefault(" ".join(mention.text.split()))
    return SignatoryList(tuple(countries), tuple(bloc_codes.values()), tuple(unresolved), mentions)


def statement_from_text(
    id: str,
    title: str,
    issued_on: PartialDate | dt.date | str,
    text: str,
    *,
    subject: Country | str | None = None,
    allow_unresolved: bool = False,
    expand_blocs: bool = False,
    issuer: str = "",
    forum: str = "",
    stance: str = "",
    sources: Iterable[str] = (),
) -> JointStatement:
    """A statement whose signatories come from the prose that lists them.

    Also ``JointStatement.from_text``: this module adds it to the record, so that the
    records need not import the parser.

    The parties are those of :func:`parse_signatories`, in order of appearance:
    countries, and blocs that sign as themselves. With ``expand_blocs``, "the European
    Union and its member states" also brings the members on the day of issue (a date
    known to the day is then required). The date of issue also tells "Serbia and
    Montenegro" as one state (before 2006-09-26) from two countries. A fragment that
    names no country is an error listing every such fragment, unless
    ``allow_unresolved`` (they are then left out).

    >>> s = JointStatement.from_text(
    ...     "x", "On Belarus", "2020-10-26",
    ...     "It was signed by the United States, Albania, Japan and the European Union.",
    ...     subject="Belarus",
    ... )
    >>> [getattr(p, "code", None) for p in s.signatories]
    ['US', 'AL', 'JP', 'EU']
    >>> statement_from_text("y", "T", "2020", "Signed by France and Atlantis.")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.ValidationError: text[21:29]: cannot resolve 'Atlantis': ...
    """
    date = to_partial_date(issued_on)
    found = parse_signatories(
        text, expand_blocs_on=date.first if expand_blocs else None, written_on=date
    )
    if expand_blocs and not date.is_exact:
        reason = "expanding a bloc to its members needs a whole day"
        raise InvalidDateError(str(date), reason=reason, advice=DAY_FORM, day=True)
    failed = [m for m in found.mentions if m.resolved is None]
    if failed and not allow_unresolved:
        raise ValidationError(
            Problem(
                f"text[{m.span[0]}:{m.span[1]}]",
                f"cannot resolve {m.text!r}: {m.error or 'no country or bloc of that name'}",
            )
            for m in failed
        )
    parties: dict[Party, None] = {}
    for mention in found.mentions:
        if mention.resolved is not None:
            parties.setdefault(mention.resolved)
            for member in mention.members:
                parties.setdefault(member)
    return JointStatement(
        id=id,
        title=title,
        issued_on=date,
        subject=subject,
        signatures=list(parties),
        issuer=issuer,
        forum=forum,
        stance=stance,
        sources=tuple(sources),
    )


JointStatement.from_text = staticmethod(statement_from_text)
