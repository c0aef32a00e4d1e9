"""The nesting of marker kinds (GB/T 9704-2012 §7.3.3; GB/T 15834-2011 B.3.8).

- ``inversion``: a higher-level kind follows a lower one among siblings
  (1. 2. then （一） under the same 一、).
- ``skip``: a child skips a level, e.g. （1） right under 一、.  Skipping only
  ``optional`` kinds that the document never uses is normal practice: a
  工作要点 goes 一、 → 1. with no （一） at all; ``always_optional`` kinds may be
  left out by one section though others use them (二、→1. beside 一、→（一）);
  ``free`` kinds (①②) enumerate under any level; and a parent may stand in for a
  level (``replaces``): under 第一部分 or 第一章 the first level is （一）.
- ``empty``: a section heading (of the given ``kinds``) with nothing under it:
  no text after its title, no paragraph, no child.
"""

from __future__ import annotations

import re
from typing import Iterator

from planlint.diagnostics import Finding
from planlint.markers import CANONICAL_DELIMITER, format_marker
from planlint.outline.model import MARKER_KINDS, RANK, Document, Heading, Node, is_heading

PARAMS = {
    "type": "object",
    "properties": {
        "defect": {"enum": ["inversion", "skip", "empty"]},
        "optional": {"type": "array", "items": {"enum": list(MARKER_KINDS)}},
        "always_optional": {"type": "array", "items": {"enum": list(MARKER_KINDS)},
                            "description": "levels a section may leave out even where others use them"},
        "free": {"type": "array", "items": {"enum": list(MARKER_KINDS)},
                 "description": "kinds that enumerate under any level (①②③), never a level skipped"},
        "replaces": {"type": "object", "propertyNames": {"enum": list(MARKER_KINDS)},
                     "additionalProperties": {"type": "array", "items": {"enum": list(MARKER_KINDS)}},
                     "description": "levels a parent of this kind stands in for"},
        "kinds": {"type": "array", "items": {"enum": list(MARKER_KINDS)}},
    },
    "required": ["defect"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"found", "parent", "previous", "skipped"}


def _example(kind: str) -> str:
    return format_marker(kind, 1, CANONICAL_DELIMITER[kind])


def _inversions(parent: Node) -> Iterator[tuple[Heading, Heading]]:
    """(node, lower) where a run of a higher-level kind starts after ``lower``."""
    lowest: Heading | None = None
    previous_kind = None
    for child in parent.children:
        if not is_heading(child):
            continue
        if lowest is not None and child.rank < lowest.rank and child.marker.kind != previous_kind:
            yield child, lowest
        if lowest is None or child.rank > lowest.rank:
            lowest = child
        previous_kind = child.marker.kind


def _parents(document: Document) -> Iterator[Node]:
    yield document.root
    yield from document.nodes()


# a gap or a colon: the heading runs on into its text
_SENTENCE = re.compile(r"[，,；;。！？]|[:：].|\S[ \t\u3000]+\S")


_TITLE_LENGTH = 16  # 加强组织领导, 深入推进教育领域综合改革: a section's title is short


def _bare_title(text: str) -> bool:
    """Whether a heading's text is a title and nothing more.  A whole sentence
    ("加强组织领导，确保各项工作落到实处。"), a target ("…规范管理率达到65%") or a
    statement longer than a title is an item complete in itself."""
    text = text.rstrip("。.：:；; \t\u3000\xa0")
    return len(text) <= _TITLE_LENGTH and not _SENTENCE.search(text) and not any(c.isdigit() for c in text)


def _empty(document: Document, kinds: set[str]) -> Iterator[Finding]:
    """Headings with nothing under them whose text is a bare title, unless the same
    heading comes again later (a table of contents lists them first)."""
    headings = list(document.headings())
    later: dict[tuple, int] = {}
    for index, node in enumerate(headings):
        later[(node.marker.kind, node.marker.value, node.title)] = index
    for index, node in enumerate(headings):
        key = (node.marker.kind, node.marker.value, node.title)
        if node.marker.kind in kinds and not node.children and not node.body and _bare_title(node.text) \
                and later[key] == index:
            yield Finding(node.marker.span, {"found": node.marker.raw, "parent": "", "previous": "", "skipped": ""})


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    if params["defect"] == "empty":
        yield from _empty(document, set(params.get("kinds", MARKER_KINDS)))
        return
    if params["defect"] == "inversion":
        for parent in _parents(document):
            for node, lower in _inversions(parent):
                yield Finding(node.marker.span, {"found": node.marker.raw, "previous": lower.marker.raw,
                                                 "parent": "", "skipped": ""})
        return
    optional = set(params.get("optional", ()))
    always_optional, free = set(params.get("always_optional", ())), set(params.get("free", ()))
    used_by_part: dict[int, set[str]] = {}
    for node in document.headings():
        used_by_part.setdefault(node.part, set()).add(node.marker.kind)
    for parent in _parents(document):
        if not is_heading(parent):
            continue
        reported: set[str] = set()
        for child in parent.children:
            if not is_heading(child):
                continue
            kind = child.marker.kind
            if kind in free:
                continue
            replaced = set(params.get("replaces", {}).get(parent.marker.kind, ()))
            skipped = [k for k in MARKER_KINDS if RANK[parent.marker.kind] < RANK[k] < RANK[kind] and k not in replaced]
            if not [k for k in skipped if k not in always_optional] or kind in reported:
                continue
            used = used_by_part[child.part]
            if all(k in optional and k not in used for k in skipped):
                continue
            reported.add(kind)
            yield Finding(child.marker.span, {"found": child.marker.raw, "parent": parent.marker.raw,
                                              "previous": "", "skipped": " ".join(map(_example, skipped))})
