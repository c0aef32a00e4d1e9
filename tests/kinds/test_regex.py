"""The shared regex helper of the text kinds: hits, line ends, and counting."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.catalog import bundled_catalog
from planlint.kinds import load_kind
from planlint.kinds._regex import compile_pattern, count, find
from planlint.outline.parser import parse

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def test_hits_have_line_and_columns_and_never_cross_a_line_end():
    document = parse("甲乙\n甲乙丙乙\n")
    pattern = compile_pattern("乙(?:\\n甲)?")
    hits = list(find(pattern, document, {}))
    assert [(hit.line, hit.start, hit.end) for hit in hits] == [(2, 1, 2), (2, 3, 4)]
    assert count(pattern, document, {}) == 2


def test_empty_matches_are_not_hits():
    document = parse("甲\n")
    assert list(find(compile_pattern("乙*"), document, {})) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_count_agrees_with_check_for_every_rule_whose_kind_counts(seed):
    document = parse(seed.read_text(encoding="utf-8"), seed.name)
    counted = 0
    for rule in bundled_catalog().rules:
        kind = load_kind(rule.kind)
        if hasattr(kind, "count"):
            assert kind.count(document, rule.prepared) == len(list(kind.check(document, rule.prepared))), rule.code
            counted += 1
    assert counted > 20
