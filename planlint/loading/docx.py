"""Word documents (.docx): body paragraphs in order, with Word's automatic
numbering rendered as Word renders it.

In a real draft the 一、/（一）/1. markers are often not typed text but list
numbering (numbering.xml): the words "一、" are nowhere in the paragraph.  Each
numbered paragraph gets its marker rendered from the list definition (start,
numFmt, lvlText, lvlRestart, startOverride), with one counter per list, and
the marker is prefixed to the paragraph's text for parsing; the paragraph's own
columns are kept, so a diagnostic points into the text the user can edit.

A paragraph is a line: line N is the N-th paragraph of the body, counting the
paragraphs inside table cells, which are marked so that they never become
headings.  Headers, footers and footnotes are not read as text; how the body
and its pages are laid out (fonts, margins, the footers' page numbers) is read
alongside, for the layout rules (planlint.loading.docxlayout).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from planlint.loading.errors import ReadError
from planlint.loading.sniff import OLE_MAGIC, ZIP_MAGIC, kind_of_bytes, kind_of_package, ole_kind
from planlint.numerals import int_to_chinese, int_to_circled

if TYPE_CHECKING:
    from planlint.wordlayout import Layout

# Bounds on the package, checked before anything is unpacked.  Word's XML packs
# 3-20:1 (the LibreOffice file in the tests: 8.6:1); the most repetitive part Word
# writes, a table of nothing but empty cells, reaches ~200:1 while it is small (a
# 3000x8 one: 1.7 MB at 192:1).  Deflate cannot pass ~1030:1; the bombs reported
# were 566:1 (690 KB to 390 MB) and ~1000:1 (whitespace, to 1.3 GB).  So a part
# over 4 MB that packs over 100:1 is a bomb, whatever the size limit allows.
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 4 * 2**20
# A Word file has tens of parts, hundreds with many images; each listed part costs
# memory before a byte is unpacked, so a zip listing more is refused from its end record.
_MAX_PARTS = 10_000
# A zip's declared sizes bound nothing by themselves: zipfile unpacks a part read
# whole in one call (a part that declares 1 KB and holds 390 MB took 800 MB), and
# only then cuts it to the declared size.  So each part is first unpacked here, a
# piece at a time, and must come to exactly its declared size.  Word writes only
# stored and deflated parts, the kinds that can be so checked; others are refused.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_PIECE = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature; name and extra field lengths at 26 and 28
# What zipfile raises on a damaged package, besides BadZipFile: a part "needing" a
# newer zip version, a cut-off stream, an encrypted part, a size that makes no sense.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError, ValueError)
_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_WORD_VARIANTS = (b"ms-word.document.macroEnabled.main", b"wordprocessingml.template.main",
                  b"ms-word.template.macroEnabledTemplate.main")
_MAX_COUNTER = 32767
_MAX_LETTERS = 780
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH = str.maketrans("0123456789", "〇一二三四五六七八九")


class AutoMarker(NamedTuple):
    """A marker Word renders from list numbering: its length, and its list level (ilvl)."""

    length: int
    level: int


@dataclass(slots=True)
class DocxText:
    lines: list[str]                       # what the parser reads: auto marker + paragraph text
    own_text: list[str]                    # the paragraph text alone, as the user sees it in Word
    automatic: dict[int, AutoMarker] = field(default_factory=dict)
    in_table: set[int] = field(default_factory=set)
    layout: Layout | None = None


def _roman(value: int) -> str:
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    text = ""
    for size, numeral in numerals:
        count, value = divmod(value, size)
        text += numeral * count
    return text


def _letters(value: int) -> str:
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str | None:
    """A counter as Word writes it in ``numFmt``; None for bullets and no number.
    Past Word's own limits (32767; 780 for letters, which repeat: aa, bbb…) it is
    decimal, so that a hostile file's huge start values stay short."""
    if fmt in ("bullet", "none"):
        return None
    if not 0 <= value <= _MAX_COUNTER or (fmt in ("lowerLetter", "upperLetter") and value > _MAX_LETTERS):
        return str(value)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return int_to_chinese(value)
    if fmt == "ideographDigital":
        return str(value).translate(_IDEOGRAPH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return int_to_circled(value)
    if fmt == "decimalFullWidth":
        return str(value).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(value).upper() if fmt == "upperLetter" else _letters(value)
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(value).upper() if fmt == "upperRoman" else _roman(value)
    return str(value)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None


class _Numbering:
    """numbering.xml: list definitions and the counters Word keeps while it lays out the body."""

    def __init__(self, element, qn):
        self.qn = qn
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        if element is None:
            return
        for abstract in element.findall(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"))] = {
                int(level.get(qn("w:ilvl"), "0")): self._level(level) for level in abstract.findall(qn("w:lvl"))}
        for num in element.findall(qn("w:num")):
            abstract_id = self._val(num, "w:abstractNumId")
            starts, levels = {}, {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = self._val(override, "w:startOverride")
                if start is not None:
                    starts[ilvl] = int(start)
                level = override.find(qn("w:lvl"))
                if level is not None:
                    levels[ilvl] = self._level(level)
            self.nums[num.get(qn("w:numId"))] = (abstract_id, starts, levels)
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()

    def _val(self, element, tag: str) -> str | None:
        child = element.find(self.qn(tag)) if element is not None else None
        return child.get(self.qn("w:val")) if child is not None else None

    def _level(self, element) -> _Level:
        restart = self._val(element, "w:lvlRestart")
        return _Level(start=int(self._val(element, "w:start") or 1), fmt=self._val(element, "w:numFmt") or "decimal",
                      text=self._val(element, "w:lvlText") or "", restart=int(restart) if restart is not None else None)

    def render(self, num_id: str, ilvl: int) -> str | None:
        if num_id not in self.nums:
            return None
        abstract_id, starts, overridden = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overridden}
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if ilvl in starts and (num_id, ilvl) not in self.started:
            counters[ilvl] = starts[ilvl] - 1  # a list that restarts (startOverride) does so on first use
        self.started.add((num_id, ilvl))
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        text = level.text
        for index in range(9, -1, -1):
            token = f"%{index + 1}"
            if token in text:
                value = counters.get(index, levels.get(index, _Level()).start)
                formatted = format_number(value, levels.get(index, _Level()).fmt)
                if formatted is None:
                    return None
                text = text.replace(token, formatted)
        return text if level.fmt not in ("bullet", "none") else None


def _paragraph_numbering(paragraph, styles: dict, qn) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own properties or its style's, walking basedOn."""
    ppr = paragraph.find(qn("w:pPr"))
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    style_id = None
    if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
        style_id = ppr.find(qn("w:pStyle")).get(qn("w:val"))
    ilvl = None
    seen = set()
    while num_pr is None and style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            break
        style_ppr = style.find(qn("w:pPr"))
        num_pr = style_ppr.find(qn("w:numPr")) if style_ppr is not None else None
        based_on = style.find(qn("w:basedOn"))
        style_id = based_on.get(qn("w:val")) if based_on is not None else None
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    level = num_pr.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
        return None
    ilvl = int(level.get(qn("w:val"))) if level is not None else 0
    return num_id.get(qn("w:val")), ilvl


def text_pieces(paragraph, qn) -> Iterator[tuple[Any, str]]:
    """The paragraph's text as Word shows it, node by node: runs, tabs and breaks (a
    break is a space here, so that one paragraph stays one line).  The w:tab of a
    tab-stop list (pPr/tabs) defines a stop and shows nothing."""
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if node.tag == qn("w:t"):
            yield node, (node.text or "").replace("\r", " ").replace("\n", " ")
        elif node.tag == qn("w:tab"):
            if node.getparent().tag != qn("w:tabs"):
                yield node, "\t"
        elif node.tag == qn("w:noBreakHyphen"):
            yield node, "-"
        else:
            yield node, " "


def _listed_parts(data: bytes) -> int | None:
    """How many parts the zip's end record says it lists (None if there is none)."""
    at = data.rfind(_END, max(0, len(data) - _END_SIZE - 0xFFFF))  # the record, then a comment of up to 64 KB
    if at == -1 or len(data) < at + _END_SIZE:
        return None
    (count,) = struct.unpack_from("<H", data, at + 10)
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and data[locator:locator + 4] == _ZIP64_LOCATOR:
        (record,) = struct.unpack_from("<Q", data, locator + 8)
        if record + 40 <= len(data):
            (count,) = struct.unpack_from("<Q", data, record + 32)
    return count


def _open_package(data: bytes, limit: int) -> zipfile.ZipFile:
    """The zip, once its parts are known to unpack within bounds."""
    listed = _listed_parts(data)
    if listed is None:
        raise ReadError("truncated-docx")  # a zip's index is at its end: a cut-off download has none
    if listed > _MAX_PARTS:
        raise ReadError("docx-bomb", f"{listed} parts")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise ReadError("corrupt-docx") from None
    total = 0
    for part in package.infolist():
        if part.compress_type not in _METHODS or part.flag_bits & 0x1:  # or encrypted part by part
            raise ReadError("corrupt-docx")
        if part.file_size > _BOMB_MIN_SIZE and part.file_size > _BOMB_RATIO * max(part.compress_size, 1):
            raise ReadError("docx-bomb", f"{part.filename} {part.file_size // max(part.compress_size, 1)}:1")
        total += part.file_size
    if total > limit:
        raise ReadError("docx-too-large", f"{total / 2**20:.1f} MB > {limit / 2**20:g} MB")
    view = memoryview(data)
    for part in package.infolist():
        if _unpacked_size(view, part) != part.file_size:
            raise ReadError("corrupt-docx")
    return package


def _unpacked_size(data: memoryview, part: zipfile.ZipInfo) -> int:
    """What ``part`` really unpacks to, counted up to one byte past its declared size."""
    if not 0 <= part.header_offset <= len(data) - _LOCAL_HEADER.size:
        return -1
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, part.header_offset)
    start = part.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    if signature != b"PK\x03\x04" or start + part.compress_size > len(data):
        return -1
    packed = data[start:start + part.compress_size]
    if part.compress_type == zipfile.ZIP_STORED:
        return len(packed)
    inflater, size, cap = zlib.decompressobj(-zlib.MAX_WBITS), 0, part.file_size + 1
    pending: bytes | memoryview = b""
    offset = 0
    try:
        while size < cap and not inflater.eof:
            if not pending:
                if offset >= len(packed):  # no input left: what zlib still holds (a match cut short)
                    size += len(inflater.flush())
                    break
                pending, offset = packed[offset:offset + _PIECE], offset + _PIECE
            size += len(inflater.decompress(pending, _PIECE))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return -1
    return size if inflater.eof else -1


