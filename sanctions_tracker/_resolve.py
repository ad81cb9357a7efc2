"""Name resolution: the lookup table from normalised names and codes to country codes.

Resolution never guesses: a text resolves when its normalised form
(:func:`sanctions_tracker._names.normalise`) is a key of the table, and the table holds
only codes and names that some source gives for that country. The sources, by
precedence (a key takes its codes from the first source that has it):

1. codes (alpha-2, alpha-3, numeric, and the alpha-4 of a dissolved state), and the
   reviewed aliases of ``data/country_aliases.csv`` (World Bank, UN, prose, older texts,
   deliberate ambiguities such as ``Korea``, and the names of blocs);
2. English names: ISO's (through pycountry), CLDR's display names (through babel, and
   those of other babel releases: ``data/cldr_names.csv``) and the UN's short, formal
   and M49 names (``data/un_country_names.csv``);
3. names in the other UN languages (French, Spanish, Russian, Arabic, Chinese): the
   UN's names (``data/un_country_names.csv``, ``data/un_names_ar_zh.csv``), CLDR's
   display names and the iso-codes translations of ISO's names;
4. dissolved states (ISO 3166-3): their names, and their former alpha-2, alpha-3 and
   numeric codes. Current codes win: ``BY`` is Belarus, not the Byelorussian SSR; a
   former code that two dissolved states share is ambiguous (``CS``: Czechoslovakia or
   Serbia and Montenegro).

Within one source, a key that names two countries is ambiguous, and resolving it raises.
The table is built at first use, never at import.

>>> resolve_code("Bolivia (Plurinational State of)")
'BO'
>>> resolve_code("États-Unis d'Amérique")
'US'
>>> resolve_codes(["DE", "deu", "276", "Allemagne"])
['DE', 'DE', 'DE', 'DE']
"""

from __future__ import annotations

import csv
import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import attrs
from babel import Locale

from sanctions_tracker._advice import BLOC
from sanctions_tracker._names import normalise
from sanctions_tracker._registry import registry, translated_names
from sanctions_tracker._words import plural
from sanctions_tracker.errors import AmbiguousCountryError, UnknownCountryError

__all__ = [
    "Alias",
    "CLDRName",
    "aliases",
    "bloc_code",
    "cldr_names",
    "describe",
    "name_table",
    "names_of",
    "raise_first",
    "resolve_code",
    "resolve_codes",
    "resolve_unique",
    "un_names",
]

#: The other UN languages, as babel (CLDR) and the iso-codes catalogues name them.
LANGUAGES = {"fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh": "zh_CN"}
_BLOC = "bloc:"
_ALIAS_FILE = "country_aliases.csv"


@attrs.frozen
class Alias:
    """One row of ``data/country_aliases.csv``: a name, its code(s), where it comes from.

    ``codes`` holds one code, or several for a deliberately ambiguous name; ``bloc`` is
    set instead for the name of a bloc, which is not a country.
    """

    alias: str
    codes: tuple[str, ...]
    bloc: str | None
    source: str
    note: str


@attrs.frozen
class _Table:
    keys: dict[str, tuple[str, ...]]
    blocs: dict[str, str]
    names: dict[str, frozenset[str]]
    english: tuple[str, ...]


