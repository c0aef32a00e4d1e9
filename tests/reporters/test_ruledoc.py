"""Rule documentation: the fixed examples, shown as diffs."""

from __future__ import annotations

import io

from planlint.catalog import bundled_catalog
from planlint.reporters import Options
from planlint.reporters.ruledoc import fix_lines, render_markdown, render_rule

CATALOG = bundled_catalog()


def test_fix_lines_mark_only_the_lines_that_change():
    assert fix_lines("一、甲\n三、乙\n", "一、甲\n二、乙\n") == ["  一、甲", "- 三、乙", "+ 二、乙"]
    assert fix_lines("甲\n\n乙", "甲\n\n丙") == ["  甲", "", "- 乙", "+ 丙"]


def test_rule_shows_its_fixed_examples():
    out = io.StringIO()
    render_rule(CATALOG.get("PL610"), out, Options(lang="en", color=False))
    shown = out.getvalue()
    assert "fixed examples" in shown
    assert "    - 抄送：区委各部门，区人武部\n    + 抄送：区委各部门，区人武部。\n" in shown


def test_the_reference_shows_fixed_examples_and_how_to_apply_them():
    out = io.StringIO()
    render_markdown([CATALOG.get("PL601"), CATALOG.get("PL604"), CATALOG.get("PL608")], out)
    text = out.getvalue()
    assert "Fixed (`--fix`):\n\n```diff\n- 南教办[2018]23号\n+ 南教办〔2018〕23号\n```" in text
    assert "Fixed (`--fix --unsafe-fixes`):" in text
    assert text.count("```diff") == 3  # two for PL601, one for PL604, none for PL608 (no fix)
