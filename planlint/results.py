"""What a run produces: per-file results and the report over all files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from planlint.catalog import Rule
from planlint.diagnostics import SEVERITY_RANK, Diagnostic
from planlint.engine import RuleFailure
from planlint.loading import LoadError


@dataclass(slots=True)
class FileResult:
    """One file's diagnostics, with the source lines they point at (for display)."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    excerpts: dict[int, str] = field(default_factory=dict)
    fixed: int = 0          # fixes applied (or, with diff=True, that would be)
    diff: str = ""          # with diff=True: the unified diff of the fixes
    fixed_text: str | None = None  # the fixed text of standard input


@dataclass(slots=True)
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[LoadError | RuleFailure | WriteFailure] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    hidden: int = 0  # diagnostics a baseline hid

    @property
    def fixed(self) -> int:
        return sum(result.fixed for result in self.files)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.files for d in result.diagnostics]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def exit_code(self, fail_on: str = "error") -> int:
        """0 clean, 1 a diagnostic at or above ``fail_on``, 2 a file or rule could not be checked."""
        if self.errors:
            return 2
        threshold = SEVERITY_RANK[fail_on]
        return int(any(SEVERITY_RANK[d.severity] >= threshold for d in self.diagnostics))


class WriteFailure(NamedTuple):
    """A file left untouched by --fix: ``reason`` is "docx-fix" (fixes are never
    written into Word files), "read-only", "owner-not-kept", "hard-linked" (see
    planlint.writeback), "not-written" (it could not be written safely) or
    "fix-rolled-back" (its fixes would bring new findings or did not settle;
    ``detail`` names the rules, as planlint.fixes.Rollback puts them)."""

    path: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")
