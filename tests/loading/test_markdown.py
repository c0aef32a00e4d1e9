"""Markdown input: headings and list items carry their numbering; code and front
matter are ignored; positions are the Markdown source's."""

from __future__ import annotations

from planlint.api import check_paths, check_text
from planlint.loading.markdown import markdown_view

DRAFT = """---
title: 草稿
---
# 某局2024年工作要点

## 一、总体要求

以习近平新时代中国特色社会主义思想为指导。

## 三、主要任务

1. 新建幼儿园16所。
2、招聘教师100名。
3. 南教办[2018]23号

```text
五、这是代码
2018319
```
"""


def test_view_keeps_lines_and_columns():
    view = markdown_view(DRAFT)
    assert len(view.split("\n")) == len(DRAFT.split("\n"))
    assert all(len(a) == len(b) for a, b in zip(view.split("\n"), DRAFT.split("\n")))
    assert view.split("\n")[5] == "   一、总体要求"


def test_headings_and_list_items_are_outline(tmp_path):
    path = tmp_path / "草稿.md"
    path.write_text(DRAFT, encoding="utf-8")
    report = check_paths([str(path)], select=["PL101", "PL104", "PL301", "PL601"])
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [
        ("PL101", 10, 4), ("PL104", 13, 1), ("PL601", 14, 7)]
    assert report.files[0].excerpts[10] == "## 三、主要任务"


def test_suppression_comment_in_markdown():
    text = "# 某局2024年工作要点\n\n## 一、甲\n\n<!-- planlint-disable-next-line PL101 -->\n## 三、乙\n"
    assert check_text(text, path="a.md", select=["PL101"]).diagnostics == []


def test_fix_on_markdown_edits_the_source(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("## 一、甲\n\n- 南教办[2018]23号\n", encoding="utf-8")
    check_paths([str(path)], select=["PL601"], fix=True)
    assert path.read_text(encoding="utf-8") == "## 一、甲\n\n- 南教办〔2018〕23号\n"


def test_tree_of_a_markdown_file(tmp_path):
    from click.testing import CliRunner

    from planlint.cli import main

    path = tmp_path / "a.md"
    path.write_text(DRAFT, encoding="utf-8")
    import json

    data = json.loads(CliRunner().invoke(main, ["tree", "--format", "json", str(path)]).stdout)
    assert [node["marker"]["raw"] for node in data["outline"]] == ["一、", "三、"]


def test_markdown_view_never_raises_and_keeps_every_column():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(["#", "## ", "- ", "* ", "> ", "**", "```", "---", "1. ", "一、", "\n", "\r\n", "甲", " ", "\t"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(pieces, max_size=40).map("".join))
    def check(text):
        view = markdown_view(text)
        assert len(view) == len(text)
        assert [len(line) for line in view.splitlines()] == [len(line) for line in text.splitlines()]

    check()


def test_inline_syntax_is_no_text():
    line = "见![](风景.webp)与[《通知》](https://x.cn/a(1))，运行`f(甲)`，<span>(乙)</span><!-- 注(丙) -->。"
    view = markdown_view(line)
    assert len(view) == len(line)
    assert "风景" not in view and "https" not in view and "f(甲)" not in view and "span" not in view
    assert "《通知》" in view and "(乙)" in view and "注(丙)" not in view
    assert markdown_view("[1]: https://example.org/(甲)") == " " * len("[1]: https://example.org/(甲)")


def test_an_image_of_chinese_name_is_no_half_width_bracket(tmp_path):
    path = tmp_path / "报告.md"
    path.write_text("# 报告\n\n![](风景.webp)\n\n![图](附件(二).png)\n", encoding="utf-8")
    assert not [d for d in check_paths([str(path)], select=["PL5"]).diagnostics]
