"""How a Word file looks, against GB/T 9704-2012 (or an office's house style).

A rule of this kind names the ``check`` it makes; the standard's values are its
params, so a configuration's ``params`` set a house style:

- ``paper`` (§5.1): each section's paper is ``width`` × ``height`` mm, either way
  round (a wide table may be set across the page);
- ``margins`` (§5.2.1): 天头 ``top`` and 订口 ``left`` (the gutter counts), 版心
  ``text_width`` × ``text_height`` mm, each within ``tolerance`` mm;
- ``line-pitch`` (§5.2.3): the line spacing of the body and headings gives
  ``lines`` lines a page (exact spacing, or single spacing on a line grid);
- ``font`` (§5.2.2, §7.3, §7.4): the text of one ``role`` (planlint.kinds.
  _layoutroles) is in ``font`` at ``size`` pt.  ``font`` is a face or a list of
  names; every name fontfaces.yaml gives a listed face counts.  The face is the
  East Asian one (w:eastAsia), judged where the text has Chinese in it;
- ``page-number`` (§7.5): the footers show the page number as ``format``
  (``{page}`` is the number; spaces aside), in Arabic numerals, the digits in
  ``font`` at ``size`` pt; a document whose footers hold no page number is found too;
- ``page-number-position`` (§7.5): odd pages' number on the ``odd`` side, even
  pages' on the ``even`` side, ``space`` characters in from the edge;
- ``signing-date-position`` (§7.3.5): the 成文日期 ends one of ``right_space``
  characters from the right edge of the text;
- ``colour`` (§5.2.4): text after the 版头 is black;
- ``bold``: no bold in the ``roles`` (the standard sets none).

One finding per cause: the paragraphs (or sections, or footers) that are wrong
the same way — a body all in 宋体 小四 — are one finding, at the first, with
how many there are (``{count}``).  ``{expected}`` and ``{found}`` are said in
Chinese, ``{expected_en}`` and ``{found_en}`` in English.  A document that is
not a Word file has no layout, and these rules say nothing about it.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable, Iterator

from planlint.diagnostics import Finding
from planlint.kinds._layoutroles import ROLES, roles
from planlint.outline.model import Document, Span
from planlint.wordlayout import Layout, PageNumber, ParagraphLayout, RunFormat, SectionLayout

CHECKS = ("paper", "margins", "line-pitch", "font", "page-number", "page-number-position",
          "signing-date-position", "colour", "bold")
_NUMBER = {"type": "number", "exclusiveMinimum": 0}
_SIDE = {"enum": ["left", "right", "center"]}
_NEEDS = {"paper": ["width", "height"], "margins": ["top", "left", "text_width", "text_height"],
          "line-pitch": ["lines"], "font": ["role", "font", "size"], "page-number": ["format", "font", "size"],
          "page-number-position": ["odd", "even", "space"], "signing-date-position": ["right_space"],
          "bold": ["roles"]}
PARAMS = {
    "type": "object",
    "properties": {
        "check": {"enum": list(CHECKS)},
        "width": _NUMBER, "height": _NUMBER, "top": _NUMBER, "left": _NUMBER,
        "text_width": _NUMBER, "text_height": _NUMBER,
        "tolerance": {"type": "number", "minimum": 0,
                      "description": "mm for paper and margins, characters for positions "
                                     "(default 1 mm, 0.5 character)"},
        "lines": {"type": "integer", "minimum": 1},
        "role": {"enum": list(ROLES)},
        "roles": {"type": "array", "items": {"enum": list(ROLES)}, "minItems": 1, "uniqueItems": True},
        "font": {"anyOf": [{"type": "string", "minLength": 1},
                           {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}]},
        "size": _NUMBER,
        "format": {"type": "string", "pattern": r"\{page\}"},
        "odd": _SIDE, "even": _SIDE,
        "space": {"type": "number", "minimum": 0},
        "right_space": {"type": "array", "items": {"type": "number", "minimum": 0}, "minItems": 1},
    },
    "required": ["check"],
    "additionalProperties": False,
    "allOf": [{"if": {"properties": {"check": {"const": check}}}, "then": {"required": needed}}
              for check, needed in _NEEDS.items()],
}
PLACEHOLDERS = {"expected", "expected_en", "found", "found_en", "count"}

_FACES = Path(__file__).with_name("fontfaces.yaml")
_MM = 72 / 25.4  # points in a millimetre
_LINE_HEIGHT = 1.3  # a CJK font's single line, in ems (SimSun, FangSong: 1.3; the check says "about")
_LINE_SLACK = 0.02  # of a line: Word fits a last line short by a hair (22 × 29 pt in 225 mm)
_SIZE_NAMES = {42: "初号", 36: "小初", 26: "一号", 24: "小一", 22: "二号", 18: "小二", 16: "三号", 15: "小三",
               14: "四号", 12: "小四", 10.5: "五号", 9: "小五", 7.5: "六号", 6.5: "小六", 5.5: "七号", 5: "八号"}
_HEX = set("0123456789ABCDEF")
_NUMBER_IN_DASH = "- {PAGE} -"  # Word's page number format numberInDash: hyphens, not 一字线
_SIDES = {"left": ("居左", "left"), "right": ("居右", "right"), "center": ("居中", "centred")}
_ROLE_NAMES = {"title": ("标题", "title"), "recipient": ("主送机关", "addressee line"), "body": ("正文", "body text"),
               "heading-1": ("一级标题", "first-level headings"), "heading-2": ("二级标题", "second-level headings"),
               "heading-3": ("三级标题", "third-level headings"), "heading-4": ("四级标题", "fourth-level headings"),
               "attachment-note": ("附件说明", "attachment note"), "signing-date": ("成文日期", "date of issue"),
               "attachment-label": ("附件标识", "attachment label"), "imprint": ("版记", "imprint")}


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def prepare(params: dict) -> tuple[str, ...] | None:
    """For a check of fonts: every name that counts as the font asked for, compared as ``_key`` makes them."""
    if "font" not in params:
        return None
    import yaml

    faces = yaml.safe_load(_FACES.read_text(encoding="utf-8"))
    asked = [params["font"]] if isinstance(params["font"], str) else params["font"]
    names = set(asked)
    for face, aliases in faces.items():
        if {_key(name) for name in (face, *aliases)} & {_key(name) for name in asked}:
            names.update((face, *aliases))
    return tuple(sorted({_key(name) for name in names}))


def check(document: Document, params: dict, state) -> Iterator[Finding]:
    layout = document.layout
    if layout is None or not layout.paragraphs or not layout.sections:
        return
    yield from _CHECKS[params["check"]](document, layout, params, state)


class _Causes:
    """Findings grouped by cause: the first place each cause is seen, and how many
    lines (or sections) share it."""

    def __init__(self) -> None:
        self.first: dict[tuple, tuple[Span, dict]] = {}
        self.lines: dict[tuple, set[int]] = {}

    def add(self, cause: tuple, span: Span, args: dict) -> None:
        self.first.setdefault(cause, (span, args))
        self.lines.setdefault(cause, set()).add(span.line)

    def findings(self, expected: tuple[str, str]) -> Iterator[Finding]:
        for cause, (span, args) in self.first.items():
            yield Finding(span, {"expected": expected[0], "expected_en": expected[1],
                                 "count": len(self.lines[cause]), **args})


def _found(zh: str, en: str) -> dict:
    return {"found": zh, "found_en": en}


def _size(points: float) -> tuple[str, str]:
    shown = f"{points:g}"
    name = _SIZE_NAMES.get(points)
    return (f"{name}（{shown}磅）" if name else f"{shown}磅"), f"{shown} pt"


def _font_and_size(font: str | None, size: float | None) -> tuple[str, str]:
    zh, en = [], []
    if font is not None:
        zh.append(font or "未设置字体")
        en.append(font or "no font set")
    if size is not None:
        zh_size, en_size = _size(size)
        zh.append(zh_size)
        en.append(en_size)
    return "、".join(zh), " ".join(en)


def _expected_font(params: dict) -> tuple[str, str]:
    font = params["font"] if isinstance(params["font"], str) else "或".join(params["font"])
    font_en = params["font"] if isinstance(params["font"], str) else " or ".join(params["font"])
    zh_size, en_size = _size(params["size"])
    return f"{font}、{zh_size}", f"{font_en} {en_size}"


def _line_span(document: Document, number: int) -> Span:
    return Span(number, 1, number, len(document.lines[number - 1]) + 1)


def _offset(document: Document, layout: Layout, number: int) -> int:
    """Where the paragraph's own text starts in its line (after a rendered automatic marker)."""
    return max(0, len(document.lines[number - 1]) - layout.paragraphs[number - 1].length)


