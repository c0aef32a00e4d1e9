"""GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request."""

from __future__ import annotations

from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import error_line, errors_to_stderr

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report, out: TextIO, options: Options) -> None:
    for d in sorted(report.diagnostics, key=lambda d: d.sort_key()):
        span = d.span
        properties = ",".join([
            f"file={escape_property(d.path)}", f"line={span.line}", f"col={span.column}",
            f"endLine={span.end_line}", f"endColumn={span.end_column}", f"title={escape_property(d.code)}",
        ])
        out.write(f"::{_COMMAND[d.severity]} {properties}::{escape_data(f'{d.code} {d.message}')}\n")
    for error in report.errors:
        out.write(f"::error ::{escape_data(error_line(error, options.lang))}\n")
    errors_to_stderr(report, options.lang)
