"""The source line under a diagnostic, cut to fit, with the span underlined.

Columns count characters, but a terminal gives CJK and full-width characters
two cells; the underline is laid out in cells so it sits under the span.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

_CONTEXT = 24  # characters kept on each side of a span in a long line
_ELLIPSIS = "…"


def cell_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _visible(char: str) -> str:
    """What to print for a character so the terminal draws exactly one glyph."""
    if char == "\t" or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
        return " "
    return char


class Excerpt(NamedTuple):
    text: str
    underline: str


def excerpt(line: str, column: int, end_column: int) -> Excerpt:
    """``column``/``end_column`` are 1-based, end exclusive, as in a Diagnostic."""
    start = max(column - 1, 0)
    end = max(min(end_column - 1, len(line)), start + 1)
    first = max(start - _CONTEXT, 0)
    last = min(end + _CONTEXT, len(line))
    prefix = _ELLIPSIS if first > 0 else ""
    suffix = _ELLIPSIS if last < len(line) else ""
    shown = "".join(_visible(c) for c in line[first:last])
    lead = sum(cell_width(c) for c in prefix + shown[: start - first])
    marked = shown[start - first: end - first] or " "
    width = max(sum(cell_width(c) for c in marked), 1)
    return Excerpt(prefix + shown + suffix, " " * lead + "^" * width)
