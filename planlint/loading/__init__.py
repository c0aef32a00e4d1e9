"""Loading: paths → files → decoded text.  Nothing here knows about outlines."""

from __future__ import annotations

import errno
import os
import stat
import sys
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator, Mapping, NamedTuple, Sequence

from planlint.failures import Failure
from planlint.loading.errors import ReadError
from planlint.loading.text import decode

if TYPE_CHECKING:
    from planlint.loading.docx import DocxText
    from planlint.wordlayout import Layout

# Directories are searched for these; an old Word or WPS file (.doc, .wps) is
# checked when named, or included by configuration, since it needs LibreOffice.
DEFAULT_INCLUDE = (".txt", ".md", ".docx", ".pdf")
# The most bytes read as one document (a .docx: read, and unpacked).  Real plans are
# well under 1 MB; the benchmarks check a 10 MB text and a 50 MB one must still be
# checkable, at under five times its size in memory.  Configurable: max-file-size.
DEFAULT_MAX_FILE_SIZE = 100 * 2**20
# Opening a pipe for reading waits for a writer: without O_NONBLOCK a FIFO named
# x.txt would hang the run before it could be seen not to be a regular file.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_PIECE = 1 << 20
_MARKDOWN = (".md", ".markdown")
_OLD_WORD = (".doc", ".wps")
_WORD = (".docx", *_OLD_WORD)
# Old Word and WPS files, and a .docx that is one, LibreOffice converts to .docx
# (planlint.loading.convert); so too a file named .doc or .wps that is Word's RTF,
# a web page or Word XML, as Word and WPS save them under those names.
_CONVERTIBLE = {"doc-format"}
_CONVERTIBLE_AS_NAMED = {"not-word.ole", "not-word.rtf", "not-word.html", "not-word.mht", "not-word.word-xml"}


class Source(NamedTuple):
    """A document as text.  ``format`` is "text", "markdown", "docx" or "pdf"; a .docx
    also says which lines carry a rendered automatic marker (and its length), which
    lines are table cells, each paragraph's own text for display, and how it is laid
    out (planlint.wordlayout.Layout); a PDF, where each line's pieces are on its pages
    (planlint.loading.pdflayout.Origin)."""

    path: str
    text: str
    encoding: str
    bom: bool
    format: str = "text"
    automatic: Mapping[int, Any] = MappingProxyType({})  # the .docx reader's markers; read-only: a shared default
    in_table: frozenset = frozenset()
    display_lines: tuple | None = None
    layout: Layout | None = None
    origins: tuple | None = None


def discover(paths: Sequence[str], include: Sequence[str] = DEFAULT_INCLUDE) -> Iterator[str | Failure]:
    """Files to check, in a stable order.  A file named explicitly is always
    checked; in a directory, only included extensions, and no hidden directories.
    Linked directories are not followed, so no loop of links can trap the walk;
    a directory that cannot be listed is reported, not passed over."""
    for given in paths:
        if given == "-":
            yield given
            continue
        try:
            is_directory = stat.S_ISDIR(os.stat(given).st_mode)
        except OSError as error:
            yield _os_error(given, error)
            continue
        except ValueError:  # a NUL in the name: no such file can exist
            yield Failure.load(given, "missing")
            continue
        if not is_directory:
            yield given
            continue
        found: list[str] = []
        unlisted: list[OSError] = []
        for directory, subdirectories, files in os.walk(given, onerror=unlisted.append):
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
            found.extend(os.path.join(directory, name) for name in files
                         if not name.startswith(".") and name.lower().endswith(tuple(include)))
        yield from sorted(found)
        yield from sorted((_os_error(error.filename, error) for error in unlisted), key=lambda e: e.path)


def _os_error(path: str, error: OSError) -> Failure:
    """What went wrong in the file system, as a reason code."""
    if error.errno == errno.ELOOP:
        return Failure.load(path, "symlink-loop")
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return Failure.load(path, "broken-link" if os.path.islink(path) else "missing")
    if isinstance(error, PermissionError):
        return Failure.load(path, "permission")
    if isinstance(error, IsADirectoryError):
        return Failure.load(path, "directory")
    return Failure.load(path, "unreadable", error.strerror or type(error).__name__)


def _too_large(path: str, size: int | None, limit: int) -> Failure:
    """``size``: None when reading stopped at the limit (standard input, a file that grew)."""
    return Failure.load(path, "too-large", ("" if size is None else f"{size / 2**20:.1f} MB ") + f"> {limit / 2**20:g} MB")


