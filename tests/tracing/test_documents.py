"""What trace reads: the plan's task items and the summary's sentences, from the right part."""

from __future__ import annotations

from pathlib import Path

from planlint.outline.parser import parse
from planlint.tracing.documents import plan_tasks, summary_passages

ROOT = Path(__file__).resolve().parents[2]
SKIP = ("指导思想", "保障措施")


def _text(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def test_tasks_are_the_leaves_with_their_paths_outside_sections_without_tasks():
    document = parse("2023年工作要点\n一、指导思想\n以……为指导。\n二、重点任务\n（一）深化改革。推进医共体建设。\n"
                     "（二）提升能力。\n1.新建卫生室12个。\n2.培训村医300人次。\n三、保障措施\n（一）加强组织领导。\n")
    side, tasks = plan_tasks(document, SKIP)
    assert [task.path for task in tasks] == [("二、", "（一）"), ("二、", "（二）", "1."), ("二、", "（二）", "2.")]
    assert [clause.text for clause in tasks[0].clauses] == ["深化改革。", "推进医共体建设。"]
    assert (tasks[0].title, tasks[0].node.span.line, side.part) == ("深化改革", 5, None)


def test_a_two_part_document_gives_its_plan_part_and_its_summary_part():
    document = parse(_text("seeds/004_2b34012c7b8c070a.txt"))
    plan, tasks = plan_tasks(document, SKIP)
    summary, passages = summary_passages(document)
    assert (plan.doc_type, plan.year, plan.part, len(tasks)) == ("工作要点", 2021, 2, 36)
    assert (summary.doc_type, summary.year, summary.part) == ("工作总结", 2020, 1)
    assert tasks[0].path == ("一、", "1.") and tasks[0].node.span.line == 91
    assert passages[0].line < 89 and passages[-1].line < 89  # the 2021 lead paragraph opens the plan part
    assert not any(passage.line == 3 for passage in passages)  # the title is not a passage


def test_one_numbering_tree_with_a_summary_section_and_a_plan_section():
    document = parse(_text("corpus/trace/03-2021.txt"))
    plan, tasks = plan_tasks(document, SKIP)
    summary, passages = summary_passages(document)
    assert (plan.sections, plan.year, len(tasks)) == (("三、2022年工作计划",), 2022, 10)
    assert summary.sections == ("一、2021年工作总结", "二、存在的问题")
    assert {passage.line for passage in passages} <= set(range(5, 14))  # 一、 and 二、, not 三、


def test_a_plan_without_a_summary_section_is_read_whole():
    document = parse("2022年工作要点\n一、主要任务\n1.新建学校3所。\n二、重点工作\n2.培训教师。\n")
    side, tasks = plan_tasks(document, SKIP)
    assert side.sections == () and len(tasks) == 2


def test_a_sentence_a_pdf_broke_over_lines_is_read_whole_from_where_it_starts():
    _, passages = summary_passages(parse(_text("corpus/trace/10-summary.txt")))
    [broken] = [passage for passage in passages if "64.5公里" in passage.text]
    assert (broken.line, broken.column, broken.paragraph) == (7, 1, 7)
    assert broken.text.endswith("有力保障了迎峰度夏用电需求。")


def test_a_heading_marker_is_not_part_of_its_sentence():
    _, passages = summary_passages(parse("2022年工作总结\n一、概况\n1.党建工作进一步加强。全年发展党员12名。\n"))
    assert [(passage.column, passage.text) for passage in passages] == [
        (3, "党建工作进一步加强。"), (13, "全年发展党员12名。")]
