"""Each marker form is a heading; the traps are not."""

from __future__ import annotations

import pytest

from planlint.outline.parser import parse


def _marker(line: str):
    document = parse(line + "\n")
    headings = list(document.headings())
    return (headings[0].marker.kind, headings[0].marker.value, headings[0].marker.delimiter) if headings else None


@pytest.mark.parametrize(("line", "expected"), [
    ("一、总体要求", ("ordinal", 1, "、")),
    ("九十九、其他", ("ordinal", 99, "、")),
    ("十一．其他", ("ordinal", 11, "．")),
    ("二十.其他", ("ordinal", 20, ".")),
    ("（一）指导思想", ("paren-ordinal", 1, "（）")),
    ("(二)基本原则", ("paren-ordinal", 2, "()")),
    ("（三）、总体目标", ("paren-ordinal", 3, "（）、")),
    ("( 四 )保障", ("paren-ordinal", 4, "()")),
    ("1.深入学习", ("number", 1, ".")),
    ("1．深入学习", ("number", 1, "．")),
    ("12、加快发展", ("number", 12, "、")),
    ("11. 推进", ("number", 11, ".")),
    ("（1）新建幼儿园", ("paren-number", 1, "（）")),
    ("(2)改扩建", ("paren-number", 2, "()")),
    ("①第一项", ("circled", 1, "")),
    ("⑳第二十项", ("circled", 20, "")),
    ("第一部分 2020年工作总结", ("part", 1, "")),
    ("第二章 总则", ("chapter", 2, "")),
    ("第三节 目标", ("section", 3, "")),
    ("　　一、总体要求", ("ordinal", 1, "、")),
    ("\xa0\xa0 2.加强基层党建", ("number", 2, ".")),
])
def test_marker_forms(line, expected):
    assert _marker(line) == expected


@pytest.mark.parametrize("line", [
    "1.5亿元用于建设",
    "2018.3.19印发",
    "2018.3",
    "12.4国家宪法日",
    "2018年3月19日",
    "2018319",
    "一、二年级学生",
    "三、四月份开展",
    "1、2、3年级",
    "(2018—2020年)",
    "(2018)",
    "（2017-2020年）",
    "第一节课",
    "投入2.3亿元",
    "5G与大数据",
    "十九大精神",
    "一是加强领导",
    "零、无效",
    "0.5个百分点",
    "通过“2.”号通道",
])
def test_false_heading_traps(line):
    assert _marker(line) is None


def test_a_marker_inside_a_sentence_is_not_a_heading():
    assert list(parse("做好“12.4” 国家宪法日宣传，2.加强宣传。\n").headings()) == []


def test_part_title_line():
    document = parse("2020年工作总结\n一、甲\n2021年工作要点\n一、乙\n")
    assert document.part_count == 2
    assert [part.title for part in document.root.children] == ["2020年工作总结", "2021年工作要点"]


def test_a_part_title_in_full_width_digits_is_a_part_title():
    # Otherwise fixing its digits (PL407) turned a paragraph into a new part under --fix.
    document = parse("２０２０年工作总结\n一、甲\n２０２１年工作要点\n一、乙\n")
    assert [part.title for part in document.root.children] == ["２０２０年工作总结", "２０２１年工作要点"]


@pytest.mark.parametrize("line", ["1.2021年底前完成建设。", "3.2019年全市新增学位5000个。"])
def test_an_item_may_open_with_a_year(line):
    assert _marker(line) == ("number", int(line[0]), ".")


def test_an_ordinal_before_a_count_is_a_heading_but_an_enumeration_of_counts_is_not():
    from planlint.outline.parser import parse

    for heading in ("一、五年政府工作回顾", "一、三项重点任务", "一、一年来的工作", "一、四个坚持"):
        assert [node.marker.raw for node in parse(heading + "\n正文。\n二、下一步\n").headings()] == ["一、", "二、"]
    for count in ("一、二年级学生", "三、四月份完成", "一、二、三类学校"):
        assert list(parse(count + "\n").headings()) == []
