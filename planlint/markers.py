"""How a heading marker is written (一、 （一） 1. ①), for messages, fixes and `planlint tree`."""

from __future__ import annotations

from planlint.numerals import int_to_chinese, int_to_circled

_SECTION_WORD = {"part": "部分", "chapter": "章", "section": "节"}


def format_marker(kind: str, value: int, delimiter: str) -> str:
    if kind in _SECTION_WORD:
        return f"第{int_to_chinese(value)}{_SECTION_WORD[kind]}"
    if kind == "circled":
        return int_to_circled(value)
    number = int_to_chinese(value) if "ordinal" in kind else str(value)
    if kind.startswith("paren-"):
        opening, closing, trailing = delimiter[0], delimiter[1], delimiter[2:]
        return f"{opening}{number}{closing}{trailing}"
    return number + delimiter


CANONICAL_DELIMITER = {"ordinal": "、", "paren-ordinal": "（）", "number": ".",
                       "paren-number": "（）", "circled": "", "part": "", "chapter": "", "section": ""}
