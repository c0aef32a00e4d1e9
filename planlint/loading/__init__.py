"""Loading: paths → files → decoded text.  Nothing here knows about outlines."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping, NamedTuple, Sequence

from planlint.loading.errors import ReadError
from planlint.loading.text import decode

DEFAULT_INCLUDE = (".txt", ".md", ".docx")
_MARKDOWN = (".md", ".markdown")
_WORD = (".docx", ".doc")


class Source(NamedTuple):
    """A document as text.  ``format`` is "text", "markdown" or "docx"; a .docx also
    says which lines carry a rendered automatic marker (and its length), which
    lines are table cells, and each paragraph's own text for display."""

    path: str
    text: str
    encoding: str
    bom: bool
    format: str = "text"
    automatic: Mapping[int, object] = MappingProxyType({})  # read-only: a shared default
    in_table: frozenset = frozenset()
    display_lines: tuple | None = None


class LoadError(NamedTuple):
    """A file that could not be read as text.  ``reason`` is a code the
    reporters put into words (missing, permission, directory, unreadable,
    binary, undecodable); ``detail`` says more, in English."""

    path: str
    reason: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


def discover(paths: Sequence[str], include: Sequence[str] = DEFAULT_INCLUDE) -> Iterator[str | LoadError]:
    """Files to check, in a stable order.  A file named explicitly is always
    checked; in a directory, only included extensions, and no hidden directories."""
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = []
            for directory, subdirectories, files in os.walk(path):
                subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
                found.extend(os.path.join(directory, name) for name in files
                             if not name.startswith(".") and name.lower().endswith(tuple(include)))
            yield from sorted(found)
        elif path.exists():
            yield given
        else:
            yield LoadError(given, "missing")


def read_bytes(path: str, stdin_filename: str | None = None) -> tuple[str, bytes] | LoadError:
    """(the name to report, the file's bytes); ``-`` is standard input."""
    if path == "-":
        return stdin_filename or "-", sys.stdin.buffer.read()
    try:
        return path, Path(path).read_bytes()
    except PermissionError:
        return LoadError(path, "permission")
    except IsADirectoryError:
        return LoadError(path, "directory")
    except OSError as error:
        return LoadError(path, "unreadable", error.strerror or str(error))


def read_source(path: str, stdin_filename: str | None = None) -> Source | LoadError:
    read = read_bytes(path, stdin_filename)
    return read if isinstance(read, LoadError) else decode_source(*read)


def is_markdown(name: str) -> bool:
    return name.lower().endswith(_MARKDOWN)


def is_word(name: str) -> bool:
    """A Word file by its name (.docx, or .doc, which is refused with a reason):
    its "lines" are the paragraphs of its body."""
    return name.lower().endswith(_WORD)


def decode_source(name: str, data: bytes) -> Source | LoadError:
    if is_word(name):
        return _word_source(name, data)
    try:
        decoded = decode(data)
    except ReadError as error:
        return LoadError(name, error.reason, error.detail)
    fmt = "markdown" if is_markdown(name) else "text"
    return Source(name, decoded.text, decoded.encoding, decoded.bom, fmt)


def _word_source(name: str, data: bytes) -> Source | LoadError:
    from planlint.loading.docx import read_docx

    try:
        document = read_docx(name, data)
    except ReadError as error:
        return LoadError(name, error.reason, error.detail)
    return Source(name, "\n".join(document.lines), "docx", False, "docx", document.automatic,
                  frozenset(document.in_table), tuple(document.own_text))
