"""planlint's own code: ruff and mypy find nothing (their settings are in
pyproject.toml), and no module imports another's private names."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "planlint"


@pytest.mark.slow
@pytest.mark.parametrize("command", [["ruff", "check", "planlint"], ["mypy"]], ids=["ruff", "mypy"])
def test_the_code_passes(command):
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _package(path: Path) -> str:
    """The package a source file belongs to (planlint.kinds for planlint/kinds/pattern.py)."""
    parts = path.with_suffix("").parts
    return ".".join(parts[:-1])


def _private_imports(path: Path, source: str) -> list[str]:
    """Imports of a ``_name`` from another module, or of a ``_module`` from outside
    its package, in ``source``, the text of ``path`` (relative to the repository)."""
    package = _package(path)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("planlint"):
            imported = [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            imported = [(alias.name, None) for alias in node.names if alias.name.startswith("planlint")]
        else:
            continue
        for module, name in imported:
            parts = module.split(".")
            for index, part in enumerate(parts):
                owner = ".".join(parts[:index])
                if part.startswith("_") and not part.startswith("__") and not (
                        package == owner or package.startswith(owner + ".")):
                    found.append(f"{path}:{node.lineno}: {module}")
            if name and name.startswith("_") and not name.startswith("__"):
                found.append(f"{path}:{node.lineno}: {module}.{name}")
    return found


def test_no_module_imports_another_s_private_names():
    assert [found for path in sorted(PACKAGE.rglob("*.py"))
            for found in _private_imports(path.relative_to(ROOT), path.read_text(encoding="utf-8"))] == []


def test_the_private_import_check_can_fail():
    source = ("from planlint.runner import _view\nfrom planlint.kinds._regex import find\n"
              "from planlint.reporters._words import error_line\nimport planlint.kinds._scope\n")
    assert _private_imports(Path("planlint/reporters/probe.py"), source) == [
        "planlint/reporters/probe.py:1: planlint.runner._view", "planlint/reporters/probe.py:2: planlint.kinds._regex",
        "planlint/reporters/probe.py:4: planlint.kinds._scope"]
