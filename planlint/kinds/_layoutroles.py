"""Which part of a 公文 each paragraph of a Word file is (GB/T 9704-2012 §7):
what the layout rules hold to one font, size or place.

Roles come from the outline and its metadata, by line: the title (and a
notice's title), the 主送机关 line right after it, the headings by their
marker (一、 （一） 1. （1）: levels 1–4 of §7.3.3, whatever their depth), the
附件说明 (附件：… and its numbered continuation lines), the 成文日期, the
附件 label that opens an attachment page (§7.3.7; the attachment's title after
it has no role), the 版记 (抄送 … 印发, §7.4), and the body: every other line
with text.  Centred lines right under the title (a period, an author, a date in
brackets) and the captions of tables and figures (表1 …, 图2 …) are no element of
the standard and have no role.  A heading's role covers its marker and title (a run-in heading
"（一）加强党的建设。落实……" is 楷体 up to 。, body text after it).  Lines
before the title (the 版头: 份号, 发文机关标志, 发文字号) and table cells
have no role.  A draft whose title the metadata does not recognise has as its
title the first centred line before the first heading.
"""

from __future__ import annotations

import re
from typing import NamedTuple, cast

from planlint.outline.model import Document
from planlint.wordlayout import Layout

ROLES = ("title", "recipient", "body", "heading-1", "heading-2", "heading-3", "heading-4",
         "attachment-note", "signing-date", "attachment-label", "imprint")
_HEADING_ROLES = {"ordinal": "heading-1", "paren-ordinal": "heading-2", "number": "heading-3",
                  "paren-number": "heading-4", "circled": "body"}
_SPACE = r"[\s\u3000\xa0]*"
_ATTACHMENT_NOTE = re.compile(rf"^{_SPACE}附{_SPACE}件{_SPACE}[：:]")
_ATTACHMENT_ITEM = re.compile(rf"^{_SPACE}\d+{_SPACE}[.．]")
_ATTACHMENT_LABEL = re.compile(rf"^{_SPACE}附{_SPACE}件{_SPACE}\d*{_SPACE}$")
_CC = re.compile(rf"^{_SPACE}抄{_SPACE}送{_SPACE}[：:]")
_ISSUED = re.compile(rf"(?:19|20)\d\d{_SPACE}年.*印{_SPACE}发{_SPACE}$")
_CAPTION = re.compile(rf"^{_SPACE}[表图]{_SPACE}\d+[^。；;，,]{{0,40}}$")
_RECIPIENT = re.compile(rf"^[^。；;]{{2,80}}[：:]{_SPACE}$")
_HEADING_TITLE_END = "。；;！!？?：:"
_TITLE_SEARCH = 5  # content lines looked at for a centred title the metadata missed


class Part(NamedTuple):
    """A stretch of a line (0-based columns of the line as parsed, end exclusive) in one role."""

    role: str
    line: int
    start: int
    end: int


class Roles(NamedTuple):
    parts: tuple[Part, ...]
    first_line: int  # where the document proper begins: its title (1 without one)

    def of(self, role: str) -> list[Part]:
        return [part for part in self.parts if part.role == role]


def roles(document: Document, layout: Layout) -> Roles:
    """The document's parts by role (kept on the document: every layout rule reads them)."""
    return cast(Roles, document.shared(("layout", "roles"), lambda: _roles(document, layout)))


def _content(document: Document, layout: Layout) -> list[int]:
    """Lines with text, outside tables and web-page chrome."""
    return [number for number, _ in document.content_lines()
            if number <= len(layout.paragraphs) and not layout.paragraphs[number - 1].in_table]


def _title_lines(document: Document, layout: Layout, content: list[int]) -> list[int]:
    lines, found = document.lines, list[int]()
    for located in (document.metadata.notice_title, document.metadata.title):
        if located is not None:
            found.extend(number for number in range(located.span.line, located.span.end_line + 1)
                         if lines[number - 1].strip() and not lines[number - 1].strip().startswith(("（", "(")))
    if found:
        return sorted(set(found))
    first_heading = next((node.span.line for node in document.headings()), None)
    for number in content[:_TITLE_SEARCH]:
        if first_heading is not None and number >= first_heading:
            break
        if layout.paragraphs[number - 1].alignment == "center":
            return [number]
    return []


def _roles(document: Document, layout: Layout) -> Roles:
    lines, meta = document.lines, document.metadata
    content = _content(document, layout)
    titles = _title_lines(document, layout, content)
    first = titles[0] if titles else 1
    headings: dict[int, list] = {}
    for node in document.headings():
        headings.setdefault(node.span.line, []).append(node)
    signing = meta.signing_date.span.line if meta.signing_date is not None else None
    parts: list[Part] = []
    subtitles: set[int] = set()
    for number in (number for number in content if titles and number > titles[-1]):
        if layout.paragraphs[number - 1].alignment != "center" or number in headings:
            break
        subtitles.add(number)
    after_title = next((number for number in content if titles and number > titles[-1] and number not in subtitles),
                       None)
    in_imprint = in_attachment_note = attachment_title_next = False
    for number in content:
        if number < first:
            continue
        text = lines[number - 1]
        whole = (number, 0, len(text))
        if number in titles:  # a notice's attached plan: its title under the 附件 label
            parts.append(Part("title", *whole))
            attachment_title_next = False
            continue
        if number in subtitles or _CAPTION.match(text):
            continue
        if attachment_title_next:  # the attachment's own title, under its 附件 label
            attachment_title_next = False
            continue
        in_attachment_note = in_attachment_note and bool(_ATTACHMENT_ITEM.match(text))
        if _ATTACHMENT_NOTE.match(text):
            in_attachment_note = True
        in_imprint = in_imprint or bool(_CC.match(text))
        if number == signing:
            role = "signing-date"
        elif in_imprint or _ISSUED.search(text):
            role = "imprint"
        elif in_attachment_note:
            role = "attachment-note"
        elif _ATTACHMENT_LABEL.match(text):
            role, attachment_title_next = "attachment-label", True
        elif number == after_title and number not in headings and _RECIPIENT.match(text.strip()):
            role = "recipient"
        elif number in headings:
            parts.extend(_heading_parts(text, number, headings[number]))
            continue
        else:
            role = "body"
        parts.append(Part(role, *whole))
    return Roles(tuple(parts), first)


def _heading_parts(text: str, number: int, nodes: list) -> list[Part]:
    """A heading line: each heading's marker and title in its level's role, the text between and after them body."""
    parts, at = [], 0
    for node in sorted(nodes, key=lambda node: node.marker.span.column):
        start = node.marker.span.column - 1
        title_at = text.find(node.title, node.marker.span.end_column - 1) if node.title else -1
        end = title_at + len(node.title) if title_at >= 0 else len(text)
        if end < len(text) and text[end] in _HEADING_TITLE_END:
            end += 1
        if start > at:
            parts.append(Part("body", number, at, start))
        role = _HEADING_ROLES.get(node.marker.kind)
        if role is not None:
            parts.append(Part(role, number, start, end))
        at = max(at, end)
    if at < len(text):
        parts.append(Part("body", number, at, len(text)))
    return parts