def _read_at_most(stream, limit: int) -> bytes:
    """Up to ``limit`` + 1 bytes: enough to tell that there are more than ``limit``."""
    pieces, left = [], limit + 1
    while left > 0:
        piece = stream.read(min(left, _PIECE))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def read_bytes(path: str, stdin_filename: str | None = None,
               limit: int = DEFAULT_MAX_FILE_SIZE) -> tuple[str, bytes] | Failure:
    """(the name to report, the file's bytes); ``-`` is standard input.  Only a
    regular file is read, and never more than ``limit`` bytes of anything."""
    if path == "-":
        name = stdin_filename or "-"
        data = _read_at_most(sys.stdin.buffer, limit)
        return _too_large(name, None, limit) if len(data) > limit else (name, data)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _os_error(path, error)
    except ValueError:  # a NUL in the name
        return Failure.load(path, "missing")
    try:
        return _read_open(path, descriptor, limit)
    except OSError as error:
        return _os_error(path, error)
    finally:
        os.close(descriptor)


def _read_open(path: str, descriptor: int, limit: int) -> tuple[str, bytes] | Failure:
    status = os.fstat(descriptor)
    if stat.S_ISDIR(status.st_mode):
        return Failure.load(path, "directory")
    if not stat.S_ISREG(status.st_mode):
        return Failure.load(path, "special-file")
    if status.st_size > limit:
        return _too_large(path, status.st_size, limit)
    with open(descriptor, "rb", closefd=False) as stream:
        data = stream.read(status.st_size + 1)  # one piece: the size is known
        if len(data) > status.st_size:  # it grew since, or says it is empty (as files in /proc do)
            data += _read_at_most(stream, limit - len(data))
    return (path, data) if len(data) <= limit else _too_large(path, None, limit)


def read_source(path: str, stdin_filename: str | None = None,
                limit: int = DEFAULT_MAX_FILE_SIZE) -> Source | Failure:
    read = read_bytes(path, stdin_filename, limit)
    return read if isinstance(read, Failure) else decode_source(*read, limit=limit)


def is_markdown(name: str) -> bool:
    return name.lower().endswith(_MARKDOWN)


def is_word(name: str) -> bool:
    """A Word file by its name (.docx, or .doc and .wps, converted when LibreOffice
    is installed): its "lines" are the paragraphs of its body."""
    return name.lower().endswith(_WORD)


def is_pdf(name: str) -> bool:
    """A PDF by its name: its "lines" are the paragraphs rebuilt from its pages."""
    return name.lower().endswith(".pdf")


def decode_source(name: str, data: bytes, limit: int = DEFAULT_MAX_FILE_SIZE) -> Source | Failure:
    """``limit``: the most bytes a .docx may unpack to, or a PDF's text streams inflate to."""
    if is_word(name):
        return _word_source(name, data, limit)
    if is_pdf(name):
        return _pdf_source(name, data, limit)
    try:
        decoded = decode(data)
    except ReadError as error:
        return Failure.load(name, error.reason, error.detail)
    fmt = "markdown" if is_markdown(name) else "text"
    return Source(name, decoded.text, decoded.encoding, decoded.bom, fmt)


def _word_source(name: str, data: bytes, limit: int) -> Source | Failure:
    try:
        document = _read_word(name, data, limit)
    except ReadError as error:
        return Failure.load(name, error.reason, error.detail)
    return Source(name, "\n".join(document.lines), "docx", False, "docx", document.automatic,
                  frozenset(document.in_table), tuple(document.own_text), document.layout)


def _read_word(name: str, data: bytes, limit: int) -> DocxText:
    """The .docx's text; an old Word or WPS file's, converted by LibreOffice if it is installed."""
    from planlint.loading.docx import read_docx

    try:
        return read_docx(name, data, limit)
    except ReadError as error:
        named_old = name.lower().endswith(_OLD_WORD)
        if error.reason not in _CONVERTIBLE and not (named_old and error.reason in _CONVERTIBLE_AS_NAMED):
            raise
        from planlint.loading.convert import convert_to_docx, find_libreoffice

        program = find_libreoffice()
        if program is None:
            raise  # as read: doc-format's words say to install LibreOffice or save as .docx
    return read_docx(name, convert_to_docx(program, name, data), limit)


def _pdf_source(name: str, data: bytes, limit: int) -> Source | Failure:
    from planlint.loading.pdf import read_pdf

    try:
        rebuilt = read_pdf(data, limit)
    except ReadError as error:
        return Failure.load(name, error.reason, error.detail)
    return Source(name, "\n".join(rebuilt.lines), "pdf", False, "pdf", origins=tuple(rebuilt.origins))
