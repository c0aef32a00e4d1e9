"""The text of a PDF's pages as a document's lines: running headers, footers and
page numbers left out, and the lines a page breaks at its width joined again
into the paragraphs they were.

A PDF knows nothing of paragraphs: it places lines.  A line is joined to the
next when it runs to the right edge of the text block and the next one starts
at the left edge, as the lines of one paragraph do.  A paragraph starts where a
line is indented (a Chinese paragraph's first line is, by two characters), after
a line that stops short of the right edge, and after a wider gap than the lines
keep; in a document whose paragraphs are indented, or set apart by such
gaps, that is all (a （1） that starts a line at the left edge is run-in text that
wrapped there).  A document whose paragraphs are neither also starts one after a
sentence's end (。！？) at the end of a line, and at a heading's numbering (一、
（一） 1. （1） ① 第一章) after a clause's end (；：).  A title in a larger type that fills the width and
goes on centred is one line.  Pieces of text side by side (a line PDFium parts,
the cells of a table's row) are one line.

Each line of the result remembers where its pieces are on the pages: the column
each piece starts at, its page, and its line on that page counted from the top
(every line of text the page shows, a running header included).
"""

from __future__ import annotations

import re
from statistics import median
from typing import NamedTuple, Sequence


class TextLine(NamedTuple):
    """A line of text as a page places it, in points from the page's top left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


class Page(NamedTuple):
    number: int  # 1-based
    height: float
    lines: Sequence[TextLine]


class Origin(NamedTuple):
    """Where a piece of a rebuilt line is: from ``column`` (1-based) on, it is on
    ``page``, on the page's ``line``-th line from the top."""

    column: int
    page: int
    line: int


class Rebuilt(NamedTuple):
    lines: list[str]
    origins: list[tuple[Origin, ...]]  # per line, its pieces in order


class _Placed(NamedTuple):
    line: TextLine
    page: int
    row: int  # the line's number on its page, from the top


# A page number in a running header or footer: — 1 —, - 1 -, ·1·, 第1页, 第 1 页 共 5 页,
# 1/5, Page 1 of 5, or the number alone.
_DASHES = r"[\s\-—–－―‒·•．.]*"
_PAGE_NUMBER = re.compile(
    rf"{_DASHES}(?:第\s*\d{{1,4}}\s*页(?:\s*[,，]?\s*共\s*\d{{1,4}}\s*页)?|共\s*\d{{1,4}}\s*页\s*[,，]?\s*第\s*\d{{1,4}}\s*页"
    rf"|\d{{1,4}}(?:\s*[/／]\s*\d{{1,4}})?|page\s*\d{{1,4}}(?:\s*(?:of|/)\s*\d{{1,4}})?){_DASHES}",
    re.IGNORECASE)
# The numbering that starts a heading (where paragraphs are not indented, one after a clause starts a paragraph).
_HEADING = re.compile(r"[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[、．.](?![\d.．])"
                      r"|[（(]\d{1,3}[）)]|[①-⑳]|第[一二三四五六七八九十百\d]+(?:部分|章|节)")
_SENTENCE_END = ("。", "！", "？", "!", "?")
_CLAUSE_END = ("；", "：", ";", ":")
_CLOSING = "”’」』）)》〉】"
_CHROME_ROWS = 2       # running headers and footers are among a page's first and last two lines
_CHROME_BAND = 0.2     # ... and in its top or bottom fifth
_EDGE_BAND = 0.07      # a page's outer edge: above the text block of any usual margins
_SMALLER = 0.9         # a header's type is smaller than the body's
_ROW_OVERLAP = 0.5     # lines side by side: their middles within half a line height of each other
_APART = 0.5           # pieces of a line half a character or more apart are parted by a space
_SLACK = 1.0           # room a line may leave at its end (a character) besides what the next word needs
_INDENT = 1.2          # a line that starts 1.2 characters or more right of the left edge is indented
_FIRST_LINE_INDENT = (1.5, 2.6)  # a paragraph's first-line indent: two characters
_WIDE_GAP = 1.3        # a step from line to line 1.3 times the usual one parts paragraphs
_WIDE_TITLE = 0.75     # a centred line this share of the text block's width or wider may go on
_TITLE_SIZE = 1.15     # a title's type is larger than the body's
_PAGE_LINES = 5        # long lines a page needs for edges of its own
_LONG = 0.6            # lines at least this share of the widest set the text block's edges


