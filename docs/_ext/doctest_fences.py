"""A griffe extension for the API reference: docstrings as Markdown.

The docstrings are written for Sybil's doctest parser and for Napoleon: their
``>>>`` examples are bare, and they name objects with reST roles. Markdown would run
the examples into paragraphs (and read ``['a', 'b']`` as a link), so this puts every
example in a ``pycon`` fence and turns ``:class:`~pkg.Name``` into ``Name`` as code.
The docstrings themselves stay as they are, and their examples still run as tests.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?[a-z]+:`(~?)([^`]+)`")
_PROMPT = re.compile(r"^(\s*)>>> ")


def _role(match: re.Match[str]) -> str:
    target = match.group(2)
    if match.group(1):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def fence_examples(text: str) -> str:
    """Wrap each run of doctest lines (up to the next blank line) in a fence."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _PROMPT.match(line)
        if match is None:
            out.append(_ROLE.sub(_role, line) if not in_fence else line)
            index += 1
            continue
        indent = match.group(1)
        out.append(f"{indent}```pycon")
        while index < len(lines) and lines[index].strip():
            out.append(lines[index])
            index += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Rewrite each docstring once it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_examples(obj.docstring.value)
