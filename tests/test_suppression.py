from __future__ import annotations

from planlint.api import check_text

MARKDOWN = """# 某局2024年工作要点

<!-- planlint-disable-next-line PL101 -->
三、主要任务。正文
<!-- planlint-disable date -->
2018319
<!-- planlint-enable -->
2019614
"""


def test_markdown_comments_suppress_lines_and_blocks():
    result = check_text(MARKDOWN, select=["PL101", "PL301"])
    assert [(d.code, d.line) for d in result.diagnostics] == [("PL301", 8)]


def test_no_codes_means_every_rule():
    text = "<!-- planlint-disable-next-line -->\n三、主要任务。正文\n"
    assert check_text(text, select=["PL101"]).diagnostics == []


def test_suppression_is_per_rule():
    text = "<!-- planlint-disable-next-line PL102 -->\n三、主要任务。正文\n"
    assert [d.code for d in check_text(text, select=["PL101"]).diagnostics] == ["PL101"]
