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
# A title ends with what the document is (…工作要点, …的通知), perhaps with its
# period or status in brackets (（2018—2020年）, （试行）).
_TITLE_END = re.compile(r"(?:要点|计划|总结|方案|规划|通知|意见|报告|纲要|办法|细则|决定)"
                        r"(?:[（(][^（）()]{1,16}[）)])?[\s\xa0\u3000]*$")
_ISSUED = re.compile(r"(?:印发|转发|下发)[《“]?(.+?)[》”]?的通知")
_NOT_A_TITLE = re.compile(r"[。，,；;：:！!？?]|^\s*[《“]")
_PERIOD_LINE = re.compile(r"^[\s\xa0\u3000]*[（(]\s*(?:19|20)\d{2}\s*[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[）)][\s\xa0\u3000]*$")
_NOTICE = re.compile(r"关于.*通知[\s\xa0\u3000]*$")
# What a title fragment never holds: sentence punctuation, a colon (主送机关：), a year alone…
_FRAGMENT_BREAK = re.compile(r"[。，,；;：:！!？?]|^(?:19|20)\d{2}年?$|^[（(]")
# Lenient on purpose: header rules need to see the wrong brackets, 第 and zero padding.
DOCUMENT_NUMBER = re.compile(
    r"^[\s\xa0\u3000]*[\u4e00-\u9fff]{1,12}[\s\xa0\u3000]*[〔\[［(（【][\s\xa0\u3000]*\d{2,4}[\s\xa0\u3000]*"
    r"[〕\]］)）】][\s\xa0\u3000]*第?[\s\xa0\u3000]*\d+[\s\xa0\u3000]*号?[\s\xa0\u3000]*$")
_FIVE_YEAR_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                      "十四五": (2021, 2025), "十五五": (2026, 2030)}
_FIVE_YEAR_PLAN = re.compile(r"“?(十[一二三四五]五)”?(?:[\u4e00-\u9fff]{0,20})规划")
_YEAR_ALONE = re.compile(r"(?:19|20)\d{2}$")
_NUMBER_YEAR = re.compile(r"[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]")
_TAIL_LINES = 6


def _located(number: int, text: str, end_number: int | None = None, end_text: str | None = None) -> Located:
    stripped = text.strip()
    column = text.index(stripped[0]) + 1 if stripped else 1
    if end_number is None or end_text is None:
        end_number, end_text = number, text
    end_column = len(end_text.rstrip()) + 1
    return Located(stripped, Span(number, column, end_number, end_column))


def _title_start(header: list[tuple[int, str]], index: int) -> int:
    """The first line of a title that ends at ``header[index]``: a long title is
    often broken over two or three lines ("南宁市教育局关于印发2018年" / "工作要点的通知"),
    each a fragment with no punctuation, on consecutive lines."""
    start = index
    while start > 0 and index - start < 2:
        number, text = header[start - 1]
        fragment = text.strip()
        year_cut = _YEAR_ALONE.match(fragment) and header[start][1].lstrip().startswith("年")  # "2016" / "年…工作要点"
        if number != header[start][0] - 1 or not fragment or len(fragment) > 40 \
                or (_FRAGMENT_BREAK.search(fragment) and not year_cut) \
                or DOCUMENT_NUMBER.match(text) or dates.parse_standalone(text):
            break
        start -= 1
    return start


def _located_lines(header: list[tuple[int, str]], start: int, end: int) -> Located:
    """The header lines ``start``…``end`` as one piece of metadata."""
    first_number, first_text = header[start]
    last_number, last_text = header[end]
    located = _located(first_number, first_text, last_number, last_text)
    return located._replace(text="".join(text.strip() for _, text in header[start:end + 1]))


def _issued(notice: Located | None) -> str | None:
    """What a notice issues: "关于印发X的通知" → X."""
    if notice is None:
        return None
    match = _ISSUED.search(notice.text)
    return match[1] if match else None


def _balanced(text: str) -> bool:
    return all(text.count(opening) == text.count(closing) for opening, closing in ("《》", "“”", "（）", "()"))


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
        if meta.document_number is None and DOCUMENT_NUMBER.match(text):
            meta.document_number = _located(number, text)
            continue
        start = _title_start(header, index)
        joined = "".join(line.strip() for _, line in header[start:index + 1])
        if _NOTICE.search(joined) and meta.notice_title is None:
            meta.notice_title = _located_lines(header, start, index)
            continue
        core = joined.rstrip("。.，,；;：:！!")  # a title with end punctuation is still the title (PL607 says so)...
        heads_text = core == joined or index <= 2  # ...when it heads the text, not deep in the header
        if len(core) <= 80 and _TITLE_END.search(core) and not _NOT_A_TITLE.search(core) \
                and _balanced(core) and heads_text:
            title_candidates.append((start, index))
    if title_candidates:
        start, index = title_candidates[-1]
        located = _located_lines(header, start, index)
        if index + 1 < len(header) and _PERIOD_LINE.match(header[index + 1][1]):
            located = _located_lines(header, start, index + 1)
        meta.title = located
    # Without a title of its own, a notice "关于印发…2018年工作要点的通知" says what it carries.
    issued = meta.title.text if meta.title else _issued(meta.notice_title)
    if issued:
        title_text = issued
        meta.doc_type, meta.doc_types = classify_type(title_text)
        period = _PERIOD.search(title_text)
        years = _YEAR.findall(title_text)
        five_year = _FIVE_YEAR_PLAN.search(title_text)
        if period and int(period[1]) <= int(period[2]):
            meta.period = (int(period[1]), int(period[2]))
            meta.year = meta.period[0]
        elif years:
            meta.year = int(years[-1])
        elif five_year:  # a “十四五”规划 is for 2021—2025 and is written as that period opens
            meta.period = _FIVE_YEAR_PERIODS[five_year[1]]
            meta.year = meta.period[0]

    for number, text in header + tail:
        parsed = dates.parse_standalone(text)
        if parsed:
            meta.signing_date = _located(number, text)
            meta.signing_date_value = parsed[1]
            break
    if meta.year is None and meta.signing_date_value is not None:
        meta.year = meta.signing_date_value.year
    if meta.year is None and meta.document_number is not None:
        number_year = _NUMBER_YEAR.search(meta.document_number.text)
        meta.year = int(number_year[1]) if number_year else None
    return meta
