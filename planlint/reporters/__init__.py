"""Reporters: one module per output format, each with ``render(report, out, options)``."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple

# The words of errors, shared with the command line.
from planlint.reporters._words import config_error_line, error_line, failure_reason, problem_line

__all__ = ["FORMATS", "Options", "reporter", "config_error_line", "error_line", "failure_reason", "problem_line"]

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab", "html")


class Options(NamedTuple):
    lang: str = "zh"
    color: bool | None = None  # None: only on a terminal, and never under NO_COLOR
    quiet: bool = False


def reporter(name: str) -> ModuleType:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"planlint.reporters.{name}")
