"""Run rules over a document and turn their findings into diagnostics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from planlint.catalog import Rule
from planlint.diagnostics import Diagnostic, Finding, Fix
from planlint.kinds import load_kind
from planlint.outline.model import Document


@dataclass(frozen=True, slots=True)
class RuleFailure:
    """A rule that could not finish on a document (a user's regex timing out, say)."""

    path: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: rule {self.code} failed: {self.reason}"


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _diagnostic(document: Document, rule: Rule, finding: Finding, lang: str) -> Diagnostic:
    message = rule.message[lang].format_map(_Args(finding.args))
    fix = None
    if rule.fix and finding.edits:
        fix = Fix(rule.fix, finding.edits)
    return Diagnostic(document.path, rule.code, rule.name, rule.category, rule.severity, message,
                      finding.span, fix)


def run_rules(document: Document, rules: Sequence[Rule], lang: str = "zh") -> tuple[list[Diagnostic], list[RuleFailure]]:
    diagnostics: list[Diagnostic] = []
    failures: list[RuleFailure] = []
    for rule in rules:
        kind = load_kind(rule.kind)
        try:
            diagnostics.extend(_diagnostic(document, rule, finding, lang)
                               for finding in kind.check(document, rule.prepared))
        except Exception as error:  # one broken rule must not lose the others' results
            failures.append(RuleFailure(document.path, rule.code, f"{type(error).__name__}: {error}"))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, failures
