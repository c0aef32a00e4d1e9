"""The command line: a thin shell over planlint.api.

Exit codes are a contract (kept by planlint.cliguard): 0 nothing at or above
--fail-on, 1 something is, 2 anything else — a usage error, a broken
configuration, rule file or baseline, a file that could not be read, a report
that could not be written, an internal error — told in one line on standard
error in the run's language (--help stays English).
"""

from __future__ import annotations

import contextlib
import os
import sys

import click

from planlint import __version__
from planlint.cliguard import Choice, FilePath, IntRange, Planlint, failure_line
from planlint.i18n import LANGUAGES, say

_SEVERITIES = ("error", "warning", "info")
_FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab", "html")


def _selectors(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _fail(line: str) -> None:
    """The one line of a failure, and exit 2."""
    click.echo(line, err=True)
    sys.exit(2)


def _os_reason(error: OSError, lang: str) -> str:
    """Why a file could not be written, in the run's language where it is a common case."""
    if isinstance(error, PermissionError):
        return say("permission", lang)
    if isinstance(error, IsADirectoryError):
        return say("directory", lang)
    if isinstance(error, FileNotFoundError):
        return say("missing-directory", lang)
    return error.strerror or str(error)


def _check_place(path: str, key: str, lang: str) -> None:
    """Before a run: a report or baseline that could not be written at its end would waste it."""
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        _fail(failure_line(lang, say(key, lang, reason=say("missing-directory", lang)), path))


def _report_catalog_error(error, lang: str):
    from planlint.reporters import problem_line

    for problem in error.problems:
        click.echo(problem_line(problem, lang), err=True)
    sys.exit(2)


def _catalog(lang: str, directories: tuple[str, ...] = ()):
    from planlint.catalog import CatalogError, bundled_catalog, load_catalog

    try:
        return load_catalog(directories) if directories else bundled_catalog()
    except CatalogError as error:
        _report_catalog_error(error, lang)


def _options(lang: str, color: bool | None, quiet: bool = False):
    from planlint.reporters import Options

    return Options(lang=lang, color=color, quiet=quiet)


_lang_option = click.option("--lang", type=Choice(LANGUAGES), default="zh", envvar="PLANLINT_LANG",
                            show_default=True, help="Language of messages: zh (default) or en.")
_color_option = click.option("--color/--no-color", default=None,
                             help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).")
# Read by Planlint.main from the arguments themselves: an error may come before click has parsed them.
_verbose_option = click.option("--verbose", is_flag=True, expose_value=False,
                               help="Print the traceback of an internal error (as PLANLINT_DEBUG=1 does).")


@click.group(name="planlint", cls=Planlint,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="planlint", message="%(prog)s %(version)s")
def main() -> None:
    """planlint: check Chinese plan documents (工作要点, 工作计划, 实施方案, 工作总结)."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "--output-format", "output_format", type=Choice(_FORMATS), default="text",
              show_default=True, help="How to print diagnostics.")
@_lang_option
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, code prefixes (PL1), names or categories; comma-separated.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these rules (same forms as --select).")
@click.option("--fail-on", type=Choice(_SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a diagnostic at or above this severity is found.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are found.")
@_color_option
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics and nothing else.")
@click.option("--stdin-filename", metavar="NAME", help="The name to report for input read from '-'.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, write files back atomically, report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too (renumbering…).")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each rule and category has (an aggregated diagnostic counts "
                   "every occurrence) instead of the diagnostics.")
@click.option("-o", "--output-file", type=FilePath(dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the selected ones.")
@click.option("--config", "config_path", type=FilePath(exists=True, dir_okay=False),
              help="Use this configuration for every file instead of the nearest one.")
@click.option("--profile", metavar="TYPE", help="Check as this document type (工作要点, 实施方案…), whatever the title says.")
@click.option("--baseline", "baseline_path", type=FilePath(exists=True, dir_okay=False),
              help="Hide the diagnostics recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=FilePath(dir_okay=False),
              help="Record today's diagnostics in this file (to hide them later with --baseline); exits 0.")
@click.option("-j", "--jobs", type=IntRange(min=1), default=None,
              help="Check files in this many processes (default: one per core, for runs big enough to gain).")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing unchanged files' results.")
@_verbose_option
def check(paths, output_format, lang, select, ignore, fail_on, exit_zero, color, quiet, stdin_filename,
          fix, unsafe_fixes, diff, statistics, output_file, extend_select, config_path, profile,
          baseline_path, write_baseline_path, jobs, no_cache):
    """Check files and directories (recursively: *.txt, *.md, *.docx, *.pdf, *.doc, *.wps). '-' reads standard input."""
    from planlint.api import check_paths
    from planlint.catalog import CatalogError, UnknownProfile, UnknownSelector
    from planlint.config import ConfigError
    from planlint.reporters import config_error_line

    paths = list(paths) or ["."]
    if output_file:
        _check_place(output_file, "report-not-written", lang)
    if write_baseline_path:
        _check_place(write_baseline_path, "baseline.not-written", lang)
    baseline = _read_baseline(baseline_path, lang) if baseline_path else None
    try:
        report = check_paths(paths, select=_selectors(select), ignore=_selectors(ignore),
                             extend_select=_selectors(extend_select), lang=lang, config=config_path,
                             stdin_filename=stdin_filename, fix=fix and not diff, unsafe_fixes=unsafe_fixes,
                             diff=diff, profile=profile, jobs=jobs, cache=not no_cache)
    except UnknownSelector as error:
        _fail(failure_line(lang, say("unknown-selector", lang, selector=error.args[0])))
    except UnknownProfile as error:
        from planlint.schemaerrors import shown

        _fail(failure_line(lang, say("unknown-profile", lang, value=shown(error.name), known=error.known)))
    except ConfigError as error:
        _fail(config_error_line(error, lang))
    except CatalogError as error:
        _report_catalog_error(error, lang)
    if write_baseline_path:
        _write_baseline(report, write_baseline_path, lang)
    if baseline is not None:
        from planlint.baseline import apply_baseline

        apply_baseline(report, baseline)
    if diff:
        with _report_stream(output_file, sys.stdout, lang) as out:
            _print_diffs(report, out, lang)
        sys.exit(2 if report.errors else int(any(result.diff for result in report.files)))
    shown_out = sys.stdout
    if fix and "-" in paths:
        # As ruff does: the fixed text goes to standard output, the report to standard error.
        fixed = next((result.fixed_text for result in report.files if result.fixed_text is not None), None)
        if fixed is None and not report.files:  # standard input could not be read: that is the whole report
            _print_errors(report, lang)
            sys.exit(2)
        if fixed is not None:  # none for a .docx: fixes are never written into Word files (an error says so)
            sys.stdout.write(fixed)
        shown_out = sys.stderr
    options = _options(lang, color, quiet)
    shown = None
    if output_format == "html" and not statistics:  # the HTML report shows each document whole
        from planlint.api import show_report

        shown = show_report(report, paths, profile=profile, config=config_path, stdin_filename=stdin_filename)
    with _report_stream(output_file, shown_out, lang) as out:
        _render(report, out, options, output_format, statistics, shown)
    if report.hidden and not quiet and (statistics or output_format not in ("text", "concise")):
        click.echo(say("baseline-hidden", lang, count=report.hidden), err=True)  # machine output stays as documented
    code = report.exit_code(fail_on)
    if code == 1 and (exit_zero or write_baseline_path):  # writing a baseline is a CI bootstrap step
        code = 0
    sys.exit(code)


def _read_baseline(path: str, lang: str):
    from planlint.baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as error:
        _fail(failure_line(lang, error.problem.say(lang), error.path))


def _write_baseline(report, path: str, lang: str) -> None:
    from planlint.baseline import write_baseline

    try:
        count = write_baseline(report, path)
    except OSError as error:
        _fail(failure_line(lang, say("baseline.not-written", lang, reason=_os_reason(error, lang)), path))
    click.echo(say("baseline-written", lang, count=count, path=path), err=True)


@contextlib.contextmanager
def _report_stream(path: str | None, default, lang: str):
    """The file -o names (opened at the end, when there is a report to write), or ``default``.
    A report that cannot be written is one line and exit 2."""
    if path is None:
        yield default
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle
    except OSError as error:
        _fail(failure_line(lang, say("report-not-written", lang, reason=_os_reason(error, lang)), path))


def _render(report, out, options, output_format: str, statistics: bool, shown=None) -> None:
    from planlint.reporters import reporter

    if statistics:
        from planlint.reporters import statistics as statistics_reporter

        statistics_reporter.render(report, out, options, as_json=output_format == "json")
    elif shown is not None:
        reporter(output_format).render(report, out, options, shown)
    else:
        reporter(output_format).render(report, out, options)


def _print_errors(report, lang: str) -> None:
    from planlint.reporters import error_line

    for error in report.errors:
        click.echo(error_line(error, lang), err=True)


def _print_diffs(report, out, lang: str) -> None:
    for result in report.files:
        out.write(result.diff)
    _print_errors(report, lang)


@main.command()
@click.argument("path")
@click.option("--format", "output_format", type=Choice(("text", "json")), default="text", show_default=True)
@_lang_option
@_color_option
@click.option("--stdin-filename", metavar="NAME", help="The name to report for input read from '-'.")
@_verbose_option
def tree(path, output_format, lang, color, stdin_filename):
    """Show the numbering outline planlint parsed from PATH."""
    from planlint.api import parse_path
    from planlint.failures import Failure
    from planlint.reporters import error_line
    from planlint.reporters.outline import render_json, render_tree

    document = parse_path(path, stdin_filename)
    if isinstance(document, Failure):
        _fail(error_line(document, lang))
    if output_format == "json":
        render_json(document, sys.stdout)
    else:
        render_tree(document, sys.stdout, _options(lang, color))


@main.command(name="trace")
@click.argument("plan")
@click.argument("summary")
@click.option("--format", "output_format", type=Choice(("text", "json", "html")), default="text", show_default=True,
              help="html: a self-contained page with the plan and the summary side by side.")
@click.option("-o", "--output-file", type=FilePath(dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--vocabulary", "vocabulary_files", multiple=True, type=FilePath(exists=True, dir_okay=False),
              metavar="FILE", help="An office's own synonyms, stopwords and sections without tasks (YAML); repeatable.")
@_lang_option
@_color_option
@_verbose_option
def trace_command(plan, summary, output_format, output_file, vocabulary_files, lang, color):
    """Align PLAN's tasks with the SUMMARY that reports on them (a two-part document: its 要点 or 总结 part)."""
    from planlint.api import parse_path
    from planlint.failures import Failure
    from planlint.reporters import trace as report
    from planlint.reporters import error_line
    from planlint.tracing.tracer import trace_documents
    from planlint.tracing.vocabulary import VocabularyError, load_vocabulary
    from planlint.tracing.words import EXTRA, MissingExtra, require_segmenter

    try:
        require_segmenter()
    except MissingExtra:
        _fail(failure_line(lang, say("trace.missing-extra", lang, extra=EXTRA)))
    try:
        vocabulary = load_vocabulary(vocabulary_files)
    except VocabularyError as error:
        field = f"{say('config.key', lang, key=error.field)}: " if error.field else ""
        _fail(failure_line(lang, field + error.problem.say(lang), error.path))
    if output_file:
        _check_place(output_file, "report-not-written", lang)
    documents = [parse_path(path) for path in (plan, summary)]
    for document in documents:
        if isinstance(document, Failure):
            _fail(error_line(document, lang))
    result = trace_documents(*documents, vocabulary)
    if not result.tasks:
        _fail(failure_line(lang, say("trace.no-tasks", lang), plan))
    if result.plan.doc_type == "工作总结":
        click.echo(say("trace.plan-is-summary", lang, path=plan), err=True)
    if result.summary.doc_type not in ("工作总结", None):
        click.echo(say("trace.summary-is-plan", lang, path=summary), err=True)
    if result.plan.year and result.summary.year and result.plan.year != result.summary.year:
        click.echo(say("trace.years-differ", lang, plan=result.plan.year, summary=result.summary.year), err=True)
    options = _options(lang, color)
    with _report_stream(output_file, sys.stdout, lang) as out:
        if output_format == "json":
            report.render_json(result, out)
        elif output_format == "html":
            report.render_html(result, documents[1].lines, out, options)
        else:
            report.render_text(result, out, options)


@main.command(name="rules")
@click.option("--format", "output_format", type=Choice(("text", "json", "markdown")), default="text",
              show_default=True, help="markdown writes the rule reference (docs/rules.md).")
@_lang_option
@_color_option
@_verbose_option
def list_rules(output_format, lang, color):
    """List every rule."""
    from planlint.reporters.ruledoc import render_list, render_markdown

    rules = _catalog(lang).rules
    if output_format == "markdown":
        render_markdown(rules, sys.stdout)
    else:
        render_list(rules, sys.stdout, _options(lang, color), output_format)


@main.command(name="test-rules")
@click.argument("directory", type=FilePath(exists=True, file_okay=False))
@_lang_option
@_verbose_option
def test_rules(directory, lang):
    """Run the examples of the YAML rules in DIRECTORY (an office's own rules)."""
    from pathlib import Path

    from planlint.reporters import failure_reason
    from planlint.selftest import run_examples

    catalog = _catalog(lang, (directory,))
    base = Path(directory).resolve()
    rules = [rule for rule in catalog.rules if Path(rule.source).resolve().parent == base]
    results = list(run_examples(rules, catalog, lang))
    for result in results:
        mark = "✓" if result.passed else "✗"
        first_line = result.example.strip().splitlines()[0] if result.example.strip() else ""
        click.echo(f"{mark} {result.rule.code} {result.verdict}[{result.index}] {first_line}")
        if not result.passed:
            detail = ("; ".join([*(failure_reason(failure, lang) for failure in result.failures), *result.problems])
                      or (say("example-silent", lang) if result.verdict == "bad" else "; ".join(result.messages)))
            click.echo(f"    {detail}")
    failed = sum(1 for result in results if not result.passed)
    click.echo(say("examples-summary", lang, rules=len(rules), passed=len(results) - failed, failed=failed))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("code")
@_lang_option
@_color_option
@_verbose_option
def rule(code, lang, color):
    """Explain one rule (by code or name), with its examples."""
    from planlint.reporters.ruledoc import render_rule

    found = _catalog(lang).get(code)
    if found is None:
        _fail(failure_line(lang, say("unknown-rule", lang, code=code)))
    render_rule(found, sys.stdout, _options(lang, color))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; another than this machine's lets other computers send files.")
@click.option("--port", type=IntRange(min=0, max=65535), default=8765, show_default=True,
              help="The port to listen on (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default web browser.")
@click.option("--max-upload", type=IntRange(min=1), default=20, show_default=True, metavar="MB",
              help="The largest file the page accepts, in MB.")
@_lang_option
@_verbose_option
def serve(host, port, open_browser, max_upload, lang):
    """A web page on this computer: drop a .docx, .pdf, .txt or .md file (or paste text) and see the HTML report."""
    from planlint import serve as server
    from planlint.config import ConfigError, find_config
    from planlint.reporters import config_error_line

    try:  # the configuration of the directory it starts in, as for standard input
        config = find_config(".")
        catalog = _catalog(lang, config.rules_dirs)
        catalog.configure(config)  # a broken configuration stops here, not at the first upload
    except ConfigError as error:
        _fail(config_error_line(error, lang))
    try:
        listening = server.listen(host, port)
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        _fail(failure_line(lang, say("serve.cannot-listen", lang, host=host, port=port, reason=reason)))
    url = server.url_of(listening)
    click.echo(say("serve.running", lang, url=url))
    if not server.is_loopback(host):
        click.echo(say("serve.exposed", lang, host=host), err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    settings = server.Settings(lang, max_upload * 2**20, server.is_loopback(host), config, catalog)
    server.server(settings).run(sockets=[listening])


@main.command()
@_lang_option
@_verbose_option
def clean(lang):
    """Delete planlint's cache: unchanged files' results, compiled rules and parser."""
    from planlint.resources import clear_cache

    try:
        path, count = clear_cache()
    except OSError as error:
        _fail(failure_line(lang, say("cache-not-cleaned", lang, path=error.filename or "", reason=_os_reason(error, lang))))
    click.echo(say("cache-cleaned", lang, path=path, count=count))


if __name__ == "__main__":  # pragma: no cover
    main()
