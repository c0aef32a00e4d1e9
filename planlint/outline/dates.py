"""Chinese dates as plan documents write them, and the ways they get mangled."""

from __future__ import annotations

import calendar
import re

from planlint.outline.model import SimpleDate

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_SPACE = r"[\s\xa0\u3000]*"
STANDALONE_FORMS = (
    ("chinese", re.compile(rf"^{_SPACE}((?:19|20)\d{{2}})年(\d{{1,2}})月(\d{{1,2}})日{_SPACE}$")),
    ("run-together", re.compile(rf"^{_SPACE}((?:19|20)\d{{2}})(\d{{2,4}}){_SPACE}$")),
    ("cn-numerals", re.compile(
        rf"^{_SPACE}([〇○零O0一二三四五六七八九]{{4}})年([一二三四五六七八九十]{{1,2}})月"
        rf"([一二三四五六七八九十]{{1,3}})日{_SPACE}$")),
    ("iso", re.compile(rf"^{_SPACE}((?:19|20)\d{{2}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_SPACE}$")),
)


def is_valid(year: int, month: int, day: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def split_run_together(year: int, rest: str) -> list[SimpleDate]:
    """Every valid reading of "2018" + "319": 3月19日 (31月9日 is no date)."""
    readings = []
    for month_digits in (1, 2):
        month_text, day_text = rest[:month_digits], rest[month_digits:]
        if not 1 <= len(day_text) <= 2:
            continue
        month, day = int(month_text), int(day_text)
        if is_valid(year, month, day):
            readings.append(SimpleDate(year, month, day))
    return readings


def _cn_small_number(text: str) -> int | None:
    if "十" in text:
        tens, _, units = text.partition("十")
        tens_value = _CN_DIGITS.get(tens, -1) if tens else 1
        units_value = _CN_DIGITS.get(units, -1) if units else 0
        if tens_value < 0 or units_value < 0 or len(tens) > 1 or len(units) > 1:
            return None
        return tens_value * 10 + units_value
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def parse_standalone(line: str) -> tuple[str, SimpleDate | None] | None:
    """A line that is nothing but a date: (form, value); value None if it is no valid date."""
    for form, pattern in STANDALONE_FORMS:
        match = pattern.match(line)
        if not match:
            continue
        if form == "run-together":
            readings = split_run_together(int(match[1]), match[2])
            return (form, readings[0]) if len(readings) == 1 else None
        if form == "cn-numerals":
            year = int("".join(str(_CN_DIGITS[c]) for c in match[1]))
            month, day = _cn_small_number(match[2]), _cn_small_number(match[3])
            if month is None or day is None:
                return form, None
        else:
            year, month, day = int(match[1]), int(match[2]), int(match[3])
        return form, SimpleDate(year, month, day) if is_valid(year, month, day) else None
    return None
