"""SARIF (validated against the 2.1.0 schema), GitHub, JUnit, GitLab and --statistics."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from planlint.api import Report, check_paths, check_text
from planlint.catalog import bundled_catalog
from planlint.reporters import Options, reporter
from planlint.reporters import statistics

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


FOUNDATION = ["PL104", "PL30"]


@pytest.fixture
def seeds_report(monkeypatch):
    monkeypatch.chdir(ROOT)
    # the foundation rules: the delimiter slip and the mangled dates of the seeds
    return check_paths(["seeds", "missing.txt"], select=FOUNDATION)


def _render(name: str, report, lang: str = "zh") -> str:
    out = io.StringIO()
    reporter(name).render(report, out, Options(lang=lang))
    return out.getvalue()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_is_valid_and_complete(seeds_report, lang):
    sarif = json.loads(_render("sarif", seeds_report, lang))
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in seeds_report.rules]
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
               and rule["defaultConfiguration"]["level"] in ("error", "warning", "note") for rule in rules)
    results = run["results"]
    assert len(results) == len(seeds_report.diagnostics) == 7
    first = results[0]
    assert first["ruleId"] == "PL301" and rules[first["ruleIndex"]]["id"] == "PL301"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 23, "startColumn": 3, "endLine": 23, "endColumn": 10}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_42d7a22f1583c568.txt"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "missing.txt" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_of_every_fixture_is_valid():
    for text in ("", "一、甲\n三、乙\n", "南教办[2018]第023号\n", "《“\n"):
        report = Report(files=[check_text(text, path="目录/草稿 1.txt", select=["ALL"])],
                                                  rules=list(bundled_catalog().rules))
        sarif = json.loads(_render("sarif", report))
        jsonschema.validate(sarif, SCHEMA)
        for result in sarif["runs"][0]["results"]:
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri == "%E7%9B%AE%E5%BD%95/%E8%8D%89%E7%A8%BF%201.txt"


def test_github_annotations_escape_properties_and_data():
    report = Report(files=[check_text("一、甲\n三、乙\n", path="a,b:c%.txt", select=["PL101"])])
    [line] = _render("github", report).splitlines()
    assert line == ("::error file=a%2Cb%3Ac%25.txt,line=2,col=1,endLine=2,endColumn=3,title=PL101"
                    "::PL101 编号不连续：此处应为“二、”，实为“三、”（缺少 二、）")


def test_github_severities(seeds_report):
    lines = _render("github", seeds_report).splitlines()
    assert sum(line.startswith("::error file=") for line in lines) == 6
    assert sum(line.startswith("::warning file=") for line in lines) == 1
    assert lines[-1].startswith("::error ::") and "missing.txt" in lines[-1]


def test_junit_has_a_testcase_per_file_and_a_failure_per_diagnostic(seeds_report):
    root = ET.fromstring(_render("junit", seeds_report))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [f.path for f in seeds_report.files] + ["missing.txt"]
    assert sum(len(case.findall("failure")) for case in cases) == 7
    assert cases[-1].find("error") is not None
    assert (suite.get("failures"), suite.get("errors")) == ("7", "1")


def test_gitlab_fingerprints_are_stable_when_lines_move():
    def issues(text):
        report = Report(files=[check_text(text, path="d.txt", select=["PL101", "PL601"])])
        return json.loads(_render("gitlab", report))

    before = issues("一、甲\n三、乙\n南教办[2018]23号\n")
    after = issues("前言。\n\n一、甲\n三、乙\n南教办[2018]23号\n")
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert len({i["fingerprint"] for i in before}) == len(before) == 2
    assert before[0]["location"] == {"path": "d.txt", "positions": {"begin": {"line": 2, "column": 1},
                                                                    "end": {"line": 2, "column": 3}}}
    assert {i["severity"] for i in before} == {"major"}


def test_statistics_by_code_and_category(seeds_report):
    counts = statistics.tally(seeds_report)
    assert counts["by_code"][0] == {"code": "PL302", "name": "date-year-glued-to-month", "category": "date",
                                    "severity": "error", "count": 4}
    assert counts["by_category"] == [{"category": "date", "count": 6}, {"category": "numbering", "count": 1}]
    out = io.StringIO()
    statistics.render(seeds_report, out, Options())
    assert out.getvalue().splitlines()[0] == "4  PL302  date-year-glued-to-month  [date]"


def test_statistics_count_each_occurrence_of_an_aggregated_diagnostic():
    result = check_text("一、总体要求\n" + "甲,乙,丙。\n" * 5, path="d.txt", select=["PL503", "PL101"])
    [aggregated] = result.diagnostics
    assert aggregated.occurrences == 10 and "occurrences" not in aggregated.to_dict()
    counts = statistics.tally(Report(files=[result]))
    assert counts["by_code"][0]["count"] == counts["by_category"][0]["count"] == 10


def test_sarif_says_docx_lines_are_paragraphs(tmp_path):
    import docx

    path = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("南教办[2018]23号")
    document.save(path)
    report = check_paths([str(path)], select=["PL601"])
    sarif = json.loads(_render("sarif", report))
    jsonschema.validate(sarif, SCHEMA)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"lineUnit": "paragraph"} and region["startLine"] == 1
