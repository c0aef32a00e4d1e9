"""Paragraphs rebuilt from a PDF's lines, on pages laid out here by hand: GB/T 9704's
text block (28 characters of 16 pt a line, from 80 pt to 528 pt), 28 pt apart."""

from __future__ import annotations

import pytest

from planlint.loading.pdflayout import Origin, Page, TextLine, place, rebuild

EM, LEFT, PITCH, TOP = 16.0, 80.0, 28.0, 105.0
WIDTH = 28


def line(text: str, row: int, indent: float = 0, *, size: float = EM, left: float | None = None) -> TextLine:
    """``text`` on the ``row``-th line of the text block, ``indent`` characters in."""
    start = LEFT + indent * EM if left is None else left
    top = TOP + row * PITCH
    return TextLine(text, start, top, start + len(text) * size, top + size * 1.2)


def paragraph(text: str, row: int, indent: int = 2) -> list[TextLine]:
    """``text`` wrapped at the width, its first line indented, from ``row`` on."""
    lines, offset = [], indent
    while text:
        take = WIDTH - offset
        lines.append(line(text[:take], row + len(lines), offset))
        text, offset = text[take:], 0
    return lines


def page(number: int, *lines: TextLine) -> Page:
    return Page(number, 842.0, lines)


def texts(*pages: Page) -> list[str]:
    return rebuild(pages).lines


# Paragraphs of three lines and more (a text that repeats would repeat at the top of pages, as a running header does).
LONG = "全面贯彻党的十九大精神，以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调，按照高质量发展根本要求。"
LONGER = ("深化教育改革，推进教育公平，发展素质教育，加快教育现代化，努力培养德智体美全面发展的社会主义建设者和接班人，"
          "为我市加快建设“四个城市”提供人才支撑和智力支持；强化政治引领，加强基层党建，扩大学校党建文化品牌影响，"
          "在中小学校探索推行基层党组织标准化建设，认真执行“三会一课”制度。")


def test_the_lines_of_a_paragraph_are_joined_and_an_indent_starts_the_next():
    first, second = paragraph(LONG, 0), paragraph("深化教育改革。" * 6, 3)
    rebuilt = rebuild([page(1, *first, *second)])
    assert rebuilt.lines == [LONG, "深化教育改革。" * 6]
    assert rebuilt.origins[0] == (Origin(1, 1, 1), Origin(27, 1, 2), Origin(55, 1, 3))
    assert rebuilt.origins[1] == (Origin(1, 1, 4), Origin(27, 1, 5))


def test_a_short_line_ends_a_paragraph_even_when_the_next_is_not_indented():
    lines = [line("各县区教育局，市直各学校：", 0), *paragraph(LONG, 1, indent=0)]
    assert texts(page(1, *lines)) == ["各县区教育局，市直各学校：", LONG]


def at(text_line: TextLine, row: int) -> TextLine:
    """The same line moved to the ``row``-th line of the text block."""
    top = TOP + row * PITCH
    return text_line._replace(top=top, bottom=top + text_line.bottom - text_line.top)


def test_a_paragraph_goes_on_over_a_page_break_and_page_numbers_are_left_out():
    lines = paragraph(LONGER, 19)  # six lines: three at the foot of page 1, three at the head of page 2
    first = page(1, *paragraph(LONG, 0), *lines[:3], line("— 1 —", 24, 12))
    second = page(2, *(at(text_line, row) for row, text_line in enumerate(lines[3:])), line("— 2 —", 24, 12))
    rebuilt = rebuild([first, second])
    assert len(lines) == 6 and rebuilt.lines == [LONG, LONGER]
    assert [(origin.page, origin.line) for origin in rebuilt.origins[1]] == [
        (1, 4), (1, 5), (1, 6), (2, 1), (2, 2), (2, 3)]


@pytest.mark.parametrize("number", ["— 1 —", "- 1 -", "－1－", "·1·", "第1页", "第 1 页 共 5 页", "共5页 第1页", "1/5",
                                    "Page 1 of 5", "1"])
def test_page_numbers_of_every_usual_form_are_left_out_of_a_single_page(number):
    assert texts(page(1, *paragraph(LONG, 0), line(number, 24, 13))) == [LONG]


def test_a_running_header_is_left_out_of_every_page_but_a_title_at_the_top_of_one_is_kept():
    header = line("南宁市教育局文件", -2, 10)
    first = page(1, header, line("关于印发2018年工作要点的通知", 0, 6), *paragraph(LONG, 1), line("第1页 共2页", 24, 11))
    second = page(2, header, *paragraph("深化教育改革。" * 6, 0), line("第2页 共2页", 24, 11))
    rebuilt = rebuild([first, second])
    assert rebuilt.lines == ["关于印发2018年工作要点的通知", LONG, "深化教育改革。" * 6]
    assert rebuilt.origins[2][0] == Origin(1, 2, 2)  # the header is line 1 of page 2: lines count what a page shows


def test_a_line_repeated_in_the_body_of_every_page_is_kept():
    text = "一、总体要求"
    first = page(1, *paragraph(LONG, 0), line(text, 3, 2), *paragraph(LONGER, 4))
    second = page(2, *paragraph(LONGER, 0), line(text, 7, 2), *paragraph(LONG, 8))
    assert texts(first, second) == [LONG, text, LONGER, LONGER, text, LONG]


def test_a_wider_gap_ends_a_paragraph():
    lines = paragraph(LONG, 0, indent=0)
    moved = [lines[0], lines[1], at(lines[2], 3)]
    more = paragraph("深化教育改革。" * 12, 5)  # indented paragraphs: the document's paragraphs are indented
    assert texts(page(1, *moved, *more))[:2] == [LONG[:56], LONG[56:]]


