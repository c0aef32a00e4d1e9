"""Typed spans: the pieces of running text that rules must read as a whole.

A rule that scans raw characters sees "500千" in 500千伏, "XXXX" in a masked
telephone number and a "," inside a web address.  Each kind here is found once
per document (on first request) and rules ask whether a match overlaps one:

- ``quantity``: a number with a unit that begins with a magnitude character
  (500千伏, 3千米, 2百分点), so 千/百/十 there is no magnitude;
- ``redaction``: masked text in a published copy (XXX同志, 签发人：XXX,
  0371-6588XXXX, 王××): not a template's blanks;
- ``title``: 《…》, a cited document's name, which quotes its own wording;
- ``quote``: “…” and "…";
- ``reference``: a cited 发文字号 (桂政发〔2018〕37号, [2018]), written by another office;
- ``url``: web and mail addresses, file names: ASCII syntax, not Chinese text;
- ``date``: dates and periods (2020年3月5日, 2018—2020年, 6月底前).

Spans are per line: (start, end) columns, 0-based, end exclusive.
"""

from __future__ import annotations

import bisect
import functools
from typing import Iterable, Iterator

SPAN_KINDS = ("quantity", "redaction", "title", "quote", "reference", "url", "date")

# Units that begin with a magnitude character: the number before them is a
# plain count of the unit (GB/T 3100 prefixes in Chinese, and 百分点).
MAGNITUDE_UNITS = ("千伏安", "千伏", "千瓦时", "千瓦", "千米", "千克", "千帕", "千卡", "千焦", "千赫", "千兆",
                   "千字", "千牛", "千升", "千吨", "千周", "百分点", "百分比", "十亿")
_MASK = r"(?:[Xx]{2,}|[×Ｘ＊*]{2,}|某某)"
_TITLES = "同志|先生|女士|记者|通讯员|摄|副?局长|副?主任|副?书记|副?市长|副?县长|副?区长|副?校长|副?院长|副?处长|副?科长|副?部长|副?厅长|副?省长"
_PATTERNS = {
    "quantity": r"(?<![\d.．])\d+(?:[.．]\d+)?(?:" + "|".join(MAGNITUDE_UNITS) + ")",
    "redaction": (
        r"(?<!\d)(?:\d{3,}|\d+[\-－])[\d\-－]*[Xx×Ｘ*＊]{2,}(?![Xx×Ｘ*＊年])"                # 0371-6588XXXX
        r"|(?<=(?:签发人|联系人|经办人|审核人|负责人|联系电话|电话|手机|传真|邮箱|姓名|责任编辑|编辑)[^:：。；\n]{0,4}"
        r"[:：][^。；;:：\n]{0,12})" + _MASK +                                        # 联系人：某司　XXX
        r"|" + _MASK + r"(?=[\s\u3000]*(?:" + _TITLES + "))"                          # XXX同志
        r"|(?<=(?:" + _TITLES + r")[\s\u3000]*)" + _MASK +                            # 省长XXX
        r"|(?<=\p{Han})[Xx×Ｘ]{1,2}(?=[\s\u3000]*[,，、）)])"                        # 王X、
        r"|(?<=" + _MASK + r"[\s\u3000]*[、，,][\s\u3000]*)" + _MASK                    # XXX、XXX
    ),
    "title": r"《[^《》]*》",
    "quote": r"“[^“”]*”|\"[^\"]*\"",
    "reference": r"\p{Han}{1,12}[\s\u3000]*[〔\[［(（【]\s*(?:19|20)?\d{2}\s*[〕\]］)）】]\s*第?\s*\d+\s*号",
    "url": r"(?a:(?:https?://|ftp://|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
           r"|[\w\-]+\.(?a:docx?|pdf|xlsx?|wps|zip|rar|jpe?g|png|webp|html?)\b",
    "date": r"(?<!\d)(?:19|20)\d{2}\s*年?\s*[—–\-－～~至到]+\s*(?:19|20)\d{2}\s*年"
            # a date starts with a figure (or is 上半年): without the lookahead the
            # all-optional pattern matched empty at every character, a tenth of a check
            r"|(?<!\d)(?=\d|[上下]半年)(?:(?:19|20)\d{2}年)?(?:(?:1[0-2]|0?[1-9])月)?(?:(?:3[01]|[12]\d|0?[1-9])日)?"
            r"(?:底|末|初|中旬|上旬|下旬|上半年|下半年)?(?:前|以前|之前)?",
}
# A kind's spans all hold one of these (most paragraphs hold none): the pattern is not tried without one.
_NEEDS = {"quantity": ("千", "百", "十亿"), "title": ("《",), "quote": ("“", '"'), "reference": ("号",),
          "date": ("年", "月", "日"), "redaction": ("X", "x", "×", "Ｘ", "*", "＊", "某某"),
          "url": ("://", "www.", "@", ".doc", ".pdf", ".xls", ".wps", ".zip", ".rar", ".jp", ".png", ".webp", ".htm")}


@functools.lru_cache(maxsize=None)
def _compiled(kind: str):
    import regex

    return regex.compile(_PATTERNS[kind])


def _find(kind: str, text: str) -> list[tuple[int, int]]:
    needs = _NEEDS.get(kind)
    if needs is not None and not any(word in text for word in needs):
        return []
    found = [match.span() for match in _compiled(kind).finditer(text) if match.end() > match.start()]
    if kind == "date":  # the pattern also matches a bare 底 or 前: a date names a 年, 月 or 日
        found = [(start, end) for start, end in found if any(char in text[start:end] for char in "年月日")]
    return found


class SpanIndex:
    """The spans of one kind in a document, by line."""

    __slots__ = ("_by_line",)

    def __init__(self, by_line: dict[int, list[tuple[int, int]]]):
        self._by_line = by_line

    def on(self, line: int) -> list[tuple[int, int]]:
        return self._by_line.get(line, [])

    def overlaps(self, line: int, start: int, end: int) -> bool:
        """Whether [start, end) on ``line`` shares a character with a span."""
        spans = self._by_line.get(line)
        if not spans:
            return False
        # Spans of one kind never overlap each other, so only the last one that
        # starts before ``end`` can reach ``start``.
        index = bisect.bisect_left(spans, (end,))
        return index > 0 and spans[index - 1][1] > start

    def covers(self, line: int, start: int, end: int) -> bool:
        """Whether [start, end) on ``line`` lies inside one span."""
        return any(span_start <= start and end <= span_end for span_start, span_end in self.on(line))

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        for line, spans in sorted(self._by_line.items()):
            for start, end in spans:
                yield line, start, end


def find_spans(kind: str, blocks: Iterable) -> SpanIndex:
    """The ``kind`` spans of a document's paragraphs (planlint.outline.paragraphs.Block),
    cut at line ends: a title split over two lines is a span on each."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for block in blocks:
        for start, end in _find(kind, block.text):
            for line, piece_start, piece_end in block.pieces(start, end):
                by_line.setdefault(line, []).append((piece_start, piece_end))
    for spans in by_line.values():
        spans.sort()
    return SpanIndex(by_line)
