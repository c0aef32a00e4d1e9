"""Headings glued onto one line: split where the numbering shows they are headings."""

from __future__ import annotations

from planlint.outline.glued import split_points
from planlint.outline.parser import parse

_PLAN = ("一、总体要求（一）指导思想。以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"
         "（二）基本原则。坚持立德树人，坚持改革创新。二、主要任务 1.扩大学前教育资源，新建幼儿园16所。"
         "2.推进义务教育优质均衡发展。4.加强教师队伍建设。三、保障措施 加强组织领导，落实经费保障。")


def _headings(text):
    return [(node.span.line, node.span.column, node.marker.raw) for node in parse(text).headings()]


def test_a_page_that_lost_its_line_breaks_is_read_heading_by_heading():
    text = _PLAN * 4 + "\n"  # one line of 500 characters and more
    raws = [raw for _, _, raw in _headings(text)][:9]
    assert raws == ["一、", "（一）", "（二）", "二、", "1.", "2.", "4.", "三、", "一、"]
    assert all(line == 1 for line, _, _ in _headings(text))


def test_a_gap_in_a_glued_list_is_still_found(findings):
    messages = [message for _, _, message in findings("PL101", _PLAN * 4 + "\n")]
    assert "编号不连续：此处应为“3.”，实为“4.”（缺少 3.）" in messages


def test_a_heading_glued_after_the_title_and_a_list_that_goes_on_below():
    text = "某县教育局2024年工作计划 一、总体思路 百年大计，教育为本。\n二、目标任务\n三、保障措施\n"
    assert _headings(text) == [(1, 16, "一、"), (2, 1, "二、"), (3, 1, "三、")]
    assert _headings("附件：1.分省承接任务数量汇总表\n     2.分任务承接省份一览表\n") == [(1, 4, "1."), (2, 6, "2.")]


def test_lists_in_running_text_stay_text():
    text = "一、主要任务\n（1）加强管理，主要包括：1.加强领导；2.完善制度；3.强化考核。\n（2）落实经费。\n"
    assert [raw for _, _, raw in _headings(text)] == ["一、", "（1）", "（2）"]
    assert split_points(["比例为：高中8:1、初中10:1。", "2.推进改革"], frozenset()).points == {}


def test_a_table_of_contents_on_one_line_is_no_headings():
    line = "第一章　总体要求　第一节　指导思想　第二节　基本原则　第二章　主要任务　第一节　学前教育　第三章　保障"
    assert split_points([line], frozenset()) == ({}, frozenset({1}))
    assert _headings(line + "\n第一章　总体要求\n") == [(2, 1, "第一章")]


def test_a_number_the_list_skips_is_found_run_into_the_text_before():
    text = ("32.深化专业学位改革。\n\n33.强化导师主体责任，34.面向国际学术前沿，提升培养质量。\n\n"
            "35.强化与领军企业合作。\n")
    assert [raw for _, _, raw in _headings(text)] == ["32.", "33.", "34.", "35."]
    assert (3, 13, "34.") in _headings(text)


def test_a_skip_with_no_such_number_nearby_stays_a_gap(findings):
    text = "32.深化专业学位改革，增长3.5%。\n33.强化导师主体责任。\n35.强化与领军企业合作。\n"
    assert [raw for _, _, raw in _headings(text)] == ["32.", "33.", "35."]
    assert findings("PL101", text)


def test_a_first_heading_glued_to_the_title():
    text = "2021年幼儿园工作计划范文1一、指导思想\n以纲要为核心。\n二、工作目标\n"
    assert _headings(text) == [(1, 16, "一、"), (3, 1, "二、")]
    assert [raw for _, _, raw in _headings("多报合一、信息共享\n坚持。\n二、目标\n")] == ["二、"]


def test_a_first_item_after_a_gap_that_leads_into_the_list_below():
    text = "三、主要工作措施 1.2024年工作要点：\n（1）加强党对教育工作的领导。\n（2）落实经费。\n"
    assert [raw for _, _, raw in _headings(text)] == ["三、", "1.", "（1）", "（2）"]


def test_a_list_too_low_for_the_outline_enumerates_in_a_long_paragraph():
    para = "今年要继续办好十件民生实事。" + "".join(f"（{n}）做好第{n}件实事，围绕重点领域和重点群体开展职业技能培训30万人次，"
                                                 "推动高职院校订单班毕业生就业。" for n in range(1, 11))
    text = "（八）办好民生实事\n" + para + "\n"
    assert len(para) >= 500
    assert [raw for _, _, raw in _headings(text)] == ["（八）"]


def test_a_first_heading_glued_to_a_title_whose_list_follows_far_below():
    text = "街道创建工作方案范文参考一、背景分析\n1.1政策背景\n内容。\n1.2现实背景\n内容。\n二、问题定义\n"
    assert [raw for _, _, raw in _headings(text)][:1] == ["一、"]
    assert (1, 13, "一、") in _headings(text)
