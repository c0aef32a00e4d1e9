""".docx input: paragraphs as lines, Word's automatic numbering rendered, tables,
broken files, and the same diagnostics as the text form of each seed."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from planlint.api import check_paths
from planlint.cli import main
from planlint.failures import Failure
from planlint.loading import decode_source, read_source
from planlint.loading.docx import DocxText, format_number, read_docx
from planlint.loading.errors import ReadError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# 一、 at level 0 (chineseCounting), （一） at level 1, 1. at level 2 (decimal).
ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {nsdecls("w")} w:numId="{{num_id}}"><w:abstractNumId w:val="90"/>{{override}}</w:num>'
RESTART = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>'


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def build(path: Path, items, nums=((91, ""),), table=None) -> Path:
    """``items``: (text, (num_id, ilvl) or None); ``nums``: (num_id, override xml)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    for num_id, override in nums:
        numbering.append(parse_xml(NUM.format(num_id=num_id, override=override)))
    for text, numbered in items:
        paragraph = document.add_paragraph(text)
        if numbered:
            _numbered(paragraph, *numbered)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    document.save(path)
    return path


def test_automatic_numbering_is_rendered_as_word_renders_it(tmp_path):
    path = build(tmp_path / "auto.docx", [
        ("某县教育局2024年工作要点", None),
        ("总体要求", (91, 0)),
        ("指导思想", (91, 1)),
        ("坚持党的领导。", (91, 2)),
        ("坚持改革创新。", (91, 2)),
        ("基本原则", (91, 1)),
        ("依法治教。", (91, 2)),
        ("主要任务", (91, 0)),
        ("学前教育", (91, 1)),
    ])
    source = read_source(str(path))
    assert source.text.split("\n") == ["某县教育局2024年工作要点", "一、总体要求", "（一）指导思想", "1.坚持党的领导。",
                                       "2.坚持改革创新。", "（二）基本原则", "1.依法治教。", "二、主要任务", "（一）学前教育"]
    assert {line: auto.length for line, auto in source.automatic.items()} == \
        {2: 2, 3: 3, 4: 2, 5: 2, 6: 3, 7: 2, 8: 2, 9: 3}
    assert [source.automatic[line].level for line in range(2, 10)] == [0, 1, 2, 2, 1, 2, 0, 1]
    report = check_paths([str(path)], select=["PL1"])
    assert report.diagnostics == []


def test_start_override_restarts_the_list_and_a_wrong_restart_is_found(tmp_path):
    path = build(tmp_path / "restart.docx", [
        ("总体要求", (91, 0)),
        ("指导思想", (91, 1)),
        ("基本原则", (92, 1)),  # a new list instance that restarts level 2 by mistake
    ], nums=((91, ""), (92, RESTART)))
    assert read_source(str(path)).text.split("\n") == ["一、总体要求", "（一）指导思想", "（一）基本原则"]
    [diagnostic] = check_paths([str(path)], select=["PL102"]).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.span.end_column) == (3, 1, 2)  # the paragraph's start
    assert "（一）" in diagnostic.message and diagnostic.fix is None


def test_lists_sharing_a_definition_continue(tmp_path):
    path = build(tmp_path / "continue.docx", [("甲", (91, 0)), ("乙", (92, 0))], nums=((91, ""), (92, "")))
    assert read_source(str(path)).text.split("\n") == ["一、甲", "二、乙"]


def test_typed_and_automatic_markers_are_flagged(tmp_path):
    from planlint.outline.parser import parse

    path = build(tmp_path / "mixed.docx", [("总体要求", (91, 0)), ("二、主要任务", None)])
    source = read_source(str(path))
    document = parse(source.text, source.path, source.automatic)
    assert [node.marker.automatic for node in document.headings()] == [True, False]


