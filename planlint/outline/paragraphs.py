"""Paragraphs: lines joined where the text runs on across a line break.

Text extracted from a PDF breaks every line at the page's width, and a typed
draft may break a long title in two; either way 《 on one line is closed by 》
on the next, and a paragraph, not a line, is where a pair must close.  Lines
are joined when nothing ends the first (no 。！？；：, no heading on the
second) and either the first is as wide as the document's wrapped lines (and
no blank line comes between), or a pair it opened is still open (across a
blank line or two, for a few lines at most, so one stray 《 cannot swallow a page).  Positions map back to lines and columns.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Iterable, NamedTuple

_ENDS = "。！？；：!?;:…"
_CLOSERS = "”’》）)】〕」』"
_OPENERS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕"}
_PAIRED = set(_OPENERS) | set(_OPENERS.values())
_OPEN_JOINS = 3  # lines a still-open pair may pull in


class Block(NamedTuple):
    """A paragraph: its text (lines joined, each without its indent) and where each line's piece starts."""

    text: str
    lines: tuple[int, ...]     # line numbers
    offsets: tuple[int, ...]   # where each line's piece starts in ``text``
    columns: tuple[int, ...]   # the 0-based column in its line where that piece starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line number, 0-based column) of the character at ``offset``."""
        index = bisect.bisect_right(self.offsets, offset) - 1
        return self.lines[index], self.columns[index] + offset - self.offsets[index]

    def pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """[start, end) of the text as (line number, start column, end column) on each line it covers."""
        found = []
        first = bisect.bisect_right(self.offsets, start) - 1
        for index in range(first, len(self.lines)):
            piece_start = self.offsets[index]
            if piece_start >= end and index > first:
                break
            piece_end = self.offsets[index + 1] if index + 1 < len(self.offsets) else len(self.text)
            low, high = max(start, piece_start), min(end, piece_end)
            if high > low:
                found.append((self.lines[index], self.columns[index] + low - piece_start,
                              self.columns[index] + high - piece_start))
        return found


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(" \t\u3000\xa0" + _CLOSERS)
    return not stripped or stripped[-1] in _ENDS


def _still_open(text: str) -> bool:
    """Whether a pair opened in ``text`` is still open at its end."""
    stack: list[str] = []
    for char in text:
        if char not in _PAIRED:
            continue
        if char in _OPENERS:
            stack.append(_OPENERS[char])
        elif stack and stack[-1] == char:
            stack.pop()
        elif char in stack:
            while stack.pop() != char:
                pass
    return bool(stack)


def _blank_between(lines: list[str], previous: int, number: int) -> bool:
    """Whether the lines between two content lines are at most two blank ones (a
    scraped page often puts a blank line after every line, a title's half included)."""
    return number - previous <= 3 and all(not lines[index].strip() for index in range(previous, number - 1))


def wrap_width(lines: Iterable[str]) -> int | None:
    """The width at which the text was wrapped, if it was: many lines of one length."""
    lengths = [len(text.strip()) for text in lines]
    long_lines = [length for length in lengths if length >= 12]
    if len(long_lines) < 6:
        return None
    counts = Counter(long_lines)
    width, _ = max(counts.items(), key=lambda item: (item[1] + counts.get(item[0] - 1, 0), item[0]))
    near = counts[width] + counts.get(width - 1, 0)
    return width if near >= max(4, len(long_lines) // 4) else None


def build_blocks(lines: list[str], content: Iterable[tuple[int, str]], headings: set[int]) -> list[Block]:
    """The paragraphs of the ``content`` lines (number, text); ``headings`` start a paragraph."""
    content = list(content)
    width = wrap_width(text for number, text in content if number not in headings)
    blocks: list[Block] = []
    pieces: list[tuple[int, int, str]] = []  # (line, column, text) of the paragraph being built
    open_joins = 0

    def close() -> None:
        if pieces:
            offsets, total = [], 0
            for _, _, piece in pieces:
                offsets.append(total)
                total += len(piece)
            blocks.append(Block("".join(piece for _, _, piece in pieces), tuple(line for line, _, _ in pieces),
                                tuple(offsets), tuple(column for _, column, _ in pieces)))
            pieces.clear()

    previous_number = 0
    for number, text in content:
        stripped = text.strip()
        column = len(text) - len(text.lstrip())
        joined = False
        if pieces and number not in headings and not _ends_sentence(pieces[-1][2]):
            last = pieces[-1][2]
            if previous_number == number - 1 and width is not None and len(last) >= width - 1:
                joined = True
            elif open_joins < _OPEN_JOINS and _blank_between(lines, previous_number, number) \
                    and _still_open("".join(piece for _, _, piece in pieces)):
                joined = True  # a pair still open pulls in the next line, even past a blank one
                open_joins += 1
        if not joined:
            close()
            open_joins = 0
        pieces.append((number, column, stripped))
        previous_number = number
    close()
    return blocks
