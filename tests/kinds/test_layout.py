"""The layout kind: a Word file against GB/T 9704-2012, one finding per cause,
each at its paragraph (and run)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, RGBColor

from planlint.api import check_paths, check_text
from planlint.cli import main
from planlint.config import Config
from wordfiles import (add_style, codes, complex_field, document_defaults, findings, page_field_simple, sample,
                       saved, set_run_fonts, use_style)

ROOT = Path(__file__).resolve().parents[2]
LIBREOFFICE = ROOT / "tests" / "data" / "docx" / "003_libreoffice.docx"


def _paragraph(document, text: str):
    return next(paragraph for paragraph in document.paragraphs if paragraph.text == text)


def _set(paragraph, east_asia: str | None = None, size: float | None = None) -> None:
    for run in paragraph.runs:
        set_run_fonts(run._r.get_or_add_rPr(), east_asia=east_asia, size=size)


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def test_a_document_laid_out_to_the_standard_has_no_layout_finding():
    assert findings(saved(sample())) == []


def test_a_document_laid_out_through_its_styles_has_none_either():
    """The standard set where Word users set it: the default style, heading styles, a
    line grid of 22 lines, a page number in a frame aligned outside (one footer)."""
    document = docx.Document()
    _page(document)
    document.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    set_run_fonts(document_defaults(document), east_asia="仿宋_GB2312", ascii="Times New Roman", size=16)
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "579")
    document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(
        qn("w:spacing")).attrib.clear()
    set_run_fonts(add_style(document, "GongwenTitle", based_on="Normal"), east_asia="方正小标宋简体", size=22)
    set_run_fonts(add_style(document, "Level1", based_on="Normal"), east_asia="黑体")
    set_run_fonts(add_style(document, "Level2Base", based_on="Normal"), east_asia="楷体_GB2312")
    add_style(document, "Level2", based_on="Level2Base")
    title = document.add_paragraph("某县教育局2024年工作要点")
    use_style(title, "GongwenTitle")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    use_style(document.add_paragraph("一、总体要求"), "Level1")
    document.add_paragraph("坚持立德树人，办好人民满意的教育。")
    use_style(document.add_paragraph("（一）学前教育"), "Level2")
    document.add_paragraph("新建幼儿园3所，新增学位1200个。")
    footer = document.sections[0].footer.paragraphs[0]
    footer._p.get_or_add_pPr().append(parse_xml(f'<w:framePr {nsdecls("w")} w:wrap="around" w:vAnchor="text" '
                                                f'w:hAnchor="margin" w:xAlign="outside" w:y="1"/>'))
    page_field_simple(footer)
    for run in footer._p.iter(qn("w:r")):
        set_run_fonts(run.get_or_add_rPr(), ascii="SimSun", size=14)
    assert findings(saved(document)) == []


def test_a_whole_body_in_song_xiaosi_is_one_finding_that_counts_its_paragraphs():
    document = docx.Document()
    _page(document)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_fonts(title.add_run("某县教育局2024年工作要点")._r.get_or_add_rPr(), east_asia="方正小标宋简体", size=22)
    for index in range(300):
        run = document.add_paragraph().add_run(f"第{index + 1}项工作要做好，2024年完成。")
        set_run_fonts(run._r.get_or_add_rPr(), east_asia="宋体", ascii="Times New Roman", size=12)
    assert findings(saved(document), select=["PL906"]) == [
        ("PL906", 2, 1, 18, "正文应为仿宋、三号（16磅），有300段为宋体、小四（12磅）")]
    [(_, _, _, _, english)] = findings(saved(document), select=["PL906"], lang="en")
    assert english == "Body text should be in 仿宋 16 pt; found 宋体 12 pt in 300 paragraph(s)"


def test_each_cause_is_a_finding_of_its_own_at_its_first_paragraph():
    document = sample()
    _set(_paragraph(document, "南宁市教育局"), east_asia="宋体")
    _set(_paragraph(document, "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"), size=15)
    assert findings(saved(document), select=["PL906"]) == [
        ("PL906", 5, 1, 35, "正文应为仿宋、三号（16磅），有1段为仿宋_GB2312、小三（15磅）"),
        ("PL906", 10, 1, 7, "正文应为仿宋、三号（16磅），有1段为宋体、三号（16磅）")]


def test_fonts_resolve_through_styles_based_on_chains_and_document_defaults():
    document = sample()
    set_run_fonts(add_style(document, "Body1", based_on="Normal"), east_asia="宋体")
    add_style(document, "Body2", based_on="Body1")
    body = _paragraph(document, "南宁市教育局")
    use_style(body, "Body2")
    for run in body.runs:  # the run says nothing of its face: the style chain does
        run._r.get_or_add_rPr().remove(run._r.get_or_add_rPr().find(qn("w:rFonts")))
    assert codes(saved(document), select=["PL906"]) == ["PL906"]
    set_run_fonts(add_style(document, "Body3", based_on="Normal"), east_asia="FangSong")
    use_style(body, "Body3")
    body._p.get_or_add_pPr().remove(body._p.get_or_add_pPr().find(qn("w:pStyle")))
    use_style(body, "Body3")
    assert codes(saved(document), select=["PL906"]) == []


def test_a_theme_font_is_judged_as_the_face_it_names():
    document = sample()
    document.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    body = _paragraph(document, "南宁市教育局")
    for run in body.runs:
        run._r.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:eastAsiaTheme"), "minorEastAsia")
    [(_, line, _, _, message)] = findings(saved(document), select=["PL906"])
    assert line == 10 and message.endswith("有1段为宋体、三号（16磅）")


def test_a_run_in_heading_is_its_level_s_face_up_to_its_title_then_body_text():
    document = sample()
    heading = _paragraph(document, "（一）加强党的建设。落实全面从严治党主体责任。")
    set_run_fonts(heading.runs[1]._r.get_or_add_rPr(), east_asia="楷体_GB2312")
    assert findings(saved(document), select=["PL906", "PL908"]) == [
        ("PL906", 6, 11, 24, "正文应为仿宋、三号（16磅），有1段为楷体_GB2312、三号（16磅）")]


def test_digits_in_a_latin_face_and_spaces_are_not_a_wrong_face():
    document = sample()
    body = _paragraph(document, "南宁市教育局")
    run = body.add_run("  2024 ")
    set_run_fonts(run._r.get_or_add_rPr(), east_asia="仿宋_GB2312", ascii="Times New Roman", size=16)
    spaces = body.add_run("　　")
    set_run_fonts(spaces._r.get_or_add_rPr(), east_asia="宋体", size=16)
    assert findings(saved(document), select=["PL906"]) == []


def test_an_automatic_marker_s_heading_points_into_the_paragraph_s_own_text():
    document = sample()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    heading = _paragraph(document, "一、总体要求")
    heading.runs[0].text = "总体要求"
    heading._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>'))
    _set(heading, east_asia="仿宋_GB2312")
    assert findings(saved(document), select=["PL907"]) == [
        ("PL907", 4, 1, 5, "一级标题（一、）应为黑体、三号（16磅），有1段为仿宋_GB2312、三号（16磅）")]


def test_text_and_markdown_have_no_layout_and_layout_rules_say_nothing():
    text = (ROOT / "seeds" / "000_42d7a22f1583c568.txt").read_text(encoding="utf-8")
    assert check_text(text, select=["layout"]).diagnostics == []
    assert check_text(text, "plan.md", select=["layout"]).diagnostics == []


def test_a_page_turned_for_a_wide_table_keeps_its_paper_and_its_own_margins():
    document = sample()
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(20)
    document.add_paragraph("附表")
    assert codes(saved(document), select=["PL901", "PL902"]) == []
    section.page_width, section.page_height = Mm(250), Mm(176)
    assert [(code, line) for code, line, *_ in findings(saved(document), select=["PL901"])] == [("PL901", 17)]


def test_the_line_pitch_on_a_grid_off_it_and_at_least():
    document = sample("行距：单倍；网格：每页22行")
    assert codes(saved(document), select=["PL903"]) == []
    for paragraph in document.paragraphs:
        paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))
    [(_, _, _, _, message)] = findings(saved(document), select=["PL903"])
    assert message == "每面应排22行，有7段为单倍行距、无文档网格，每面约30行"
    assert codes(saved(sample("行距：最小值28磅")), select=["PL903"]) == []


def test_page_numbers_in_words_in_roman_numerals_or_missing():
    document = sample()
    for footer in (document.sections[0].footer, document.sections[0].even_page_footer):
        footer.paragraphs[0]._p.getparent().remove(footer.paragraphs[0]._p)
        paragraph = footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        page_field_simple(paragraph, "第", "页")
        for run in paragraph._p.iter(qn("w:r")):
            set_run_fonts(run.get_or_add_rPr(), ascii="宋体", size=14)
    [(_, line, _, _, message)] = findings(saved(document), select=["PL916"])
    assert line == 1 and message == "页码应为“— 1 —”，宋体、四号（14磅），实为“第1页”"
    number_type = parse_xml(f'<w:pgNumType {nsdecls("w")} w:fmt="upperRoman"/>')
    document.sections[0]._sectPr.append(number_type)
    assert [message for *_, message in findings(saved(document), select=["PL916"])][1] == \
        "页码应为“— 1 —”，宋体、四号（14磅），实为页码格式为upperRoman"


def test_a_page_number_in_a_complex_field_and_where_it_sits():
    document = sample("页码位置：居中")
    footer = document.sections[0].footer.paragraphs[0]
    footer._p.getparent().remove(footer._p)
    paragraph = document.sections[0].footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("—")
    complex_field(paragraph, " PAGE ")
    paragraph.add_run("—　")
    for run in paragraph._p.iter(qn("w:r")):
        set_run_fonts(run.get_or_add_rPr(), ascii="SimSun", size=14)
    assert codes(saved(document), select=["PL916"]) == []
    [(_, _, _, _, message)] = findings(saved(document), select=["PL917"])
    assert message == "页码位置应为单页码居右空1字、双页码居左空1字，实为单页码居右空1字、双页码居右空1字"


def test_the_signing_date_placed_by_spaces_or_by_a_tab():
    document = sample()
    date = _paragraph(document, "2024年3月1日")
    date.alignment = WD_ALIGN_PARAGRAPH.LEFT
    date._p.get_or_add_pPr().remove(date._p.get_or_add_pPr().find(qn("w:ind")))
    date.runs[0].text = "　" * 17 + " 2024年3月1日"  # 17.5 characters in: 27.6 - 17.5 - 6 = 4.1 from the right
    assert codes(saved(document), select=["PL915"]) == []
    date.runs[0].text = "　" * 10 + "2024年3月1日"
    [(_, line, _, _, message)] = findings(saved(document), select=["PL915"])
    assert line == 11 and message == "成文日期应右空4字，实为右空11.6字"
    date.runs[0].text = "\t\t2024年3月1日"
    assert codes(saved(document), select=["PL915"]) == []


def test_red_in_the_header_above_the_title_is_not_text_colour_but_red_below_it_is():
    document = sample("正文：红色")
    number = document.paragraphs[0].insert_paragraph_before("南教发〔2024〕1号")
    number.insert_paragraph_before().add_run("南宁市教育局文件").font.color.rgb = RGBColor(0xFF, 0, 0)
    assert findings(saved(document), select=["PL918"]) == [
        ("PL918", 5, 1, 38, "文字应为黑色，有5段含#FF0000色文字")]


def test_bold_is_one_finding_per_role_and_an_office_may_allow_it_in_one():
    data = saved(sample("三级标题：加粗；四级标题：加粗"))
    assert [message for *_, message in findings(data, select=["PL919"])] == [
        "三级标题不加粗：有1段含加粗文字", "四级标题不加粗：有1段含加粗文字"]
    roles = ["title", "recipient", "body", "heading-1", "heading-2", "heading-4"]
    house = Config(params={"PL919": {"roles": roles}})
    assert [message for *_, message in findings(data, select=["PL919"], config=house)] == [
        "四级标题不加粗：有1段含加粗文字"]


def test_a_house_style_is_set_in_params_and_names_of_one_face_all_count():
    data = saved(sample("正文：方正仿宋_GBK 小三；一级标题：方正黑体_GBK 小三"))
    assert codes(data, select=["PL906", "PL907"]) == ["PL906", "PL907"]
    house = Config(params={"PL906": {"size": 15}, "PL907": {"font": "SimHei", "size": 15}})
    assert codes(data, select=["PL906", "PL907"], config=house) == []
    own_face = Config(params={"PL906": {"font": ["汉仪仿宋"], "size": 15}})
    [(_, _, _, _, message)] = findings(data, select=["PL906"], config=own_face)
    assert message == "正文应为汉仪仿宋、小三（15磅），有5段为方正仿宋_GBK、小三（15磅）"


def test_layout_rules_are_turned_off_by_their_category(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(saved(sample("正文：宋体 小四；纸张：B5")))
    assert {d.category for d in check_paths([str(path)], cache=False).diagnostics} == {"layout"}
    assert check_paths([str(path)], ignore=["layout"], cache=False).diagnostics == []
    (tmp_path / "planlint.toml").write_text('ignore = ["layout"]\n', encoding="utf-8")
    assert check_paths([str(path)], cache=False).diagnostics == []
    (tmp_path / "planlint.toml").unlink()
    result = CliRunner().invoke(main, ["check", "--no-cache", "--ignore", "layout", str(path)])
    assert result.exit_code == 0 and "PL9" not in result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_libreoffice_made_docx_gets_one_finding_per_cause(lang):
    report = check_paths([str(LIBREOFFICE)], select=["layout"], lang=lang, cache=False)
    assert not report.errors
    found = [(d.code, d.line) for d in report.diagnostics]
    assert found == [("PL902", 2), ("PL904", 2), ("PL916", 2), ("PL903", 5), ("PL906", 5), ("PL912", 31),
                     ("PL915", 31), ("PL907", 53), ("PL908", 55), ("PL909", 61), ("PL914", 181)]
    body = next(d for d in report.diagnostics if d.code == "PL906")
    assert ("43" in body.message) and ("DejaVu Sans Mono" in body.message)


def test_the_readme_s_house_style_is_a_configuration_that_does_what_it_says(tmp_path):
    import re

    from planlint.config import load_config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme[readme.index("setting a house style.**"):], re.S).group(1)
    (tmp_path / "planlint.toml").write_text(block, encoding="utf-8")
    house = load_config(str(tmp_path / "planlint.toml"))
    data = saved(sample("正文：仿宋 小三；三级标题：加粗；一级标题：汉仪黑体 三号；成文日期：右缩进2字"))
    assert codes(data, config=house) == []
    assert sorted(codes(data)) == ["PL906", "PL907", "PL915", "PL919"]


def test_a_centred_line_under_the_title_and_a_table_s_caption_are_no_element_and_are_left_alone():
    document = sample()
    byline = document.paragraphs[1].insert_paragraph_before()
    byline.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_fonts(byline.add_run("（2024年2月20日市教育局党组会议审议通过）")._r.get_or_add_rPr(), east_asia="楷体_GB2312",
                  size=16)
    caption = _paragraph(document, "南宁市教育局").insert_paragraph_before()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_fonts(caption.add_run("表1  2024年重点任务一览")._r.get_or_add_rPr(), east_asia="黑体", size=12)
    assert findings(saved(document)) == []


def test_word_s_page_numbers_in_dashes_are_hyphens_not_yi_zi_xian():
    document = sample("页码：{page}")
    document.sections[0]._sectPr.append(parse_xml(f'<w:pgNumType {nsdecls("w")} w:fmt="numberInDash"/>'))
    assert [message for *_, message in findings(saved(document), select=["PL916"])] == [
        "页码应为“— 1 —”，宋体、四号（14磅），实为“- 1 -”"]
