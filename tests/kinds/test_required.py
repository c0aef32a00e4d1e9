from __future__ import annotations

from pathlib import Path

from planlint.api import check_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_missing_sections_are_reported_once_at_the_title(findings):
    result = findings("PL203", """
        某区教育提升行动计划实施方案
        一、指导思想
        以习近平新时代中国特色社会主义思想为指导。
        二、主要任务
        1.扩大资源。
    """)
    assert result == [(1, 1, "实施方案缺少以下部分：工作目标、实施步骤、保障措施")]


def test_profile_override_changes_the_required_sections():
    from planlint.api import check_text

    text = "某局2024年工作要点\n一、主要任务\n1.扩大资源。\n"
    assert [d.code for d in check_text(text, select=["PL203"]).diagnostics] == ["PL203"]
    [diagnostic] = check_text(text, select=["PL203"], profile="实施方案").diagnostics
    assert diagnostic.message == "实施方案缺少以下部分：指导思想、工作目标、实施步骤、保障措施"


def test_each_part_of_a_two_part_document_has_its_own_sections():
    report = check_paths([str(next(SEEDS.glob("004_*.txt")))], select=["PL203"])
    assert report.diagnostics == []


def test_a_summary_followed_by_a_plan_needs_no_next_step_section(findings):
    text = """
        某局2020年工作总结及2021年工作要点
        一、主要工作
        1.完成了建设。
        二、存在问题
        1.经费不足。
        2021年工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。
        一、加强党建
        1.推进建设。
    """
    assert findings("PL203", text) == []


_EIGHT_HEADINGS = "一、任务\n1.发展学前教育。\n2.甲。\n3.乙。\n二、改革\n1.丙。\n2.丁。\n3.戊。\n"


def test_themes_need_the_domain_and_a_matching_type(findings):
    education = "某县教育局2024年工作要点\n" + _EIGHT_HEADINGS
    health = "某县卫健委2024年工作要点\n" + _EIGHT_HEADINGS
    plan = "某县教育提升实施方案\n" + _EIGHT_HEADINGS
    [(_, _, message)] = findings("PL702", education)
    assert message.startswith("未涉及教育工作通常应包含的主题：党的建设、立德树人、义务教育")
    assert findings("PL702", health) == findings("PL702", plan) == []


def test_the_domain_is_the_issuers_not_the_texts(findings):
    health = "某县卫健委2024年工作要点\n一、任务\n1.完善健康教育体系，推进学校卫生工作。\n"
    school = "某县实验小学2024年工作计划\n一、任务\n1.加强教学管理。\n"
    assert findings("PL702", health) == findings("PL702", school) == []


def test_themes_are_for_a_plan_of_the_whole_work_long_enough_to_judge(findings):
    topic = "某县教育局2024年安全工作要点\n" + _EIGHT_HEADINGS
    excerpt = "某县教育局2024年工作要点\n一、任务\n1.发展学前教育。\n"
    assert findings("PL702", topic) == findings("PL702", excerpt) == []
