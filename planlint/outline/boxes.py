"""Boxes set beside a plan's text (专栏1　重点工程, a list of projects under it): like
a table, a box's lists are its own, never the text's headings."""

from __future__ import annotations

import re

_BOX = re.compile(r"^[\s\u3000]*专栏[\s\u3000]*[0-9一二三四五六七八九十]{1,3}")
# Where the text resumes after a box: a heading of the text's own levels (a box holds
# a table, its notes and lists, blank lines between them).
_TEXT_RESUMES = re.compile(r"^[\s\u3000]*(?:第[一二三四五六七八九十]{1,3}[章节]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_BOX_LINES = 30


def box_lines(lines: list[str]) -> frozenset[int]:
    """Lines of a box (专栏1　重点工程 and the list under it) set beside a plan's text:
    its lists are the box's own, like a table's, and never the text's headings."""
    boxed: set[int] = set()
    for number, line in enumerate(lines, 1):
        if not (line.startswith("专栏", len(line) - len(line.lstrip())) and _BOX.match(line)):
            continue
        boxed.add(number)
        for following in range(number + 1, min(number + _BOX_LINES, len(lines)) + 1):
            if _TEXT_RESUMES.match(lines[following - 1]):
                break
            boxed.add(following)
    return frozenset(boxed)
