"""The command line through click's runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
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
    from planlint.catalog import load

    (tmp_path / "broken.yaml").write_text("rules: [{code: PL001}]\n", encoding="utf-8")
    monkeypatch.setattr(load, "bundled_dir", lambda name: tmp_path)
    catalog.bundled_catalog.cache_clear()
    try:
        result = run("check", str(SEEDS))
    finally:
        catalog.bundled_catalog.cache_clear()
    assert result.exit_code == 2
    assert "broken.yaml: 规则 PL001: 缺少必填项 name、category" in result.stderr


def test_unknown_format_lists_the_choices(run, draft):
    result = run("check", "--format", "xml", draft("x"))
    assert result.exit_code == 2
    assert result.stderr.startswith('错误: --format/--output-format 的值 "xml" 无效，可选：text、concise、json、sarif、')
    assert "gitlab" in result.stderr


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


# The exit-code contract: 0 and 1 are about findings; every failure is 2 and one line.

def _one_line(result) -> str:
    assert "Traceback" not in result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.rstrip("\n")


@pytest.mark.parametrize(("lang", "line"), [("zh", "错误: {path}: 无法写入报告：所在目录不存在"),
                                            ("en", "error: {path}: cannot write the report: its directory does not exist")])
def test_output_file_in_a_missing_directory(run, draft, tmp_path, lang, line):
    target = str(tmp_path / "missing" / "out.json")
    result = run("check", "--lang", lang, "-o", target, draft("一、甲\n"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert _one_line(result) == line.format(path=target)


def test_output_file_that_is_a_directory(run, draft, tmp_path):
    result = run("check", "-o", str(tmp_path), draft("一、甲\n"))
    assert result.exit_code == 2
    assert _one_line(result).startswith(f'错误: -o/--output-file："{tmp_path}" 是目录，应为文件')


def test_fix_on_undecodable_stdin_prints_only_the_load_error(run):
    result = run("check", "--fix", "-", input=b"\x00\x01\x02binary")
    assert (result.exit_code, result.stdout) == (2, "")
    assert _one_line(result) == "错误: -: 是二进制文件，不是文本，已跳过"


def test_fix_on_a_docx_from_stdin_reports_and_exits_2(run, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("南教办[2018]23号")
    document.save(tmp_path / "a.docx")
    result = run("check", "--fix", "--format", "concise", "--stdin-filename", "a.docx", "-",
                 input=(tmp_path / "a.docx").read_bytes())
    assert (result.exit_code, result.stdout) == (2, "")
    assert "a.docx:1:4: PL601" in result.stderr
    assert "错误: a.docx: 不会自动修改 .docx 文件" in result.stderr and "Traceback" not in result.output


def test_fix_on_stdin_with_an_output_file_keeps_the_fixed_text_on_stdout(run, tmp_path):
    target = tmp_path / "report.txt"
    result = run("check", "--fix", "--format", "concise", "-o", str(target), "-", input="一、甲\n1、子\n2.丑\n3.寅\n")
    assert result.stdout == "一、甲\n1.子\n2.丑\n3.寅\n"
    assert "已自动修复 1 处" in target.read_text(encoding="utf-8")


@pytest.fixture
def broken_check(monkeypatch):
    import planlint.api

    def crash(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(planlint.api, "check_paths", crash)
    monkeypatch.delenv("PLANLINT_DEBUG", raising=False)


def test_an_internal_error_is_one_line_asking_for_a_report(run, draft, broken_check):
    result = run("check", draft("一、甲\n"))
    assert result.exit_code == 2
    line = _one_line(result)
    assert line.startswith("错误: planlint 内部错误（RuntimeError: boom second line）。这是 planlint 的缺陷，请")
    english = run("check", "--lang", "en", draft("一、甲\n"))
    assert _one_line(english).startswith("error: internal error in planlint (RuntimeError: boom second line). "
                                         "This is a bug: please report it")


@pytest.mark.parametrize(("args", "env"), [(("--verbose",), None), ((), {"PLANLINT_DEBUG": "1"})])
def test_the_traceback_only_when_asked(run, draft, broken_check, args, env):
    result = run("check", *args, draft("一、甲\n"), env=env)
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and 'raise RuntimeError("boom' in result.stderr
    assert result.stderr.rstrip("\n").splitlines()[-1].startswith("错误: planlint 内部错误")


def test_a_closed_standard_output_is_exit_2_not_1(run, draft, monkeypatch):
    from planlint.reporters import concise

    def closed(*args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(concise, "render", closed)
    result = run("check", "--format", "concise", draft("一、甲\n三、乙\n"))
    assert result.exit_code == 2
    assert _one_line(result) == "错误: 标准输出在报告写完之前被关闭"


def test_ctrl_c_exits_130(run, draft, monkeypatch):
    import planlint.api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(planlint.api, "check_paths", interrupted)
    result = run("check", draft("一、甲\n"))
    assert result.exit_code == 130 and "已中断" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ("tree",), ("tree", "{tmp}"), ("tree", "{tmp}/missing.txt"), ("tree", "--format", "xml", "{tmp}/a.txt"),
    ("rule",), ("rule", "PL999"), ("rules", "--format", "csv"), ("test-rules",), ("test-rules", "{tmp}/a.txt"),
    ("test-rules", "{tmp}/empty"), ("clean", "--lang", "fr"), ("nosuch",), ("check", "--jobs", "0", "{tmp}"),
    ("check", "--fail-on", "fatal", "{tmp}"), ("check", "--config", "{tmp}/missing.toml", "{tmp}"),
    ("check", "--baseline", "{tmp}", "{tmp}"), ("check", "--write-baseline", "{tmp}/no/b.json", "{tmp}"),
    ("check", "--select"), ("check", "--quiet=yes", "{tmp}"), ("check", "--select", "PL999", "{tmp}"),
])
def test_no_command_gives_a_traceback_on_bad_input(run, tmp_path, args):
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = run(*(arg.replace("{tmp}", str(tmp_path)) for arg in args))
    assert result.exit_code == 2
    assert _one_line(result).startswith("错误: ")


def test_tree_on_undecodable_stdin(run):
    result = run("tree", "-", input=b"\x00\x01binary")
    assert result.exit_code == 2 and _one_line(result) == "错误: -: 是二进制文件，不是文本，已跳过"


# Misconfiguration: exit 2, naming the file, the key and the value.

def _office(tmp_path, config: str, rules: dict[str, str] | None = None):
    (tmp_path / "planlint.toml").write_text(config, encoding="utf-8")
    for name, content in (rules or {}).items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    return str(tmp_path / "a.txt")


def test_a_rules_dir_that_is_missing(run, tmp_path):
    draft = _office(tmp_path, 'rules-dirs = ["rulez"]\n')
    result = run("check", draft)
    assert result.exit_code == 2
    assert _one_line(result) == (f'错误: {tmp_path / "planlint.toml"}: 配置项 rules-dirs: '
                                 f'目录 "rulez" 不存在（{tmp_path / "rulez"}）')


def test_a_rules_dir_that_is_a_file(run, tmp_path):
    draft = _office(tmp_path, 'rules-dirs = ["a.txt"]\n')
    result = run("check", "--lang", "en", draft)
    assert result.exit_code == 2
    assert _one_line(result) == (f'error: {tmp_path / "planlint.toml"}: key rules-dirs: '
                                 f'"a.txt" is not a directory ({tmp_path / "a.txt"})')


@pytest.mark.parametrize("content", ["", "rules: []\n", "# nothing yet\n"])
def test_a_rules_file_without_rules(run, tmp_path, content):
    draft = _office(tmp_path, 'rules-dirs = ["rules"]\n', {"rules/office.yaml": content})
    result = run("check", draft)
    assert result.exit_code == 2
    assert _one_line(result) == f"错误: {tmp_path / 'rules' / 'office.yaml'}: 文件中没有规则（rules: 下至少要有一条）"


def test_a_rules_dir_without_rule_files(run, tmp_path):
    draft = _office(tmp_path, 'rules-dirs = ["rules"]\n', {"rules/README.txt": "规则见此\n"})
    result = run("check", draft)
    assert result.exit_code == 2
    assert _one_line(result) == (f"错误: {tmp_path / 'rules'}: "
                                 "目录中没有规则文件（*.yaml 或 *.yml）或文档类型配置（profiles/*.yaml）")


def test_an_unknown_profile_lists_the_known_types(run, draft):
    result = run("check", "--profile", "工作方案", draft("一、甲\n"))
    assert result.exit_code == 2
    assert _one_line(result) == ('错误: --profile 的值 "工作方案" 不是已知的文档类型；'
                                 '已知的类型：实施方案、工作总结、工作要点、工作计划、行动计划')
    assert run("check", "--profile", "工作要点", draft("一、甲\n")).exit_code == 0


def test_an_unknown_profile_in_the_configuration(run, tmp_path):
    draft = _office(tmp_path, 'profile = "工作方案"\n')
    result = run("check", "--lang", "en", draft)
    assert result.exit_code == 2
    assert _one_line(result) == (f'error: {tmp_path / "planlint.toml"}: key profile: unknown document type '
                                 '"工作方案"; known types: 实施方案, 工作总结, 工作要点, 工作计划, 行动计划')


@pytest.mark.parametrize(("content", "zh", "en"), [
    ("{", "不是 planlint 的基线文件", "not a planlint baseline"),
    ('{"version": 1, "entries": [{"path": "a.txt"}]}', "不是 planlint 的基线文件", "not a planlint baseline"),
    ('{"version": 2, "entries": []}', "基线文件的版本 2 不受支持", "baseline version 2 is not supported"),
])
def test_a_baseline_that_is_not_one(run, draft, tmp_path, content, zh, en):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    path = draft("一、甲\n")
    for lang, words in (("zh", zh), ("en", en)):
        result = run("check", "--lang", lang, "--baseline", str(baseline), path)
        assert (result.exit_code, result.stdout) == (2, "")
        assert _one_line(result).startswith(f"{'错误' if lang == 'zh' else 'error'}: {baseline}: {words}")


# One language per run.

def _english_sentence(text: str, *names: str):
    """Two English words in a row, once paths, option names, quoted values and
    the program's own name are taken out: what a Chinese run must not print."""
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r'"[^"]*"|--?[A-Za-z][\w-]*|planlint(?: [a-z-]+)?', "", text)
    return re.search(r"[A-Za-z]{2,}[\s,;:'()]+[A-Za-z]{2,}", text)


