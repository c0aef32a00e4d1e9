"""docs/rules.md is generated from the YAML; this fails when it is stale."""

from __future__ import annotations

import io
from pathlib import Path

from planlint.catalog import bundled_catalog
from planlint.reporters.ruledoc import render_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rule_reference_is_up_to_date():
    out = io.StringIO()
    render_markdown(bundled_catalog().rules, out)
    assert DOCS.read_text(encoding="utf-8") == out.getvalue(), \
        "docs/rules.md is stale: run `planlint rules --format markdown > docs/rules.md`"
