from __future__ import annotations

from pathlib import Path

from planlint.api import check_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_signing_date_in_chinese_numerals(findings):
    assert findings("PL606", "某局\n二〇一八年三月十九日\n") == [
        (2, 1, "成文日期应用阿拉伯数字将年、月、日标全：“二〇一八年三月十九日”应为“2018年3月19日”")]


def test_title_punctuation_and_year(findings):
    assert findings("PL607", "某局2018年工作要点。\n一、总体要求\n") == [(1, 12, "标题末尾不用标点“。”")]
    assert findings("PL608", "某局工作要点\n一、总体要求\n") == [(1, 1, "计划类文件标题宜写明年度或期限：“某局工作要点”")]


def test_recipient_colon_on_the_seeds():
    report = check_paths([str(SEEDS)], select=["PL609"])
    assert sorted((Path(d.path).name[:3], d.line) for d in report.diagnostics) == [("000", 11), ("002", 13), ("003", 19)]


def test_copy_to_block_spans_lines(findings):
    assert findings("PL610", "抄送：区委各部门；\n\n区人大办。\n") == []
    assert findings("PL610", "抄送：区委各部门；\n\n区人大办；\n") == [(3, 5, "抄送机关的最后一个名称后标句号")]


def test_document_number_year(findings):
    assert findings("PL612", "南教办〔2017〕23号\n某局\n2018年3月19日\n") == [
        (1, 1, "发文字号年份（2017）与成文日期年份（2018）不一致")]


def test_copy_to_block_ends_at_its_full_stop_or_at_the_issuing_line(findings):
    issued = "南宁市教育局办公室    2018年3月21日印发\n"
    assert findings("PL610", "抄送：区委各部门，区人武部。\n" + issued) == []
    assert findings("PL610", "抄送：区委各部门，区人武部\n" + issued) == [(1, 13, "抄送机关的最后一个名称后标句号")]
    assert findings("PL610", "抄送：区委各部门。\n二提升保障能力\n") == []


def test_the_title_is_never_part_of_the_copy_to_block(findings):
    assert findings("PL610", "抄送：区委各部门\n总结\n") == [(1, 8, "抄送机关的最后一个名称后标句号")]
    assert findings("PL610", "抄送：区委各部门。\n总结\n") == []
    assert findings("PL610", "抄送：\n某局2023年工作要点\n") == []  # no names to close


def test_copy_to_fix_makes_one_full_stop_of_the_marks_at_the_end(catalog):
    from planlint.api import check_text

    [diagnostic] = check_text("抄送：区委各部门。，\n", select=["PL610"], catalog=catalog).diagnostics
    assert [(e.span.column, e.span.end_column, e.content) for e in diagnostic.fix.edits] == [(9, 11, "。")]


def test_title_end_punctuation_goes_at_once(findings):
    assert findings("PL607", "某局2018年工作要点。：\n一、总体要求\n") == [(1, 12, "标题末尾不用标点“。：”")]
