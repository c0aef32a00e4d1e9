"""Configuration: discovery, every key, the sample office config, and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planlint.api import check_paths
from planlint.cli import main
from planlint.config import ConfigError, find_config, load_config

OFFICE = Path(__file__).resolve().parent / "data" / "office"


@pytest.fixture
def office(tmp_path):
    target = tmp_path / "office"
    shutil.copytree(OFFICE, target)
    return target


def _codes(report, name: str) -> list[str]:
    return [d.code for d in report.diagnostics if Path(d.path).name == name]


def test_sample_office_config_adds_a_rule_a_theme_and_raises_a_severity(office):
    report = check_paths([str(office)])
    draft = [d for d in report.diagnostics if d.path.endswith("要点.txt") and "drafts" in d.path]
    codes = {d.code: d for d in draft}
    assert codes["JY001"].message == "本局统一表述为““双减”工作”"          # the office's own rule
    assert codes["PL104"].severity == "error"                               # raised to error
    assert "PL312" in codes                                                 # extend-select
    assert "PL702" not in codes  # the office's themes (党建, 安全, 课后服务) are all covered


def test_office_theme_is_required(office):
    draft = office / "drafts" / "要点.txt"
    draft.write_text(draft.read_text(encoding="utf-8").replace("推进课后服务", "推进教研"), encoding="utf-8")
    [theme] = [d for d in check_paths([str(draft)]).diagnostics if d.code == "PL702"]
    assert "课后服务" in theme.message


def test_per_file_ignores_and_exclude(office):
    report = check_paths([str(office)])
    assert "PL301" not in _codes(report, "2018要点.txt")                   # archive/** ignores PL3
    assert check_paths([str(office / "archive")], config=str(office / "planlint.toml")).files
    assert not any("scratch" in result.path for result in report.files)    # excluded
    assert "PL301" in [d.code for d in check_paths([str(office / "archive" / "2018要点.txt")],
                                                   config=str(_blank(office))).diagnostics]


def _blank(office: Path) -> Path:
    path = office.parent / "blank.toml"
    path.write_text("", encoding="utf-8")
    return path


def test_discovery_walks_up_and_prefers_the_nearest(office):
    nested = office / "drafts" / "deep"
    nested.mkdir()
    assert find_config(str(nested / "x.txt")).path == str(office / "planlint.toml")
    (nested / ".planlint.yaml").write_text("ignore: [PL104]\n", encoding="utf-8")
    assert find_config(str(nested / "x.txt")).path == str(nested / ".planlint.yaml")


def test_discovery_from_files_one_directory_shares_and_links_follow_their_target(office, tmp_path):
    """A run resolves each directory once; a linked file still takes the
    configuration beside the file it links to, as Path.resolve() gives."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".planlint.yaml").write_text("ignore: [PL104]\n", encoding="utf-8")
    (elsewhere / "real.txt").write_text("正文\n", encoding="utf-8")
    (office / "link.txt").symlink_to(elsewhere / "real.txt")
    shared: dict = {}
    assert find_config(str(office / "a.txt"), shared).path == str(office / "planlint.toml")
    assert find_config(str(office / "b.txt"), shared).path == str(office / "planlint.toml")
    assert find_config(str(office / "link.txt"), shared).path == str(elsewhere / ".planlint.yaml")
    assert find_config(str(office), shared).path == str(office / "planlint.toml")


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(str(tmp_path / "a.txt")).path is None
    (tmp_path / "pyproject.toml").write_text('[tool.planlint]\nignore = ["PL1"]\n', encoding="utf-8")
    assert find_config(str(tmp_path / "a.txt")).ignore == ("PL1",)


def test_command_line_select_replaces_and_ignore_adds(office):
    report = check_paths([str(office / "drafts")], select=["PL104"])
    assert {d.code for d in report.diagnostics} == {"PL104"}
    report = check_paths([str(office / "drafts")], ignore=["JY001"])
    assert "JY001" not in {d.code for d in report.diagnostics}


