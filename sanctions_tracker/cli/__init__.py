"""The command line, ``sanctions-tracker`` (also ``python -m sanctions_tracker``).

With no arguments it prints the report on the built-in Belarus 2020 data: for each
document, who signed, who signed but took no sanctions action, and who took part in
sanctions without signing, with dates and sources. Subcommands ask one question at a
time (one command per query of :mod:`sanctions_tracker.queries`, its options taken
from :data:`sanctions_tracker.queries.options.QUERIES`), check and convert files,
import OpenSanctions data and draw the matrix.

A mistake of the user (a missing file, an unknown document, a bad date) prints one
line, ``sanctions-tracker: error: ...``, on standard error and exits with status 2.
"""

from sanctions_tracker.cli.main import main

__all__ = ["main"]
