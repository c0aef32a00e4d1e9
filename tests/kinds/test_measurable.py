from __future__ import annotations

TASKS = """
    某局2024年工作要点
    一、总体要求
    1.坚持党的领导。
    2.坚持改革创新。
    二、主要任务
    1.进一步加强党的建设。
    2.进一步提高教育质量。
    3.持续深化教育改革。
    4.新建幼儿园16所。
    5.切实维护校园安全。
"""


def test_one_diagnostic_per_document_with_the_figure(findings):
    assert findings("PL703", TASKS) == [(1, 1, "工作要点的任务项中仅 1/5（20%）带有可衡量的目标、数量或时限，"
                                              "如：1.进一步加强党的建设、2.进一步提高教育质量、3.持续深化教育改革")]


def test_guiding_sections_are_not_tasks(findings):
    text = TASKS.replace("1.进一步加强党的建设。", "1.年底前完成党建。").replace("2.进一步提高教育质量。", "2.入学率达到99%。")
    assert findings("PL703", text) == []


def test_deadlines_and_percentages_count(findings):
    text = "某局2024年工作要点\n一、主要任务\n" + "".join(
        f"{n}.{task}\n" for n, task in enumerate(["6月底前完成", "达到95%", "新增学位500个", "年底前建成", "加强管理"], 1))
    assert findings("PL703", text) == []


def test_short_documents_are_not_judged(findings):
    assert findings("PL703", "某局2024年工作要点\n一、任务\n1.加强管理。\n") == []


def test_a_bare_qian_is_no_deadline(findings):
    text = "某局2024年工作要点\n一、主要任务\n" + "".join(
        f"{n}.{task}\n" for n, task in enumerate(["当前形势下加强管理", "推动工作向前发展", "加强管理",
                                                  "深化改革", "于6月底前完成"], 1))
    [(_, _, message)] = findings("PL703", text)
    assert "1/5（20%）" in message
