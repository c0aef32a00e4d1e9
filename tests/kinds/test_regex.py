"""The shared regex helper of the text kinds: hits, line ends, and counting."""

from __future__ import annotations

from pathlib import Path

import pytest

from planlint.catalog import bundled_catalog
from planlint.kinds import load_kind, time_limit
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
        if kind.count is not None:
            found = list(kind.check(document, rule.params, rule.state))
            assert kind.count(document, rule.params, rule.state) == len(found), rule.code
            counted += 1
    assert counted > 20


def test_an_office_pattern_that_runs_too_long_fails_alone(tmp_path):
    """Only the bundled rules, reviewed and tested, run without the time limit."""
    import yaml

    from planlint.api import check_text
    from planlint.catalog import load_catalog

    rule = {"code": "XX001", "name": "slow-rule", "category": "expression", "severity": "info",
            "kind": "pattern", "params": {"pattern": "(甲|甲甲)+乙"}, "message": {"zh": "慢", "en": "slow"},
            "rationale": "测试。", "examples": {"bad": ["甲乙"], "good": ["甲"]}}
    (tmp_path / "slow.yaml").write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.get("XX001").time_limited and not catalog.get("PL503").time_limited
    result = check_text("甲" * 40 + "丙\n其它", select=["XX001", "PL805"], catalog=catalog)
    [failure] = result.failures
    assert (failure.code, failure.reason, failure.detail) == ("XX001", "timeout", "1")



def test_a_configured_pattern_keeps_the_time_limit():
    from planlint.config import Config

    catalog = bundled_catalog()
    [rule] = catalog.configure(Config(params={"PL805": {"swap": {"其它": "其他"}}}), ("PL805",), ())
    assert rule.time_limited and not catalog.get("PL805").time_limited


def _literal_rules():
    return [rule for rule in bundled_catalog().rules if isinstance(rule.state, dict) and rule.state.get("starts")]


def _spans(matches):
    return [(match.span(), match[0]) for match in matches]


@pytest.mark.parametrize("dense", [256, 1], ids=["as-shipped", "never-dense"])
def test_scanning_at_literal_starts_finds_what_finditer_finds(dense, monkeypatch):
    """Every rule scanned at its literal starts (substitution keys, or the starts
    found in a pattern), on the seeds and on text made of its starts, the
    characters its pattern names and its examples: the same matches, in order.
    ``never-dense`` tries the starts even where they crowd the text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from planlint.kinds import _regex

    monkeypatch.setattr(_regex, "_DENSE", dense)
    rules = _literal_rules()
    assert {rule.kind for rule in rules} == {"pattern", "substitution"} and len(rules) >= 6
    seeds = "\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    pieces = sorted({key for rule in rules for key in rule.state["starts"]}
                    | {char for rule in rules for char in rule.state["compiled"].pattern}
                    | set("甲乙“”《》（）,，;：:？?!。\n 0２\u3000")
                    | {example for rule in rules for example in (*rule.examples["bad"], *rule.examples["good"])})

    def same(text):
        for rule in rules:
            compiled = rule.state["compiled"]
            with time_limit(None):  # as the bundled rules run
                scanned = _spans(_regex._scan(compiled, text, None, rule.state["starts"]))
            assert scanned == _spans(compiled.finditer(text)), rule.code

    same(seeds)
    given(st.lists(st.sampled_from(pieces), max_size=40).map("".join))(settings(max_examples=300, deadline=None)(same))()


def test_an_office_word_list_with_a_runaway_context_fails_alone(tmp_path):
    """Scanning at the literal starts keeps the time limit of a rule from a rules directory."""
    import yaml

    from planlint.api import check_text
    from planlint.catalog import load_catalog

    rule = {"code": "XX002", "name": "slow-words", "category": "expression", "severity": "info",
            "kind": "substitution", "params": {"swap": {"其它": "其他"}, "after": "(甲|甲甲)+乙"},
            "message": {"zh": "慢", "en": "slow"}, "rationale": "测试。",
            "examples": {"bad": ["其它甲乙"], "good": ["其它"]}}
    (tmp_path / "slow.yaml").write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    result = check_text("其它" + "甲" * 40 + "丙\n其它", select=["XX002", "PL805"], catalog=catalog)
    [failure] = result.failures
    assert (failure.code, failure.reason, failure.detail) == ("XX002", "timeout", "1")
    assert [(d.code, d.line) for d in result.diagnostics] == [("PL805", 1), ("PL805", 2)]


def test_a_big_document_keeps_one_joined_scope_and_finds_the_same(monkeypatch):
    """Past _KEEP_ALL_UP_TO characters a scope's joined text is dropped when
    another is built (each is a copy of most of the text), and rebuilt when needed."""
    from planlint.engine import Checker
    from planlint.kinds import _regex

    rules = bundled_catalog().select(["ALL"])
    text = "\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    kept_all, expected, _ = Checker(rules).check(text, "all.txt")
    monkeypatch.setattr(_regex, "_KEEP_ALL_UP_TO", 0)
    kept_one, found, _ = Checker(rules).check(text, "all.txt")
    assert found == expected
    joined = [[key for key in document.derived if key[:1] == ("joined",)] for document in (kept_all, kept_one)]
    assert len(joined[0]) > 3 and len(joined[1]) == 1
