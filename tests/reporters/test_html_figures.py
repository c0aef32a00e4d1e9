"""A document's figures: they agree with PL702's and PL703's findings where those fire,
and are there too where they do not."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import dedent
from planlint.api import check_text, show_path
from planlint.catalog import bundled_catalog
from planlint.outline.parser import parse
from planlint.reporters.figures import Mode, Targets, Themes, figures

SHORT_OF_THEMES = dedent("""
    某县教育局2024年工作要点
    一、加强党的建设，落实立德树人根本任务
    1.发展学前教育、义务教育。
    2.建设教师队伍。
    二、深化教育教学改革
    1.推进课程改革。
    2.推进考试招生制度改革。
    三、提升办学水平
    1.建设智慧校园。
    2.推进职业教育产教融合。
""")
TASKS = dedent("""
    某局2024年工作要点
    一、主要任务
    1.新建幼儿园16所。
    2.毛入园率达到90%以上。
    3.于6月底前完成招生工作。
    4.不断加强教师队伍建设。
    5.切实维护校园安全。
""")


@pytest.fixture(scope="module")
def rules():
    return bundled_catalog().rules


def test_themes_are_those_pl702_names_missing_and_the_rest(rules):
    about = figures(parse(SHORT_OF_THEMES), rules)
    [finding] = check_text(SHORT_OF_THEMES, select=["PL702"]).diagnostics
    assert about.themes.missing == ("教育公平", "安全稳定", "经费保障", "教育督导", "依法治教")
    assert "、".join(about.themes.missing) in finding.message
    assert about.themes.covered == ("党的建设", "立德树人", "学前教育", "义务教育", "教师队伍", "教育改革")


def test_themes_of_a_document_pl702_does_not_judge_are_none(rules):
    health = SHORT_OF_THEMES.replace("教育局", "卫健委")
    assert not check_text(health, select=["PL702"]).diagnostics
    assert figures(parse(health), rules).themes is None
    assert figures(parse(SHORT_OF_THEMES), [r for r in rules if r.code != "PL702"]).themes is None


def test_themes_follow_the_configured_items(rules):
    [rule] = [r for r in rules if r.code == "PL702"]
    own = dataclasses.replace(rule, params={**rule.params, "items": [
        {"name": "课后服务", "keywords": ["课后服务", "托管"]}, {"name": "智慧教育", "keywords": ["智慧校园"]}]})
    assert figures(parse(SHORT_OF_THEMES), [own]).themes == Themes(("智慧教育",), ("课后服务",))


def test_the_share_of_task_items_with_a_target_is_pl703s_figure(rules):
    lacking = TASKS.replace("16所", "").replace("90%以上", "").replace("6月底前", "")
    [finding] = check_text(lacking, select=["PL703"]).diagnostics
    assert figures(parse(lacking), rules).targets == (Targets("工作要点", 0, 5),)
    assert "0/5（0%）" in finding.message
    assert not check_text(TASKS, select=["PL703"]).diagnostics  # 3 of 5 pass the threshold: no finding
    [passing] = figures(parse(TASKS), rules).targets
    assert (passing.with_target, passing.items, passing.share) == (3, 5, 0.6)
    too_few = "\n".join(TASKS.splitlines()[:5])
    assert figures(parse(too_few), rules).targets == ()  # fewer than min_items: PL703 does not judge it


def test_type_year_and_numbering(rules, tmp_path):
    text = ("某局关于印发2024年工作要点的通知\n\n某局2024年工作要点\n"
            "一、总体要求\n（一）目标\n（二）原则\n二、任务\n（一）甲\n")
    about = figures(parse(text), rules)
    assert (about.title, about.doc_type, about.year, about.title_type) == ("某局2024年工作要点", "工作要点", 2024, None)
    assert about.modes == (Mode("一、", "single"), Mode("（一）", "restart"))
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    profiled = figures(show_path(str(path), profile="实施方案").document, rules)
    assert (profiled.doc_type, profiled.title_type) == ("实施方案", "工作要点")
