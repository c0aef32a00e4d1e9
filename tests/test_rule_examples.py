"""Every rule's YAML examples: each bad one raises the rule, each good one does not."""

from __future__ import annotations

import pytest

from planlint.api import check_text
from planlint.catalog import bundled_catalog

CASES = [(rule.code, verdict, index, example)
         for rule in bundled_catalog().rules
         for verdict in ("bad", "good")
         for index, example in enumerate(rule.examples[verdict])]


@pytest.mark.parametrize(("code", "verdict", "index", "example"), CASES,
                         ids=[f"{code}-{verdict}-{index}" for code, verdict, index, _ in CASES])
def test_example(code, verdict, index, example):
    result = check_text(example, select=[code])
    assert not result.failures
    raised = [d for d in result.diagnostics if d.code == code]
    if verdict == "bad":
        assert raised, f"{code} should fire on bad example {index}:\n{example}"
    else:
        assert not raised, f"{code} fired on good example {index}: {[d.message for d in raised]}"


def test_every_rule_has_both_kinds_of_example():
    for rule in bundled_catalog().rules:
        assert rule.examples["bad"] and rule.examples["good"], rule.code


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_examples_format_every_placeholder(lang):
    for rule in bundled_catalog().rules:
        for example in rule.examples["bad"]:
            for diagnostic in check_text(example, select=[rule.code], lang=lang).diagnostics:
                assert "{" not in diagnostic.message, (rule.code, diagnostic.message)