def _has_chinese(text: str) -> bool:
    return any(ord(char) >= 0x2E80 for char in text)


def _runs_in(document: Document, layout: Layout, number: int, start: int, end: int
             ) -> Iterator[tuple[RunFormat, int, int, str]]:
    """The runs of line ``number`` that have text between ``start`` and ``end``, in line columns."""
    offset = _offset(document, layout, number)
    line = document.lines[number - 1]
    for run in layout.paragraphs[number - 1].runs:
        low, high = max(run.start + offset, start), min(run.end + offset, end)
        if low < high and line[low:high].strip():
            yield run, low, high, line[low:high]


def _fonts(document: Document, layout: Layout, params: dict, accepted: tuple[str, ...]) -> Iterator[Finding]:
    """Each paragraph's verdict is its first wrong run that has Chinese in it (face
    and size), else its first wrong run (size alone: a run of digits has no East
    Asian face); paragraphs with one verdict are one cause, and one of a size alone
    joins the cause of a face at that size."""
    verdicts: list[tuple[tuple[str | None, float], Span]] = []
    for part in roles(document, layout).of(params["role"]):
        wrong: list[tuple[RunFormat, Span, bool]] = []
        for run, low, high, text in _runs_in(document, layout, part.line, part.start, part.end):
            chinese = _has_chinese(text)
            if (chinese and _key(run.east_asian_font or "") not in accepted) or abs(run.size - params["size"]) > 0.1:
                wrong.append((run, Span(part.line, low + 1, part.line, high + 1), chinese))
        if wrong:
            run, _, _ = next((found for found in wrong if found[2]), wrong[0])
            font = (run.east_asian_font or "") if any(chinese for _, _, chinese in wrong) else None
            verdicts.append(((font, run.size), wrong[0][1]))
    faces = {size: (font, size) for (font, size), _ in verdicts if font is not None}
    causes = _Causes()
    for (font, size), span in verdicts:
        cause = (font, size) if font is not None else faces.get(size, (None, size))
        causes.add(cause, span, _found(*_font_and_size(*cause)))
    yield from causes.findings(_expected_font(params))


