"""A rule kind: sentences longer than ``max`` characters (an office's plain-writing rule)."""

from __future__ import annotations

import re

from planlint.diagnostics import Finding
from planlint.outline.model import Span

PARAMS = {
    "type": "object",
    "properties": {"max": {"type": "integer", "minimum": 10}, "ends": {"type": "string", "minLength": 1}},
    "required": ["max"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"length", "max"}


class Limit:
    """The prepared state: an object of the kind's own, which planlint's catalog
    cache does not keep as data, so it is prepared again whenever the rules load."""

    def __init__(self, most: int, ends: str):
        self.most = most
        self.sentence = re.compile(f"[^{re.escape(ends)}]+[{re.escape(ends)}]?")


def prepare(params: dict) -> Limit:
    return Limit(params["max"], params.get("ends", "。！？；"))


def check(document, params: dict, state: Limit):
    for number, text in document.content_lines():
        for match in state.sentence.finditer(text):
            sentence = match[0].strip()
            if len(sentence) > state.most:
                start = match.start() + match[0].index(sentence)
                yield Finding(Span(number, start + 1, number, start + len(sentence) + 1),
                              {"length": len(sentence), "max": state.most})
