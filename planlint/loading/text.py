"""Bytes to text: BOMs, UTF-8, UTF-16, GB18030/GBK, and what to say when none fits."""

from __future__ import annotations

import codecs
from typing import NamedTuple

from planlint.loading.errors import ReadError

BOMS = (  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
# Big texts are decoded a piece at a time: CPython's decoders first make room for
# as many characters as there are bytes, at the widest character width seen, so a
# 50 MB Chinese UTF-8 text briefly took 100 MB more than its 36 MB of text.
_PIECE = 1 << 22
# Control characters other than tab, LF, FF and CR: a file full of them is no
# document, whatever a detector guesses.
_CONTROLS = bytes(byte for byte in range(0x20) if byte not in (0x09, 0x0A, 0x0C, 0x0D))


class Decoded(NamedTuple):
    text: str
    encoding: str
    bom: bool


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than a few control characters, in the first 8 KB."""
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return bool(sample) and controls / len(sample) > 0.05


def _decode(data: bytes, encoding: str, start: int = 0) -> str:
    """``data[start:]`` as ``encoding``, strictly, without copying the bytes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view, pieces = memoryview(data), []
    for offset in range(start, max(len(data), start + 1), _PIECE):
        end = min(offset + _PIECE, len(data))
        held = len(decoder.getstate()[0])  # the start of a character the last piece cut
        try:
            pieces.append(decoder.decode(view[offset:end], final=end == len(data)))
        except UnicodeDecodeError as error:  # its positions count from the held bytes' start
            start = offset - held
            raise UnicodeDecodeError(error.encoding, data, start + error.start, start + error.end,
                                     error.reason) from None
    return pieces[0] if len(pieces) == 1 else "".join(pieces)


def decode(data: bytes) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_decode(data, encoding, len(bom)), encoding, True)
            except UnicodeDecodeError as error:
                raise ReadError("undecodable", f"has a {encoding} byte order mark but byte "
                                f"{error.start} is not {encoding}") from None
    if looks_binary(data):
        raise ReadError("binary")
    try:
        return Decoded(_decode(data, "utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    # Strict UTF-8 failed: GB18030 (a superset of GBK and GB2312) is what
    # Chinese offices save in; charset-normalizer judges whether it, or another
    # encoding, really reads as text.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252"]).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable", "not UTF-8, UTF-16 or GB18030/GBK, and no other encoding fits")
    encoding = "gb18030" if best.encoding in ("gb2312", "gbk") else best.encoding
    try:
        return Decoded(_decode(data, encoding), encoding, False)
    except (UnicodeDecodeError, LookupError):
        raise ReadError("undecodable", f"looks like {best.encoding} but does not decode as it") from None
