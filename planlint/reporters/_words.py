"""Words every human-facing reporter uses: the one line of each error, and the summary line."""

from __future__ import annotations

import sys

from planlint.failures import Failure
from planlint.i18n import say


def failure_reason(failure: Failure, lang: str) -> str:
    """Why a rule could not finish (a failure of stage "rule")."""
    said = say(f"rule-failure.{failure.reason}", lang, seconds=failure.detail, detail=failure.detail)
    return say("rule-failed", lang, code=failure.code, reason=said)


def error_line(error: Failure, lang: str) -> str:
    if error.stage == "rule":
        reason = failure_reason(error, lang)
    else:
        reason = say(error.reason, lang)
        if error.detail and error.reason in ("unreadable", "not-written", "too-large", "docx-bomb", "docx-too-large",
                                             "fix-rolled-back", "pdf-too-large", "doc-conversion-failed",
                                             "doc-conversion-timeout"):
            reason += f" ({error.detail})"
    return f"{say('error-prefix', lang)}: {error.path}: {reason}"


def on_page(diagnostic, lang: str) -> str:
    """Where a diagnostic in a PDF is on the printed pages, to follow its message; else nothing."""
    return "" if diagnostic.page is None else say("on-page", lang, page=diagnostic.page.page,
                                                  line=diagnostic.page.line)


def config_error_line(error, lang: str) -> str:
    """A ConfigError: the file, the key at fault, and what is wrong with its value."""
    key = f"{say('config.key', lang, key=error.key)}: " if error.key else ""
    return f"{say('error-prefix', lang)}: {error.path}: {key}{error.problem.say(lang)}"


def problem_line(problem, lang: str) -> str:
    """A catalog Problem: the file, the rule and the field, and what is wrong."""
    where = [problem.path]
    if problem.rule:
        where.append(say("catalog.rule", lang, rule=problem.rule))
    if problem.field:
        where.append(say("catalog.field", lang, field=problem.field))
    return f"{say('error-prefix', lang)}: {': '.join(where)}: {problem.reason.say(lang)}"


def errors_to_stderr(report, lang: str) -> None:
    """Machine formats keep standard output for their data; unreadable files go to standard error."""
    for error in report.errors:
        print(error_line(error, lang), file=sys.stderr)


def summary_line(report, lang: str) -> str:
    files = len(report.files)
    diagnostics = report.diagnostics
    if diagnostics:
        line = say("summary", lang, files=files, errors=report.count("error"),
                   warnings=report.count("warning"), infos=report.count("info"))
    else:
        line = say("summary-clean", lang, files=files)
    if report.fixed:
        line += ("；" if lang == "zh" else "; ") + say("fixed", lang, count=report.fixed)
    if report.hidden:
        line += ("；" if lang == "zh" else "; ") + say("baseline-hidden", lang, count=report.hidden)
    if report.errors:
        line += ("；" if lang == "zh" else "; ") + say("summary-failed", lang, count=len(report.errors))
    return line
