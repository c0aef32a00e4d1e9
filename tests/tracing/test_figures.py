"""Targets: figures and deadlines read from a task, judged against the summary's words."""

from __future__ import annotations

import pytest

from planlint.tracing.figures import deadlines, figures, judge_deadline, judge_figure


def _one(text: str):
    [figure] = figures(text)
    return figure


@pytest.mark.parametrize("text, value, unit, ceiling", [
    ("组织干部培训3期", (3, 3), "期", False),
    ("毛入学率达到95%以上", (95, 95), "%", False),
    ("力争新增2-3个达标中职学校", (2, 3), "个", False),
    ("服务1.1万余名中小学生", (11000, 11000), "名", False),
    ("确保三所学校获批", (3, 3), "所", False),
    ("审批时间压缩至80个工作日以内", (80, 80), "工作日", True),
    ("平均班额控制在45人", (45, 45), "人", True),
    ("接待游客800万人次", (8_000_000, 8_000_000), "人次", False),
    ("完成电能替代电量3亿千瓦时", (3e8, 3e8), "千瓦时", False),
])
def test_a_figure_is_a_number_with_its_unit_and_bound(text, value, unit, ceiling):
    figure = _one(text)
    assert (figure.low, figure.high, figure.unit, figure.ceiling) == (*value, unit, ceiling)


@pytest.mark.parametrize("text", [
    "迎接建党100周年",              # 周 of 周年 is no unit
    "落实“两个只增不减”",            # a slogan in quotes
    "落实《三项规划》",               # a title
    "举办第3期培训班",               # an ordinal
    "建设一批示范校",                # a manner of speaking
])
def test_names_ordinals_and_manners_of_speaking_are_no_figures(text):
    assert figures(text) == []


def test_the_value_reached_counts_not_the_one_started_from():
    assert [figure.low for figure in figures("覆盖率由78%提高到86.5%")] == [86.5]


def test_a_short_figure_is_short_and_a_figure_beyond_the_plan_is_met():
    planned = _one("组织干部培训3期")
    short = judge_figure(planned, 4, [(9, "举办干部专题培训班2期，培训干部300人次。")])
    assert (short.reported, short.reported_line, short.verdict) == ("2期", 9, "short")
    met = judge_figure(_one("巩固率达到90%"), 4, [(9, "义务教育巩固率达到92%。")])
    assert met.verdict == "met"


def test_a_ceiling_is_met_from_below():
    planned = _one("审批时间压缩至80个工作日以内")
    assert judge_figure(planned, 1, [(2, "全流程审批时间压缩至75个工作日。")]).verdict == "met"
    assert judge_figure(planned, 1, [(2, "全流程审批时间为86个工作日。")]).verdict == "short"


def test_among_several_figures_of_a_unit_the_words_around_decide():
    planned = _one("新建城市书房5个")
    target = judge_figure(planned, 1, [(3, "全年建成城市书房4个，全区12个镇综合文化站全部免费开放。")])
    assert (target.reported, target.verdict) == ("4个", "short")


def test_a_figure_the_summary_never_gives_is_unknown():
    target = judge_figure(_one("新建周转宿舍200套"), 1, [(3, "教师队伍结构进一步优化。")])
    assert (target.reported, target.verdict) == (None, "unknown")


def test_full_coverage_is_met_by_all():
    [coverage] = figures("义务教育学校课后服务实现全覆盖")
    assert coverage.unit == "全覆盖"
    target = judge_figure(coverage, 1, [(5, "全市187所义务教育学校全部开展课后服务。")])
    assert target.verdict == "met"


def test_a_deadline_against_the_reported_completion_date():
    [deadline] = deadlines("青川二中新校区9月底前建成投用", 2022)
    assert deadline.latest == (2022, 9, 30)
    assert judge_deadline(deadline, 1, [(6, "新校区于8月建成。")], 2022).verdict == "met"
    late = judge_deadline(deadline, 1, [(6, "新校区于10月建成投用。")], 2022)
    assert (late.reported, late.verdict) == ("10月", "short")


def test_the_last_step_a_passage_names_is_when_the_task_was_done():
    [deadline] = deadlines("4月底前完成全覆盖检查", 2023)
    target = judge_deadline(deadline, 1, [(4, "排查行动于4月全面启动，至5月中旬完成全部检查。")], 2023)
    assert (target.reported, target.verdict) == ("5月中旬", "short")


def test_next_year_is_after_the_deadline():
    [deadline] = deadlines("年底前建成农贸市场", 2022)
    target = judge_deadline(deadline, 1, [(4, "主体工程已完工，预计明年3月投入运营。")], 2022)
    assert target.verdict == "short"


def test_a_task_done_with_no_date_meets_a_deadline_at_the_end_of_the_year():
    [deadline] = deadlines("年底前完成竣工验收", 2022)
    assert judge_deadline(deadline, 1, [(4, "高标准农田项目全部完成竣工验收。")], 2022).verdict == "met"
    [june] = deadlines("6月底前完成改造", 2022)
    assert judge_deadline(june, 1, [(4, "改造工程全部完成。")], 2022).verdict == "unknown"
