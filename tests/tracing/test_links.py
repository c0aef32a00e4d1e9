"""Explicit links: a summary that names the plan's item reports on it."""

from __future__ import annotations

from planlint.outline.parser import parse
from planlint.tracing.documents import Sentence, plan_tasks
from planlint.tracing.links import explicit_links

PLAN = ("2022年工作要点\n一、党建\n1.强化政治引领。\n2.加强基层组织。\n二、教育\n（一）学前教育。\n"
        "（二）义务教育。\n（三）高中教育。\n（四）职业教育。\n三、安全\n（一）校园安全。\n")
RUNNING = "2022年工作要点\n一、党建\n1.强化政治引领。\n2.加强基层组织。\n二、教育\n3.办好学前教育。\n"


def _linked(plan: str, text: str) -> list[tuple[str, str]]:
    _, tasks = plan_tasks(parse(plan), ())
    return [("".join(tasks[index].path), said) for index, said in explicit_links(Sentence(1, 1, text, 1), tasks)]


def test_a_summary_names_a_section_and_its_item():
    assert _linked(PLAN, "按照要点二（三）的部署，高中教育扎实推进。") == [("二、（三）", "要点二（三）")]
    assert _linked(PLAN, "落实要点第三部分要求，校园安全形势平稳。") == [("三、（一）", "要点第三部分")]


def test_a_section_of_many_tasks_is_too_broad_to_link_each():
    assert _linked(PLAN, "要点第二部分提出的各项任务全面完成。") == []


def test_the_nth_item_of_a_plan_numbered_once_through_is_its_nth_task():
    assert _linked(RUNNING, "年初计划第三项任务已完成。") == [("二、3.", "年初计划第三项")]


def test_a_quoted_title_names_its_task():
    assert _linked(PLAN, "对照要点“强化政治引领”一项，全年开展专题学习12次。") == [("一、1.", "“强化政治引领”")]


def test_an_item_number_without_a_plan_word_is_the_summary_s_own():
    assert _linked(PLAN, "（二）义务教育优质均衡发展。") == []
