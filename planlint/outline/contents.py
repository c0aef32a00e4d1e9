"""A table of contents written out as lines: each entry a title and its page
number (第一章　总则……3 / 1.高新区2022年工作总结 3 / 总则\t3), or the headings
listed under 目录 / 提纲 (a site's outline of the page above the text).  Its
entries are no headings of the text: their numbering is the titles', repeated
later where the text has them, and a lost dot (10企业…) is the contents page's,
not the plan's."""

from __future__ import annotations

import re

from planlint.outline.glued import read_marker

# a title with Chinese in it, then a leader (……, ...., ····) or a gap, then a page number
_ENTRY = re.compile(r"[\s\u3000]*\S[^\t]*?[\u3400-\u9fff][^\t]*?"
                    r"(?:[\s\u3000]*[.．…·・_—\-]{3,}[\s\u3000]*|[\t \u3000]+)(\d{1,3})[\s\u3000]*$")
_LONGEST = 80  # an entry is a title, never a paragraph
_FEWEST = 3
_CAPTION = re.compile(r"[\s\u3000]*(?:目[\s\u3000]*录|目[\s\u3000]*次|提[\s\u3000]*纲)[\s\u3000]*[:：]?[\s\u3000]*$")
_TITLE_LONGEST = 60


def contents_lines(lines: list[str]) -> frozenset[int]:
    """Line numbers (1-based) of the entries of tables of contents: runs of at least
    three entries, blank lines between them allowed, whose page numbers never go back."""
    found: set[int] = set()
    run: list[int] = []
    last_page = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        match = _ENTRY.match(line) if len(line) <= _LONGEST and line.rstrip()[-1:].isdigit() else None
        page = int(match[1]) if match else -1
        if match and page >= last_page:
            run.append(number)
            last_page = page
            continue
        if len(run) >= _FEWEST:
            found.update(run)
        run, last_page = ([number], page) if match else ([], 0)
    if len(run) >= _FEWEST:
        found.update(run)
    return frozenset(found | _listed(lines))


def _listed(lines: list[str]) -> set[int]:
    """The headings listed under a 目录 or 提纲 line, up to the first line that is no heading."""
    found: set[int] = set()
    for number, line in enumerate(lines, 1):
        if "录" not in line and "纲" not in line and "次" not in line or not _CAPTION.match(line):
            continue
        entries = []
        for following in range(number + 1, len(lines) + 1):
            text = lines[following - 1]
            start = len(text) - len(text.lstrip())
            if start == len(text):
                continue
            if len(text.strip()) > _TITLE_LONGEST or read_marker(text, start) is None:
                break
            entries.append(following)
        if len(entries) >= 2:
            found.update(entries)
    return found
