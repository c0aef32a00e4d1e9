"""Word files made from a few words: the examples of layout rules.

A layout rule (category ``layout``) checks how a Word file looks, so its examples
describe one: a sample 公文 laid out to GB/T 9704-2012, changed as the example
says.  An example is settings, one a line (or separated by ；), ``what：how``:

    纸张：A4 | 176×250毫米                     页边距：上25 下25 左30 右30毫米
    行距：固定值28磅 | 单倍 | 1.5倍 | 最小值28磅  网格：每页22行 | 无
    页码：第{page}页 | — {page} — | 无           页码字体：Times New Roman 五号
    页码位置：奇右偶左 | 居中 | 居右 | 居左，and 空N字
    标题 主送 正文 一级标题 二级标题 三级标题 四级标题 附件说明 成文日期 附件标识 版记：
        a font (any name), a size (三号, 小四… or 16磅), 加粗, 不加粗, a colour (红色, 蓝色,
        黑色, #RRGGBB), 居中, 左对齐, 右对齐, 两端对齐, 右缩进N字, 左缩进N字, 首行缩进N字

``正文：宋体 小四`` is the sample with its body in 宋体 at 12 pt.  ``planlint test-rules``
and the test suite build each example and check it as a .docx.
"""

from __future__ import annotations

import io
import re
from typing import Any

_ROLE_KEYS = {"标题": "title", "主送": "recipient", "正文": "body", "一级标题": "heading-1", "二级标题": "heading-2",
              "三级标题": "heading-3", "四级标题": "heading-4", "附件说明": "attachment-note",
              "成文日期": "signing-date", "附件标识": "attachment-label", "版记": "imprint"}
_PAGE_KEYS = ("纸张", "页边距", "行距", "网格", "页码", "页码字体", "页码位置")
_SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
          "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5}
_COLOURS = {"红色": "FF0000", "蓝色": "0000FF", "黑色": "000000"}
_ALIGN = {"居中": "center", "左对齐": "left", "右对齐": "right", "两端对齐": "both"}
_PAPERS = {"A4": (210, 297), "B5": (176, 250), "Letter": (215.9, 279.4)}
_INDENT = re.compile(r"^(右|左|首行)缩进(\d+(?:\.\d+)?)字$")
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)(?:磅|pt)$")
_MARGIN = re.compile(r"(上|下|左|右)\s*(\d+(?:\.\d+)?)")
_SPACE = re.compile(r"空(\d+(?:\.\d+)?)字")
_FANGSONG, _HEITI, _KAITI = "仿宋_GB2312", "黑体", "楷体_GB2312"

# The sample: (role, text, and for a run-in heading the body text after its title).
_SAMPLE = (
    ("title", "南宁市教育局关于印发2024年工作要点的通知", ""),
    ("recipient", "各县（区）教育局，局属各学校：", ""),
    ("body", "现将《南宁市教育局2024年工作要点》印发给你们，请结合实际认真贯彻落实。", ""),
    ("heading-1", "一、总体要求", ""),
    ("body", "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。", ""),
    ("heading-2", "（一）加强党的建设。", "落实全面从严治党主体责任。"),
    ("heading-3", "1.强化政治引领。", "组织开展理论学习。"),
    ("heading-4", "（1）落实“第一议题”制度。", ""),
    ("attachment-note", "附件：2024年重点任务分工表", ""),
    ("body", "南宁市教育局", ""),
    ("signing-date", "2024年3月1日", ""),
    ("attachment-label", "附件", ""),
    ("attachment-title", "2024年重点任务分工表", ""),
    ("imprint", "抄送：市委办公室，市政府办公室。", ""),
    ("imprint", "南宁市教育局办公室　　　　　　　　2024年3月1日印发", ""),
)
_STANDARD = {"title": ("方正小标宋简体", 22), "heading-1": (_HEITI, 16), "heading-2": (_KAITI, 16),
             "attachment-label": (_HEITI, 16), "imprint": (_FANGSONG, 14)}


class SampleError(ValueError):
    """An example that is no description of a Word file: says which setting, in the example's words."""


