"""Targets: the figures and deadlines a task sets, and what the summary reports
against them.

A figure is a number with its unit ("3期", "95%以上", "2-3所", "1.1万余名"), read
with what bounds it (不少于/以上 a floor, 控制在/以内 a ceiling); a deadline is a date
the task must be done by (6月底前, 年底前), read by planlint.outline.dates.  A
reported figure answers a planned one when its unit is the same and the words
around it are alike ("新增5所以上省级示范园" ↔ "新增省级示范园6所"); a reported
date when it sits by a word of completion (建成, 完成, 出台…).
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple, Sequence

from planlint.outline import dates

_NUMBER = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+"
_UNITS = ("个百分点|百分点|%|％|万人次|人次|场次|个工作日|工作日|平方公里|平方米|千瓦时|千瓦|千伏|公里|千米|学时|课时|小时|"
          "个|所|名|人|家|项|次|轮|期|批|场|条|起|部|本|册|篇|支|户|元|㎡|间|座|套|台|门|节|班|天|周|亩|吨|张|辆|处|村|床|栋|幢|头|只|对|米")
_FIGURE = re.compile(
    rf"(?P<floor>不少于|不低于|至少|超过|突破)?(?P<ceiling>不超过|控制在|低于|降至|降到|压缩至|压缩到|缩短至|缩短到)?"
    rf"(?P<low>{_NUMBER})(?:\s*[-—～~至到－]\s*(?P<high>{_NUMBER}))?\s*(?P<scale>万|亿|千)?\s*(?:余|多)?"
    rf"(?P<unit>{_UNITS})(?![年月])(?P<bound>以上|以下|以内|左右)?"
)
_FULL_COVER = re.compile(r"全覆盖|百分之百")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALE = {"万": 1e4, "亿": 1e8, "千": 1e3}
_UNIT_FORMS = {"％": "%", "个百分点": "百分点", "万人次": "人次", "㎡": "平方米", "千米": "公里", "个工作日": "工作日",
               "轮": "次", "场次": "场"}
_QUOTED = re.compile(r"《[^《》]*》|“[^“”]*”")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 14, 8
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?]")
# "由78%提高到86.5%": the first figure is where things started, not what was reached.
_FROM = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|缩短)(?:到|至)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DONE = re.compile(r"完成|建成|投入使用|投入运营|投用|出台|印发|发布|启动|开通|上线|竣工|通过|挂牌|开园|开工|运行|运营|实施|结束|完毕")
_NEXT_YEAR = re.compile(r"(?:明年|次年|下一年)$")
# What says a planned 全覆盖 was reached.
_ALL_REACHED = re.compile(r"全覆盖|全部|均已|均实现|应装尽装|应建尽建|百分之百|100%")
_MONTH = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>1[0-2]|0?[1-9])月"
                    r"(?:(?P<day>3[01]|[12]\d|0?[1-9])日|(?P<part>底|末|初|上旬|中旬|下旬))?")
_MIN_CONTEXT = 0.2
_COVERAGE = "全覆盖"  # the unit of a planned 全覆盖: met by 100% or by 全部, 均已…


class Figure(NamedTuple):
    text: str
    low: float
    high: float
    unit: str
    ceiling: bool     # a limit not to pass ("控制在5%以内"), not a floor to reach
    context: frozenset[str]  # character pairs of the words around it
    start: int


class Deadline(NamedTuple):
    text: str
    latest: tuple[int, int, int]
    year_end: bool    # "年底前", "12月底前": the end of the plan's year


class Target(NamedTuple):
    kind: str                 # "figure" or "deadline"
    planned: str
    line: int
    reported: str | None
    reported_line: int | None
    verdict: str              # "met", "short" or "unknown"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "planned": self.planned, "line": self.line, "reported": self.reported,
                "reported_line": self.reported_line, "verdict": self.verdict}


def _chinese_number(text: str) -> float | None:
    total, digit = 0, None
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None:
                return None  # 三五: no number
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def _value(text: str) -> float | None:
    if text[0].isdigit():
        return float(text)
    return _chinese_number(text)


def _pairs(text: str) -> frozenset[str]:
    han = "".join(_HAN.findall(text))
    return frozenset(han[index:index + 2] for index in range(len(han) - 1))


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """The character pairs of the words around a figure: within its clause (between
    commas), at most a few characters either side."""
    before = text[max(0, start - _CONTEXT_BEFORE):start]
    after = text[end:end + _CONTEXT_AFTER]
    before = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(after)[0]
    return _pairs(before + after)


def _hidden(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are names, not figures: 《titles》 and “slogans” (“两个只增不减”)."""
    return [(match.start(), match.end()) for match in _QUOTED.finditer(text)]


