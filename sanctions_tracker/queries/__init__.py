"""The questions: who signed, who sanctioned, and who did one without the other.

Every query is a function of a dataset's :class:`~sanctions_tracker.tables.Tables`
that returns a ``pl.LazyFrame``, so that queries compose; the methods of
:class:`~sanctions_tracker.Dataset` call them with the :class:`Prepared` frames they
keep, and collect. The modules: ``_args`` checks the arguments, ``_frames`` derives
the frames every query filters (one union of the routes by which a party takes
part in a regime), ``options`` declares each query's arguments (the Dataset
methods and the command line follow it), and ``status``, ``matrix``, ``lag``,
``compare`` and ``timeline`` hold the queries. docs/queries.md states the rules; in short:

- A signature counts on day D when its date (the document's date when it has none)
  is known by D and it is not withdrawn by D.
- A regime is in force on D when started by D (established, or, with no
  ``established_on``, its earliest dated act or listing known by D; with neither, on
  no day) and not lifted by D; a country participates in it as its authority, as a
  member on D of the bloc that is its authority, by an alignment in force on D, or
  (``via_un``) as a UN member bound by a regime of the UN Security Council.
- A regime reaches each of its targets (countries or regions, never a region's
  country nor a country's region); a thematic regime (no target) reaches a country
  while one of its listings of a national (or of an organisation of it) stands.
- In a window, a regime's establishment is an act, as are its amendments and
  extensions, and each listing of a national by a thematic regime.
- A partial date (``2020``, ``2020-09``) is *known by D* when its last day is on or
  before D, and lies *inside a window* when its whole interval does.

>>> from sanctions_tracker.records import JointStatement, SanctionsRegime
>>> from sanctions_tracker.dataset import Dataset
>>> ds = Dataset(
...     statements=[JointStatement("s", "On Belarus", "2020-09-17", "BY",
...                                signatures=["Japan", "Canada"])],
...     regimes=[SanctionsRegime("CA-BLR", "Canada on Belarus", "Canada", "Belarus",
...                              established_on="2020-09-29")],
... )
>>> signed_not_sanctioned(ds.tables, "s", as_of="2020-12-31").collect()["country"].to_list()
['JP']
"""

from sanctions_tracker.queries._args import CountryLike, DayLike
from sanctions_tracker.queries._frames import RESPONSE_KINDS, ROUTES, Prepared
from sanctions_tracker.queries.agreement import agreement
from sanctions_tracker.queries.compare import bloc_cohesion
from sanctions_tracker.queries.explain import Evidence, Explanation, SignatureEvidence, explain
from sanctions_tracker.queries.lag import response_lag
from sanctions_tracker.queries.matrix import STATUSES, matrix, matrix_summary
from sanctions_tracker.queries.positions import positions
from sanctions_tracker.queries.status import (
    participation,
    sanctioned_not_signed,
    signed_not_sanctioned,
    signed_not_sanctioned_all,
)
from sanctions_tracker.queries.timeline import timeline

__all__ = [
    "RESPONSE_KINDS",
    "ROUTES",
    "STATUSES",
    "CountryLike",
    "DayLike",
    "Evidence",
    "Explanation",
    "Prepared",
    "SignatureEvidence",
    "agreement",
    "bloc_cohesion",
    "explain",
    "matrix",
    "matrix_summary",
    "participation",
    "positions",
    "response_lag",
    "sanctioned_not_signed",
    "signed_not_sanctioned",
    "signed_not_sanctioned_all",
    "timeline",
]