def _settings(example: str) -> list[tuple[str, str]]:
    settings = []
    for line in re.split(r"[\n；]", example):
        line = line.strip()
        if not line:
            continue
        setting = re.fullmatch(r"([^：:]+)[：:](.*)", line)
        if setting is None:
            raise SampleError(f"“{line}”: no “：” between what and how")
        settings.append((setting[1].strip(), setting[2].strip()))
    return settings


def _run_settings(value: str) -> dict[str, Any]:
    """A role's setting: font, size, bold, colour, alignment and indents."""
    found: dict[str, Any] = {}
    font = []
    for token in value.split():
        points = _POINTS.match(token)
        indent = _INDENT.match(token)
        if token in _SIZES or points:
            found["size"] = _SIZES[token] if token in _SIZES else float(points[1])  # type: ignore[index]
        elif token in ("加粗", "不加粗"):
            found["bold"] = token == "加粗"
        elif token in _COLOURS or re.fullmatch(r"#[0-9A-Fa-f]{6}", token):
            found["colour"] = _COLOURS.get(token, token[1:].upper())
        elif token in _ALIGN:
            found["alignment"] = _ALIGN[token]
        elif indent:
            found[{"右": "right", "左": "left", "首行": "first_line"}[indent[1]]] = float(indent[2])
        else:
            font.append(token)
    if font:
        found["font"] = " ".join(font)
    return found


