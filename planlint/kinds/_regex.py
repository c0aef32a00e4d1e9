"""Regular expressions for text kinds: the ``regex`` package (\\p{Han}, variable
lookbehind) with a time limit, so no office's own pattern can hang a run.

The bundled rules' patterns are reviewed and tested, and the limit slows every
scan (the regex package reads the clock as it goes: a fifth of all scanning
time, more on patterns with many hits), so the engine lifts it for them (see
planlint.kinds.pattern_time_limit); a rule from a rules directory, or a
bundled rule whose params a configuration changes, keeps the limit.

A rule whose every match begins with one of a few literal strings (its
literal ``starts``, found when it is prepared: a substitution's keys, or what
planlint.kinds._starts reads off a pattern) is tried only where str.find finds
them, when they are rare enough; the results are finditer's either way."""

from __future__ import annotations

import bisect
import time
from typing import Any, Iterator, NamedTuple

from planlint.kinds import PatternTimeout, pattern_time_limit
from planlint.kinds._scope import scoped_lines
from planlint.outline.model import Document, Span


def compile_pattern(pattern: str, ignorecase: bool = False, field: str = "pattern"):
    import regex

    # MULTILINE: a rule runs over its scope's lines joined by "\n", and ^ and $ are line ends.
    try:
        return regex.compile(pattern, regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0))
    except regex.error as error:
        raise ValueError(f"{field}: {error}") from None


def alternation(words) -> str:
    """Literal words as one pattern, longest first so 截止目前 wins over 截止."""
    import regex

    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


class Hit(NamedTuple):
    """A match on one line: its line number and 0-based columns in that line."""

    line: int
    start: int
    end: int
    match: Any  # the regex package's Match

    def span(self) -> Span:
        return Span(self.line, self.start + 1, self.line, self.end + 1)


# Each joined scope is a copy of most of the text: a 50 MB text (36 MB as str)
# kept four, 180 MB.  Past this many characters a document keeps one at a time,
# and a rule that comes back to a scope rebuilds it (a few times a run, each
# well under a tenth of a second there).
_KEEP_ALL_UP_TO = 2_000_000


def _joined(document: Document, params: dict) -> tuple[str, list[int], list[int]]:
    """The rule's scope's lines as one text (one regex pass per rule, not one per
    line), with where each line starts and which line it is; shared by all rules."""
    scope, skip = params.get("scope", "text"), tuple(params.get("skip", ()))
    key = ("joined", scope, skip)
    if key not in document.derived and len(document.text) > _KEEP_ALL_UP_TO:
        for joined in [kept for kept in document.derived if kept[:1] == ("joined",)]:
            del document.derived[joined]
    return document.shared(key, lambda: _join(scoped_lines(document, scope, skip)))


def scope_text(document: Document, scope: str) -> str:
    """The lines in ``scope`` joined by "\n": the text the rules scan, shared with them."""
    return _joined(document, {"scope": scope})[0]


def _join(lines) -> tuple[str, list[int], list[int]]:
    numbers, texts = [], []
    for number, text in lines:
        numbers.append(number)
        texts.append(text)
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return "\n".join(texts), starts, numbers


def _scan(compiled, text: str, document: Document, starts: tuple[str, ...] | None):
    """What ``compiled.finditer(text)`` yields.  A pattern whose every match
    begins with one of a few literal ``starts`` is tried only where str.find
    finds them (most are absent from most documents): the regex package has no
    fast search for a set of words or characters and tries the whole pattern at
    every character instead."""
    limit = pattern_time_limit()
    positions = _positions(text, starts) if starts else None
    if limit is None:
        return compiled.finditer(text) if positions is None else _at(compiled, text, positions, None)
    return _limited(compiled, text, document, limit, positions)


def _limited(compiled, text: str, document: Document, limit: float, positions: list[int] | None):
    try:
        if positions is None:
            yield from compiled.finditer(text, timeout=limit)
        else:
            yield from _at(compiled, text, positions, time.monotonic() + limit)
    except TimeoutError:
        raise PatternTimeout(limit, document.path) from None


def _at(compiled, text: str, positions: list[int], deadline: float | None):
    """The matches that begin at ``positions``, going on from each match's end as finditer does."""
    end = 0
    for position in positions:
        if position < end:
            continue
        match = compiled.match(text, position, timeout=None if deadline is None
                               else max(deadline - time.monotonic(), 0.0))
        if match is not None and match.end() > position:
            yield match
            end = match.end()


# Finding a start and trying the pattern there costs ~0.75 µs, as much as the
# regex package takes to scan ~200 characters: past one start in 256
# characters, one pass over the text is cheaper (measured on the seeds).
_DENSE = 256
# What looking for the starts may cost, in passes of str.find for one character
# (~0.5 µs on a plan; a longer string takes ~8 times as long): a pass of the
# regex package over the same text costs 40-150 µs.
_PASSES = 32


def cheap_starts(starts: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """``starts`` if looking for them costs less than one scan of the text, else None."""
    if not starts or sum(1 if len(start) == 1 else 8 for start in starts) > _PASSES:
        return None
    return starts


def _positions(text: str, starts: tuple[str, ...]) -> list[int] | None:
    """Where the ``starts`` occur, in order; None if they are too many."""
    budget = len(text) // _DENSE + 1
    # The first eighth of the text tells cheaply whether they crowd it (ASCII
    # commas all over a scraped page): counting them all first would cost more.
    sample = len(text) // 8
    if sum(text.count(start, 0, sample) for start in starts) * 8 > budget:
        return None
    positions: set[int] = set()
    for literal in starts:
        found = text.find(literal)
        while found >= 0:
            positions.add(found)
            if len(positions) > budget:
                return None
            found = text.find(literal, found + 1)
    return sorted(positions)


def _matches(compiled, document: Document, params: dict, literal_starts: tuple[str, ...] | None):
    """(match, line number, line start) of every non-empty match within one line."""
    text, starts, numbers = _joined(document, params)
    last = len(starts) - 1
    for match in _scan(compiled, text, document, literal_starts):
        start, end = match.span()
        if end == start:
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index < last and end >= starts[index + 1]:
            continue  # runs across a line end
        yield match, numbers[index], starts[index]


def find(compiled, document: Document, params: dict, starts: tuple[str, ...] | None = None) -> Iterator[Hit]:
    """Every non-empty match in the rule's scope that stays within one line, in
    order, less those that overlap a typed span the rule's ``outside`` names.
    ``starts``: literal strings one of which begins every match, if known."""
    outside = [document.spans(kind) for kind in params.get("outside", ())]
    for match, line, line_start in _matches(compiled, document, params, starts):
        start, end = match.span()
        start, end = start - line_start, end - line_start
        if not any(spans.overlaps(line, start, end) for spans in outside):
            yield Hit(line, start, end, match)


def count(compiled, document: Document, params: dict, starts: tuple[str, ...] | None = None) -> int:
    """How many hits ``find`` yields, without building them (for aggregated rules)."""
    if params.get("outside"):
        return sum(1 for _ in find(compiled, document, params, starts))
    text = _joined(document, params)[0]
    total = 0
    for match in _scan(compiled, text, document, starts):
        found = match[0]
        if found and "\n" not in found:
            total += 1
    return total