def test_table_paragraphs_are_lines_but_never_headings(tmp_path):
    path = build(tmp_path / "table.docx", [("一、主要任务", None), ("1.扩大资源。", None)],
                 table=[["序号", "任务"], ["3.", "新建幼儿园"]])
    source = read_source(str(path))
    assert source.text.split("\n") == ["一、主要任务", "1.扩大资源。", "序号", "任务", "3.", "新建幼儿园"]
    assert source.in_table == frozenset({3, 4, 5, 6})
    assert check_paths([str(path)], select=["PL1"]).diagnostics == []


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name[:3] for seed in SEEDS])
def test_each_seed_as_docx_gives_the_same_diagnostics(tmp_path, seed):
    document = docx.Document()
    for line in seed.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line.replace("\x0c", ""))
    path = tmp_path / (seed.stem + ".docx")
    document.save(path)
    as_text = check_paths([str(seed)])
    as_docx = check_paths([str(path)], ignore=["layout"])  # a .txt has no layout to check
    assert not as_docx.errors
    assert [(d.code, d.line, d.column) for d in as_docx.diagnostics] == \
        [(d.code, d.line, d.column) for d in as_text.diagnostics]


def test_a_real_office_made_docx(tmp_path):
    made = ROOT / "tests" / "data" / "docx" / "003_libreoffice.docx"
    seed = next(s for s in SEEDS if s.name.startswith("003"))
    assert [(d.code, d.line, d.column) for d in check_paths([str(made)], ignore=["layout"]).diagnostics] == \
        [(d.code, d.line, d.column) for d in check_paths([str(seed)]).diagnostics]


