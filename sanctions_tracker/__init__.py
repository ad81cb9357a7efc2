"""sanctions_tracker: who signed, who sanctioned, and who did one without the other.

>>> import sanctions_tracker as st
>>> st.resolve_country("the Czech Republic")
Country('CZ')
"""

from importlib.metadata import PackageNotFoundError, version

from sanctions_tracker import blocs, datasets
from sanctions_tracker.blocs import Bloc, Membership
from sanctions_tracker.countries import Country, resolve_countries, resolve_country
from sanctions_tracker.dataset import Dataset
from sanctions_tracker.dates import PartialDate
from sanctions_tracker.errors import (
    AmbiguousCountryError,
    DataFormatError,
    InvalidDateError,
    Problem,
    QueryError,
    SanctionsTrackerError,
    UnknownBlocError,
    UnknownCountryError,
    UnknownDocumentError,
    ValidationError,
)
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

try:
    __version__ = version("sanctions-tracker")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "MEASURES",
    "Alignment",
    "AmbiguousCountryError",
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
    "ValidationError",
    "__version__",
    "blocs",
    "datasets",
    "parse_signatories",
    "resolve_countries",
    "resolve_country",
    "resolve_country_codes",
]
