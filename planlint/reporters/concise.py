"""One line per diagnostic: ``path:line:col: CODE message`` — for grep and editors."""

from __future__ import annotations

from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import errors_to_stderr, on_page, summary_line


def render(report, out: TextIO, options: Options) -> None:
    for diagnostic in sorted(report.diagnostics, key=lambda d: d.sort_key()):
        out.write(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
                  f"{diagnostic.code} {diagnostic.message}{on_page(diagnostic, options.lang)}\n")
    errors_to_stderr(report, options.lang)
    if not options.quiet:
        out.write(summary_line(report, options.lang) + "\n")
