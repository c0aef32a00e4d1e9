"""Which literal strings every match of a pattern begins with, when that can be
known from the pattern: PL604's year brackets begin with one of ( [ 【 〔 （ ［,
PL201's line-end punctuation with one of : ; ： ；.  The regex helper then looks
for those with str.find and tries the pattern only where they occur; the regex
package itself tries a pattern that begins with a set or an alternation at
every character.

The answer is computed once, when the rule is prepared, from the pattern as
Python's own ``re`` parser reads it.  Anything it does not read exactly as the
regex package does (\\p{…} properties, POSIX classes, fuzzy matching, case-
insensitive parts, its own syntax errors) makes the answer "unknown", and the
pattern is scanned as before.  Unknown is always safe; a wrong answer would
lose findings, so tests compare every bundled pattern against a full scan.
"""

from __future__ import annotations

import re
import sys

from planlint.kinds._regex import cheap_starts

if sys.version_info >= (3, 11):
    from re import _constants as _sre, _parser as _sre_parse
else:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

_MOST = 32  # the strings stop growing past this many (far more than are worth looking for)
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) if op}
# Syntax the two parsers read differently: POSIX classes, fuzzy constraints {e<=1}.
_FOREIGN = re.compile(r"\[:|(?<!\\)\{[a-zA-Z]")
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")


def literal_starts(pattern: str, ignorecase: bool = False) -> tuple[str, ...] | None:
    """The strings one of which begins every match of ``pattern``, when looking
    for them is cheaper than scanning with the pattern; otherwise None."""
    # A property (\p{Han}) becomes a class of unknown characters: \w.
    pattern = _PROPERTY.sub(r"\\w", pattern)
    if ignorecase or _FOREIGN.search(pattern):
        return None
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        open_, done = _walk(list(parsed), {""}, set())
    except Exception:  # a pattern this parser cannot read: unknown
        return None
    starts = open_ | done
    if not starts or "" in starts or len(starts) > _MOST or not _worth_looking_for(starts, parsed):
        return None
    return cheap_starts(tuple(sorted(starts)))


def _worth_looking_for(starts: set[str], parsed) -> bool:
    """Measured per bundled pattern: each place a start occurs costs a try of
    the pattern, and the regex package is already fast on some patterns."""
    if any(len(start) == 1 and _in_prose(start) or start.isdigit() for start in starts):
        return False  # a document holds hundreds of them (and of 19, 20: years)
    if len({start[0] for start in starts}) == 1:
        return False  # one first character: the regex package looks for it itself
    # A Han character at the pattern's top level (2018年3月): the regex package
    # looks for that one too.
    return not any(op is _sre.LITERAL and _is_han(chr(argument)) for op, argument in parsed)


def _in_prose(char: str) -> bool:
    return char.isdigit() or _is_han(char) or char in "。，、"


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _walk(items, open_: set[str], done: set[str]) -> tuple[set[str], set[str]]:
    """Extend the strings in ``open_`` through ``items`` while each next
    character is one of a few known ones; ``done`` holds strings that can no
    longer grow.  Every match begins with a string of ``open_ | done``."""
    for op, argument in items:
        if not open_:
            break
        if op in _ZERO_WIDTH:
            continue
        chars = _known_chars(op, argument)
        if chars is not None:
            if len(open_) * len(chars) > _MOST:
                return set(), done | open_
            open_ = {start + char for start in open_ for char in chars}
        elif op is _sre.SUBPATTERN and not argument[1] & re.IGNORECASE:
            open_, done = _walk(list(argument[-1]), open_, done)
        elif op is _sre.BRANCH:
            grown: set[str] = set()
            finished = set(done)
            for branch in argument[1]:
                branch_open, branch_done = _walk(list(branch), set(open_), set())
                grown |= branch_open
                finished |= branch_done
            if len(grown) + len(finished) > _MOST:
                return set(), done | open_
            open_, done = grown, finished
        elif op in _REPEATS and argument[0] >= 1:
            # One occurrence is certain; how many more, and what follows, is not.
            once_open, once_done = _walk(list(argument[2]), set(open_), set())
            return set(), done | once_open | once_done
        else:
            return set(), done | open_
    return open_, done


def _known_chars(op, argument) -> set[str] | None:
    if op is _sre.LITERAL:
        return {chr(argument)}
    if op is not _sre.IN:
        return None
    chars: set[str] = set()
    for member, value in argument:
        if member is _sre.LITERAL:
            chars.add(chr(value))
        elif member is _sre.RANGE and value[1] - value[0] < _MOST:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negated set, a category (\d, \s, \w): unknown
            return None
    return chars
