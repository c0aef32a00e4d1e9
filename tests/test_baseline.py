from __future__ import annotations

import json

from click.testing import CliRunner

from planlint.cli import main


def test_baseline_hides_known_diagnostics_even_after_lines_move(tmp_path):
    draft = tmp_path / "要点.txt"
    draft.write_text("一、甲。正文\n三、乙。正文\n南教办[2018]23号\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    written = runner.invoke(main, ["check", "--select", "PL1,PL6", "--write-baseline", str(baseline), str(draft)])
    assert written.exit_code == 0  # a CI bootstrap step: the findings are recorded, not failed
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["entries"]) == 2
    draft.write_text("前言。\n\n一、甲。正文\n三、乙。正文\n南教办[2018]23号\n五、丙。正文\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--select", "PL1,PL6", "--baseline", str(baseline),
                                  str(draft)])
    remaining = json.loads(result.stdout)
    assert [(d["code"], d["line"]) for d in remaining] == [("PL101", 6)]


def test_a_file_that_is_no_baseline_is_an_error(tmp_path):
    bogus = tmp_path / "b.json"
    bogus.write_text("[]", encoding="utf-8")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--baseline", str(bogus), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert result.stderr == f"错误: {bogus}: 不是 planlint 的基线文件（基线由 --write-baseline 生成）\n"
