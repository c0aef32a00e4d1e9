"""Headings glued onto one line: where a line holds several numbered items.

Text extracted from a PDF or a web page sometimes loses its line breaks, a few
of them ("…工作计划 一、总体思路 百年大计…") or all of them (a whole plan on one
line), and then no heading but the first of each line is a heading at all.  A
marker inside a line is taken as the start of a heading of its own when it
stands where a heading can (after a sentence's end, after a gap, or first
after 附件： / a colon when the list goes on on the next line) and the numbering
around it shows it is one: the previous marker of its kind has the number just
before it, or the next one the number just after.  Once a line is shown to be
glued that way, its other markers of that kind may skip or repeat a number (so
that a gap in a glued list is still found).

The result is, per line, the columns where its pieces start; the parser reads
each piece as a line of its own, at its own column.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planlint.numerals import arabic_to_int, chinese_to_int

_CN = "[一二三四五六七八九十]{1,3}"
# Marker shapes as the grammar reads them (grammar/outline.lark); the parser has the last word on each piece.
_MARKER = re.compile(
    rf"(?P<part>第{_CN}部分)|(?P<chapter>第{_CN}章)|(?P<section>第{_CN}节(?!课))"
    rf"|(?P<ordinal>{_CN})[、．.](?![一二三四五六七八九十两〇]{{1,3}}(?:[、月日级天周类]|年级|年度))"
    rf"|[（(](?P<paren_ordinal>{_CN})[）)]"
    r"|(?P<number>[1-9][0-9]?)[.．、。](?!(?!(?:19|20)[0-9]{2}(?:年|[—–\-－～~至到])|(?:1[0-2]|[1-9])月)[0-9０-９.．、。])"
    r"|[（(](?P<paren_number>[1-9][0-9]?)[）)]"
)
# Where a heading may start inside a line: after a sentence's end or a gap (a lost line break).
_BOUNDARY = re.compile(r"(?:[。！？!?][\s\u3000]*|[ \t\u3000]+)(?=[第一二三四五六七八九十（(1-9])")  # a marker's start
# 附件：1.… — a short label that opens its line, then a list's first item.
_LEAD = re.compile(r"[\s\u3000]*[\u4e00-\u9fff]{1,6}[\s\u3000]*[:：][\s\u3000]*(?=\S)")
_ATTACHMENTS = re.compile(r"附件[\s\u3000]*[:：][\s\u3000]*(?=\S)")  # 附件：1.… anywhere in a line
# Where a section, chapter or Chinese-numbered heading may begin without a gap before it.
_SECTION_START = re.compile(rf"(?=第{_CN}(?:部分|章|节)|{_CN}、|[（(]{_CN}[）)])")
_TITLE_GLUE = re.compile(r"(?:工作要点|计划|方案|总结|规划|报告|打算|要點|計劃|總結|規劃|報告)"
                         r"(?:范文|范本|模板|全文|[参參]考|大全|精选)*[0-9]{0,2}(?=一、|[（(]一[）)])")
_TITLE_LENGTH = 40
_SENTENCE = re.compile(r"[。；！？，,;!?]")
_RANK = {"part": 0, "chapter": 1, "section": 2, "ordinal": 3, "paren_ordinal": 4, "number": 5, "paren_number": 6}
_MIN_LENGTH = 8
_LOST_BREAKS = 500  # a line this long holding headings is a page that lost its line breaks
_GLUED_SLACK = 3  # in a glued line, a marker may skip this many numbers (a gap to report)
_RUN_IN_LINES = 4  # how far back a skipped number is looked for, run into the text


class _Marker(NamedTuple):
    line: int
    column: int   # where the marker starts in the line
    kind: str
    value: int
    inline: bool  # inside the line, not at its start
    after_colon: bool
    attachments: bool = False  # first after 附件：, a list of the text's attachments
    loose: bool = False  # 一、 right after a Chinese character, where a word can end (多报合一、信息共享)
    titled: bool = False  # the first heading, glued to the document's title (…工作计划范文一、指导思想)


def read_marker(text: str, at: int) -> tuple[str, int] | None:
    """(kind, value) of a marker at ``at``, or None."""
    match = _MARKER.match(text, at)
    if match is None or match.lastgroup is None:
        return None
    kind = match.lastgroup
    raw = match[kind]
    if kind in ("part", "chapter", "section"):
        value = chinese_to_int(raw[1:].removesuffix("部分").rstrip("章节"))
    elif kind in ("number", "paren_number"):
        value = arabic_to_int(raw)
    else:
        value = chinese_to_int(raw)
    return (kind, value) if value else None


def _markers(lines: list[str], skip: frozenset[int], page_marks: frozenset[int]) -> list[_Marker]:
    """The markers at the start of lines (but a page mark) and where a heading may start inside them."""
    found = []
    for number, line in enumerate(lines, 1):
        start = len(line) - len(line.lstrip())
        if number in skip or start == len(line):
            continue
        head = read_marker(line, start) if number not in page_marks else None
        if head:
            found.append(_Marker(number, start, head[0], head[1], False, False))
        if len(line) - start < _MIN_LENGTH:
            continue
        places = {boundary.end(): False for boundary in _BOUNDARY.finditer(line, start + 1)}
        if len(line) >= _LOST_BREAKS:  # a whole page on one line: 总体要求（一）指导思想 glue without a gap
            places.update((at.start(), False) for at in _SECTION_START.finditer(line, start + 1)
                          if at.start() not in places)
        lead = _LEAD.match(line)
        if lead:
            places[lead.end()] = True
        titled = _titled(line, start)
        if titled is not None:
            places.setdefault(titled, False)
        attachment_lists = {match.end() for match in _ATTACHMENTS.finditer(line, start)}
        places.update((at, True) for at in attachment_lists)
        for at, after_colon in sorted(places.items()):
            marker = read_marker(line, at)
            if marker:
                loose = marker[0] == "ordinal" and "\u4e00" <= line[at - 1] <= "\u9fff" and at != titled
                found.append(_Marker(number, at, marker[0], marker[1], True, after_colon, at in attachment_lists, loose,
                                     at == titled))
    return found


def _titled(line: str, start: int) -> int | None:
    """Where a first heading is glued to the document's title (…工作计划范文1一、指导思想)."""
    match = _TITLE_GLUE.search(line, start)
    if match is None or match.start() - start > _TITLE_LENGTH or _SENTENCE.search(line, start, match.start()):
        return None
    return match.end()


