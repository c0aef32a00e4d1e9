"""A document-sharing site's page marks (1、 2、 at line starts, each page cut mid-sentence) are no items."""

from __future__ import annotations

from planlint.outline.pagemarks import page_marks
from planlint.outline.parser import parse

_PAGES = ("1、某镇2013年工作总结一年来，在镇党委的正确领导下，我们认真贯彻落实各项决策部署，扎实开展各项工作，认真抓好\n"
          "2、落实各项工作任务，确保全年目标顺利完成，各项工作取得了新的进展和成效，群众满意度不断提升，为下一步\n"
          "3、工作打下了坚实基础。\n")


def _raws(text):
    return [node.marker.raw for node in parse(text).headings()]


def test_pages_numbered_at_line_starts_are_no_items():
    assert page_marks(_PAGES.splitlines(), frozenset()) == frozenset({1, 2, 3})
    assert _raws(_PAGES) == []


def test_items_after_a_sentence_stay_items():
    text = "主要任务如下。\n1、加强党的建设。\n2、推进教育改革，提高办学质量和水平，促进教育公平\n3、加强队伍建设。\n"
    assert page_marks(text.splitlines(), frozenset()) == frozenset()  # a title-like item may end without 。
    cut = text.replace("2、推进教育改革，", "2、推进教育改革。")  # an item that says sentences, cut mid-sentence
    assert page_marks(cut.splitlines(), frozenset()) == frozenset({4})
    assert _raws(cut) == ["1、", "2、"]


def test_a_number_glued_after_a_page_mark_does_not_run_on_from_it(findings):
    text = ("一、主要工作\n（一）教育质量整体提升，办学水平稳步提高。1、普及教育巩固提高。2、高中教育成绩显著，各项指标居全省前列，\n"
            "2、会考一次合格率高于市平均水平，普通高考再创历史新高。3、成人教育稳步推进，乡镇成校坚持以市场为导向。\n")
    assert findings("PL101", text) == []


def test_wide_gaps_and_word_numbering_are_left_to_their_own_checks():
    lines = ["某段文字很长很长很长很长很长很长很长很长很长没有结束", "2、继续写"]
    assert page_marks(lines, frozenset({2})) == frozenset()
