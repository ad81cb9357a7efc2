"""The keyword options of a call: checked against the query's declaration, defaults filled in.

>>> given("participation", as_of="2020-12-31").switches
Switches(via_blocs=True, via_alignment=True, via_designations=True, via_un=False)
>>> given("participation", since="2020-12-31")
Traceback (most recent call last):
...
TypeError: participation() got an unexpected keyword argument 'since': its options are as_of, ...
"""

from __future__ import annotations

import difflib
from typing import Unpack

import attrs

from sanctions_tracker.queries._args import (
    CountryLike,
    DayLike,
    _single_window,
    _target,
    _When,
    _when,
)
from sanctions_tracker.queries._frames import Switches
from sanctions_tracker.queries.options import QUERIES, AnswerOptions
from sanctions_tracker.tables import Tables

__all__ = ["Given", "given"]


@attrs.frozen(kw_only=True)
class Given:
    """Every keyword option of the queries, each the default unless given.

    The defaults are those of :data:`~sanctions_tracker.queries.options.QUERIES` (a test
    checks them); ``as_of``, ``since``, ``until`` and ``target`` are checked by the query.
    """

    as_of: DayLike | None = None
    since: DayLike | None = None
    until: DayLike | None = None
    target: CountryLike | None = None
    via_blocs: bool = True
    via_alignment: bool = True
    via_designations: bool = True
    via_un: bool = False
    expand_blocs: bool = True

    @property
    def switches(self) -> Switches:
        """Which routes count."""
        return Switches(self.via_blocs, self.via_alignment, self.via_designations, self.via_un)

    def about(self, tables: Tables, document_id: str) -> tuple[_When, str]:
        """The day or window of a question about ``document_id``, and its target.

        ``since`` defaults to the document's first day; the target to its subject.
        """
        when = _when(self.as_of, self.since, self.until)
        first, subject = _target(tables, document_id, self.target)
        return _single_window(when, first), subject


def given(query: str, /, **options: Unpack[AnswerOptions]) -> Given:
    """The options of a call of ``query``; a keyword it does not declare is a ``TypeError``.

    mypy refuses such a keyword already; this says the same to a caller it does not check.
    """
    declared = [a.name for a in QUERIES[query].arguments if a.keyword]
    for name in options:
        if name not in declared:
            close = difflib.get_close_matches(name, declared, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(
                f"{query}() got an unexpected keyword argument {name!r}{hint}: "
                f"its options are {', '.join(declared)}"
            )
    return Given(**options)
