"""Numbering within a run of sibling headings: gaps, duplicates, wrong order,
and a delimiter that differs from its siblings (12、 among 11. and 13.).

Runs come from the model, which has already decided whether numbering restarts
under each parent or runs on across sections, so "6." opening section 二 is
right in a document numbered 1…31 throughout and wrong in one that restarts.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.markers import CANONICAL_DELIMITER, format_marker
from planlint.outline.model import MARKER_KINDS, Document, Heading, Marker, Run
from planlint.outline.numbering import misnumbered

PARAMS = {
    "type": "object",
    "properties": {
        "defect": {"enum": ["gap", "duplicate", "order", "delimiter", "form"]},
        "kinds": {"type": "array", "items": {"enum": list(MARKER_KINDS)}, "minItems": 1},
        "nonstandard": {"type": "object", "propertyNames": {"enum": list(MARKER_KINDS)},
                        "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
                        "description": "per marker kind, delimiters that are no standard form, with the standard one"},
    },
    "required": ["defect"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"expected", "found", "missing"}


def _majority(counts: Counter) -> str | None:
    delimiter, top = counts.most_common(1)[0]
    return delimiter if top * 2 > sum(counts.values()) else None


def _form(delimiter: str) -> str:
    """A delimiter as this kind compares them: (一) is （一） with half-width
    brackets, a finding of its own rule (paren-marker-half-width), not another form."""
    return delimiter.replace("(", "（").replace(")", "）")


def _delimiter_findings(runs: list[Run], nonstandard_by_kind: dict) -> Iterator[tuple[Heading, str, str]]:
    """(node, defect, expected delimiter) for markers written unlike their run.

    A run with a majority form holds its minority to it ("delimiter"); a run
    without one is held to the standard form (1. then 2、: GB/T 9704's 1. wins);
    a run mostly in a ``nonstandard`` form (1、2、3、) is itself a finding ("form"),
    and so is each of its markers, so that the rule reports it once with the count.
    """
    for run in runs:
        counts = Counter(_form(node.marker.delimiter) for node in run.nodes)
        majority = _majority(counts)
        standard = CANONICAL_DELIMITER[run.kind]
        nonstandard = nonstandard_by_kind.get(run.kind, {})
        for node in run.nodes:
            delimiter = _form(node.marker.delimiter)
            if majority is not None and majority in nonstandard:
                if delimiter == majority:
                    yield node, "form", nonstandard[majority]
                elif delimiter != nonstandard[majority]:
                    yield node, "delimiter", nonstandard[majority]
            elif len(counts) > 1 and delimiter != (majority or standard):
                yield node, "delimiter", majority or standard


def _renumber(nodes, first_value: int) -> tuple[Edit, ...]:
    """Number ``nodes`` on from ``first_value``: the repair for a gap, a
    duplicate or a step backwards (unsafe: it may renumber items that were right).
    Every marker from the first renumbered one on is rewritten, those already
    right as they are, so that two renumberings of the same markers (a gap's and
    a duplicate's) overlap: --fix applies one, then looks again."""
    changed = next((index for index, node in enumerate(nodes) if node.marker.value != first_value + index), None)
    if changed is None:
        return ()
    edits = []
    for index, node in enumerate(nodes[changed:], changed):
        marker, value = node.marker, first_value + index
        edits.append(Edit(marker.span, marker.raw if marker.value == value else
                          format_marker(marker.kind, value, marker.delimiter)))
    return tuple(edits)


def _run_on(runs: list[Run]) -> dict[int, tuple]:
    """For each run (by position in ``runs``) the nodes of the runs that continue
    its numbering (1…5 under 一、, 6…14 under 二、): renumbering a run moves them too."""
    later: dict[int, tuple] = {}
    tail: dict[tuple[int, str], tuple] = {}
    for index in range(len(runs) - 1, -1, -1):
        run = runs[index]
        chain = (run.part, run.kind)
        later[index] = tail.get(chain, ()) if run.mode == "continuous" else ()
        tail[chain] = run.nodes + later[index]
    return later


def _missing(marker: Marker, expected_value: int) -> str:
    values = range(expected_value, marker.value)
    if len(values) > 3:
        return "…".join(format_marker(marker.kind, value, marker.delimiter) for value in (values[0], values[-1]))
    return " ".join(format_marker(marker.kind, value, marker.delimiter) for value in values)


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    defect_wanted = params["defect"]
    kinds = set(params.get("kinds", MARKER_KINDS))
    runs = [run for run in document.runs if run.kind in kinds]
    if defect_wanted in ("delimiter", "form"):
        for node, defect, delimiter in _delimiter_findings(runs, params.get("nonstandard", {})):
            if defect != defect_wanted:
                continue
            marker = node.marker
            expected = format_marker(marker.kind, marker.value, delimiter)
            yield Finding(marker.span, {"expected": expected, "found": marker.raw, "missing": ""},
                          edits=(Edit(marker.span, expected),))
        return
    later = _run_on(runs)
    for position, run in enumerate(runs):
        values = [node.marker.value for node in run.nodes]
        repaired = False  # the first finding's fix renumbers the rest of the run
        for defect, index, expected_value in misnumbered(values, run.expected_start):
            if defect != defect_wanted:
                continue
            marker = run.nodes[index].marker
            expected = format_marker(marker.kind, expected_value, marker.delimiter)
            missing = _missing(marker, expected_value) if defect == "gap" else ""
            edits = () if repaired else _renumber(run.nodes[index:] + later[position], expected_value)
            repaired = True
            yield Finding(marker.span, {"expected": expected, "found": marker.raw, "missing": missing}, edits=edits)
