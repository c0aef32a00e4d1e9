"""The human format: each diagnostic, the source line, the span underlined, a summary."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.text import Text

from planlint.reporters import Options
from planlint.reporters._words import error_line, summary_line
from planlint.reporters.excerpt import excerpt

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def make_console(out: TextIO, color: bool | None):
    """Colour only on a terminal and never under NO_COLOR, unless --color/--no-color says otherwise."""
    from rich.console import Console

    # Off a terminal nothing wraps lines for us, so do not crop tables and trees at 80 cells.
    width = None if out.isatty() else 200
    return Console(file=out, color_system=None if color is False else "auto",
                   force_terminal=True if color else None, no_color=False if color else None,
                   width=width, highlight=False, soft_wrap=True, emoji=False, markup=False)


def render(report, out: TextIO, options: Options) -> None:
    console = make_console(out, options.color)
    for result in report.files:
        if result.diagnostics:
            # One print per file: rich's per-call overhead, not the text, was the cost.
            console.print(_file_text(result))
    errors = make_console(sys.stderr, options.color)
    for error in report.errors:
        errors.print(Text(error_line(error, options.lang), style="bold red"))
    if not options.quiet:
        if report.diagnostics or report.errors:
            console.print()
        console.print(Text(summary_line(report, options.lang), style="bold"))


def _file_text(result) -> Text:
    text = Text()
    for diagnostic in result.diagnostics:
        if text:
            text.append("\n")
        style = _SEVERITY_STYLE[diagnostic.severity]
        text.append(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:", style="bold")
        text.append(" ")
        text.append(diagnostic.code, style=style)
        text.append(f" {diagnostic.message}")
        line = result.excerpts.get(diagnostic.line)
        if line is None:
            continue
        span = diagnostic.span
        shown = excerpt(line, span.column, span.end_column if span.end_line == span.line else len(line) + 1)
        text.append(f"\n{diagnostic.line:>5} │ ", style="dim")
        text.append(shown.text)
        text.append("\n" + " " * 6 + "│ ", style="dim")
        text.append(shown.underline, style=style)
    return text
