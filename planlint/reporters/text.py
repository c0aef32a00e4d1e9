"""The human format: each diagnostic, the source line, the span underlined, a summary.

The lines are laid out once as (text, style) segments.  rich draws them when
colour is on; off a terminal, with no colour asked for, they are written as
plain text: rich would print the same characters, at ~1 ms a document more
(and importing it takes ~20–30 ms of a cold start).
"""

from __future__ import annotations

import os
import sys
from typing import Callable, TextIO

from planlint.reporters import Options
from planlint.reporters._words import error_line, on_page, summary_line
from planlint.reporters.excerpt import excerpt

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}

Segments = list[tuple[str, str | None]]


def make_console(out: TextIO, color: bool | None):
    """Colour only on a terminal and never under NO_COLOR, unless --color/--no-color says otherwise."""
    from rich.console import Console

    # Off a terminal nothing wraps lines for us, so do not crop tables and trees at 80 cells.
    width = None if out.isatty() else 200
    return Console(file=out, color_system=None if color is False else "auto",
                   force_terminal=True if color else None, no_color=False if color else None,
                   width=width, highlight=False, soft_wrap=True, emoji=False, markup=False)


def _may_colour(out: TextIO, color: bool | None) -> bool:
    """Whether rich could add colour: asked for, or a terminal, or FORCE_COLOR (which rich honours)."""
    if color is not None:
        return color
    return out.isatty() or bool(os.environ.get("FORCE_COLOR"))


def _writer(out: TextIO, color: bool | None) -> Callable[[Segments], object]:
    if not _may_colour(out, color):
        return lambda segments: out.write("".join(text for text, _ in segments) + "\n")
    from rich.text import Text

    console = make_console(out, color)
    # A style of None is no style, as Text.append takes it; assemble's annotation is narrower.
    return lambda segments: console.print(Text.assemble(*segments))  # type: ignore[arg-type]


def render(report, out: TextIO, options: Options) -> None:
    write = _writer(out, options.color)
    for result in report.files:
        if result.diagnostics:
            write(_file_segments(result, options.lang))  # one write per file: per-call overhead was the cost
    write_error = _writer(sys.stderr, options.color)
    for error in report.errors:
        write_error([(error_line(error, options.lang), "bold red")])
    if not options.quiet:
        if report.diagnostics or report.errors:
            write([])
        write([(summary_line(report, options.lang), "bold")])


def _file_segments(result, lang: str = "zh") -> Segments:
    segments: Segments = []
    for diagnostic in result.diagnostics:
        if segments:
            segments.append(("\n", None))
        style = _SEVERITY_STYLE[diagnostic.severity]
        segments += [(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:", "bold"), (" ", None),
                     (diagnostic.code, style), (f" {diagnostic.message}{on_page(diagnostic, lang)}", None)]
        line = result.excerpts.get(diagnostic.line)
        if line is None:
            continue
        span = diagnostic.span
        shown = excerpt(line, span.column, span.end_column if span.end_line == span.line else len(line) + 1)
        segments += [(f"\n{diagnostic.line:>5} │ ", "dim"), (shown.text, None),
                     ("\n" + " " * 6 + "│ ", "dim"), (shown.underline, style)]
    return segments
