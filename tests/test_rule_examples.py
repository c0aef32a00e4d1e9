"""Every rule's YAML examples: each bad one raises the rule, each good one does not."""

from __future__ import annotations

import pytest

from planlint.catalog import bundled_catalog
from planlint.selftest import run_examples

CATALOG = bundled_catalog()
RESULTS = list(run_examples(CATALOG.rules, CATALOG))


@pytest.mark.parametrize("result", RESULTS, ids=[f"{r.rule.code}-{r.verdict}-{r.index}" for r in RESULTS])
def test_example(result):
    assert not result.failures, result.failures
    if result.verdict == "bad":
        assert result.messages, f"{result.rule.code} should fire on:\n{result.example}"
    else:
        assert not result.messages, f"{result.rule.code} fired on a good example: {result.messages}"


def test_the_catalog_is_complete():
    rules = CATALOG.rules
    assert len(rules) >= 40
    assert {rule.category for rule in rules} == {"numbering", "structure", "date", "number", "punctuation",
                                                 "header", "content", "expression"}
    for rule in rules:
        assert rule.examples["bad"] and rule.examples["good"], rule.code
        assert "GB/T" in rule.rationale or "条例" in rule.rationale or "standards.md" in rule.rationale, rule.code


def test_every_kind_is_used_and_has_a_test_module():
    from pathlib import Path

    from planlint.kinds import KINDS

    used = {rule.kind for rule in CATALOG.rules}
    assert used == set(KINDS)
    tests = Path(__file__).parent / "kinds"
    assert {kind for kind in KINDS if (tests / f"test_{kind}.py").exists()} == set(KINDS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_examples_format_every_placeholder(lang):
    for result in run_examples(CATALOG.rules, CATALOG, lang):
        for message in result.messages:
            assert "{" not in message, (result.rule.code, message)
