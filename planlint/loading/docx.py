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
headings.  Headers, footers and footnotes are not read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import NamedTuple

from planlint.loading.errors import ReadError
from planlint.numerals import int_to_chinese, int_to_circled

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, or a password-protected .docx
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
    """A counter as Word writes it in ``numFmt``; None for bullets and no number."""
    if fmt in ("bullet", "none"):
        return None
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


def _text_of(paragraph, qn) -> str:
    """The paragraph's text as Word shows it: runs, tabs and breaks (a break is a
    space here, so that one paragraph stays one line)."""
    pieces = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if node.tag == qn("w:t"):
            pieces.append(node.text or "")
        elif node.tag == qn("w:tab"):
            pieces.append("\t")
        elif node.tag == qn("w:noBreakHyphen"):
            pieces.append("-")
        else:
            pieces.append(" ")
    return "".join(pieces).replace("\r", " ").replace("\n", " ")


def read_docx(path: str, data: bytes) -> DocxText:
    if data.startswith(_OLE_MAGIC):
        raise ReadError("doc-format" if path.lower().endswith(".doc") else "encrypted")
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as error:  # pragma: no cover - a dependency, always installed
        raise ReadError("unreadable", str(error)) from None
    import io

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError("corrupt-docx", str(error) or type(error).__name__) from None
    except Exception as error:  # python-docx raises several kinds on a broken package
        raise ReadError("corrupt-docx", f"{type(error).__name__}: {error}") from None
    try:
        numbering_element = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_element = None
    numbering = _Numbering(numbering_element, qn)
    styles = {style.get(qn("w:styleId")): style
              for style in document.styles.element.findall(qn("w:style"))}
    result = DocxText([], [])

    def add(paragraph, in_table: bool) -> None:
        text = _text_of(paragraph, qn)
        located = _paragraph_numbering(paragraph, styles, qn)
        marker = numbering.render(*located) if located else None
        result.own_text.append(text)
        result.lines.append((marker or "") + text)
        number = len(result.lines)
        if marker:
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
    return result
