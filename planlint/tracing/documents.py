"""What trace reads from the outline model: the plan's task items and the summary's
passages, each from the right part of a two-part document (2020年工作总结及2021年
工作要点: the 要点 part is a plan, the 总结 part a summary)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from planlint.outline.model import Document, Node

SUMMARY_TYPE = "工作总结"
# A two-part document often keeps one numbering tree: 一、2021年工作总结 … 二、存在的问题 …
# 三、2022年工作计划; its top-level titles say which part each section belongs to.
_SUMMARY_SECTION = re.compile(r"总结|回顾|成效|成绩|开展情况|完成情况|进展情况|主要工作|存在的?问题|不足")
_PLAN_SECTION = re.compile(r"计划|要点|思路|打算|安排|谋划|重点工作|主要任务|工作目标|下一步")
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_YEAR = re.compile(r"((?:19|20)\d{2})")
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_MIN_CLAUSE = 4  # characters of content: shorter sentences ("是。") carry nothing to match


@dataclass(frozen=True)
class Side:
    """The plan or the summary: which document, and which of its parts was read."""

    path: str
    title: str | None
    doc_type: str | None
    year: int | None
    part: int | None  # 1-based part of a two-part document; None: the whole document
    sections: tuple[str, ...] = ()  # the top-level headings read, when one numbering tree holds both parts

    def to_dict(self) -> dict:
        return {"path": self.path, "title": self.title, "type": self.doc_type, "year": self.year,
                "part": self.part, "sections": list(self.sections)}


class Sentence(NamedTuple):
    """A sentence of a task or a passage of the summary, with where it starts (1-based line and column)."""

    line: int
    column: int
    text: str
    paragraph: int  # the line its paragraph starts on


@dataclass
class Task:
    node: Node
    path: tuple[str, ...]   # the markers from the top: ("二、", "（三）", "5.")
    title: str
    text: str               # the heading's text and its paragraphs
    clauses: list[Sentence]


def _parts(document: Document) -> list[Node]:
    return [child for child in document.root.children if child.is_part]


def _part_years(document: Document) -> list[int | None]:
    """Each part's year, from a title that names them in order (2020年工作总结及2021年工作要点)."""
    meta = document.metadata
    years: list[int | None] = [int(year) for year in _YEAR.findall(meta.title.text)] if meta.title else []
    if len(years) == len(meta.doc_types) > 1:
        return years
    return [meta.year] * max(len(meta.doc_types), 1)


def _section_kind(node: Node) -> str | None:
    if _PLAN_SECTION.search(node.title):
        return "plan"
    if _SUMMARY_SECTION.search(node.title):
        return "summary"
    return None


def _sections(document: Document, want_summary: bool) -> list[Node]:
    """The top-level sections of the wanted part, where one numbering tree holds both
    parts; none unless the titles name both (a plan's 三、主要任务 alone is no part)."""
    if len(document.metadata.doc_types) < 2:
        return []
    top = [node for node in document.root.children if node.marker is not None]
    kinds = [_section_kind(node) for node in top]
    if "plan" not in kinds or "summary" not in kinds:
        return []
    want = "summary" if want_summary else "plan"
    return [node for node, kind in zip(top, kinds) if kind == want]


