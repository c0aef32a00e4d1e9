"""PDFs as a browser prints them: the seeds, laid out as an official document (A4,
16 pt body text with its first-line indents, a running header and page numbers)
by Debian's Chromium over the DevTools protocol (tests/cdp.py, tests/pdfprint.py).
Chromium embeds the fonts (Noto CJK subsets) with their own Unicode maps, and its
text runs hold no spaces: these are the PDFs of the real world, not of pdfmake.
Skipped where no Chromium is installed."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from collections import Counter
from pathlib import Path

import pytest

from pdfprint import plan_html, print_pdf
from planlint.api import check_paths
from planlint.loading import read_source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

pytestmark = pytest.mark.slow


def findings(path: Path) -> Counter:
    """Each finding as the rule and the text it flags (lines are numbered
    differently in a PDF: blank lines are gone), with its count when aggregated."""
    lines = read_source(str(path)).text.split("\n")
    found: Counter = Counter()
    for d in check_paths([str(path)], cache=False).diagnostics:
        span = d.span
        flagged = lines[span.line - 1][span.column - 1:span.end_column - 1 if span.end_line == span.line else None]
        found[(d.code, flagged.strip(), d.occurrences)] += 1
    return found


@pytest.fixture(scope="module")
def printed_seeds(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    return {seed: print_pdf(browser, plan_html(seed.read_text(encoding="utf-8")), folder / (seed.stem + ".pdf"),
                            header="南宁市教育局文件", footer="— {page} —") for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name[:3] for seed in SEEDS])
def test_a_seed_printed_to_pdf_has_the_findings_of_its_text(printed_seeds, seed):
    printed = printed_seeds[seed]
    assert findings(printed) == findings(seed)
    # and its text is the seed's, paragraph for paragraph (the seed's blank lines aside; a space
    # where a line wraps is not printed, so spaces are not compared)
    assert [re.sub(r"\s", "", line) for line in read_source(str(printed)).text.split("\n")] == [
        re.sub(r"\s", "", line) for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_running_headers_and_page_numbers_are_not_checked_and_positions_count_on_the_page(browser, tmp_path):
    # The header would be a finding of its own (PL601: [2018] in a 发文字号), on every page.
    seed = next(seed for seed in SEEDS if seed.name.startswith("001"))
    text = "\n".join(seed.read_text(encoding="utf-8").splitlines()[:20]) + "\n\f\n四、保障措施\n加强组织领导。\n"
    printed = print_pdf(browser, plan_html(text), tmp_path / "two.pdf", header="南教办[2018]23号", footer="- {page} -")
    source = read_source(str(printed))
    assert not any("南教办" in line or re.fullmatch(r"- \d+ -", line) for line in source.text.split("\n"))
    report = check_paths([str(printed)], cache=False)
    assert not any(d.code.startswith("PL60") for d in report.diagnostics)
    heading = next(d for d in report.diagnostics if d.code == "PL101")  # 四、 after 二、
    assert report.files[0].excerpts[heading.line] == "四、保障措施"
    last_page = source.origins[-1][0].page
    assert heading.page == (last_page, 2)  # its page's second line: the running header is the first


def tiny_png() -> bytes:
    """A 4×4 grey PNG: what a scanner puts on a page instead of text."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_printed_page_that_is_only_an_image_is_a_scan(browser, tmp_path):
    image = base64.b64encode(tiny_png()).decode()
    page = f'<!doctype html><img src="data:image/png;base64,{image}" style="width:170mm;height:240mm">'
    printed = print_pdf(browser, page, tmp_path / "scan.pdf")
    report = check_paths([str(printed)], cache=False)
    assert [(error.reason, error.detail) for error in report.errors] == [("pdf-no-text", "pages: 1")]