class Glued(NamedTuple):
    points: dict[int, list[int]]  # line number → the columns (0-based) where a glued heading starts in it
    contents: frozenset[int]      # lines that are a table of contents run onto one line: no headings at all


def split_points(lines: list[str], skip: frozenset[int], page_marks: frozenset[int] = frozenset()) -> Glued:
    """Where glued headings start, and which lines are tables of contents; ``skip``:
    lines never read; ``page_marks``: lines whose first marker is a page's number."""
    markers = _markers(lines, skip, page_marks)
    accepted: list[_Marker] = []  # line-start markers and the inline ones taken, in order
    glued: set[tuple[int, str]] = set()  # (line, kind) shown to hold glued headings
    for index, marker in enumerate(markers):
        if not marker.inline:
            accepted.append(marker)
        elif _continues(marker, accepted, lines) or (not marker.loose and _opens(marker, index, markers, accepted, lines)):
            accepted.append(marker)
            glued.add((marker.line, marker.kind))
        elif (marker.line, marker.kind) in glued and not marker.after_colon and not marker.loose:
            before = _previous(marker, accepted, across_higher=len(lines[marker.line - 1]) >= _LOST_BREAKS)
            if before is not None and before.value <= marker.value <= before.value + _GLUED_SLACK:
                accepted.append(marker)  # a gap or a repeat in a glued list: there to be reported
    points: dict[int, list[int]] = {}
    for marker in [*accepted, *_run_in(accepted, lines, skip)]:
        if marker.inline:
            points.setdefault(marker.line, []).append(marker.column)
    for columns in points.values():
        columns.sort()
    contents = frozenset(line for line, columns in points.items() if _contents_list(lines[line - 1], columns))
    return Glued({line: columns for line, columns in points.items() if line not in contents}, contents)


def _previous(marker: _Marker, accepted: list[_Marker], across_higher: bool = False) -> _Marker | None:
    """The last marker of ``marker``'s kind taken before it, unless a heading of a
    higher level came between (then ``marker`` would start a list of its own) —
    or even then, with ``across_higher`` (numbering that runs on, 1…24 across 一、…五、)."""
    rank = _RANK[marker.kind]
    for before in reversed(accepted):
        if before.kind == marker.kind:
            return before
        if _RANK[before.kind] < rank and not across_higher:
            return None
    return None


def _continues(marker: _Marker, accepted: list[_Marker], lines: list[str]) -> bool:
    """A marker that goes on from the last of its kind: in its list, or — in a line
    that lost its breaks — across a heading of a higher level, as numbering that runs on does."""
    if marker.after_colon:
        return False
    lost_breaks = len(lines[marker.line - 1]) >= _LOST_BREAKS
    before = _previous(marker, accepted, across_higher=lost_breaks)
    return before is not None and before.value == marker.value - 1


