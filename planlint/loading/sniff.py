"""What a file that should be a Word document really is, by its first bytes (and,
for a zip, the names of its parts): offices rename .xlsx, .wps, .pdf and web
pages saved from a browser to .docx, and each deserves its own name in the
message rather than "damaged"."""

from __future__ import annotations

from planlint.loading.text import looks_binary

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Microsoft's compound file: .doc .xls .ppt .wps, an encrypted .docx
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")    # a zip's first part, or the end record of an empty zip

# Streams that tell an OLE compound file's kind, most telling first: Office puts a
# password-protected .docx into an OLE file as "EncryptedPackage"; a .doc (and
# WPS's .wps, which follows it) keeps its text in "WordDocument".
_OLE_STREAMS = (("EncryptedPackage", "encrypted"), ("WordDocument", "doc"), ("Workbook", "xls"),
                ("Book", "xls"), ("PowerPoint Document", "ppt"))
_OLE_ENTRY = 128  # directory entries are 128 bytes, in sectors that are multiples of 512 bytes from the start

_OPEN_DOCUMENT = {b"application/vnd.oasis.opendocument.text": "odt",
                  b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                  b"application/vnd.oasis.opendocument.presentation": "odp"}
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_ARCHIVES = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"\xfd7zXZ\x00", b"BZh")
_HEAD = 4096


def ole_kind(data: bytes) -> str:
    """"encrypted", "doc", "xls", "ppt", or "ole" when no stream says more.  A
    stream's name is found where a directory entry starts: UTF-16 at a multiple
    of 128 bytes, with its length (in bytes, with the final NUL) 64 bytes on."""
    for name, kind in _OLE_STREAMS:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        length = len(encoded).to_bytes(2, "little")
        at = data.find(encoded)
        while at != -1:
            if at % _OLE_ENTRY == 0 and data[at + 64:at + 66] == length:
                return kind
            at = data.find(encoded, at + 1)
    return "ole"


def kind_of_bytes(data: bytes) -> str | None:
    """A file that is neither a zip nor an OLE file: "pdf", "rtf", "html", "mht",
    "word-xml", "image", "archive", "text", "empty", or None for unknown bytes."""
    if not data:
        return "empty"
    head = data[:_HEAD]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGES) or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(_ARCHIVES):
        return "archive"
    if looks_binary(head):
        return None
    lowered = head.lower()
    if lowered.startswith(b"mime-version:") or b"multipart/related" in lowered[:1024]:
        return "mht"  # Word's and browsers' "single file web page"
    if b"<w:worddocument" in lowered or b'progid="word.document"' in lowered or b"<pkg:package" in lowered:
        return "word-xml"  # Word 2003 XML, or Word's flat XML (the whole package in one XML file)
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    return "text"


def kind_of_package(names: set[str], read_head) -> str | None:
    """A zip that is not Word by the parts it holds: "xlsx", "pptx", "odt", "ods",
    "odp" or "ofd"; None if it may be Word (python-docx decides).  ``read_head(name)``
    gives the first bytes of a part (an OpenDocument file says its kind in the
    first, "mimetype")."""
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names:
        mimetype = read_head("mimetype")
        for prefix, kind in _OPEN_DOCUMENT.items():
            if mimetype.startswith(prefix):  # also their templates: ...text-template
                return kind
    if "OFD.xml" in names:
        return "ofd"  # GB/T 33190, the fixed-layout format of Chinese government documents
    return None
