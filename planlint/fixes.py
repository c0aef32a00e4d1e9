"""Apply the fixes that diagnostics offer, and keep them only if they leave the text better.

A fix is all of its edits or none of them; a fix that overlaps one already taken
in a pass waits for the next pass, when it is recomputed on the new text.  After
each pass the text is checked again.  Fixes still offered after ``MAX_PASSES``
passes, or a fixed text with a finding that the text before had not, undo every
fix of the file (a ``Rollback`` says which rules were involved): a fix may
uncover what the next pass repairs, never leave something worse behind.  A file
with nothing to fix is checked once; a file whose fixes settle in one pass, twice.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, NamedTuple, Sequence

from planlint.catalog import Rule
from planlint.diagnostics import Diagnostic, Fix
from planlint.engine import Checker
from planlint.failures import Failure
from planlint.outline.parser import split_lines

MAX_PASSES = 2
_LINE_START = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class Rollback(NamedTuple):
    """Why a file's fixes were undone: ``fixes`` are the rules whose fixes were at
    fault, ``created`` the rules of the findings they brought (empty when the
    fixes did not settle within MAX_PASSES passes)."""

    fixes: tuple[str, ...]
    created: tuple[str, ...] = ()

    def __str__(self) -> str:
        fixes = ", ".join(self.fixes)
        return f"{fixes} → {', '.join(self.created)}" if self.created else fixes


@dataclass(slots=True)
class Outcome:
    text: str
    fixed: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    excerpts: dict[int, str] = field(default_factory=dict)
    rollback: Rollback | None = None


class _Edit(NamedTuple):
    start: int  # offsets into the text the edit applies to
    end: int
    content: str
    code: str  # the rule whose fix this edit belongs to


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in _LINE_START.finditer(text)]


def _clash(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Two edits share a character, or insert at the same place, or one inserts
    inside what the other replaces (an insertion at either end of it is fine)."""
    if start == end and other_start == other_end:
        return start == other_start
    return start < other_end and other_start < end


def _clashing_pairs(edits: list[tuple[int, int, int]]) -> set[tuple[int, int]]:
    """The pairs of fixes (by index) with clashing edits, in one sweep over the
    edits sorted by start: only the edits still open where one starts can clash with it."""
    pairs: set[tuple[int, int]] = set()
    open_edits: list[tuple[int, int, int]] = []  # a heap of (end, start, fix)
    for start, end, owner in sorted(edits):
        while open_edits and open_edits[0][0] < start:
            heapq.heappop(open_edits)
        for other_end, other_start, other in open_edits:
            if other != owner and _clash(start, end, other_start, other_end):
                pairs.add((min(owner, other), max(owner, other)))
        heapq.heappush(open_edits, (end, start, owner))
    return pairs


def _choose(text: str, fixes: Sequence[tuple[str, Fix]]) -> tuple[list[_Edit], int]:
    """The edits of the fixes to apply now, sorted, and how many fixes they are:
    in order of where each fix begins, every fix that clashes with none taken before it."""
    starts = _line_starts(text)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    ranges = [[(offset(e.span.line, e.span.column), offset(e.span.end_line, e.span.end_column), e.content)
               for e in fix.edits] for _, fix in fixes]
    clashes: dict[int, list[int]] = {}
    for first, second in _clashing_pairs([(start, end, index) for index, edits in enumerate(ranges)
                                          for start, end, _ in edits]):
        clashes.setdefault(first, []).append(second)
        clashes.setdefault(second, []).append(first)
    taken: set[int] = set()
    for index in sorted(range(len(fixes)), key=lambda i: min((start, end) for start, end, _ in ranges[i])):
        if not any(other in taken for other in clashes.get(index, ())):
            taken.add(index)
    edits = sorted(_Edit(start, end, content, fixes[index][0]) for index in taken
                   for start, end, content in ranges[index])
    return edits, len(taken)


def _splice(text: str, edits: Iterable[_Edit]) -> str:
    pieces, last = [], 0
    for edit in edits:
        pieces.append(text[last:edit.start])
        pieces.append(edit.content)
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply the fixes that do not overlap; returns the new text and how many were applied."""
    edits, applied = _choose(text, [("", fix) for fix in fixes])
    return _splice(text, edits), applied


class _Pass(NamedTuple):
    """The edits one pass made, with where each landed in the new text: enough to
    carry a range of the new text back to the text before the pass."""

    edits: list[_Edit]
    new_starts: list[int]

    @classmethod
    def of(cls, edits: list[_Edit]) -> _Pass:
        new_starts, shift = [], 0
        for edit in edits:
            new_starts.append(edit.start + shift)
            shift += len(edit.content) - (edit.end - edit.start)
        return cls(edits, new_starts)

    def back(self, start: int, end: int) -> tuple[int, int]:
        """A range of the new text as a range of the old; a range that reaches into
        an edit's new content covers all of what that edit replaced."""
        return self._old(start, False), self._old(end, True)

    def _old(self, offset: int, is_end: bool) -> int:
        index = (bisect.bisect_left if is_end else bisect.bisect_right)(self.new_starts, offset) - 1
        if index < 0:
            return offset
        edit, new_start = self.edits[index], self.new_starts[index]
        new_end = new_start + len(edit.content)
        if offset < new_end or is_end and offset == new_end:
            return edit.end if is_end else edit.start
        return offset - new_end + edit.end