@pytest.fixture
def failures(tmp_path, monkeypatch):
    """A way to make each kind of failure: (arguments, an English fragment of its message)."""
    from planlint import engine

    monkeypatch.setattr(engine, "PATTERN_TIME_LIMIT", 0.01)
    slow_rule = {"code": "XX001", "name": "slow-rule", "category": "expression", "severity": "info",
                 "kind": "pattern", "params": {"pattern": "(甲|甲甲)+乙"}, "message": {"zh": "慢", "en": "slow"},
                 "rationale": "测试。", "examples": {"bad": ["甲乙"], "good": ["甲"]}}
    bad_rule = {**slow_rule, "code": "XX002", "name": "bad-rule", "severity": "fatal", "examples": {"bad": []}}
    kinds = {}
    for name, config, rules, text in [
        ("config-type", "select = 5\n", {}, "一、甲\n"),
        ("config-enum", '[severity]\nPL101 = "fatal"\n', {}, "一、甲\n"),
        ("config-key", 'colour = "red"\n', {}, "一、甲\n"),
        ("config-length", 'exclude = [""]\n', {}, "一、甲\n"),
        ("rule-file", 'rules-dirs = ["rules"]\n', {"rules/bad.yaml": bad_rule}, "一、甲\n"),
        ("timeout", 'rules-dirs = ["rules"]\n', {"rules/slow.yaml": slow_rule}, "甲" * 40 + "丙\n"),
    ]:
        directory = tmp_path / name
        directory.mkdir()
        (directory / "planlint.toml").write_text(config, encoding="utf-8")
        for file, rule in rules.items():
            (directory / file).parent.mkdir()
            (directory / file).write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
        (directory / "a.txt").write_text(text, encoding="utf-8")
        kinds[name] = ("check", "--no-cache", str(directory / "a.txt"))
    kinds.update({
        "no-such-option": ("check", "--bogus"), "bad-choice": ("check", "--format", "xml"),
        "missing-argument": ("tree",), "needs-value": ("check", "--select"), "no-value": ("check", "--fix=1"),
        "bad-path": ("check", "--baseline", str(tmp_path / "missing.json")), "bad-number": ("check", "-j", "0"),
        "no-such-command": ("chek",),
    })
    return kinds


