"""`planlint trace` through click's runner, and what `planlint check` never imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.cli import main
from planlint.tracing import words as words_module

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_2b34012c7b8c070a.txt"
PLAN = ROOT / "corpus" / "trace" / "11-plan-2020.txt"


@pytest.fixture
def run(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("PLANLINT_LANG", raising=False)
    return lambda *args: CliRunner().invoke(main, [str(arg) for arg in args])


def test_text_report_on_the_two_part_seed(run):
    result = run("trace", PLAN, SEED)
    assert result.exit_code == 0, result.output
    assert "总结：" in result.output and "第 1 部分" in result.output
    assert "二、（一） 健全党对教育工作的领导体制" in result.output
    assert "共 24 项任务" in result.output


def test_json_report(run):
    result = run("trace", "--format", "json", PLAN, SEED)
    data = json.loads(result.output)
    assert data["summary"]["part"] == 1 and data["summary"]["year"] == 2020
    assert {task["status"] for task in data["tasks"]} <= {"reported", "partial", "unreported"}
    assert len(data["tasks"]) == 24


def test_html_report_to_a_file(run, tmp_path):
    page = tmp_path / "trace.html"
    result = run("trace", "--format", "html", "-o", page, PLAN, SEED)
    assert result.exit_code == 0 and result.output == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_years_that_differ_are_noted(run):
    result = run("trace", "--format", "json", SEED, SEED)  # the 2021 要点 against the 2020 总结
    assert result.exit_code == 0
    assert "注意：计划是 2021 年的，总结是 2020 年的" in result.stderr


def test_files_given_the_wrong_way_round_are_noted(run):
    result = run("trace", "--format", "json", "--lang", "en", SEED, PLAN)  # the seed's 2021 要点 against a 2020 要点
    assert result.exit_code == 0
    assert f"note: {PLAN} is not a 工作总结 (a summary) but was given as the summary" in result.stderr


def test_a_plan_without_tasks_is_an_error(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("只有一段话，没有编号。\n", encoding="utf-8")
    result = run("trace", empty, SEED)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"错误: {empty}: 没有找到任务项（编号标题的最末一级条目）"


def test_a_missing_file_and_a_broken_vocabulary_are_one_line_each(run, tmp_path):
    result = run("trace", "--lang", "en", tmp_path / "nowhere.txt", SEED)
    assert result.exit_code == 2 and "nowhere.txt" in result.stderr and len(result.stderr.splitlines()) == 1
    office = tmp_path / "office.yaml"
    office.write_text("synonyms: [培训]\n", encoding="utf-8")
    result = run("trace", "--lang", "en", "--vocabulary", office, PLAN, SEED)
    assert result.exit_code == 2
    assert result.stderr.strip() == f'error: {office}: key synonyms: must be a table (keys and values), not ["培训"]'


def test_an_office_vocabulary_is_read(run, tmp_path):
    office = tmp_path / "office.yaml"
    office.write_text("skip-sections: [加强党的建设]\n", encoding="utf-8")
    result = run("trace", "--format", "json", "--vocabulary", office, PLAN, SEED)
    assert len(json.loads(result.output)["tasks"]) == 21  # the three tasks under 二、加强党的建设 are left out


def test_without_the_extra_the_command_says_what_to_install(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)
    words_module._cut.cache_clear()
    try:
        result = run("trace", PLAN, SEED)
    finally:
        words_module._cut.cache_clear()
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误: planlint trace 需要可选的分词库（rjieba），请安装：pip install 'planlint[trace]'"


@pytest.mark.slow
def test_check_imports_nothing_of_trace(tmp_path):
    seed = next((ROOT / "seeds").glob("000_*.txt"))
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "planlint", "check", "--no-cache", str(seed)],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={"PLANLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""})
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time")}
    assert "planlint.engine" in imported  # the check ran
    assert not {name for name in imported if name.startswith(("planlint.tracing", "rjieba", "jieba"))}