class _Span(NamedTuple):
    code: str
    start: int
    end: int
    text: str  # the flagged text, or its line's when the span is empty


def _spans(text: str, diagnostics: list[Diagnostic]) -> list[_Span]:
    starts = _line_starts(text)
    spans = []
    for d in diagnostics:
        span = d.span
        start = starts[span.line - 1] + span.column - 1
        end = starts[span.end_line - 1] + span.end_column - 1
        flagged = text[start:end]
        if not flagged:
            line_end = starts[span.line] if span.line < len(starts) else len(text)
            flagged = text[starts[span.line - 1]:line_end].rstrip("\r\n")
        spans.append(_Span(d.code, start, end, flagged))
    return spans


class _Baseline:
    """The findings of the text before any fix, to tell which later findings are new.
    A later finding is old when one of the same rule flagged the same text, or
    (a fix changed its text) covered or touched the place it maps back to."""

    def __init__(self, text: str, findings: list[Diagnostic]):
        self.text, self.findings = text, findings

    def new(self, text: str, findings: list[Diagnostic], passes: list[_Pass]) -> list[tuple[_Span, int, int]]:
        """The findings nothing before accounts for, each with its range in the original text."""
        codes = {d.code for d in findings}  # only these rules' earlier findings matter
        before = _spans(self.text, [d for d in self.findings if d.code in codes])
        unmatched = Counter((span.code, span.text) for span in before)
        places: dict[str, list[tuple[int, int]]] = {}
        for span in before:
            places.setdefault(span.code, []).append((span.start, span.end))
        starts, reach = {}, {}  # per rule: where its places start, and the furthest end up to each
        for code, ranges in places.items():
            ranges.sort()
            starts[code] = [start for start, _ in ranges]
            reach[code] = list(itertools.accumulate((end for _, end in ranges), max))
        found = []
        for span in _spans(text, findings):
            if unmatched[span.code, span.text] > 0:
                unmatched[span.code, span.text] -= 1
                continue
            start, end = span.start, span.end
            for done in reversed(passes):
                start, end = done.back(start, end)
            index = bisect.bisect_right(starts.get(span.code, []), end) - 1
            if index < 0 or reach[span.code][index] < start:
                found.append((span, start, end))
        return found


def _culprits(created: list[tuple[_Span, int, int]], passes: list[_Pass]) -> Rollback:
    """The fixes whose edits touch the new findings (every fix made, when none does)."""
    edits = []
    for index, done in enumerate(passes):
        for edit in done.edits:
            start, end = edit.start, edit.end
            for earlier in reversed(passes[:index]):
                start, end = earlier.back(start, end)
            edits.append((edit.code, start, end))
    touching = {code for code, start, end in edits
                for _, new_start, new_end in created if start <= new_end and new_start <= end}
    codes = touching or {code for code, _, _ in edits}
    return Rollback(tuple(sorted(codes)), tuple(sorted({span.code for span, _, _ in created})))


def fix_text(text: str, path: str, checker: Checker | Sequence[Rule], unsafe: bool = False,
             view: Callable[[str], str] | None = None) -> Outcome:
    """Fix what the fixes cover and report what remains — or, when the fixed
    text would have a finding the text did not have, or the fixes do not
    settle, leave the text as it was and say why.  ``view`` is the source's
    view for parsing (Markdown)."""
    if not isinstance(checker, Checker):
        checker = Checker(tuple(checker))
    allowed = {"safe", "unsafe"} if unsafe else {"safe"}
    original = checker.findings(text, path, view)
    document, findings, failures = original
    current = checker.unsuppressed(document, findings, text, view)
    baseline = _Baseline(text, current)
    fixed_text, fixed = text, 0
    passes: list[_Pass] = []
    rollback = None
    while not failures:
        fixes = [(d.code, d.fix) for d in current if d.fix and d.fix.applicability in allowed]
        if not fixes:
            created = baseline.new(fixed_text, current, passes) if passes else []
            if created:
                rollback = _culprits(created, passes)
            break
        if len(passes) == MAX_PASSES:
            made = {edit.code for done in passes for edit in done.edits}
            rollback = Rollback(tuple(sorted(made | {code for code, _ in fixes})))
            break
        edits, applied = _choose(fixed_text, fixes)
        fixed_text, fixed = _splice(fixed_text, edits), fixed + applied
        passes.append(_Pass.of(edits))
        document, findings, failures = checker.findings(fixed_text, path, view)
        current = checker.unsuppressed(document, findings, fixed_text, view)
    if rollback is not None or failures and passes:  # a fixed text that a rule could not check is not kept
        fixed_text, fixed = text, 0
        document, findings = original[0], original[1]
    diagnostics = checker.report(document, findings, fixed_text, view)
    lines = split_lines(fixed_text)  # the source's lines, not the view's (Markdown syntax blanked)
    excerpts = {d.span.line: lines[d.span.line - 1] for d in diagnostics}
    return Outcome(fixed_text, fixed, diagnostics, failures, excerpts, rollback)


def unified_diff(before: str, after: str, path: str) -> str:
    return "".join(difflib.unified_diff(_LINE_WITH_END.findall(before), _LINE_WITH_END.findall(after),
                                        fromfile=path, tofile=path))
