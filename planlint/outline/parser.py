"""From text to Document: split lines, classify them with the Lark grammar,
nest headings by marker rank, and find the numbering runs."""

from __future__ import annotations

import re
from typing import Mapping, NamedTuple

from planlint.outline import metadata as metadata_module
from planlint.outline.boxes import box_lines
from planlint.outline.chrome import chrome_lines
from planlint.outline.contents import contents_lines
from planlint.outline.glued import split_points
from planlint.outline.grammar import outline_parser
from planlint.outline.model import Document, Marker, Node, Paragraph, Span
from planlint.outline.numbering import numbering_runs
from planlint.outline.pagemarks import page_marks
from planlint.numerals import arabic_to_int, chinese_to_int, circled_to_int

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TITLE_END = re.compile(r"[。；;！!？?]")
_SECTION_SUFFIX = {"部分": "part", "章": "chapter", "节": "section"}
_PAREN_INNER = re.compile(r"^([（(])[ \t\u3000]*(.+?)[ \t\u3000]*([）)])(、?)$")
_FOREIGN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2}")  # three English words: a translation's line, not an item
_BATCH_LINES = 4096
_PAGE_MARK_GAP = 3  # spaces after a number: "3、　　　　XX小学" marks a page, no item is written so


def split_lines(text: str) -> list[str]:
    """Lines without their terminators; LF, CRLF and CR all end a line."""
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")  # str.split is ~10x faster
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


class _Item(NamedTuple):
    kind: str  # "heading", "part-title" or "paragraph"
    line: int
    column: int
    text: str
    marker: Marker | None = None
    text_column: int = 0
    text_line: int = 0  # the line the text is on, when not ``line`` (a marker broken over a line break)


def _marker(token, line: int, column: int) -> Marker | None:
    raw = str(token)
    kind_name = token.type
    value: int | None
    if kind_name == "SECTION_MARKER":
        suffix = "部分" if raw.endswith("部分") else raw[-1]
        kind, delimiter = _SECTION_SUFFIX[suffix], ""
        value = chinese_to_int(raw[1:-len(suffix)])
    elif kind_name == "ORDINAL_MARKER":
        kind, delimiter, value = "ordinal", raw[-1], chinese_to_int(raw[:-1])
    elif kind_name == "NUMBER_MARKER":
        kind, delimiter, value = "number", raw[-1], arabic_to_int(raw[:-1])
    elif kind_name == "CIRCLED_MARKER":
        kind, delimiter, value = "circled", "", circled_to_int(raw)
    else:
        match = _PAREN_INNER.match(raw)
        if not match:
            return None
        opening, inner, closing, trailing = match.groups()
        delimiter = opening + closing + trailing
        if kind_name == "PAREN_ORDINAL_MARKER":
            kind, value = "paren-ordinal", chinese_to_int(inner)
        else:
            kind, value = "paren-number", arabic_to_int(inner)
    if value is None:
        return None
    return Marker(kind, value, delimiter, raw, Span(line, column, line, column + len(raw)))


def _classify(lines: list[str], chrome: frozenset[int], automatic: Mapping[int, object],
              plain: frozenset[int]) -> list[_Item]:
    # The grammar reads only the lines that hold something, each without its
    # indent: blank lines and indents were a third of Lark's tokens, and Lark
    # costs per token.  Its line and column are mapped back to the document's.
    # It reads them a batch at a time (its grammar takes each line alone): its
    # tokens and tree for a whole 50 MB text took 160 MB at once.  A line that
    # can be no heading nor part title (most of a plan's) is a paragraph without it.
    items: list[_Item] = []
    paragraphs: list[_Item] = []
    numbers, indents, fed = [], [], []
    skip = chrome | plain | frozenset(automatic)
    marks = page_marks(lines, skip)
    glued, contents = split_points(lines, skip, marks)
    plain = plain | contents
    broken = _broken_markers(lines, skip | contents)
    for number, line in enumerate(lines, 1):
        content = line.lstrip()
        if number - 1 in broken:
            continue  # read with the line before, the rest of its marker
        if content and number not in chrome:
            indent = len(line) - len(content)
            if number in broken:
                numbers.append(number)
                indents.append(indent)
                fed.append(content.rstrip() + lines[number].lstrip())
            elif number not in glued and not _MAY_OPEN.match(content) \
                    and (len(content) > _PART_TITLE_LONGEST or "年" not in content):
                paragraphs.append(_Item("paragraph", number, indent + 1, _piece(lines, number, indent, content)))
            # A line holding several headings is read as one piece per heading.
            else:
                for start, end in zip([indent, *glued.get(number, ())], [*glued.get(number, ()), len(line)]):
                    numbers.append(number)
                    indents.append(start)
                    fed.append(line[start:end])
            if len(fed) >= _BATCH_LINES:
                _classify_batch(lines, numbers, indents, fed, automatic, plain, marks, broken, items)
                numbers, indents, fed = [], [], []
    if fed:
        _classify_batch(lines, numbers, indents, fed, automatic, plain, marks, broken, items)
    if paragraphs:
        items.extend(paragraphs)
        items.sort(key=lambda item: (item.line, item.column))  # two runs in line order: one merge
    return items