ENGLISH = {
    "config-type": "must be a list, not 5", "config-enum": 'is not one of "error", "warning", "info"',
    "config-key": "unknown key; known keys are", "config-length": "key exclude[0]: must not be empty",
    "rule-file": "rule XX002: field 'examples.bad': must not be an empty list",
    "timeout": "rule XX001 did not finish: its pattern took longer than 0.01s and was stopped",
    "no-such-option": "no such option --bogus", "bad-choice": 'invalid value "xml" for --format/--output-format',
    "missing-argument": "missing argument PATH", "needs-value": "option --select needs a value",
    "no-value": "option --fix takes no value", "bad-path": "missing.json\" does not exist",
    "bad-number": 'invalid value "0" for -j/--jobs', "no-such-command": "no such command chek",
}


@pytest.mark.parametrize("kind", sorted(ENGLISH))
def test_a_chinese_run_says_every_failure_in_chinese(run, failures, tmp_path, kind):
    zh = run(*failures[kind])
    assert zh.exit_code == 2, zh.output
    assert zh.stderr.startswith("错误: ") and "Traceback" not in zh.output
    assert not _english_sentence(zh.stderr, str(tmp_path)), zh.stderr
    en = run(*failures[kind], env={"PLANLINT_LANG": "en"})
    assert en.exit_code == 2
    assert ENGLISH[kind] in en.stderr, en.stderr
    assert "错误" not in en.stderr


