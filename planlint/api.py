"""The library API; the command line is a thin shell over it.

    check_text(text)        one document given as text
    check_paths(paths)      files and directories, with configuration, fixes, caching and parallelism
    fix_text(text)          one text with its fixes applied, and what remains
    parse(text)             the outline the checks read in a text
    parse_path(path)        the outline of a file (.txt, .md or .docx)
"""

from __future__ import annotations

from typing import Iterable, Sequence

from planlint.catalog import Catalog, bundled_catalog
from planlint.config import Config
from planlint.engine import Checker
from planlint.failures import Failure
from planlint.loading import DEFAULT_INCLUDE, Source, discover, is_markdown
from planlint.outline.model import Document
from planlint.results import FileResult, Report
from planlint.runner import Settings, check_source, run, source_view

__all__ = ["check_text", "check_paths", "fix_text", "parse", "parse_path", "FileResult", "Report", "Failure"]


def _checker(catalog: Catalog | None, config: Config | None, select: Iterable[str], ignore: Iterable[str],
             lang: str, profile: str | None) -> Checker:
    catalog = catalog or bundled_catalog()
    if profile is not None:
        catalog.check_profile(profile)
    rules = catalog.configure(config or Config(), tuple(select), tuple(ignore))
    return Checker(rules, lang, catalog.profiles, profile)


def _text_source(text: str, path: str) -> Source:
    return Source(path, text, "utf-8", False, "markdown" if is_markdown(path) else "text")


def check_text(text: str, path: str = "<text>", *, select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", catalog: Catalog | None = None, profile: str | None = None,
               config: Config | None = None) -> FileResult:
    """Check one document given as text (Markdown when ``path`` ends in .md), with a
    configuration's rules, severities and params if given.  Raises UnknownSelector
    for a selector that names no rule and UnknownProfile for a ``profile`` no
    document type has (both ValueErrors), and ConfigError for a configuration
    whose selectors, severities or params the rules refuse."""
    return check_source(_text_source(text, path), _checker(catalog, config, select, ignore, lang, profile))


def fix_text(text: str, path: str = "<text>", *, unsafe_fixes: bool = False, select: Iterable[str] = (),
             ignore: Iterable[str] = (), lang: str = "zh", catalog: Catalog | None = None,
             profile: str | None = None, config: Config | None = None) -> FileResult:
    """Apply the safe fixes (and the unsafe ones with ``unsafe_fixes``) to one text,
    as ``planlint check --fix`` does to a file: ``fixed_text`` is the result,
    ``fixed`` how many fixes it took, ``diagnostics`` what remains.  When the fixes
    would leave a new finding or do not settle, the text stays as it was and
    ``failures`` holds a Failure of reason "fix-rolled-back" naming the rules.
    Raises as check_text does."""
    from planlint.fixes import fix_text as apply_fixes  # only fixing needs the fixer

    checker = _checker(catalog, config, select, ignore, lang, profile)
    outcome = apply_fixes(text, path, checker, unsafe_fixes, source_view(_text_source(text, path)))
    failures = list(outcome.failures)
    if outcome.rollback is not None:
        failures.append(Failure.write(path, "fix-rolled-back", str(outcome.rollback)))
    return FileResult(path, outcome.diagnostics, failures, outcome.excerpts, outcome.fixed, fixed_text=outcome.text)


def _parsed(source: Source) -> Document:
    # A check with no rules: the same path from source to Document as every check takes.
    document, _, _ = Checker(()).check(source.text, source.path, source_view(source), source.automatic,
                                        source.in_table)
    return document


def parse(text: str, path: str = "<text>") -> Document:
    """The outline the checks read in ``text`` (Markdown when ``path`` ends in .md):
    headings nested by their numbering, metadata (title, type, year, 发文字号, 成文日期)."""
    return _parsed(_text_source(text, path))


def parse_path(path: str, stdin_filename: str | None = None) -> Document | Failure:
    """The outline of one file (.txt, .md or .docx, as the checks see it), or the
    Failure that says why it could not be read; ``-`` reads standard input."""
    from planlint.loading import read_source

    source = read_source(path, stdin_filename)
    return source if isinstance(source, Failure) else _parsed(source)


def check_paths(paths: Sequence[str], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                extend_select: Iterable[str] = (), lang: str = "zh", catalog: Catalog | None = None,
                config: str | None = None, stdin_filename: str | None = None,
                include: Sequence[str] = DEFAULT_INCLUDE, fix: bool = False, unsafe_fixes: bool = False,
                diff: bool = False, profile: str | None = None, jobs: int | None = None,
                cache: bool = True) -> Report:
    """Check files and directories (recursively); ``-`` reads standard input.

    Each file is checked with the configuration nearest to it (or ``config``),
    with ``select``/``ignore``/``extend_select`` applied on top as on ruff's
    command line.  ``fix`` repairs what the safe fixes cover (and the unsafe
    ones too with ``unsafe_fixes``), writes each changed file back atomically
    and reports what remains; ``diff`` computes the same edits as a unified
    diff and writes nothing.  ``jobs`` processes check files in parallel
    (default: one per core, for runs big enough to gain); ``cache`` reuses the
    results of unchanged files.  The report is the same whatever ``jobs`` and
    ``cache`` are; ``report.errors`` holds a Failure for each file that could
    not be read or written and each rule that could not finish.  Raises
    ConfigError, CatalogError, UnknownSelector (a ValueError) for a selector
    that names no rule, or UnknownProfile (a ValueError) for a ``profile`` no
    document type has.
    """
    if profile is not None:
        (catalog or bundled_catalog()).check_profile(profile)
    settings = Settings(tuple(select), tuple(ignore), tuple(extend_select), config, lang, profile, stdin_filename,
                        fix, unsafe_fixes, diff, cache, catalog)
    report = Report()
    items = []
    for item in discover(paths, include):
        if isinstance(item, Failure):
            report.errors.append(item)
        else:
            items.append(item)
    outcomes, report.rules = run(items, settings, jobs)
    for result, errors in outcomes:
        if result is not None:
            report.files.append(result)
        report.errors.extend(errors)
    return report