def _leads_list(marker: _Marker, index: int, markers: list[_Marker], lines: list[str]) -> bool:
    """三、主要工作措施 1.2024年工作要点： / (1)…: a first item that ends the line with
    a colon, leading into a list one level down on the next line."""
    after = markers[index + 1] if index + 1 < len(markers) else None
    return after is not None and not after.inline and after.value == 1 and after.line == marker.line + 1 \
        and _RANK[after.kind] == _RANK[marker.kind] + 1 and not marker.after_colon and not marker.loose \
        and lines[marker.line - 1].rstrip().endswith((":", "："))


def _opens(marker: _Marker, index: int, markers: list[_Marker], accepted: list[_Marker], lines: list[str]) -> bool:
    """A first item (1. （一） 一、) inside a line: taken when its second follows
    close by — at the start of a line (附件：1.… / 2.…), or in the same line
    under a heading of a higher level (一、总体要求（一）指导思想…（二）…) or
    anywhere in a line that has lost its breaks."""
    if marker.value != 1:
        return False
    if _leads_list(marker, index, markers, lines):
        return True
    if marker.titled:  # its second may come many lines later, after the first's own list
        second = next((later for later in markers[index + 1:] if later.kind == marker.kind), None)
        return second is not None and not second.inline and second.value == 2
    second = next((later for later in markers[index + 1:] if later.kind == marker.kind), None)
    if second is None or second.line - marker.line > 2:
        return False
    if not second.inline or marker.attachments:
        # the list goes on at the start of a line (its first item lost its break), or lists attachments
        return second.value == 2
    if not 1 <= second.value <= 1 + _GLUED_SLACK:
        return False  # within a line, the second may repeat or skip a number: there to be reported
    if marker.after_colon:
        return False
    parent = accepted[-1] if accepted else None
    # 一、总体要求（一）指导思想…: the next level down; a （1）（2） list inside （八）'s
    # paragraph enumerates in running text and is no level of the outline.
    under_heading = parent is not None and parent.line == marker.line and _RANK[marker.kind] == _RANK[parent.kind] + 1
    # （八）…办好十件实事。（1）…（2）…: a list a level too low to be headings enumerates in running text
    skips_level = parent is not None and _RANK["paren_ordinal"] <= _RANK[parent.kind] < _RANK[marker.kind] - 1
    return under_heading or (len(lines[marker.line - 1]) >= _LOST_BREAKS and not skips_level)


def _run_in(accepted: list[_Marker], lines: list[str], skip: frozenset[int]) -> list[_Marker]:
    """The numbers a list skips that are there after all, run into the text before
    the next item (…导师主体责任，34.面向… / …办学水平1、“普九”…。2、…): items
    whose line break was lost where no heading could be seen to start."""
    found: list[_Marker] = []
    last: dict[str, _Marker] = {}
    restart: dict[str, _Marker] = {}  # the heading of a higher level since the last of a kind
    for marker in accepted:
        anchor = restart.get(marker.kind) or last.get(marker.kind)
        if anchor is not None:
            expected = 1 if marker.kind in restart else anchor.value + 1
            if expected < marker.value <= expected + _GLUED_SLACK and marker.line - anchor.line <= _RUN_IN_LINES:
                found += _between(anchor, marker, range(expected, marker.value), lines, skip)
        last[marker.kind] = marker
        restart.pop(marker.kind, None)
        rank = _RANK[marker.kind]
        for kind, lower in _RANK.items():
            if lower > rank:
                restart[kind] = marker
    return found


def _between(anchor: _Marker, marker: _Marker, values: range, lines: list[str], skip: frozenset[int]) -> list[_Marker]:
    """Markers of ``marker``'s kind numbered ``values``, in order, between ``anchor`` and ``marker``; all or none."""
    found: list[_Marker] = []
    wanted = iter(values)
    value = next(wanted)
    for number in range(anchor.line, marker.line + 1):
        if number in skip:
            continue
        line = lines[number - 1]
        start = anchor.column + 1 if number == anchor.line else 0
        end = marker.column if number == marker.line else len(line)
        for match in _MARKER.finditer(line, start, end):
            at = match.start()
            if at == 0 or line[at - 1].isascii() and line[at - 1].isalnum():
                continue
            read = read_marker(line, at)
            if read == (marker.kind, value):
                found.append(_Marker(number, at, marker.kind, value, True, False))
                value = next(wanted, 0)
                if not value:
                    return found
    return []


def _contents_list(line: str, columns: list[int]) -> bool:
    """A table of contents run onto one line (第一章　… 第一节　… 第二节　…): its
    pieces are titles with nothing under them, not headings of a text."""
    starts = [len(line) - len(line.lstrip()), *columns]
    pieces = [line[start:end] for start, end in zip(starts, [*columns, len(line)])]
    titles = sum(1 for piece in pieces if len(piece.strip()) <= 30 and not _SENTENCE.search(piece))
    return len(pieces) >= 3 and titles * 3 >= len(pieces) * 2