def _not_a_zip(path: str, data: bytes) -> ReadError:
    if data.startswith(OLE_MAGIC):
        kind = ole_kind(data)
        if kind == "encrypted":
            return ReadError("encrypted")
        if kind == "doc" or path.lower().endswith(".doc"):
            return ReadError("doc-format")
        return ReadError(f"not-word.{kind}")
    other = kind_of_bytes(data)
    return ReadError(f"not-word.{other}" if other else "corrupt-docx")


def _head(package: zipfile.ZipFile, name: str) -> bytes:
    with package.open(name) as part:
        return part.read(256)


def _broken_word(package: zipfile.ZipFile) -> ReadError:
    """Why python-docx could not open a package that is no other known kind."""
    names = set(package.namelist())
    if not any(name.startswith("word/") for name in names):
        return ReadError("not-word.zip")
    if "[Content_Types].xml" in names:
        try:
            types = package.read("[Content_Types].xml")
        except _ZIP_ERRORS:
            types = b""
        if any(variant in types for variant in _WORD_VARIANTS):
            return ReadError("not-word.word-variant")
    return ReadError("corrupt-docx")


def read_docx(path: str, data: bytes, limit: int) -> DocxText:
    """The paragraphs of a Word file; ``limit``: the most bytes it may unpack to.
    Anything that is not a sound .docx raises ReadError, naming what it is."""
    if not data.startswith(ZIP_MAGIC):
        raise _not_a_zip(path, data)
    package = _open_package(data, limit)
    try:
        kind = kind_of_package(set(package.namelist()), lambda name: _head(package, name))
    except _ZIP_ERRORS:
        raise ReadError("corrupt-docx") from None
    if kind is not None:
        raise ReadError(f"not-word.{kind}")
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a broken package; none says more to a user
        raise _broken_word(package) from None
    if document.element.body is None:
        raise ReadError("corrupt-docx")
    try:
        return _paragraphs(document, qn)
    except (ValueError, TypeError, AttributeError):
        # a list level or start that is no number; a styles part under another
        # content type, which python-docx hands out as a plain Part
        raise ReadError("corrupt-docx") from None


