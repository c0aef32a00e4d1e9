"""Numbering within a run of sibling headings: gaps, duplicates, wrong order,
and a delimiter that differs from its siblings (12、 among 11. and 13.).

Runs come from the model, which has already decided whether numbering restarts
under each parent or runs on across sections, so "6." opening section 二 is
right in a document numbered 1…31 throughout and wrong in one that restarts.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from planlint.diagnostics import Finding
from planlint.kinds._markers import format_marker
from planlint.outline.model import MARKER_KINDS, Document, Run
from planlint.outline.numbering import misnumbered

PARAMS = {
    "type": "object",
    "properties": {
        "defect": {"enum": ["gap", "duplicate", "order", "delimiter"]},
        "kinds": {"type": "array", "items": {"enum": list(MARKER_KINDS)}, "minItems": 1},
    },
    "required": ["defect"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"expected", "found", "missing"}


def _delimiter_findings(document: Document, run: Run) -> Iterator[tuple[object, str]]:
    counts = Counter(node.marker.delimiter for node in run.nodes)
    majority, top = counts.most_common(1)[0]
    if top * 2 <= len(run.nodes):
        document_counts = Counter(node.marker.delimiter for node in document.headings()
                                  if node.marker.kind == run.kind)
        majority, top = document_counts.most_common(1)[0]
        if top * 2 <= sum(document_counts.values()):
            return
    for node in run.nodes:
        if node.marker.delimiter != majority:
            yield node, majority


def check(document: Document, params: dict) -> Iterator[Finding]:
    defect_wanted = params["defect"]
    kinds = set(params.get("kinds", MARKER_KINDS))
    for run in document.runs:
        if run.kind not in kinds:
            continue
        if defect_wanted == "delimiter":
            for node, majority in _delimiter_findings(document, run):
                marker = node.marker
                expected = format_marker(marker.kind, marker.value, majority)
                yield Finding(marker.span, {"expected": expected, "found": marker.raw, "missing": ""},
                              replacement=expected)
            continue
        values = [node.marker.value for node in run.nodes]
        for defect, index, expected_value in misnumbered(values, run.expected_start):
            if defect != defect_wanted:
                continue
            marker = run.nodes[index].marker
            expected = format_marker(marker.kind, expected_value, marker.delimiter)
            missing = " ".join(format_marker(marker.kind, value, marker.delimiter)
                               for value in range(expected_value, marker.value)) if defect == "gap" else ""
            yield Finding(marker.span, {"expected": expected, "found": marker.raw, "missing": missing},
                          replacement=expected)
