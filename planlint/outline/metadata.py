"""Header metadata: title, document type, year, 发文字号 and 成文日期."""

from __future__ import annotations

import re

from planlint.outline import dates
from planlint.outline.model import Located, Metadata, Span

DOC_TYPES = ("工作要点", "工作计划", "工作总结", "行动计划", "实施方案", "规划")
_SHORT_TYPES = {"要点": "工作要点", "计划": "工作计划", "总结": "工作总结", "方案": "实施方案"}
_TYPE_WORD = re.compile("|".join(DOC_TYPES + tuple(_SHORT_TYPES)))
_PART_JOINER = re.compile(r"及|和|暨|与")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_PERIOD = re.compile(r"((?:19|20)\d{2})年?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})年?")
_NOT_A_TITLE = re.compile(r"[。，,；;：:！!？?]|^\s*[《“]")
_PERIOD_LINE = re.compile(r"^[\s\xa0\u3000]*[（(]\s*(?:19|20)\d{2}\s*[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[）)][\s\xa0\u3000]*$")
_NOTICE = re.compile(r"关于.*通知[\s\xa0\u3000]*$")
# Lenient on purpose: header rules need to see the wrong brackets, 第 and zero padding.
DOCUMENT_NUMBER = re.compile(
    r"^[\s\xa0\u3000]*[\u4e00-\u9fff]{1,12}[\s\xa0\u3000]*[〔\[［(（【][\s\xa0\u3000]*\d{2,4}[\s\xa0\u3000]*"
    r"[〕\]］)）】][\s\xa0\u3000]*第?[\s\xa0\u3000]*\d+[\s\xa0\u3000]*号?[\s\xa0\u3000]*$")
_TAIL_LINES = 6


def _located(number: int, text: str, end_number: int | None = None, end_text: str | None = None) -> Located:
    stripped = text.strip()
    column = text.index(stripped[0]) + 1 if stripped else 1
    if end_number is None:
        end_number, end_text = number, text
    end_column = len(end_text.rstrip()) + 1
    return Located(stripped, Span(number, column, end_number, end_column))


def classify_type(title: str) -> tuple[str | None, tuple[str, ...]]:
    """The main type and, for "2020年工作总结及2021年工作要点", each part's type."""
    types = []
    for segment in _PART_JOINER.split(title):
        found = _TYPE_WORD.findall(segment)
        if found:
            types.append(_SHORT_TYPES.get(found[-1], found[-1]))
    return (types[-1] if types else None), tuple(types)


def extract(lines: list[str], chrome: frozenset[int], first_heading_line: int | None) -> Metadata:
    meta = Metadata()
    header_end = first_heading_line or len(lines) + 1
    header = [(n, lines[n - 1]) for n in range(1, header_end)
              if n not in chrome and lines[n - 1].strip()]
    tail = [(n, lines[n - 1]) for n in range(len(lines), header_end - 1, -1)
            if n not in chrome and lines[n - 1].strip()][:_TAIL_LINES]

    title_candidates = []
    for index, (number, text) in enumerate(header):
        stripped = text.strip()
        if _NOTICE.search(stripped) and meta.notice_title is None:
            meta.notice_title = _located(number, text)
            continue
        core = stripped.rstrip("。.，,；;：:！!")  # a title with end punctuation is still the title
        if len(core) <= 60 and _TYPE_WORD.search(core) and not _NOT_A_TITLE.search(core):
            title_candidates.append(index)
        if meta.document_number is None and DOCUMENT_NUMBER.match(text):
            meta.document_number = _located(number, text)
    if title_candidates:
        index = title_candidates[-1]
        number, text = header[index]
        title_text = text.strip()
        located = _located(number, text)
        if index + 1 < len(header) and _PERIOD_LINE.match(header[index + 1][1]):
            next_number, next_text = header[index + 1]
            title_text += next_text.strip()
            located = Located(title_text, Span(located.span.line, located.span.column,
                                               next_number, len(next_text.rstrip()) + 1))
        meta.title = located
        meta.doc_type, meta.doc_types = classify_type(title_text)
        period = _PERIOD.search(title_text)
        years = _YEAR.findall(title_text)
        if period and int(period[1]) <= int(period[2]):
            meta.period = (int(period[1]), int(period[2]))
            meta.year = meta.period[0]
        elif years:
            meta.year = int(years[-1])

    for number, text in header + tail:
        parsed = dates.parse_standalone(text)
        if parsed:
            meta.signing_date = _located(number, text)
            meta.signing_date_value = parsed[1]
            break
    if meta.year is None and meta.signing_date_value is not None:
        meta.year = meta.signing_date_value.year
    return meta