def _bold(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    for part in roles(document, layout).parts:
        if part.role not in params["roles"]:
            continue
        for run, low, high, _ in _runs_in(document, layout, part.line, part.start, part.end):
            if run.bold:
                causes.add((part.role,), Span(part.line, low + 1, part.line, high + 1), _found(*_ROLE_NAMES[part.role]))
    yield from causes.findings(("不加粗", "not bold"))


def _colour(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    first = roles(document, layout).first_line
    for number in range(first, len(layout.paragraphs) + 1):
        if number in document.chrome:
            continue
        for run, low, high, _ in _runs_in(document, layout, number, 0, len(document.lines[number - 1])):
            if run.colour is not None:
                colour = f"#{run.colour}" if len(run.colour) == 6 and set(run.colour) <= _HEX else run.colour
                causes.add((colour,), Span(number, low + 1, number, high + 1), _found(colour, colour))
    yield from causes.findings(("黑色", "black"))


def _first_text_line(document: Document, from_line: int) -> int | None:
    """The first line from ``from_line`` with text that is not web-page chrome (else the
    last before it): where a section's finding points."""
    lines = [number for number, _ in document.content_lines()]
    return next((number for number in lines if number >= from_line),
                next((number for number in reversed(lines) if number < from_line), None))


def _sections(document: Document, layout: Layout) -> Iterator[tuple[SectionLayout, Span]]:
    for section in layout.sections:
        number = _first_text_line(document, section.first_line)
        if number is not None:
            yield section, _line_span(document, number)


def _mm(points: float) -> str:
    return f"{points / _MM:.1f}".removesuffix(".0")


def _paper(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    tolerance = params.get("tolerance", 1) * _MM
    width, height = params["width"] * _MM, params["height"] * _MM
    for section, span in _sections(document, layout):
        size = sorted((section.width, section.height))
        if abs(size[0] - min(width, height)) > tolerance or abs(size[1] - max(width, height)) > tolerance:
            shown = f"{_mm(section.width)}×{_mm(section.height)}"
            causes.add((shown,), span, _found(f"{shown}毫米", f"{shown} mm"))
    expected = f"{params['width']:g}×{params['height']:g}"
    yield from causes.findings((f"{expected}毫米", f"{expected} mm"))


def _margins(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    tolerance = params.get("tolerance", 1) * _MM
    asked = (params["top"], params["left"], params["text_width"], params["text_height"])
    for section, span in _sections(document, layout):
        if section.width > section.height:
            continue  # a page turned for a wide table: its margins turn with it
        found = (section.top, section.left + section.gutter, section.text_width, section.text_height)
        if any(abs(have - want * _MM) > tolerance for have, want in zip(found, asked)):
            top, left, width, height = (_mm(value) for value in found)
            causes.add(found, span, _found(f"天头{top}毫米、订口{left}毫米、版心{width}×{height}毫米",
                                           f"top {top} mm, binding edge {left} mm, type area {width} × {height} mm"))
    top, left, width, height = (f"{value:g}" for value in asked)
    yield from causes.findings((f"天头{top}毫米、订口{left}毫米、版心{width}×{height}毫米",
                                f"top {top} mm, binding edge {left} mm, type area {width} × {height} mm"))


def _pitch(paragraph: ParagraphLayout, section: SectionLayout) -> tuple[float, str, str, bool]:
    """(the paragraph's line pitch in points, said in zh and en, whether it is exact rather than estimated)."""
    size = max((run.size for run in paragraph.runs), default=10.0)
    natural = size * _LINE_HEIGHT
    line = paragraph.line
    if paragraph.line_rule == "exact":
        return line, f"固定值{line:g}磅", f"exactly {line:g} pt", True
    if paragraph.line_rule == "atLeast":
        return max(line, natural), f"最小值{line:g}磅", f"at least {line:g} pt", line >= natural
    grid = section.line_pitch if section.grid and paragraph.snap_to_grid and section.line_pitch else None
    multiple_zh = "单倍行距" if line == 1 else f"{line:g}倍行距"
    multiple_en = "single spacing" if line == 1 else f"{line:g}-line spacing"
    if grid is not None:
        cells = max(1, math.ceil(natural / grid - 0.01))
        return (line * cells * grid, f"{multiple_zh}、文档网格{grid:g}磅", f"{multiple_en} on a {grid:g} pt line grid",
                True)
    return line * natural, f"{multiple_zh}、无文档网格", f"{multiple_en} without a line grid", False


def _line_pitch(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    wanted = params["lines"]
    for part in roles(document, layout).parts:
        if part.role != "body" and not part.role.startswith("heading"):
            continue
        paragraph = layout.paragraphs[part.line - 1]
        if paragraph.section >= len(layout.sections) or not paragraph.runs:
            continue
        section = layout.sections[paragraph.section]
        pitch, zh, en, exact = _pitch(paragraph, section)
        lines = math.floor(section.text_height / pitch + _LINE_SLACK)
        if lines != wanted:
            about_zh, about_en = ("", "") if exact else ("约", "about ")
            # The spacing is the cause; a font's size only moves the count.
            causes.add((zh,), _line_span(document, part.line),
                       _found(f"{zh}，每面{about_zh}{lines}行", f"{en}: {about_en}{lines} lines a page"))
    yield from causes.findings((f"{wanted}", f"{wanted}"))


def _page_number(document: Document, layout: Layout, params: dict, accepted: tuple[str, ...]) -> Iterator[Finding]:
    causes = _Causes()
    wanted = "".join(params["format"].replace("{page}", "{PAGE}").split())
    zh_size, en_size = _size(params["size"])
    example = params["format"].replace("{page}", "1")
    expected = (f"“{example}”，{params['font'] if isinstance(params['font'], str) else params['font'][0]}、{zh_size}",
                f"“{example}”, {params['font'] if isinstance(params['font'], str) else params['font'][0]} {en_size}")
    found_any, first = False, None
    for section, span, number in ((section, span, section.footers.get(kind))
                                  for section, span in _sections(document, layout)
                                  for kind in (("default", "even") if layout.even_and_odd else ("default",))):
        first = first or span
        if number is None:
            continue
        found_any = True
        text = number.text.replace("{PAGE}", _NUMBER_IN_DASH) if section.number_format == "numberInDash" \
            else number.text
        shown = text.replace("{PAGE}", "1").strip()
        if "".join(text.split()) != wanted:
            causes.add(("text", shown), span, _found(f"“{shown}”", f"“{shown}”"))
        if section.number_format not in ("decimal", "numberInDash"):
            causes.add(("format", section.number_format), span,
                       _found(f"页码格式为{section.number_format}", f"page numbers in {section.number_format}"))
        if _key(number.font or "") not in accepted or abs(number.size - params["size"]) > 0.1:
            zh, en = _font_and_size(number.font or "", number.size)
            causes.add(("font", number.font, number.size), span, _found(f"数字用{zh}", f"digits in {en}"))
    if not found_any and first is not None:
        causes.add(("none",), first, _found("无页码（页脚中没有PAGE域）", "none (no PAGE field in the footers)"))
    yield from causes.findings(expected)


def _text_width(text: str) -> float:
    """Characters as wide as a Chinese one: Latin letters, digits and spaces are half."""
    return sum(0.5 if ord(char) < 0x2E80 and char != "\u3000" else 1.0 for char in text)


def _side(number: PageNumber, parity: str) -> str | None:
    if number.position in ("inside", "outside"):
        return {"outside": "right", "inside": "left"}[number.position] if parity == "odd" else \
            {"outside": "left", "inside": "right"}[number.position]
    return number.position if number.position in _SIDES else None


def _edge_space(number: PageNumber, side: str) -> float | None:
    """Characters between the number's dash and the edge it sits on (None where a tab
    stop, a frame or a text box places it: their own edges are not the text's)."""
    if number.placed != "paragraph":
        return None
    text = number.text
    if side == "right":
        return number.right.in_chars(number.size) + _text_width(text[len(text.rstrip()):])
    return number.left.in_chars(number.size) + _text_width(text[:len(text) - len(text.lstrip())])


def _page_number_position(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    causes = _Causes()
    tolerance = params.get("tolerance", 0.5)
    space = params["space"]
    for section, span in _sections(document, layout):
        odd = section.footers.get("default")
        even = section.footers.get("even") if layout.even_and_odd else odd
        said = []
        wrong = False
        for parity, number in (("odd", odd), ("even", even)):
            if number is None:
                continue
            side = _side(number, parity)
            if side is None:
                continue
            gap = _edge_space(number, side)
            if side != params[parity] or (side != "center" and gap is not None and abs(gap - space) > tolerance):
                wrong = True
            said.append((parity, side, gap))
        if wrong:
            zh = "、".join(f"{'单' if parity == 'odd' else '双'}页码{_SIDES[side][0]}"
                          + (f"空{gap:g}字" if gap is not None and side != "center" else "")
                          for parity, side, gap in said)
            en = ", ".join(f"{parity} pages {_SIDES[side][1]}"
                           + (f" {gap:g} characters in" if gap is not None and side != "center" else "")
                           for parity, side, gap in said)
            causes.add((zh,), span, _found(zh, en))
    expected = ("、".join(f"{parity}页码{_SIDES[params[key]][0]}" + (f"空{space:g}字" if params[key] != "center" else "")
                          for parity, key in (("单", "odd"), ("双", "even"))),
                f"odd pages {_SIDES[params['odd']][1]}, even pages {_SIDES[params['even']][1]}, "
                f"{space:g} character{'s' if space != 1 else ''} in")
    yield from causes.findings(expected)


def _signing_date_position(document: Document, layout: Layout, params: dict, state) -> Iterator[Finding]:
    located = document.metadata.signing_date
    if located is None or located.span.line > len(layout.paragraphs):
        return
    number = located.span.line
    paragraph = layout.paragraphs[number - 1]
    if paragraph.in_table or paragraph.section >= len(layout.sections) or "\t" in document.lines[number - 1]:
        return  # a tab's stop is not known here
    text = document.lines[number - 1][_offset(document, layout, number):]
    size = next((run.size for run in paragraph.runs if text[run.start:run.end].strip()), 16.0)
    width = layout.sections[paragraph.section].text_width / size
    right = paragraph.right.in_chars(size)
    if paragraph.alignment == "center":
        found = ("居中", "centred")
    else:
        if paragraph.alignment == "right":
            gap = right + _text_width(text[len(text.rstrip()):])
        else:
            start = paragraph.left.in_chars(size) + paragraph.first_line.in_chars(size) + \
                _text_width(text[:len(text) - len(text.lstrip())])
            gap = width - right - start - _text_width(text.strip())
        if min(abs(gap - wanted) for wanted in params["right_space"]) <= params.get("tolerance", 0.5):
            return
        found = (f"右空{gap:.1f}字".replace(".0字", "字"), f"{gap:.1f} characters from the right".replace(".0 ", " "))
    wanted_zh = "或".join(f"{value:g}" for value in params["right_space"])
    wanted_en = " or ".join(f"{value:g}" for value in params["right_space"])
    yield Finding(_line_span(document, number), {"expected": f"右空{wanted_zh}字",
                                                 "expected_en": f"{wanted_en} characters from the right",
                                                 "count": 1, **_found(*found)})


_CHECKS: dict[str, Callable[[Document, Layout, dict, Any], Iterator[Finding]]] = {
    "paper": _paper, "margins": _margins, "line-pitch": _line_pitch, "font": _fonts,
    "page-number": _page_number, "page-number-position": _page_number_position,
    "signing-date-position": _signing_date_position, "colour": _colour, "bold": _bold}
