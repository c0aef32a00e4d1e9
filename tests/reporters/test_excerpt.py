from __future__ import annotations

from planlint.reporters.excerpt import cell_width, excerpt


def test_underline_sits_under_full_width_text():
    shown = excerpt("南教办[2018]23号", 4, 10)
    assert shown.text == "南教办[2018]23号"
    assert shown.underline == " " * 6 + "^" * 6


def test_underline_counts_cells_of_the_span_itself():
    shown = excerpt("一、总体要求", 1, 3)
    assert shown.underline == "^^^^"


def test_long_lines_are_cut_around_the_span():
    line = "甲" * 100 + "2018319" + "乙" * 100
    shown = excerpt(line, 101, 108)
    assert shown.text.startswith("…") and shown.text.endswith("…")
    assert shown.text[1 + 24:1 + 24 + 7] == "2018319"
    assert shown.underline == " " * (1 + 48) + "^" * 7


def test_tabs_and_controls_print_as_one_space():
    shown = excerpt("\t\x1b1.甲", 3, 5)
    assert shown.text == "  1.甲"
    assert shown.underline == "  ^^"


def test_cell_width():
    assert [cell_width(c) for c in "a一，,\u0301"] == [1, 2, 2, 1, 0]
