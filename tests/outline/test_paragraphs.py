"""Paragraphs: lines joined where the text runs on, and positions mapped back."""

from __future__ import annotations

from planlint.outline.paragraphs import wrap_width
from planlint.outline.parser import parse

WRAPPED = "\n".join([
    "一、总体要求",
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的",
    "教育方针，落实立德树人根本任务，推进教育治理体系和治理",
    "能力现代化，办好人民满意的教育。",
    "二、主要任务",
    "1.扩大学前教育资源，新建、改扩建公办幼儿园十六所，新增",
    "学位五千个，全市学前三年毛入园率达到百分之九十以上，普",
    "惠性幼儿园覆盖率达到百分之八十以上。",
    "2.推进义务教育优质均衡发展，完成薄弱学校改造项目二十个",
    "以上，消除五十六人以上大班额，提高农村学校办学水平和质",
    "量。",
]) + "\n"


def _lines_of(document):
    return [block.lines for block in document.blocks()]


def test_wrapped_lines_join_until_the_sentence_ends_and_headings_start_anew():
    document = parse(WRAPPED)
    assert _lines_of(document) == [(1,), (2, 3, 4), (5,), (6, 7, 8), (9, 10, 11)]


def test_a_position_in_a_paragraph_maps_back_to_its_line_and_column():
    document = parse(WRAPPED)
    block = document.blocks()[1]
    offset = block.text.index("教育方针")
    assert block.position(offset) == (3, 0)
    assert document.lines[2][0:4] == "教育方针"


def test_lines_of_a_portal_page_stay_paragraphs_of_their_own():
    text = "索引号：000/2020-1\n（一）指导思想\n全面贯彻党的教育方针\n（二）基本原则\n坚持立德树人\n"
    assert _lines_of(parse(text)) == [(2,), (3,), (4,), (5,)]


def test_an_open_pair_joins_a_few_lines_and_a_blank_line_ends_a_paragraph():
    assert _lines_of(parse("落实《关于印发\n某市规划的通知》要求。\n")) == [(1, 2)]
    assert _lines_of(parse("落实《关于印发\n\n某市规划的通知》要求。\n")) == [(1, 3)]
    assert _lines_of(parse("某市规划的通知\n\n要求。\n")) == [(1,), (3,)]


def test_wrap_width_needs_many_lines_of_one_length():
    assert wrap_width(["甲" * 28] * 6 + ["乙" * 5]) == 28
    assert wrap_width(["甲" * n for n in range(12, 40, 3)]) is None
