"""Run rules' own examples: every bad one must raise the rule, every good one
must not, and the rule's fix must turn each ``fixed`` example's bad text into
exactly its fixed text (a rule with a fix and no such example fails).  A layout
rule's example describes a Word file (planlint.wordsample), which is built and
checked as a .docx.

The test suite runs this over the bundled rules; ``planlint test-rules DIR``
runs it over an office's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from planlint.api import check_text
from planlint.catalog import Catalog, Rule
from planlint.config import Config
from planlint.failures import Failure
from planlint.i18n import say


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    verdict: str  # "bad", "good" or "fixed"
    index: int
    example: str
    messages: tuple[str, ...]
    failures: tuple[Failure, ...]  # rules that could not finish (worded by the reporter)
    problems: tuple[str, ...] = ()     # what is wrong with a fixed example, in the run's language

    @property
    def passed(self) -> bool:
        if self.verdict == "fixed":
            return not self.failures and not self.problems
        return not self.failures and not self.problems and bool(self.messages) == (self.verdict == "bad")


def run_examples(rules: Sequence[Rule], catalog: Catalog, lang: str = "zh") -> Iterator[ExampleResult]:
    for rule in rules:
        for verdict in ("bad", "good"):
            for index, example in enumerate(rule.examples[verdict]):
                if rule.category == "layout":
                    yield _layout_example(rule, verdict, index, example, catalog, lang)
                    continue
                result = check_text(example, select=[rule.code], lang=lang, catalog=catalog, config=Config())
                messages = tuple(d.message for d in result.diagnostics if d.code == rule.code)
                yield ExampleResult(rule, verdict, index, example, messages, tuple(result.failures))
        yield from _fixed_examples(rule, catalog, lang)


def _layout_example(rule: Rule, verdict: str, index: int, example: str, catalog: Catalog,
                    lang: str) -> ExampleResult:
    """A layout rule's example: the Word file it describes, checked as a .docx."""
    from planlint.api import check_upload
    from planlint.wordsample import SampleError, build

    try:
        data = build(example)
    except SampleError as error:
        return ExampleResult(rule, verdict, index, example, (), (), (say("example-not-a-sample", lang, detail=str(error)),))
    report, _ = check_upload(data, "example.docx", select=[rule.code], lang=lang, catalog=catalog, config=Config())
    messages = tuple(d.message for d in report.diagnostics if d.code == rule.code)
    return ExampleResult(rule, verdict, index, example, messages, tuple(report.errors))


def _fixed_examples(rule: Rule, catalog: Catalog, lang: str) -> Iterator[ExampleResult]:
    """The rule's fix (unsafe ones too) on each fixed example's bad text."""
    from planlint.engine import Checker
    from planlint.fixes import fix_text

    fixed = rule.examples.get("fixed", [])
    if rule.fix and not fixed:
        yield ExampleResult(rule, "fixed", 0, "", (), (), (say("example-no-fixed", lang),))
        return
    checker = Checker(catalog.configure(Config(), (rule.code,)), lang, catalog.profiles)
    for index, pair in enumerate(fixed):
        outcome = fix_text(pair["bad"], "<text>", checker, unsafe=True)
        problems = []
        if outcome.rollback is not None:
            problems.append(f"{say('fix-rolled-back', lang)} ({outcome.rollback})")
        elif outcome.text != pair["fixed"]:
            problems.append(say("example-misfixed", lang, expected=pair["fixed"], result=outcome.text))
        yield ExampleResult(rule, "fixed", index, pair["bad"], (), tuple(outcome.failures), tuple(problems))
