"""A fix as before and after: changed pieces marked, context cut, no-op edits and unknown lines left out."""

from __future__ import annotations

from planlint.api import check_text
from planlint.diagnostics import Edit, Fix
from planlint.outline.model import Span
from planlint.reporters.fixpreview import Hunk, Piece, preview


def _lines(text: str):
    lines = text.split("\n")
    return lambda number: lines[number - 1] if 0 < number <= len(lines) else None


def test_a_fix_of_one_span():
    text = "某局2024年工作要点\n一、会议定于2018319召开。"
    [date] = check_text(text, select=["PL301"]).diagnostics
    shown = preview(date.fix, _lines(text))
    assert shown.hunks == (Hunk(2, 2, (Piece("一、会议定于", False), Piece("2018319", True), Piece("召开。", False)),
                                (Piece("一、会议定于", False), Piece("2018年3月19日", True), Piece("召开。", False))),)
    assert shown.more == 0


def test_context_is_cut_around_the_changes():
    line = "甲" * 40 + "[2018]" + "乙" * 40 + "[2019]" + "丙" * 10
    fix = Fix("safe", (Edit(Span(1, 41, 1, 47), "〔2018〕"), Edit(Span(1, 87, 1, 93), "〔2019〕")))
    [hunk] = preview(fix, _lines(line)).hunks
    assert [piece.text for piece in hunk.before] == ["…" + "甲" * 16, "[2018]", "乙" * 16 + "…" + "乙" * 16, "[2019]",
                                                     "丙" * 10]
    assert [piece.text for piece in hunk.after if piece.changed] == ["〔2018〕", "〔2019〕"]


def test_renumbering_shows_only_the_markers_it_changes_and_at_most_five_lines():
    text = "\n".join(["一、甲", "三、乙", *(f"{n}、丙" for n in "四五六七八九十")])
    [gap] = check_text(text, select=["PL101"]).diagnostics
    shown = preview(gap.fix, _lines(text))
    assert [(hunk.line, hunk.before[0].text, hunk.after[0].text) for hunk in shown.hunks] == \
        [(2, "三、", "二、"), (3, "四、", "三、"), (4, "五、", "四、"), (5, "六、", "五、"), (6, "七、", "六、")]
    assert shown.more == 3


def test_an_edit_that_changes_nothing_or_a_line_not_known_is_left_out():
    unchanged = Fix("safe", (Edit(Span(1, 1, 1, 3), "一、"),))
    assert preview(unchanged, _lines("一、甲")).hunks == ()
    elsewhere = Fix("safe", (Edit(Span(7, 1, 7, 3), "二、"), Edit(Span(1, 1, 1, 2), "乙")))
    assert [hunk.line for hunk in preview(elsewhere, {1: "甲"}.get).hunks] == [1]


def test_an_edit_across_lines_is_one_stretch():
    fix = Fix("unsafe", (Edit(Span(1, 3, 2, 2), "，"),))
    [hunk] = preview(fix, _lines("甲乙\n丙丁")).hunks
    assert (hunk.line, hunk.end_line) == (1, 2)
    assert hunk.before == (Piece("甲乙", False), Piece("\n丙", True), Piece("丁", False))
    assert hunk.after == (Piece("甲乙", False), Piece("，", True), Piece("丁", False))
