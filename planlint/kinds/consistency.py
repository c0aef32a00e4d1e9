"""One document, one form: where two forms of the same thing are both used
(2018—2020年 and 2018-2020年), the minority is reported with the majority's form."""

from __future__ import annotations

from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.kinds._regex import compile_pattern, find
from planlint.kinds._scope import OUTSIDE_SCHEMA, SCOPE_SCHEMA
from planlint.outline.model import Document

PARAMS = {
    "type": "object",
    "properties": {
        "forms": {
            "type": "array",
            "minItems": 2,
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string", "minLength": 1},
                               "pattern": {"type": "string", "minLength": 1},
                               "replacement": {"type": "string"}},
                "required": ["name", "pattern"],
                "additionalProperties": False,
            },
        },
        "scope": SCOPE_SCHEMA,
        "outside": OUTSIDE_SCHEMA,
    },
    "required": ["forms"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"match", "form", "majority", "count", "majority_count"}


def prepare(params: dict) -> list:
    """Each form's pattern, compiled."""
    return [compile_pattern(form["pattern"], field=f"forms[{index}].pattern")
            for index, form in enumerate(params["forms"])]


def check(document: Document, params: dict, state: list) -> Iterator[Finding]:
    found = [list(find(compiled, document, params)) for compiled in state]
    counts = [len(matches) for matches in found]
    if sum(1 for count in counts if count) < 2:
        return
    majority = max(range(len(counts)), key=lambda index: (counts[index], -index))
    winner = params["forms"][majority]
    for index, matches in enumerate(found):
        if index == majority:
            continue
        for hit in matches:
            match = hit.match
            span = hit.span()
            edits: tuple[Edit, ...] = ()
            if "replacement" in winner:
                edits = (Edit(span, match.expand(winner["replacement"])),)
            yield Finding(span, {"match": match[0], "form": params["forms"][index]["name"],
                                 "majority": winner["name"], "count": counts[index],
                                 "majority_count": counts[majority]}, edits=edits)
