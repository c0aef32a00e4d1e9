"""The exit-code contract around click, for planlint.cli.

0 and 1 are about findings (nothing at or above --fail-on, or something is); every
failure is 2 and one line on standard error, in the run's language: click's own
usage errors (worded here: click speaks English only), a closed standard output,
and an internal error, which asks to be reported and shows its traceback only with
--verbose or PLANLINT_DEBUG=1.  The language is read from the arguments before
click parses them, since its errors come before any option has a value.
"""

from __future__ import annotations

import os
import sys

import click

from planlint.i18n import LANGUAGES, say

_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C


def failure_line(lang: str, message: str, path: str | None = None) -> str:
    return f"{say('error-prefix', lang)}: {path + ': ' if path else ''}{message}"


def _options_part(args: list[str]) -> list[str]:
    """The arguments before ``--`` (after it, everything is a path)."""
    return args[:args.index("--")] if "--" in args else args


def _run_language(args: list[str]) -> str:
    """The last --lang given, else PLANLINT_LANG, else zh; a value that is no language counts as none."""
    lang = os.environ.get("PLANLINT_LANG")
    options = _options_part(args)
    for index, arg in enumerate(options):
        if arg == "--lang" and index + 1 < len(options):
            lang = options[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in LANGUAGES else "zh"


def _debugging(args: list[str]) -> bool:
    return "--verbose" in _options_part(args) or os.environ.get("PLANLINT_DEBUG", "") not in ("", "0")


# click's parameter types, each keeping the value it refused, so that the error
# can be said in the run's language (click words it in English only).

class _BadValue(click.BadParameter):
    def __init__(self, error: click.BadParameter, value):
        super().__init__(error.message, error.ctx, error.param, error.param_hint)
        self.value = value


class _KeepsValue:
    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            raise _BadValue(error, value) from None


class Choice(_KeepsValue, click.Choice):
    pass


class FilePath(_KeepsValue, click.Path):
    pass


class IntRange(_KeepsValue, click.IntRange):
    pass


def _param_name(param) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return param.human_readable_name if param is not None else ""


def _bad_value(error: _BadValue, lang: str) -> str:
    from planlint.schemaerrors import shown

    kind, name = error.param.type if error.param else None, _param_name(error.param)
    value = f'"{error.value}"' if isinstance(kind, click.Path) else shown(error.value)  # a path in full
    if isinstance(kind, click.Choice):
        return say("usage.choice", lang, name=name, value=value, choices=tuple(kind.choices))
    if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None:
        return say("usage.between", lang, name=name, value=value, minimum=kind.min, maximum=kind.max)
    if isinstance(kind, click.IntRange) and kind.min is not None:
        return say("usage.at-least", lang, name=name, value=value, minimum=kind.min)
    if isinstance(kind, click.Path):
        from pathlib import Path

        path = Path(error.value)
        if not path.exists():
            return say("usage.path-missing", lang, name=name, value=value)
        if path.is_dir() and not kind.dir_okay:
            return say("usage.path-is-directory", lang, name=name, value=value)
        if not path.is_dir() and not kind.file_okay:
            return say("usage.path-is-file", lang, name=name, value=value)
        return say("usage.path-permission", lang, name=name, value=value)
    return say("usage.other", lang, detail=error.format_message())


def _usage_message(error: click.ClickException, lang: str, flags: set[str]) -> str:
    """click's usage errors in the run's language; one it does not know keeps click's English words.
    ``flags``: the options that take no value (click's parser does not say which command it was in)."""
    exceptions = click.exceptions
    if isinstance(error, exceptions.NoSuchOption):
        message = say("usage.no-such-option", lang, name=error.option_name)
        if error.possibilities:
            message += say("usage.did-you-mean", lang, names=tuple(error.possibilities))
        return message
    no_such_command = getattr(exceptions, "NoSuchCommand", None)  # click 8.4 and later
    if no_such_command is not None and isinstance(error, no_such_command):
        message = say("usage.no-such-command", lang, name=error.command_name)
        if error.possibilities:
            message += say("usage.did-you-mean", lang, names=tuple(error.possibilities))
        return message
    if isinstance(error, exceptions.BadOptionUsage):
        key = "usage.takes-no-value" if error.option_name in flags else "usage.needs-value"
        return say(key, lang, name=error.option_name)
    if isinstance(error, exceptions.MissingParameter):
        key = "usage.missing-option" if isinstance(error.param, click.Option) else "usage.missing-argument"
        return say(key, lang, name=_param_name(error.param))
    if isinstance(error, _BadValue):
        return _bad_value(error, lang)
    return say("usage.other", lang, detail=error.format_message())


def _report_usage_error(error: click.ClickException, lang: str, flags: set[str]) -> None:
    no_args_is_help = getattr(click.exceptions, "NoArgsIsHelpError", None)  # click 8.2 and later
    if no_args_is_help is not None and isinstance(error, no_args_is_help):
        click.echo(error.format_message(), err=True)  # the help: planlint run with no command
        return
    line = failure_line(lang, _usage_message(error, lang, flags))
    context = getattr(error, "ctx", None)
    if context is not None:
        line += say("usage.help-hint", lang, command=context.command_path)
    click.echo(line, err=True)


def _report_internal_error(error: Exception, lang: str, args: list[str]) -> None:
    if _debugging(args):
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__)
    detail = " ".join(f"{type(error).__name__}: {error}".split())
    click.echo(failure_line(lang, say("internal-error", lang, detail=detail)), err=True)


def _silence_stdout() -> None:
    """After a broken pipe, send what is left (Python flushes standard output at exit) nowhere."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # not a file descriptor (click's test runner)
        pass


class _OutputClosed(Exception):
    """Standard output's reader went away (``planlint rules | head``)."""


class Planlint(click.Group):
    """planlint's commands, with the exit-code contract of the module's docstring kept around them."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        given = sys.argv[1:] if args is None else list(args)
        lang = _run_language(given)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo(failure_line(lang, say("interrupted", lang)), err=True)
            code = _INTERRUPTED
        except click.ClickException as error:
            _report_usage_error(error, lang, self._flags())
            code = 2
        except _OutputClosed:
            _silence_stdout()
            click.echo(failure_line(lang, say("output-closed", lang)), err=True)
            code = 2
        except Exception as error:  # the guard: a bug is one line and exit 2, never a traceback
            _report_internal_error(error, lang, given)
            code = 2
        code = code if isinstance(code, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)

    def _flags(self) -> set[str]:
        return {name for command in self.commands.values() for param in command.params
                if isinstance(param, click.Option) and (param.is_flag or param.count)
                for name in (*param.opts, *param.secondary_opts)}

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # caught here: click's main would exit 1, which means "findings"
            raise _OutputClosed() from None
