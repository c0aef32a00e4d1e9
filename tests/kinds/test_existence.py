from __future__ import annotations

from planlint.catalog import bundled_catalog


def test_relative_time_words_when_selected(findings):
    assert findings("PL312", "一、任务\n明年完成，近期启动。\n") == [
        (2, 1, "相对时间“明年”宜改为确切日期"), (2, 6, "相对时间“近期”宜改为确切日期")]


def test_off_by_default():
    assert not bundled_catalog().get("PL312").enabled


def test_items_are_body_text_but_their_markers_are_not(findings):
    assert findings("PL312", "1.明年任务\n") == [(1, 3, "相对时间“明年”宜改为确切日期")]
