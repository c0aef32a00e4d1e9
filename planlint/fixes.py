"""Apply the fixes that diagnostics offer, round after round, until none is left.

A fix is all of its edits or none of them; a fix that overlaps one already
taken in a round waits for the next round, when it is recomputed on the new text.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from planlint.catalog import Rule
from planlint.diagnostics import Diagnostic, Fix
from planlint.engine import Checker, RuleFailure
from planlint.outline.parser import split_lines

MAX_ROUNDS = 25
_LINE_START = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass(slots=True)
class Outcome:
    text: str
    fixed: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    excerpts: dict[int, str] = field(default_factory=dict)


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_START.finditer(text)]


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply the fixes that do not overlap; returns the new text and how many were applied."""
    starts = _line_starts(text)

    def offsets(edit) -> tuple[int, int]:
        span = edit.span
        return starts[span.line - 1] + span.column - 1, starts[span.end_line - 1] + span.end_column - 1

    taken: list[tuple[int, int, str]] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min(offsets(e) for e in f.edits)):
        ranges = [(*offsets(edit), edit.content) for edit in fix.edits]
        if any(start < other_end and other_start < end or start == end == other_start
               for start, end, _ in ranges for other_start, other_end, _ in taken):
            continue
        taken.extend(ranges)
        applied += 1
    pieces, last = [], 0
    for start, end, content in sorted(taken):
        pieces.append(text[last:start])
        pieces.append(content)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), applied


def fix_text(text: str, path: str, checker: Checker | Sequence[Rule], unsafe: bool = False,
             view: Callable[[str], str] | None = None) -> Outcome:
    """Fix to a fixpoint, then check once more: the diagnostics are what remains.
    ``view`` is the source's view for parsing (Markdown), applied each round."""
    if not isinstance(checker, Checker):
        checker = Checker(tuple(checker))
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    fixed = 0
    each = dataclasses.replace(checker, aggregate=False)
    for _ in range(MAX_ROUNDS):
        _, diagnostics, failures = each.check(text, path, view)
        fixes = [d.fix for d in diagnostics if d.fix and d.fix.applicability in allowed]
        if failures or not fixes:
            break
        text, applied = apply_fixes(text, fixes)
        fixed += applied
    _, diagnostics, failures = checker.check(text, path, view)
    lines = split_lines(text)  # the source's lines, not the view's (Markdown syntax blanked)
    excerpts = {d.span.line: lines[d.span.line - 1] for d in diagnostics}
    return Outcome(text, fixed, diagnostics, failures, excerpts)


def unified_diff(before: str, after: str, path: str) -> str:
    return "".join(difflib.unified_diff(_LINE_WITH_END.findall(before), _LINE_WITH_END.findall(after),
                                        fromfile=path, tofile=path))
