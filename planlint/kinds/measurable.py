"""Whether task items carry a measurable target: a number with a unit, a
percentage, a count, a deadline.

The unit of judgement is the document, not the item: a 要点 whose tasks mostly
say 进一步提高 and never say how much or by when gets one diagnostic with its
figure (share of task items with a target) and the first items that lack one.
A 总结 reports results rather than setting targets, so it is held to its own
threshold: its items should report figures.
"""

from __future__ import annotations

from typing import Iterator

import regex

from planlint.diagnostics import Finding
from planlint.kinds._scope import title_span
from planlint.outline.model import Document, Heading, Node, is_heading

PARAMS = {
    "type": "object",
    "properties": {
        "min_share": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}},
        "default_min_share": {"type": "number", "minimum": 0, "maximum": 1},
        "min_items": {"type": "integer", "minimum": 1},
        "exclude_sections": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": False,
}
PLACEHOLDERS = {"share", "with_target", "items", "examples", "doc_type"}

# The regex package scans this alternation about three times faster than re.
_MEASURE = regex.compile(
    r"\d+(?:\.\d+)?\s*(?:%|％|个|所|名|人|家|项|次|万|亿|元|平方米|㎡|间|座|套|台|门|节|班|学时|课时|小时|天|周|期|批|场|条|本|册|篇|支|户|公里|千米|米|M|G)"
    r"|[一二三四五六七八九十两百千]+(?:个|所|名|项|次|批|场|条|支|户)"
    r"|(?:\d{4}年|\d{1,2}月|[年月])(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)|年底|年内|全覆盖|百分之百"
)


# 1.重点任务责任分解表 — a notice's list of its attachments names documents, not tasks.
_DOCUMENT_NAME = regex.compile(r"(?:表|清单|名单|目录|方案|计划|要点|办法|细则|指南|规划)$")


def _task_items(root_nodes: list[Node], excluded: tuple[str, ...]) -> list[Heading]:
    items: list[Heading] = []

    def visit(node: Node) -> None:
        if node.marker is not None and any(word in node.title for word in excluded):
            return
        if is_heading(node) and not node.children and not _DOCUMENT_NAME.search(node.text.rstrip()):
            items.append(node)
        for child in node.children:
            visit(child)

    for node in root_nodes:
        visit(node)
    return items


def _has_target(node: Node) -> bool:
    return bool(_MEASURE.search(node.text)) or any(_MEASURE.search(p.text) for p in node.body)


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    for part, doc_type, items, lacking in _judged(document, params, every_type=False):
        share = (len(items) - len(lacking)) / len(items)
        if share < params.get("min_share", {}).get(doc_type, params.get("default_min_share", 0)):
            examples = "、".join(f"{node.marker.raw}{node.title[:12]}{'…' if len(node.title) > 12 else ''}"
                                for node in lacking[:3])
            yield Finding(title_span(document, part), {
                "share": f"{share:.0%}", "with_target": len(items) - len(lacking), "items": len(items),
                "examples": examples, "doc_type": doc_type})


def figure(document: Document, params: dict, state: None) -> list[dict]:
    """Per part with enough task items, whatever its type: how many carry a target."""
    return [{"doc_type": doc_type, "with_target": len(items) - len(lacking), "items": len(items)}
            for _, doc_type, items, lacking in _judged(document, params, every_type=True)]


def _judged(document: Document, params: dict,
            every_type: bool) -> Iterator[tuple[Node | None, str, list[Heading], list[Heading]]]:
    """(part, its type, its task items, those without a target) for each part with
    enough items — of a type the rule holds to a share, unless ``every_type``."""
    excluded = tuple(params.get("exclude_sections", ()))
    meta = document.metadata
    parts = [child for child in document.root.children if child.is_part]
    units: list[tuple[Node | None, str | None, list[Node]]]
    if parts and len(parts) == len(meta.doc_types):
        units = [(part, meta.doc_types[index], part.children) for index, part in enumerate(parts)]
    else:
        units = [(None, meta.doc_type, document.root.children)]
    for part, doc_type, nodes in units:
        held = (doc_type or "") in params.get("min_share", {}) or "default_min_share" in params
        items = _task_items(nodes, excluded)
        if (held or every_type) and len(items) >= params.get("min_items", 5):
            yield part, doc_type or "", items, [node for node in items if not _has_target(node)]
