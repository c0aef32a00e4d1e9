"""Properties of --fix on random documents made of the rules' own examples, seed
lines and stray punctuation: fixing is idempotent, a safe fix changes only what
its diagnostic flagged, and a renumbering changes only the markers of its run.

Each runs a few hundred examples; ``python -m pytest -m long`` runs them on 100,000.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.catalog import bundled_catalog
from planlint.engine import Checker
from planlint.fixes import apply_fixes, fix_text

ROOT = Path(__file__).resolve().parents[1]
CATALOG = bundled_catalog()
EVERY_RULE = Checker(tuple(CATALOG.select(["ALL"])), profiles=CATALOG.profiles)
DEFAULT_RULES = Checker(tuple(CATALOG.select()), profiles=CATALOG.profiles)
NUMBERING = Checker(tuple(CATALOG.select(["PL101", "PL102", "PL103"])), profiles=CATALOG.profiles)


def _fragments() -> list[str]:
    found = set()
    for rule in CATALOG.rules:
        texts = [*rule.examples["bad"], *rule.examples["good"], *(pair["bad"] for pair in rule.examples.get("fixed", ()))]
        for text in texts:
            for line in text.split("\n"):
                found.update(piece for piece in re.split(r"(?<=[，。、；：])", line) if piece)
                found.add(line)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        found.update(line for line in seed.read_text(encoding="utf-8").splitlines()[:200] if 0 < len(line) < 60)
    found.update(["抄送：", "南宁市教育局办公室    2018年3月21日印发", "总结", "２０１８年工作要点", "(一)", "（一）",
                  "<!-- planlint-disable-next-line -->", "1．", "（1）、"])
    return sorted(found - {""})


_piece = st.one_of(st.sampled_from(_fragments()), st.sampled_from(list("，。、；：,.;:()（）“”\"《》[]〔〕0123456789一二三四五 \u3000年月日号第")),
                   st.just("\n"))
documents = st.lists(_piece, max_size=30).map("".join)
quick = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
long_run = settings(max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))


def _offsets(text: str):
    starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]
    return lambda span: (starts[span.line - 1] + span.column - 1, starts[span.end_line - 1] + span.end_column - 1)


def _changed_only_inside(before: str, after: str, ranges: list[tuple[int, int]]) -> bool:
    """``after`` is ``before`` with only the text inside ``ranges`` (or at their ends)
    replaced: every stretch of ``before`` outside them is still there, in order.  A
    character diff would say the same, but it can shift an edit between equal
    neighbours (。。。) and so place it outside a span it lies in."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    bounds = [0, *(point for pair in merged for point in pair), len(before)]
    outside = [before[bounds[index]:bounds[index + 1]] for index in range(0, len(bounds), 2)]
    if len(outside) == 1:
        return after == before
    head, *middle, tail = outside
    if not (after.startswith(head) and after.endswith(tail) and len(head) + len(tail) <= len(after)):
        return False
    position, limit = len(head), len(after) - len(tail)
    for stretch in middle:
        position = after.find(stretch, position, limit)
        if position < 0:
            return False
        position += len(stretch)
    return True


def _idempotent(text: str, checker: Checker, unsafe: bool) -> None:
    once = fix_text(text, "x.txt", checker, unsafe)
    twice = fix_text(once.text, "x.txt", checker, unsafe)
    assert twice.text == once.text, (text, once.text, twice.text)
    if once.rollback is None:
        assert twice.fixed == 0 and twice.rollback is None
    else:
        assert once.text == text and once.fixed == 0


def _safe_fixes_stay_in_their_spans(text: str) -> None:
    _, findings, _ = EVERY_RULE.findings(text, "x.txt")
    safe = [d for d in findings if d.fix and d.fix.applicability == "safe"]
    offsets = _offsets(text)
    for d in safe:
        start, end = offsets(d.span)
        assert all(start <= offsets(edit.span)[0] and offsets(edit.span)[1] <= end for edit in d.fix.edits), d
    after, _ = apply_fixes(text, [d.fix for d in safe])
    assert _changed_only_inside(text, after, [offsets(d.span) for d in safe]), (text, after)


def _renumbering_stays_on_its_run(text: str) -> None:
    document, findings, _ = NUMBERING.findings(text, "x.txt")
    # Numbering that runs on across sections (1…5 under 一、, 6… under 二、) is one run here.
    chain_of = {node.marker.span: (run.part, run.kind, None if run.mode == "continuous" else index)
                for index, run in enumerate(document.runs) for node in run.nodes}
    for d in findings:
        if d.fix:
            chains = {chain_of.get(edit.span) for edit in d.fix.edits}
            assert len(chains) == 1 and None not in chains, (text, d)
            assert chain_of[d.span] in chains


@quick
@given(documents, st.booleans())
def test_fixing_twice_changes_nothing(text, unsafe):
    _idempotent(text, EVERY_RULE, unsafe)
    _idempotent(text, DEFAULT_RULES, unsafe)


@quick
@given(documents)
def test_a_safe_fix_changes_only_what_its_diagnostic_flagged(text):
    _safe_fixes_stay_in_their_spans(text)


@quick
@given(documents)
def test_a_renumbering_changes_only_the_markers_of_its_run(text):
    _renumbering_stays_on_its_run(text)


@pytest.mark.long
@long_run
@given(documents, st.booleans())
def test_long_fixing_twice_changes_nothing(text, unsafe):
    _idempotent(text, EVERY_RULE, unsafe)


@pytest.mark.long
@long_run
@given(documents)
def test_long_a_safe_fix_changes_only_what_its_diagnostic_flagged(text):
    _safe_fixes_stay_in_their_spans(text)


@pytest.mark.long
@long_run
@given(documents)
def test_long_a_renumbering_changes_only_the_markers_of_its_run(text):
    _renumbering_stays_on_its_run(text)


def test_the_span_check_can_fail():
    assert _changed_only_inside("甲乙丙", "甲X丙", [(1, 2)])
    assert _changed_only_inside("甲乙丙", "甲乙X丙", [(1, 2)])  # an insertion at a span's end
    assert not _changed_only_inside("甲乙丙", "X乙丙", [(1, 2)])
    assert not _changed_only_inside("甲乙丙丁", "甲X丙Y", [(1, 2)])
