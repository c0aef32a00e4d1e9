"""Dates against the document's own time: its 成文日期, its year and period.

- ``deadline-before-signing``: a deadline that had passed when the plan was signed;
- ``beyond-period``: a deadline after the end of a 2018—2020 plan's period;
- ``anachronism``: wording of the wrong time (二十大 before October 2022, 十九大
  as the current guidance in 2023), from a list of terms with their dates.

A document's date is its 成文日期; without one, any day of its year — from its
title, its 发文字号, or else the year its text names most; and no earlier than
its own wording shows (``evidence``: a text that treats the 党的二十大 as its
guidance was written after that congress).  A term is reported only if it is
wrong on every day the document can have been written, so a text that takes
two congresses as current guidance is reported at the older one.
"""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from planlint.diagnostics import Finding
from planlint.kinds._regex import compile_pattern, find
from planlint.outline import dates
from planlint.outline.model import Document, Span

_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_EVIDENCE = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"pattern": {"type": "string", "minLength": 1}, "after": _DATE},
        "required": ["pattern", "after"],
        "additionalProperties": False,
    },
    "description": "wording that shows the document was written after a date",
}
PARAMS = {
    "type": "object",
    "properties": {
        "check": {"enum": ["deadline-before-signing", "beyond-period", "anachronism"]},
        "types": {"type": "array", "items": {"type": "string"},
                  "description": "document types checked (default: all); a report's dates are past ones"},
        "evidence": _EVIDENCE,
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"pattern": {"type": "string", "minLength": 1}, "unless": {"type": "string"},
                               "unless_within": {"type": "integer", "minimum": 0,
                                                 "description": "characters either side of the term the unless "
                                                                "words may stand in (default: its sentence)"},
                               "before": _DATE, "after": _DATE, "note_zh": {"type": "string"},
                               "note_en": {"type": "string"}},
                "required": ["pattern"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["check"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"match", "signed", "period", "note_zh", "note_en"}


def prepare(params: dict) -> dict:
    """The terms and the evidence with their patterns compiled and their dates read."""
    terms = []
    for index, term in enumerate(params.get("terms", ())):
        compiled = compile_pattern(term["pattern"], field=f"terms[{index}].pattern")
        unless = compile_pattern(term["unless"], field=f"terms[{index}].unless") if "unless" in term else None
        bounds = {key: datetime.date.fromisoformat(term[key]) for key in ("before", "after") if key in term}
        terms.append((compiled, unless, bounds, term))
    evidence = [(compile_pattern(item["pattern"], field=f"evidence[{index}].pattern"),
                 datetime.date.fromisoformat(item["after"]))
                for index, item in enumerate(params.get("evidence", ()))]
    return {"terms": terms, "evidence": evidence}


def document_dates(document: Document, evidence=()) -> tuple[datetime.date, datetime.date] | None:
    """The earliest and latest day the document can have been written: its
    成文日期, else its year (title, 发文字号, or else the year its text names
    most), no earlier than the latest ``evidence`` (pattern, date) its wording
    gives.  A year the document states outweighs its wording (which may be the
    very anachronism to report); the year its text names most does not (a report
    of 2026 may name 2020, its base year, most)."""
    signed = document.metadata.signing_date_value
    if signed is not None and signed.day is not None:
        day = datetime.date(signed.year, signed.month, signed.day)
        return day, day
    stated = document.metadata.year or _opening_number_year(document)
    year = stated or _named_year(document)
    earliest, latest = (datetime.date(year, 1, 1), datetime.date(year, 12, 31)) if year else (None, None)
    shown = [after for compiled, after in evidence if next(find(compiled, document, {}), None) is not None]
    if shown:
        floor = max(shown) + datetime.timedelta(days=1)
        if latest is None or (floor > latest and not stated):
            return floor, datetime.date.max
        if floor <= latest:
            earliest = max(earliest, floor)
    return (earliest, latest) if earliest and latest else None


_OPENING = 300  # characters: where a 发文字号 run into the text of a page (one line) stands
_NUMBER_YEAR = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【]((?:19|20)\d{2})[〕\]］】][ \u3000]*\d+[ \u3000]*[号號]")
_TARGET = re.compile(r"[到至][ \u3000]*$")


def _opening_number_year(document: Document) -> int | None:
    """The year of a 发文字号 at the very start of the text, where the header has
    run into the first line (国办发〔2014〕25号各省…): the document's own."""
    opening = ""
    for _, text in document.content_lines():
        opening += text
        if len(opening) >= _OPENING:
            break
    match = _NUMBER_YEAR.search(opening, 0, _OPENING)
    return int(match[1]) if match else None


