"""Tables of contents (page-numbered entries, headings under 目录 or 提纲) are no outline."""

from __future__ import annotations

from planlint.outline.parser import parse


def test_a_table_of_contents_with_page_numbers_is_no_outline():
    text = ("目  录\n1.高新区2022年工作总结 3\n2.教育局2022年工作总结 13\n10企业2022年安全生产工作总结 71\n"
            "11.生态环境局2022年工作总结 74\n\n一、总体情况\n")
    assert [node.marker.raw for node in parse(text).headings()] == ["一、"]
    listed = "一、主要任务\n1.新建幼儿园 3\n2.改扩建学校 2\n3.新增学位 5\n"  # page numbers never go back
    assert [node.marker.raw for node in parse(listed).headings()] == ["一、", "1.", "2.", "3."]


def test_headings_listed_under_a_sites_outline_are_no_headings():
    text = "提纲:\n一、巩固提升农业产业发展\n二、做好良种繁育工作\n某局2024年工作计划\n一、巩固提升农业产业发展。大力发展加工业。\n"
    assert [node.span.line for node in parse(text).headings()] == [5]
