"""Write a fixed file back: atomically, in its own encoding, BOM, permissions, owner
and group, and only after the bytes have been read back as exactly the fixed text.

A file is replaced through a temporary, so whatever the old file carried beyond
its bytes must be carried over, or the write refused: a file whose mode gives no
one the right to write is the owner's "do not change" and is left alone, even by
root, whom os.access() would let write anything; a file that cannot keep its
owner and group, or that has other hard links (a new file would part from them),
is left alone too.  A link is followed: the file it leads to is written, and the
link stays a link."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile

from planlint.loading.text import BOMS

_BOM_OF = {encoding: bom for bom, encoding in BOMS}  # the mark the file was read with
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class WriteError(OSError):
    """``reason`` is a code the reporters put into words (see planlint.failures)."""

    def __init__(self, message: str, reason: str = "not-written"):
        super().__init__(message)
        self.reason = reason


def encode(text: str, encoding: str, bom: bool) -> bytes:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise WriteError(f"the fixed text cannot be saved as {encoding} ({error.object[error.start]!r})") from None
    return (_BOM_OF.get(encoding, b"") if bom else b"") + data


def _check_replaceable(path: str) -> os.stat_result:
    status = os.stat(path)
    if not status.st_mode & _WRITE_BITS or not os.access(path, os.W_OK):
        raise WriteError("the file is read-only", "read-only")
    if status.st_nlink > 1:
        raise WriteError(f"the file has {status.st_nlink - 1} other hard links", "hard-linked")
    return status


def _keep_owner(temporary: str, original: os.stat_result) -> None:
    """The temporary takes the file's owner and group (before its mode: a change
    of owner clears the set-user-ID and set-group-ID bits)."""
    if not hasattr(os, "chown"):  # Windows: a new file takes its owner from the directory
        return
    written = os.stat(temporary)
    if (written.st_uid, written.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        os.chown(temporary, original.st_uid, original.st_gid)
    except OSError:
        raise WriteError("the fixed file cannot keep the file's owner and group", "owner-not-kept") from None


def write_atomically(path: str, text: str, encoding: str, bom: bool) -> None:
    data = encode(text, encoding, bom)
    path = os.path.realpath(path)
    original = _check_replaceable(path)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".planlint-", suffix=".tmp")
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
        _keep_owner(temporary, original)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
