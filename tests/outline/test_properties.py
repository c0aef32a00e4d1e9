"""Property tests: the parser never raises and every position stays inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.api import check_text
from planlint.outline.parser import parse

_MARKERS = ["一、", "十二、", "（一）", "(二)", "1.", "12、", "3．", "（1）", "(2)", "①", "第一部分", "第二章",
            "2021年工作要点", "2018319", "20186月", "《", "》", "“", "”", "（", "）", "〔2018〕", "[2018]"]
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_ANY = st.characters(blacklist_categories=("Cs",))
_line = st.lists(st.one_of(st.sampled_from(_MARKERS), st.text(_CJK, max_size=6), st.text(_ANY, max_size=4),
                           st.sampled_from([" ", "\t", "\u3000", "\xa0", "\ufeff", "\x00", "\x1b", "\r"])),
                 max_size=6).map("".join)
_documents = st.lists(_line, max_size=40).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda newline: newline.join(lines)))


def _within(span, lines):
    assert 1 <= span.line <= span.end_line <= max(len(lines), 1)
    assert 1 <= span.column
    assert span.end_column <= len(lines[span.end_line - 1]) + 1
    if span.line == span.end_line:
        assert span.column < span.end_column or span.column == span.end_column == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_parser_never_raises_and_spans_stay_in_bounds(text):
    document = parse(text)
    for node in document.nodes():
        _within(node.span, document.lines)
        if node.marker:
            _within(node.marker.span, document.lines)
        for paragraph in node.body:
            _within(paragraph.span, document.lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_every_rule_runs_and_every_diagnostic_is_in_bounds(text):
    result = check_text(text, select=["ALL"])
    assert not result.failures
    lines = parse(text).lines
    for diagnostic in result.diagnostics:
        _within(diagnostic.span, lines)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line.filter(lambda line: "\r" not in line and "\n" not in line), min_size=1, max_size=50))
def test_ten_thousand_lines(sample):
    text = "\n".join((sample * (10_000 // len(sample) + 1))[:10_000]) + "\n"
    result = check_text(text, select=["ALL"])
    assert not result.failures
    assert len(parse(text).lines) == 10_000


@settings(max_examples=200, deadline=None)
@given(st.text(_ANY, max_size=300))
def test_arbitrary_unicode(text):
    parse(text)