def test_in_an_indented_document_a_number_at_a_line_start_is_run_in_text():
    text = "今年要继续办好十件民生实事，具体的工作安排如下所述。" + "（1）做好重点群体就业。" * 3
    lines = paragraph(text, 0)
    assert lines[1].text.startswith("（1）")
    assert texts(page(1, *lines, *paragraph("深化教育改革。" * 6, 4))) == [text, "深化教育改革。" * 6]


def block(*rows: str) -> Page:
    """A document whose paragraphs are not indented: each row a full line at the left edge."""
    return page(1, *(line(text, index) for index, text in enumerate(rows)))


def test_without_indents_a_sentence_end_at_a_line_end_ends_a_paragraph():
    first, second, third = "坚持稳中求进工作总基调，全面贯彻党的教育方针和决策部署。", "深化教育改革，推进教育公平，发展素质教育，加快教育现代化进", "程。"
    assert texts(block(first, second, third)) == [first, second + third]


def test_without_indents_a_heading_after_a_clause_ends_a_paragraph_and_one_after_a_comma_does_not():
    ending_clause = "一是强化政治引领，加强基层党建，扩大学校党建文化品牌影响力；"
    ending_comma = "一是强化政治引领，加强基层党建，扩大学校党建文化品牌的影响，"
    heading = "二、深化教育改革开放，充分激发教育发展活力。"
    assert texts(block(ending_clause, heading)) == [ending_clause, heading]
    assert texts(block(ending_comma, heading)) == [ending_comma + heading]


def test_a_centred_title_that_fills_the_width_goes_on_and_centred_signatures_do_not():
    title = "南宁市教育局关于印发二〇一八年度工作要点"  # 20 characters of 22 pt: nearly the width
    rest = "的通知"
    big = 22.0
    centre = LEFT + WIDTH * EM / 2
    lines = [TextLine(title, centre - len(title) * big / 2, TOP, centre + len(title) * big / 2, TOP + big * 1.2),
             TextLine(rest, centre - len(rest) * big / 2, TOP + 40, centre + len(rest) * big / 2, TOP + 40 + big * 1.2),
             *paragraph(LONG, 3),
             line("南宁市教育局", 7, 11), line("2018年3月19日", 8, 9)]
    assert texts(page(1, *lines)) == [title + rest, LONG, "南宁市教育局", "2018年3月19日"]


def test_latin_words_parted_by_a_line_break_get_a_space_and_chinese_ones_none():
    latin = [line("推进智慧校园建设，落实各项工作，启动 Smart", 0, 2),
             *paragraph("Campus 行动，" + "智慧校园" * 9, 1, indent=0)]
    assert texts(page(1, *latin, *paragraph(LONG, 4)))[0].startswith("推进智慧校园建设，落实各项工作，启动 Smart Campus 行动")


def test_pieces_of_one_line_are_one_line_with_a_space_only_where_they_stand_apart():
    left = line("评选出“小小少年”", 0, 2)
    comma = TextLine("、", left.right, left.top, left.right + EM, left.bottom)
    rest = TextLine("“嘉禾红韵”", comma.right, left.top, comma.right + 6 * EM, left.bottom)
    cell = TextLine("责任单位", rest.right + 2 * EM, left.top, rest.right + 6 * EM, left.bottom)
    assert texts(page(1, cell, rest, comma, left)) == ["评选出“小小少年”、“嘉禾红韵” 责任单位"]


def test_place_finds_the_piece_that_holds_a_column():
    origins = (Origin(1, 1, 5), Origin(27, 1, 6), Origin(55, 2, 2))
    assert [place(origins, column) for column in (1, 26, 27, 54, 55, 80)] == [
        origins[0], origins[0], origins[1], origins[1], origins[2], origins[2]]


def test_nothing_but_page_numbers_is_nothing():
    assert rebuild([page(1, line("— 1 —", 24, 12))]).lines == []


def test_a_header_in_small_type_at_the_edge_of_a_single_page_is_left_out_and_body_type_there_is_not():
    small = TextLine("测试市教育局文件", 250, 18, 346, 30)  # 12 pt, 18 pt from the top
    body_size = TextLine("测试市教育局文件", 250, 18, 378, 37.2)
    assert texts(page(1, small, *paragraph(LONG, 0))) == [LONG]
    assert texts(page(1, body_size, *paragraph(LONG, 0))) == ["测试市教育局文件", LONG]


def test_a_line_left_short_because_the_next_word_did_not_fit_runs_on():
    # Ragged text: 116.2%、 (8 characters) did not fit in the 6 left, so the line stopped short.
    first = line("五年来，我们纵深推进改革开放，发展动力和社会活力持续增强，", 0, 2)
    first = first._replace(text=first.text[:20], right=first.left + 20 * EM)
    lines = [first, line("116.2%、达到23.2万亿元，营业总收入、利润总额", 1), *paragraph(LONG, 2)]
    assert texts(page(1, *lines))[0] == first.text + lines[1].text


def test_without_indents_paragraphs_set_apart_by_gaps_are_told_by_the_gaps_alone():
    ends_a_sentence = "坚持稳中求进工作总基调，全面贯彻党的教育方针和决策部署。"
    rows = [ends_a_sentence, "深化教育改革，推进教育公平，发展素质教育，加快教育现代化进", "程。"]
    lines = [line(text, index) for index, text in enumerate(rows)]
    spaced = [*lines, *(at(text_line, row + 4) for row, text_line in enumerate(lines)),
              *(at(text_line, row + 8) for row, text_line in enumerate(lines))]
    assert texts(page(1, *spaced)) == ["".join(rows)] * 3
