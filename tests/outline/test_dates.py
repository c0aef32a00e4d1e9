"""Dates in running text (planlint.outline.dates)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.outline.dates import _MENTION, _mention_matches, mentions

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
PIECES = [*"0123456789年月日底末内初前以之上下半中旬《》，\n ", "2018", "2020", "19", "20", "12", "年底前"]


def _same(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in _mention_matches(text)]
    assert found == [(m.span(), m.groupdict()) for m in _MENTION.finditer(text)]


def test_mentions_are_found_where_finditer_finds_them_on_the_seeds():
    for seed in SEEDS:
        for line in seed.read_text(encoding="utf-8").splitlines():
            _same(line)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_mentions_are_found_where_finditer_finds_them(text):
    _same(text)


def test_a_mention_reads_its_date_and_whether_it_is_a_deadline():
    [deadline] = mentions("2018年6月底前完成，12月召开", 2018)  # a bare 12月 is no date to check
    assert (deadline.year, deadline.month, deadline.deadline, deadline.explicit_year) == (2018, 6, True, True)
    assert deadline.latest == (2018, 6, 30)
    assert mentions("《2017年工作要点》年底前", 2018)[0].explicit_year is False  # not inside a title
