from __future__ import annotations


def test_unclosed_book_title(findings):
    assert findings("PL501", "落实《关于推进社区教育发展的意见，办好活动周。") == [
        (1, 3, "“《”没有对应的“》”")]


def test_unopened_quote(findings):
    assert findings("PL502", "开展不忘初心、牢记使命”主题教育。") == [
        (1, 12, "“””前面没有对应的““”")]


def test_half_and_full_width_parentheses_pair_up(findings):
    text = "实施方案(2018—2020年）和（试行)"
    assert findings("PL501", text) == findings("PL502", text) == []


def test_crossed_pairs_report_the_inner_unclosed_mark(findings):
    assert findings("PL501", "《关于“加强》管理") == [(1, 4, "““”没有对应的“””")]


def test_pairs_are_checked_per_line(findings):
    assert [line for line, _, _ in findings("PL501", "第一行《甲\n第二行乙》\n")] == [1]


def test_page_chrome_is_ignored(findings):
    assert findings("PL501", "您的位置:首页 > 《教育信息\n正文。\n") == []
