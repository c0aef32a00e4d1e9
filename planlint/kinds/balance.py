"""Paired punctuation that opens and never closes, or closes and never opened,
within one paragraph (GB/T 15834-2011 4.1, 4.8, 4.9, 4.15)."""

from __future__ import annotations

import re
from typing import Iterator

from planlint.diagnostics import Finding
from planlint.outline.model import Document, Span

PARAMS = {
    "type": "object",
    "properties": {
        "defect": {"enum": ["unclosed", "unopened"]},
        "pairs": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "prefixItems": [{"type": "string", "minLength": 1},
                                                       {"type": "string", "minLength": 1}],
                      "minItems": 2, "maxItems": 2},
        },
    },
    "required": ["defect", "pairs"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"found", "expected"}


def prepare(params: dict) -> dict:
    roles: dict[str, tuple[int, bool]] = {}  # mark -> (pair index, whether it opens)
    for index, (opening, closing) in enumerate(params["pairs"]):
        for char in opening:
            roles[char] = (index, True)
        for char in closing:
            if roles.get(char, (None, False))[1]:
                raise ValueError(f"pairs[{index}]: {char!r} both opens and closes")
            roles[char] = (index, False)
    marks = re.compile("[" + re.escape("".join(roles)) + "]")
    return {**params, "_roles": roles, "_marks": marks}


def check(document: Document, params: dict) -> Iterator[Finding]:
    # The unclosed and the unopened rule share one scan when their pairs are the same.
    key = ("imbalances", tuple(map(tuple, params["pairs"])))
    wanted = params["defect"]
    for finding in document.shared(key, lambda: list(_imbalances(document, params))):
        if finding.args["defect"] == wanted:
            yield finding


def _imbalances(document: Document, params: dict) -> Iterator[Finding]:
    roles, pairs, marks = params["_roles"], params["pairs"], params["_marks"]
    for number, text in document.content_lines():
        stack: list[tuple[int, int]] = []  # (pair index, column)
        for found in marks.finditer(text):
            pair, opens = roles[found[0]]
            if opens:
                stack.append((pair, found.start() + 1))
            elif stack and stack[-1][0] == pair:
                stack.pop()  # closes the innermost: the usual case, decided at once
            elif any(open_pair == pair for open_pair, _ in stack):
                while stack[-1][0] != pair:
                    yield _unclosed(number, text, *stack.pop(), pairs)
                stack.pop()
            else:
                column = found.start() + 1
                yield Finding(Span(number, column, number, column + 1),
                              {"found": found[0], "expected": pairs[pair][0][0], "defect": "unopened"})
        while stack:
            yield _unclosed(number, text, *stack.pop(), pairs)


def _unclosed(number: int, text: str, pair: int, column: int, pairs: list) -> Finding:
    return Finding(Span(number, column, number, column + 1),
                   {"found": text[column - 1], "expected": pairs[pair][1][0], "defect": "unclosed"})
