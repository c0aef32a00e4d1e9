from __future__ import annotations

from pathlib import Path

import pytest

from planlint.outline.metadata import classify_type
from planlint.outline.model import SimpleDate
from planlint.outline.parser import parse

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _meta(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse(path.read_text(encoding="utf-8"), str(path)).metadata


@pytest.mark.parametrize(("title", "main", "parts"), [
    ("南宁市教育局2018年工作要点", "工作要点", ("工作要点",)),
    ("南昌市教育局2020年工作总结及2021年工作要点", "工作要点", ("工作总结", "工作要点")),
    ("港南区教育提升三年行动计划实施方案", "实施方案", ("实施方案",)),
    ("某县教育事业发展“十四五”规划", "规划", ("规划",)),
    ("某校2024年工作计划", "工作计划", ("工作计划",)),
    ("会议纪要", None, ()),
])
def test_document_type_from_title(title, main, parts):
    assert classify_type(title) == (main, parts)


def test_nanning_seed():
    meta = _meta("000")
    assert meta.title.text == "南宁市教育局2018年工作要点"
    assert meta.notice_title.text == "关于印发南宁市教育局2018年工作要点的通知"
    assert (meta.doc_type, meta.year) == ("工作要点", 2018)
    assert meta.document_number.text == "南教办〔2018〕23号"
    assert meta.signing_date.text == "2018319"
    assert meta.signing_date.span.line == 23
    assert meta.signing_date_value == SimpleDate(2018, 3, 19)


def test_gangnan_seed_title_spans_two_lines_and_has_a_period():
    meta = _meta("003")
    assert meta.title.text == "港南区教育提升三年行动计划实施方案(2018—2020年)"
    assert (meta.title.span.line, meta.title.span.end_line) == (45, 47)
    assert meta.period == (2018, 2020)
    assert meta.year == 2018
    assert meta.signing_date_value == SimpleDate(2018, 11, 14)


def test_two_part_seed():
    meta = _meta("004")
    assert meta.doc_types == ("工作总结", "工作要点")
    assert meta.year == 2021
    assert meta.document_number is None


def test_signing_date_at_the_end_of_a_plan():
    meta = parse("某校2024年工作计划\n一、总体要求\n正文。\n某校\n2024年2月1日\n").metadata
    assert meta.signing_date_value == SimpleDate(2024, 2, 1)


def test_a_title_whose_year_was_cut_onto_a_line_of_its_own():
    meta = parse("2016\n年教育局工作要点\n2016\n年教育工作的总体要求是：提高质量。\n一、主要任务\n").metadata
    assert meta.title.text == "2016年教育局工作要点"
    assert meta.year == 2016
