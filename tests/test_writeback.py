"""Writing a fixed file back keeps what the file was besides its bytes, or refuses."""

from __future__ import annotations

import os
import stat

import pytest

from planlint.api import check_paths
from planlint.writeback import WriteError, write_atomically

BEFORE, AFTER = "南教办[2018]23号\n", "南教办〔2018〕23号\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(BEFORE, encoding="utf-8")
    return path


def test_a_read_only_file_is_left_untouched_and_the_run_says_so(draft):
    draft.chmod(0o444)  # as root os.access() would allow the write: the mode is what is asked
    report = check_paths([str(draft)], fix=True)
    assert [(e.reason, e.path) for e in report.errors] == [("read-only", str(draft))]
    assert report.exit_code() == 2
    assert draft.read_text(encoding="utf-8") == BEFORE and stat.S_IMODE(draft.stat().st_mode) == 0o444
    assert [p.name for p in draft.parent.iterdir()] == ["draft.txt"]


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="only root can give a file away")
def test_the_owner_and_group_are_kept(draft):
    os.chown(draft, 4321, 8765)
    draft.chmod(0o664)
    write_atomically(str(draft), AFTER, "utf-8", False)
    status = draft.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (4321, 8765, 0o664)
    assert draft.read_text(encoding="utf-8") == AFTER


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners to keep")
def test_a_file_whose_owner_cannot_be_kept_is_not_replaced(draft, monkeypatch):
    real_stat, name = os.stat, os.path.realpath(draft)
    original = real_stat(draft)

    def stat_as_if_owned_by_another(path, *args, **kwargs):
        status = real_stat(path, *args, **kwargs)
        if os.fspath(path) == name:
            values = list(status)
            values[stat.ST_UID] = original.st_uid + 1
            return os.stat_result(values)
        return status

    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "stat", stat_as_if_owned_by_another)
    monkeypatch.setattr(os, "chown", refuse)
    with pytest.raises(WriteError) as raised:
        write_atomically(str(draft), AFTER, "utf-8", False)
    assert raised.value.reason == "owner-not-kept"
    assert draft.read_text(encoding="utf-8") == BEFORE
    assert [p.name for p in draft.parent.iterdir()] == ["draft.txt"]


def test_a_link_stays_a_link_and_its_target_is_fixed(draft):
    link = draft.with_name("link.txt")
    link.symlink_to(draft.name)
    check_paths([str(link)], fix=True)
    assert link.is_symlink() and os.readlink(link) == draft.name
    assert draft.read_text(encoding="utf-8") == AFTER


def test_a_file_with_other_hard_links_is_not_parted_from_them(draft):
    other = draft.with_name("other.txt")
    os.link(draft, other)
    report = check_paths([str(draft)], fix=True)
    assert [e.reason for e in report.errors] == ["hard-linked"]
    assert draft.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == BEFORE
