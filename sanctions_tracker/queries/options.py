"""Each query's arguments, declared once: name, type, default and help text.

The command line builds each query's command from :data:`QUERIES`: a positional
argument for a required one, ``--as-of DATE`` for a day, ``--via-blocs`` /
``--no-via-blocs`` for a switch. The query functions and the
:class:`~sanctions_tracker.Dataset` methods take the keyword options as
``**options``, typed for mypy by the ``TypedDict`` of their query
(:class:`AnswerOptions`, :class:`WindowOptions`, :class:`ParticipationOptions`,
:class:`MatrixOptions`, :class:`LagOptions`); a keyword a query does not declare is
refused with a ``TypeError`` that names the ones it takes, and a test checks each
``TypedDict`` against :data:`QUERIES`. A new switch is declared here, once as an
:class:`Argument` and once in its ``TypedDict``, and reaches the functions, the
Dataset methods and the command line by itself.

The keyword options, their defaults and what they mean:

>>> for option in QUERIES["signed_not_sanctioned"].arguments[1:]:
...     print(f"{option.name}={option.default!r}: {option.help}")
as_of=None: status on this day (default: today)
since=None: first day of the response window (default: the document's date)
until=None: last day of the response window (default: open)
target=None: the sanctioned country or region (default: the document's subject)
via_blocs=True: count membership of a bloc that imposes sanctions
via_alignment=True: count alignment with another authority's regime
via_designations=True: count a thematic regime against the countries of the people and
organisations it lists
via_un=False: count every UN member bound by a regime of the UN Security Council
expand_blocs=True: count a bloc's signature for each of its members on the signing day
(off: the bloc's alone)
>>> [option.name for option in QUERIES["participation"].arguments]
['target', 'as_of', 'via_blocs', 'via_alignment', 'via_designations', 'via_un']
>>> QUERIES["signed_not_sanctioned"].option("via_blocs").default
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

import attrs

if TYPE_CHECKING:
    from sanctions_tracker.queries._args import CountryLike, DayLike

__all__ = [
    "KINDS",
    "QUERIES",
    "AnswerOptions",
    "Argument",
    "LagOptions",
    "MatrixOptions",
    "ParticipationOptions",
    "Query",
    "RouteOptions",
    "SignatureOptions",
    "WindowOptions",
]

#: What an argument holds, as written in the signatures, and how the command line reads it.
KINDS: Mapping[str, str] = {
    "str": "an id",
    "Iterable[str] | None": "ids",
    "DayLike | None": "a day",
    "CountryLike": "a country",
    "CountryLike | None": "a country",
    "bool": "a switch",
}


def _known_kind(instance: Argument, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in KINDS:
        raise ValueError(f"{instance.name}: type {value!r} is not one of {', '.join(KINDS)}")


@attrs.frozen
class Argument:
    """One argument of a query.

    Attributes:
        name: The keyword, as in the signature.
        type: The annotation, as written in the signature (one of :data:`KINDS`).
        help: What it means, for the command line's help and the docs.
        default: Its default; ignored when ``required``.
        required: The query cannot run without it (a positional argument).
        keyword: Keyword-only in the signatures (else positional or keyword).
    """

    name: str
    type: str = attrs.field(validator=_known_kind)
    help: str
    default: object = None
    required: bool = False
    keyword: bool = True


@attrs.frozen
class Query:
    """A query's name, its one-line help and its arguments after the tables, in order."""

    name: str
    help: str
    arguments: tuple[Argument, ...]

    def option(self, name: str) -> Argument:
        """The argument called ``name``; ``KeyError`` when the query has none."""
        for argument in self.arguments:
            if argument.name == name:
                return argument
        raise KeyError(name)


DOCUMENT = Argument("document_id", "str", "the document's id", required=True, keyword=False)
AS_OF = Argument("as_of", "DayLike | None", "status on this day (default: today)")
SINCE = Argument(
    "since", "DayLike | None", "first day of the response window (default: the document's date)"
)
UNTIL = Argument("until", "DayLike | None", "last day of the response window (default: open)")
TARGET = Argument(
    "target",
    "CountryLike | None",
    "the sanctioned country or region (default: the document's subject)",
)
VIA_BLOCS = Argument(
    "via_blocs", "bool", "count membership of a bloc that imposes sanctions", default=True
)
VIA_ALIGNMENT = Argument(
    "via_alignment", "bool", "count alignment with another authority's regime", default=True
)
EXPAND_BLOCS = Argument(
    "expand_blocs",
    "bool",
    "count a bloc's signature for each of its members on the signing day (off: the bloc's alone)",
    default=True,
)
VIA_DESIGNATIONS = Argument(
    "via_designations",
    "bool",
    "count a thematic regime against the countries of the people and organisations it lists",
    default=True,
)
VIA_UN = Argument(
    "via_un",
    "bool",
    "count every UN member bound by a regime of the UN Security Council",
    default=False,
)
ROUTES = (VIA_BLOCS, VIA_ALIGNMENT, VIA_DESIGNATIONS, VIA_UN)
WINDOW = (AS_OF, SINCE, UNTIL)
DOCUMENTS = Argument("documents", "Iterable[str] | None", "these documents only (default: all)")
REGIMES = Argument("regimes", "Iterable[str] | None", "these regimes only (default: all)")
SELECTION = (
    attrs.evolve(DOCUMENTS, keyword=False),
    attrs.evolve(REGIMES, keyword=False),
    AS_OF,
    *ROUTES,
    EXPAND_BLOCS,
)

