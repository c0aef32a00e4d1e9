"""Loading: paths → files → decoded text.  Nothing here knows about outlines."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from planlint.loading.text import DecodeError, decode

DEFAULT_INCLUDE = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str
    encoding: str
    bom: bool


@dataclass(frozen=True, slots=True)
class LoadError:
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


def read_source(path: str, stdin_filename: str | None = None) -> Source | LoadError:
    if path == "-":
        name = stdin_filename or "-"
        data = sys.stdin.buffer.read()
    else:
        name = path
        try:
            data = Path(path).read_bytes()
        except PermissionError:
            return LoadError(path, "permission")
        except IsADirectoryError:
            return LoadError(path, "directory")
        except OSError as error:
            return LoadError(path, "unreadable", error.strerror or str(error))
    return decode_source(name, data)


def decode_source(name: str, data: bytes) -> Source | LoadError:
    try:
        decoded = decode(data)
    except DecodeError as error:
        return LoadError(name, error.reason, error.detail)
    return Source(name, decoded.text, decoded.encoding, decoded.bom)
