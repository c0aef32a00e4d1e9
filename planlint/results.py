"""What a run produces: per-file results and the report over all files."""

from __future__ import annotations

from dataclasses import dataclass, field

from planlint.catalog import Rule
from planlint.diagnostics import SEVERITY_RANK, Diagnostic
from planlint.failures import Failure


@dataclass(slots=True)
class FileResult:
    """One file's diagnostics, with the source lines they point at (for display)."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)  # rules that could not finish
    excerpts: dict[int, str] = field(default_factory=dict)
    fixed: int = 0          # fixes applied (or, with diff=True, that would be)
    diff: str = ""          # with diff=True: the unified diff of the fixes
    fixed_text: str | None = None  # the fixed text of standard input


@dataclass(slots=True)
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)  # files not read or written, rules not finished
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
