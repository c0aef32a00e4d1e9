"""Write a fixed file back: atomically, in its own encoding, BOM and permissions,
and only after the bytes have been read back as exactly the fixed text."""

from __future__ import annotations

import codecs
import os
import shutil
import tempfile

_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}


class WriteError(OSError):
    pass


def encode(text: str, encoding: str, bom: bool) -> bytes:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise WriteError(f"the fixed text cannot be saved as {encoding} ({error.object[error.start]!r})") from None
    return (_BOMS.get(encoding, b"") if bom else b"") + data


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
        body = written[len(_BOMS.get(encoding, b"")):] if bom else written
        if body.decode(encoding) != text:
            raise WriteError("the written file does not read back as the fixed text")
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
