"""Chinese dates as plan documents write them, and the ways they get mangled."""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

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
        if not 1 <= len(day_text) <= 2 or (month_digits == 1 and day_text[0] == "0"):
            continue  # no one pads the day and not the month: 2021101 is 10月1日
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


# Dates as running text writes them, for rules that reason about time.
_MENTION = re.compile(
    r"(?<!\d)(?:(?P<year>(?:19|20)\d{2})年"
    r"(?:(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])日)?)?"
    r"|(?P<bare_month>1[0-2]|[1-9])月(?:(?P<bare_day>3[01]|[12]\d|[1-9])日)?"
    r"|(?P<this_year>年)(?=底|末|内))"
    r"(?P<suffix>底|末|初|中旬|上旬|下旬|上半年|下半年)?"
    r"(?P<before>前|以前|之前)?"
)
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_AS_OF = re.compile(r"(?:截至|截止到?)[\s\u3000]*$")


class Mention(NamedTuple):
    """A date in running text: where it is (0-based, end exclusive), the last
    day it can mean, and whether it is a deadline ("…前", "年底")."""

    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    deadline: bool
    explicit_year: bool

    @property
    def latest(self) -> tuple[int, int, int]:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return self.year, month, day


# Each mention holds its 年 or 月 at a fixed distance from its start: 2018年… 4,
# 12月 2, 6月 1, 年底 0.
_ANCHORS = (("年", (4, 0)), ("月", (2, 1)))


def _mention_matches(text: str):
    """What ``_MENTION.finditer(text)`` yields, trying the pattern only where a
    mention can start (found from its 年 and 月 with str.find) instead of at
    every character: re tries its leading lookbehind and three branches at
    each one, which made this a tenth of a plan's whole check."""
    starts: set[int] = set()
    for char, offsets in _ANCHORS:
        found = text.find(char)
        while found >= 0:
            starts.update(found - offset for offset in offsets if found >= offset)
            found = text.find(char, found + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue  # inside the previous mention: finditer goes on from its end
        match = _MENTION.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def mentions(text: str, document_year: int | None) -> list[Mention]:
    """Dates in ``text``, except inside 《book titles》 (those name other documents)."""
    if "年" not in text and "月" not in text:
        return []  # every mention has one; most lines have none
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(text)]
    found = []
    for match in _mention_matches(text):
        if any(start <= match.start() < end for start, end in titles):
            continue
        explicit = match["year"] is not None
        year = int(match["year"]) if explicit else document_year
        if year is None:
            continue
        month_text = match["month"] or match["bare_month"]
        month = int(month_text) if month_text else None
        day_text = match["day"] or match["bare_day"]
        day = int(day_text) if day_text else None
        if month is not None and not is_valid(year, month, day):
            continue
        if match["suffix"] == "上半年" and month is None:
            month = 6
        # "截至2021年11月底" states where things stood then: no deadline, though it ends in 底.
        as_of = _AS_OF.search(text, max(0, match.start() - 4), match.start()) is not None
        deadline = not as_of and (bool(match["before"]) or match["suffix"] in ("底", "末"))
        if not explicit and not deadline:
            continue  # a bare "6月" is a month, not a date to check
        found.append(Mention(match.start(), match.end(), year, month, day, deadline, explicit))
    return found
