"""Word files for the layout tests, made with python-docx: the sample 公文 of
planlint.wordsample to change, and the XML a test needs set by hand (styles,
document defaults, theme fonts, fields, frames)."""

from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from planlint.api import check_upload
from planlint.config import Config
from planlint.wordsample import build


def sample(example: str = ""):
    """The sample 公文, laid out to GB/T 9704-2012 (changed as ``example`` says), opened to change further."""
    return docx.Document(io.BytesIO(build(example)))


def saved(document) -> bytes:
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def findings(data: bytes, select=("layout",), config: Config | None = None, lang: str = "zh",
             name: str = "draft.docx"):
    """(code, line, column, end column, message) of each diagnostic of a check of ``data``."""
    report, _ = check_upload(data, name, select=list(select), lang=lang, config=config or Config())
    assert not report.errors, report.errors
    return [(d.code, d.line, d.column, d.span.end_column, d.message) for d in report.diagnostics]


def codes(data: bytes, **options) -> list[str]:
    return [code for code, *_ in findings(data, **options)]


def set_run_fonts(run_properties, east_asia: str | None = None, ascii: str | None = None,
                  size: float | None = None, theme: str | None = None) -> None:
    """Set fonts and size on a w:rPr (a run's, a style's or the document defaults')."""
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None and (east_asia or ascii or theme):
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    if east_asia:
        fonts.set(qn("w:eastAsia"), east_asia)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    if ascii:
        fonts.set(qn("w:ascii"), ascii)
    if theme:
        fonts.set(qn("w:eastAsiaTheme"), theme)
    if size is not None:
        for old in run_properties.findall(qn("w:sz")):
            run_properties.remove(old)
        run_properties.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{round(size * 2)}"/>'))


def document_defaults(document):
    """The w:rPr of w:docDefaults (made if missing)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    return run_properties


def add_style(document, style_id: str, based_on: str | None = None, kind: str = "paragraph"):
    """A style of ``kind`` (paragraph or character), based on another; its w:rPr to set."""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    style = parse_xml(f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
                      f'{based}<w:rPr/></w:style>')
    document.styles.element.append(style)
    return style.find(qn("w:rPr"))


def use_style(paragraph, style_id: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{style_id}"/>'))


def page_field_simple(paragraph, before: str = "— ", after: str = " —") -> None:
    """A page number as a w:fldSimple between ``before`` and ``after``."""
    paragraph.add_run(before)
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE   \\* MERGEFORMAT ">'
                                  f'<w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    paragraph.add_run(after)


def complex_field(paragraph, code: str, result: str | None = "1") -> None:
    """A field as Word writes most: begin, its code, separate and the result it shows (None: none kept), end."""
    def run(inner: str) -> None:
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>'))

    run('<w:fldChar w:fldCharType="begin"/>')
    run(f'<w:instrText xml:space="preserve">{code}</w:instrText>')
    if result is not None:
        run('<w:fldChar w:fldCharType="separate"/>')
        run(f"<w:t>{result}</w:t>")
    run('<w:fldChar w:fldCharType="end"/>')
