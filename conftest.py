"""Run the examples: docstrings in the package, and ```python blocks in docs/*.md."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

pytest_collect_file = (
    Sybil(
        parsers=[PythonCodeBlockParser(doctest_optionflags=_FLAGS)],
        patterns=["docs/*.md", "README.md"],
    )
    + Sybil(
        parsers=[DocTestParser(optionflags=_FLAGS)],
        patterns=["sanctions_tracker/*.py", "sanctions_tracker/**/*.py"],
    )
).pytest()
