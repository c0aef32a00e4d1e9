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


def _catalog(lang: str):
    from planlint.catalog import CatalogError, bundled_catalog

    try:
        return bundled_catalog()
    except CatalogError as error:
        click.echo(say("catalog-error", lang), err=True)
        for problem in error.problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(2)


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
def check(paths, output_format, lang, select, ignore, fail_on, exit_zero, color, quiet, stdin_filename,
          fix, unsafe_fixes, diff, statistics, output_file):
    """Check files and directories (recursively: *.txt, *.md). '-' reads standard input."""
    from planlint.api import check_paths
    from planlint.reporters import reporter

    catalog = _catalog(lang)
    paths = list(paths) or ["."]
    try:
        report = check_paths(paths, select=_selectors(select), ignore=_selectors(ignore), lang=lang,
                             catalog=catalog, stdin_filename=stdin_filename, fix=fix and not diff,
                             unsafe_fixes=unsafe_fixes, diff=diff)
    except ValueError as error:
        raise click.UsageError(say("unknown-selector", lang, selector=error.args[0])) from None
    options = _options(lang, color, quiet)
    out = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout
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
        if output_file:
            out.close()
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
    from planlint.loading import LoadError, read_source
    from planlint.outline.parser import parse
    from planlint.reporters._words import error_line
    from planlint.reporters.outline import render_json, render_tree

    source = read_source(path, stdin_filename)
    if isinstance(source, LoadError):
        click.echo(error_line(source, lang), err=True)
        sys.exit(2)
    document = parse(source.text, source.path)
    if output_format == "json":
        render_json(document, sys.stdout)
    else:
        render_tree(document, sys.stdout, _options(lang, color))


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@_lang_option
@_color_option
def list_rules(output_format, lang, color):
    """List every rule."""
    from planlint.reporters.ruledoc import render_list

    render_list(_catalog(lang).rules, sys.stdout, _options(lang, color), output_format)


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


if __name__ == "__main__":  # pragma: no cover
    main()
