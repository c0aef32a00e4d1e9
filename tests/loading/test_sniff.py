"""Naming what a file that should be a Word document really is."""

from __future__ import annotations

import pytest

from planlint.loading.sniff import kind_of_bytes, kind_of_package, ole_kind


@pytest.mark.parametrize("stream, kind", [("EncryptedPackage", "encrypted"), ("WordDocument", "doc"),
                                          ("Workbook", "xls"), ("Book", "xls"), ("PowerPoint Document", "ppt"),
                                          ("Contents", "ole")])
def test_an_ole_file_is_told_by_its_streams(ole_file, stream, kind):
    assert ole_kind(ole_file(stream)) == kind


def test_a_stream_name_counts_only_where_a_directory_entry_starts(ole_file):
    # "Book" inside "Workbook" sits 8 bytes into the entry; text that happens to
    # spell a name is no entry either.
    assert ole_kind(ole_file("Workbook")) == "xls"
    shifted = ole_file("Contents") + b"\0" * 8 + "WordDocument".encode("utf-16-le") + b"\0\0"
    assert ole_kind(shifted) == "ole"


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "rtf"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "image"),
    (b"RIFF\x24\0\0\0WEBPVP8 ", "image"),
    (b"Rar!\x1a\x07\x01\0", "archive"),
    (b"\x1f\x8b\x08\0\0\0\0\0", "archive"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", "mht"),
    (b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument>', "word-xml"),
    (b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body>\xe4\xb8\x80\xe3\x80\x81</body></html>", "html"),
    ("一、总体要求\n二、主要任务\n".encode(), "text"),
    (bytes(range(256)), None),
])
def test_other_files_are_told_by_their_first_bytes(data, kind):
    assert kind_of_bytes(data) == kind


@pytest.mark.parametrize("names, mimetype, kind", [
    ({"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"}, b"", "xlsx"),
    ({"[Content_Types].xml", "ppt/presentation.xml"}, b"", "pptx"),
    ({"mimetype", "content.xml"}, b"application/vnd.oasis.opendocument.text", "odt"),
    ({"mimetype", "content.xml"}, b"application/vnd.oasis.opendocument.text-template", "odt"),
    ({"mimetype", "content.xml"}, b"application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ({"mimetype", "content.xml"}, b"application/vnd.oasis.opendocument.presentation", "odp"),
    ({"mimetype", "OEBPS/content.opf"}, b"application/epub+zip", None),
    ({"OFD.xml", "Doc_0/Document.xml"}, b"", "ofd"),
    ({"[Content_Types].xml", "word/document.xml"}, b"", None),
    ({"photos/1.jpg"}, b"", None),
])
def test_a_zip_is_told_by_its_parts(names, mimetype, kind):
    assert kind_of_package(names, lambda name: mimetype) == kind
