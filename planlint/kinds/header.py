"""Header and footer elements (GB/T 9704-2012 §7.2, §7.3.5, §7.4):

- ``signing-date-form``: the 成文日期 in Arabic numerals with 年月日 (not 二〇一八年…, not 2018-03-19);
- ``title-end-punctuation``: a title ends without punctuation (GB/T 15834-2011 B.4);
- ``title-year``: the title of a plan names its year or period;
- ``recipient-colon``: the 主送机关 line ends with a full-width ：;
- ``cc-end``: the 抄送 block (版记) ends with 。;
- ``number-year``: the 发文字号's year is the 成文日期's year.
"""

from __future__ import annotations

import re
from typing import Iterator

from planlint.diagnostics import Edit, Finding
from planlint.outline.model import Document, Span

PARAMS = {
    "type": "object",
    "properties": {"element": {"enum": ["signing-date-form", "title-end-punctuation", "title-year",
                                        "recipient-colon", "cc-end", "number-year"]},
                   "since": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                             "description": "documents signed before this day are held to the older standard"},
                   "types": {"type": "array", "items": {"type": "string"},
                             "description": "document types the element is checked in (default: all)"}},
    "required": ["element"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"found", "suggestion"}

_SPACES = " \t\u3000\xa0"
_RECIPIENT = re.compile(rf"^[{_SPACES}]*(?:各|市|区|县|省|局|中共)[^。\n]{{2,}}?(?P<colon>[:：]?)[{_SPACES}]*$")
_TITLE_END = "。.，,；;：:！!"
_LIST_END = "；;，,、.：:。"
_CC = re.compile(rf"^[{_SPACES}]*抄送[{_SPACES}]*[:：]")
# The 印发 line of a 版记: "印发…", or the issuing office, then the date and 印发.
_ISSUED = re.compile(rf"^[{_SPACES}]*(?:印发|[^{_SPACES}。，,；;：:]+[{_SPACES}]*"
                     rf"(?:19|20)\d{{2}}[{_SPACES}]*年[{_SPACES}]*\d{{1,2}}[{_SPACES}]*月[{_SPACES}]*\d{{1,2}}"
                     rf"[{_SPACES}]*日[{_SPACES}]*印发[{_SPACES}]*$)")
_YEAR_IN_NUMBER = re.compile(r"[〔\[［(（【](\d{4})[〕\]］)）】]")


def _line_span(document: Document, number: int, start: int, end: int) -> Span:
    return Span(number, start + 1, number, end + 1)


def _signing_date_form(document: Document, since: str | None) -> Iterator[Finding]:
    meta = document.metadata
    located, value = meta.signing_date, meta.signing_date_value
    if located is None or value is None:
        return
    if since and f"{value.year:04d}-{value.month:02d}-{value.day or 1:02d}" < since:
        return
    from planlint.outline.dates import parse_standalone

    parsed = parse_standalone(document.lines[located.span.line - 1])
    assert parsed is not None  # the 成文日期 was found by this very parser
    form = parsed[0]
    if form in ("cn-numerals", "iso"):
        suggestion = f"{value.year}年{value.month}月{value.day}日"
        yield Finding(located.span, {"found": located.text, "suggestion": suggestion},
                      edits=(Edit(located.span, suggestion),))


def _first_line(document: Document, located) -> Span:
    span = located.span
    if span.end_line == span.line:
        return span
    return Span(span.line, span.column, span.line, len(document.lines[span.line - 1].rstrip(_SPACES)) + 1)


def _title(document: Document, element: str) -> Iterator[Finding]:
    title = document.metadata.title
    if title is None:
        return
    if element == "title-year":
        if not re.search(r"(?:19|20)\d{2}", title.text):
            yield Finding(_first_line(document, title), {"found": title.text, "suggestion": ""})
        return
    number = title.span.end_line
    line = document.lines[number - 1].rstrip(_SPACES)
    bare = line.rstrip(_TITLE_END)
    if bare and bare != line:  # all the marks at the end at once: "要点。：" loses both
        span = _line_span(document, number, len(bare), len(line))
        yield Finding(span, {"found": line[len(bare):], "suggestion": ""}, edits=(Edit(span, ""),))


def _recipient(document: Document) -> Iterator[Finding]:
    """The first header line that lists recipients (各…、…:) and ends in a half-width colon."""
    first = next((node.span.line for node in document.headings()), len(document.lines) + 1)
    for number, text in document.content_lines():
        if number >= first:
            return
        stripped = text.rstrip(_SPACES)
        if stripped.endswith(":") and re.search("[、,，]", stripped) and _RECIPIENT.match(text):
            span = _line_span(document, number, len(stripped) - 1, len(stripped))
            yield Finding(span, {"found": ":", "suggestion": "："}, edits=(Edit(span, "："),))
            return


def _cc_block_end(document: Document, start: int) -> int:
    """The last line of the 抄送 block that starts at line ``start``: the first line
    that ends with 。 (the list is closed), or else the last line with text before
    whatever cannot belong to it — a 印发 line, page chrome, a heading, the title."""
    title = document.metadata.title
    outside = {node.span.line for node in document.headings()}
    if title is not None:
        outside.update(range(title.span.line, title.span.end_line + 1))
    last = start
    for number in range(start, len(document.lines) + 1):
        text = document.lines[number - 1].rstrip(_SPACES)
        if number > start and (number in document.chrome or number in outside or _ISSUED.match(text)):
            break
        if text.strip(_SPACES):
            last = number
            if text.endswith("。"):
                break
    return last


def _cc(document: Document) -> Iterator[Finding]:
    """The 抄送 block ends with 。."""
    start = next((n for n, text in document.content_lines() if _CC.match(text)), None)
    if start is None:
        return
    last = _cc_block_end(document, start)
    line = document.lines[last - 1].rstrip(_SPACES)
    if line.endswith("。"):
        return
    names = line.rstrip(_LIST_END)
    if last == start and not _CC.sub("", line).strip(_SPACES + _LIST_END):
        return  # "抄送：" and no names (yet): nothing to close
    end = len(line)
    if names != line:  # the marks after the last name ("；", "。，") become one 。
        span = _line_span(document, last, len(names), end)
        edit = Edit(span, "。")
    else:
        span = _line_span(document, last, end - 1, end)
        edit = Edit(_line_span(document, last, end, end), "。")
    yield Finding(span, {"found": line[-1], "suggestion": "。"}, edits=(edit,))


def _number_year(document: Document) -> Iterator[Finding]:
    meta = document.metadata
    if meta.document_number is None or meta.signing_date_value is None:
        return
    match = _YEAR_IN_NUMBER.search(meta.document_number.text)
    if match and int(match[1]) != meta.signing_date_value.year:
        yield Finding(meta.document_number.span, {"found": match[1], "suggestion": str(meta.signing_date_value.year)})


def check(document: Document, params: dict, state: None) -> Iterator[Finding]:
    element = params["element"]
    if "types" in params and document.metadata.doc_type not in params["types"]:
        return
    if element == "signing-date-form":
        yield from _signing_date_form(document, params.get("since"))
    elif element in ("title-end-punctuation", "title-year"):
        yield from _title(document, element)
    elif element == "recipient-colon":
        yield from _recipient(document)
    elif element == "cc-end":
        yield from _cc(document)
    else:
        yield from _number_year(document)
