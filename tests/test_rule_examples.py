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
    assert not result.problems, result.problems
    if result.verdict == "fixed":
        assert result.passed
    elif result.verdict == "bad":
        assert result.messages, f"{result.rule.code} should fire on:\n{result.example}"
    else:
        assert not result.messages, f"{result.rule.code} fired on a good example: {result.messages}"


def test_the_catalog_is_complete():
    rules = CATALOG.rules
    assert len(rules) >= 40
    assert {rule.category for rule in rules} == {"numbering", "structure", "date", "number", "punctuation",
                                                 "header", "content", "expression", "layout"}
    for rule in rules:
        assert rule.examples["bad"] and rule.examples["good"], rule.code
        assert bool(rule.fix) == bool(rule.examples.get("fixed")), rule.code
        assert "GB/T" in rule.rationale or "条例" in rule.rationale or "standards.md" in rule.rationale, rule.code


def test_every_kind_is_used_and_has_a_test_module():
    from pathlib import Path

    from planlint.kinds import BUNDLED

    used = {rule.kind for rule in CATALOG.rules}
    assert used == set(BUNDLED)
    tests = Path(__file__).parent / "kinds"
    assert {kind for kind in BUNDLED if (tests / f"test_{kind}.py").exists()} == set(BUNDLED)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_examples_format_every_placeholder(lang):
    for result in run_examples(CATALOG.rules, CATALOG, lang):
        for message in result.messages:
            assert "{" not in message, (result.rule.code, message)


def _office(tmp_path, examples: str):
    from planlint.catalog import load_catalog

    (tmp_path / "house.yaml").write_text(f"""
rules:
  - code: JY001
    name: house-double-reduction
    category: expression
    severity: warning
    kind: substitution
    params:
      swap: {{减负工作: "“双减”工作"}}
    fix: safe
    message: {{zh: "应为“{{suggestion}}”", en: "write “{{suggestion}}”"}}
    rationale: "本局公文规范（2024）第3条。"
    examples:
      bad: ["做好减负工作。"]
      good: ["做好“双减”工作。"]
{examples}""", encoding="utf-8")
    catalog = load_catalog([tmp_path])
    return [result for result in run_examples([catalog.get("JY001")], catalog, "en") if result.verdict == "fixed"]


def test_a_rule_with_a_fix_needs_a_fixed_example(tmp_path):
    [result] = _office(tmp_path, "")
    assert not result.passed and result.problems == ("the rule has a fix but no fixed example (examples.fixed)",)


def test_a_fixed_example_must_come_out_exactly(tmp_path):
    right, wrong = _office(tmp_path, """      fixed:
        - {bad: "做好减负工作。", fixed: "做好“双减”工作。"}
        - {bad: "做好减负工作。", fixed: "做好双减工作。"}
""")
    assert right.passed
    assert not wrong.passed and wrong.problems == ("the fix gives “做好“双减”工作。”, not “做好双减工作。”",)


def test_test_rules_reports_a_fixed_example(tmp_path):
    from click.testing import CliRunner

    from planlint.cli import main

    _office(tmp_path, """      fixed:
        - {bad: "做好减负工作。", fixed: "做好双减工作。"}
""")
    result = CliRunner().invoke(main, ["test-rules", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    assert "✗ JY001 fixed[0] 做好减负工作。" in result.stdout and "the fix gives" in result.stdout
