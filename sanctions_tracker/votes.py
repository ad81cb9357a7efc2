"""UN General Assembly roll calls as a Dataset: one document per roll call.

The reader (:func:`sanctions_tracker.io.unvotes.read_votes`) returns tables and a
summary; this module makes the Dataset of them.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.io.unvotes import Layout, PathLike, VotesSummary, read_votes

__all__ = ["VotesImported", "import_un_votes", "read_un_votes"]


@attrs.frozen
class VotesImported:
    """What :func:`import_un_votes` made: the dataset, and the summary of what was read."""

    dataset: Dataset
    summary: VotesSummary


def import_un_votes(
    *paths: PathLike,
    layout: Layout | None = None,
    strict: bool = True,
    progress: Callable[[str], None] | None = None,
    encoding: str | None = None,
) -> VotesImported:
    """:func:`read_un_votes`, with the summary: roll calls, votes, unresolved names.

    Args:
        paths: The files, or a folder of them.
        layout: ``unvotes``, ``voeten`` or ``undl``; by default told by the columns.
        strict: Raise for any bad row (the default); with False, load the good rows.
        progress: Called with the name of each stage as the read reaches it.
        encoding: A Python codec (``cp1252``) for files saved neither as UTF-8 nor as
            UTF-16 or UTF-32 with a byte order mark.

    >>> result = import_un_votes("tests/data/unvotes")
    >>> result.summary.roll_calls, result.dataset.tables.signatures.height
    (18, 2263)
    """
    result = read_votes(*paths, layout=layout, strict=strict, progress=progress, encoding=encoding)
    # The reader has checked every rule of the validation: see Dataset._from_checked.
    return VotesImported(Dataset._from_checked(result.tables), result.summary)


def read_un_votes(
    *paths: PathLike,
    layout: Layout | None = None,
    strict: bool = True,
    encoding: str | None = None,
) -> Dataset:
    """Read roll-call votes (the unvotes tables, Voeten's file, or the UN Digital Library's
    voting data) into a Dataset: one document per roll call, one signature per vote.

    Args:
        paths: The files, or a folder of them.
        layout: ``unvotes``, ``voeten`` or ``undl``; by default told by the columns.
        strict: Raise for any bad row (the default); with False, load the good rows.
        encoding: A Python codec (``cp1252``) for files saved neither as UTF-8 nor as
            UTF-16 or UTF-32 with a byte order mark.

    Returns:
        The Dataset. For what was skipped or left unresolved, call
        :func:`import_un_votes`, which returns a summary too.

    Raises:
        DataFormatError: a file is missing, unreadable, or of no known layout.
        ValidationError: with ``strict``, every bad row by file and line.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "UNVotes.csv").write_text(
    ...     "rcid,ccode,member,vote,Countryname,date,unres,amend,para,short,descr\\n"
    ...     "5309,369,1,1,Ukraine,2014-03-27,A/RES/68/262,0,0,UKRAINE,Territorial integrity\\n"
    ...     "5309,365,1,3,Russia,2014-03-27,A/RES/68/262,0,0,UKRAINE,Territorial integrity\\n")
    >>> ds = read_un_votes(folder / "UNVotes.csv")
    >>> [(s.party.code, s.vote) for s in ds.document("A/RES/68/262").signatures]
    [('UA', 'for'), ('RU', 'against')]
    """
    return import_un_votes(*paths, layout=layout, strict=strict, encoding=encoding).dataset