#: Every query of :mod:`sanctions_tracker.queries`, by the name of its function.
QUERIES: Mapping[str, Query] = {
    query.name: query
    for query in (
        Query(
            "signed_not_sanctioned",
            "the parties that signed DOCUMENT but take no part in sanctions on its subject",
            (DOCUMENT, *WINDOW, TARGET, *ROUTES, EXPAND_BLOCS),
        ),
        Query(
            "sanctioned_not_signed",
            "the countries in sanctions on DOCUMENT's subject that did not sign it",
            (DOCUMENT, *WINDOW, TARGET, *ROUTES, EXPAND_BLOCS),
        ),
        Query(
            "signed_not_sanctioned_all",
            "signed-not-sanctioned for every document with a subject",
            (*WINDOW, *ROUTES, EXPAND_BLOCS),
        ),
        Query(
            "participation",
            "every country taking part in sanctions on TARGET",
            (
                Argument(
                    "target",
                    "CountryLike",
                    "the sanctioned country or region",
                    required=True,
                    keyword=False,
                ),
                AS_OF,
                *ROUTES,
            ),
        ),
        Query("matrix", "parties x documents: signed, sanctioned, both or neither", SELECTION),
        Query("matrix_summary", "per document, how many matrix cells have each status", SELECTION),
        Query(
            "response_lag",
            "days from each signature of DOCUMENT to the signatory's first sanctions act",
            (DOCUMENT, TARGET, *ROUTES, EXPAND_BLOCS),
        ),
        Query(
            "agreement",
            "how often two countries take the same position",
            (
                attrs.evolve(DOCUMENTS, keyword=False),
                Argument("since", "DayLike | None", "only documents dated on or after this day"),
                Argument(
                    "until", "DayLike | None", "only documents dated wholly on or before this day"
                ),
            ),
        ),
        Query("positions", "each member's vote on DOCUMENT, with the totals", (DOCUMENT,)),
        Query(
            "bloc_cohesion",
            "the share of BLOC's members that signed each document or take part in each regime",
            (
                Argument("bloc", "str", "the bloc's code", required=True, keyword=False),
                DOCUMENTS,
                REGIMES,
                AS_OF,
                VIA_ALIGNMENT,
            ),
        ),
        Query(
            "explain",
            "why COUNTRY is or is not in each answer about DOCUMENT, with the dated evidence",
            (
                DOCUMENT,
                Argument(
                    "country", "CountryLike", "the country to explain", required=True, keyword=False
                ),
                *WINDOW,
                TARGET,
                *ROUTES,
                EXPAND_BLOCS,
            ),
        ),
        Query(
            "timeline",
            "every dated event in order",
            (
                Argument("country", "CountryLike | None", "the events of this country or bloc"),
                Argument("target", "CountryLike | None", "the events about this country"),
            ),
        ),
    )
}


# -- the keyword options as mypy reads them: one TypedDict a query, each key declared above


class RouteOptions(TypedDict, total=False):
    """The route switches: ``via_blocs``, ``via_alignment``, ``via_designations``, ``via_un``."""

    via_blocs: bool
    via_alignment: bool
    via_designations: bool
    via_un: bool


class ParticipationOptions(RouteOptions, total=False):
    """The keyword options of :func:`~sanctions_tracker.queries.participation`."""

    as_of: DayLike | None


class SignatureOptions(RouteOptions, total=False):
    """The route switches and ``expand_blocs``, which every query of signatures takes."""

    expand_blocs: bool


class LagOptions(SignatureOptions, total=False):
    """The keyword options of :func:`~sanctions_tracker.queries.response_lag`."""

    target: CountryLike | None


class MatrixOptions(SignatureOptions, total=False):
    """The keyword options of :func:`~sanctions_tracker.queries.matrix` and
    :func:`~sanctions_tracker.queries.matrix_summary`."""

    as_of: DayLike | None


class WindowOptions(SignatureOptions, total=False):
    """The keyword options of :func:`~sanctions_tracker.queries.signed_not_sanctioned_all`."""

    as_of: DayLike | None
    since: DayLike | None
    until: DayLike | None


class AnswerOptions(WindowOptions, total=False):
    """The keyword options of :func:`~sanctions_tracker.queries.signed_not_sanctioned`,
    :func:`~sanctions_tracker.queries.sanctioned_not_signed` and
    :func:`~sanctions_tracker.queries.explain`: every option there is."""

    target: CountryLike | None