@pytest.mark.parametrize(("content", "key", "fragment"), [
    ('colour = "red"\n', "colour", "unknown key"),
    ('select = ["PL999"]\n', "select", "PL999"),
    ('select = "PL1"\n', "select", 'must be a list, not "PL1"'),
    ('[severity]\nPL101 = "fatal"\n', "severity.PL101", "is not one of"),
    ('[severity]\nPL999 = "error"\n', "severity.PL999", "unknown rule code"),
    ('[params.PL703]\nmin_items = "five"\n', "params.PL703.min_items", 'must be a whole number, not "five"'),
    ('[params.PL999]\nx = 1\n', "params.PL999", "unknown rule code"),
    ('[per-file-ignores]\n"a/**" = ["XX1"]\n', "per-file-ignores.a/**", "XX1"),
])
def test_errors_name_the_file_and_the_key(tmp_path, content, key, fragment):
    config = tmp_path / "planlint.toml"
    config.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        check_paths([str(tmp_path / "a.txt")])
    assert (caught.value.path, caught.value.key) == (str(config), key)
    assert fragment in caught.value.message
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert str(config) in result.stderr and "Traceback" not in result.output


def test_broken_toml(tmp_path):
    (tmp_path / "planlint.toml").write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path / "planlint.toml")


def test_broken_rules_dir_rule_exits_2(office):
    (office / "rules" / "broken.yaml").write_text("rules:\n  - code: JY002\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(office / "drafts")])
    assert result.exit_code == 2
    assert "broken.yaml: 规则 JY002: 缺少必填项 name、category、severity、kind" in result.stderr


def test_test_rules_runs_an_office_s_examples(office):
    ok = CliRunner().invoke(main, ["test-rules", str(office / "rules")])
    assert ok.exit_code == 0 and "✓ JY001 bad[0]" in ok.stdout
    house = office / "rules" / "house.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace('good: ["做好“双减”工作。"]',
                                                               'good: ["做好减负工作。"]'), encoding="utf-8")
    failing = CliRunner().invoke(main, ["test-rules", str(office / "rules")])
    assert failing.exit_code == 1 and "✗ JY001 good[0]" in failing.stdout


def test_a_configuration_that_is_not_utf8(tmp_path):
    config = tmp_path / "planlint.toml"
    config.write_bytes(b"select = [\xff\n")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "planlint.toml: 不是 UTF-8 文本（第 10 字节）" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("content", "key", "fragment"), [
    ('rules-dirs = ["missing"]\n', "rules-dirs", 'directory "missing" does not exist'),
    ('rules-dirs = ["a.txt"]\n', "rules-dirs", '"a.txt" is not a directory'),
    ('profile = "工作方案"\n', "profile", 'unknown document type "工作方案"; known types: 实施方案, 工作总结'),
    ('exclude = ["ok", ""]\n', "exclude[1]", "must not be empty"),
])
def test_misconfigurations_that_used_to_pass_in_silence(tmp_path, content, key, fragment):
    (tmp_path / "planlint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        check_paths([str(tmp_path / "a.txt")])
    assert (caught.value.path, caught.value.key) == (str(tmp_path / "planlint.toml"), key)
    assert fragment in caught.value.message


def test_a_configuration_error_pickles_whole():
    """A worker process's ConfigError reaches the parent with its file, key and words."""
    import pickle

    from planlint.i18n import words

    error = ConfigError("planlint.toml", "select", words("schema.type.array", value="5"))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.key, copy.problem, str(copy)) == (error.path, error.key, error.problem, str(error))


def test_in_one_directory_the_first_configuration_file_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.planlint]\nignore = ["PL3"]\n', encoding="utf-8")
    (tmp_path / ".planlint.yml").write_text("ignore: [PL2]\n", encoding="utf-8")
    assert find_config(str(tmp_path / "a.txt")).ignore == ("PL2",)
    (tmp_path / ".planlint.yaml").write_text("ignore: [PL1]\n", encoding="utf-8")
    assert find_config(str(tmp_path / "a.txt")).ignore == ("PL1",)
    (tmp_path / "planlint.toml").write_text('ignore = ["PL5"]\n', encoding="utf-8")
    assert find_config(str(tmp_path / "a.txt")).ignore == ("PL5",)


@pytest.mark.parametrize("value", ["0", "-5", '"100MB"'])
def test_max_file_size_is_a_positive_number_of_megabytes(tmp_path, value):
    config = tmp_path / "planlint.toml"
    config.write_text(f"max-file-size = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.key == "max-file-size"
    config.write_text("max-file-size = 2.5\n", encoding="utf-8")
    assert load_config(config).max_file_size == 5 * 2**19
    assert find_config(str(tmp_path / "a.txt")).max_file_size == 5 * 2**19