def _rows(page: Page) -> list[TextLine]:
    """The page's lines top to bottom, those side by side made one, left to right
    (PDFium may part a line where justified text leaves a gap; cells of a table's row
    become one line, a space between them)."""
    rows: list[list[TextLine]] = []
    for line in sorted(page.lines, key=lambda line: (line.top + line.bottom) / 2):
        middle = (line.top + line.bottom) / 2
        if rows:
            last = rows[-1]
            height = min(line.bottom - line.top, *(other.bottom - other.top for other in last))
            if abs(middle - (last[0].top + last[0].bottom) / 2) <= height * _ROW_OVERLAP:
                last.append(line)
                continue
        rows.append([line])
    return [_one_line(sorted(row, key=lambda line: line.left)) for row in rows]


def _one_line(pieces: list[TextLine]) -> TextLine:
    text = pieces[0].text
    for before, piece in zip(pieces, pieces[1:]):
        apart = piece.left - before.right >= (piece.bottom - piece.top) * _APART
        text += (" " if apart else "") + piece.text
    return TextLine(text, pieces[0].left, min(piece.top for piece in pieces), max(piece.right for piece in pieces),
                    max(piece.bottom for piece in pieces))


def _squeezed(text: str) -> str:
    """A line as running headers are compared: no spaces, every digit alike (the page number changes)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _chrome(pages: list[tuple[Page, list[TextLine]]], em: float) -> set[tuple[int, int]]:
    """(page, row index) of each running header, footer and page number, among a
    page's first and last rows in its top or bottom band: a page number; a row
    that repeats there, its digits aside, on at least half the pages (and on two
    at least); and, on any page, a row in smaller type than the body's at the very
    edge of the page, where only headers and footers are (GB/T 9704's text
    starts 37 mm down, Word's 25 mm)."""
    candidates: dict[tuple[str, str], set[int]] = {}
    found: set[tuple[int, int]] = set()
    where: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for page, rows in pages:
        ends = [("top", index) for index in range(min(_CHROME_ROWS, len(rows)))]
        ends += [("bottom", index) for index in range(max(len(rows) - _CHROME_ROWS, 0), len(rows))]
        for end, index in ends:
            row = rows[index]
            in_band = (row.bottom <= page.height * _CHROME_BAND if end == "top"
                       else row.top >= page.height * (1 - _CHROME_BAND))
            if not in_band:
                continue
            text = row.text
            at_edge = (row.bottom <= page.height * _EDGE_BAND if end == "top"
                       else row.top >= page.height * (1 - _EDGE_BAND))
            if _PAGE_NUMBER.fullmatch(text.strip()) or at_edge and row.bottom - row.top < em * _SMALLER:
                found.add((page.number, index))
                continue
            key = (end, _squeezed(text))
            candidates.setdefault(key, set()).add(page.number)
            where.setdefault(key, []).append((page.number, index))
    for key, on_pages in candidates.items():
        if len(on_pages) >= max(2, len(pages) / 2) and key[1]:
            found.update(where[key])
    return found


def _edges(lines: list[TextLine], fewest: int) -> tuple[float, float] | None:
    """The left and right edges of the text block: where its long lines start at
    the leftmost and end at the rightmost (a short line, a centred title or a
    signature does not move them); None when fewer than ``fewest`` lines are long."""
    widest = max((line.right - line.left for line in lines), default=0.0)
    long = [line for line in lines if line.right - line.left >= widest * _LONG]
    if len(long) < fewest:
        return None
    return min(line.left for line in long), max(line.right for line in long)


def _title_goes_on(before: TextLine, after: TextLine, edges: tuple[float, float], em: float) -> bool:
    """A title too long for one line: in a larger type than the body's, it fills
    (most of) the width, and goes on centred on the next line."""
    left, right = edges

    def centred(line: TextLine) -> bool:
        return abs((line.left + line.right) - (left + right)) / 2 <= em

    height = before.bottom - before.top
    return (centred(before) and centred(after) and after.left > left + _INDENT * em
            and after.top - before.top <= height * 2
            and before.right - before.left >= (right - left) * _WIDE_TITLE
            and height > em * _TITLE_SIZE and abs((after.bottom - after.top) - height) <= height * 0.25)


# What typesetting never parts: a run of digits and Latin letters, a character with
# the punctuation that may not start a line after it, and an opening mark with
# the character it may not be parted from.
_FIRST_WORD = re.compile(r"[“‘《（(〈【「『]*(?:[0-9A-Za-z.%‰+\-/:,]+|.)[，。、；：？！）)》〉】」』”’%…—·]*")


def _first_word_width(line: TextLine) -> float:
    """How wide the first word of ``line`` is, at the line's mean advance."""
    word = _FIRST_WORD.match(line.text)
    return (line.right - line.left) / max(len(line.text), 1) * (len(word.group()) if word else 1)


def _joined(first: str, second: str) -> str:
    """Two pieces of one paragraph: a space between two Latin words, else nothing."""
    if first[-1:].isascii() and first[-1:].isalpha() and second[:1].isascii() and second[:1].isalpha():
        return " "
    return ""


class _Layout(NamedTuple):
    """What a document's pages say of its paragraphs."""

    em: float                 # the body's line height
    step: float               # the usual step from one line to the next
    edges: dict               # page number -> (left, right) of its text block, or None
    paragraphs_marked: bool   # first lines indented, or paragraphs spaced apart: nothing else starts one


def _layout(pages: Sequence[Page], body: list[_Placed]) -> _Layout:
    em = median(placed.line.bottom - placed.line.top for placed in body) or 1.0
    steps = [b.line.top - a.line.top for a, b in zip(body, body[1:]) if a.page == b.page and b.row == a.row + 1]
    step = median(steps) if steps else em * 2
    # A page's own edges when it has lines enough to tell (odd and even pages may
    # have margins of their own, and a table wider than the text moves only its
    # page's), else the document's: the middle of its pages', or of all its lines.
    own = {page.number: _edges([p.line for p in body if p.page == page.number], _PAGE_LINES) for page in pages}
    told = [edges for edges in own.values() if edges is not None]
    document_edges = ((median(left for left, _ in told), median(right for _, right in told)) if told
                      else _edges([placed.line for placed in body], 1))
    edges = {number: found or document_edges for number, found in own.items()}
    indents = [placed.line.left - found[0] for placed in body if (found := edges[placed.page]) is not None]
    low, high = _FIRST_LINE_INDENT
    indented = sum(low * em <= indent <= high * em for indent in indents) >= max(2, len(body) * 0.03)
    spaced = sum(later > step * _WIDE_GAP for later in steps) >= max(2, len(steps) * 0.03)
    return _Layout(em, step, edges, indented or spaced)


def _runs_on(layout: _Layout, before: _Placed, after: _Placed) -> bool:
    """Whether ``after`` goes on the paragraph ``before`` is in (see the module's doc)."""
    edges, before_edges = layout.edges[after.page], layout.edges[before.page]
    if edges is None or before_edges is None:
        return False
    em, same_page = layout.em, before.page == after.page
    if same_page and _title_goes_on(before.line, after.line, edges, em):
        return True
    if same_page and after.line.top - before.line.top > layout.step * _WIDE_GAP:
        return False
    if before_edges[1] - before.line.right > _first_word_width(after.line) + _SLACK * em:
        return False  # the line stopped though the next one's first word would have fitted: a paragraph ends
    if after.line.left > edges[0] + _INDENT * em:
        return False
    if layout.paragraphs_marked:  # a （1） at the left edge is run-in text that wrapped there
        return True
    ending = before.line.text.rstrip().rstrip(_CLOSING)
    return not (ending.endswith(_SENTENCE_END) or ending.endswith(_CLAUSE_END) and _HEADING.match(after.line.text))


def rebuild(pages: Sequence[Page]) -> Rebuilt:
    """The document's lines from its pages' lines (see the module's doc)."""
    laid_out = [(page, _rows(page)) for page in pages]
    heights = [row.bottom - row.top for _, rows in laid_out for row in rows]
    chrome = _chrome(laid_out, median(heights) if heights else 0.0)
    body = [_Placed(row, page.number, index + 1) for page, rows in laid_out for index, row in enumerate(rows)
            if (page.number, index) not in chrome]
    if not body:
        return Rebuilt([], [])
    layout = _layout(pages, body)
    lines: list[str] = []
    origins: list[tuple[Origin, ...]] = []
    for previous, placed in zip([None, *body], body):
        text = placed.line.text.strip()
        if previous is not None and _runs_on(layout, previous, placed):
            joined = lines[-1] + _joined(lines[-1], text)
            lines[-1] = joined + text
            origins[-1] += (Origin(len(joined) + 1, placed.page, placed.row),)
        else:
            lines.append(text)
            origins.append((Origin(1, placed.page, placed.row),))
    return Rebuilt(lines, origins)


def place(origins: tuple[Origin, ...], column: int) -> Origin:
    """The piece of a rebuilt line that holds ``column``."""
    found = origins[0]
    for origin in origins:
        if origin.column > column:
            break
        found = origin
    return found
