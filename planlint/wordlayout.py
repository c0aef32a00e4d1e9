"""How a Word file is laid out: the facts its layout rules check (GB/T 9704-2012).

Plain data, in points and Word's own words: planlint.loading.docxlayout reads it
from a .docx, a Source and then a Document carry it, and planlint.kinds.layout
reads it.  A .txt or .md has none.  ``Layout.paragraphs[n - 1]`` is line n: the
paragraphs of the body in the order the .docx reader makes them lines.
"""

from __future__ import annotations

from typing import NamedTuple


class RunFormat(NamedTuple):
    """A stretch of a paragraph's own text (0-based, end exclusive) and how it is
    set, each property resolved as Word resolves it: the run, its character
    style, the paragraph's style and the styles it is based on, the document's
    defaults, and the theme's fonts where those are named.  None: set nowhere."""

    start: int
    end: int
    east_asian_font: str | None  # the font of Chinese text (w:eastAsia)
    ascii_font: str | None       # the font of Latin letters and digits (w:ascii)
    size: float                  # points (Word's own default is 10 pt)
    bold: bool
    colour: str | None           # "FF0000", a theme colour's name, or None for automatic/black


class Indent(NamedTuple):
    """An indent as Word keeps it: in points, and in characters when set in
    characters (which then win: Word lays out a w:rightChars that is not 0 over w:right)."""

    points: float = 0.0
    chars: float | None = None

    def in_chars(self, char_width: float) -> float:
        return self.chars if self.chars is not None else self.points / char_width


class ParagraphLayout(NamedTuple):
    runs: tuple[RunFormat, ...]
    length: int                  # of the paragraph's own text (its line may start with a rendered list marker)
    alignment: str               # left, center, right, both, distribute
    left: Indent
    right: Indent
    first_line: Indent           # negative: a hanging indent
    line_rule: str               # auto (``line`` is a multiple), exact or atLeast (``line`` in points)
    line: float
    snap_to_grid: bool
    section: int                 # index into Layout.sections
    in_table: bool


class PageNumber(NamedTuple):
    """The paragraph of a footer that holds the PAGE field.  ``text`` is its text
    with the field as ``{PAGE}``; ``position`` is where it sits across the page:
    left, center, right, inside or outside, or None where this cannot tell (an
    absolute position, a default tab stop); ``placed`` says what put it there:
    the paragraph's alignment, a tab stop, a frame or a text box."""

    text: str
    position: str | None
    placed: str                  # paragraph, tab, frame or box
    left: Indent
    right: Indent
    font: str | None             # the digits' font (w:ascii)
    size: float


class SectionLayout(NamedTuple):
    """A section's page, in points.  ``footers`` maps Word's footer types
    (default: odd pages, or every page; even) to the page number each shows,
    None where that footer has none; a section without its own footer of a type
    has its predecessor's, as in Word."""

    first_line: int              # the line of its first paragraph (1-based)
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    gutter: float
    grid: str | None             # docGrid type: lines, linesAndChars, snapToChars; None for no grid
    line_pitch: float | None
    number_format: str           # pgNumType: decimal, upperRoman, chineseCounting…
    footers: dict[str, PageNumber | None]

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right - self.gutter

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


class Layout(NamedTuple):
    paragraphs: tuple[ParagraphLayout, ...]
    sections: tuple[SectionLayout, ...]
    even_and_odd: bool           # settings: odd and even pages have footers of their own
