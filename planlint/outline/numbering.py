"""Numbering runs: the outline's siblings of one marker kind, whether a
document's numbering restarts under each parent or runs on, and where a run of
numbers departs from 1, 2, 3 … (shared with the sequence rule kind)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Sequence

from planlint.outline.model import Heading, Node, Run, is_heading


def misnumbered(values: Sequence[int], expected_start: int) -> Iterator[tuple[str, int, int]]:
    """(defect, index, expected value) for each item out of sequence.

    One typo costs one finding: in 5. 5. 7. the second 5 is reported and 7 is
    accepted, because the item after a mismatch shows which number was meant.
    """
    previous = expected_start - 1
    for index, value in enumerate(values):
        expected = previous + 1
        if value == expected:
            previous = value
            continue
        if index > 0 and value == previous:
            defect = "duplicate"
        elif value > expected:
            defect = "gap"
        else:
            defect = "order"
        yield defect, index, expected
        following = values[index + 1] if index + 1 < len(values) else None
        previous = expected if following == expected + 1 else value


def choose_mode(runs: Sequence[Sequence[int]]) -> str:
    """"continuous" when numbering runs on across parents (1…5, 6…14), else "restart".

    The mode that explains the numbers with fewer defects wins; on a tie,
    numbering runs on only if no later run starts again at 1.
    """
    if len(runs) < 2:
        return "restart"

    def cost(mode: str) -> int:
        total = 0
        for index, values in enumerate(runs):
            start = 1 if index == 0 or mode == "restart" else runs[index - 1][-1] + 1
            total += sum(1 for _ in misnumbered(values, start))
        return total

    restart, continuous = cost("restart"), cost("continuous")
    if continuous != restart:
        return "continuous" if continuous < restart else "restart"
    return "restart" if any(values[0] == 1 for values in runs[1:]) else "continuous"


def _sibling_runs(parent: Node) -> Iterator[list[Heading]]:
    """Consecutive children of one marker kind.  A 1. after 5. starts a run of its
    own: a list that starts again is far likelier under a heading the text lost
    (二、 written 二 、, a bold line with no number) than an item moved backwards."""
    run: list[Heading] = []
    for child in parent.children:
        if not is_heading(child):
            continue
        restarts = child.marker.value == 1 and run and run[-1].marker.value > 1
        if run and (run[-1].marker.kind != child.marker.kind or restarts):
            yield run
            run = []
        run.append(child)
    if run:
        yield run


def _enclosing_part_heading(node: Node) -> int | None:
    """The line of the 第X部分 heading ``node`` is in (or is), if any."""
    current: Node | None = node
    while current is not None:
        if current.marker is not None and current.marker.kind == "part":
            return current.span.line
        current = current.parent
    return None


def numbering_runs(root: Node) -> tuple[tuple[Run, ...], dict[str, str]]:
    """Group siblings into runs, then decide per part and kind whether numbering
    restarts under each parent or runs on (1…5 under 一、, 6…14 under 二、).  A
    第一部分/第二部分 heading is a part too: numbering never runs on across it."""
    grouped: dict[tuple, list[list[Heading]]] = defaultdict(list)
    for parent in (root, *root.walk()):
        section = _enclosing_part_heading(parent)
        for run in _sibling_runs(parent):
            grouped[(run[0].part, section, run[0].marker.kind)].append(run)
    result = []
    modes_by_kind: dict[str, set[str]] = defaultdict(set)
    for (part, _, kind), runs in grouped.items():
        runs.sort(key=lambda run: run[0].span.line)
        mode = choose_mode([[node.marker.value for node in run] for run in runs])
        modes_by_kind[kind].add(mode if len(runs) > 1 else "single")
        for index, run in enumerate(runs):
            expected = 1 if index == 0 or mode == "restart" else runs[index - 1][-1].marker.value + 1
            result.append(Run(kind, tuple(run), part, expected, mode))
    result.sort(key=lambda run: run.nodes[0].span.line)
    summary = {}
    for kind, modes in modes_by_kind.items():
        if len(modes) > 1:
            modes.discard("single")
        summary[kind] = modes.pop() if len(modes) == 1 else "mixed"
    return tuple(result), summary
