"""Small PDFs written out by hand, for tests that need lines exactly where they say.

Text is set in STSong-Light, one of the fonts every PDF reader knows without
its being embedded, through the UniGB-UCS2-H encoding: each character is its
UCS-2 code, and every character (a Latin letter too) is one em wide.  A line is
placed by the top left corner of its em box, in points from the page's top left.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import NamedTuple

A4 = (595, 842)
_FONT = ("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
         "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
         "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
         "/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> "
         "/DW 1000 >>] >>")


class Line(NamedTuple):
    left: float
    top: float
    text: str
    size: float = 16


def _text(line: Line, height: float) -> str:
    codes = "".join(f"{ord(char):04X}" for char in line.text)
    baseline = height - line.top - line.size * 0.88  # the font's ascent
    return f"BT /F1 {line.size:g} Tf {line.left:g} {baseline:g} Td <{codes}> Tj ET"


_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_ID = bytes(range(16))


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _locked(owner: str, user: str) -> tuple[str, bytes]:
    """The trailer entries of the standard security handler (revision 2, RC4 of 40
    bits) for these passwords, printing allowed and copying not, and the file's key."""
    owner_key = hashlib.md5((owner.encode() + _PADDING)[:32]).digest()[:5]
    o_value = _rc4(owner_key, (user.encode() + _PADDING)[:32])
    permissions = -3904 + 4  # print; no copy, no change
    key = hashlib.md5((user.encode() + _PADDING)[:32] + o_value + permissions.to_bytes(4, "little", signed=True)
                      + _ID).digest()[:5]
    entries = (f"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> "
               f"/U <{_rc4(key, _PADDING).hex()}> /P {permissions} >> /ID [<{_ID.hex()}> <{_ID.hex()}>]")
    return entries, key


def pdf(pages: list[list[Line]], *, images: bool = False, size: tuple = A4,
        passwords: tuple[str, str] | None = None, filler: int = 0) -> bytes:
    """A PDF of ``pages`` (each a list of lines); ``images`` puts a picture on each
    page (a scan's page is a picture and no text); ``passwords`` (owner, user)
    encrypts it: a reader needs the user password to open it, and an empty one
    opens it with the owner's restrictions (no copying); ``filler`` MB of spaces
    end each page's content, which is then deflated (as a bomb's is: ~1000:1)."""
    width, height = size
    objects: list[bytes] = []
    trailer, key = _locked(*passwords) if passwords else ("", b"")

    def add(body: str | bytes) -> int:
        body = body.encode() if isinstance(body, str) else body
        if key and b"\nstream\n" in body:  # each stream enciphered with its object's own key
            head, rest = body.split(b"\nstream\n", 1)
            data = rest[:-len(b"\nendstream")]
            number = len(objects) + 1
            own = hashlib.md5(key + number.to_bytes(3, "little") + bytes(2)).digest()[:10]
            body = head + b"\nstream\n" + _rc4(own, data) + b"\nendstream"
        objects.append(body)
        return len(objects)

    font = add(_FONT)
    pixels = zlib.compress(bytes([200]) * 64)
    image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels
                + b"\nendstream")
    tree = len(objects) + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        drawn = [_text(line, height) for line in lines]
        if images:
            drawn.append(f"q {width - 100:g} 0 0 {height - 100:g} 50 50 cm /Im1 Do Q")
        stream, dictionary = "\n".join(drawn).encode(), b""
        if filler:
            deflate = zlib.compressobj(9)
            stream = deflate.compress(stream) + b"".join(deflate.compress(b" " * 2**20) for _ in range(filler)) \
                + deflate.flush()
            dictionary = b" /Filter /FlateDecode"
        content = add(b"<< /Length %d%s >>\nstream\n" % (len(stream), dictionary) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {width} {height}] "
                        f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                        f"/Contents {content} 0 R >>"))
    add(f"<< /Type /Pages /Kids [{' '.join(f'{kid} 0 R' for kid in kids)}] /Count {len(kids)} >>")
    catalog = add(f"<< /Type /Catalog /Pages {tree} 0 R >>")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R {trailer} >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def paragraphs(texts: list[str], top: float = 105, *, left: float = 80, width: int = 28, size: float = 16,
               indent: int = 2, pitch: float = 28) -> list[Line]:
    """``texts`` laid out one after another as paragraphs of ``width`` characters a
    line, each first line indented by ``indent`` characters, from ``top`` on,
    ``pitch`` apart (by default GB/T 9704's text block: 28 characters of 16 pt, 37 mm down)."""
    lines: list[Line] = []
    for text in texts:
        offset = indent
        while text:
            take = width - offset
            lines.append(Line(left + offset * size, top + len(lines) * pitch, text[:take], size))
            text, offset = text[take:], 0
    return lines
