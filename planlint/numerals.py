"""Values of the numerals that plan documents number their headings with (shared by
the outline parser and the .docx reader, which renders Word's list numbering)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED_FIRST = 0x2460  # ①
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_to_int(numeral: str) -> int | None:
    """1..99 written as 一 … 九十九 (十一, 二十, 三十五); None if not such a numeral."""
    if not numeral:
        return None
    if "十" not in numeral:
        if len(numeral) == 1 and numeral in _DIGITS:
            return _DIGITS[numeral] or None
        return None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    tens_value = _DIGITS.get(tens, -1) if tens else 1
    units_value = _DIGITS.get(units, -1) if units else 0
    if tens_value < 1 or units_value < 0:
        return None
    return tens_value * 10 + units_value


def int_to_chinese(value: int) -> str:
    """一 … 九十九 as headings write them (十一, not 一十一); 一百零一 … 九千九百九十九
    past that, which only a renumbering of an absurdly long list reaches."""
    names = "〇一二三四五六七八九"
    if value < 10:
        return names[value]
    if value < 100:
        tens, units = divmod(value, 10)
        return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")
    if value >= 10000:
        return str(value)
    digits = [int(d) for d in str(value)]
    places = ["千", "百", "十", ""][-len(digits):]
    text = ""
    for index, (digit, unit) in enumerate(zip(digits, places)):
        if digit:
            text += names[digit] + unit
        elif any(digits[index + 1:]) and not text.endswith("零"):
            text += "零"
    return text


def circled_to_int(char: str) -> int:
    return ord(char) - _CIRCLED_FIRST + 1


def int_to_circled(value: int) -> str:
    return chr(_CIRCLED_FIRST + value - 1) if 1 <= value <= 20 else str(value)


def arabic_to_int(digits: str) -> int:
    return int(digits.translate(_FULLWIDTH_DIGITS))
