"""A regular expression that must not match, in a chosen scope of the document.

The expression runs under the ``regex`` package with a time limit, so an
office's own pattern cannot hang a run.  Named groups become message
placeholders, and ``replacement`` (a template over the same names) becomes the
suggestion and the fix.
"""

from __future__ import annotations

import string
from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.kinds._regex import LITERAL_STARTS, count as count_hits, compile_pattern, find
from planlint.kinds._scope import OUTSIDE_SCHEMA, SCOPE_SCHEMA
from planlint.outline.model import Document

PARAMS = {
    "type": "object",
    "properties": {
        "pattern": {"type": "string", "minLength": 1},
        "scope": SCOPE_SCHEMA,
        "outside": OUTSIDE_SCHEMA,
        "skip": {"type": "array", "items": {"enum": ["signing-date", "document-number"]}},
        "replacement": {"type": "string"},
        "ignorecase": {"type": "boolean"},
    },
    "required": ["pattern"],
    "additionalProperties": False,
}


def prepare(params: dict) -> dict:
    from planlint.kinds._starts import literal_starts  # only a catalog build prepares rules

    compiled = compile_pattern(params["pattern"], params.get("ignorecase", False))
    replacement = params.get("replacement")
    if replacement is not None:
        unknown = _fields(replacement) - set(compiled.groupindex) - {"match"}
        if unknown:
            raise ValueError(f"replacement: no group named {', '.join(sorted(unknown))} in pattern")
    return {**params, "_compiled": compiled,
            LITERAL_STARTS: literal_starts(params["pattern"], params.get("ignorecase", False))}


def placeholders(params: dict) -> set[str]:
    try:
        names = set(compile_pattern(params["pattern"]).groupindex)
    except ValueError:
        names = set()
    return names | {"match"} | ({"suggestion"} if "replacement" in params else set())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check(document: Document, params: dict) -> Iterator[Finding]:
    replacement = params.get("replacement")
    for hit in find(params["_compiled"], document, params):
        match = hit.match
        args = {name: value or "" for name, value in match.groupdict().items()}
        args["match"] = match[0]
        span = hit.span()
        if replacement is None:
            yield Finding(span, args)
            continue
        args["suggestion"] = replacement.format_map(args)
        yield Finding(span, args, edits=(Edit(span, args["suggestion"]),))


def count(document: Document, params: dict) -> int:
    return count_hits(params["_compiled"], document, params)
