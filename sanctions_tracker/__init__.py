"""sanctions_tracker: who signed, who sanctioned, and who did one without the other.

The public names are imported at first use: ``import sanctions_tracker.records`` (say)
loads the records and what they need, not polars and the rest of the package.

>>> import sanctions_tracker as st
>>> st.resolve_country("the Czech Republic")
Country('CZ')
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same names, imported at first use by __getattr__ below
    from sanctions_tracker import blocs, datasets, opensanctions
    from sanctions_tracker.answers import flatten
    from sanctions_tracker.blocs import Bloc, Membership
    from sanctions_tracker.countries import Country, resolve_countries, resolve_country
    from sanctions_tracker.dataset import Dataset
    from sanctions_tracker.dates import PartialDate
    from sanctions_tracker.errors import (
        AmbiguousCountryError,
        AmbiguousProgrammeError,
        DataFormatError,
        InvalidDateError,
        Problem,
        QueryError,
        SanctionsTrackerError,
        UnknownBlocError,
        UnknownCountryError,
        UnknownDocumentError,
        UnknownProgrammeError,
        ValidationError,
    )
    from sanctions_tracker.importers import import_eu_annex, import_ftm
    from sanctions_tracker.records import (
        MEASURES,
        Alignment,
        Designation,
        Document,
        JointStatement,
        Letter,
        Organization,
        Party,
        Person,
        SanctionsAction,
        SanctionsRegime,
        Signature,
    )
    from sanctions_tracker.regions import Region
    from sanctions_tracker.resolve_polars import resolve_country_codes
    from sanctions_tracker.text import parse_signatories
    from sanctions_tracker.votes import read_un_votes

try:
    __version__ = version("sanctions-tracker")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "MEASURES",
    "Alignment",
    "AmbiguousCountryError",
    "AmbiguousProgrammeError",
    "Bloc",
    "Country",
    "DataFormatError",
    "Dataset",
    "Designation",
    "Document",
    "InvalidDateError",
    "JointStatement",
    "Letter",
    "Membership",
    "Organization",
    "PartialDate",
    "Party",
    "Person",
    "Problem",
    "QueryError",
    "Region",
    "SanctionsAction",
    "SanctionsRegime",
    "SanctionsTrackerError",
    "Signature",
    "UnknownBlocError",
    "UnknownCountryError",
    "UnknownDocumentError",
    "UnknownProgrammeError",
    "ValidationError",
    "__version__",
    "blocs",
    "datasets",
    "flatten",
    "import_eu_annex",
    "import_ftm",
    "opensanctions",
    "parse_signatories",
    "read_un_votes",
    "resolve_countries",
    "resolve_country",
    "resolve_country_codes",
]

# The modules that define the names of __all__, in the order they are looked in. The
# first public name used imports them all, so that the package is whole (the parser,
# for one, adds ``JointStatement.from_text``); ``blocs`` and ``datasets`` are modules.
_MODULES = (
    "errors",
    "dates",
    "countries",
    "blocs",
    "records",
    "regions",
    "resolve_polars",
    "text",
    "dataset",
    "datasets",
    "importers",
    "opensanctions",
    "answers",
    "votes",
)


def __getattr__(name: str) -> object:
    """A public name, imported at its first use with the modules that define the others."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name in _MODULES:
        return import_module(f"{__name__}.{name}")
    modules = [import_module(f"{__name__}.{module}") for module in _MODULES]
    value = next(getattr(module, name) for module in modules if hasattr(module, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
