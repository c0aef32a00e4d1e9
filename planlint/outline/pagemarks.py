"""A document-sharing site's page marks: it cuts a text into pages and numbers
them 1、 2、 3、 at line starts, each page stopping mid-sentence ("…认真抓好" /
"2、落实…").  Such a 2、 is no item (an item starts after a sentence ends), nor
the 1、 its run began with, nor a 1、 put before the document's title
(1、某镇2013年工作总结…).  They are found on the raw lines, before headings are
read, so that no later step takes one for an item (a glued 3、 for the next
after a 2、 that is a page's number)."""

from __future__ import annotations

import re
from typing import Collection

from planlint.outline.glued import read_marker

# A document's title: an issuer or a year, then what it is (…工作计划, …政府工作报告).
TITLE_START = re.compile(r"(?=[^。，；,;]{0,40}?(?:(?:19|20)\d{2}|[xX]{2}|某))"
                         r"[^。，；,;]{0,30}?(?:工作要点|工作计划|工作总结|工作报告|行动计划|实施方案|规划|计划|总结|要点|打算)")
_SENTENCE_ENDS = "。！？；：!?;:…”’）)】"
_PAGE_LENGTH = 20  # shorter lines may be titles standing without punctuation
_PART_TITLE = re.compile(r"[\s\u3000]*(?:附件|第[一二三四五六七八九十]{1,3}部分)")


def page_marks(lines: list[str], skip: Collection[int]) -> frozenset[int]:
    """Lines (1-based) whose line-start N、 is a page mark; ``skip``: chrome, table
    cells and Word's automatic numbering, which are never marks nor text before one."""
    marks: set[int] = set()
    previous: tuple[int, tuple[str, int] | None] | None = None  # the last line with text: number, its marker
    first_heading = True
    for number, line in enumerate(lines, 1):
        start = len(line) - len(line.lstrip())
        if number in skip or start == len(line):
            continue
        marker = read_marker(line, start)
        numbered = marker is not None and marker[0] == "number" and line.startswith("、", start + len(str(marker[1])))
        if numbered and marker is not None:
            if first_heading and marker[1] == 1 and TITLE_START.match(line, start + 2):
                marks.add(number)
            elif previous is not None and _cut_off(lines[previous[0] - 1], previous[1], previous[0] in marks):
                marks.add(number)
                if marker[1] == 2 and previous[1] == ("number", 1) and previous[0] not in marks \
                        and lines[previous[0] - 1].lstrip().startswith("1、"):
                    marks.add(previous[0])
        if marker is not None:
            first_heading = False
        previous = (number, marker)
    return frozenset(marks)


def _cut_off(before: str, marker: tuple[str, int] | None, page: bool) -> bool:
    """Whether a line is prose that stops mid-sentence: a paragraph (or a page
    after its mark), or an item that says sentences, long and without a sentence's end."""
    text = before.rstrip()
    if _PART_TITLE.match(text):
        return False
    prose = marker is None or page or "。" in text
    return prose and len(text) >= _PAGE_LENGTH and text[-1] not in _SENTENCE_ENDS
