"""Atomic writes: a file or a folder appears whole, or the previous one stays as it was.

Everything is first written to a temporary sibling (same directory, so the final
rename stays on one file system), then renamed into place. A failure while writing
removes the temporary copy and leaves the target untouched.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> write_file_atomically(folder / "a.txt", lambda path: path.write_text("new"))
>>> (folder / "a.txt").read_text()
'new'
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["write_file_atomically", "write_folder_atomically"]


def _fsync(path: Path) -> None:
    """Flush a written file to disk (best effort where the platform cannot)."""
    with contextlib.suppress(OSError), path.open("rb") as handle:
        os.fsync(handle.fileno())


def write_file_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(temporary)`` and rename the result onto ``path``.

    Args:
        path: the file to create or replace.
        write: writes the whole content to the path it is given.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "kept.txt"
    >>> _ = target.write_text("old")
    >>> def broken(path: Path) -> None:
    ...     path.write_text("half")
    ...     raise OSError("disk full")
    >>> write_file_atomically(target, broken)
    Traceback (most recent call last):
    ...
    OSError: disk full
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('old', ['kept.txt'])
    """
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _as_path(err, path) from None
    os.close(descriptor)
    temporary = Path(name)
    try:
        write(temporary)
        _fsync(temporary)
        if path.exists():
            # mkstemp creates the file 0600; keep the permissions of the file we replace.
            shutil.copymode(path, temporary)
        else:
            temporary.chmod(0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise _named(err, temporary, path) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_folder_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(temporary_folder)`` and swap the result in for the folder ``path``.

    The previous folder is renamed aside, the new one renamed into place, and only
    then is the previous one removed; if the second rename fails, the previous folder
    is put back.

    Args:
        path: the folder to create or replace.
        write: writes every file of the folder into the (empty) folder it is given.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "tables"
    >>> write_folder_atomically(target, lambda folder: (folder / "a.csv").write_text("x"))
    >>> sorted(p.name for p in target.iterdir())
    ['a.csv']
    """
    try:
        made = tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _as_path(err, path) from None
    temporary = Path(made)
    try:
        write(temporary)
        for child in temporary.iterdir():
            _fsync(child)
        temporary.chmod(0o777 & ~_umask())
        if not path.exists():
            os.replace(temporary, path)
            return
        aside = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
        aside.rmdir()
        os.replace(path, aside)
        try:
            os.replace(temporary, path)
        except BaseException:
            os.replace(aside, path)
            raise
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as err:
        shutil.rmtree(temporary, ignore_errors=True)
        raise _named(err, temporary, path) from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _named(err: OSError, temporary: Path, path: Path) -> OSError:
    """``err`` naming the user's ``path`` where it named the hidden temporary copy.

    >>> err = _named(OSError(28, "No space left", "/d/.a.json.x1.tmp"),
    ...              Path("/d/.a.json.x1.tmp"), Path("/d/a.json"))
    >>> err.filename
    '/d/a.json'
    """
    if err.filename is None:
        return err
    name = str(err.filename)
    if name.startswith(str(temporary)):
        renamed = str(path) + name[len(str(temporary)) :]
        return type(err)(err.errno, err.strerror, renamed)
    return err


def _as_path(err: OSError, path: Path) -> OSError:
    """``err`` of making the temporary copy beside ``path``, naming ``path``.

    >>> _as_path(FileNotFoundError(2, "No such file or directory", "/d/.a.json.x1.tmp"),
    ...          Path("/d/a.json")).filename
    '/d/a.json'
    """
    return type(err)(err.errno, err.strerror, str(path))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
