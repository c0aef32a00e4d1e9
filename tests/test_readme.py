"""The README's promises: the set-up commands CI runs, and the JSON keys."""

from __future__ import annotations

import re
from pathlib import Path

from planlint.diagnostics import Diagnostic
from planlint.outline.model import Span

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert first_block == ["python -m pip install . && planlint check seeds/",
                           "python -m pip install -e '.[test]' && python -m pytest"]
    assert README.index("```sh") < README.index("**planlint**")


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = re.search(r"```sh\n.*?\n(.*?)\n```", README, re.S).group(1)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_json_keys_are_documented():
    table = README[README.index("### JSON output"):README.index("### From Python")]
    documented = re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|", table, re.M)
    keys = [key for pair in documented for key in pair if key]
    diagnostic = Diagnostic("p", "PL101", "r", "numbering", "error", "m", Span(1, 1, 1, 2))
    assert keys == list(diagnostic.to_dict())