# What a heading or 附件 can begin with (grammar/outline.lark); a part title is a
# short line with a year (年) in it.
_MAY_OPEN = re.compile(r"[第一二三四五六七八九十（(1-9\u2460-\u2473]|附")
_PART_TITLE_LONGEST = 72


_OPENING_ALONE = re.compile(r"[ \t\u3000]*[（(][ \t\u3000]*$")
_MARKER_REST = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}|[1-9][0-9]?)[）)]")


def _broken_markers(lines: list[str], skip: frozenset[int]) -> frozenset[int]:
    """Lines holding only the opening bracket of a marker whose rest begins the next
    line ("（" / "三）改革开放持续深化"), as a PDF's text layer may break it."""
    return frozenset(number for number, line in enumerate(lines[:-1], 1)
                     if number not in skip and number + 1 not in skip and _OPENING_ALONE.match(line)
                     and _MARKER_REST.match(lines[number]))


def _classify_batch(lines: list[str], numbers: list[int], indents: list[int], fed: list[str],
                    automatic: Mapping[int, object], plain: frozenset[int], marks: frozenset[int],
                    broken: frozenset[int], items: list[_Item]) -> None:
    tree = outline_parser().parse("".join(line + "\n" for line in fed))
    for node in tree.children:
        heading = node if hasattr(node, "data") else None
        first_token = heading.children[0] if heading else node
        index = first_token.line - 1
        number, indent = numbers[index], indents[index]
        column = first_token.column + indent
        if number in broken:
            items.extend(_broken_marker_item(lines, number, heading, column))
            continue
        if heading is None:
            text = _piece(lines, number, indent, fed[index])
            starts_part = node.type == "PART_TITLE" or _ATTACHMENT.match(text)
            kind = "part-title" if starts_part and number not in plain else "paragraph"
            items.append(_Item(kind, number, column, text))
            continue
        rest = heading.children[1]
        text = str(rest)[:-1]  # the rest of the line, without its "\n"
        page_mark = number in marks and not lines[number - 1][:indent].strip()  # the line's first piece
        marker = _marker(first_token, number, column) if number not in plain and not page_mark else None
        if marker is None:
            # a marker-shaped token with no valid number, or in a table cell, reads as plain text
            items.append(_Item("paragraph", number, column, _piece(lines, number, indent, fed[index])))
            continue
        stripped = text.lstrip()
        if marker.kind in ("number", "paren-number") and number not in automatic \
                and (not stripped or len(text) - len(stripped) >= _PAGE_MARK_GAP):
            # "2、" with nothing after it but a wide gap: a document-sharing site's page mark, not an item
            items.append(_Item("paragraph", number, column, _piece(lines, number, indent, fed[index])))
            continue
        if _FOREIGN.match(stripped):
            # a line of an English translation beside the Chinese (4、rban residents rose…): no item of this plan
            items.append(_Item("paragraph", number, column, _piece(lines, number, indent, fed[index])))
            continue
        if number in automatic:
            marker = marker._replace(automatic=True, list_level=getattr(automatic[number], "level", None))
        text_column = rest.column + indent + len(text) - len(stripped)
        items.append(_Item("heading", number, column, stripped.rstrip(), marker, text_column))


def _broken_marker_item(lines: list[str], number: int, heading, column: int) -> list[_Item]:
    """The heading whose marker starts on line ``number`` and ends on the next, with
    its text there; or, when the grammar reads no heading, the two lines as text."""
    following = lines[number]
    indent = len(following) - len(following.lstrip())
    marker = _marker(heading.children[0], number, column) if heading is not None else None
    if heading is None or marker is None:
        return [_Item("paragraph", number, column, lines[number - 1].strip()),
                _Item("paragraph", number + 1, indent + 1, following.strip())]
    # past the opening bracket, the fed piece's columns are those of the next line, shifted by its indent
    marker = marker._replace(span=Span(number, column, number + 1, indent + len(marker.raw)))
    text = str(heading.children[1])[:-1]
    stripped = text.lstrip()
    text_column = indent + heading.children[1].column - 1 + len(text) - len(stripped)
    return [_Item("heading", number, column, stripped.rstrip(), marker, text_column, number + 1)]


def _piece(lines: list[str], number: int, start: int, piece: str) -> str:
    """A paragraph's text, without the whitespace around it: the line itself (not a
    copy, when there is none) unless the line holds several headings' pieces."""
    line = lines[number - 1]
    if start + len(piece) == len(line) and not line[:start].strip():
        return line.strip()
    return piece.strip()


