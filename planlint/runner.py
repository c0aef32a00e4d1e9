"""The per-file pipeline — configuration, loading, cache, check or fix — and
running it over many files, in parallel processes when that pays."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from planlint.catalog import Catalog, Rule, bundled_catalog, load_catalog
from planlint.config import Config, find_config, load_config
from planlint.diagnostics import Diagnostic, PageLine
from planlint.engine import Checker
from planlint.failures import Failure
from planlint.loading import Source, decode_source, read_bytes
from planlint.outline.model import Document, Span
from planlint.outline.parser import split_lines
from planlint.results import FileResult

if TYPE_CHECKING:
    from planlint.resultcache import Entry

# Below this much work a second process costs more than it saves.
_PARALLEL_MIN_FILES = 8
_PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # measured: below ~4 MB two processes on 2 cores lose


class Settings(NamedTuple):
    """Everything a worker needs to check a file the way the command asked."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    config: str | None = None
    lang: str = "zh"
    profile: str | None = None
    stdin_filename: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    cache: bool = True
    catalog: Catalog | None = None


def source_view(source: Source) -> Callable[[str], str] | None:
    """What the parser reads of ``source``'s text: Markdown's syntax blanked out; None for plain text."""
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
    return diagnostic._replace(span=Span(span.line, column, span.end_line, end), fix=None)


def _on_pages(diagnostic: Diagnostic, origins: tuple) -> Diagnostic:
    """In a PDF, where the span starts on the printed pages (its line is one of the text rebuilt from them)."""
    from planlint.loading.pdflayout import place

    found = place(origins[diagnostic.span.line - 1], diagnostic.span.column)
    return diagnostic._replace(page=PageLine(found.page, found.line))


def _display_lines(source: Source, document: Document) -> list[str]:
    """The lines a diagnostic's positions count in: a .docx paragraph's own text
    (without its rendered automatic marker), a Markdown file's source (the parser
    reads it with the syntax blanked), else the lines parsed."""
    if source.display_lines is not None:
        return list(source.display_lines)
    return split_lines(source.text) if source_view(source) is not None else document.lines


def parse_source(source: Source, profile: str | None = None) -> tuple[Document, list[str]]:
    """The document as a check parses it (``profile``: the type --profile says), and
    the lines its diagnostics' positions count in, for a report that shows it whole."""
    document, _, _ = Checker((), profile=profile).check(source.text, source.path, source_view(source),
                                                       source.automatic, source.in_table, source.layout)
    return document, _display_lines(source, document)


def check_source(source: Source, checker: Checker) -> FileResult:
    """One decoded document checked: the same path for a file, standard input and check_text."""
    document, diagnostics, failures = checker.check(source.text, source.path, source_view(source),
                                                    source.automatic, source.in_table, source.layout)
    lines = _display_lines(source, document)
    if source.format == "docx":
        diagnostics = [_point_into_paragraph(d, source.automatic[d.line].length if d.line in source.automatic else 0,
                                             len(lines[d.line - 1]))
                       for d in diagnostics]
    elif source.origins is not None:
        diagnostics = [_on_pages(d, source.origins) for d in diagnostics]
    excerpts = {d.span.line: lines[d.span.line - 1] for d in diagnostics}
    return FileResult(source.path, diagnostics, failures, excerpts)


def _fix_source(source: Source, checker: Checker, unsafe: bool, diff: bool,
                from_stdin: bool) -> tuple[FileResult, Failure | None]:
    if source.format in ("docx", "pdf"):  # fixes are never written into Word files or PDFs
        return check_source(source, checker), Failure.write(source.path, f"{source.format}-fix")
    from planlint.fixes import fix_text, unified_diff  # only --fix and --diff need these
    from planlint.writeback import write_atomically

    outcome = fix_text(source.text, source.path, checker, unsafe, source_view(source))
    result = FileResult(source.path, outcome.diagnostics, outcome.failures, outcome.excerpts, outcome.fixed)
    rolled_back = None if outcome.rollback is None else Failure.write(source.path, "fix-rolled-back",
                                                                      str(outcome.rollback))
    if diff:
        result.diff = unified_diff(source.text, outcome.text, source.path)
    elif from_stdin:
        result.fixed_text = outcome.text
    elif outcome.text != source.text:
        try:
            write_atomically(source.path, outcome.text, source.encoding, source.bom)
        except OSError as error:
            reason = getattr(error, "reason", "not-written")  # a WriteError says why it refused
            return check_source(source, checker), Failure.write(source.path, reason, str(error))
    return result, rolled_back


class _Checkers:
    """A Checker per configuration and per-file-ignores, built once and reused."""

    def __init__(self, settings: Settings):
        self.cli = (settings.select, settings.ignore, settings.extend_select)
        self.fixed_config = load_config(settings.config) if settings.config else None
        self.catalog, self.lang, self.profile = settings.catalog, settings.lang, settings.profile
        self.built: dict = {}
        self.configs: dict = {}
        self.rules: dict[str, Rule] = {}

    def all_rules(self) -> list[Rule]:
        """The rules that ran; when nothing ran, those that would have."""
        if not self.rules:
            self.checker_for(self.config_for("."), ".")
        return sorted(self.rules.values(), key=lambda rule: rule.code)

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


class Outcome(NamedTuple):
    """One file's result (None when it is excluded or could not be read) and
    what could not be done to it (planlint.failures)."""

    result: FileResult | None
    errors: list[Failure]


