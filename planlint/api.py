"""The library API; the command line is a thin shell over it.

    check_text(text)        one document given as text
    check_paths(paths)      files and directories, with configuration, fixes, caching and parallelism
    fix_text(text)          one text with its fixes applied, and what remains
    parse(text)             the outline the checks read in a text
    parse_path(path)        the outline of a file (.txt, .md, .docx, .pdf, .doc or .wps)
    show_report(report, paths)  the checked files read again whole, for a report that shows them (HTML)
    check_upload(data, name)  one document given as a file's bytes (the web page's upload)
"""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

from planlint.catalog import Catalog, bundled_catalog
from planlint.config import Config
from planlint.engine import Checker
from planlint.failures import Failure
from planlint.loading import DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, Source, decode_source, discover, is_markdown
from planlint.outline.model import Document
from planlint.results import FileResult, Report
from planlint.runner import Settings, check_source, parse_source, run, source_view

__all__ = ["check_text", "check_paths", "fix_text", "parse", "parse_path", "show_path", "show_report",
           "check_upload", "Shown", "FileResult", "Report", "Failure"]


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
    return parse_source(source)[0]


def parse(text: str, path: str = "<text>") -> Document:
    """The outline the checks read in ``text`` (Markdown when ``path`` ends in .md):
    headings nested by their numbering, metadata (title, type, year, 发文字号, 成文日期)."""
    return _parsed(_text_source(text, path))


def parse_path(path: str, stdin_filename: str | None = None) -> Document | Failure:
    """The outline of one file (.txt, .md, .docx, .pdf, .doc or .wps, as the checks see it), or the
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


class Shown(NamedTuple):
    """A document as a report shows it whole: its outline and metadata, and the
    lines its diagnostics' positions count in (a .docx paragraph's own text,
    a Markdown file's source)."""

    document: Document
    lines: list[str]


def show_path(path: str, *, profile: str | None = None, limit: int = DEFAULT_MAX_FILE_SIZE) -> Shown | Failure:
    """One file read and parsed as a check reads it (``profile``: the type --profile says), or the Failure."""
    from planlint.loading import read_source

    source = read_source(path, limit=limit)
    return source if isinstance(source, Failure) else Shown(*parse_source(source, profile))


def show_report(report: Report, paths: Sequence[str], *, profile: str | None = None,
                config: str | None = None, stdin_filename: str | None = None) -> dict[str, Shown]:
    """The files of ``report`` (checked from ``paths``) read again whole, by path, each
    with the profile and size limit of its configuration (or ``config``).  Left out:
    standard input (it cannot be read twice), and a file that can no longer be read
    or has changed since it was checked (its lines are no longer those its
    diagnostics point at) — a report shows only their diagnostics' lines."""
    from planlint.config import find_config, load_config

    stdin_name = (stdin_filename or "-") if "-" in paths else None
    fixed_config = load_config(config) if config else None
    configs: dict = {}
    shown = {}
    for result in report.files:
        if result.path == stdin_name:
            continue
        file_config = fixed_config or find_config(result.path, configs)
        again = show_path(result.path, profile=profile or file_config.profile, limit=file_config.max_file_size)
        if isinstance(again, Failure) or any(line > len(again.lines) or again.lines[line - 1] != text
                                               for line, text in result.excerpts.items()):
            continue
        shown[result.path] = again
    return shown


def check_upload(data: bytes, name: str, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 lang: str = "zh", catalog: Catalog | None = None, profile: str | None = None,
                 config: Config | None = None,
                 limit: int = DEFAULT_MAX_FILE_SIZE) -> tuple[Report, dict[str, Shown]]:
    """One document given as a file's bytes, never written anywhere: read as a file
    called ``name`` would be (.docx, .md, or text in any encoding planlint reads),
    checked as check_text checks it (``profile``, else the configuration's), and
    shown whole.  The report holds its result, or the Failure that says why
    there is none; the rules are those of the configuration."""
    catalog = catalog or bundled_catalog()
    config = config or Config()
    profile = profile or config.profile
    if profile is not None:
        catalog.check_profile(profile)
    report = Report(rules=catalog.configure(config, tuple(select), tuple(ignore)))
    source = decode_source(name, data, limit)
    if isinstance(source, Failure):
        report.errors.append(source)
        return report, {}
    result = check_source(source, Checker(report.rules, lang, catalog.profiles, profile))
    report.files.append(result)
    report.errors.extend(result.failures)
    return report, {name: Shown(*parse_source(source, profile))}