def _choose(document: Document, want_summary: bool) -> tuple[Side, list[Node]]:
    """The part (or top-level sections) of the document that is its plan or its summary,
    and the nodes to read: their children, or (for sections) the sections themselves."""
    meta = document.metadata
    parts = _parts(document)
    title = meta.title.text if meta.title else None
    wanted_type = SUMMARY_TYPE if want_summary else next(
        (doc_type for doc_type in meta.doc_types if doc_type != SUMMARY_TYPE), meta.doc_type)
    if len(meta.doc_types) > 1 and len(parts) == len(meta.doc_types):
        years = _part_years(document)
        for index, doc_type in enumerate(meta.doc_types):
            if (doc_type == SUMMARY_TYPE) == want_summary:
                return Side(document.path, title, doc_type, years[index], index + 1), [parts[index]]
    sections = _sections(document, want_summary)
    if sections:
        years = [int(year) for node in sections for year in _YEAR.findall(node.title)]
        year = years[0] if years else _part_years(document)[meta.doc_types.index(wanted_type)]
        names = tuple(node.marker.raw + node.title for node in sections if node.marker is not None)
        return Side(document.path, title, wanted_type, year, None, names), sections
    if wanted_type in meta.doc_types:  # named in the title, though the text holds only that part
        return Side(document.path, title, wanted_type, _part_years(document)[meta.doc_types.index(wanted_type)],
                    None), [document.root]
    return Side(document.path, title, meta.doc_type, meta.year, None), [document.root]


def _sentences(document: Document, lines: set[int]) -> Iterator[Sentence]:
    """The sentences of the paragraphs that start on ``lines`` (the model's blocks, so a
    sentence a PDF's line width broke in two is read whole), each heading's marker left out."""
    markers = {node.span.line: node.marker for node in document.headings()}
    for block in document.blocks():
        if block.lines[0] not in lines:
            continue
        skip = 0
        marker = markers.get(block.lines[0])
        if marker is not None and block.columns[0] == marker.span.column - 1:
            skip = len(marker.raw)
        for match in _SENTENCE.finditer(block.text, skip):
            sentence = match[0].strip()
            if len(_CONTENT.findall(sentence)) >= _MIN_CLAUSE:
                offset = match.start() + len(match[0]) - len(match[0].lstrip())
                line, column = block.position(offset)
                yield Sentence(line, column + 1, sentence, block.lines[0])


def _lines(node: Node) -> set[int]:
    """The lines a node's own text is on: its heading and its paragraphs."""
    found = {paragraph.span.line for paragraph in node.body}
    if node.marker is not None:
        found.add(node.span.line)
    return found


def _within(tops: list[Node], itself: bool = False) -> Iterator[Node]:
    """Each node of the chosen subtrees in document order: a section itself (it is one
    of the document's headings), a part or the root only when ``itself``."""
    for top in tops:
        if itself or top.marker is not None:
            yield top
        yield from top.walk()


def _skipped(node: Node, skip_sections: tuple[str, ...]) -> bool:
    current: Node | None = node
    while current is not None and current.marker is not None:
        if any(word in current.title for word in skip_sections):
            return True
        current = current.parent
    return False


def plan_tasks(document: Document, skip_sections: tuple[str, ...]) -> tuple[Side, list[Task]]:
    """The plan's task items: the leaves of its numbering tree, outside the sections that hold no tasks."""
    side, tops = _choose(document, want_summary=False)
    tasks = []
    for node in _within(tops):
        if node.marker is None or node.children or _skipped(node, skip_sections):
            continue
        path: list[str] = []
        ancestor: Node | None = node
        while ancestor is not None and ancestor.marker is not None:
            path.append(ancestor.marker.raw)
            ancestor = ancestor.parent
        text = "".join([node.text, *(paragraph.text for paragraph in node.body)])
        tasks.append(Task(node, tuple(reversed(path)), node.title, text, list(_sentences(document, _lines(node)))))
    return side, tasks


def summary_passages(document: Document) -> tuple[Side, list[Sentence]]:
    """The summary's sentences, its header lines (title, 发文字号…) left out."""
    side, tops = _choose(document, want_summary=True)
    meta = document.metadata
    header = {line for located in (meta.title, meta.notice_title, meta.document_number, meta.signing_date)
              if located is not None for line in range(located.span.line, located.span.end_line + 1)}
    lines = set().union(*(_lines(node) for node in _within(tops, itself=True)))
    passages = list(_sentences(document, lines - header))
    passages.sort(key=lambda passage: (passage.line, passage.column))
    return side, passages
