"""Paired punctuation within one paragraph (GB/T 15834-2011 4.1, 4.8, 4.9, 4.15):

- ``unclosed``: a mark that opens and never closes;
- ``unopened``: a mark that closes what never opened;
- ``mixed``: a pair whose two marks are of different forms — （…) or (…）, “…"
  where an ASCII " stands in for ”;
- ``stand-ins``: a pair typed wholly in stand-ins ("…" for “…”).

A paragraph, not a line: 《 at the end of a line closed by 》 on the next (a
title broken over two lines) is one pair.  Each pair lists its marks form by
form (``["（(", "）)"]``: （ goes with ）, ( with )); the first form is the
standard one, and a ``mixed`` fix writes both marks in it.  ``stand_ins`` are
characters typed for either mark of a pair (the ASCII " for “ and ”): one
closing an open “ is a ``mixed`` pair, two around or right beside Chinese text
a ``stand-ins`` pair (“7·22”流域; around none, "name" say, they are left alone).  In a ``directional``
pair (“” and ‘’, which keyboards and converters turn round) “…“ and ”…” are one
pair with a mark the wrong way round, a ``mixed`` pair, not two unpaired marks.
A closing bracket right after a list number at the start of a line (1) 2) a))
is that number's, not a pair's.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from planlint.diagnostics import Edit, Finding
from planlint.outline.model import Document, Span

PARAMS = {
    "type": "object",
    "properties": {
        "defect": {"enum": ["unclosed", "unopened", "mixed", "stand-ins"]},
        "pairs": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "prefixItems": [{"type": "string", "minLength": 1},
                                                       {"type": "string", "minLength": 1}],
                      "minItems": 2, "maxItems": 2},
        },
        "stand_ins": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0},
                      "description": "a character typed for either mark of the pair at this index"},
        "directional": {"type": "array", "items": {"type": "integer", "minimum": 0},
                        "description": "pairs whose marks are often typed the wrong way round (“…“, ”…”)"},
    },
    "required": ["defect", "pairs"],
    "additionalProperties": False,
}
PLACEHOLDERS = {"found", "expected", "opening"}

_STAND_IN = -1  # the form of a mark that was a stand-in
_REVERSED = -2  # the form of a mark typed the other way round (” opening a quotation)
_PHRASE = 40
_SENTENCE_END = re.compile("[。！？]")
_LIST_NUMBER = re.compile(r"[\s\u3000]*(?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})")
_HAN = re.compile("[\u4e00-\u9fff]")


class _Mark(NamedTuple):
    pair: int
    form: int
    offset: int


def prepare(params: dict) -> dict:
    roles: dict[str, tuple[int, int, bool]] = {}  # mark -> (pair index, form, whether it opens)
    for index, (opening, closing) in enumerate(params["pairs"]):
        for form, char in enumerate(opening):
            roles[char] = (index, form, True)
        for form, char in enumerate(closing):
            if char in roles and roles[char][2]:
                raise ValueError(f"pairs[{index}]: {char!r} both opens and closes")
            roles[char] = (index, form, False)
    stand_ins = params.get("stand_ins", {})
    for char, index in stand_ins.items():
        if len(char) != 1 or char in roles or index >= len(params["pairs"]):
            raise ValueError(f"stand_ins.{char}: a single character that is no pair's mark, for an existing pair")
    marks = re.compile("[" + re.escape("".join(roles) + "".join(stand_ins)) + "]")
    return {"roles": roles, "marks": marks}


def check(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    # The three balance rules share one scan when their pairs are the same.
    key = ("imbalances", tuple(map(tuple, params["pairs"])), tuple(sorted(params.get("stand_ins", {}).items())),
           tuple(params.get("directional", ())))
    wanted = params["defect"]
    for finding in document.shared(key, lambda: sorted(_imbalances(document, params, state),
                                                       key=lambda f: (f.span.line, f.span.column))):
        if finding.args["defect"] == wanted:
            yield finding


def _imbalances(document: Document, params: dict, state: dict) -> Iterator[Finding]:
    roles, pairs, marks = state["roles"], params["pairs"], state["marks"]
    stand_ins, directional = params.get("stand_ins", {}), set(params.get("directional", ()))
    for block in document.blocks():
        text = block.text
        found = [(match.start(), match[0]) for match in marks.finditer(text)]
        # Each mark's pair, form and whether it opens (None: a stand-in, either way).
        kinds = [(stand_ins[char], _STAND_IN, None) if char in stand_ins else roles[char] for _, char in found]
        # Whether the next mark of the same pair opens (None: there is none, or it
        # is too far to be this quotation's other end).
        following: list[bool | None] = [None] * len(found)
        last: dict[int, tuple[bool, int]] = {}
        for index in range(len(found) - 1, -1, -1):
            pair, _, opens = kinds[index]
            if pair in last and _one_phrase(text, found[index][0], last[pair][1]):
                following[index] = last[pair][0]
            last[pair] = (bool(opens), found[index][0])
        stack: list[_Mark] = []

        def finding(offset: int, defect: str, expected: str) -> Finding:
            line, column = block.position(offset)
            return Finding(Span(line, column + 1, line, column + 2),
                           {"found": text[offset], "expected": expected, "opening": "", "defect": defect})

        def unclosed(mark: _Mark) -> Finding | None:
            if mark.form == _STAND_IN:
                return None  # an unpaired ASCII quote: inch marks, or a rule about ASCII quotes
            if _TRUNCATED.match(text, mark.offset + 1):
                return None  # a summary cut short inside the pair: 各区(市)县政府(管委会…
            return finding(mark.offset, "unclosed", pairs[mark.pair][1][max(mark.form, 0)])

        for index, (offset, _char) in enumerate(found):
            pair, form, opens = kinds[index]
            is_open = any(mark.pair == pair for mark in stack)
            if opens is None:
                opens = not is_open
            if pair in directional:
                if opens and stack and stack[-1].pair == pair and following[index] is not False \
                        and _one_phrase(text, stack[-1].offset, offset):
                    form, opens = _REVERSED, False  # “…“: the quotation closed with its mark the wrong way round
                elif not opens and not is_open and following[index] is False:
                    form, opens = _REVERSED, True   # ”…”: opened with its mark the wrong way round
            if opens:
                stack.append(_Mark(pair, form, offset))
                continue
            if not is_open:
                if not _after_list_number(document, block, offset):
                    yield finding(offset, "unopened", pairs[pair][0][max(form, 0)])
                continue
            while stack[-1].pair != pair:
                missing = unclosed(stack.pop())
                if missing:
                    yield missing
            opener = stack.pop()
            if opener.form != form:
                yield _mixed(block, text, opener, offset, form, pairs)
            elif form == _STAND_IN and _HAN.search(text, max(opener.offset - 1, 0), offset + 2):
                yield _mixed(block, text, opener, offset, form, pairs, "stand-ins")
        for mark in reversed(stack):
            missing = unclosed(mark)
            if missing:
                yield missing


# The rest of a paragraph that a page cut short: a few words, then an ellipsis.
_TRUNCATED = re.compile(r"[^。！？；!?;\n]{0,30}?(?:…+|\.{3,})[\s\u3000]*$")


def _one_phrase(text: str, start: int, end: int) -> bool:
    """Whether two marks are close enough to be one quotation's ends, taken the
    wrong way round: within one sentence and a few dozen characters."""
    return end - start <= _PHRASE and not _SENTENCE_END.search(text, start, end)


def _after_list_number(document: Document, block, offset: int) -> bool:
    """Whether a closing bracket ends a list number at the start of its line: 1) 2) a)."""
    if block.text[offset] not in ")）":
        return False
    line, column = block.position(offset)
    return bool(_LIST_NUMBER.fullmatch(document.lines[line - 1][:column]))


def _mixed(block, text: str, opener: _Mark, offset: int, form: int, pairs: list, defect: str = "mixed") -> Finding:
    """A pair of two forms (or of stand-ins), flagged from its opening to its
    closing mark: both marks become the standard (first) form."""
    opening, closing = pairs[opener.pair]
    edits = []
    for at, mark_form, standard in ((opener.offset, opener.form, opening[0]), (offset, form, closing[0])):
        if mark_form != 0:
            line, column = block.position(at)
            edits.append(Edit(Span(line, column + 1, line, column + 2), standard))
    first_line, first_column = block.position(opener.offset)
    last_line, last_column = block.position(offset)
    return Finding(Span(first_line, first_column + 1, last_line, last_column + 2),
                   {"found": text[offset], "opening": text[opener.offset], "expected": opening[0] + closing[0],
                    "defect": defect}, tuple(edits))
