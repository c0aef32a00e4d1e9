"""The engine: what --fix reports from its findings is what a check reports."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.catalog import bundled_catalog
from planlint.engine import Checker

ROOT = Path(__file__).resolve().parents[1]
CATALOG = bundled_catalog()
CHECKER = Checker(tuple(CATALOG.select(["ALL"])), "en", CATALOG.profiles)


def _same_report(text: str) -> None:
    document, findings, _ = CHECKER.findings(text, "x.txt")
    assert CHECKER.report(document, findings, text) == CHECKER.check(text, "x.txt")[1]


def test_the_report_made_from_findings_is_the_check_on_the_seeds():
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        _same_report(seed.read_text(encoding="utf-8"))


_lines = st.sampled_from(["学前教育,义务教育,高中教育。", "(一)指导思想", "１２３年", "一、甲", "三、乙", "(二)基本原则",
                          "<!-- planlint-disable-next-line PL503 -->", "<!-- planlint-disable PL1 -->",
                          "<!-- planlint-enable -->", "支持部分县(区)创建。", ""])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_lines, max_size=25).map("\n".join))
def test_the_report_made_from_findings_is_the_check(text):
    # Aggregated rules past their threshold, suppression comments before and after them.
    _same_report(text)