def _paragraphs(document, qn) -> DocxText:
    try:
        numbering_element = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_element = None
    numbering = _Numbering(numbering_element, qn)
    styles = {style.get(qn("w:styleId")): style
              for style in document.styles.element.findall(qn("w:style"))}
    result = DocxText([], [])
    from planlint.loading.docxlayout import LayoutReader

    layout = LayoutReader(document, qn)

    def add(paragraph, in_table: bool) -> None:
        pieces = list(text_pieces(paragraph, qn))
        text = "".join(piece for _, piece in pieces)
        layout.paragraph(paragraph, pieces, in_table)
        located = _paragraph_numbering(paragraph, styles, qn)
        marker = numbering.render(*located) if located else None
        result.own_text.append(text)
        result.lines.append((marker or "") + text)
        number = len(result.lines)
        if marker and located:
            result.automatic[number] = AutoMarker(len(marker), located[1])
        if in_table:
            result.in_table.add(number)

    def walk(container, in_table: bool) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                add(child, in_table)
            elif child.tag == qn("w:tbl"):
                for cell in child.iter(qn("w:tc")):
                    for paragraph in cell.findall(qn("w:p")):
                        add(paragraph, True)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content, in_table)

    walk(document.element.body, False)
    result.layout = layout.layout()
    return result
