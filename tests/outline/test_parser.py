from __future__ import annotations

from pathlib import Path

from planlint.outline.model import Span
from planlint.outline.parser import parse, split_lines

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse(path.read_text(encoding="utf-8"), str(path))


def test_split_lines_handles_every_line_end():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\n") == ["a"]
    assert split_lines("") == [""]
    assert split_lines("a\u2028b\x0cc") == ["a\u2028b\x0cc"]


def test_levels_follow_marker_rank(document):
    doc = document("""
        一、总体要求
        （一）指导思想
        1.坚持。
        （1）甲。
        ①乙
        二、主要任务
    """)
    levels = [(node.marker.raw, node.level) for node in doc.headings()]
    assert levels == [("一、", 1), ("（一）", 2), ("1.", 3), ("（1）", 4), ("①", 5), ("二、", 1)]


def test_a_skipped_level_nests_under_the_nearest_higher_kind(document):
    doc = document("一、甲\n1.子。\n2.丑。\n二、乙\n")
    first = doc.root.children[0]
    assert [child.marker.raw for child in first.children] == ["1.", "2."]
    assert first.children[0].level == 2


def test_paragraphs_are_the_body_of_the_open_heading(document):
    doc = document("""
        前言段落。
        一、总体要求
        全面贯彻党的二十大精神。
        （一）指导思想
        以习近平新时代中国特色社会主义思想为指导。
    """)
    assert [p.text for p in doc.root.body] == ["前言段落。"]
    first = doc.root.children[0]
    assert [p.text for p in first.body] == ["全面贯彻党的二十大精神。"]
    assert first.children[0].body[0].line == 5


def test_run_in_heading_title_stops_at_the_first_full_stop(document):
    node = next(document("1.强化政治引领，深入贯彻落实。组织开展学习活动。\n").headings())
    assert node.title == "强化政治引领，深入贯彻落实"
    assert node.text == "强化政治引领，深入贯彻落实。组织开展学习活动。"


def test_spans_are_exact(document):
    node = next(document("\u3000\u30001. 推进学前教育\n").headings())
    assert node.marker.span.to_dict() == {"line": 1, "column": 3, "end_line": 1, "end_column": 5}
    assert node.span.to_dict() == {"line": 1, "column": 3, "end_line": 1, "end_column": 12}


def test_numbering_modes_of_the_seeds():
    assert _seed("000").numbering_modes["number"] == "restart"
    assert _seed("001").numbering_modes["number"] == "continuous"
    assert _seed("002").numbering_modes["number"] == "continuous"
    assert _seed("003").numbering_modes == {"ordinal": "single", "paren-ordinal": "restart", "number": "restart"}


def test_two_part_seed_restarts_at_the_second_part():
    doc = _seed("004")
    assert doc.part_count == 2
    first, second = doc.root.children
    assert (first.is_part, second.is_part) == (True, True)
    assert [n.marker.raw for n in first.children][-1] == "八、"
    assert [n.marker.raw for n in second.children][:2] == ["一、", "二、"]
    assert second.children[0].span.line == 89


def test_page_chrome_is_recognised_and_positions_do_not_move():
    doc = _seed("002")
    assert {1, 2, 3, 4, 5, 6, 10, 11} <= doc.chrome
    assert doc.lines[32].strip().startswith("一、")
    assert next(doc.headings()).span.line == 33


def test_chrome_never_becomes_a_heading(document):
    doc = document("分享到:\n一、总体要求\n")
    assert [n.span.line for n in doc.headings()] == [1 + 1]
    assert doc.chrome == frozenset({1})


def test_bom_is_not_a_column(document):
    doc = parse("\ufeff一、总体要求\n")
    assert next(doc.headings()).marker.span.column == 1


def test_crlf_and_cr_keep_line_numbers():
    for newline in ("\r\n", "\r"):
        doc = parse(newline.join(["标题", "", "一、甲", "二、乙"]) + newline)
        assert [n.span.line for n in doc.headings()] == [3, 4]


def test_tabs_count_as_one_column():
    doc = parse("\t\t1.甲\n")
    assert next(doc.headings()).marker.span.column == 3


def test_a_list_that_starts_again_at_one_is_a_run_of_its_own(document):
    doc = document("一、甲\n1.子。\n2.丑。\n3.寅。\n1.卯。\n2.辰。\n")
    assert [[node.marker.value for node in run.nodes] for run in doc.runs if run.kind == "number"] == [[1, 2, 3],
                                                                                                      [1, 2]]
    duplicate = document("一、甲\n1.子。\n1.丑。\n2.寅。\n")
    assert [[node.marker.value for node in run.nodes] for run in duplicate.runs if run.kind == "number"] == [[1, 1, 2]]


def test_the_grammar_reads_a_long_text_in_batches_to_the_same_outline(monkeypatch):
    from planlint.outline import parser

    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    whole = parse(text).to_dict()
    monkeypatch.setattr(parser, "_BATCH_LINES", 7)  # batches end mid-list, mid-part and on headings
    assert parse(text).to_dict() == whole


def test_a_line_of_an_english_translation_is_no_item():
    text = "一、主要成就\n1.城镇居民收入增长。\n4、rban residents rose by an annual average of 8.8%.\n"
    assert [node.marker.raw for node in parse(text).headings()] == ["一、", "1."]


def test_a_portals_table_as_markdown_rows_is_chrome():
    doc = parse("文号 | 成文日期: | 2025年04月15日 | |\n有效性 | 有效 | 公开日期: | 2025-04-15 |\n一、总体要求\n")
    assert doc.chrome == frozenset({1, 2})


def test_a_marker_broken_over_a_line_break_is_one_heading(findings):
    text = "一、总体\n（一）甲。\n（二）乙。\n（\n  三）改革开放持续深化。\n正文。\n（四）城乡发展。\n"
    node = [n for n in parse(text).headings() if n.marker.value == 3 and n.marker.kind == "paren-ordinal"][0]
    assert (node.marker.raw, node.marker.span, node.title) == ("（三）", Span(4, 1, 5, 5), "改革开放持续深化")
    assert node.span == Span(4, 1, 5, 14)
    assert findings("PL101", text) == []
    assert findings("PL101", text.replace("  三）", "  五）")) != []


def test_page_chrome_of_sharing_sites_encyclopedias_and_traditional_portals():
    lines = ["2024年区政府工作报告-10篇(第3/21页)", "2022年幼儿园工作计划(通用6篇)",
             "新学期开始了，幼儿园需要做一个工作计划。下面是小编为大家整理的2021年幼儿园工作计划，供参考。",
             "本作品收錄於《文成縣人民政府工作報告", "某市關於印發某方案的通知.是某市人民政府2021年4月6日發布的檔案.",
             "發布日期2020年01月23日有效性有效", "成文日期2020年01月17日", "  • 2020年01月23日", "【字體:  "]
    text = "\n".join(lines) + "\n一、总体要求\n下面是我局2024年工作总结。\n"
    assert parse(text).chrome == frozenset(range(1, len(lines) + 1))
