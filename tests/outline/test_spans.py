"""Typed spans: what each kind takes as a whole, and where it is."""

from __future__ import annotations

import pytest

from planlint.outline.parser import parse

TEXT = ("建设500千伏变电站和3千米管网，电话0371-6588XXXX，签发人：XXX，省长XXX同志出席。"
        "落实《关于X的意见》（桂政发〔2018〕37号），见www.gov.cn/a与附件1.docx。"
        "2018—2020年，6月底前完成“双减”任务。")


def _texts(document, kind):
    return [document.lines[line - 1][start:end] for line, start, end in document.spans(kind)]


@pytest.mark.parametrize("kind, expected", [
    ("quantity", ["500千伏", "3千米"]),
    ("redaction", ["0371-6588XXXX", "XXX", "XXX"]),
    ("title", ["《关于X的意见》"]),
    ("quote", ["“双减”"]),
    ("reference", ["桂政发〔2018〕37号"]),
    ("url", ["www.gov.cn/a", "与附件1.docx"]),
    ("date", ["2018—2020年", "6月底前"]),
])
def test_each_kind_finds_its_spans(kind, expected):
    assert _texts(parse(TEXT), kind) == expected


def test_template_blanks_are_no_redactions():
    document = parse("20XX年工作要点\n投入XX万元，新建××学校。\n")
    assert _texts(document, "redaction") == []


def test_a_span_broken_over_two_lines_is_a_piece_on_each():
    document = parse("按照《关于印发某市教育\n发展规划的通知》要求。\n")
    assert list(document.spans("title")) == [(1, 2, 11), (2, 0, 8)]


def test_overlaps_and_covers():
    spans = parse("建设500千伏变电站。\n").spans("quantity")
    assert spans.overlaps(1, 2, 6) and spans.overlaps(1, 6, 7) and not spans.overlaps(1, 7, 9)
    assert spans.covers(1, 3, 5) and not spans.covers(1, 1, 5)
    assert not spans.overlaps(2, 0, 10)
