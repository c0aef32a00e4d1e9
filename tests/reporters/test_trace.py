"""The trace report as text (both languages), JSON and a self-contained HTML page."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser

import planlint
from planlint.reporters import Options
from planlint.reporters.trace import render_html, render_json, render_text

PLAN = "2021年工作要点\n一、队伍\n1.组织干部培训3期。\n2.完成办公楼节能改造。\n"
SUMMARY = "2021年工作总结\n一、队伍建设\n全年举办干部专题培训班2期。\n此外，我局荣获全省先进集体称号。\n"


def _result():
    return planlint.trace(PLAN, SUMMARY, plan_path="plan.txt", summary_path="summary.txt")


def test_text_in_chinese_and_in_english():
    out = io.StringIO()
    render_text(_result(), out, Options(lang="zh", color=False))
    text = out.getvalue()
    assert "一、1. 组织干部培训3期  第 3 行  已报告" in text
    assert "    第 3 行 " in text and "目标 3期 → 2期（第 3 行）  未达到" in text
    assert "一、2. 完成办公楼节能改造  第 4 行  未报告" in text
    assert "计划外的成绩\n    第 4 行 此外，我局荣获全省先进集体称号。" in text
    assert text.rstrip().endswith("共 2 项任务：已报告 1，部分报告 0，未报告 1；目标 1 个：达到 0，未达到 1，无法判断 0；计划外成绩 1 条")
    out = io.StringIO()
    render_text(_result(), out, Options(lang="en", color=False))
    assert "target 3期 → 2期 (line 3)  short" in out.getvalue()
    assert out.getvalue().rstrip().endswith("2 tasks: 1 reported, 0 partly reported, 1 not reported; "
                                            "1 target: 0 met, 1 short, 0 unknown; 1 unplanned achievement")


def test_json_is_the_result_s_dictionary():
    out = io.StringIO()
    render_json(_result(), out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(_result().to_dict(), ensure_ascii=False))


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.external = set(), set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.add(attrs["href"].lstrip("#"))
        if tag in ("script", "link", "img") or (attrs.get("src") or "").startswith("http"):
            self.external.append(tag)


def test_html_is_one_page_whose_evidence_links_lead_to_summary_lines():
    out = io.StringIO()
    render_html(_result(), SUMMARY.splitlines(), out, Options(lang="zh"))
    page = _Page()
    page.feed(out.getvalue())
    assert page.links == {"s-3"} and page.links <= page.ids
    assert {"t-3", "t-4"} <= page.ids and page.external == []
    assert 'class="line reports" id="s-3"' in out.getvalue()
    assert 'class="line unplanned" id="s-4"' in out.getvalue()
    assert "<script" not in out.getvalue() and "$" not in out.getvalue()


def test_html_escapes_the_documents_text():
    out = io.StringIO()
    summary = SUMMARY + "<b>加粗</b>达到100%\n"
    render_html(planlint.trace(PLAN, summary), summary.splitlines(), out, Options(lang="en"))
    assert "&lt;b&gt;加粗&lt;/b&gt;" in out.getvalue() and "<b>加粗" not in out.getvalue()


def test_a_summary_line_is_marked_once_for_each_task_it_reports():
    result = _result()
    task = result.tasks[0]
    task.evidence.append(type(task.evidence[0])(3, 9, "另一句。", 0.5, []))
    out = io.StringIO()
    render_html(result, SUMMARY.splitlines(), out, Options(lang="zh"))
    assert out.getvalue().count('<span class="mark">一、1.</span>') == 1
