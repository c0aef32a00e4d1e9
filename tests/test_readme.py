"""The README's promises: the set-up commands CI runs, the JSON keys, every option and
environment variable, the pre-commit snippet's revision and the configuration samples."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest

from planlint.config import CONFIG_FILES, load_config
from planlint.diagnostics import Diagnostic
from planlint.outline.model import Span

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(start: str, end: str) -> str:
    return README[README.index(start):README.index(end)]


def _block(language: str, after: str) -> str:
    """The first ``language`` code block after the text ``after``."""
    return re.search(rf"```{language}\n(.*?)```", README[README.index(after):], re.S).group(1)


def test_readme_opens_with_the_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert first_block == ["python -m pip install . && planlint check seeds/",
                           "python -m pip install -e '.[test]' && python -m pytest"]
    assert README.index("```sh") < README.index("**planlint**")


def test_the_set_up_note_makes_a_virtual_environment_first():
    assert _block("sh", "**Set-up.**").strip() == "python3 -m venv .venv && . .venv/bin/activate"


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = re.search(r"```sh\n.*?\n(.*?)\n```", README, re.S).group(1)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_json_keys_are_documented():
    table = _section("### JSON output", "### From Python")
    documented = re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|", table, re.M)
    keys = [key for pair in documented for key in pair if key]
    diagnostic = Diagnostic("p", "PL101", "r", "numbering", "error", "m", Span(1, 1, 1, 2))
    assert keys == list(diagnostic.to_dict())


def test_every_check_option_is_in_the_table_and_no_other():
    from planlint.cli import check, main

    table = _section("Options of `check`:", "**Exit codes**")
    documented = {option for cell in re.findall(r"^\| (.+?) \| ", table, re.M)
                  for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", cell)}
    context = click.Context(check, parent=click.Context(main, **main.context_settings))  # -h comes from main
    known = {name for param in check.get_params(context) if isinstance(param, click.Option)
             for name in (*param.opts, *param.secondary_opts)}
    assert known == documented


def test_every_environment_variable_planlint_reads_is_documented():
    table = _section("**Environment variables:**", "**Cache.**")
    read = {name for path in (ROOT / "planlint").rglob("*.py")
            for name in re.findall(r"\b(?:PLANLINT_[A-Z_]+|XDG_CACHE_HOME|NO_COLOR|FORCE_COLOR)\b",
                                   path.read_text(encoding="utf-8"))}
    assert read == set(re.findall(r"^\| `([A-Z_]+)` \|", table, re.M))


def test_the_pre_commit_revision_is_a_commit_of_this_repository():
    rev = re.search(r"^\s+rev: (\S+)", _section("### As a pre-commit hook", "### In CI"), re.M).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev), "the repository has no tags: pre-commit needs a full commit id"
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("no git history here (an unpacked sdist, say)")
    found = subprocess.run([git, "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True)
    if found.returncode != 0:
        shallow = subprocess.run([git, "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip()
        if shallow == "true":
            pytest.skip("a shallow clone: the commit may be older than its history")
    assert found.returncode == 0, f"{rev} is no commit of this repository: `git -C . rev-parse HEAD` gives one"


def test_the_toml_sample_is_the_tested_office_configuration():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    office = ROOT / "tests" / "data" / "office" / "planlint.toml"
    assert tomllib.loads(_block("toml", "## Configuration")) == tomllib.loads(office.read_text(encoding="utf-8"))


def test_the_yaml_sample_says_what_the_toml_sample_says(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "planlint.toml").write_text(_block("toml", "## Configuration"), encoding="utf-8")
    (tmp_path / ".planlint.yaml").write_text(_block("yaml", "as `.planlint.yaml`"), encoding="utf-8")
    from_toml, from_yaml = load_config(tmp_path / "planlint.toml"), load_config(tmp_path / ".planlint.yaml")
    assert dataclasses.replace(from_yaml, path=None) == dataclasses.replace(from_toml, path=None)
    assert from_toml.params["PL702"]["items"][2] == {"name": "课后服务", "keywords": ["课后服务", "托管"]}


def test_the_readme_names_the_configuration_files_in_the_order_planlint_tries_them():
    sentence = README[README.index("when one directory holds several"):]
    assert re.findall(r"`([^`]+)`", sentence[:sentence.index(" is used")]) == list(CONFIG_FILES)
