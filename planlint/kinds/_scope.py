"""Which lines of a document a text rule looks at."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from planlint.outline.model import Document, Heading, Node, Span
from planlint.outline.spans import SPAN_KINDS

SCOPES = ("text", "headings", "titles", "markers", "body", "header", "signing-date", "document-number")
# body: the text with heading markers blanked out (numbered items are content);
# titles: the headings that are a section's title on a line of their own (see _titles);
# markers: the heading markers alone, in their columns (one line may hold several)
SCOPE_SCHEMA = {"enum": list(SCOPES)}
# Typed spans a match must not overlap (a 千 in 500千伏, a comma in a web address).
OUTSIDE_SCHEMA = {"type": "array", "items": {"enum": list(SPAN_KINDS)}, "uniqueItems": True}


def scoped_lines(document: Document, scope: str, skip: tuple[str, ...] = ()) -> Iterator[tuple[int, str]]:
    """(line number, text) of the non-chrome lines in ``scope``, minus the header
    fields named in ``skip`` (so a body rule does not repeat a 成文日期 rule)."""
    skipped = {located.span.line for located in
               (document.metadata.signing_date if "signing-date" in skip else None,
                document.metadata.document_number if "document-number" in skip else None) if located}
    for number, text in _lines(document, scope):
        if number not in skipped:
            yield number, text


def _lines(document: Document, scope: str) -> Iterator[tuple[int, str]]:
    if scope == "text":
        yield from document.content_lines()
        return
    if scope in ("signing-date", "document-number"):
        meta = document.metadata
        located = meta.signing_date if scope == "signing-date" else meta.document_number
        if located is not None:
            yield located.span.line, document.lines[located.span.line - 1]
        return
    if scope == "titles":
        yield from _titles(document)
        return
    headings: dict[int, list] = {}
    for node in document.headings():
        headings.setdefault(node.span.line, []).append(node)
    if scope == "headings":
        yield from ((n, t) for n, t in document.content_lines() if n in headings)
    elif scope == "markers":
        for number, nodes in sorted(headings.items()):
            shown = [" "] * len(document.lines[number - 1])
            for node in nodes:
                start, end = _marker_columns(node, len(shown))
                shown[start:end] = document.lines[number - 1][start:end]
            yield number, "".join(shown)
    elif scope == "body":
        for number, text in document.content_lines():
            for node in headings.get(number, ()):
                # Numbered items are the plan's content ("1.做好减负工作，明年完成。"): only
                # the markers are left out (a line may hold several), blanked so columns stay.
                start, end = _marker_columns(node, len(text))
                text = text[:start] + " " * (end - start) + text[end:]
            yield number, text
    else:  # header: everything before the first heading
        first = min(headings, default=len(document.lines) + 1)
        yield from ((n, t) for n, t in document.content_lines() if n < first)


def _marker_columns(node: Heading, length: int) -> tuple[int, int]:
    """The 0-based columns of a heading's marker on its line (to the line's end, for
    a marker broken over a line break)."""
    span = node.marker.span
    return span.column - 1, span.end_column - 1 if span.end_line == span.line else length


_SECTION_KINDS = frozenset(("part", "chapter", "section", "ordinal", "paren-ordinal"))


def _titles(document: Document) -> Iterator[tuple[int, str]]:
    """Section headings (一、 （一） 第一章…) standing as a title: something sits
    under them, and the line is a paragraph of its own.  A numbered item
    (1. （1）) is a list entry, which may end in ；, and a heading that runs on
    into its text is a run-in heading, which ends as its sentence does."""
    single = {block.lines[0] for block in document.blocks() if len(block.lines) == 1}
    headings = list(document.headings())
    on_line = Counter(node.span.line for node in headings)  # 三、主要措施 1.工作要点： — a line of two headings
    for node in headings:
        line = node.span.line
        if node.marker.kind in _SECTION_KINDS and (node.children or node.body) and line in single \
                and on_line[line] == 1:
            yield line, document.lines[line - 1]


def title_span(document: Document, part: Node | None) -> Span:
    """Where a finding about a whole document (or one part of it) points: the
    part's title, else the document's title (its first line), else its first line of text."""
    if part is not None and part.title:
        return part.span
    title = document.metadata.title
    if title is not None:
        return Span(title.span.line, title.span.column, title.span.line,
                    title.span.end_column if title.span.end_line == title.span.line else title.span.column + 1)
    first = next((n for n, t in document.content_lines() if t.strip()), 1)
    text = document.lines[first - 1] if document.lines else ""
    column = len(text) - len(text.lstrip()) + 1
    return Span(first, column, first, max(len(text.rstrip()) + 1, column + 1) if text.strip() else column)
