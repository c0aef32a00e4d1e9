"""Encodings and line ends: text decodes, and positions come out the same."""

from __future__ import annotations

import codecs

import pytest

from planlint.api import check_paths
from planlint.failures import Failure
from planlint.loading import decode_source, discover, read_source

SAMPLE = "南宁市教育局\n2018319\n一、总体要求\n三、主要任务\n"


@pytest.mark.parametrize(("data", "encoding", "bom"), [
    (SAMPLE.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", True),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be", True),
    (SAMPLE.encode("gbk"), "gb18030", False),
    (SAMPLE.encode("gb18030"), "gb18030", False),
])
def test_encodings_decode_to_the_same_text(data, encoding, bom):
    source = decode_source("x.txt", data)
    assert not isinstance(source, Failure), source
    assert (source.text, source.encoding, source.bom) == (SAMPLE, encoding, bom)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_positions_are_the_same_in_every_encoding_and_line_end(tmp_path, newline, encoding):
    path = tmp_path / "draft.txt"
    path.write_bytes(SAMPLE.replace("\n", newline).encode(encoding))
    report = check_paths([str(path)], select=["PL101", "PL301"])
    assert not report.errors
    assert [(d.code, d.line, d.column, d.span.end_column) for d in report.diagnostics] == [
        ("PL301", 2, 1, 8), ("PL101", 4, 1, 3)]


def test_binary_file_is_reported_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "b.txt").write_text("一、甲\n三、乙\n", encoding="utf-8")
    report = check_paths([str(tmp_path)], select=["PL101"])
    assert [(error.path.endswith("a.txt"), error.reason) for error in report.errors] == [(True, "binary")]
    assert [d.code for d in report.diagnostics] == ["PL101"]
    assert report.exit_code() == 2


def test_undecodable_file(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd broken")
    source = read_source(str(path))
    assert isinstance(source, Failure) and source.reason == "undecodable"


def test_missing_path():
    report = check_paths(["/no/such/draft.txt"])
    assert [(e.path, e.reason) for e in report.errors] == [("/no/such/draft.txt", "missing")]


def test_discovery_skips_hidden_directories_and_other_extensions(tmp_path):
    for name in ("a.txt", "b.md", "c.docx", ".hidden/d.txt", "sub/e.txt", ".f.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [item.replace(str(tmp_path) + "/", "") for item in discover([str(tmp_path)])]
    assert found == ["a.txt", "b.md", "c.docx", "sub/e.txt"]


def test_explicit_file_is_checked_whatever_its_extension(tmp_path):
    path = tmp_path / "draft.text"
    path.write_text("x", encoding="utf-8")
    assert list(discover([str(path)])) == [str(path)]