def test_the_language_is_the_last_lang_given(run):
    assert run("check", "--lang", "en", "--bogus", "--lang=zh").stderr.startswith("错误: 没有 --bogus 这个选项")
    assert run("check", "--bogus", "--lang", "en").stderr.startswith("error: no such option --bogus")
    assert run("check", "--bogus", env={"PLANLINT_LANG": "en"}).stderr.startswith("error: ")


# Baselines and statistics.

def test_writing_a_baseline_exits_0_unless_a_file_failed(run, draft, tmp_path):
    path = draft("一、甲。正文\n三、乙。正文\n")
    assert run("check", "--write-baseline", str(tmp_path / "b.json"), path).exit_code == 0
    failed = run("check", "--write-baseline", str(tmp_path / "b.json"), path, str(tmp_path / "missing.txt"))
    assert failed.exit_code == 2


def test_a_baseline_says_how_many_it_hid(run, draft, tmp_path):
    path = draft("一、甲。正文\n三、乙。正文\n南教办[2018]23号\n")
    baseline = str(tmp_path / "b.json")
    run("check", "--select", "PL1,PL6", "--write-baseline", baseline, path)
    text = run("check", "--select", "PL1,PL6", "--baseline", baseline, path)
    assert text.exit_code == 0
    assert text.stdout.splitlines()[-1] == "共检查 1 个文件，未发现问题；基线隐藏了 2 条诊断"
    concise = run("check", "--select", "PL1,PL6", "--format", "concise", "--lang", "en", "--baseline", baseline, path)
    assert concise.stdout.splitlines()[-1] == "Checked 1 file: no problems found; 2 diagnostics hidden by the baseline"
    machine = run("check", "--select", "PL1,PL6", "--format", "json", "--baseline", baseline, path)
    assert json.loads(machine.stdout) == []
    assert machine.stderr == "基线隐藏了 2 条诊断\n"


def test_statistics_count_every_occurrence_of_an_aggregated_diagnostic(run, draft):
    path = draft("一、总体要求\n" + "甲,乙,丙。\n" * 5)
    diagnostics = json.loads(run("check", "--select", "PL503", "--format", "json", path).stdout)
    assert len(diagnostics) == 1 and "全文共 10 处" in diagnostics[0]["message"]
    assert list(diagnostics[0]) == JSON_KEYS
    counts = json.loads(run("check", "--select", "PL503", "--statistics", "--format", "json", path).stdout)
    assert counts["by_code"][0]["count"] == counts["by_category"][0]["count"] == 10


def test_a_rule_that_crashes_is_named_in_the_run_s_language(run, draft, monkeypatch):
    import dataclasses

    from planlint import engine
    from planlint.kinds import load_kind

    def crash(document, params, state):
        raise ValueError("bad state")

    crashing = dataclasses.replace(load_kind("balance"), check=crash)
    monkeypatch.setattr(engine, "load_kind", lambda name: crashing if name == "balance" else load_kind(name))
    result = run("check", "--no-cache", "--select", "PL501", "--format", "concise", draft("一、甲\n"))
    assert result.exit_code == 2
    assert _one_line(result).endswith("规则 PL501 未能完成：规则出错（ValueError: bad state）")


def test_a_broken_configuration_found_by_a_worker_process_is_still_one_line(run, tmp_path, monkeypatch):
    from planlint import runner

    monkeypatch.setattr(runner, "_PARALLEL_MIN_BYTES", 0)  # the pool, whose errors come back pickled
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / ".planlint.yaml").write_text("select: 5\n", encoding="utf-8")
    for index in range(10):
        (nested / f"{index}.txt").write_text("一、甲\n", encoding="utf-8")
    result = run("check", "--no-cache", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 2
    assert _one_line(result) == f"错误: {nested / '.planlint.yaml'}: 配置项 select: 应为列表，而不是 5"


def test_test_rules_says_a_timeout_in_the_run_s_language(run, tmp_path, monkeypatch):
    from planlint import engine

    monkeypatch.setattr(engine, "PATTERN_TIME_LIMIT", 0.01)
    rule = {"code": "XX001", "name": "slow-rule", "category": "expression", "severity": "info",
            "kind": "pattern", "params": {"pattern": "(甲|甲甲)+乙"}, "message": {"zh": "慢", "en": "slow"},
            "rationale": "测试。", "examples": {"bad": ["甲" * 40 + "丙"], "good": ["甲"]}}
    (tmp_path / "slow.yaml").write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    result = run("test-rules", str(tmp_path))
    assert result.exit_code == 1
    assert "    规则 XX001 未能完成：正则表达式运行超过 0.01 秒，已停止\n" in result.stdout