def build(example: str) -> bytes:
    """The .docx an example describes; SampleError when it describes none."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm

    settings = _settings(example)
    roles: dict[str, dict[str, Any]] = {}
    page: dict[str, str] = {}
    for key, value in settings:
        if key in _ROLE_KEYS:
            roles.setdefault(_ROLE_KEYS[key], {}).update(_run_settings(value))
        elif key in _PAGE_KEYS:
            page[key] = value
        else:
            raise SampleError(f"“{key}”: not one of {'、'.join([*_ROLE_KEYS, *_PAGE_KEYS])}")
    document = docx.Document()
    section = document.sections[0]
    width, height = _paper(page.get("纸张", "A4"))
    section.page_width, section.page_height = Mm(width), Mm(height)
    margins = {"上": 37.0, "下": 35.0, "左": 28.0, "右": 26.0}
    margins.update({side: float(value) for side, value in _MARGIN.findall(page.get("页边距", ""))})
    section.top_margin, section.bottom_margin = Mm(margins["上"]), Mm(margins["下"])
    section.left_margin, section.right_margin = Mm(margins["左"]), Mm(margins["右"])
    spacing = _spacing(page.get("行距", "固定值28磅"))
    if page.get("网格", "无") != "无":
        lines = re.fullmatch(r"每页(\d+)行", page["网格"])
        if lines is None:
            raise SampleError(f"“网格：{page['网格']}”: 每页N行 or 无")
        pitch = round((height - margins["上"] - margins["下"]) / 25.4 * 1440 / int(lines[1]))
        grid = section._sectPr.find(qn("w:docGrid"))
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(pitch))
    for role, text, rest in _SAMPLE:
        paragraph = document.add_paragraph()
        setting = roles.get(role, {})
        _paragraph_format(paragraph, role, setting, spacing, qn)
        _add_run(paragraph, text, {**_standard(role), **setting}, qn)
        if rest:
            _add_run(paragraph, rest, {**_standard("body"), **roles.get("body", {})}, qn)
    _footers(document, page, qn)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def _paper(value: str) -> tuple[float, float]:
    if value in _PAPERS:
        return _PAPERS[value]
    size = re.fullmatch(r"(\d+(?:\.\d+)?)\s*[×x*]\s*(\d+(?:\.\d+)?)\s*(?:毫米|mm)?", value)
    if size is None:
        raise SampleError(f"“纸张：{value}”: {'、'.join(_PAPERS)} or 宽×高毫米")
    return float(size[1]), float(size[2])


def _spacing(value: str) -> tuple[str, str]:
    """(w:lineRule, w:line) of a 行距 setting."""
    fixed = re.fullmatch(r"(固定值|最小值)(\d+(?:\.\d+)?)磅", value)
    if fixed:
        return ("exact" if fixed[1] == "固定值" else "atLeast"), str(round(float(fixed[2]) * 20))
    multiple = re.fullmatch(r"(单|\d+(?:\.\d+)?)倍", value)
    if multiple:
        return "auto", str(round((1.0 if multiple[1] == "单" else float(multiple[1])) * 240))
    raise SampleError(f"“行距：{value}”: 固定值N磅, 最小值N磅, 单倍 or N倍")


def _standard(role: str) -> dict[str, Any]:
    font, size = _STANDARD.get(role, (_FANGSONG, 16))
    return {"font": font, "size": size}


def _paragraph_format(paragraph, role: str, setting: dict, spacing: tuple[str, str], qn) -> None:
    from docx.oxml import OxmlElement

    ppr = paragraph._p.get_or_add_pPr()
    line = OxmlElement("w:spacing")
    line.set(qn("w:after"), "0")
    line.set(qn("w:line"), spacing[1])
    line.set(qn("w:lineRule"), spacing[0])
    ppr.append(line)
    indents = {"right": 4.0} if role == "signing-date" else {"first_line": 2.0} if role in ("body", "attachment-note") \
        else {}
    indents.update({key: setting[key] for key in ("right", "left", "first_line") if key in setting})
    if indents:
        indent = OxmlElement("w:ind")
        for key, chars in indents.items():
            name = {"right": "w:right", "left": "w:left", "first_line": "w:firstLine"}[key]
            indent.set(qn(name + "Chars"), str(round(chars * 100)))
            indent.set(qn(name), str(round(chars * 16 * 20)))
        ppr.append(indent)
    alignment = setting.get("alignment", {"title": "center", "signing-date": "right"}.get(role))
    if alignment:
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), alignment)
        ppr.append(jc)


def _add_run(paragraph, text: str, setting: dict, qn) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), setting["font"])
    run.font.size = Pt(setting["size"])
    run.font.bold = setting.get("bold", False)
    if "colour" in setting:
        run.font.color.rgb = RGBColor.from_string(setting["colour"])
    return run


def _footers(document, page: dict[str, str], qn) -> None:
    """Page numbers as §7.5 has them (odd pages right, even left, one character in), or as ``page`` says."""
    text = page.get("页码", "— {page} —")
    if text == "无":
        return
    if "{page}" not in text:
        raise SampleError(f"“页码：{text}”: the number is {{page}}")
    place = page.get("页码位置", "奇右偶左")
    space = _SPACE.search(place)
    chars = float(space[1]) if space else 1.0
    place = _SPACE.sub("", place).strip()
    sides = {"奇右偶左": ("right", "left"), "居中": ("center", None), "居右": ("right", None), "居左": ("left", None)}
    if place not in sides:
        raise SampleError(f"“页码位置：{place}”: {'、'.join(sides)}")
    odd, even = sides[place]
    setting = {"font": "宋体", "size": 14, **_run_settings(page.get("页码字体", ""))}
    section = document.sections[0]
    _page_paragraph(section.footer.paragraphs[0], text, odd, chars, setting, qn)
    if even is not None:
        document.settings.odd_and_even_pages_header_footer = True
        _page_paragraph(section.even_page_footer.paragraphs[0], text, even, chars, setting, qn)


def _page_paragraph(paragraph, text: str, side: str, chars: float, setting: dict, qn) -> None:
    from docx.oxml import OxmlElement

    before, after = text.split("{page}", 1)
    ppr = paragraph._p.get_or_add_pPr()
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), side)
    ppr.append(jc)
    if side != "center":
        indent = OxmlElement("w:ind")
        indent.set(qn(f"w:{side}Chars"), str(round(chars * 100)))
        indent.set(qn(f"w:{side}"), str(round(chars * setting["size"] * 20)))
        ppr.append(indent)
    _add_run(paragraph, before, setting, qn)
    for kind, code in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        run = _add_run(paragraph, "1" if kind is None and code is None else "", setting, qn)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif code is not None:
            instruction = OxmlElement("w:instrText")
            instruction.text = code
            run._r.append(instruction)
    _add_run(paragraph, after, setting, qn)
