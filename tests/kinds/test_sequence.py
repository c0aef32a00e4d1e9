from __future__ import annotations


def test_gap_is_reported_once_with_what_is_missing(findings):
    assert findings("PL101", """
        一、总体要求
        二、主要任务
        五、保障措施
        六、工作要求
    """) == [(3, 1, "编号不连续：此处应为“三、”，实为“五、”（缺少 三、 四、）")]


def test_one_typo_is_one_finding(findings):
    text = """
        1.甲。
        2.乙。
        3.丙。
        4.丁。
        5.戊。
        5.己。
        7.庚。
    """
    assert findings("PL102", text) == [(6, 1, "编号重复：“5.”已用过，此处应为“6.”")]
    assert findings("PL101", text) == []
    assert findings("PL103", text) == []


def test_continuous_numbering_across_sections_is_not_a_gap(findings):
    text = """
        一、甲
        1.子。
        2.丑。
        二、乙
        3.寅。
        4.卯。
        三、丙
        5.辰。
    """
    assert findings("PL101", text) == []
    assert findings("PL103", text) == []


def test_restart_in_a_continuous_document_is_out_of_order(findings):
    text = """
        一、甲
        1.子。
        2.丑。
        二、乙
        3.寅。
        4.卯。
        三、丙
        1.辰。
        6.巳。
    """
    assert findings("PL103", text) == [(8, 1, "编号顺序错误：此处应为“5.”，实为“1.”")]


def test_first_item_must_be_one(findings):
    assert findings("PL101", "（二）甲\n（三）乙\n") == [
        (1, 1, "编号不连续：此处应为“（一）”，实为“（二）”（缺少 （一））")]


def test_every_level_is_checked(findings):
    text = """
        一、甲
        （一）子
        1.丑。
        （1）寅。
        （3）卯。
        ①辰
        ③巳
    """
    assert [(line, column) for line, column, _ in findings("PL101", text)] == [(5, 1), (7, 1)]


def test_delimiter_minority_is_reported_with_the_majority_form(findings):
    assert findings("PL104", "11.甲。\n12、乙。\n13.丙。\n") == [
        (2, 1, "编号“12、”与同级其他编号的写法不一致，应为“12.”")]


def test_delimiter_uses_the_document_majority_when_a_run_is_split(findings):
    text = """
        一、甲
        1.子。
        2.丑。
        3.寅。
        二、乙
        1、卯。
        2.辰。
    """
    assert [line for line, _, _ in findings("PL104", text)] == [6]


def test_bracket_width_is_left_to_its_own_rule(findings):
    # Counting (二) as another form made PL104 "fix" （一） into (一) where half-width
    # brackets were the majority, while PL109 fixed them back: each --fix flipped them.
    assert findings("PL104", "（一）甲\n(二)乙\n（三）丙\n") == []
    assert [line for line, _, _ in findings("PL109", "（一）甲\n(二)乙\n（三）丙\n")] == [2]
    assert findings("PL104", "(一)甲\n（二）乙\n(三)丙\n") == []
    assert [line for line, _, _ in findings("PL104", "（一）甲\n（二）、乙\n（三）丙\n")] == [2]


def test_delimiter_fix_is_safe_and_replaces_the_marker(catalog):
    from planlint.api import check_text

    [diagnostic] = check_text("11.甲。\n12、乙。\n13.丙。\n", select=["PL104"], catalog=catalog).diagnostics
    assert diagnostic.fix.to_dict() == {"applicability": "safe", "edits": [
        {"line": 2, "column": 1, "end_line": 2, "end_column": 4, "content": "12."}]}


def test_a_new_part_restarts_numbering(findings):
    text = """
        南昌市教育局2020年工作总结及2021年工作要点
        一、甲
        二、乙
        2021年是“十四五”开局之年。
        一、丙
        二、丁
    """
    assert findings("PL101", text) == []
    assert findings("PL103", text) == []


def test_an_explicit_part_title_restarts_numbering(findings):
    text = """
        2020年工作总结
        一、甲
        二、乙
        2021年工作要点
        一、丙
        二、丁
    """
    assert findings("PL101", text) == findings("PL102", text) == findings("PL103", text) == []


def test_english_message(findings):
    assert findings("PL101", "一、甲\n三、乙\n", lang="en") == [
        (2, 1, "Numbering skips: expected “二、”, found “三、” (missing 二、)")]


def _edits(catalog, code: str, text: str):
    from planlint.api import check_text

    fixes = [d.fix for d in check_text(text, select=[code], catalog=catalog).diagnostics if d.fix]
    return [[(edit.span.line, edit.content) for edit in fix.edits] for fix in fixes]


def test_a_renumbering_rewrites_the_rest_of_the_run_so_two_of_them_overlap(catalog):
    text = "一、甲\n二、乙\n四、丙\n五、丁\n五、戊\n"
    # The gap's renumbering keeps 五、 on line 5 as it is; the duplicate's changes it:
    # they overlap there, so --fix applies one and looks again instead of both (一…四、六、).
    assert _edits(catalog, "PL101", text) == [[(3, "三、"), (4, "四、"), (5, "五、")]]
    assert _edits(catalog, "PL102", text) == [[(5, "六、")]]


def test_a_renumbering_runs_on_into_the_sections_that_continue_the_numbering(catalog):
    text = "一、甲\n1.子。\n2.丑。\n2.寅。\n二、乙\n4.卯。\n5.辰。\n"
    assert _edits(catalog, "PL102", text) == [[(4, "3."), (6, "4."), (7, "5.")]]
    restarting = "一、甲\n1.子。\n1.丑。\n二、乙\n1.卯。\n2.辰。\n"
    assert _edits(catalog, "PL102", restarting) == [[(3, "2.")]]

