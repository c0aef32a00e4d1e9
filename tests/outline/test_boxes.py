"""Boxes beside a plan's text (专栏): their lists are no headings of the text."""

from __future__ import annotations

from planlint.outline.boxes import box_lines
from planlint.outline.parser import parse


def _headings(text):
    return [node.marker.raw for node in parse(text).headings()]


def test_a_box_beside_the_text_keeps_its_lists_to_itself():
    text = "第二节　治理重点\n专栏2　重点工程（一）长江流域。治理单元108个。（二）黄河流域。治理单元50个。\n"
    assert _headings(text) == ["第二节"]


def test_a_box_ends_where_the_text_resumes_with_a_heading_of_its_own():
    lines = ["专栏1　重点工程", "1.新建学校", "2.改扩建校舍", "（二）推进均衡发展", "1.加强管理"]
    assert box_lines(lines) == frozenset({1, 2, 3})
