"""What a document must cover: sections by document type (a 实施方案 needs 实施步骤
and 保障措施) or themes by domain (an education plan speaks of 安全稳定, 教师队伍…).

Each item is a list of keywords or synonyms.  The items none of whose keywords
appear in the scope are one finding, at the title, that names them all (one
document, one finding).  In a two-part document (2020年工作总结及2021年工作要点)
each part is held to its own type's sections.  A domain is told by who issues
the document and what it is called (its title, notice title and first lines),
never by its text: a health commission's plan that speaks of 健康教育 is no
education plan.
"""

from __future__ import annotations

import re
from typing import Iterator

from planlint.diagnostics import Finding
from planlint.kinds._regex import scope_text
from planlint.kinds._scope import title_span
from planlint.outline.model import Document, Node

_ITEMS = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"name": {"type": "string", "minLength": 1},
                       "keywords": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
                       "satisfied_by_next_part": {"type": "boolean"}},
        "required": ["name", "keywords"],
        "additionalProperties": False,
    },
}
PARAMS = {
    "type": "object",
    "properties": {
        "items": _ITEMS,
        "items_by_type": {"type": "object", "additionalProperties": _ITEMS},
        "from_profiles": {"const": True, "description": "take items_by_type from the document-type profiles"},
        "scope": {"enum": ["headings", "text"]},
        "min_headings": {"type": "integer", "minimum": 0,
                         "description": "headings a document (or part) needs before it is judged: an excerpt is not"},
        "comprehensive_only": {"type": "boolean",
                               "description": "only plans of the issuer's whole work, not one topic's (宣传工作要点)"},
        "types": {"type": "array", "items": {"type": "string"}, "description": "document types the items apply to"},
        "domain": {
            "type": "object",
            "properties": {"name": {"type": "string"},
                           "detect": {"type": "array", "minItems": 1, "items": {"type": "string"}}},
            "required": ["name", "detect"],
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}
PLACEHOLDERS = {"items", "count", "doc_type", "domain"}
_ISSUER_LINES = 3  # the first lines, where a portal page or a draft names its issuer


def _in_domain(document: Document, domain: dict | None) -> bool:
    if domain is None:
        return True
    meta = document.metadata
    named = [located.text for located in (meta.title, meta.notice_title, meta.document_number) if located]
    if not named:
        named = [text for _, text in list(document.content_lines())[:_ISSUER_LINES]]
    return any(word in text for text in named for word in domain["detect"])


def _text(document: Document, scope: str, nodes: list[Node], whole: bool) -> str:
    if scope == "headings":
        return "\n".join(node.title for root in nodes for node in [root, *root.walk()] if node.marker)
    if whole:
        return scope_text(document, "text")
    return "\n".join(node.text + "\n" + "\n".join(p.text for p in node.body)
                     for root in nodes for node in [root, *root.walk()])


_ISSUER = re.compile(r"^.*(?:局|厅|委员会|委|部|办公室|政府|工委)[)）]?(?=(?:关于)?(?:印发)?[《“]?(?:19|20)\d{2})")
_NOT_A_TOPIC = re.compile(r"(?:19|20)\d{2}\s*年度?|[—–\-－~～至到]|关于|印发|[《》“”（）()]|全[市区县省州盟旗镇乡]|系统|"
                          r"教育|工作|的通知|要点|计划|总结|[及和暨与]|[\s\u3000]")


def _topic(title: str) -> str:
    """What a plan's title names besides its issuer, year and type: 宣传 in 教育局2012年第二季度
    教育宣传工作要点, nothing in 南宁市教育局2018年工作要点 (a plan of the whole work)."""
    return _NOT_A_TOPIC.sub("", _ISSUER.sub("", title))


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    domain = params.get("domain", {}).get("name", "")
    for part, doc_type, _, missing in _judged(document, params):
        if missing:
            yield Finding(title_span(document, part), {"items": "、".join(missing), "count": len(missing),
                                                         "doc_type": doc_type, "domain": domain})


def figure(document: Document, params: dict, state: None) -> list[dict]:
    """Per part judged: its type, the items it covers and those it misses."""
    return [{"doc_type": doc_type, "covered": [item for item in items if item not in missing], "missing": missing}
            for _, doc_type, items, missing in _judged(document, params)]


def _judged(document: Document, params: dict) -> Iterator[tuple[Node | None, str, list[str], list[str]]]:
    """(part, its type, the names of its items, those it misses) for each part the rule judges."""
    if not _in_domain(document, params.get("domain")):
        return
    title = document.metadata.title or document.metadata.notice_title
    if params.get("comprehensive_only") and (title is None or _topic(title.text)):
        return
    if "types" in params and not set(document.metadata.doc_types) & set(params["types"]):
        return
    scope = params.get("scope", "text")
    meta = document.metadata
    parts = [child for child in document.root.children if child.is_part]
    by_type = params.get("items_by_type")
    units: list[tuple[Node | None, str | None, list[Node]]]
    if by_type is not None and parts and len(parts) == len(meta.doc_types):
        units = [(part, meta.doc_types[index], [part]) for index, part in enumerate(parts)]
    else:
        units = [(None, meta.doc_type, document.root.children)]
    for index, (part, doc_type, nodes) in enumerate(units):
        items = by_type.get(doc_type or "", []) if by_type is not None else params.get("items", [])
        followed = index + 1 < len(units)
        text = _text(document, scope, nodes, whole=part is None and scope == "text")
        if sum(1 for root in nodes for node in (root, *root.walk()) if node.marker) < params.get("min_headings", 0):
            continue
        missing = [item["name"] for item in items
                   if not (followed and item.get("satisfied_by_next_part"))
                   and not any(keyword in text for keyword in item["keywords"])]
        yield part, doc_type or "", [item["name"] for item in items], missing