def figures(text: str) -> list[Figure]:
    hidden = _hidden(text)
    found = []
    for match in _FIGURE.finditer(text):
        start = match.start()
        if any(low <= start < high for low, high in hidden) or text[max(0, start - 1):start] == "第":
            continue  # 第3期 is an ordinal
        low = _value(match["low"])
        high = _value(match["high"]) if match["high"] else low
        if low is None or high is None or (not match["low"][0].isdigit() and match["low"] in ("一",)):
            continue  # "一批", "一个": a manner of speaking, not a count
        scale = _SCALE.get(match["scale"] or "", 1)
        unit = _UNIT_FORMS.get(match["unit"], match["unit"])
        if match["unit"] == "万人次":
            scale *= 1e4
        if _FROM.match(text, match.end()):
            continue
        context = _context(text, start, match.end())
        ceiling = bool(match["ceiling"]) or match["bound"] in ("以下", "以内")
        found.append(Figure(match[0], low * scale, high * scale, unit, ceiling, context, start))
    for match in _FULL_COVER.finditer(text):
        found.append(Figure(match[0], 100.0, 100.0, _COVERAGE, False, _context(text, match.start(), match.end()),
                            match.start()))
    return found


def deadlines(text: str, year: int | None) -> list[Deadline]:
    found = []
    for mention in dates.mentions(text, year):
        if mention.deadline:
            year_end = mention.latest[1:] == (12, 31) and (year is None or mention.year == year)
            found.append(Deadline(text[mention.start:mention.end], mention.latest, year_end))
    return found


def _reported_date(text: str, year: int | None) -> tuple[str, tuple[int, int, int]] | None:
    """The date a passage says something was done (a date a word of completion follows
    closely); the latest, when it names several steps ("4月启动，至5月中旬完成")."""
    found = None
    for match in _MONTH.finditer(text):
        if not _DONE.search(text, match.end(), match.end() + 12):
            continue
        found_year = int(match["year"]) if match["year"] else year
        if found_year is None:
            continue
        if not match["year"] and _NEXT_YEAR.search(text, max(0, match.start() - 3), match.start()):
            found_year += 1  # "预计明年3月投入运营": after the plan's year
        month = int(match["month"])
        day = int(match["day"]) if match["day"] else calendar.monthrange(found_year, month)[1]
        if match["part"] in ("初", "上旬"):
            day = min(day, 10)
        elif match["part"] == "中旬":
            day = min(day, 20)
        if found is None or (found_year, month, day) > found[1]:
            found = match[0], (found_year, month, day)
    return found


def _closeness(planned: Figure, reported: Figure) -> float:
    """How alike the words around two figures are (Dice's coefficient of their character pairs)."""
    if not planned.context or not reported.context:
        return 0.0
    return 2 * len(planned.context & reported.context) / (len(planned.context) + len(reported.context))


def _reached(text: str) -> list[Figure]:
    """What answers a planned 全覆盖: 全部/均已/应装尽装 as 100%."""
    return [Figure(match[0], 100.0, 100.0, "%", False, _context(text, match.start(), match.end()), match.start())
            for match in _ALL_REACHED.finditer(text)]


def judge_figure(planned: Figure, line: int, evidence: Sequence[tuple[int, str]]) -> Target:
    """The planned figure against the best-matching figure of the same unit in the evidence (line, text)."""
    unit = "%" if planned.unit == _COVERAGE else planned.unit
    candidates = [(reported, evidence_line) for evidence_line, text in evidence
                  for reported in figures(text) + (_reached(text) if planned.low == 100.0 and unit == "%" else [])
                  if reported.unit == unit]
    best = None
    for reported, evidence_line in candidates:
        closeness = _closeness(planned, reported)
        # The one figure of its unit in passages that report the task answers it, however
        # differently its words run; among several, the words must agree.
        if closeness < _MIN_CONTEXT and len(candidates) > 1:
            continue
        distance = abs(reported.low - planned.low) / max(abs(planned.low), 1e-9)
        key = (closeness, -distance)
        if best is None or key > best[0]:
            best = (key, reported, evidence_line)
    if best is None:
        return Target("figure", planned.text, line, None, None, "unknown")
    _, reported, evidence_line = best
    met = reported.low <= planned.high if planned.ceiling else reported.high >= planned.low
    return Target("figure", planned.text, line, reported.text, evidence_line, "met" if met else "short")


def judge_deadline(planned: Deadline, line: int, evidence: Sequence[tuple[int, str]], year: int | None) -> Target:
    """The deadline against a completion date in the evidence; a task reported done with
    no date meets a deadline at the end of the plan's year (the summary covers that year)."""
    done_line = None
    for evidence_line, text in evidence:
        reported = _reported_date(text, planned.latest[0] if year is None else year)
        if reported is not None:
            verdict = "met" if reported[1] <= planned.latest else "short"
            return Target("deadline", planned.text, line, reported[0], evidence_line, verdict)
        if done_line is None and _DONE.search(text):
            done_line = evidence_line
    if done_line is not None and planned.year_end:
        return Target("deadline", planned.text, line, None, done_line, "met")
    return Target("deadline", planned.text, line, None, None, "unknown")
