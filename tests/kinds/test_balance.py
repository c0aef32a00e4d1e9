from __future__ import annotations

from planlint.api import check_text
from planlint.fixes import fix_text


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


def test_a_pair_closes_within_its_paragraph_across_a_line_break(findings):
    assert findings("PL501", "第一行《甲\n第二行乙》\n") == findings("PL502", "第一行《甲\n第二行乙》\n") == []
    assert findings("PL501", "按照“十四五”\n“双减”要求。\n") == []


def test_a_finished_sentence_ends_the_paragraph(findings):
    text = "落实《关于推进社区教育发展的意见。\n办好活动周》。\n"
    assert [line for line, _, _ in findings("PL501", text)] == [1]
    assert [line for line, _, _ in findings("PL502", text)] == [2]


def test_an_open_pair_pulls_in_only_a_few_lines(findings):
    text = "落实《关于\n推进\n社区\n教育\n发展\n的意见》\n"
    assert [line for line, _, _ in findings("PL501", text)] == [1]


def test_mixed_forms_are_one_finding_from_opening_to_closing_mark(catalog):
    result = check_text("市委政法委(保卫部）负责，落实“十四五\"规划。", select=["PL510"], catalog=catalog)
    spans = [(d.span.line, d.span.column, d.span.end_column) for d in result.diagnostics]
    assert spans == [(1, 6, 11), (1, 16, 21)]
    fixed = fix_text("市委政法委(保卫部）负责，落实“十四五\"规划。", "<text>", result_rules(catalog, "PL510"))
    assert fixed.text == "市委政法委（保卫部）负责，落实“十四五”规划。"


def test_an_ascii_quote_closing_a_chinese_one_is_no_unclosed_mark(findings):
    assert findings("PL501", "落实“十四五\"规划。") == []


def test_quotes_typed_wholly_in_ascii_are_counted_once(findings):
    assert findings("PL511", '做到"两个维护"，增强"四个意识"，坚定"四个自信"。') == [
        (1, 3, '中文引号应使用全角“”，而非半角""（全文共 3 处，此处为第一处）')]
    assert findings("PL511", '字段 "name" 与 "id"') == []
    assert findings("PL501", '做到"两个维护"，"四个意识') == []  # an unpaired ASCII quote is no 《 or “


def result_rules(catalog, code):
    return [rule for rule in catalog.rules if rule.code == code]


def test_page_chrome_is_ignored(findings):
    assert findings("PL501", "您的位置:首页 > 《教育信息\n正文。\n") == []


def test_a_quotation_mark_typed_the_wrong_way_round_is_one_mixed_pair(findings):
    assert [(line, column) for line, column, _ in findings("PL510", "设立“太行书院“传统文化教育基地。")] == [(1, 3)]
    assert [(line, column) for line, column, _ in findings("PL510", "获得”示范学校”称号。")] == [(1, 3)]
    assert findings("PL501", "设立“太行书院“传统文化教育基地。") == findings("PL502", "获得”示范学校”称号。") == []


def test_quotations_nested_with_the_same_marks_are_no_wrong_way_round(findings):
    text = "以“构建教育体系，建设“人人皆学”的学习型社会”为目标。"
    assert findings("PL510", text) == findings("PL501", text) == findings("PL502", text) == []


def test_marks_far_apart_are_not_paired_the_wrong_way_round(findings):
    text = "紧扣十四五”教育发展规划目标任务。投资2亿元推进”温暖校园工程。"
    assert findings("PL510", text) == []
    assert len(findings("PL502", text)) == 2


def test_a_list_number_closed_by_a_bracket_is_no_unopened_mark(findings):
    assert findings("PL502", "1)高三年级：力争上线。\na)水旱灾害防御。\n") == []


def test_a_quotation_mark_after_a_chinese_number_is_no_list_number(findings):
    assert [line for line, _, _ in findings("PL502", "十三五”时期是不平凡的五年。\n")] == [1]


def test_a_paragraph_cut_short_inside_a_pair_is_no_unclosed_mark(findings):
    assert findings("PL501", "关于印发建设工程实施方案的通知 各区(市)县政府(管委会…") == []
    assert findings("PL501", "开发《〔...〕烽火》等校本课程12门。三是创建体卫艺新品牌。〔...") == []
    assert findings("PL501", "各区县政府(管委会负责同志。要加强领导…") == [(1, 6, "“(”没有对应的“)”")]
