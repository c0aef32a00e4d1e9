"""Word files made from a layout rule's example: the sample as the standard lays it
out, each setting applied, and an example that describes no Word file named."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planlint.cli import main
from planlint.loading import decode_source
from planlint.wordsample import SampleError, build


def _read(example: str):
    source = decode_source("example.docx", build(example))
    return source, source.layout


def test_the_sample_holds_every_element_a_layout_rule_checks():
    source, layout = _read("")
    lines = source.text.split("\n")
    assert lines[0] == "南宁市教育局关于印发2024年工作要点的通知" and lines[-1].endswith("印发")
    assert [run.east_asian_font for run in layout.paragraphs[5].runs] == ["楷体_GB2312", "仿宋_GB2312"]


def test_settings_change_what_they_name_and_nothing_else():
    _, layout = _read("正文：宋体 小四 加粗；纸张：B5\n页边距：上30毫米\n成文日期：居中 右缩进0字")
    body = layout.paragraphs[2].runs[0]
    assert (body.east_asian_font, body.size, body.bold) == ("宋体", 12, True)
    assert layout.paragraphs[0].runs[0].east_asian_font == "方正小标宋简体"
    section = layout.sections[0]
    assert (round(section.width / 72 * 25.4), round(section.top / 72 * 25.4), round(section.left / 72 * 25.4)) == \
        (176, 30, 28)
    assert (layout.paragraphs[10].alignment, layout.paragraphs[10].right) == ("center", (0, None))


def test_page_numbers_as_the_example_says():
    _, layout = _read("页码：第{page}页；页码位置：居中；页码字体：Times New Roman 五号")
    assert not layout.even_and_odd
    number = layout.sections[0].footers["default"]
    assert (number.text, number.position, number.font, number.size) == ("第{PAGE}页", "center", "Times New Roman", 10.5)
    _, layout = _read("页码：无")
    assert layout.sections[0].footers == {}


@pytest.mark.parametrize("example, says", [
    ("正文宋体", "no “：”"), ("字体：宋体", "“字体”: not one of"), ("行距：两倍", "“行距：两倍”"),
    ("网格：22行", "每页N行"), ("纸张：A5", "宽×高毫米"), ("页码：1", "{page}"), ("页码位置：外侧", "奇右偶左")])
def test_an_example_that_describes_no_word_file_says_why(example, says):
    with pytest.raises(SampleError, match=says.replace("{", r"\{").replace("}", r"\}")):
        build(example)


def test_an_office_s_layout_rule_runs_its_examples(tmp_path):
    (tmp_path / "house.yaml").write_text("""
rules:
  - code: JY901
    name: house-body-font
    category: layout
    severity: warning
    kind: layout
    params: {check: font, role: body, font: 方正仿宋_GBK, size: 16}
    message: {zh: "正文应为{expected}：{found}", en: "Body text in {expected_en}, not {found_en}"}
    rationale: "本局公文格式（2024）第2条，依 GB/T 9704-2012 §7.3.3。"
    examples:
      bad: ["正文：宋体 三号", "正文：仿宋 二号"]
      good: ["正文：仿宋_GB2312 三号", "正文字体：仿宋"]
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["test-rules", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    assert "✓ JY901 bad[0]" in result.stdout and "✓ JY901 good[0]" in result.stdout
    assert "✗ JY901 good[1] 正文字体：仿宋" in result.stdout and "describes no Word file" in result.stdout
