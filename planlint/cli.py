"""The command line: a thin shell over planlint.api.  Exit codes follow ruff:
0 nothing at or above --fail-on, 1 something is, 2 usage, rule-file or input errors."""

from __future__ import annotations

import sys

import click

from planlint import __version__
from planlint.i18n import LANGUAGES, say

_SEVERITIES = ("error", "warning", "info")
_FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")


def _selectors(values: tuple[str, ...]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _report_catalog_error(error, lang: str):
    click.echo(say("catalog-error", lang), err=True)
    for problem in error.problems:
        click.echo(f"  {problem}", err=True)
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


_lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default="zh", envvar="PLANLINT_LANG",
                             show_default=True, help="Language of messages: zh (default) or en.")
_color_option = click.option("--color/--no-color", default=None,
                             help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="planlint", message="%(prog)s %(version)s")
def main() -> None:
    """planlint: check Chinese plan documents (工作要点, 工作计划, 实施方案, 工作总结)."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "--output-format", "output_format", type=click.Choice(_FORMATS), default="text",
              show_default=True, help="How to print diagnostics.")
@_lang_option
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, code prefixes (PL1), names or categories; comma-separated.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(_SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a diagnostic at or above this severity is found.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are found.")
@_color_option
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics and nothing else.")
@click.option("--stdin-filename", metavar="NAME", help="The name to report for input read from '-'.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, write files back atomically, report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too (renumbering…).")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Print counts per rule and per category instead of diagnostics.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add rules to the selected ones.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="Use this configuration for every file instead of the nearest one.")
@click.option("--profile", metavar="TYPE", help="Check as this document type (工作要点, 实施方案…), whatever the title says.")
@click.option("--baseline", "baseline_path", type=click.Path(exists=True, dir_okay=False),
              help="Hide the diagnostics recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record today's diagnostics in this file (to hide them later with --baseline).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Check files in this many processes (default: one per core, for runs big enough to gain).")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing unchanged files' results.")
def check(paths, output_format, lang, select, ignore, fail_on, exit_zero, color, quiet, stdin_filename,
          fix, unsafe_fixes, diff, statistics, output_file, extend_select, config_path, profile,
          baseline_path, write_baseline_path, jobs, no_cache):
    """Check files and directories (recursively: *.txt, *.md, *.docx). '-' reads standard input."""
    from planlint.api import check_paths
    from planlint.catalog import CatalogError, UnknownSelector
    from planlint.config import ConfigError
    from planlint.reporters import reporter

    paths = list(paths) or ["."]
    try:
        report = check_paths(paths, select=_selectors(select), ignore=_selectors(ignore),
                             extend_select=_selectors(extend_select), lang=lang, config=config_path,
                             stdin_filename=stdin_filename, fix=fix and not diff, unsafe_fixes=unsafe_fixes,
                             diff=diff, profile=profile, jobs=jobs, cache=not no_cache)
    except UnknownSelector as error:
        raise click.UsageError(say("unknown-selector", lang, selector=error.args[0])) from None
    except ConfigError as error:
        click.echo(f"{say('config-error', lang)} {error}", err=True)
        sys.exit(2)
    except CatalogError as error:
        _report_catalog_error(error, lang)
    if write_baseline_path:
        from planlint.baseline import write_baseline

        count = write_baseline(report, write_baseline_path)
        click.echo(say("baseline-written", lang, count=count, path=write_baseline_path), err=True)
    if baseline_path:
        from planlint.baseline import apply_baseline

        try:
            apply_baseline(report, baseline_path)
        except (ValueError, KeyError, TypeError) as error:
            click.echo(f"{say('error-prefix', lang)}: {error}", err=True)
            sys.exit(2)
    options = _options(lang, color, quiet)
    handle = open(output_file, "w", encoding="utf-8") if output_file else None
    out = handle or sys.stdout
    try:
        if diff:
            _print_diffs(report, out, lang)
            sys.exit(2 if report.errors else int(any(result.diff for result in report.files)))
        if fix and "-" in paths:
            # As ruff does: the fixed text goes to standard output, the report to standard error.
            out.write(next(r.fixed_text for r in report.files if r.fixed_text is not None))
            out = sys.stderr
        if statistics:
            from planlint.reporters import statistics as statistics_reporter

            statistics_reporter.render(report, out, options, as_json=output_format == "json")
        else:
            reporter(output_format).render(report, out, options)
    finally:
        if handle:  # not ``out``: with --fix on standard input it has become standard error
            handle.close()
    code = report.exit_code(fail_on)
    sys.exit(2 if code == 2 else 0 if exit_zero else code)


def _print_diffs(report, out, lang: str) -> None:
    from planlint.reporters._words import error_line

    for result in report.files:
        out.write(result.diff)
    for error in report.errors:
        click.echo(error_line(error, lang), err=True)


@main.command()
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@_lang_option
@_color_option
@click.option("--stdin-filename", metavar="NAME", help="The name to report for input read from '-'.")
def tree(path, output_format, lang, color, stdin_filename):
    """Show the numbering outline planlint parsed from PATH."""
    from planlint.api import parse_path
    from planlint.loading import LoadError
    from planlint.reporters._words import error_line
    from planlint.reporters.outline import render_json, render_tree

    document = parse_path(path, stdin_filename)
    if isinstance(document, LoadError):
        click.echo(error_line(document, lang), err=True)
        sys.exit(2)
    if output_format == "json":
        render_json(document, sys.stdout)
    else:
        render_tree(document, sys.stdout, _options(lang, color))


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(("text", "json", "markdown")), default="text",
              show_default=True, help="markdown writes the rule reference (docs/rules.md).")
@_lang_option
@_color_option
def list_rules(output_format, lang, color):
    """List every rule."""
    from planlint.reporters.ruledoc import render_list, render_markdown

    rules = _catalog(lang).rules
    if output_format == "markdown":
        render_markdown(rules, sys.stdout)
    else:
        render_list(rules, sys.stdout, _options(lang, color), output_format)


@main.command(name="test-rules")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@_lang_option
def test_rules(directory, lang):
    """Run the examples of the YAML rules in DIRECTORY (an office's own rules)."""
    from pathlib import Path

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
            detail = "; ".join(result.failures) or (say("example-silent", lang) if result.verdict == "bad"
                                                     else "; ".join(result.messages))
            click.echo(f"    {detail}")
    failed = sum(1 for result in results if not result.passed)
    click.echo(say("examples-summary", lang, rules=len(rules), passed=len(results) - failed, failed=failed))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("code")
@_lang_option
@_color_option
def rule(code, lang, color):
    """Explain one rule (by code or name), with its examples."""
    from planlint.reporters.ruledoc import render_rule

    found = _catalog(lang).get(code)
    if found is None:
        raise click.UsageError(say("unknown-rule", lang, code=code))
    render_rule(found, sys.stdout, _options(lang, color))


@main.command()
@_lang_option
def clean(lang):
    """Delete planlint's cache: unchanged files' results, compiled rules and parser."""
    from planlint.resources import clear_cache

    try:
        path, count = clear_cache()
    except OSError as error:
        click.echo(say("cache-not-cleaned", lang, path=error.filename or "", reason=error.strerror or error), err=True)
        sys.exit(2)
    click.echo(say("cache-cleaned", lang, path=path, count=count))


if __name__ == "__main__":  # pragma: no cover
    main()
