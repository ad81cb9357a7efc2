"""UN General Assembly roll calls as a Dataset: one document per roll call.

The reader (:func:`sanctions_tracker.io.unvotes.read_votes`) returns tables and a
summary; this module makes the Dataset of them.
"""

from __future__ import annotations

from sanctions_tracker.dataset import Dataset
from sanctions_tracker.io.unvotes import Layout, PathLike, read_votes

__all__ = ["read_un_votes"]


def read_un_votes(*paths: PathLike, layout: Layout | None = None, strict: bool = True) -> Dataset:
    """Read roll-call votes (the unvotes tables, Voeten's file, or the UN Digital Library's
    voting data) into a Dataset: one document per roll call, one signature per vote.

    Args:
        paths: The files, or a folder of them.
        layout: ``unvotes``, ``voeten`` or ``undl``; by default told by the columns.
        strict: Raise for any bad row (the default); with False, load the good rows.

    Returns:
        The Dataset. For what was skipped or left unresolved, call
        :func:`sanctions_tracker.io.unvotes.read_votes`, which returns a summary too.

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
    # The reader has checked every rule of the validation: see Dataset._from_checked.
    return Dataset._from_checked(read_votes(*paths, layout=layout, strict=strict).tables)
