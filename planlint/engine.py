"""Run rules over a document and turn their findings into diagnostics."""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from planlint.catalog import Profile, Rule
from planlint.diagnostics import Diagnostic, Finding, Fix
from planlint.failures import Failure
from planlint.i18n import say
from planlint.suppression import filter_suppressed
from planlint.kinds import PATTERN_TIME_LIMIT, PatternTimeout, load_kind, time_limit
from planlint.outline.model import Document
from planlint.outline.parser import parse, split_lines

if TYPE_CHECKING:
    from planlint.wordlayout import Layout


@dataclass(frozen=True)
class Checker:
    """Everything a check needs besides the text: rules, language, profiles, and
    the document type to assume (``--profile``) instead of the one the title says."""

    rules: Sequence[Rule]
    lang: str = "zh"
    profiles: Mapping[str, Profile] = field(default_factory=dict)
    profile: str | None = None

    @functools.cached_property
    def fingerprint(self) -> str:
        """Everything that decides the diagnostics besides the text (for the result cache)."""
        import hashlib
        import json

        # Canonical JSON only: a repr would carry a frozenset's order, which changes
        # with every process's string hashing (and the cache would miss half the time).
        profiles = sorted([profile.type, list(profile.sections), sorted(profile.ignore)]
                          for profile in self.profiles.values())
        state = {"rules": [{**rule.to_dict(), "source": None} for rule in self.rules], "lang": self.lang,
                 "profile": self.profile, "profiles": profiles}
        return hashlib.sha256(json.dumps(state, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def check(self, text: str, path: str, view: Callable[[str], str] | None = None,
              automatic: Mapping[int, object] | None = None, plain: frozenset[int] = frozenset(),
              layout: Layout | None = None) -> tuple[Document, list[Diagnostic], list[Failure]]:
        """``view`` turns the source into what the parser reads (Markdown's syntax
        blanked out), keeping every line and column where they are; ``layout`` is a
        Word file's (what its layout rules read)."""
        document = self._parse(text, path, view, automatic, plain)
        document.layout = layout
        diagnostics, failures = run_rules(document, self.rules, self.lang, self.profiles)
        return document, filter_suppressed(_source_lines(document, text, view), diagnostics), failures

    def findings(self, text: str, path: str,
                 view: Callable[[str], str] | None = None) -> tuple[Document, list[Diagnostic], list[Failure]]:
        """Every finding as a diagnostic of its own, with its fix: nothing aggregated,
        nothing suppressed yet (``report`` turns them into what ``check`` says)."""
        document = self._parse(text, path, view, None, frozenset())
        diagnostics, failures = run_rules(document, self.rules, self.lang, self.profiles, aggregate=False)
        return document, diagnostics, failures

    def report(self, document: Document, findings: list[Diagnostic], text: str,
               view: Callable[[str], str] | None = None) -> list[Diagnostic]:
        """What ``check`` reports on ``text``, made from ``findings`` instead of checking again."""
        return self.unsuppressed(document, aggregate_findings(findings, self.rules, self.lang), text, view)

    @staticmethod
    def unsuppressed(document: Document, findings: list[Diagnostic], text: str,
                     view: Callable[[str], str] | None = None) -> list[Diagnostic]:
        """``findings`` less those a suppression comment in ``text`` turns off."""
        return filter_suppressed(_source_lines(document, text, view), findings)

    def _parse(self, text: str, path: str, view: Callable[[str], str] | None,
               automatic: Mapping[int, object] | None, plain: frozenset[int]) -> Document:
        document = parse(view(text) if view else text, path, automatic, plain)
        if self.profile:
            document.metadata.doc_type, document.metadata.doc_types = self.profile, (self.profile,)
        return document


def _source_lines(document: Document, text: str, view: Callable[[str], str] | None) -> list[str]:
    """The lines suppression comments are read in: the source's, since a view
    (Markdown's) blanks HTML comments as syntax."""
    return split_lines(text) if view else document.lines


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


def _aggregated(first: Diagnostic, total: int, lang: str) -> Diagnostic:
    """Many findings of one style rule in one document: one diagnostic at the
    first, counting them all.  It carries no fix (hundreds of edits would swamp
    every report); --fix takes the findings one by one and repairs each."""
    return first._replace(message=first.message + say("aggregate", lang, count=total), fix=None, occurrences=total)


def aggregate_findings(findings: list[Diagnostic], rules: Sequence[Rule], lang: str = "zh") -> list[Diagnostic]:
    """The diagnostics ``run_rules`` makes with aggregation, from those it makes
    without (sorted as it sorts them)."""
    limits = {rule.code: rule.aggregate for rule in rules if rule.aggregate is not None}
    totals = Counter(d.code for d in findings if d.code in limits)
    over = {code for code, total in totals.items() if total > limits[code]}
    if not over:
        return findings
    shown: set[str] = set()
    kept = []
    for diagnostic in findings:
        if diagnostic.code not in over:
            kept.append(diagnostic)
        elif diagnostic.code not in shown:
            shown.add(diagnostic.code)
            kept.append(_aggregated(diagnostic, totals[diagnostic.code], lang))
    return kept


def _findings(document: Document, rule: Rule, limit: int | None) -> tuple[list[Finding], int]:
    """The rule's findings and how many there are.  When the rule aggregates past
    ``limit`` findings and its kind can count, only the first finding is built."""
    kind = load_kind(rule.kind)
    with time_limit(PATTERN_TIME_LIMIT if rule.time_limited else None):
        if limit is None or kind.count is None:
            findings = list(kind.check(document, rule.params, rule.state))
            return findings, len(findings)
        total = kind.count(document, rule.params, rule.state)
        if total == 0:
            return [], 0
        found = kind.check(document, rule.params, rule.state)
        return list(itertools.islice(found, 1 if total > limit else None)), total


def run_rules(document: Document, rules: Sequence[Rule], lang: str = "zh",
              profiles: Mapping[str, Profile] | None = None,
              aggregate: bool = True) -> tuple[list[Diagnostic], list[Failure]]:
    """Run ``rules``, less those the document type's profile says do not apply."""
    diagnostics: list[Diagnostic] = []
    failures: list[Failure] = []
    profile = (profiles or {}).get(document.metadata.doc_type or "")
    for rule in rules:
        if profile is not None and rule.code in profile.ignore:
            continue
        limit = rule.aggregate if aggregate else None
        try:
            findings, total = _findings(document, rule, limit)
        except PatternTimeout as error:
            failures.append(Failure.rule(document.path, rule.code, "timeout", f"{error.seconds:g}"))
            continue
        except Exception as error:  # one broken rule must not lose the others' results
            failures.append(Failure.rule(document.path, rule.code, "crashed", f"{type(error).__name__}: {error}"))
            continue
        if limit is not None and total > limit:
            first = min(findings, key=lambda finding: (finding.span.line, finding.span.column))
            diagnostics.append(_aggregated(_diagnostic(document, rule, first, lang), total, lang))
        else:
            diagnostics.extend(_diagnostic(document, rule, finding, lang) for finding in findings)
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, failures
