"""Write a fixed file back: atomically, in its own encoding, BOM and permissions,
and only after the bytes have been read back as exactly the fixed text."""

from __future__ import annotations

import os
import shutil
import tempfile

from planlint.loading.text import BOMS

_BOM_OF = {encoding: bom for bom, encoding in BOMS}  # the mark the file was read with


class WriteError(OSError):
    pass


def encode(text: str, encoding: str, bom: bool) -> bytes:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise WriteError(f"the fixed text cannot be saved as {encoding} ({error.object[error.start]!r})") from None
    return (_BOM_OF.get(encoding, b"") if bom else b"") + data


def write_atomically(path: str, text: str, encoding: str, bom: bool) -> None:
    data = encode(text, encoding, bom)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".planlint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with open(temporary, "rb") as stream:
            written = stream.read()
        body = written[len(_BOM_OF.get(encoding, b"")):] if bom else written
        if body.decode(encoding) != text:
            raise WriteError("the written file does not read back as the fixed text")
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
