"""The library API; the command line is a thin shell over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from planlint.catalog import Catalog, Rule, bundled_catalog
from planlint.diagnostics import SEVERITY_RANK, Diagnostic
from planlint.engine import RuleFailure, run_rules
from planlint.loading import DEFAULT_INCLUDE, LoadError, discover, read_source
from planlint.outline.parser import parse


@dataclass(slots=True)
class FileResult:
    """One file's diagnostics, with the source lines they point at (for display)."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    excerpts: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[LoadError | RuleFailure] = field(default_factory=list)

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


def _check_document(text: str, path: str, rules: Sequence[Rule], lang: str) -> FileResult:
    document = parse(text, path)
    diagnostics, failures = run_rules(document, rules, lang)
    excerpts = {d.span.line: document.lines[d.span.line - 1] for d in diagnostics}
    return FileResult(path, diagnostics, failures, excerpts)


def check_text(text: str, path: str = "<text>", *, select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", catalog: Catalog | None = None) -> FileResult:
    """Check one document given as text."""
    rules = (catalog or bundled_catalog()).select(select, ignore)
    return _check_document(text, path, rules, lang)


def check_paths(paths: Sequence[str], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                lang: str = "zh", catalog: Catalog | None = None, stdin_filename: str | None = None,
                include: Sequence[str] = DEFAULT_INCLUDE) -> Report:
    """Check files and directories (recursively); ``-`` reads standard input."""
    rules = (catalog or bundled_catalog()).select(select, ignore)
    report = Report()
    for item in discover(paths, include):
        if isinstance(item, LoadError):
            report.errors.append(item)
            continue
        source = read_source(item, stdin_filename)
        if isinstance(source, LoadError):
            report.errors.append(source)
            continue
        result = _check_document(source.text, source.path, rules, lang)
        report.files.append(result)
        report.errors.extend(result.failures)
    return report
