"""PDF input: PDFs written here by hand (tests/pdfmake.py), for text, positions
and every kind of broken file; PDFs Chromium prints from the seeds are in
test_pdf_printed.py."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import planlint.loading.pdf as pdf_reader
from pdfmake import Line, paragraphs, pdf
from planlint.api import check_paths
from planlint.cli import main
from planlint.loading import DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, decode_source, discover, read_source
from planlint.reporters import error_line

LIMIT = DEFAULT_MAX_FILE_SIZE


def lines_of(data: bytes) -> list[str]:
    return pdf_reader.read_pdf(data, LIMIT).lines


def failure(data: bytes, limit: int = LIMIT):
    found = decode_source("x.pdf", data, limit)
    return found.reason, found.detail


def test_chinese_text_and_its_punctuation_are_read_as_written():
    text = "（一）主要目标。到2025年，建成《规划》中的100所“示范校”：完成率达95%；好！"
    assert lines_of(pdf([paragraphs([text])])) == [text]


def test_kangxi_radicals_a_font_maps_its_glyphs_to_are_read_as_the_ideographs():
    # ⼯ ⼤ ⽂ (Kangxi radicals) and ⻚ ⻓ ⺠ ⻳ (their supplement) look like 工 大 文 页 长 民 龟
    assert lines_of(pdf([[Line(80, 105, "⼯作⼤会⽂件第⻚⻓期⺠办⻳")]])) == ["工作大会文件第页长期民办龟"]


def spaced(text: str, left: float, step: float) -> list[Line]:
    return [Line(left + index * step, 105, char) for index, char in enumerate(text)]


def test_letter_spacing_is_no_space_and_a_wider_gap_is_one():
    # Justified Chinese text spreads its characters; a word gap is wider still.
    word = spaced("2019年工作计划", 80, 20)
    assert lines_of(pdf([word + spaced("Plan", 80 + 8 * 20 + 24, 20)])) == ["2019年工作计划 Plan"]


HEADER = Line(230, 40, "测试市教育局文件2018.3.19", 12)


def two_pages() -> bytes:
    """A header on both pages, page numbers, a paragraph that runs over onto its
    second line with a date on it, and a heading out of order on page 2."""
    first = paragraphs(["一、总体要求", "坚持稳中求进工作总基调，全面贯彻党的教育方针，计划于今年即20186月完成全市学校布局调整。"])
    second = paragraphs(["三、保障措施", "加强组织领导。"])
    return pdf([[HEADER, *first, Line(272, 790, "第 1 页 共 2 页", 14)],
                [HEADER, *second, Line(272, 790, "第 2 页 共 2 页", 14)]])


@pytest.fixture
def two_page_pdf(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(two_pages())
    return path


def test_the_text_is_rebuilt_without_headers_and_page_numbers(two_page_pdf):
    source = read_source(str(two_page_pdf))
    assert source.format == "pdf"
    assert source.text.split("\n") == [
        "一、总体要求", "坚持稳中求进工作总基调，全面贯彻党的教育方针，计划于今年即20186月完成全市学校布局调整。",
        "三、保障措施", "加强组织领导。"]


def test_findings_give_the_rebuilt_line_and_the_page_and_line_on_it(two_page_pdf):
    report = check_paths([str(two_page_pdf)], select=["PL101", "PL302"], cache=False)
    found = [(d.code, d.line, d.column, d.page) for d in report.diagnostics]
    # 20186月 is at column 30 of the paragraph, on its second printed line (columns 27-54): page 1, line 4
    # (the header is line 1, 一、总体要求 line 2)
    assert found == [("PL302", 2, 30, (1, 4)), ("PL101", 3, 1, (2, 2))]
    assert report.files[0].excerpts[2].startswith("坚持稳中求进工作总基调")  # the rebuilt line, whole


def test_every_format_says_where_on_the_pages(two_page_pdf):
    def run(*options):
        return CliRunner().invoke(main, ["check", "--select", "PL101", *options, str(two_page_pdf)])

    row = json.loads(run("--format", "json").stdout)[0]
    assert (row["line"], row["column"], row["page"], row["page_line"]) == (3, 1, 2, 2)
    region = json.loads(run("--format", "sarif").stdout)["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"]["region"]
    assert region["startLine"] == 3 and region["properties"] == {"lineUnit": "paragraph", "page": 2, "pageLine": 2}
    assert run("--format", "concise", "--lang", "en").stdout.splitlines()[0].endswith(
        "found “三、” (missing 二、) (page 2, line 2)")
    text = run().stdout
    assert "（第 2 页第 2 行）" in text and "    3 │ 三、保障措施" in text


def test_a_running_header_is_not_checked(two_page_pdf):
    alone = CliRunner().invoke(main, ["check", "--format", "json", "-"], input="测试市教育局文件2018.3.19\n")
    assert json.loads(alone.stdout)  # the header, as text, has a finding
    rows = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(two_page_pdf)]).stdout)
    assert all(row["line"] != 1 or row["page_line"] != 1 for row in rows) and rows


def test_results_kept_in_the_cache_keep_their_pages(two_page_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = check_paths([str(two_page_pdf)], select=["PL101"])
    again = check_paths([str(two_page_pdf)], select=["PL101"])
    assert [d.page for d in again.diagnostics] == [d.page for d in first.diagnostics] == [(2, 2)]


def test_a_scan_has_its_own_message():
    scanned = pdf([[], []], images=True)
    assert failure(scanned) == ("pdf-no-text", "pages: 2")
    numbered = pdf([[Line(280, 790, "— 1 —", 14)]], images=True)  # a scanner stamped page numbers: still a scan
    assert failure(numbered)[0] == "pdf-no-text"
    zh = error_line(decode_source("扫描件.pdf", scanned), "zh")
    assert zh == "错误: 扫描件.pdf: 没有文字层（可能是扫描件或图片），无法检查；planlint 不做文字识别（OCR），请检查原稿或带文字的 PDF"
    assert "has no text layer (a scan, or images of pages)" in error_line(decode_source("a.pdf", scanned), "en")


def bomb(megabytes: int) -> bytes:
    """A page whose content inflates to ``megabytes`` MB, mostly spaces (about 1000:1)."""
    return pdf([[Line(80, 105, "一、总体要求")]], filler=megabytes)


@pytest.mark.parametrize("make, reason", [
    (lambda: b"<!doctype html><html><body>not a PDF</body></html>", "not-pdf"),
    (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt-pdf"),
    (lambda: pdf([]), "corrupt-pdf"),
    (lambda: pdf([paragraphs(["一、总体要求"])], passwords=("owner", "user")), "encrypted-pdf"),
    (lambda: bomb(200), "pdf-bomb"),
], ids=["html", "garbage", "no-pages", "password", "bomb"])
def test_a_pdf_that_cannot_be_read_says_why(make, reason):
    assert failure(make())[0] == reason


def test_a_pdf_that_forbids_copying_is_read_all_the_same():
    assert lines_of(pdf([paragraphs(["一、总体要求"])], passwords=("owner", ""))) == ["一、总体要求"]


def test_the_size_limit_bounds_what_a_pdf_inflates_to_and_its_text(monkeypatch):
    assert failure(bomb(3), limit=2 * 2**20) == ("pdf-too-large", "its text streams inflate to over 2 MB")
    long = pdf([paragraphs(["坚持稳中求进工作总基调。" * 400])])
    assert failure(long, limit=10_000) == ("pdf-too-large", "over 3,333 characters of text")
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    assert failure(pdf([[Line(80, 105, "一")]] * 4)) == ("pdf-too-large", "4 pages > 3")


def test_fix_never_writes_a_pdf(two_page_pdf):
    before = two_page_pdf.read_bytes()
    for option in ("--fix", "--diff"):
        result = CliRunner().invoke(main, ["check", option, "--lang", "en", str(two_page_pdf)])
        assert result.exit_code == 2 and "fixes are never written into PDF files" in result.stderr
    assert two_page_pdf.read_bytes() == before


def test_directories_include_pdfs_and_old_word_files_only_when_asked(tmp_path):
    for name in ("a.pdf", "b.doc", "c.wps", "d.txt", "e.odt", "f.PDF"):
        (tmp_path / name).write_bytes(b"")
    assert [path.rsplit("/", 1)[1] for path in discover([str(tmp_path)])] == ["a.pdf", "d.txt", "f.PDF"]
    asked = discover([str(tmp_path)], (*DEFAULT_INCLUDE, ".doc", ".wps"))
    assert [path.rsplit("/", 1)[1] for path in asked] == ["a.pdf", "b.doc", "c.wps", "d.txt", "f.PDF"]
    assert [path.rsplit("/", 1)[1] for path in discover([str(tmp_path / "b.doc")])] == ["b.doc"]  # named: checked


def _chars(text, left=0.0, width=10.0, gaps=None):
    """Characters set in a row, each ``width`` wide, with ``gaps`` (index → extra gap before it)."""
    chars, x = [], left
    for index, char in enumerate(text):
        x += (gaps or {}).get(index, 0.0)
        chars.append(pdf_reader._Char(char, x, 0.0, x + width, 10.0))
        x += width
    return chars


def test_the_gap_a_word_processor_sets_between_chinese_and_figures_is_no_space():
    # 全省2017年: LibreOffice, Word and WPS set about a quarter of a character on each side of 2017
    chars = _chars("全省2017年", gaps={2: 2.5, 6: 2.5})
    spaced = [chars[0], chars[1], None, *chars[2:6], None, chars[6]]
    assert pdf_reader._line(spaced, 100.0).text == "全省2017年"
    wide = _chars("全省2017年", gaps={2: 8.0})  # a real gap, most of a character: a space
    assert pdf_reader._line([wide[0], wide[1], None, *wide[2:]], 100.0).text == "全省 2017年"


def test_quotation_marks_drawn_after_the_line_are_read_in_their_places():
    body = _chars("做好国培计划工作")
    opening = pdf_reader._Char("“", 20.0, 0.0, 30.0, 10.0)
    closing = pdf_reader._Char("”", 60.0, 0.0, 70.0, 10.0)
    moved = [*(_chars("做好", 0.0)), *(_chars("国培计划", 30.0)), *(_chars("工作", 70.0)), opening, closing]
    assert pdf_reader._line(moved, 100.0).text == "做好“国培计划”工作"
    assert pdf_reader._line(body, 100.0).text == "做好国培计划工作"
