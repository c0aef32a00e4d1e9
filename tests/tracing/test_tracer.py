"""Tracing a plan through its summary, end to end on small documents and on the corpus."""

from __future__ import annotations

from pathlib import Path

import planlint
from planlint.tracing.tracer import trace_documents
from planlint.outline.parser import parse

ROOT = Path(__file__).resolve().parents[2]

PLAN = """2021年工作要点
一、干部队伍
1.加强干部教育培训。组织干部培训3期，培训干部300人次。
2.完善干部考核。制定年度考核办法，6月底前印发实施。
二、基础设施
3.推进道路建设。新建农村公路45公里。
4.改善办公条件。完成办公楼节能改造。
"""
SUMMARY = """2021年工作总结
一、队伍建设
全年举办干部专题培训班2期，参训干部320人次。
年度考核办法于8月印发实施。
二、基础设施
新建农村公路47.5公里，道路通达水平进一步提高。
此外，我局荣获全省交通运输系统先进集体称号。
"""


def _by_path(result):
    return {"".join(task.path): task for task in result.tasks}


def test_tasks_their_evidence_status_and_targets():
    result = planlint.trace(PLAN, SUMMARY)
    tasks = _by_path(result)
    training = tasks["一、1."]
    assert training.status == "reported" and [item.line for item in training.evidence] == [3]
    assert "培训班" in training.evidence[0].terms  # the summary's own word for 培训
    assert [(target.planned, target.reported, target.verdict) for target in training.targets] == [
        ("3期", "2期", "short"), ("300人次", "320人次", "met")]
    assert [(target.kind, target.verdict) for target in tasks["一、2."].targets] == [("deadline", "short")]
    assert tasks["二、3."].targets[0].verdict == "met"
    assert tasks["二、4."].status == "unreported" and tasks["二、4."].evidence == []
    assert [item.line for item in result.unplanned] == [7]


def test_the_json_shape_is_the_documented_one():
    data = planlint.trace(PLAN, SUMMARY).to_dict()
    assert list(data) == ["plan", "summary", "tasks", "unplanned"]
    assert list(data["plan"]) == ["path", "title", "type", "year", "part", "sections"]
    task = data["tasks"][0]
    assert list(task) == ["path", "title", "text", "line", "status", "evidence", "targets"]
    assert task["path"] == ["一、", "1."] and task["line"] == 3
    assert list(task["evidence"][0]) == ["line", "column", "text", "score", "terms", "explicit"]
    assert list(task["targets"][0]) == ["kind", "planned", "line", "reported", "reported_line", "verdict"]
    assert list(data["unplanned"][0]) == ["line", "column", "text", "score"]


def test_a_passage_that_names_the_item_reports_it_whatever_its_words():
    summary = SUMMARY.replace("此外，我局荣获", "对照要点第四项，机关大院面貌焕然一新。\n此外，我局荣获")
    task = _by_path(planlint.trace(PLAN, summary))["二、4."]
    assert task.status != "unreported" and task.evidence[0].explicit and task.evidence[0].line == 7
    assert task.evidence[0].terms[0] == "要点第四项"  # the words that name the item come first


def test_a_two_part_document_traces_its_plan_part_through_another_s_summary_part():
    plan = parse((ROOT / "corpus/trace/06-2021.txt").read_text(encoding="utf-8"), "06-2021.txt")
    summary = parse((ROOT / "corpus/trace/06-2022.txt").read_text(encoding="utf-8"), "06-2022.txt")
    result = trace_documents(plan, summary)
    assert (result.plan.part, result.plan.year, result.summary.part, result.summary.year) == (2, 2022, 1, 2022)
    tasks = _by_path(result)
    assert tasks["一、3."].targets[0].verdict == "short"  # 18万头 planned, 16.4万头 reported
    assert tasks["三、8."].status == "unreported"
    assert all(item.line < 25 for task in result.tasks for item in task.evidence)  # never the 2023 plan part
