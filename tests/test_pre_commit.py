"""The real pre-commit, in a temporary repository of documents, using this
checkout's hooks: a bad document blocks the commit, a good one passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]


def _git(*args, cwd, env=None, check=True):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    repo = tmp_path_factory.mktemp("documents")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    env.pop("NO_COLOR", None)
    _git("init", "-q", cwd=repo)
    revision = _git("rev-parse", "HEAD", cwd=ROOT).stdout.strip()
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {revision}\n    hooks:\n      - id: planlint\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    _git("add", ".pre-commit-config.yaml", cwd=repo)
    _git("commit", "-q", "-m", "config", cwd=repo, env=env)
    return repo, env


def test_a_bad_document_blocks_the_commit(documents):
    repo, env = documents
    (repo / "要点.txt").write_text("某局2024年工作要点\n一、总体要求\n三、主要任务\n", encoding="utf-8")
    _git("add", "要点.txt", cwd=repo)
    result = _git("commit", "-m", "bad", cwd=repo, env=env, check=False)
    assert result.returncode != 0
    assert "PL101" in result.stdout + result.stderr


def test_a_good_document_passes(documents):
    repo, env = documents
    (repo / "要点.txt").write_text("某局2024年工作要点\n一、总体要求\n二、主要任务\n", encoding="utf-8")
    _git("add", "要点.txt", cwd=repo)
    result = _git("commit", "-m", "good", cwd=repo, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
