"""PDF files: the text layer, read with PDFium (pypdfium2), as a document's lines
(planlint.loading.pdflayout rebuilds the paragraphs).

pypdfium2 was chosen over pdfminer.six, pdfplumber (built on pdfminer.six) and
pypdf, on the seeds printed to PDF by Chromium (84 pages): all four give the
body's lines in order, but PDFium read them in 0.21 s (2.4 ms a page) against
2.9-3.6 s (34-42 ms a page), and it alone gives 工, 大, 民, 页 where the fonts'
own Unicode maps give their look-alike Kangxi radicals (⼯ ⼤ ⺠ ⻚: 4,313
characters of the five seeds with the others).  One wheel without dependencies
of its own, for every platform CPython runs on; imported only when a PDF is read.

Before PDFium sees a file, its compressed streams are measured (see
``_check_streams``): a PDF whose content inflates past the size limit, or a
stream that packs tighter than any real one, is refused, as a .docx's zip bomb
is.  PDFium is Chromium's PDF reader, fuzzed without end; it still runs in this
process, unsandboxed.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from statistics import median
from typing import NamedTuple

from planlint.loading.errors import ReadError
from planlint.loading.pdflayout import Page, Rebuilt, TextLine, rebuild
from planlint.loading.sniff import kind_of_bytes

# A plan runs to tens of pages, a yearbook to a thousand; past this a file is no document to check.
MAX_PAGES = 5000
# Streams: text content packs 2-7:1 (the seeds as Chromium prints them), fonts about 2:1.
# A stream over 4 MB that inflates more than 100 times is a bomb (deflate can reach ~1030:1:
# 1 MB became 1 GB, and PDFium took 2 GB to read it).  Images are never inflated to read
# the text, so they are not measured.
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 4 * 2**20
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\r|\n)")
_DICTIONARY_BEFORE = 4096  # how far back from "stream" its dictionary is looked for
_PIECE = 1 << 16
# Fonts whose Unicode map gives a Kangxi radical for the ideograph it looks like
# (⼯ for 工, ⻚ for 页): Word's and Chromium's PDFs of some CJK fonts do.  The
# Kangxi radicals have compatibility decompositions; of the supplement's, those
# that are whole characters are listed (Unicode's EquivalentUnifiedIdeograph.txt).
_RADICALS = {code: ideograph for code in range(0x2E80, 0x2FD6)
             if (ideograph := unicodedata.normalize("NFKC", chr(code))) != chr(code)}
_RADICALS.update({ord(radical): ideograph for radical, ideograph in zip(
    "⺁⺊⺎⺒⺓⺜⺝⺠⺩⺪⺬⺯⺶⺻⺼⺽⻁⻄⻑⻗⻘⻝⻟⻣⻤⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰",
    "厂卜兀巳幺日月民王疋示糸羊聿月臼虎西長雨青食食骨鬼见角贝车长门韦页风飞马鱼鸟卤麦黄黾齐齿龙")})
_LINE_BREAKS = (0x0A, 0x0D)
_SPACE = 0.15  # a gap wider than the line's usual one by 0.15 of a character is a space (a Latin one is 0.25-0.33)
# Word, WPS and LibreOffice set a gap between Chinese and Latin letters or digits
# (2018 年, 新建 3 所); a gap under half a character there is that, not a space.
_AUTOSPACE = 0.5


def read_pdf(data: bytes, limit: int) -> Rebuilt:
    """The document's lines.  Raises ReadError: not-pdf, corrupt-pdf,
    encrypted-pdf (a password is needed to open it), pdf-bomb, pdf-too-large
    (more pages than MAX_PAGES, or more text than ``limit`` bytes would hold),
    pdf-no-text (no page has a text layer: a scan)."""
    if kind_of_bytes(data) != "pdf":
        raise ReadError("not-pdf")
    _check_streams(data, limit)
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        locked = error.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
        raise ReadError("encrypted-pdf" if locked else "corrupt-pdf") from None
    try:
        count = len(document)
        if count == 0:
            raise ReadError("corrupt-pdf")
        if count > MAX_PAGES:
            raise ReadError("pdf-too-large", f"{count} pages > {MAX_PAGES}")
        pages, characters = [], 0
        for index in range(count):
            try:
                page = _page(document, index, raw)
            except pdfium.PdfiumError:
                raise ReadError("corrupt-pdf") from None
            characters += sum(len(line.text) for line in page.lines)
            if characters * 3 > limit:  # as many characters as a UTF-8 text of the limit's size holds
                raise ReadError("pdf-too-large", f"over {limit // 3:,} characters of text")
            pages.append(page)
    finally:
        document.close()
    rebuilt = rebuild(pages)
    if not rebuilt.lines:  # no text at all, or only page numbers stamped on scanned pages
        raise ReadError("pdf-no-text", f"pages: {count}")
    return rebuilt


def _page(document, index: int, raw) -> Page:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            height = page.get_height()
            return Page(index + 1, height, _lines(textpage, height, raw))
        finally:
            textpage.close()
    finally:
        page.close()


class _Char(NamedTuple):
    text: str
    left: float
    bottom: float
    right: float
    top: float


def _lines(textpage, height: float, raw) -> list[TextLine]:
    """The page's lines as PDFium breaks them, each with the box its characters
    fill (their full advance: a “ or 《 does not look indented), top down."""
    lines: list[TextLine] = []
    chars: list[_Char | None] = []  # None: a space PDFium put where characters stand apart
    rect = raw.FS_RECTF()

    def finish() -> None:
        line = _line(chars, height)
        if line is not None:
            lines.append(line)
        chars.clear()

    count = textpage.count_chars()
    index = 0
    while index < count:
        code = raw.FPDFText_GetUnicode(textpage, index)
        step = 1
        if 0xD800 <= code < 0xDC00 and index + 1 < count:  # a surrogate pair: one character beyond the BMP
            low = raw.FPDFText_GetUnicode(textpage, index + 1)
            if 0xDC00 <= low < 0xE000:
                code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
        if code in _LINE_BREAKS:
            finish()
        elif code == 0x20 and raw.FPDFText_IsGenerated(textpage, index):
            chars.append(None)
        elif code >= 0x20 and not 0xD800 <= code < 0xE000 and raw.FPDFText_GetLooseCharBox(textpage, index, rect):
            chars.append(_Char(_RADICALS.get(code) or chr(code), rect.left, rect.bottom, rect.right, rect.top))
        index += step
    finish()
    return lines


def _line(chars: list[_Char | None], height: float) -> TextLine | None:
    """One line's characters as a TextLine, or None when it holds nothing to read.
    A space PDFium made up stays where the characters either side of it stand
    further apart than the line's characters usually do: justified Chinese text
    spreads its characters, and those gaps are no spaces (2019 年 工 作); nor is the
    narrow gap a word processor sets between Chinese and a figure (全省 2017-2019 年)."""
    placed = [char for char in chars if char is not None]
    if not "".join(char.text for char in placed).strip():
        return None
    if any(after.left < before.left - (before.right - before.left) for before, after in zip(placed, placed[1:])):
        # Drawn out of order (a word processor sets “” in a font of their own, after
        # the line's Chinese): read left to right, the gaps as PDFium would mark them.
        placed.sort(key=lambda char: char.left)
        ordered: list[_Char | None] = [placed[0]]
        for left, right in zip(placed, placed[1:]):
            ordered += [None, right] if right.left - left.right > 0 else [right]
        chars = ordered
    gaps = [after.left - before.right for before, after in zip(placed, placed[1:])]
    usual = median(gaps) if gaps else 0.0
    advance = median(char.right - char.left for char in placed)  # a Chinese character's: the type size
    text, before = [], None
    for index, char in enumerate(chars):
        if char is not None:
            text.append(char.text)
            before = char
            continue
        after = next((later for later in chars[index + 1:] if later is not None), None)
        if before is None or after is None:
            continue
        gap = after.left - before.right
        if gap >= usual + advance * _SPACE and not (_autospaced(before.text, after.text) and gap < advance * _AUTOSPACE):
            text.append(" ")
    boxes = [char for char in placed if char.text.strip()]
    return TextLine("".join(text).strip(), min(char.left for char in boxes), height - max(char.top for char in boxes),
                    max(char.right for char in boxes), height - min(char.bottom for char in boxes))


def _autospaced(before: str, after: str) -> bool:
    """Whether two characters are Chinese and a Latin letter or digit, in either order."""
    return (_is_han(before) and after.isascii() and after.isalnum()) or (
        before.isascii() and before.isalnum() and _is_han(after))


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _check_streams(data: bytes, limit: int) -> None:
    """Raise ReadError when the Flate streams PDFium would inflate to read the
    text (page content, fonts, object streams: all but images) come to more than
    ``limit`` bytes, or one of them over 4 MB inflates more than 100 times.  A
    stream is measured as it inflates, a piece at a time, so a bomb costs no
    memory; its end is its "endstream" (a Length may be a reference)."""
    view = memoryview(data)
    total = 0
    for match in _STREAM.finditer(data):
        dictionary = data[max(match.start() - _DICTIONARY_BEFORE, 0):match.start()]
        dictionary = dictionary[dictionary.rfind(b"obj"):]
        if b"FlateDecode" not in dictionary or b"/Image" in dictionary:
            continue
        end = data.find(b"endstream", match.end())
        packed = view[match.end():end if end != -1 else len(data)]
        size = _inflated_size(packed, min(limit - total, max(_BOMB_MIN_SIZE, len(packed) * _BOMB_RATIO)))
        if size > _BOMB_MIN_SIZE and size > len(packed) * _BOMB_RATIO:
            raise ReadError("pdf-bomb", f"over {_BOMB_RATIO}:1")
        total += size
        if total > limit:
            raise ReadError("pdf-too-large", f"its text streams inflate to over {limit / 2**20:g} MB")


def _inflated_size(packed: memoryview, most: int) -> int:
    """How many bytes ``packed`` inflates to, counting no further than ``most`` + 1
    (or than where the data stops making sense)."""
    inflater = zlib.decompressobj()
    size, offset = 0, 0
    pending: bytes | memoryview = packed[:_PIECE]
    try:
        while size <= most:
            if not pending:
                if offset + _PIECE >= len(packed):
                    break
                offset += _PIECE
                pending = packed[offset:offset + _PIECE]
            size += len(inflater.decompress(pending, _PIECE))
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass
    return size
