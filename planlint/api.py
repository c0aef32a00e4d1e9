"""The library API; the command line is a thin shell over it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from planlint.catalog import Catalog, Rule, bundled_catalog, load_catalog
from planlint.config import Config, find_config, load_config
from planlint.diagnostics import SEVERITY_RANK, Diagnostic
from planlint.engine import Checker, RuleFailure
from planlint.fixes import fix_text, unified_diff
from planlint.loading import DEFAULT_INCLUDE, LoadError, Source, discover, read_source
from planlint.outline.model import Span
from planlint.outline.parser import split_lines
from planlint.writeback import write_atomically


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


@dataclass(frozen=True, slots=True)
class WriteFailure:
    """A file left untouched by --fix: ``reason`` is "docx-fix" (fixes are never
    written into Word files) or "not-written" (it could not be written safely)."""

    path: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


def _view(source: Source):
    if source.format == "markdown":
        from planlint.loading.markdown import markdown_view

        return markdown_view
    return None


def _point_into_paragraph(diagnostic: Diagnostic, offset: int, length: int) -> Diagnostic:
    """In a .docx the line is the paragraph with its rendered automatic marker in
    front; report columns of the paragraph's own text (a finding on the marker
    itself points at the paragraph's start)."""
    span = diagnostic.span
    column = max(span.column - offset, 1)
    end = max(span.end_column - offset, min(column + 1, length + 1)) if span.end_line == span.line else span.end_column
    return dataclasses.replace(diagnostic, span=Span(span.line, column, span.end_line, end), fix=None)


def _check_source(source: Source, checker: Checker) -> FileResult:
    document, diagnostics, failures = checker.check(source.text, source.path, _view(source),
                                                    source.automatic, source.in_table)
    lines = list(source.display_lines) if source.display_lines is not None else split_lines(source.text)
    if source.format == "docx":
        diagnostics = [_point_into_paragraph(d, source.automatic.get(d.line, 0), len(lines[d.line - 1]))
                       for d in diagnostics]
    excerpts = {d.span.line: lines[d.span.line - 1] for d in diagnostics}
    return FileResult(source.path, diagnostics, failures, excerpts)


def check_text(text: str, path: str = "<text>", *, select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", catalog: Catalog | None = None, profile: str | None = None,
               config: Config | None = None) -> FileResult:
    """Check one document given as text (with a configuration's rules, severities and params if given)."""
    catalog = catalog or bundled_catalog()
    rules = catalog.configure(config or Config(), tuple(select), tuple(ignore))
    fmt = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    return _check_source(Source(path, text, "utf-8", False, fmt), Checker(rules, lang, catalog.profiles, profile))


def _fix_source(source: Source, checker: Checker, unsafe: bool, diff: bool,
                from_stdin: bool) -> tuple[FileResult, WriteFailure | None]:
    if source.format == "docx":
        return _check_source(source, checker), WriteFailure(source.path, "docx-fix")
    outcome = fix_text(source.text, source.path, checker, unsafe, _view(source))
    result = FileResult(source.path, outcome.diagnostics, outcome.failures, outcome.excerpts, outcome.fixed)
    if diff:
        result.diff = unified_diff(source.text, outcome.text, source.path)
    elif from_stdin:
        result.fixed_text = outcome.text
    elif outcome.text != source.text:
        try:
            write_atomically(source.path, outcome.text, source.encoding, source.bom)
        except OSError as error:
            return _check_source(source, checker), WriteFailure(source.path, "not-written", str(error))
    return result, None


class _Checkers:
    """A Checker per configuration and per-file-ignores, built once and reused."""

    def __init__(self, select, ignore, extend_select, config: str | None, catalog: Catalog | None,
                 lang: str, profile: str | None):
        self.cli = (tuple(select), tuple(ignore), tuple(extend_select))
        self.fixed_config = load_config(config) if config else None
        self.catalog, self.lang, self.profile = catalog, lang, profile
        self.built: dict = {}
        self.configs: dict = {}
        self.rules: dict[str, Rule] = {}

    def config_for(self, path: str) -> Config:
        return self.fixed_config or find_config(path if path != "-" else ".", self.configs)

    def checker_for(self, config: Config, path: str) -> Checker:
        ignored = config.ignored_for(path)
        key = (config.path, ignored)
        if key not in self.built:
            catalog = self.catalog or (load_catalog(config.rules_dirs) if config.rules_dirs else bundled_catalog())
            select, ignore, extend_select = self.cli
            rules = catalog.configure(config, select, (*ignore, *ignored), extend_select)
            self.rules.update((rule.code, rule) for rule in rules)
            self.built[key] = Checker(rules, self.lang, catalog.profiles, self.profile or config.profile)
        return self.built[key]


def check_paths(paths: Sequence[str], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                extend_select: Iterable[str] = (), lang: str = "zh", catalog: Catalog | None = None,
                config: str | None = None, stdin_filename: str | None = None,
                include: Sequence[str] = DEFAULT_INCLUDE, fix: bool = False, unsafe_fixes: bool = False,
                diff: bool = False, profile: str | None = None) -> Report:
    """Check files and directories (recursively); ``-`` reads standard input.

    Each file is checked with the configuration nearest to it (or ``config``),
    with ``select``/``ignore``/``extend_select`` applied on top as on ruff's
    command line.  ``fix`` repairs what the safe fixes cover (and the unsafe
    ones too with ``unsafe_fixes``), writes each changed file back atomically
    and reports what remains; ``diff`` computes the same edits as a unified
    diff and writes nothing.  Raises ConfigError, CatalogError, or ValueError
    for an unknown selector.
    """
    checkers = _Checkers(select, ignore, extend_select, config, catalog, lang, profile)
    report = Report()
    for item in discover(paths, include):
        if isinstance(item, LoadError):
            report.errors.append(item)
            continue
        file_config = checkers.config_for(item)
        if item != "-" and file_config.excludes(item):
            continue
        checker = checkers.checker_for(file_config, item)
        source = read_source(item, stdin_filename)
        if isinstance(source, LoadError):
            report.errors.append(source)
            continue
        if fix or diff:
            result, write_failure = _fix_source(source, checker, unsafe_fixes, diff, item == "-")
            if write_failure:
                report.errors.append(write_failure)
        else:
            result = _check_source(source, checker)
        report.files.append(result)
        report.errors.extend(result.failures)
    report.rules = sorted(checkers.rules.values(), key=lambda rule: rule.code)
    if not checkers.rules:  # nothing was checked: say which rules would have run
        default = checkers.config_for(".")
        report.rules = list(checkers.checker_for(default, ".").rules)
    return report
