"""Words every human-facing reporter uses: load errors and the summary line."""

from __future__ import annotations

import sys

from planlint.engine import RuleFailure
from planlint.i18n import say
from planlint.loading import LoadError


def error_line(error: LoadError | RuleFailure, lang: str) -> str:
    if isinstance(error, RuleFailure):
        reason = say("rule-failed", lang, code=error.code, reason=error.reason)
    else:
        reason = say(error.reason, lang)
        if error.detail and error.reason in ("unreadable", "not-written", "corrupt-docx"):
            reason += f" ({error.detail})"
    return f"{say('error-prefix', lang)}: {error.path}: {reason}"


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
    if report.errors:
        line += ("；" if lang == "zh" else "; ") + say("summary-failed", lang, count=len(report.errors))
    return line
