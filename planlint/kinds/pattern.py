"""A regular expression that must not match, in a chosen scope of the document.

The expression runs under the ``regex`` package with a time limit, so an
office's own pattern cannot hang a run.  Named groups become message
placeholders, and ``replacement`` (a template over the same names) becomes the
suggestion and the fix.  ``unless_earlier`` (a template too) allows a match once
the document has written that text before it: a short form after the full one
(十九大 after 党的十九大), as style guides allow.
"""

from __future__ import annotations

import string
from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.kinds._regex import count as count_hits, compile_pattern, find
from planlint.kinds._scope import OUTSIDE_SCHEMA, SCOPE_SCHEMA
from planlint.outline.model import Document, Span

PARAMS = {
    "type": "object",
    "properties": {
        "pattern": {"type": "string", "minLength": 1},
        "scope": SCOPE_SCHEMA,
        "outside": OUTSIDE_SCHEMA,
        "skip": {"type": "array", "items": {"enum": ["signing-date", "document-number"]}},
        "replacement": {"type": "string"},
        "unless_earlier": {"type": "string", "minLength": 1},
        "ignorecase": {"type": "boolean"},
    },
    "required": ["pattern"],
    "additionalProperties": False,
}


def prepare(params: dict) -> dict:
    """The compiled pattern, and the literal strings one of which begins every match (or None)."""
    from planlint.kinds._starts import literal_starts  # only a catalog build prepares rules

    compiled = compile_pattern(params["pattern"], params.get("ignorecase", False))
    for field in ("replacement", "unless_earlier"):
        template = params.get(field)
        unknown = _fields(template) - set(compiled.groupindex) - {"match"} if template is not None else ()
        if unknown:
            raise ValueError(f"{field}: no group named {', '.join(sorted(unknown))} in pattern")
    return {"compiled": compiled, "starts": literal_starts(params["pattern"], params.get("ignorecase", False))}


def placeholders(params: dict) -> set[str]:
    try:
        names = set(compile_pattern(params["pattern"]).groupindex)
    except ValueError:
        names = set()
    return names | {"match"} | ({"suggestion"} if "replacement" in params else set())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _first_written(document: Document, text: str) -> tuple[int, int] | None:
    """(line, 0-based column) where ``text`` first occurs in the document's content."""
    def build():
        for number, line in document.content_lines():
            column = line.find(text)
            if column >= 0:
                return number, column
        return None
    return document.shared(("first-written", text), build)


def check(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    replacement, unless_earlier = params.get("replacement"), params.get("unless_earlier")
    for hit in find(state["compiled"], document, params, state["starts"]):
        match = hit.match
        args = {name: value or "" for name, value in match.groupdict().items()}
        args["match"] = match[0]
        if unless_earlier is not None:
            written = _first_written(document, unless_earlier.format_map(args))
            if written is not None and written < (hit.line, hit.start):
                continue
        span = hit.span()
        if replacement is None:
            yield Finding(span, args)
            continue
        args["suggestion"] = replacement.format_map(args)
        yield Finding(span, args, edits=_edits(span, match[0], args["suggestion"]))


def _edits(span: Span, found: str, suggestion: str) -> tuple[Edit, ...]:
    """The smallest edits that turn the match into the suggestion: a fix that
    swaps (…) for （…） leaves what is between the brackets alone, to other fixes."""
    from difflib import SequenceMatcher

    operations = SequenceMatcher(None, found, suggestion, autojunk=False).get_opcodes()
    return tuple(Edit(Span(span.line, span.column + start, span.line, span.column + end), suggestion[new_start:new_end])
                 for tag, start, end, new_start, new_end in operations if tag != "equal")


def count(document: Document, params: dict, state: dict) -> int:
    if "unless_earlier" in params:
        return sum(1 for _ in check(document, params, state))
    return count_hits(state["compiled"], document, params, state["starts"])
