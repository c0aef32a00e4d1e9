"""A Word file's layout (planlint.wordlayout) read from its XML: pages, footers,
and how each run of each paragraph is set.

Word resolves a run's properties one by one, each from the first place that
sets it: the run itself, its character style and the styles that one is based
on, the paragraph's style (or the default paragraph style) and its basedOn
chain, then the document defaults (w:docDefaults).  A font may name the theme
(w:eastAsiaTheme="minorEastAsia") instead of a face: the theme's East Asian
font is then its a:ea, or, where that is empty, its font for the script of the
document's East Asian language (Simplified Chinese unless settings say
otherwise).  Bold is taken as set where it is last set, not as Word's toggle
across style levels (a bold character style in a bold paragraph style reads
bold here; Word shows it plain), a case no draft was seen to rely on.

A value Word would not write (a size that is no number) counts as not set, so
a layout fact never makes an otherwise readable file unreadable.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from planlint.wordlayout import Indent, Layout, PageNumber, ParagraphLayout, RunFormat, SectionLayout

_TWIPS_PER_POINT = 20
_UNITS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_SCRIPTS = {"zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant", "ja": "Jpan", "ko": "Hang"}
_BLACK = {"auto", "000000"}
_BLACK_THEME = {"text1", "dark1"}
_ALIGNMENTS = {"start": "left", "end": "right", "justify": "both"}
_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)", re.IGNORECASE)
_VML_ALIGN = re.compile(r"mso-position-horizontal\s*:\s*(left|right|center|inside|outside)")
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
# A4 and Word's default margins: what a section without pgSz or pgMar has.
_DEFAULT_PAGE = (595.3, 841.9)
_DEFAULT_MARGIN = 72.0


def _measure(value: str | None, unit: float = 1 / _TWIPS_PER_POINT) -> float | None:
    """A measure in points: twentieths of a point (twips) unless ``unit`` or a unit suffix says otherwise."""
    if value is None:
        return None
    match = _MEASURE.match(value)
    if match is None:
        return None
    number = float(match[1])
    return number * _UNITS[match[2]] if match[2] else number * unit


def _on(element, qn) -> bool:
    return element.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


class _Theme:
    """The theme's fonts by the names Word's theme attributes use (minorEastAsia…)."""

    def __init__(self, root, script: str):
        self.fonts: dict[str, str | None] = {}
        if root is None:
            return
        for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
            fonts = root.find(f".//{_A}{scheme}")
            if fonts is None:
                continue
            latin = fonts.find(f"{_A}latin")
            east_asian = fonts.find(f"{_A}ea")
            scripted = {font.get("script"): font.get("typeface") for font in fonts.findall(f"{_A}font")}
            face = east_asian.get("typeface") if east_asian is not None else None
            self.fonts[f"{prefix}EastAsia"] = face or scripted.get(script) or None
            for name in ("Ascii", "HAnsi"):
                self.fonts[f"{prefix}{name}"] = (latin.get("typeface") or None) if latin is not None else None

    def font(self, name: str) -> str | None:
        return self.fonts.get(name)


class _Styles:
    """styles.xml with the theme: the properties each style sets, its chain resolved and kept."""

    def __init__(self, styles_element, theme: _Theme, qn):
        self.qn, self.theme = qn, theme
        self.by_id = {style.get(qn("w:styleId")): style for style in styles_element.findall(qn("w:style"))}
        self.default_paragraph = next((style_id for style_id, style in self.by_id.items()
                                       if style.get(qn("w:type")) == "paragraph"
                                       and _on_attribute(style, "w:default", qn)), None)
        defaults = styles_element.find(qn("w:docDefaults"))
        self.run_defaults = self.run_properties(_path(defaults, qn, "w:rPrDefault", "w:rPr"))
        self.paragraph_defaults = self.paragraph_properties(_path(defaults, qn, "w:pPrDefault", "w:pPr"))
        self._chains: dict[tuple[str | None, str | None], tuple[dict, dict]] = {}

    def run_properties(self, rpr) -> dict:
        """What one w:rPr sets (absent keys: not set there)."""
        qn, found = self.qn, dict[str, Any]()
        if rpr is None:
            return found
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            for key, attribute in (("east_asian_font", "w:eastAsia"), ("ascii_font", "w:ascii")):
                themed = fonts.get(qn(attribute + "Theme"))
                if themed is not None:  # a theme font overrides the face named beside it
                    found[key] = self.theme.font(themed)
                elif fonts.get(qn(attribute)) is not None:
                    found[key] = fonts.get(qn(attribute))
        size = rpr.find(qn("w:sz"))
        points = _measure(size.get(qn("w:val")), 0.5) if size is not None else None
        if points is not None and points > 0:
            found["size"] = points
        bold = rpr.find(qn("w:b"))
        if bold is not None:
            found["bold"] = _on(bold, qn)
        colour = rpr.find(qn("w:color"))
        if colour is not None:
            themed = colour.get(qn("w:themeColor"))
            value = (colour.get(qn("w:val")) or "auto").upper()
            found["colour"] = (None if themed in _BLACK_THEME else themed) if themed else \
                (None if value.lower() in _BLACK else value)
        return found

    def paragraph_properties(self, ppr) -> dict:
        qn, found = self.qn, dict[str, Any]()
        if ppr is None:
            return found
        jc = ppr.find(qn("w:jc"))
        if jc is not None and jc.get(qn("w:val")):
            value = jc.get(qn("w:val"))
            found["alignment"] = _ALIGNMENTS.get(value, value)
        indent = ppr.find(qn("w:ind"))
        if indent is not None:
            for key, names in (("left", ("w:left", "w:start")), ("right", ("w:right", "w:end")),
                               ("first_line", ("w:firstLine",)), ("hanging", ("w:hanging",))):
                for name in names:
                    points = _measure(indent.get(qn(name)))
                    chars = _measure(indent.get(qn(name + "Chars")), 0.01)
                    if points is not None:
                        found[key] = points
                    if chars:  # Word writes 0 in characters beside an indent kept in twips
                        found[key + "_chars"] = chars
        spacing = ppr.find(qn("w:spacing"))
        if spacing is not None and spacing.get(qn("w:line")) is not None:
            rule = spacing.get(qn("w:lineRule"), "auto")
            line = _measure(spacing.get(qn("w:line")), 1 / 240 if rule == "auto" else 1 / _TWIPS_PER_POINT)
            if line is not None and line > 0:
                found["line_rule"], found["line"] = rule, line
        snap = ppr.find(qn("w:snapToGrid"))
        if snap is not None:
            found["snap_to_grid"] = _on(snap, qn)
        frame = ppr.find(qn("w:framePr"))
        if frame is not None and frame.get(qn("w:xAlign")):
            found["frame"] = frame.get(qn("w:xAlign"))
        tabs = ppr.find(qn("w:tabs"))
        if tabs is not None:
            found["tabs"] = [(tab.get(qn("w:val")), _measure(tab.get(qn("w:pos"))) or 0.0)
                             for tab in tabs.findall(qn("w:tab"))]
        return found

    def _chain(self, style_id: str | None) -> list:
        """The style and those it is based on, the root first (a loop is cut where it closes)."""
        chain, seen = [], set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            based_on = style.find(self.qn("w:basedOn"))
            style_id = based_on.get(self.qn("w:val")) if based_on is not None else None
        return chain[::-1]

    def resolved(self, paragraph_style: str | None, character_style: str | None) -> tuple[dict, dict]:
        """(run properties, paragraph properties) the styles give, over the document defaults."""
        key = (paragraph_style, character_style)
        if key not in self._chains:
            qn = self.qn
            run, paragraph = dict(self.run_defaults), dict(self.paragraph_defaults)
            for style in self._chain(paragraph_style or self.default_paragraph):
                run.update(self.run_properties(style.find(qn("w:rPr"))))
                _merge_paragraph(paragraph, self.paragraph_properties(style.find(qn("w:pPr"))))
            for style in self._chain(character_style):
                run.update(self.run_properties(style.find(qn("w:rPr"))))
            self._chains[key] = (run, paragraph)
        return self._chains[key]


def _on_attribute(element, name: str, qn) -> bool:
    return element.get(qn(name), "0").lower() in ("1", "true", "on")


def _path(element, qn, *tags: str):
    for tag in tags:
        if element is None:
            return None
        element = element.find(qn(tag))
    return element


def _merge_paragraph(into: dict, found: dict) -> None:
    """Tab stops add up along a style chain (a "clear" stop removes one); the rest overrides."""
    tabs = found.pop("tabs", None)
    into.update(found)
    if tabs is not None:
        kept = {position: kind for kind, position in into.get("tabs", [])}
        for kind, position in tabs:
            if kind == "clear":
                kept.pop(position, None)
            else:
                kept[position] = kind
        into["tabs"] = [(kind, position) for position, kind in sorted(kept.items())]


def _style_id(properties, tag: str, qn) -> str | None:
    element = properties.find(qn(tag)) if properties is not None else None
    return element.get(qn("w:val")) if element is not None else None


def _indent(properties: dict, key: str) -> Indent:
    return Indent(properties.get(key, 0.0), properties.get(key + "_chars"))


def _first_line(properties: dict) -> Indent:
    if "hanging" in properties or "hanging_chars" in properties:
        chars = properties.get("hanging_chars")
        return Indent(-properties.get("hanging", 0.0), -chars if chars is not None else None)
    return _indent(properties, "first_line")


class LayoutReader:
    """Collects the layout of a body's paragraphs as the .docx reader makes them
    lines, then of its sections and their footers."""

    def __init__(self, document, qn):
        self.qn, self.document = qn, document
        settings = _settings_element(document)
        language = _path(settings, qn, "w:themeFontLang")
        east_asian = (language.get(qn("w:eastAsia")) or "zh-CN").lower() if language is not None else "zh-cn"
        script = _SCRIPTS.get(east_asian, _SCRIPTS.get(east_asian.split("-")[0], "Hans"))
        self.styles = _Styles(document.styles.element, _Theme(_theme_root(document), script), qn)
        even_and_odd = _path(settings, qn, "w:evenAndOddHeaders")
        self.even_and_odd = even_and_odd is not None and _on(even_and_odd, qn)
        self.paragraphs: list[ParagraphLayout] = []
        self.section_starts = [1]

    def paragraph(self, element, pieces: Iterable[tuple[Any, str]], in_table: bool) -> None:
        """One paragraph of the body (``pieces``: its text as the reader read it, node by node)."""
        qn = self.qn
        ppr = element.find(qn("w:pPr"))
        paragraph_style = _style_id(ppr, "w:pStyle", qn)
        runs: list[RunFormat] = []
        offset = 0  # in the paragraph's own text; at the end, its length
        current, start = None, 0
        for node, text in pieces:
            run = node.getparent()
            if run is not current:
                if current is not None and offset > start:
                    runs.append(self._run(current, paragraph_style, start, offset))
                current, start = run, offset
            offset += len(text)
        if current is not None and offset > start:
            runs.append(self._run(current, paragraph_style, start, offset))
        _, style_paragraph = self.styles.resolved(paragraph_style, None)
        properties = dict(style_paragraph)
        _merge_paragraph(properties, self.styles.paragraph_properties(ppr))
        self.paragraphs.append(ParagraphLayout(
            tuple(runs), offset, properties.get("alignment", "left"), _indent(properties, "left"),
            _indent(properties, "right"), _first_line(properties), properties.get("line_rule", "auto"),
            properties.get("line", 1.0), properties.get("snap_to_grid", True), len(self.section_starts) - 1,
            in_table))
        if not in_table and ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            self.section_starts.append(len(self.paragraphs) + 1)

    def _run(self, run, paragraph_style: str | None, start: int, end: int) -> RunFormat:
        qn = self.qn
        rpr = run.find(qn("w:rPr")) if run.tag == qn("w:r") else None
        style_run, _ = self.styles.resolved(paragraph_style, _style_id(rpr, "w:rStyle", qn))
        properties = {**style_run, **self.styles.run_properties(rpr)}
        return RunFormat(start, end, properties.get("east_asian_font"), properties.get("ascii_font"),
                         properties.get("size", 10.0), properties.get("bold", False), properties.get("colour"))

    def layout(self) -> Layout:
        body = self.document.element.body
        qn = self.qn
        sections = [element for element in body.iter(qn("w:sectPr"))
                    if element.getparent().tag != qn("w:sectPrChange")]
        laid_out: list[SectionLayout] = []
        footers: dict[str, PageNumber | None] = {}
        for index, element in enumerate(sections[:len(self.section_starts)]):
            footers = {**footers, **self._footers(element)}  # a footer not given is the previous section's
            laid_out.append(self._section(element, self.section_starts[index], footers))
        return Layout(tuple(self.paragraphs), tuple(laid_out), self.even_and_odd)

    def _section(self, element, first_line: int, footers: dict) -> SectionLayout:
        qn = self.qn
        size, margins = element.find(qn("w:pgSz")), element.find(qn("w:pgMar"))
        grid, numbering = element.find(qn("w:docGrid")), element.find(qn("w:pgNumType"))

        def attribute(node, name: str, default: float) -> float:
            value = _measure(node.get(qn(name))) if node is not None else None
            return abs(value) if value is not None else default  # a negative margin is a fixed one

        grid_type = grid.get(qn("w:type")) if grid is not None else None
        return SectionLayout(
            first_line, attribute(size, "w:w", _DEFAULT_PAGE[0]), attribute(size, "w:h", _DEFAULT_PAGE[1]),
            attribute(margins, "w:top", _DEFAULT_MARGIN), attribute(margins, "w:bottom", _DEFAULT_MARGIN),
            attribute(margins, "w:left", _DEFAULT_MARGIN), attribute(margins, "w:right", _DEFAULT_MARGIN),
            attribute(margins, "w:gutter", 0.0), grid_type if grid_type not in (None, "default") else None,
            _measure(grid.get(qn("w:linePitch"))) if grid is not None else None,
            numbering.get(qn("w:fmt"), "decimal") if numbering is not None else "decimal", footers)

    def _footers(self, section) -> dict[str, PageNumber | None]:
        qn, found = self.qn, {}
        for reference in section.findall(qn("w:footerReference")):
            kind = reference.get(qn("w:type"), "default")
            part = self.document.part.related_parts.get(reference.get(qn("r:id")))
            root = getattr(part, "element", None)
            if kind in ("default", "even") and root is not None:
                found[kind] = self._page_number(root)
        return found

    def _page_number(self, footer) -> PageNumber | None:
        """The first paragraph of a footer (text boxes and frames included) with a PAGE field."""
        for paragraph in footer.iter(self.qn("w:p")):
            scanned = _FieldScan(paragraph, self.qn)
            if scanned.page_run is not None:
                return self._page_paragraph(paragraph, scanned)
        return None

    def _page_paragraph(self, paragraph, scanned: _FieldScan) -> PageNumber:
        qn = self.qn
        ppr = paragraph.find(qn("w:pPr"))
        paragraph_style = _style_id(ppr, "w:pStyle", qn)
        _, style_paragraph = self.styles.resolved(paragraph_style, None)
        properties = dict(style_paragraph)
        _merge_paragraph(properties, self.styles.paragraph_properties(ppr))
        run = scanned.page_run
        rpr = run.find(qn("w:rPr")) if run is not None and run.tag == qn("w:r") else None
        style_run, _ = self.styles.resolved(paragraph_style, _style_id(rpr, "w:rStyle", qn))
        run_properties = {**style_run, **self.styles.run_properties(rpr)}
        text = scanned.text
        if properties.get("frame"):
            position, placed = properties["frame"], "frame"
        elif _in_box(paragraph, qn):
            position, placed = _box_alignment(paragraph, qn), "box"
        else:
            before = text[:text.index("{PAGE}")]
            position = _tab_position(before, properties, scanned.positional_tab)
            placed = "tab" if "\t" in before else "paragraph"
        return PageNumber(text, position, placed, _indent(properties, "left"), _indent(properties, "right"),
                          run_properties.get("ascii_font"), run_properties.get("size", 10.0))


class _FieldScan:
    """A paragraph's text with its PAGE field as ``{PAGE}``, and the run that shows the
    number (the field's result, else the run of its code; None: no PAGE field)."""

    def __init__(self, paragraph, qn):
        self.qn = qn
        self.pieces: list[str] = []
        self.page_run = None
        self.positional_tab: str | None = None
        self.fields: list[list] = []  # [code, showing result?, is PAGE] of each open field
        self._walk(paragraph)

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def _walk(self, element) -> None:
        qn = self.qn
        for child in element:
            tag = child.tag
            if tag == qn("w:txbxContent") or tag == qn("w:p"):
                continue  # a text box's paragraphs are scanned as paragraphs of their own
            if tag == qn("w:fldSimple"):
                if _PAGE_FIELD.match(child.get(qn("w:instr"), "")):
                    self.pieces.append("{PAGE}")
                    self.page_run = next(child.iter(qn("w:r")), child)
                    continue
            if tag == qn("w:r"):
                self._run(child)
                continue
            self._walk(child)

    def _run(self, run) -> None:
        qn = self.qn
        for child in run:
            tag = child.tag
            if tag == qn("w:fldChar"):
                self._field_char(child.get(qn("w:fldCharType")), run)
            elif tag == qn("w:instrText") and self.fields:
                self.fields[-1][0] += child.text or ""
            elif tag == qn("w:t"):
                field = self.fields[-1] if self.fields else None
                if field is None or (field[1] and not field[2]):
                    self.pieces.append(child.text or "")
                elif field[2] and self.page_run is None:
                    self.page_run = run
            elif tag in (qn("w:tab"), qn("w:ptab")) and not self.fields:
                self.pieces.append("\t")
                self.positional_tab = child.get(qn("w:alignment")) if tag == qn("w:ptab") else None

    def _field_char(self, kind: str | None, run) -> None:
        if kind == "begin":
            self.fields.append(["", False, False])
        elif kind == "separate" and self.fields:
            field = self.fields[-1]
            field[1] = True
            if _PAGE_FIELD.match(field[0]) and not any(open_field[2] for open_field in self.fields):
                field[2] = True
                self.pieces.append("{PAGE}")
        elif kind == "end" and self.fields:
            code, shown, is_page = self.fields.pop()
            if not shown and _PAGE_FIELD.match(code) and not self.fields:  # no result kept: the code's run shows it
                self.pieces.append("{PAGE}")
                self.page_run = self.page_run if self.page_run is not None else run
            elif is_page and self.page_run is None:
                self.page_run = run


def _ancestors(element) -> Iterator:
    parent = element.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def _in_box(paragraph, qn) -> bool:
    return any(ancestor.tag == qn("w:txbxContent") for ancestor in _ancestors(paragraph))


def _box_alignment(paragraph, qn) -> str | None:
    """Where the text box holding ``paragraph`` is aligned across the page, if it is."""
    for ancestor in _ancestors(paragraph):
        if ancestor.tag == f"{_WP}anchor":
            align = ancestor.find(f"{_WP}positionH/{_WP}align")
            return align.text.strip() if align is not None and align.text else None
        style = ancestor.get("style")
        if style:
            match = _VML_ALIGN.search(style)
            if match:
                return match[1]
    return None


def _tab_position(before: str, properties: dict, positional_tab: str | None) -> str | None:
    """Where the page number sits: the paragraph's alignment, or, after tabs, the
    alignment of the tab stop it reaches (None: a default stop, whose place depends on the text)."""
    tabs = before.count("\t")
    if tabs == 0:
        alignment = properties.get("alignment", "left")
        return {"both": "left", "distribute": "center"}.get(alignment, alignment)
    if positional_tab is not None:
        return positional_tab
    stops = properties.get("tabs", [])
    if tabs > len(stops):
        return None
    kind = stops[tabs - 1][0]
    return {"end": "right", "start": "left"}.get(kind, kind) if kind in ("left", "center", "right", "start", "end") \
        else None


def _settings_element(document):
    try:
        return document.settings.element
    except (KeyError, AttributeError, NotImplementedError):
        return None


def _theme_root(document):
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network

    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/theme") and not relationship.is_external:
            try:
                return parse_xml(relationship.target_part.blob)
            except Exception:  # lxml's XMLSyntaxError, or a part that is no XML: a theme without fonts
                return None
    return None
