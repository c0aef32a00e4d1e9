from __future__ import annotations


def test_minority_form_is_reported_with_the_majority(findings):
    assert findings("PL409", "新建12～15所，改扩建2～3所，招聘5—8名。") == [
        (1, 21, "数值范围的连接号全文应统一：此处用“—”（1 处），全文多用“～”（2 处）")]


def test_one_form_only_is_fine(findings):
    assert findings("PL409", "新建12～15所，改扩建2～3所。") == []


def test_tie_prefers_the_first_listed_form(findings):
    assert [column for _, column, _ in findings("PL409", "招聘5—8名，新建2～3所。")] == [4]
