"""Explicit links: a summary that names the plan's item ("按照要点第三项…",
"要点（二）提出的…", "对照年初计划“强化政治引领”一项") reports on that item, however
differently it words the rest."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from planlint.numerals import chinese_to_int
from planlint.outline.model import Node
from planlint.tracing.documents import Sentence, Task

_PLAN_WORD = r"(?:工作要点|要点|年初计划|工作计划|计划|任务清单)"
_ORDINAL = r"[一二三四五六七八九十]{1,3}|\d{1,2}"
# 要点第三项 / 要点第二部分第（三）条 / 要点（二） / 要点二（三） / 要点“…”
_REFERENCE = re.compile(
    rf"{_PLAN_WORD}(?:中的?|所列的?|提出的?)?"
    rf"(?:第(?P<top>{_ORDINAL})(?P<unit>项|条|部分|方面)?"
    rf"|(?P<bare>[一二三四五六七八九十]{{1,3}})(?=[、（(])"
    rf"|(?=[（(]))"
    rf"(?:第?[（(](?P<second>{_ORDINAL})[）)](?:项|条)?)?"
)
_QUOTED_TITLE = re.compile(r"“([^“”]{4,30})”")


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese_to_int(text)


def _named(tasks: Sequence[Task], top: int | None, second: int | None) -> list[Task]:
    """The tasks under the plan's top-level item ``top`` and, if given, its ``second``-level item."""
    found = []
    for task in tasks:
        ancestors = []
        node: Node | None = task.node
        while node is not None and node.marker is not None:
            ancestors.append(node.marker.value)
            node = node.parent
        ancestors.reverse()
        if top is not None and ancestors[0] != top:
            continue
        if second is not None:
            position = 1 if top is not None else 0
            if len(ancestors) <= position or ancestors[position] != second:
                continue
        found.append(task)
    return found


def _numbered_item(tasks: Sequence[Task], value: int) -> list[Task]:
    """The task numbered ``value`` where the plan numbers its tasks once through (1…36
    across 一、 to 十、): there "第三项" is the task 3., not the section 三、."""
    values = [task.node.marker.value if task.node.marker else None for task in tasks]
    if len(set(values)) != len(values):
        return []
    return [task for task, number in zip(tasks, values) if number == value]


def explicit_links(passage: Sentence, tasks: Sequence[Task]) -> Iterator[tuple[int, str]]:
    """(task index, the words that name it) for each task the passage names."""
    for match in _REFERENCE.finditer(passage.text):
        top = _number(match["top"] or match["bare"])
        second = _number(match["second"])
        if top is None and second is None:
            continue
        named = []
        if top is not None and second is None and match["unit"] in ("项", "条"):
            named = _numbered_item(tasks, top)
        named = named or _named(tasks, top, second)
        if len(named) <= 3:  # a whole section of many tasks is too broad to be a link for each
            for task in named:
                yield tasks.index(task), match[0]
    for match in _QUOTED_TITLE.finditer(passage.text):
        for index, task in enumerate(tasks):
            if task.title and match[1] == task.title:
                yield index, match[0]
