"""The command line through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint import __version__
from planlint.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
JSON_KEYS = ["path", "code", "rule", "category", "severity", "message", "line", "column",
             "end_line", "end_column", "fix"]


@pytest.fixture
def run(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("PLANLINT_LANG", raising=False)

    def invoke(*args, input=None, env=None):
        return CliRunner().invoke(main, list(args), input=input, env=env)

    return invoke


@pytest.fixture
def draft(tmp_path):
    def write(text: str, name: str = "draft.txt") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_version(run):
    result = run("--version")
    assert (result.exit_code, result.stdout.strip()) == (0, f"planlint {__version__}")


def test_check_seeds_text(run):
    result = run("check", "--select", "PL104,PL30", str(SEEDS))
    assert result.exit_code == 1
    assert "001_eae471d872d3e7b6.txt:34:1: PL104 编号“12、”与同级其他编号的写法不一致，应为“12.”" in result.stdout
    assert "   34 │ 12、加快义务教育优质均衡发展" in result.stdout
    assert "      │ ^^^^\n" in result.stdout
    assert "共检查 5 个文件：6 个错误，1 个警告，0 条提示" in result.stdout


def test_json_output_is_a_sorted_flat_list_with_exact_keys(run):
    result = run("check", "--format", "json", str(SEEDS))
    diagnostics = json.loads(result.stdout)
    assert diagnostics and all(list(d) == JSON_KEYS for d in diagnostics)
    keys = [(d["path"], d["line"], d["column"]) for d in diagnostics]
    assert keys == sorted(keys)
    assert result.exit_code == 1


def test_output_format_alias_and_concise(run, draft):
    result = run("check", "--output-format", "concise", "--lang", "en", draft("一、甲。正文\n三、乙。正文\n"))
    assert result.stdout.splitlines()[0].endswith(
        "draft.txt:2:1: PL101 Numbering skips: expected “二、”, found “三、” (missing 二、)")
    assert result.stdout.splitlines()[-1] == "Checked 1 file: 1 error, 0 warnings, 0 infos"


def test_lang_from_environment(run, draft):
    result = run("check", "--format", "concise", draft("一、甲。正文\n三、乙。正文\n"), env={"PLANLINT_LANG": "en"})
    assert "Numbering skips" in result.stdout


def test_select_ignore_and_unknown_selector(run):
    only = run("check", "--format", "json", "--select", "PL104", str(SEEDS))
    assert {d["code"] for d in json.loads(only.stdout)} == {"PL104"}
    ignored = run("check", "--format", "json", "--select", "PL104,date", "--ignore", "date,PL104", str(SEEDS))
    assert json.loads(ignored.stdout) == []
    assert ignored.exit_code == 0
    unknown = run("check", "--select", "PL999", str(SEEDS))
    assert unknown.exit_code == 2 and "PL999" in unknown.stderr


def test_fail_on_and_exit_zero(run, draft):
    path = draft("1.甲。\n2、乙。\n3.丙。\n")
    assert run("check", path).exit_code == 0
    assert run("check", "--fail-on", "warning", path).exit_code == 1
    assert run("check", "--fail-on", "warning", "--exit-zero", path).exit_code == 0


def test_missing_file_is_reported_and_others_still_checked(run, draft):
    path = draft("一、甲。正文\n三、乙。正文\n")
    result = run("check", "--format", "concise", "/no/such.txt", path)
    assert result.exit_code == 2
    assert "错误: /no/such.txt: 文件或目录不存在" in result.stderr
    assert "PL101" in result.stdout


def test_undecodable_file_is_skipped_with_a_clear_line(run, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("check", "--lang", "en", str(tmp_path / "bad.txt"))
    assert result.exit_code == 2
    assert "bad.txt: is a binary file, not text; skipped" in result.stderr
    assert "Traceback" not in result.output


def test_stdin_with_a_name(run):
    result = run("check", "--format", "concise", "--stdin-filename", "草稿.txt", "-", input="一、甲。正文\n三、乙。正文\n")
    assert result.stdout.startswith("草稿.txt:2:1: PL101")


def test_quiet_prints_only_diagnostics(run, draft):
    result = run("check", "--quiet", "--format", "concise", "--select", "PL101", draft("一、甲。正文\n三、乙。正文\n"))
    assert len(result.stdout.splitlines()) == 1


def test_colour_is_off_unless_asked(run, draft):
    path = draft("一、甲。正文\n三、乙。正文\n")
    assert "\x1b[" not in run("check", path).stdout
    assert "\x1b[" in run("check", "--color", path).stdout
    assert "\x1b[" not in run("check", "--no-color", path).stdout


def test_no_color_environment_wins_over_a_terminal(monkeypatch):
    import io

    from planlint.reporters.text import make_console

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    make_console(out, None).print("x", style="red")
    assert "\x1b[" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    make_console(out, None).print("x", style="red")
    assert "\x1b[" not in out.getvalue()
    out = Terminal()
    make_console(out, True).print("x", style="red")
    assert "\x1b[" in out.getvalue()


def test_rules_and_rule(run):
    listing = run("rules", "--format", "json")
    codes = [rule["code"] for rule in json.loads(listing.stdout)]
    assert "PL101" in codes and codes == sorted(codes)
    one = run("rule", "PL104")
    assert one.exit_code == 0 and "GB/T 15834-2011" in one.stdout and "12、加快义务教育发展。" in one.stdout
    by_name = run("rule", "numbering-gap", "--lang", "en")
    assert "Numbering skips" in by_name.stdout
    assert run("rule", "PL999").exit_code == 2


def test_tree(run):
    seed = str(next(SEEDS.glob("003_*.txt")))
    text = run("tree", seed)
    assert "港南区教育提升三年行动计划实施方案" in text.stdout and "(二)基本原则" in text.stdout
    data = json.loads(run("tree", "--format", "json", seed).stdout)
    assert data["metadata"]["period"] == [2018, 2020]
    assert [node["marker"]["raw"] for node in data["outline"]] == ["一、", "二、", "三、", "四、"]
    assert run("tree", "/no/such.txt").exit_code == 2


def test_broken_bundled_rules_exit_2(run, monkeypatch, tmp_path):
    from planlint import catalog

    (tmp_path / "broken.yaml").write_text("rules: [{code: PL001}]\n", encoding="utf-8")
    monkeypatch.setattr(catalog, "bundled_dir", lambda name: tmp_path)
    catalog.bundled_catalog.cache_clear()
    try:
        result = run("check", str(SEEDS))
    finally:
        catalog.bundled_catalog.cache_clear()
    assert result.exit_code == 2
    assert "broken.yaml: rule PL001: 'name' is a required property" in result.stderr


def test_unknown_format_lists_the_choices(run, draft):
    result = run("check", "--format", "xml", draft("x"))
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr and "sarif" in result.stderr and "gitlab" in result.stderr


def test_output_file_and_statistics(run, tmp_path):
    target = tmp_path / "report.json"
    result = run("check", "--statistics", "--format", "json", "--output-file", str(target),
                 "--select", "PL104,PL30", str(SEEDS))
    assert result.exit_code == 1 and result.stdout == ""
    counts = json.loads(target.read_text(encoding="utf-8"))
    assert counts["by_code"][0]["code"] == "PL302"


def test_fix_and_diff_through_the_cli(run, draft):
    path = draft("南教办[2018]23号\n一、甲。正文\n三、乙。正文\n")
    diff = run("check", "--diff", path)
    assert diff.exit_code == 1
    assert "-南教办[2018]23号\n+南教办〔2018〕23号\n" in diff.stdout
    assert Path(path).read_text(encoding="utf-8").startswith("南教办[2018]")
    fixed = run("check", "--fix", "--format", "concise", path)
    assert fixed.exit_code == 1  # the gap needs --unsafe-fixes
    assert "PL101" in fixed.stdout and "已自动修复 1 处" in fixed.stdout
    assert run("check", "--diff", path).exit_code == 0
    assert run("check", "--fix", "--unsafe-fixes", path).exit_code == 0
    assert Path(path).read_text(encoding="utf-8") == "南教办〔2018〕23号\n一、甲。正文\n二、乙。正文\n"


def test_fix_on_stdin_prints_the_fixed_text(run):
    result = run("check", "--fix", "--format", "concise", "-", input="一、甲\n1、子\n2.丑\n3.寅\n")
    assert result.stdout == "一、甲\n1.子\n2.丑\n3.寅\n"
    assert "已自动修复 1 处" in result.stderr


def test_clean_removes_the_cache_and_says_how_much(run, draft, tmp_path):
    cache = tmp_path / "cache"
    env = {"PLANLINT_CACHE_DIR": str(cache)}
    run("check", draft("一、甲。正文\n"), env=env)
    held = sum(1 for path in cache.rglob("*") if path.is_file())
    assert held >= 1  # the draft's result (this process already holds the compiled rules and parser)
    result = run("clean", "--lang", "en", env=env)
    assert result.exit_code == 0 and f"({held} file" in result.stdout
    assert not cache.exists()
    assert "（0 个文件）" in run("clean", env=env).stdout
