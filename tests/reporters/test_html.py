"""The HTML report, read back with an HTML parser: every finding with its position,
marks on the text, the outline, the figures, the charts' values, the rule docs; the
page fetches nothing and shows hostile text as text."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from htmltree import parse
from planlint.api import Report, check_paths, check_text, show_report
from planlint.catalog import bundled_catalog
from planlint.cli import main
from planlint.outline.parser import parse as parse_outline
from planlint.reporters import Options
from planlint.reporters import html as html_reporter

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HOSTILE = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}")


def render(report, shown=None, lang="zh") -> str:
    out = io.StringIO()
    html_reporter.render(report, out, Options(lang=lang), shown)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeds():
    paths = [str(path.relative_to(ROOT)) for path in SEEDS]
    import os

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        report = check_paths(paths, cache=False)
        shown = show_report(report, paths)
    finally:
        os.chdir(here)
    return report, shown, parse(render(report, shown))


def _section(page, result_index: int):
    return page.by_id(f"d{result_index}")


def test_every_finding_is_listed_with_its_position_and_message(seeds):
    report, _, page = seeds
    rows = page.find_all("li", cls="finding")
    assert len(rows) == len(report.diagnostics) == 43
    for index, result in enumerate(report.files):
        listed = _section(page, index).find_all("li", cls="finding")
        assert [(row.get("data-rule"), int(row.get("data-line")), int(row.get("data-column")),
                 int(row.get("data-end-line")), int(row.get("data-end-column")), row.get("data-severity"),
                 row.get("data-category"), row.find(cls="msg").text(), row.find("a", cls="pos").text())
                for row in listed] == \
               [(d.code, d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.severity, d.category,
                 d.message, f"{d.span.line}:{d.span.column}") for d in result.diagnostics]


def test_the_text_is_the_file_and_each_mark_is_its_finding_span(seeds):
    report, _, page = seeds
    for index, result in enumerate(report.files):
        data = page.by_id(f"d{index}-data").json()
        assert data["lines"] == Path(ROOT / result.path).read_text(encoding="utf-8").splitlines()
        assert data["marks"] == [[k, d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.severity, d.code]
                                 for k, d in enumerate(result.diagnostics)]
    first = report.files[0]
    [date] = [d for d in first.diagnostics if d.code == "PL301"]
    lines = page.by_id("d0-data").json()["lines"]
    assert lines[date.span.line - 1][date.span.column - 1:date.span.end_column - 1] == "2018319"


def test_the_outline_is_the_documents_headings_with_numbering_problems_marked(seeds):
    report, shown, page = seeds
    for index, result in enumerate(report.files):
        document = shown[result.path].document
        links = _section(page, index).find("aside", cls="outline").find_all("a")
        expected = [(f"第 {node.part + 1} 部分" if node.is_part else node.marker.raw) + node.title
                    for node in document.nodes()]
        assert [link.text() for link in links] == expected
        assert [link.get("href") for link in links] == [f"#d{index}L{node.span.line}" for node in document.nodes()]
    [slip] = [d for d in report.files[1].diagnostics if d.code == "PL104"]
    [flagged] = _section(page, 1).find("aside").find_all("li", cls="problem")
    assert flagged.find("a").get("href") == f"#d1L{slip.span.line}" == "#d1L34"
    assert flagged.find("span", cls="flag").text() == "PL104" and flagged.find("a").get("title") == slip.message


def test_charts_cards_and_tables_hold_the_counts(seeds):
    report, _, page = seeds
    severity = {bar.get("data-key"): int(bar.get("data-value"))
                for bar in page.by_id("chart-severity").find_all("g", cls="bar")}
    assert severity == {s: report.count(s) for s in ("error", "warning", "info")} == \
        {"error": 6, "warning": 32, "info": 5}
    for bar in page.by_id("chart-severity").find_all("g", cls="bar"):
        assert bar.find("text", cls="value").text() == bar.get("data-value")
    categories = {bar.get("data-key"): int(bar.get("data-value"))
                  for bar in page.by_id("chart-category").find_all("g", cls="bar")}
    assert categories == {c: sum(d.category == c for d in report.diagnostics) for c in html_reporter.CATEGORIES}
    widths = {bar.get("data-key"): float(bar.find("rect").get("width"))
              for bar in page.by_id("chart-category").find_all("g", cls="bar")}
    top = max(categories.values())
    assert all(abs(widths[c] - categories[c] / top * 220) < 0.1 for c in categories)
    assert {s: int(page.by_id(f"count-{s}").text()) for s in severity} == severity
    by_rule = Counter(d.code for d in report.diagnostics)
    top_rows = page.by_id("top-rules").find("tbody").find_all("tr")
    assert [(row.get("data-rule"), int(row.get("data-count"))) for row in top_rows] == \
        sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))[:10]
    assert page.by_id("shown").get("data-total") == str(len(report.diagnostics))


def test_a_folder_has_a_row_per_document_with_type_year_and_counts(seeds):
    report, shown, page = seeds
    rows = page.by_id("documents").find("tbody").find_all("tr")
    assert len(rows) == len(report.files)
    for row, result in zip(rows, report.files):
        cells = row.find_all("td")
        meta = shown[result.path].document.metadata
        counts = [sum(d.severity == s for d in result.diagnostics) for s in ("error", "warning", "info")]
        assert [cell.text() for cell in cells] == [result.path, " + ".join(meta.doc_types), str(meta.year),
                                                   *map(str, counts), str(len(result.diagnostics))]
        assert cells[0].find("a").get("href") == f"#d{rows.index(row)}"
    assert [cell.text() for cell in rows[4].find_all("td")[1:3]] == ["工作总结 + 工作要点", "2021"]


def test_the_figures_of_a_document(seeds):
    _, _, page = seeds
    plan = _section(page, 3).find("dl", cls="figures")
    assert plan.find("dd", cls="fig-type").text() == "实施方案"
    assert plan.find("dd", cls="fig-year").text() == "2018 规划期 2018—2020 年"
    assert plan.find("dd", cls="fig-themes").text() == "不适用"  # PL702 holds 要点, 计划 and 总结 only
    [target] = plan.find_all("div", cls="target")
    assert (target.get("data-with-target"), target.get("data-items")) == ("7", "21")  # PL703's own figure
    assert "7/21 项任务（33%）" in target.text()
    assert [mode.text() for mode in plan.find_all("span", cls="mode")] == \
        ["一、 单一序列", "(一) 逐级重新编号", "1. 逐级重新编号"]
    points = _section(page, 0).find("dl", cls="figures")
    assert points.find("dd", cls="fig-themes").text().startswith("已涉及 11 项：党的建设、立德树人")
    two_parts = _section(page, 4).find("dl", cls="figures")
    assert [(t.get("data-with-target"), t.get("data-items")) for t in two_parts.find_all("div", cls="target")] == \
        [("23", "29"), ("20", "36")]


def test_a_fix_is_previewed_before_and_after(seeds):
    _, _, page = seeds
    [row] = _section(page, 0).find_all("li", cls="finding", data_rule="PL301")
    hunk = row.find("div", cls="hunk")
    assert [d.text() for d in hunk.find("div", cls="before").find_all("del")] == ["2018319"]
    assert [i.text() for i in hunk.find("div", cls="after").find_all("ins")] == ["2018年3月19日"]
    assert "需确认" in row.find("span", cls="fix-kind").text()


def test_every_rule_that_found_something_is_documented_and_every_link_lands(seeds):
    report, _, page = seeds
    codes = {d.code for d in report.diagnostics}
    articles = {article.get("id"): article for article in page.find_all("article", cls="rule")}
    assert set(articles) == {f"rule-{code}" for code in codes}
    catalog = bundled_catalog()
    for code in codes:
        article = articles[f"rule-{code}"]
        assert article.find("p", cls="rationale").text().endswith(catalog.get(code).rationale)
    standards = [s.text() for s in articles["rule-PL301"].find_all("span", cls="standard")]
    assert "GB/T 9704-2012 §7.3.5.4" in standards
    ids = {element.get("id") for element in page.elements() if element.get("id")}
    for link in page.find_all("a"):
        href = link.get("href")
        if not re.fullmatch(r"#d\d+[Lm]\d+", href):  # the text's lines and marks are laid out by the script
            assert href[1:] in ids, href


def test_the_page_fetches_nothing(seeds):
    _, _, page = seeds
    for element in page.elements():
        assert element.tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source")
        for name, value in element.attrs.items():
            assert name not in ("src", "srcset", "action", "xlink:href", "poster", "background"), element.tag
            if name == "href":
                assert value.startswith("#"), value
    [style] = page.find_all("style")
    assert "url(" not in style.text() and "@import" not in style.text()
    [script] = page.find_all("script", where=lambda e: e.get("type") is None)
    assert "//" not in script.text() and "fetch(" not in script.text() and "XMLHttpRequest" not in script.text()
    policy = page.find("meta", http_equiv="Content-Security-Policy").get("content")

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy.startswith("default-src 'none'; ") and "connect-src 'none'" in policy
    assert f"script-src {digest(script.text())};" in policy and f"style-src {digest(style.text())};" in policy


def test_hostile_text_is_shown_as_text(tmp_path):
    name = tmp_path / '"><img src=x onerror=alert(1)>.txt'
    text = (f"{HOSTILE[0]}2024年工作要点\n一、{HOSTILE[0]}\n二、{HOSTILE[1]}\n三、{HOSTILE[2]}\n"
            f"正文{HOSTILE[1]}，{HOSTILE[2]}，2018319。\n")
    name.write_text(text, encoding="utf-8")
    report = check_paths([str(name)], cache=False)
    page_text = render(report, show_report(report, [str(name)]))
    page = parse(page_text)
    assert not page.find_all("img")
    assert all(not attribute.startswith("on") for element in page.elements() for attribute in element.attrs)
    scripts = page.find_all("script")
    assert [script.get("type") for script in scripts] == ["application/json", "application/json", None]
    assert scripts[0].json()["lines"] == text.splitlines()
    assert [link.text() for link in page.find("aside").find_all("a")] == [f"一、{HOSTILE[0]}", f"二、{HOSTILE[1]}",
                                                                         f"三、{HOSTILE[2]}"]
    assert page.by_id("d0").find("summary").find("span", cls="path").text() == str(name)
    assert "<script>alert" not in page_text and "<img" not in page_text


def test_english_with_lang_en(seeds):
    report, shown, _ = seeds
    page = parse(render(report, shown, "en"))
    assert page.find("html").get("lang") == "en"
    assert page.find("h1").text() == "planlint report"
    assert page.by_id("shown").text() == "Showing 43 of 43"
    assert page.find("li", cls="finding").find("span", cls="sev").text() in ("error", "warning", "info")
    assert "Numbering" in _section(page, 0).find("dl", cls="figures").text()


def test_a_file_changed_since_its_check_shows_only_its_findings_lines(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("一、甲\n三、乙\n", encoding="utf-8")
    report = check_paths([str(path)], select=["PL101"], cache=False)
    path.write_text("一、甲\n二、乙\n", encoding="utf-8")
    assert show_report(report, [str(path)]) == {}
    page = parse(render(report, {}))
    data = page.by_id("d0-data").json()
    assert "lines" not in data and data["excerpts"] == [[2, "三、乙"]]
    assert not page.find_all("dl", cls="figures")
    assert "只显示有问题的行" in page.by_id("d0").text()


def test_a_report_without_files_or_findings():
    empty = parse(render(Report(rules=list(bundled_catalog().rules))))
    assert empty.by_id("shown").get("data-total") == "0" and not empty.find_all("details", cls="doc")
    clean = check_text("一、总体要求\n二、主要任务\n", path="clean.txt", select=["PL101"])
    page = parse(render(Report(files=[clean], rules=list(bundled_catalog().rules))))
    assert "open" in page.by_id("d0").attrs and page.find("p", cls="clean").text() == "未发现问题"
    assert page.by_id("d0-data").json() == {"excerpts": [], "marks": []}


def test_check_writes_the_report_with_dash_o(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), "seeds", "missing.txt"])
    assert result.exit_code == 2, result.output  # a file that could not be read
    assert "missing.txt" in result.output  # on standard error too, as for the other machine formats
    page = parse(out.read_text(encoding="utf-8"))
    assert len(page.find_all("details", cls="doc")) == 5 and len(page.find_all("li", cls="finding")) == 43
    assert [item.text() for item in page.by_id("errors").find_all("li")] == ["错误: missing.txt: 文件或目录不存在"]
    english = CliRunner().invoke(main, ["check", "--format", "html", "--lang", "en", str(SEEDS[1])])
    assert english.exit_code == 0 and parse(english.output).find("h1").text() == "planlint report"


def test_standard_input_is_shown_by_its_findings_lines():
    result = CliRunner().invoke(main, ["check", "--format", "html", "--select", "PL101",
                                       "--stdin-filename", "in.txt", "-"], input="一、甲\n三、乙\n四、丙\n")
    page = parse(result.output)
    assert page.by_id("d0-data").json()["excerpts"] == [[2, "三、乙"]]
    assert page.find("span", cls="path").text() == "in.txt"


def test_markdown_and_word_show_the_text_their_positions_count_in(tmp_path):
    import docx

    markdown = tmp_path / "plan.md"
    markdown.write_text("# 某局2024年工作要点\n\n## 一、总体要求\n\n## 三、主要任务\n", encoding="utf-8")
    word = tmp_path / "plan.docx"
    document = docx.Document()
    for line in ("某局2024年工作要点", "一、总体要求", "三、主要任务，实施阶段（20186月）"):
        document.add_paragraph(line)
    document.save(word)
    paths = [str(markdown), str(word)]
    report = check_paths(paths, cache=False)
    page = parse(render(report, show_report(report, paths)))
    assert page.by_id("d0-data").json()["lines"] == markdown.read_text(encoding="utf-8").splitlines()
    assert page.by_id("d1-data").json()["lines"] == ["某局2024年工作要点", "一、总体要求",
                                                     "三、主要任务，实施阶段（20186月）"]
    [gap] = page.by_id("d0").find_all("li", cls="finding", data_rule="PL101")
    assert (gap.get("data-line"), gap.get("data-column")) == ("5", "4")
    assert page.by_id("d1").find("li", cls="finding", data_rule="PL302").find("a").get("title") == "第 3 段第 13 字"


def test_the_template_autoescapes():
    env = html_reporter.environment()
    assert env.autoescape is True
    assert env.from_string("{{ value }}").render(value="<b>") == "&lt;b&gt;"
    assert re.search(r"\\u003c/script", env.from_string("{{ value|tojson }}").render(value="</script>"))


def test_the_outline_of_a_document_without_headings():
    page = parse(render(Report(files=[check_text("只有一段正文。\n", path="a.txt")]),
                        {"a.txt": _shown("只有一段正文。\n", "a.txt")}))
    assert page.by_id("d0").find("aside").find("p", cls="note").text() == "未识别出编号标题"


def _shown(text: str, path: str):
    from planlint.api import Shown

    document = parse_outline(text, path)
    return Shown(document, document.lines)
