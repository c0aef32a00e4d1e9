"""What rules find and what reporters print."""

from __future__ import annotations

from typing import NamedTuple

from planlint.outline.model import Span

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Edit(NamedTuple):
    """Replace the text in ``span`` with ``content``."""

    span: Span
    content: str

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "content": self.content}


class Fix(NamedTuple):
    applicability: str  # "safe" or "unsafe"
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict:
        return {"applicability": self.applicability, "edits": [edit.to_dict() for edit in self.edits]}


class Finding(NamedTuple):
    """What a rule kind reports: where, the values for the message, and the
    edits that would repair it (offered as a fix when the rule declares one).
    Kinds make these by the hundred on scraped pages, hence a NamedTuple."""

    span: Span
    args: dict
    edits: tuple[Edit, ...] = ()


class PageLine(NamedTuple):
    """Where a diagnostic in a PDF starts on the printed pages: the page, and the
    line on it counted from the top (every line of text the page shows)."""

    page: int
    line: int


class Diagnostic(NamedTuple):
    path: str
    code: str
    rule: str
    category: str
    severity: str
    message: str
    span: Span
    fix: Fix | None = None
    occurrences: int = 1  # an aggregated diagnostic stands for this many findings (not in the JSON)
    page: PageLine | None = None  # in a PDF: where on its pages the span starts

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_dict(self) -> dict:
        """The public JSON shape: exactly these keys, documented in the README (a
        diagnostic in a PDF also has ``page`` and ``page_line``)."""
        shape = {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.page is not None:
            shape["page"], shape["page_line"] = self.page
        return shape