def _named_year(document: Document) -> int | None:
    """The year the text names most (a 2023 plan speaks of 2023 more than of 2022),
    outside book titles and targets (到2035年); None when no year is named twice."""
    counts: dict[int, int] = {}
    for _, text in document.content_lines():
        for mention in dates.mentions(text, None):
            if mention.explicit_year and not _TARGET.search(text, max(0, mention.start - 3), mention.start):
                counts[mention.year] = counts.get(mention.year, 0) + 1
    if not counts:
        return None
    year, times = max(counts.items(), key=lambda item: (item[1], item[0]))
    return year if times >= 2 else None


def _content(document: Document) -> Iterator[tuple[int, str]]:
    """Lines outside the header: the 成文日期 and notice are not the plan's deadlines."""
    first = next((node.span.line for node in document.headings()), None)
    if first is None:
        return
    yield from ((n, t) for n, t in document.content_lines() if n >= first)


def _deadline_mentions(document: Document, year: int | None) -> list[tuple[int, str, dates.Mention]]:
    """(line, text, mention) of every deadline in the content; both deadline checks share one scan."""
    return document.shared(("deadline-mentions", year), lambda: [
        (number, text, mention) for number, text in _content(document)
        for mention in dates.mentions(text, year) if mention.deadline])


def _deadlines(document: Document, params: dict) -> Iterator[Finding]:
    meta = document.metadata
    signed = meta.signing_date_value
    if params["check"] == "deadline-before-signing":
        if signed is None or signed.day is None:
            return
        limit = (signed.year, signed.month, signed.day)
    else:
        if meta.period is None:
            return
        limit = (meta.period[1], 12, 31)
    # "6月底前" in a 2019 plan signed in December 2018 is June 2019: the plan's year decides.
    year = meta.year or (signed.year if signed else None)
    # A deadline without its year may fall in any year of the plan's period (4月底前 in
    # a 2024—2025学年 plan signed in February 2025 is April 2025).
    last_year = meta.period[1] if meta.period else year
    for number, text, mention in _deadline_mentions(document, year):
        latest = mention.latest if mention.explicit_year or last_year is None else (last_year, *mention.latest[1:])
        too_early = params["check"] == "deadline-before-signing" and latest < limit
        too_late = params["check"] == "beyond-period" and mention.latest > limit and mention.explicit_year
        if too_early or too_late:
            yield Finding(Span(number, mention.start + 1, number, mention.end + 1), {
                "match": text[mention.start:mention.end],
                "signed": f"{signed.year}年{signed.month}月{signed.day}日" if signed and signed.day else "",
                "period": f"{meta.period[0]}—{meta.period[1]}年" if meta.period else "",
                "note_zh": "", "note_en": ""})


def _anachronisms(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    window = document_dates(document, state["evidence"])
    if window is None:
        return
    earliest, latest = window
    for compiled, unless, bounds, term in state["terms"]:
        wrong = ("before" in bounds and latest < bounds["before"]) or ("after" in bounds and earliest > bounds["after"])
        if not wrong:
            continue
        for hit in find(compiled, document, params):  # params name no scope: the whole text
            match = hit.match
            line = document.lines[hit.line - 1]
            reach = term.get("unless_within", _CONTEXT)
            if unless is not None and unless.search(_sentence_around(line, hit.start, hit.end, reach)):
                continue
            yield Finding(hit.span(),
                          {"match": match[0], "signed": "", "period": "",
                           "note_zh": term.get("note_zh", ""), "note_en": term.get("note_en", "")})


_CONTEXT = 40  # characters either side of a term, within its sentence, where an ``unless`` word may stand
_SENTENCE_END = re.compile("[。；！？!?;]")


def _sentence_around(line: str, start: int, end: int, reach: int = _CONTEXT) -> str:
    """The sentence [start, end) is in, or as much of it as _CONTEXT reaches ("…学期
    工作总结。围绕“十三五”…": the 总结 of the sentence before is not this one's;
    "2021年是…奋进“十四五”的开局之年": the year this sentence names is)."""
    before = line[max(0, start - reach):start]
    after = line[end:end + reach]
    cut = max((match.end() for match in _SENTENCE_END.finditer(before)), default=0)
    stop = next((match.start() for match in _SENTENCE_END.finditer(after)), len(after))
    return before[cut:] + line[start:end] + after[:stop]


def check(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    if "types" in params and document.metadata.doc_type not in params["types"]:
        return
    if params["check"] == "anachronism":
        yield from _anachronisms(document, params, state)
    else:
        yield from _deadlines(document, params)