# 附件1 / 附件 2 / 附件1：重点任务分解表 on a line of its own: an attachment, a text of its
# own with its own numbering (not the notice's list 附件：1.…, 2.…).
_ATTACHMENT = re.compile(r"附件[ \t\u3000]*[0-9一二三四五六七八九十]{0,3}(?:[ \t\u3000]*[：:][^。；，,]{0,40})?$")

def _heading_title(text: str) -> str:
    match = _TITLE_END.search(text)
    return (text[:match.start()] if match else text).strip()


def _paragraph(item: _Item) -> Paragraph:
    return Paragraph(item.text, Span(item.line, item.column, item.line, item.column + len(item.text)))


def _next_of_same_rank(items: list[_Item]) -> dict[int, int | None]:
    """For each heading, the number of the next heading of its rank (None: there is none)."""
    following: dict[int, int | None] = {}
    last: dict[float, int] = {}
    for index in range(len(items) - 1, -1, -1):
        marker = items[index].marker
        if marker is not None:
            following[index] = last.get(marker.rank)
            last[marker.rank] = marker.value
    return following


def _build_tree(items: list[_Item]) -> tuple[Node, int]:
    root = Node(None, "", "", Span(1, 1, 1, 1), level=0, part=0)
    parts: list[Node] = [Node(None, "", "", Span(1, 1, 1, 1), level=0, part=0, is_part=True)]
    stack: list[Node] = [parts[0]]
    explicit_part = False

    def start_part(item: _Item, explicit: bool) -> None:
        """A part starts at its title line, or (implicitly) at its first heading."""
        nonlocal explicit_part
        explicit_part = explicit_part or explicit
        title = item.text.strip() if explicit else ""
        end_column = item.column + len(item.text) if explicit else item.text_column + len(item.text)
        span = Span(item.line, item.column, item.line, end_column)
        part = Node(None, title, title, span, level=0, part=len(parts), is_part=True)
        open_node = stack[-1]
        if not explicit and open_node.marker is not None and open_node.body:
            # The paragraph just before 一、 comes back is the new part's lead
            # ("2021年是…，全市教育工作的总体思路是：…"), not the last item's text.
            part.body.append(open_node.body.pop())
        parts.append(part)
        stack[:] = [part]

    top_rank: float | None = None  # the rank of the current part's first heading
    top_count = 0  # headings of that rank in the current part
    following = _next_of_same_rank(items)

    for index, item in enumerate(items):
        current_part = parts[-1]
        if item.kind == "part-title":
            if top_rank is not None:
                start_part(item, explicit=True)
                top_rank = None
            else:
                if not current_part.title:
                    current_part.title = current_part.text = item.text.strip()
                    current_part.span = Span(item.line, item.column, item.line, item.column + len(item.text))
                stack[-1].body.append(_paragraph(item))
            continue
        marker = item.marker
        if marker is None:  # a paragraph
            stack[-1].body.append(_paragraph(item))
            continue
        if top_rank is None:
            top_rank, top_count = marker.rank, 0
        elif marker.value == 1 and marker.rank == top_rank and top_count >= 2 and following[index] in (None, 2):
            # 一、 again after 八、, and 二、 next: a new part (总结 then 要点) — not 一、 written
            # for 二、 (一、一、三、), whose list goes on
            start_part(item, explicit=False)
            top_count = 0
        elif marker.rank < top_rank:
            # 一、 after a text that opened with a 1. list (a notice's requirements, its
            # 附件：1.… list): the plan it carries begins, not a level turned upside down.
            start_part(item, explicit=False)
            top_rank, top_count = marker.rank, 0
        if marker.rank == top_rank:
            top_count += 1
        while not stack[-1].is_part and stack[-1].rank >= marker.rank:
            stack.pop()
        parent = stack[-1]
        span = Span(item.line, item.column, item.text_line or item.line, item.text_column + len(item.text))
        node = Node(marker, _heading_title(item.text), item.text, span,
                    level=parent.level + 1, part=parent.part, parent=parent)
        parent.children.append(node)
        stack.append(node)

    if len(parts) == 1 and not explicit_part:
        only = parts[0]
        root.body, root.children = only.body, only.children
        for child in root.children:
            child.parent = root
    else:
        root.children = parts
        for part in parts:
            part.parent = root
    return root, len(parts)


def parse(text: str, path: str = "<text>", automatic: Mapping[int, object] | None = None,
          plain: frozenset[int] = frozenset()) -> Document:
    """``automatic``: lines whose marker was rendered from Word's numbering (line →
    its length and list ``level``); ``plain``: lines that never become headings (table cells)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text)
    chrome = chrome_lines(lines)
    items = _classify(lines, chrome, automatic or {}, plain | box_lines(lines) | contents_lines(lines))
    root, part_count = _build_tree(items)
    runs, modes = numbering_runs(root)
    first_heading = next((item.line for item in items if item.kind == "heading"), None)
    metadata = metadata_module.extract(lines, chrome, first_heading)
    return Document(path, text, lines, root, metadata, chrome, runs, modes, part_count)
