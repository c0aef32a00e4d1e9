"""Words that should not appear at all (a 禁用词 list, template residue)."""

from __future__ import annotations

from typing import Iterator

from planlint.diagnostics import Finding
from planlint.kinds._regex import count as count_hits, alternation, compile_pattern, find
from planlint.kinds._scope import OUTSIDE_SCHEMA, SCOPE_SCHEMA
from planlint.outline.model import Document

PARAMS = {
    "type": "object",
    "properties": {
        "words": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "scope": SCOPE_SCHEMA,
        "outside": OUTSIDE_SCHEMA,
        "skip": {"type": "array", "items": {"enum": ["signing-date", "document-number"]}},
        "ignorecase": {"type": "boolean"},
    },
    "required": ["words"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"match"}


def prepare(params: dict):
    """The words as one compiled pattern."""
    return compile_pattern(alternation(params["words"]), params.get("ignorecase", False))


def check(document: Document, params: dict, state) -> Iterator[Finding]:
    for hit in find(state, document, params):
        yield Finding(hit.span(), {"match": hit.match[0]})


def count(document: Document, params: dict, state) -> int:
    return count_hits(state, document, params)