def process(item: str, settings: Settings, checkers: _Checkers, cache) -> Outcome:
    """One file, start to end.  A new result goes into ``cache`` in memory; the
    caller saves the cache."""
    outcome = _process(item, settings, checkers, cache, kept_only=False)
    assert outcome is not None  # only a kept_only lookup leaves a file for later
    return outcome


def kept_outcome(item: str, settings: Settings, checkers: _Checkers, cache) -> Outcome | None:
    """The outcome of a file whose result the cache keeps (or that is excluded,
    or unreadable); None for any other file, which is then not decoded or checked."""
    return _process(item, settings, checkers, cache, kept_only=True)


def _process(item: str, settings: Settings, checkers: _Checkers, cache, kept_only: bool) -> Outcome | None:
    file_config = checkers.config_for(item)
    if item != "-" and file_config.excludes(item):
        return Outcome(None, [])
    checker = checkers.checker_for(file_config, item)
    if kept_only and (cache is None or item == "-" or not cache.knows(checker.fingerprint, item)):
        return None
    read = read_bytes(item, settings.stdin_filename, file_config.max_file_size)
    if isinstance(read, Failure):
        return Outcome(None, [read])
    name, data = read
    del read  # the bytes go as soon as they are text: a big file's bytes outweigh its (CJK) text
    changing = settings.fix or settings.diff
    entry = cache.entry(checker.fingerprint, name, data) if cache is not None else None  # None when changing
    if entry is not None:
        cached = cache.load(entry)
        if cached is not None:
            return Outcome(cached, list(cached.failures))
    if kept_only:
        return None
    source = decode_source(name, data, file_config.max_file_size)
    del data
    if isinstance(source, Failure):
        return Outcome(None, [source])
    errors: list[Failure] = []
    if changing:
        result, write_failure = _fix_source(source, checker, settings.unsafe_fixes, settings.diff, item == "-")
        if write_failure:
            errors.append(write_failure)
    else:
        result = check_source(source, checker)
        if entry is not None:
            cache.store(entry, result)
    errors.extend(result.failures)
    return Outcome(result, errors)


_worker: tuple | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = (settings, _Checkers(settings), _cache(settings, lookup=False), set())


def _process_in_worker(item: str) -> tuple[FileResult | None, list[Failure], list[Rule],
                                             list[tuple[Entry, FileResult]]]:
    """The result, the rules this worker has not sent yet (sending all 67 with
    every file cost more than some checks: each pickles its compiled patterns),
    and the cache entry the result is to be kept under, with the result (the
    same object: it is pickled once).  Workers only read the cache; the parent
    saves it once."""
    assert _worker is not None, "a worker is started before it is given files"
    settings, checkers, cache, sent = _worker
    result, errors = process(item, settings, checkers, cache)
    new_rules = [rule for code, rule in checkers.rules.items() if code not in sent]
    sent.update(rule.code for rule in new_rules)
    return result, errors, new_rules, cache.take_added() if cache is not None else []


def _cache(settings: Settings, lookup: bool = True):
    if not settings.cache or settings.fix or settings.diff:
        return None
    from planlint.resultcache import ResultCache

    return ResultCache(lookup=lookup)


def _worth_parallel(items: Sequence[str], jobs: int) -> bool:
    if jobs < 2 or len(items) < _PARALLEL_MIN_FILES or "-" in items:
        return False
    total = 0
    for item in items:
        try:
            total += os.path.getsize(item)
        except OSError:
            pass
        if total >= _PARALLEL_MIN_BYTES:
            return True
    return False


def run(items: Sequence[str], settings: Settings, jobs: int | None = None) -> tuple[list[Outcome], list[Rule]]:
    """Each item's outcome in the order given, and the rules that ran.
    ``jobs`` processes (default: the number of cores) when the run is big enough."""
    jobs = jobs or os.cpu_count() or 1
    cache, checkers = _cache(settings), _Checkers(settings)
    outcomes: list[Outcome | None] = [None] * len(items)
    if cache is not None and _worth_parallel(items, jobs):
        # Kept results first, here: one costs a read and a hash, less than handing
        # it to a worker (and an unchanged repository then needs no worker at all).
        # Only where workers may start: otherwise process() looks up each file
        # itself, and a changed file is not read and hashed twice.
        outcomes = [kept_outcome(item, settings, checkers, cache) for item in items]
    left = [index for index, outcome in enumerate(outcomes) if outcome is None]
    if _worth_parallel([items[index] for index in left], jobs):
        _run_in_pool(items, left, outcomes, settings, jobs, checkers, cache)
    else:
        for index in left:
            outcomes[index] = process(items[index], settings, checkers, cache)
    if cache is not None:
        cache.save()
    done = [outcome for outcome in outcomes if outcome is not None]
    assert len(done) == len(items)  # each was looked up, or checked here or by a worker
    return done, checkers.all_rules()


def _run_in_pool(items: Sequence[str], left: list[int], outcomes: list[Outcome | None], settings: Settings, jobs: int,
                 checkers: _Checkers, cache) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run pays for these imports

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    chunk = max(1, len(left) // (jobs * 4))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
        results = pool.map(_process_in_worker, [items[index] for index in left], chunksize=chunk)
        for index, (result, errors, used, added) in zip(left, results):
            for entry, kept in added:
                cache.store(entry, kept)
            outcomes[index] = Outcome(result, errors)
            checkers.rules.update((rule.code, rule) for rule in used)
