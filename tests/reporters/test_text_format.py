"""The human format: plain text off a terminal is what rich prints without colour."""

from __future__ import annotations

import io
from pathlib import Path

from rich.text import Text

from planlint.api import check_paths
from planlint.reporters import Options
from planlint.reporters import text as text_format

ROOT = Path(__file__).resolve().parents[2]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_plain_output_is_what_rich_prints_without_colour(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    report = check_paths(["seeds"])
    plain = io.StringIO()
    text_format.render(report, plain, Options())
    drawn = io.StringIO()
    console = text_format.make_console(drawn, False)
    for result in report.files:
        if result.diagnostics:
            console.print(Text.assemble(*text_format._file_segments(result)))
    assert "\x1b[" not in plain.getvalue()
    assert plain.getvalue().startswith(drawn.getvalue()) and len(drawn.getvalue()) > 1000


def test_a_terminal_or_force_color_gets_colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    report = check_paths([str(ROOT / "seeds" / "001_eae471d872d3e7b6.txt")])
    assert report.diagnostics and not report.errors
    out = Terminal()
    text_format.render(report, out, Options())
    assert "\x1b[" in out.getvalue()
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    text_format.render(report, out, Options())
    assert "\x1b[" in out.getvalue()
