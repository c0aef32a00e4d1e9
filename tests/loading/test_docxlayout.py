"""A .docx's layout as the reader resolves it: run → character style → paragraph
style → basedOn chain → document defaults, theme fonts, sections, footers and
their page numbers."""

from __future__ import annotations

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from planlint.loading import decode_source
from planlint.wordlayout import Indent
from wordfiles import (add_style, complex_field, document_defaults, page_field_simple, sample, saved,
                       set_run_fonts, use_style)


def _layout(document):
    source = decode_source("draft.docx", saved(document))
    return source.layout, source


def _fonts(paragraph):
    return [(run.east_asian_font, run.size) for run in paragraph.runs]


def test_each_property_comes_from_the_first_place_that_sets_it():
    document = docx.Document()
    set_run_fonts(document_defaults(document), east_asia="宋体", size=12)
    set_run_fonts(add_style(document, "Body1", based_on="Normal"), east_asia="仿宋_GB2312")
    set_run_fonts(add_style(document, "Body2", based_on="Body1"), size=16)
    set_run_fonts(add_style(document, "Stress", kind="character"), east_asia="黑体")
    styled = document.add_paragraph()
    use_style(styled, "Body2")
    styled.add_run("基于样式链")
    stressed = styled.add_run("字符样式")
    stressed._r.get_or_add_rPr().insert(0, parse_xml(f'<w:rStyle {nsdecls("w")} w:val="Stress"/>'))
    direct = styled.add_run("直接格式")
    set_run_fonts(direct._r.get_or_add_rPr(), east_asia="楷体_GB2312", size=15)
    document.add_paragraph("文档默认")
    layout, _ = _layout(document)
    assert _fonts(layout.paragraphs[0]) == [("仿宋_GB2312", 16), ("黑体", 16), ("楷体_GB2312", 15)]
    assert [(run.start, run.end) for run in layout.paragraphs[0].runs] == [(0, 5), (5, 9), (9, 13)]
    assert _fonts(layout.paragraphs[1]) == [("宋体", 12)]


def test_a_theme_font_is_the_theme_s_face_for_the_document_s_east_asian_script():
    document = docx.Document()  # python-docx's defaults: eastAsiaTheme="minorEastAsia", a theme without an ea face
    document.add_paragraph("主题字体")
    layout, _ = _layout(document)
    assert _fonts(layout.paragraphs[0]) == [("ＭＳ 明朝", 11)]  # its settings say the East Asian language is ja-JP
    document.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    layout, _ = _layout(document)
    assert _fonts(layout.paragraphs[0]) == [("宋体", 11)]


def test_a_theme_attribute_wins_over_the_face_named_beside_it():
    document = docx.Document()
    document.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    run = document.add_paragraph().add_run("两者都有")
    fonts = parse_xml(f'<w:rFonts {nsdecls("w")} w:eastAsia="仿宋_GB2312" w:eastAsiaTheme="majorEastAsia"/>')
    run._r.get_or_add_rPr().insert(0, fonts)
    layout, _ = _layout(document)
    assert _fonts(layout.paragraphs[0]) == [("宋体", 11)]


def test_a_file_without_a_theme_or_defaults_has_fonts_set_nowhere():
    document = docx.Document()
    defaults = document.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    document.add_paragraph("没有默认")
    layout, _ = _layout(document)
    assert _fonts(layout.paragraphs[0]) == [(None, 10)]  # Word's own default size


def test_values_word_would_not_write_count_as_not_set():
    document = docx.Document()
    run = document.add_paragraph().add_run("坏值")
    run._r.get_or_add_rPr().append(parse_xml(f'<w:sz {nsdecls("w")} w:val="大"/>'))
    spacing = parse_xml(f'<w:spacing {nsdecls("w")} w:line="many" w:lineRule="exact"/>')
    document.paragraphs[0]._p.get_or_add_pPr().append(spacing)
    layout, _ = _layout(document)
    assert layout.paragraphs[0].runs[0].size == 11  # the defaults'
    assert (layout.paragraphs[0].line_rule, layout.paragraphs[0].line) == ("auto", 276 / 240)


def test_a_tab_stop_list_is_no_text():
    document = docx.Document()
    paragraph = document.add_paragraph("有制表位的段落")
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(20))
    _, source = _layout(document)
    assert source.text == "有制表位的段落"


def test_paragraph_properties_and_sections_are_read_in_points_and_characters():
    layout, _ = _layout(sample())
    [section] = layout.sections
    assert (round(section.width / 72 * 25.4), round(section.height / 72 * 25.4)) == (210, 297)
    assert (round(section.text_width / 72 * 25.4), round(section.text_height / 72 * 25.4)) == (156, 225)
    date = layout.paragraphs[10]
    assert (date.alignment, date.right, date.line_rule, date.line) == ("right", Indent(64.0, 4.0), "exact", 28.0)
    assert layout.paragraphs[0].alignment == "center"
    assert layout.even_and_odd
    odd, even = section.footers["default"], section.footers["even"]
    assert (odd.text, odd.position, odd.placed, odd.right, odd.font, odd.size) == \
        ("— {PAGE} —", "right", "paragraph", Indent(14.0, 1.0), "宋体", 14)
    assert (even.position, even.left) == ("left", Indent(14.0, 1.0))


def test_sections_keep_their_lines_and_inherit_footers_they_do_not_have():
    document = sample()
    added = document.add_section(WD_SECTION.NEW_PAGE)  # its break: a paragraph closing the first section
    added.page_width, added.page_height = Mm(297), Mm(210)
    first_section_lines = len(document.paragraphs)
    document.add_paragraph("附表")
    layout, _ = _layout(document)
    assert [section.first_line for section in layout.sections] == [1, first_section_lines + 1]
    assert layout.paragraphs[-1].section == 1
    assert layout.sections[1].footers == layout.sections[0].footers


def test_a_page_field_in_any_form_is_found_with_its_text():
    document = docx.Document()
    page_field_simple(document.sections[0].footer.paragraphs[0], "第 ", " 页")
    layout, _ = _layout(document)
    number = layout.sections[0].footers["default"]
    assert (number.text, number.position, number.placed) == ("第 {PAGE} 页", "left", "paragraph")
    document = docx.Document()
    footer = document.sections[0].footer.paragraphs[0]
    complex_field(footer, " NUMPAGES ")
    layout, _ = _layout(document)
    assert layout.sections[0].footers["default"] is None  # the count of pages is no page number
    footer.add_run("- ")
    complex_field(footer, " PAGE \\* Arabic ", result=None)
    footer.add_run(" -")
    layout, _ = _layout(document)
    assert layout.sections[0].footers["default"].text == "1- {PAGE} -"


def test_a_page_number_placed_by_a_tab_stop_or_a_text_box():
    document = docx.Document()  # the Footer style has a centre and a right tab stop
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run("\t\t")
    page_field_simple(paragraph)
    layout, _ = _layout(document)
    number = layout.sections[0].footers["default"]
    assert (number.position, number.placed) == ("right", "tab")
    document = docx.Document()
    box = parse_xml(
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<v:shape style="position:absolute;mso-position-horizontal:outside;mso-position-horizontal-relative:margin"><v:textbox><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/>'
        f'</w:pPr><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:txbxContent>'
        f'</v:textbox></v:shape></w:pict>')
    document.sections[0].footer.paragraphs[0].add_run()._r.append(box)
    layout, _ = _layout(document)
    number = layout.sections[0].footers["default"]
    assert (number.text, number.position, number.placed) == ("{PAGE}", "outside", "box")
