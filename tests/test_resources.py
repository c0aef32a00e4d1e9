"""Where planlint keeps its cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planlint.resources import cache_dir


def test_planlint_cache_dir_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "here"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "here"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")
def test_on_linux_the_cache_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("PLANLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "planlint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "planlint"
