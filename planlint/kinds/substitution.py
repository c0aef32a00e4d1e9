"""Wrong → right: 其它 → 其他, 截止目前 → 截至目前, “一带一路”战略 → “一带一路”倡议.

Keys are literal text (longest first), regular expressions with
``regex: true``, or single characters with ``per_character: true`` (full-width
digits: a run of them is one finding); ``before``/``after`` are lookaround patterns that must hold
around a match (a half-width comma only between two Chinese characters).
"""

from __future__ import annotations

from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.kinds._regex import alternation, cheap_starts, compile_pattern, count as count_hits, find
from planlint.kinds._scope import OUTSIDE_SCHEMA, SCOPE_SCHEMA
from planlint.outline.model import Document

PARAMS = {
    "type": "object",
    "properties": {
        "swap": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string"}},
        "regex": {"type": "boolean"},
        "per_character": {"type": "boolean"},
        "before": {"type": "string"},
        "after": {"type": "string"},
        "scope": SCOPE_SCHEMA,
        "outside": OUTSIDE_SCHEMA,
        "skip": {"type": "array", "items": {"enum": ["signing-date", "document-number"]}},
    },
    "required": ["swap"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"match", "suggestion"}


def prepare(params: dict) -> dict:
    """The pattern of every key; the keys compiled one by one (regex keys only); the literal starts."""
    swap = params["swap"]
    if params.get("per_character"):
        keys = None
        body = "[" + "".join(map(_escape_class, swap)) + "]+"
    elif params.get("regex"):
        keys = [(compile_pattern(key, field=f"swap.{key}"), value) for key, value in swap.items()]
        body = "|".join(f"(?:{key})" for key in swap)
    else:
        keys = None
        body = alternation(swap)
    before = f"(?<={params['before']})" if params.get("before") else ""
    after = f"(?={params['after']})" if params.get("after") else ""
    compiled = compile_pattern(f"{before}(?:{body}){after}")
    # Literal keys (or characters) begin every match: the scan looks for them
    # directly instead of running the alternation over every character.
    starts = None if params.get("regex") or "" in swap else cheap_starts(tuple(swap))
    return {"compiled": compiled, "keys": keys, "starts": starts}


def _escape_class(char: str) -> str:
    if len(char) != 1:
        raise ValueError(f"swap.{char}: per_character keys are single characters")
    return "\\" + char if char in "\\]^-[" else char


def _suggestion(params: dict, state: dict, found: str) -> str:
    if params.get("per_character"):
        return "".join(params["swap"].get(char, char) for char in found)
    if state["keys"] is None:
        return params["swap"][found]
    for key, value in state["keys"]:
        match = key.fullmatch(found)
        if match:
            return match.expand(value)
    return found


def check(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    for hit in find(state["compiled"], document, params, state["starts"]):
        suggestion = _suggestion(params, state, hit.match[0])
        span = hit.span()
        yield Finding(span, {"match": hit.match[0], "suggestion": suggestion}, edits=(Edit(span, suggestion),))


def count(document: Document, params: dict, state: dict) -> int:
    return count_hits(state["compiled"], document, params, state["starts"])
