"""The library API: planlint's public names, what each gives, and that importing it costs nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import planlint
from planlint.failures import Failure

ROOT = Path(__file__).resolve().parents[1]
GAP = "一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n三、主要任务\n加强党建。\n"


def test_every_public_name_is_there():
    for name in planlint.__all__:
        assert getattr(planlint, name) is not None, name
    assert (ROOT / "planlint" / "py.typed").is_file()


def test_importing_planlint_loads_nothing_else():
    script = ("import sys, json, planlint; print(json.dumps(sorted(name for name in sys.modules "
              "if name.split('.')[0] in ('planlint', 'typing', 'click', 'rich', 'lark', 'yaml', 'regex'))))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(loaded.stdout) == ["planlint"]


def test_check_text_and_fix_text():
    checked = planlint.check_text(GAP, select=["PL101"])
    assert [(d.code, d.line) for d in checked.diagnostics] == [("PL101", 3)]
    unsafe = planlint.fix_text(GAP, select=["PL101"], unsafe_fixes=True)
    assert unsafe.fixed_text == GAP.replace("三、", "二、") and unsafe.fixed == 1 and unsafe.diagnostics == []
    safe = planlint.fix_text(GAP, select=["PL101"])  # renumbering is an unsafe fix
    assert safe.fixed_text == GAP and safe.fixed == 0 and [d.code for d in safe.diagnostics] == ["PL101"]


def test_fix_text_says_when_it_rolled_back(monkeypatch):
    from planlint import fixes

    monkeypatch.setattr(fixes, "MAX_PASSES", 0)  # no pass may settle: every fix is undone
    result = planlint.fix_text(GAP, select=["PL101"], unsafe_fixes=True)
    assert result.fixed_text == GAP and result.failures == [Failure.write("<text>", "fix-rolled-back", "PL101")]


def test_parse_and_parse_path(tmp_path):
    document = planlint.parse(GAP)
    assert [(node.marker.raw, node.title) for node in document.headings()] == [("一、", "总体要求"), ("三、", "主要任务")]
    markdown = planlint.parse("## 一、总体要求\n\n- （一）加强党建\n", "plan.md")
    assert [node.marker.raw for node in markdown.headings()] == ["一、", "（一）"]
    (tmp_path / "plan.md").write_text("## 一、总体要求\n\n- （一）加强党建\n", encoding="utf-8")
    assert planlint.parse_path(str(tmp_path / "plan.md")).to_dict() == markdown.to_dict() | {
        "path": str(tmp_path / "plan.md")}
    assert planlint.parse_path(str(tmp_path / "none.txt")) == Failure.load(str(tmp_path / "none.txt"), "missing")


def test_check_paths_reports_failures_of_every_stage(tmp_path, monkeypatch):
    import dataclasses

    import docx

    from planlint import engine
    from planlint.kinds import load_kind

    def crash(document, params, state):
        raise ValueError("bad state")

    crashing = dataclasses.replace(load_kind("balance"), check=crash)
    monkeypatch.setattr(engine, "load_kind", lambda name: crashing if name == "balance" else load_kind(name))
    (tmp_path / "plan.txt").write_text(GAP, encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("一、总体要求")
    word.save(str(tmp_path / "plan.docx"))
    report = planlint.check_paths([str(tmp_path), str(tmp_path / "gone.txt")], select=["PL101", "PL501"], fix=True,
                                  cache=False)
    assert sorted((Path(f.path).name, f.stage, f.reason, f.code) for f in report.errors) == [
        ("gone.txt", "load", "missing", None), ("plan.docx", "rule", "crashed", "PL501"),
        ("plan.docx", "write", "docx-fix", None), ("plan.txt", "rule", "crashed", "PL501")]
    assert [(Path(d.path).name, d.code) for d in report.diagnostics] == [("plan.txt", "PL101")]
