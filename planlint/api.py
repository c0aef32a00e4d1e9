"""The library API; the command line is a thin shell over it.

    check_text(text)        one document given as text
    check_paths(paths)      files and directories, with configuration, fixes, caching and parallelism
"""

from __future__ import annotations

from typing import Iterable, Sequence

from planlint.catalog import Catalog, bundled_catalog
from planlint.config import Config
from planlint.engine import Checker
from planlint.loading import DEFAULT_INCLUDE, LoadError, Source, discover, is_markdown
from planlint.results import FileResult, Report, WriteFailure
from planlint.runner import Settings, _check_source, run

__all__ = ["check_text", "check_paths", "parse_path", "FileResult", "Report", "WriteFailure"]


def check_text(text: str, path: str = "<text>", *, select: Iterable[str] = (), ignore: Iterable[str] = (),
               lang: str = "zh", catalog: Catalog | None = None, profile: str | None = None,
               config: Config | None = None) -> FileResult:
    """Check one document given as text (with a configuration's rules, severities and params if given).
    Raises UnknownProfile for a ``profile`` no document type has."""
    catalog = catalog or bundled_catalog()
    if profile is not None:
        catalog.check_profile(profile)
    rules = catalog.configure(config or Config(), tuple(select), tuple(ignore))
    fmt = "markdown" if is_markdown(path) else "text"
    return _check_source(Source(path, text, "utf-8", False, fmt), Checker(rules, lang, catalog.profiles, profile))


def parse_path(path: str, stdin_filename: str | None = None):
    """The outline of one file (.txt, .md or .docx, as the checks see it), or the LoadError."""
    from planlint.loading import read_source
    from planlint.runner import _view

    source = read_source(path, stdin_filename)
    if isinstance(source, LoadError):
        return source
    # A check with no rules: the same path from source to Document as every check takes.
    document, _, _ = Checker(()).check(source.text, source.path, _view(source), source.automatic, source.in_table)
    return document


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
    ``cache`` are.  Raises ConfigError, CatalogError, UnknownSelector (a
    ValueError) for a selector that names no rule, or UnknownProfile (a
    ValueError) for a ``profile`` no document type has.
    """
    if profile is not None:
        (catalog or bundled_catalog()).check_profile(profile)
    settings = Settings(tuple(select), tuple(ignore), tuple(extend_select), config, lang, profile, stdin_filename,
                        fix, unsafe_fixes, diff, cache, catalog)
    report = Report()
    items = []
    for item in discover(paths, include):
        if isinstance(item, LoadError):
            report.errors.append(item)
        else:
            items.append(item)
    outcomes, report.rules = run(items, settings, jobs)
    for result, errors in outcomes:
        if result is not None:
            report.files.append(result)
        report.errors.extend(errors)
    return report
