"""The built wheel, installed into a fresh venv outside the repository, finds its
grammar and rules and checks a seed through a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(ROOT)],
                   check=True)
    [wheel] = (work / "dist").glob("planlint-*.whl")
    venv.create(work / "venv", with_pip=True)
    python = work / "venv" / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return wheel, python, work


@pytest.mark.slow
def test_wheel_carries_grammar_and_rules(installed):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "planlint/_bundled/grammar/outline.lark" in names
    assert "planlint/_bundled/rules/numbering.yaml" in names
    assert "planlint/schemas/rules.schema.json" in names
    assert "planlint/_bundled/profiles/implementation-plan.yaml" in names
    assert "planlint/py.typed" in names  # the library's types are for its users' type checkers too
    assert {"planlint/templates/report.html.j2", "planlint/templates/report.js", "planlint/templates/report.css",
            "planlint/templates/upload.html.j2", "planlint/templates/upload.js",
            "planlint/templates/upload.css"} <= set(names)


@pytest.mark.slow
def test_installed_planlint_checks_a_seed_from_elsewhere(installed):
    _, python, work = installed
    seed = next((ROOT / "seeds").glob("001_*.txt"))
    shutil.copy(seed, work / "draft.txt")
    planlint = python.parent / "planlint"
    result = subprocess.run([str(planlint), "check", "--format", "json", "--select", "PL104", "draft.txt"],
                            cwd=work, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr  # a warning does not fail the run
    [diagnostic] = json.loads(result.stdout)
    assert (diagnostic["path"], diagnostic["code"], diagnostic["line"]) == ("draft.txt", "PL104", 34)
    everything = subprocess.run([str(planlint), "check", "--format", "json", "draft.txt"], cwd=work,
                                capture_output=True, text=True, encoding="utf-8")
    expected = json.loads((ROOT / "tests" / "snapshots" / (seed.stem + ".json")).read_text(encoding="utf-8"))
    assert [(d["code"], d["line"]) for d in json.loads(everything.stdout)] == \
        [(d["code"], d["line"]) for d in expected]
    version = subprocess.run([str(planlint), "--version"], capture_output=True, text=True, cwd=work)
    assert version.stdout.startswith("planlint ")
    module = subprocess.run([str(python), "-m", "planlint", "rule", "PL101", "--lang", "en"],
                            capture_output=True, text=True, cwd=work, encoding="utf-8")
    assert module.returncode == 0 and "Numbering skips" in module.stdout
    page = subprocess.run([str(planlint), "check", "--format", "html", "-o", "report.html", "draft.txt"], cwd=work,
                          capture_output=True, text=True, encoding="utf-8")
    assert page.returncode == everything.returncode, page.stderr  # the templates come with the wheel
    assert (work / "report.html").read_text(encoding="utf-8").count('class="finding sev-') == len(expected)
