"""The document model: a tree of numbered headings with exact positions.

Positions are 1-based; columns count characters (a CJK character, a tab and a
letter are one column each).  ``end_column`` is the column just past the last
character, as in SARIF and LSP, so a one-character span has
``end_column == column + 1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple, TypeGuard, cast

if TYPE_CHECKING:
    from planlint.wordlayout import Layout

# Marker kinds from the highest level to the lowest (GB/T 9704-2012 §7.3.3
# lists 一、 （一） 1. （1）; parts, chapters and sections sit above them).
MARKER_KINDS = ("part", "chapter", "section", "ordinal", "paren-ordinal",
                "number", "paren-number", "circled")
RANK = {kind: rank for rank, kind in enumerate(MARKER_KINDS)}


class Span(NamedTuple):
    """Where something is (a NamedTuple: spans are made by the thousand)."""

    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        return {"line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column}


class Marker(NamedTuple):
    """A heading's number as written: kind, value, delimiter and raw text."""

    kind: str
    value: int
    delimiter: str
    raw: str
    span: Span
    automatic: bool = False  # rendered from Word's list numbering, not typed
    list_level: int | None = None  # Word's ilvl for an automatic marker

    @property
    def rank(self) -> float:
        """The kind's rank; Word's list level breaks ties, so that two levels of one
        list rendered alike ("1." under "1.") still nest as Word nests them."""
        return RANK[self.kind] + (self.list_level or 0) / 1000

    def to_dict(self) -> dict:
        return {"kind": self.kind, "value": self.value, "delimiter": self.delimiter, "raw": self.raw,
                "automatic": self.automatic, "list_level": self.list_level, "span": self.span.to_dict()}


class Paragraph(NamedTuple):
    text: str
    span: Span

    @property
    def line(self) -> int:
        return self.span.line


@dataclass(eq=False, slots=True)
class Node:
    """A heading and everything under it.

    ``span`` is the heading line (marker to end of text); ``title`` is the
    heading's lead phrase (a run-in heading "1.强化政治引领。组织开展…" has the
    title "强化政治引领"), ``text`` the whole line after the marker.
    """

    marker: Marker | None
    title: str
    text: str
    span: Span
    level: int
    part: int
    is_part: bool = False
    children: list["Node"] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    parent: "Node | None" = field(default=None, repr=False)

    @property
    def rank(self) -> float:
        return self.marker.rank if self.marker else -1

    def walk(self) -> Iterator["Node"]:
        """This node's descendants, depth first, in document order."""
        stack = self.children[::-1]  # a stack, not nested generators: rules walk the tree often
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def last_line(self) -> int:
        last = self.span.line
        if self.body:
            last = max(last, self.body[-1].span.end_line)
        if self.children:
            last = max(last, self.children[-1].last_line())
        return last

    def to_dict(self) -> dict:
        return {
            "marker": self.marker.to_dict() if self.marker else None,
            "title": self.title,
            "is_part": self.is_part,
            "level": self.level,
            "part": self.part,
            "span": self.span.to_dict(),
            "end_line": self.last_line(),
            "body": [{"text": p.text, "span": p.span.to_dict()} for p in self.body],
            "children": [child.to_dict() for child in self.children],
        }


if TYPE_CHECKING:
    class Heading(Node):
        """A Node with a marker: what Document.headings() and a Run hold (the root
        and a part's title have none).  For type checkers only: at run time a Node."""

        marker: Marker
else:
    Heading = Node


def is_heading(node: Node | None) -> TypeGuard[Heading]:
    """Whether ``node`` is a numbered heading (not the root, nor a part's title)."""
    return node is not None and node.marker is not None


class Run(NamedTuple):
    """Consecutive siblings of one marker kind: the unit numbering is checked on.

    ``expected_start`` is 1 where numbering restarts under each parent, and the
    previous run's last number + 1 where it runs on across sections.
    """

    kind: str
    nodes: tuple[Heading, ...]
    part: int
    expected_start: int
    mode: str  # "restart" or "continuous"


class SimpleDate(NamedTuple):
    year: int
    month: int
    day: int | None = None


class Located(NamedTuple):
    """A piece of header metadata with where it was found."""

    text: str
    span: Span


@dataclass(slots=True)
class Metadata:
    title: Located | None = None
    notice_title: Located | None = None
    doc_type: str | None = None
    doc_types: tuple[str, ...] = ()
    year: int | None = None
    period: tuple[int, int] | None = None
    document_number: Located | None = None
    signing_date: Located | None = None
    signing_date_value: SimpleDate | None = None

    def to_dict(self) -> dict:
        def located(item: Located | None):
            return None if item is None else {"text": item.text, **item.span.to_dict()}
        signing = self.signing_date_value
        return {
            "title": located(self.title),
            "notice_title": located(self.notice_title),
            "doc_type": self.doc_type,
            "doc_types": list(self.doc_types),
            "year": self.year,
            "period": list(self.period) if self.period else None,
            "document_number": located(self.document_number),
            "signing_date": located(self.signing_date),
            "signing_date_value": None if signing is None else
            {"year": signing.year, "month": signing.month, "day": signing.day},
        }


@dataclass(eq=False, slots=True)
class Document:
    path: str
    text: str
    lines: list[str]
    root: Node
    metadata: Metadata
    chrome: frozenset[int]
    runs: tuple[Run, ...]
    numbering_modes: dict[str, str]
    part_count: int
    derived: dict = field(default_factory=dict, repr=False)  # see shared()
    layout: Layout | None = field(default=None, repr=False)  # a Word file's: how it is laid out; else None

    def shared(self, key, build: Callable[[], object]):
        """A view of the document that several rules read (the joined text of a
        scope, the heading list…): built by ``build`` the first time, then kept."""
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]

    def nodes(self) -> Iterator[Node]:
        """Every heading (and part title) in document order."""
        return iter(self.shared("nodes", lambda: list(self.root.walk())))

    def headings(self) -> Iterator[Heading]:
        """Every node with a marker, in document order."""
        return iter(cast("list[Heading]", self.shared(
            "headings", lambda: [node for node in self.nodes() if node.marker is not None])))

    def content_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of every line with text that is not web-page chrome."""
        return iter(self.shared("content", lambda: [
            (number, text) for number, text in enumerate(self.lines, 1)
            if number not in self.chrome and text and not text.isspace()]))

    def blocks(self) -> list:
        """The paragraphs (planlint.outline.paragraphs.Block): content lines joined
        where the text runs on across a line break, each line a heading opens starting one."""
        def build():
            from planlint.outline.paragraphs import build_blocks

            starts = {node.span.line for node in self.headings()
                      if node.marker.span.column == len(self.lines[node.span.line - 1]) -
                      len(self.lines[node.span.line - 1].lstrip()) + 1}  # headings that open their line
            return build_blocks(self.lines, self.content_lines(), starts)
        return self.shared("blocks", build)

    def spans(self, kind: str):
        """The typed spans of ``kind`` (planlint.outline.spans.SPAN_KINDS) as a SpanIndex."""
        def build():
            from planlint.outline.spans import find_spans

            return find_spans(kind, self.blocks())
        return self.shared(("spans", kind), build)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "metadata": self.metadata.to_dict(),
            "numbering_modes": self.numbering_modes,
            "parts": self.part_count,
            "chrome_lines": sorted(self.chrome),
            "outline": [child.to_dict() for child in self.root.children],
        }
