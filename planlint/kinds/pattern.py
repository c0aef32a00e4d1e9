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
from planlint.outline.model import Document, Span

SCOPES = ("text", "headings", "body", "header", "signing-date", "document-number")
PARAMS = {
    "type": "object",
    "properties": {
        "pattern": {"type": "string", "minLength": 1},
        "scope": {"enum": list(SCOPES)},
        "replacement": {"type": "string"},
        "ignorecase": {"type": "boolean"},
    },
    "required": ["pattern"],
    "additionalProperties": False,
}
_TIMEOUT_SECONDS = 1.0


class PatternTimeout(RuntimeError):
    pass


def prepare(params: dict) -> dict:
    import regex

    try:
        compiled = regex.compile(params["pattern"], regex.IGNORECASE if params.get("ignorecase") else 0)
    except regex.error as error:
        raise ValueError(f"pattern: {error}") from None
    replacement = params.get("replacement")
    if replacement is not None:
        unknown = _fields(replacement) - set(compiled.groupindex) - {"match"}
        if unknown:
            raise ValueError(f"replacement: no group named {', '.join(sorted(unknown))} in pattern")
    return {**params, "_compiled": compiled}


def placeholders(params: dict) -> set[str]:
    import regex

    try:
        names = set(regex.compile(params["pattern"]).groupindex)
    except regex.error:
        names = set()
    return names | {"match"} | ({"suggestion"} if "replacement" in params else set())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _lines(document: Document, scope: str) -> Iterator[tuple[int, str]]:
    if scope == "text":
        yield from document.content_lines()
        return
    if scope in ("signing-date", "document-number"):
        located = document.metadata.signing_date if scope == "signing-date" else document.metadata.document_number
        if located is not None:
            yield located.span.line, document.lines[located.span.line - 1]
        return
    heading_lines = {node.span.line for node in document.headings()}
    if scope == "headings":
        yield from ((n, t) for n, t in document.content_lines() if n in heading_lines)
    elif scope == "body":
        yield from ((n, t) for n, t in document.content_lines() if n not in heading_lines)
    else:  # header: everything before the first heading
        first = min(heading_lines, default=len(document.lines) + 1)
        yield from ((n, t) for n, t in document.content_lines() if n < first)


def check(document: Document, params: dict) -> Iterator[Finding]:
    compiled = params["_compiled"]
    replacement = params.get("replacement")
    for number, text in _lines(document, params.get("scope", "text")):
        try:
            matches = list(compiled.finditer(text, timeout=_TIMEOUT_SECONDS))
        except TimeoutError:
            raise PatternTimeout(f"pattern took longer than {_TIMEOUT_SECONDS}s on line {number}") from None
        for match in matches:
            if match.end() == match.start():
                continue
            args = {name: value or "" for name, value in match.groupdict().items()}
            args["match"] = match[0]
            suggestion = replacement.format_map(args) if replacement is not None else None
            if suggestion is not None:
                args["suggestion"] = suggestion
            span = Span(number, match.start() + 1, number, match.end() + 1)
            yield Finding(span, args, edits=(Edit(span, suggestion),) if suggestion is not None else ())
