from __future__ import annotations

import marshal
import pickle
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

from planlint.api import check_text
from planlint.catalog import bundled_catalog
from planlint.outline.parser import parse


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture(scope="session")
def catalog():
    return bundled_catalog()


@pytest.fixture
def document():
    return lambda text: parse(dedent(text))


@pytest.fixture
def findings(catalog):
    """Diagnostics of one rule on a snippet, as (line, column, message) tuples."""

    def run(code: str, text: str, lang: str = "zh"):
        result = check_text(dedent(text), select=[code], lang=lang, catalog=catalog)
        assert not result.failures
        return [(d.line, d.column, d.message) for d in result.diagnostics]

    return run


def _ole_entry(name: str) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes(62)


@pytest.fixture
def ole_file():
    """The bytes of an OLE compound file (.doc, .xls, an encrypted .docx…) whose
    directory, in the sector after the header, lists the root and ``stream``."""
    return lambda stream: (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(512, b"\0")
                           + _ole_entry("Root Entry") + _ole_entry(stream) + bytes(256))


class Planted(NamedTuple):
    """Payloads to plant in a cache: each would create ``marker`` if it ran."""

    pickle: bytes
    marshal: bytes  # a code object, as planlint once kept its parser
    marker: Path


class _CreatesMarker:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


@pytest.fixture
def planted(tmp_path) -> Planted:
    marker = tmp_path / "ran"
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    return Planted(pickle.dumps(_CreatesMarker(marker)), marshal.dumps(code), marker)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Chromium over the DevTools protocol (tests/cdp.py), one for the session; the
    tests that need it are skipped, with the reason, where none is installed (as in CI)."""
    from cdp import Browser, find_chromium

    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); this test needs one")
    running = Browser(executable, tmp_path_factory.mktemp("profile"), width=1280, height=900)
    yield running
    running.close()
