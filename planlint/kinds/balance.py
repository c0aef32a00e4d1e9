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
    openers: dict[str, int] = {}
    closers: dict[str, int] = {}
    for index, (opening, closing) in enumerate(params["pairs"]):
        for char in opening:
            openers[char] = index
        for char in closing:
            if char in openers:
                raise ValueError(f"pairs[{index}]: {char!r} both opens and closes")
            closers[char] = index
    marks = re.compile("[" + re.escape("".join(openers) + "".join(closers)) + "]")
    return {**params, "_openers": openers, "_closers": closers, "_marks": marks}


def check(document: Document, params: dict) -> Iterator[Finding]:
    # The unclosed and the unopened rule share one scan when their pairs are the same.
    key = ("imbalances", tuple(map(tuple, params["pairs"])))
    wanted = params["defect"]
    for finding in document.shared(key, lambda: list(_imbalances(document, params))):
        if finding.args["defect"] == wanted:
            yield finding


def _imbalances(document: Document, params: dict) -> Iterator[Finding]:
    openers, closers, pairs, marks = params["_openers"], params["_closers"], params["pairs"], params["_marks"]
    for number, text in document.content_lines():
        stack: list[tuple[int, int]] = []  # (pair index, column)
        for found in marks.finditer(text):
            column, char = found.start() + 1, found[0]
            if char in openers:
                stack.append((openers[char], column))
            elif char in closers:
                pair = closers[char]
                if any(open_pair == pair for open_pair, _ in stack):
                    while stack[-1][0] != pair:
                        yield _unclosed(number, text, *stack.pop(), pairs)
                    stack.pop()
                else:
                    yield Finding(Span(number, column, number, column + 1),
                                  {"found": char, "expected": pairs[pair][0][0], "defect": "unopened"})
        while stack:
            yield _unclosed(number, text, *stack.pop(), pairs)


def _unclosed(number: int, text: str, pair: int, column: int, pairs: list) -> Finding:
    return Finding(Span(number, column, number, column + 1),
                   {"found": text[column - 1], "expected": pairs[pair][1][0], "defect": "unclosed"})
