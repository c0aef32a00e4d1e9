"""Which literal strings begin every match of a pattern (planlint.kinds._starts)."""

from __future__ import annotations

import pytest

from planlint.kinds._starts import literal_starts


@pytest.mark.parametrize("pattern, starts", [
    ("[【（(](?:待补充|此处)", None),  # six strings to look for cost more than a scan
    ("[【（(]XX", ("(XX", "【XX", "（XX")),
    ("(?<=\\p{Han})[〔［](?P<year>(?:19|20))", ("〔19", "〔20", "［19", "［20")),  # lookbehinds take no room
    ("[#@★]+", ("#", "@", "★")),  # single characters are cheap to look for
    ("(?:a|b)x{2}|YY+", ("YY", "ax", "bx")),  # one repeat is certain, not two
    ("[；：;:][\\s]*$", (":", ";", "：", "；")),
])
def test_starts_found(pattern, starts):
    assert literal_starts(pattern) == starts


@pytest.mark.parametrize("pattern", [
    "a*b",                     # may begin with b or a: nothing certain
    "\\d+万",                   # a class of unknown characters
    "[^、]x",                  # a negated set
    "(?:ab|ac)",               # one first character: the regex package looks for it itself
    "(?:甲|乙)\\d",             # a start the documents are full of (a Han character)
    "[【（(]待(?:补充|定)",      # a Han character at the top: the regex package looks for it
    "(?:1|2)\\d{3}年",          # a Han character at the top: the regex package looks for it
    "(?i)(?:ab|cd)",           # case-insensitive: the literal letters say too little
    "(?i:ab)|cd",              # likewise for a part
    "(?:ab|cd){e<=1}",         # fuzzy matching, which Python's parser reads as literal text
    "[[:alpha:]]x|yz",         # a POSIX class, likewise
    "(?|(a)|(b))c",            # syntax of the regex package alone: unreadable here
    "(?:[一二三四五六七八九十][0-9]){3}",  # too many starts to look for each
])
def test_unknown_or_not_worth_it(pattern):
    assert literal_starts(pattern) is None


def test_ignorecase_rules_are_scanned():
    assert literal_starts("(?:ab|cd)") == ("ab", "cd")
    assert literal_starts("(?:ab|cd)", ignorecase=True) is None
