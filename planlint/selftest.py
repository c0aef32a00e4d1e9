"""Run rules' own examples: every bad one must raise the rule, every good one must not.

The test suite runs this over the bundled rules; ``planlint test-rules DIR``
runs it over an office's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from planlint.catalog import Catalog, Rule
from planlint.config import Config
from planlint.api import check_text
from planlint.engine import RuleFailure


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    verdict: str  # "bad" or "good"
    index: int
    example: str
    messages: tuple[str, ...]
    failures: tuple[RuleFailure, ...]

    @property
    def passed(self) -> bool:
        return not self.failures and bool(self.messages) == (self.verdict == "bad")


def run_examples(rules: Sequence[Rule], catalog: Catalog, lang: str = "zh") -> Iterator[ExampleResult]:
    for rule in rules:
        for verdict in ("bad", "good"):
            for index, example in enumerate(rule.examples[verdict]):
                result = check_text(example, select=[rule.code], lang=lang, catalog=catalog, config=Config())
                messages = tuple(d.message for d in result.diagnostics if d.code == rule.code)
                yield ExampleResult(rule, verdict, index, example, messages,
                                    tuple(result.failures))
