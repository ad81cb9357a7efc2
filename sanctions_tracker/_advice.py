"""The fix an error advises, in the form of where it is read: Python or the command line.

An error of the library names its fix as a Python caller writes it (``encoding="cp1252"``);
the command line shows the same error with the fix as a user types it there
(``--encoding cp1252``). Each fix is declared here once, in both forms, and
:func:`for_command_line` rewrites a message's Python fixes into their command-line form.

>>> print(ENCODING.python)
give encoding="cp1252" (or the file's encoding), or save it as UTF-8
>>> print(for_command_line("a.csv: not UTF-8 at byte 4: " + ENCODING.python))
a.csv: not UTF-8 at byte 4: give --encoding cp1252 (or the file's encoding), or save it as UTF-8
>>> print(for_command_line("'EU' is a bloc: " + BLOC.of("EU")))
'EU' is a bloc: give a country here (ask 'bloc-cohesion EU' about the bloc)
"""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = [
    "BLOC",
    "ENCODING",
    "FIXES",
    "LATER_UNTIL",
    "SINCE_UNTIL",
    "SKIP_BAD_ROWS",
    "Fix",
    "for_command_line",
]

_SLOT: Final = "{}"
_VALUE: Final = r"([\w.-]+)"


@attrs.frozen
class Fix:
    """One fix in its two forms; ``{}`` in each stands for a value (a code), if any.

    >>> Fix("give x={}", "give --x {}").of("1")
    'give x=1'
    """

    python: str
    cli: str

    def of(self, value: str) -> str:
        """The Python form with ``value`` in its slot."""
        return self.python.replace(_SLOT, value)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The Python form as written in a message, its slot matching a value."""
        return re.compile(_VALUE.join(re.escape(part) for part in self.python.split(_SLOT)))

    def rewrite(self, message: str) -> str:
        """``message`` with this fix in its command-line form."""
        if _SLOT not in self.python:
            return message.replace(self.python, self.cli)
        return self.pattern.sub(lambda found: self.cli.replace(_SLOT, found[1]), message)


#: A file that is not UTF-8 (nor UTF-16 or UTF-32 with a byte order mark).
ENCODING: Final = Fix(
    'give encoding="cp1252" (or the file\'s encoding), or save it as UTF-8',
    "give --encoding cp1252 (or the file's encoding), or save it as UTF-8",
)
#: A bloc where a country is needed.
BLOC: Final = Fix(
    "use sanctions_tracker.blocs.get('{}')",
    "give a country here (ask 'bloc-cohesion {}' about the bloc)",
)
#: Roll calls with bad rows, read strictly.
SKIP_BAD_ROWS: Final = Fix(
    "read with strict=False to load the other rows and skip these",
    "give --skip-bad-rows to load the other rows and skip these",
)
#: A response window that ends before it starts.
SINCE_UNTIL: Final = Fix("give since <= until", "give --since on or before --until")
#: A response window that ends before the document's date.
LATER_UNTIL: Final = Fix(
    "give a later until, or an earlier since", "give a later --until, or an earlier --since"
)
#: Every fix that a message of the library may give.
FIXES: Final = (ENCODING, BLOC, SKIP_BAD_ROWS, SINCE_UNTIL, LATER_UNTIL)


def for_command_line(message: str) -> str:
    """``message`` with every fix it gives in the form a command-line user types."""
    for fix in FIXES:
        message = fix.rewrite(message)
    return message