def test_broken_word_files_are_named_and_the_run_goes_on(tmp_path, ole_file, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no LibreOffice to convert the .doc (tests/loading/test_convert.py)
    (tmp_path / "cut.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "old.doc").write_bytes(ole_file("WordDocument"))
    (tmp_path / "locked.docx").write_bytes(ole_file("EncryptedPackage"))
    (tmp_path / "good.txt").write_text("一、甲。正文\n三、乙。正文\n", encoding="utf-8")
    report = check_paths([str(tmp_path / name) for name in ("cut.docx", "old.doc", "locked.docx", "good.txt")],
                         select=["PL101"])
    assert [(Path(e.path).name, e.reason) for e in report.errors] == [
        ("cut.docx", "truncated-docx"), ("old.doc", "doc-format"), ("locked.docx", "encrypted")]
    assert [d.code for d in report.diagnostics] == ["PL101"]
    result = CliRunner().invoke(main, ["check", str(tmp_path / "old.doc")])
    assert result.exit_code == 2 and "请另存为 .docx" in result.stderr and "Traceback" not in result.output


def test_fix_is_refused_for_docx_and_nothing_is_written(tmp_path):
    path = build(tmp_path / "draft.docx", [("南教办[2018]23号", None)])
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["check", "--fix", "--lang", "en", str(path)])
    assert result.exit_code == 2
    assert "fixes are never written into Word files" in result.stderr
    assert path.read_bytes() == before


def test_number_formats():
    assert [format_number(11, fmt) for fmt in ("decimal", "chineseCounting", "ideographDigital",
                                               "decimalEnclosedCircle", "upperRoman", "lowerLetter", "decimalZero")] \
        == ["11", "十一", "一一", "⑪", "XI", "k", "11"]
    assert format_number(3, "bullet") is None


def test_numbering_carried_by_a_paragraph_style(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    path = build(tmp_path / "styled.docx", [])
    document = docx.Document(path)
    style = document.styles.add_style("PlanLevel1", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
    child = document.styles.add_style("PlanLevel1Bold", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = style
    for text, name in (("总体要求", "PlanLevel1"), ("主要任务", "PlanLevel1Bold"), ("正文。", "Normal")):
        document.add_paragraph(text, style=name)
    document.save(path)
    assert read_source(str(path)).text.split("\n") == ["一、总体要求", "二、主要任务", "正文。"]


DECIMAL_TWICE = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="80">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>"""


def test_two_list_levels_rendered_alike_nest_as_word_nests_them(tmp_path):
    """LibreOffice exports nested HTML lists as "1." at every level; Word's ilvl keeps them apart."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(DECIMAL_TWICE))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="81"><w:abstractNumId w:val="80"/></w:num>'))
    for text, level in (("加强党的建设", 0), ("深入学习。", 1), ("加强基层党建。", 1), ("深化教育改革", 0), ("强化督导。", 1)):
        _numbered(document.add_paragraph(text), 81, level)
    path = tmp_path / "alike.docx"
    document.save(path)
    assert read_source(str(path)).text.split("\n") == ["1.加强党的建设", "1.深入学习。", "2.加强基层党建。",
                                                       "2.深化教育改革", "1.强化督导。"]
    from planlint.api import parse_path

    outline = parse_path(str(path))
    assert [(node.marker.raw, [child.marker.raw for child in node.children]) for node in outline.root.children] == \
        [("1.", ["1.", "2."]), ("2.", ["1."])]
    assert check_paths([str(path)], select=["PL1"]).diagnostics == []


# --- hostile packages: bounded before anything is unpacked ---

def _repacked(source: Path, replace: dict, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The parts of ``source``, some replaced (name → bytes), packed again."""
    stream = io.BytesIO()
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(stream, "w", method) as out:
        for name in package.namelist():
            out.writestr(name, replace.get(name, package.read(name)))
    return stream.getvalue()


def _declare(data: bytes, name: str, size: int, crc: int) -> bytes:
    """``data`` with the size and CRC that its index declares for ``name`` changed."""
    at = data.index(b"PK\x01\x02")  # the index's first entry
    while data[at + 46:at + 46 + len(name)] != name.encode():
        at = data.index(b"PK\x01\x02", at + 1)
    return data[:at + 16] + struct.pack("<I", crc) + data[at + 20:at + 24] + struct.pack("<I", size) + data[at + 28:]


BODY = f'<w:document {nsdecls("w")}><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>'.encode()


def _read(data: bytes, name: str = "x.docx", limit: int = 100 * 2**20):
    try:
        return read_docx(name, data, limit)
    except ReadError as error:
        return error.reason, error.detail


def test_a_part_that_unpacks_far_past_its_packed_size_is_a_bomb(tmp_path):
    source = build(tmp_path / "a.docx", [("一、总体要求", None)])
    spaces = BODY + b" " * (8 * 2**20) + b"</w:body></w:document>"
    reason, detail = _read(_repacked(source, {"word/document.xml": spaces}))
    assert reason == "docx-bomb" and detail.startswith("word/document.xml 10") and detail.endswith(":1")
    # the same part stored, not packed, is merely big
    assert isinstance(_read(_repacked(source, {"word/document.xml": spaces}, zipfile.ZIP_STORED)), DocxText)


def test_what_a_package_unpacks_to_is_held_to_the_size_limit(tmp_path):
    source = build(tmp_path / "a.docx", [("一、总体要求。" + "坚持立德树人，" * 60_000, None)])  # 1.3 MB + 0.8 MB of styles
    assert _read(source.read_bytes(), limit=2**20) == ("docx-too-large", "2.0 MB > 1 MB")
    assert isinstance(_read(source.read_bytes(), limit=3 * 2**20), DocxText)


def test_a_part_that_holds_more_than_it_declares_is_refused_unread(tmp_path):
    source = build(tmp_path / "a.docx", [("一、总体要求", None)])
    data = _repacked(source, {"word/document.xml": BODY + b" " * (16 * 2**20) + b"</w:body></w:document>"})
    lying = _declare(data, "word/document.xml", 1024, zlib.crc32(BODY + b" " * (1024 - len(BODY))))
    assert _read(lying) == ("corrupt-docx", "")
    short = _declare(source.read_bytes(), "word/document.xml", 10**6, 0)
    assert _read(short) == ("corrupt-docx", "")


def test_parts_packed_as_word_never_packs_them_are_refused(tmp_path):
    source = build(tmp_path / "a.docx", [("一、总体要求", None)])
    assert _read(_repacked(source, {}, zipfile.ZIP_BZIP2)) == ("corrupt-docx", "")


def test_a_zip_that_lists_more_parts_than_any_word_file_is_not_opened(tmp_path):
    data = build(tmp_path / "a.docx", [("一、总体要求", None)]).read_bytes()
    end = data.rindex(b"PK\x05\x06")
    many = data[:end + 8] + struct.pack("<HH", 60000, 60000) + data[end + 12:]
    assert _read(many) == ("docx-bomb", "60000 parts")
    assert _read(data[:end]) == ("truncated-docx", "")


def test_a_macro_enabled_document_or_template_is_named(tmp_path):
    source = build(tmp_path / "a.docx", [("一、总体要求", None)])
    with zipfile.ZipFile(source) as package:
        types = package.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main", b"wordprocessingml.template.main")
    assert _read(_repacked(source, {"[Content_Types].xml": types})) == ("not-word.word-variant", "")


@pytest.mark.parametrize("name, reason", [("x.docx", "not-word.xls"), ("x.doc", "doc-format")])
def test_an_ole_file_is_named_by_its_streams_and_a_doc_by_its_name(ole_file, name, reason):
    assert _read(ole_file("Workbook" if name == "x.docx" else "Contents"), name) == (reason, "")


def test_a_doc_that_is_really_a_docx_is_read(tmp_path):
    path = build(tmp_path / "a.docx", [("一、总体要求", None)])
    assert read_source(str(path.rename(tmp_path / "a.doc"))).text == "一、总体要求"


HOSTILE_LEVEL = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="{{start}}"/><w:numFmt w:val="{{fmt}}"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>"""


@pytest.mark.parametrize("start, fmt, first", [("999999999999", "lowerLetter", "999999999999."),
                                              ("2000", "lowerLetter", "2000."),
                                              ("40000", "upperRoman", "40000."),
                                              ("27", "lowerLetter", "aa.")])
def test_list_numbers_past_word_s_limits_stay_short(tmp_path, start, fmt, first):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(HOSTILE_LEVEL.format(start=start, fmt=fmt)))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'))
    _numbered(document.add_paragraph("总体要求"), 91, 0)
    document.save(tmp_path / "a.docx")
    assert read_source(str(tmp_path / "a.docx")).text == first + "总体要求"


def test_a_list_level_that_is_no_number_is_a_damaged_file(tmp_path):
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(HOSTILE_LEVEL.format(start="one", fmt="decimal")))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'))
    _numbered(document.add_paragraph("总体要求"), 91, 0)
    document.save(tmp_path / "a.docx")
    assert read_source(str(tmp_path / "a.docx")).reason == "corrupt-docx"


def test_a_zip64_end_record_is_read_for_the_count_of_parts(tmp_path):
    data = build(tmp_path / "a.docx", [("一、总体要求", None)]).read_bytes()
    end = data.rindex(b"PK\x05\x06")
    parts, size, offset = struct.unpack_from("<HII", data, end + 10)

    def zip64(count: int) -> bytes:
        record = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
        locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
        return data[:end] + record + locator + data[end:end + 8] + struct.pack("<HH", 0xFFFF, 0xFFFF) + data[end + 12:]

    assert _read(zip64(70_000)) == ("docx-bomb", "70000 parts")
    assert _read(zip64(parts)).lines == ["一、总体要求"]


def test_random_damage_to_a_word_file_is_always_named(tmp_path):
    """Bytes flipped and files cut short: every outcome is text or a reason, never an exception."""
    import random

    good = build(tmp_path / "a.docx", [("总体要求", (91, 0)), ("指导思想", (91, 1))], table=[["一、表"]]).read_bytes()
    rng = random.Random(20261128)
    reasons = set()
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.choice([1, 4, 32])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        result = decode_source("x.docx", bytes(data[:rng.randrange(len(data))] if rng.random() < 0.2 else data))
        reasons.add(result.reason if isinstance(result, Failure) else "read")
    assert {"corrupt-docx", "truncated-docx"} <= reasons
