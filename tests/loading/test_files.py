"""Finding and reading files: links that loop or lead nowhere, directories that
cannot be listed, files that are no regular files, the size limit, and big texts
decoded a piece at a time."""

from __future__ import annotations

import codecs
import os
import sys

import pytest

from planlint.config import find_config
from planlint.failures import Failure
from planlint.loading import discover, read_bytes
from planlint.loading import text as text_module
from planlint.loading.text import decode


def _reasons(items):
    return [(os.path.basename(item.path), item.reason) if isinstance(item, Failure) else os.path.basename(item)
            for item in items]


def test_links_that_loop_or_lead_nowhere_are_named_when_given(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "never.txt")
    given = [str(tmp_path / name) for name in ("loop.txt", "gone.txt", "absent.txt")]
    assert _reasons(discover(given)) == [("loop.txt", "symlink-loop"), ("gone.txt", "broken-link"),
                                         ("absent.txt", "missing")]
    assert [read_bytes(path).reason for path in given] == ["symlink-loop", "broken-link", "missing"]


def test_a_folder_walk_is_not_trapped_by_a_loop_of_linked_directories(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("一、甲\n", encoding="utf-8")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a", target_is_directory=True)
    assert _reasons(discover([str(tmp_path)])) == ["x.txt"]


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("一、甲\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, no mode keeps a directory closed
    assert _reasons(discover([str(tmp_path)])) == ["a.txt", ("locked", "permission")]


def test_configuration_discovery_survives_a_link_that_loops(tmp_path):
    (tmp_path / "planlint.toml").write_text('ignore = ["PL104"]\n', encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert find_config(str(tmp_path / "loop.txt")).path == str(tmp_path / "planlint.toml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert read_bytes(str(tmp_path / "pipe.txt")).reason == "special-file"
    assert read_bytes(str(tmp_path)).reason == "directory"


def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as stream:
        stream.truncate(3 * 2**20)
    assert read_bytes(str(path), limit=2 * 2**20) == Failure.load(str(path), "too-large", "3.0 MB > 2 MB")
    assert read_bytes(str(path), limit=3 * 2**20)[1] == bytes(3 * 2**20)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a file whose size says 0 (/proc)")
def test_a_file_that_says_it_is_empty_is_read_to_its_end_and_to_the_limit():
    name, data = read_bytes("/proc/self/status")
    assert b"VmRSS" in data
    assert read_bytes("/proc/self/status", limit=64).reason == "too-large"


def test_big_texts_decode_a_piece_at_a_time_to_the_same_text(monkeypatch):
    monkeypatch.setattr(text_module, "_PIECE", 5)  # every multi-byte character falls across pieces somewhere
    sample = "一、总体要求\n𠀀（二）主要任务🙂\n" * 3
    assert decode(sample.encode("utf-8")).text == sample
    assert decode(codecs.BOM_UTF16_LE + sample.encode("utf-16-le")).text == sample
    chinese = "一、总体要求\n（二）主要任务，坚持立德树人。\n" * 20
    assert decode(chinese.encode("gb18030")).text == chinese
    broken = sample.encode("utf-8") + b"\xff" + "尾".encode("utf-8")
    with pytest.raises(text_module.ReadError) as raised:
        decode(codecs.BOM_UTF8 + broken)
    assert raised.value.detail == f"has a utf-8 byte order mark but byte {3 + len(sample.encode())} is not utf-8"