@cache
def aliases() -> tuple[Alias, ...]:
    """The rows of ``data/country_aliases.csv``, checked: known codes, a source each.

    Raises:
        ValueError: when a row is malformed (a bug in the package data).
    """
    known = registry()
    path = resources.files("sanctions_tracker.data").joinpath(_ALIAS_FILE)
    rows: list[Alias] = []
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != ["alias", "code", "source", "note"]:
            raise ValueError(f"{_ALIAS_FILE}: unexpected columns {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            where = f"{_ALIAS_FILE}, line {line}"
            alias, code, source = row["alias"].strip(), row["code"].strip(), row["source"]
            if not alias or not normalise(alias) or not source.strip():
                raise ValueError(f"{where}: an alias needs a name and a source")
            bloc = code.removeprefix(_BLOC) if code.startswith(_BLOC) else None
            codes = () if bloc else tuple(code.split("|"))
            if not bloc and not all(c in known for c in codes):
                raise ValueError(f"{where}: unknown code {code!r}")
            rows.append(Alias(alias, codes, bloc, source.strip(), row["note"].strip()))
    return tuple(rows)


@attrs.frozen
class UNName:
    """One row of ``data/un_country_names.csv`` or ``data/un_names_ar_zh.csv``: a name
    the UN gives a country, and the extract it comes from when not UN OCHA's taxonomy."""

    name: str
    code: str
    language: str
    list: str
    source: str = ""


@cache
def un_names() -> tuple[UNName, ...]:
    """The UN's names in its six languages (UNTERM short and formal, M49).

    Extracts of UN OCHA's Countries & Territories Taxonomy, and the Arabic and Chinese
    formal names of the UN's own list; ``data/README.md`` says how.

    >>> next(n for n in un_names() if n.code == "RU" and n.language == "es").name
    'Federación de Rusia'
    >>> next(n for n in un_names() if n.code == "KR" and n.list == "UNTERM formal"
    ...      and n.language == "zh").name
    '大韩民国'
    """
    names: list[UNName] = []
    for file in ("un_country_names.csv", "un_names_ar_zh.csv"):
        data = resources.files("sanctions_tracker.data").joinpath(file)
        with data.open(encoding="utf-8") as handle:
            names.extend(UNName(**row) for row in csv.DictReader(handle))
    return tuple(names)


@attrs.frozen
class CLDRName:
    """One row of ``data/cldr_names.csv``: a CLDR name and the babel releases that give it."""

    name: str
    code: str
    language: str
    babel: str


@cache
def cldr_names() -> tuple[CLDRName, ...]:
    """CLDR's names of earlier and later releases than the installed babel's.

    CLDR renames a territory now and then; a text keeps the name it was written with.
    ``data/cldr_names.csv`` holds every name that not all babel releases from 2.12 to
    2.19 give, so a name resolves whichever babel is installed (``scripts/cldr_names.py``
    writes it).

    >>> [n.name for n in cldr_names() if n.code == "HM"]
    ['Heard & McDonald Islands', 'Heard Island & McDonald Islands']
    """
    data = resources.files("sanctions_tracker.data").joinpath("cldr_names.csv")
    with data.open(encoding="utf-8") as handle:
        return tuple(CLDRName(**row) for row in csv.DictReader(handle))


def _english_display_names() -> dict[str, str]:
    return {code: name for code, name in Locale("en").territories.items() if code in registry()}


@cache
def _table() -> _Table:
    known = registry()
    tiers: list[defaultdict[str, set[str]]] = [defaultdict(set) for _ in range(4)]
    names: defaultdict[str, set[str]] = defaultdict(set)

    def add(tier: int, code: str, *texts: str | None) -> None:
        for text in texts:
            key = normalise(text) if text else ""
            if key:
                tiers[tier][key].add(code)
                names[code].add(text)  # type: ignore[arg-type]

    for code, info in known.items():
        if info.historic:
            add(0, code, code)
            add(3, code, info.alpha_2, info.alpha_3, info.numeric)
            add(3, code, info.name, info.official_name)
        else:
            add(0, code, info.alpha_2, info.alpha_3, info.numeric)
            add(1, code, info.name, info.official_name, info.common_name)
    for code, name in _english_display_names().items():
        add(1, code, name)
    sourced_names: list[UNName | CLDRName] = [*un_names(), *cldr_names()]
    for sourced in sourced_names:
        if sourced.code in known:
            add(1 if sourced.language == "en" else 2, sourced.code, sourced.name)
    for babel_name, gettext_name in LANGUAGES.items():
        for code, name in Locale(babel_name).territories.items():
            if code in known:
                add(2, code, name)
        for code, translated in translated_names(gettext_name).items():
            add(2 if not known[code].historic else 3, code, *translated)

    codes = tiers[0]
    reviewed: dict[str, set[str]] = {}
    blocs: dict[str, str] = {}
    for row in aliases():
        key = normalise(row.alias)
        if key in codes:
            raise ValueError(f"{_ALIAS_FILE}: alias {row.alias!r} is already a code")
        if key in blocs or reviewed.get(key, set(row.codes)) != set(row.codes):
            raise ValueError(f"{_ALIAS_FILE}: alias {row.alias!r} appears twice")
        if row.bloc:
            blocs[key] = row.bloc
            continue
        named = tiers[1].get(key, set(row.codes))
        if len(row.codes) == 1 and named != set(row.codes):
            raise ValueError(f"{_ALIAS_FILE}: {row.alias!r} is an English name of {named}")
        reviewed[key] = set(row.codes)
        if len(row.codes) == 1:
            names[row.codes[0]].add(row.alias)
    # The EU by its CLDR name in the other UN languages ("Union européenne"): a bloc too.
    for babel_name in LANGUAGES:
        eu = Locale(babel_name).territories.get("EU")
        if eu and normalise(eu) not in codes:
            blocs.setdefault(normalise(eu), "EU")

    keys: dict[str, tuple[str, ...]] = {}
    for tier in (tiers[3], tiers[2], tiers[1], reviewed, codes):
        keys.update({key: tuple(sorted(found)) for key, found in tier.items()})
    for key in blocs:
        keys.pop(key, None)
    english = tuple(sorted(k for k in (*tiers[1], *reviewed) if len(keys.get(k, ())) == 1))
    return _Table(
        keys=keys,
        blocs=blocs,
        names={code: frozenset(found) for code, found in names.items()},
        english=english,
    )


def name_table() -> Mapping[str, tuple[str, ...]]:
    """Every normalised name and code, with the code(s) it resolves to (two or more:
    ambiguous). Names of blocs are not in it.

    >>> name_table()["korea"]
    ('KP', 'KR')
    >>> name_table()["republic of korea"]
    ('KR',)
    """
    return _table().keys


def names_of(code: str) -> frozenset[str]:
    """The names and codes, as the sources write them, that resolve to one country.

    >>> {"Korea, Rep.", "KOR", "Республика Корея"} <= names_of("KR")
    True
    """
    return _table().names.get(code, frozenset())


def describe(code: str) -> str:
    """A country's code and its English name, as errors show a candidate.

    >>> describe("KP")
    'KP North Korea'
    """
    name = _english_display_names().get(code) or registry()[code].name
    return f"{code} {name}"


def _suggestions(key: str) -> tuple[str, ...]:
    table = _table()
    found: list[str] = []
    for match in difflib.get_close_matches(key, table.english, n=12, cutoff=0.6):
        name = describe(table.keys[match][0]).split(" ", 1)[1]
        if name not in found:
            found.append(name)
    return tuple(found[:3])


def _error(text: str) -> LookupError:
    key = normalise(text)
    table = _table()
    codes = table.keys.get(key)
    if codes:
        return AmbiguousCountryError(text, candidates=[describe(c) for c in codes])
    bloc = table.blocs.get(key)
    if bloc:
        hint = f"{text!r} is a bloc: {BLOC.of(bloc)}"
        return UnknownCountryError(text, hint=hint)
    if not key:
        return UnknownCountryError(text, hint="no name or code given")
    return UnknownCountryError(text, suggestions=_suggestions(key))


def bloc_code(text: str) -> str | None:
    """The code of the built-in bloc that ``text`` names in any of the UN languages, if any.

    >>> bloc_code("l'Union européenne"), bloc_code("la Unión Europea"), bloc_code("France")
    ('EU', 'EU', None)
    """
    return _table().blocs.get(normalise(text))


def resolve_code(text: str) -> str:
    """The canonical code of the one country that a name or code stands for.

    Args:
        text: a code (alpha-2, alpha-3, numeric, alpha-4) or a name, in any case.

    Returns:
        The canonical code: alpha-2, ``XK``, or the alpha-4 of a dissolved state.

    Raises:
        UnknownCountryError: no country has that name or code (bloc names included).
        AmbiguousCountryError: two or more countries have it.
        TypeError: ``text`` is not a string.

    >>> resolve_code("the UK"), resolve_code("USSR"), resolve_code("Kosovo")
    ('GB', 'SUHH', 'XK')
    """
    if not isinstance(text, str):
        raise TypeError(f"a country name is a string, not {type(text).__name__}")
    codes = _table().keys.get(normalise(text))
    if codes is not None and len(codes) == 1:
        return codes[0]
    raise _error(text) from None


def resolve_unique(texts: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Resolve each distinct text once: the codes of those that resolve, and the texts
    that do not, in order of first appearance.

    >>> resolve_unique(["Niger", "Atlantis", "Niger"])
    ({'Niger': 'NE'}, ['Atlantis'])
    """
    keys = _table().keys
    resolved: dict[str, str] = {}
    failed: list[str] = []
    for text in dict.fromkeys(texts):
        if not isinstance(text, str):
            raise TypeError(f"a country name is a string, not {type(text).__name__}")
        codes = keys.get(normalise(text))
        if codes is not None and len(codes) == 1:
            resolved[text] = codes[0]
        else:
            failed.append(text)
    return resolved, failed


def raise_first(failed: list[str], total: int) -> None:
    """Raise the error of the first text that failed, noting how many failed.

    Raises:
        UnknownCountryError: the first failure names no country.
        AmbiguousCountryError: the first failure names several.
    """
    if not failed:
        return
    error = _error(failed[0])
    others = ", ".join(map(repr, failed[1:6])) + (", ..." if len(failed) > 6 else "")
    error.add_note(
        f"{len(failed)} of {plural(total, 'value')} could not be resolved"
        + (f"; the others: {others}" if others else "")
    )
    raise error


def resolve_codes(texts: Iterable[str]) -> list[str]:
    """The codes of many names, in order; each distinct name is normalised once.

    Raises:
        UnknownCountryError: for the first text that names no country (a note counts
            the others).
        AmbiguousCountryError: for the first text that names several.

    >>> resolve_codes(["Korea, Rep.", "Korea, Rep.", "Gambia, The"])
    ['KR', 'KR', 'GM']
    """
    texts = texts if isinstance(texts, list) else list(texts)
    resolved, failed = resolve_unique(texts)
    raise_first(failed, len(texts))
    return list(map(resolved.__getitem__, texts))
