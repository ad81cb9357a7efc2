"""Input text as users save it: UTF-8 with or without a byte order mark, UTF-16 with one.

Every reader of text or CSV input (a dataset's CSV tables, a signatory text, standard
input) decodes through :func:`decode`, so that a Windows-1252 file from Notepad or
Excel gets one error naming the file, the byte offset and the fix, never a
``UnicodeDecodeError``; ``encoding`` reads a file saved otherwise.

>>> decode(b"\\xef\\xbb\\xbfJapan", name="a.txt")
'Japan'
>>> decode("Côte d'Ivoire".encode("utf-16"), name="a.txt")
"Côte d'Ivoire"
>>> decode(b"C\\xf4te d'Ivoire", name="notes.txt")
Traceback (most recent call last):
...
sanctions_tracker.errors.DataFormatError: notes.txt: not UTF-8 at byte 1 (0xf4): ...
>>> decode(b"C\\xf4te d'Ivoire", name="notes.txt", encoding="cp1252")
"Côte d'Ivoire"
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Final

from sanctions_tracker._advice import ENCODING
from sanctions_tracker.errors import DataFormatError

__all__ = ["ENCODING_HELP", "decode", "read_text"]

#: The help of every ``--encoding`` option of the command line.
ENCODING_HELP: Final = (
    "the encoding of text and CSV input, e.g. cp1252 (default: UTF-8, with or without a "
    "byte order mark, or UTF-16 with one)"
)

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """The text of ``data``, read from ``name``: UTF-8 or a byte order mark's, or ``encoding``.

    Args:
        data: The bytes as read.
        name: The file (or ``"standard input"``) for the error message.
        encoding: A Python codec name (``cp1252``, ``latin-1``); default: UTF-8 unless a
            byte order mark says UTF-16 or UTF-32.

    Raises:
        DataFormatError: The bytes are not in that encoding (naming the byte offset and
            the fix), the encoding is unknown, or the text holds NUL characters (a binary
            file).

    >>> decode(b"Japan\\x00\\x01", name="x.bin")
    Traceback (most recent call last):
    ...
    sanctions_tracker.errors.DataFormatError: x.bin: holds NUL bytes: not a text file
    """
    if encoding is None:
        chosen = "utf-8"
        for bom, codec in _BOMS:
            if data.startswith(bom):
                chosen, data = codec, data[len(bom) :] if codec == "utf-8" else data
                break
    else:
        try:
            chosen = codecs.lookup(encoding).name
        except LookupError:
            raise DataFormatError(
                f"unknown encoding {encoding!r}: give a codec such as cp1252, latin-1 or utf-16",
                file=name,
            ) from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as err:
        byte = data[err.start : err.start + 1].hex()
        fix = (
            ENCODING.python if encoding is None else "give the file's encoding, or save it as UTF-8"
        )
        raise DataFormatError(
            f"not {_label(chosen)} at byte {err.start} (0x{byte}): {fix}", file=name
        ) from None
    if "\x00" in text:
        raise DataFormatError("holds NUL bytes: not a text file", file=name)
    return text.removeprefix("\ufeff")


def read_text(path: Path, *, encoding: str | None = None) -> str:
    """The decoded text of the file ``path`` (see :func:`decode`).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = path.write_bytes("Türkiye".encode("utf-16"))
    >>> read_text(path)
    'Türkiye'
    """
    return decode(path.read_bytes(), name=str(path), encoding=encoding)


def _label(codec: str) -> str:
    return "UTF-8" if codec == "utf-8" else codec
