"""Dates that are no dates: run together (成文日期 "2018319"), impossible
(2019年2月30日, 13月), or ranges that run backwards (2020—2018年).  GB/T 9704-2012 §7.3.5.4: 年、月、日 are written out.

Years glued to a month ("20185月") are patterns and live in rules/date.yaml.
"""

from __future__ import annotations

from typing import Iterator

import regex

from planlint.diagnostics import Edit, Finding
from planlint.outline import dates
from planlint.outline.model import Document, Span

PARAMS = {
    "type": "object",
    "properties": {"defect": {"enum": ["run-together", "invalid", "range-order"]}},
    "required": ["defect"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"found", "suggestion"}

_SPACE = "\\s\xa0\u3000"
# These run under the regex package, which finds their 年, 月 and 日 itself: 2-7x
# faster than re on the seeds' lines (same matches on the seeds and 90,000
# random strings), for ~1 ms more to compile on the first check.
# A whole line of digits, or digits closed by 日: "2018319", "2018319日".
# Where a run of digits is a date that lost its 年/月/日: alone on its line, closed
# by 日, or in a date's context — after 截至/自/于/至 or a range's dash, before
# 起/前/止/以来 or a dash — and never before a unit (投入资金20183196元).
# ... and right after the issuer's name, where a 成文日期 stands when the line breaks are lost
# (…柳林镇人民政府2018319柳林镇2018年工作计划…), or alone between gaps.
_BEFORE_DATE = "截至|截止到|截止|自从|自|于|从|至|到|直到|在|—|～|~|政府|局|委员会|委|办公室|厅|学校|中心"
_AFTER_DATE = "起|前|后|止|以前|之前|以后|之后|以来|期间|开始|实施|施行|生效|执行|完成|召开|举行|印发|发布|—|～|~|至|到"
_UNIT = "[年月%％元万亿千百十人个名所号次件项份册台套米吨亩户条座间家位]"
_SEVEN_DIGITS = regex.compile(r"(?:19|20)\d{4}")
_DIGITS = r"(?P<year>(?:19|20)\d{2})(?P<rest>\d{2,4})"
_RUN_TOGETHER = regex.compile(
    rf"^[{_SPACE}]*{_DIGITS}[{_SPACE}]*$"
    rf"|(?<![\d.．:：/\-－A-Za-z]){_DIGITS}日"
    rf"|(?<=(?:{_BEFORE_DATE})[{_SPACE}]*){_DIGITS}(?![\d.．A-Za-z])(?![{_SPACE}]*{_UNIT})"
    rf"|(?<![\d.．:：/\-－A-Za-z]){_DIGITS}(?=[{_SPACE}]*(?:{_AFTER_DATE}))"
    rf"|(?<=[{_SPACE}]{{2}}){_DIGITS}(?=[{_SPACE}]{{2}}|[{_SPACE}]*$)"
)
_CHINESE_DATE = regex.compile(r"(?<![\d.．])(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日)?")
_LEAP_YEAR = 2000
_YEAR_RANGE = regex.compile(r"(?<!\d)((?:19|20)\d{2})年?\s*[—–\-－～~至到]{1,2}\s*((?:19|20)\d{2})年")


def _run_together(document: Document) -> Iterator[Finding]:
    for number, text in document.content_lines():
        if not _SEVEN_DIGITS.search(text):
            continue
        for match in _RUN_TOGETHER.finditer(text):
            year, rest = match["year"], match["rest"]
            readings = dates.split_run_together(int(year), rest)
            if not readings:
                continue
            start, end = match.start("year"), match.end("rest")
            if len(readings) == 1:
                reading = readings[0]
                suggestion = f"{reading.year}年{reading.month}月{reading.day}日"
                replace_end = end + 1 if text[end:end + 1] == "日" else end
                span = Span(number, start + 1, number, replace_end + 1)
                yield Finding(span, {"found": text[start:replace_end], "suggestion": suggestion},
                              edits=(Edit(span, suggestion),))
            else:
                suggestion = " / ".join(f"{r.year}年{r.month}月{r.day}日" for r in readings)
                yield Finding(Span(number, start + 1, number, end + 1),
                              {"found": text[start:end], "suggestion": suggestion})


def _invalid(document: Document) -> Iterator[Finding]:
    for number, text in document.content_lines():
        if "月" not in text:
            continue
        for match in _CHINESE_DATE.finditer(text):
            year = int(match[1]) if match[1] else _LEAP_YEAR
            month = int(match[2])
            day = int(match[3]) if match[3] else None
            if not dates.is_valid(year, month, day):
                yield Finding(Span(number, match.start() + 1, number, match.end() + 1),
                              {"found": match[0], "suggestion": ""})


def _reversed_ranges(document: Document) -> Iterator[Finding]:
    for number, text in document.content_lines():
        if "年" not in text:
            continue
        for match in _YEAR_RANGE.finditer(text):
            if int(match[1]) > int(match[2]):
                yield Finding(Span(number, match.start() + 1, number, match.end() + 1),
                              {"found": match[0], "suggestion": ""})


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    defect = params["defect"]
    if defect == "run-together":
        yield from _run_together(document)
    elif defect == "invalid":
        yield from _invalid(document)
    else:
        yield from _reversed_ranges(document)
