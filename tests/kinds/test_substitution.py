from __future__ import annotations

from planlint.api import check_text
from planlint.catalog import bundled_catalog


def test_longest_key_wins(findings):
    assert findings("PL805", "截止目前，其它工作") == [
        (1, 1, "用词：“截止目前”应为“截至目前”"), (1, 6, "用词：“其它”应为“其他”")]


def test_context_lookarounds_keep_urls_and_ratios(findings):
    assert findings("PL503", "比例3:2，网址 a.cn,b") == []
    assert [col for _, col, _ in findings("PL503", "甲,乙")] == [2]


def test_per_character_swaps_a_run_at_once(findings):
    [(line, column, message)] = findings("PL407", "２０１８年")
    assert (line, column) == (1, 1) and "“２０１８”应为“2018”" in message


def test_fix_is_the_suggestion():
    [d] = check_text("其它工作", select=["PL805"]).diagnostics
    assert d.fix.edits[0].content == "其他"


def test_aggregated_diagnostic_counts_and_fix_repairs_all():
    from planlint.fixes import fix_text

    text = "甲,乙,丙,丁,戊\n"
    [d] = check_text(text, select=["PL503"]).diagnostics
    assert d.message.endswith("（全文共 4 处，此处为第一处）") and d.fix is None
    outcome = fix_text(text, "x.txt", bundled_catalog().select(["PL503"]))
    assert outcome.text == "甲，乙，丙，丁，戊\n" and outcome.fixed == 4
