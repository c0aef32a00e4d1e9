"""The library's helpers for reports that show documents whole: show_path, show_report
(files read again after a check) and check_upload (a file's bytes, never on disk)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from planlint.api import Shown, check_paths, check_upload, show_path, show_report
from planlint.catalog import UnknownProfile
from planlint.config import Config
from planlint.failures import Failure

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("003_*.txt"))


def _docx(path: Path, lines) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_show_path_reads_a_file_as_a_check_does(tmp_path):
    shown = show_path(str(SEED))
    assert isinstance(shown, Shown) and shown.lines == SEED.read_text(encoding="utf-8").splitlines()
    assert shown.document.metadata.doc_type == "实施方案"
    assert show_path(str(SEED), profile="工作要点").document.metadata.doc_type == "工作要点"
    assert show_path(str(tmp_path / "none.txt")) == Failure.load(str(tmp_path / "none.txt"), "missing")


def test_show_report_uses_each_files_configuration(tmp_path):
    office = tmp_path / "office"
    office.mkdir()
    (office / "planlint.toml").write_text('profile = "行动计划"\n', encoding="utf-8")
    (office / "plan.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "plan.txt").write_bytes(SEED.read_bytes())
    paths = [str(office / "plan.txt"), str(tmp_path / "plan.txt")]
    shown = show_report(check_paths(paths, cache=False), paths)
    assert [shown[path].document.metadata.doc_type for path in paths] == ["行动计划", "实施方案"]
    forced = show_report(check_paths(paths, cache=False), paths, profile="工作计划")
    assert {shown.document.metadata.doc_type for shown in forced.values()} == {"工作计划"}


def test_show_report_leaves_out_standard_input_and_files_gone_or_changed(tmp_path, monkeypatch):
    import io
    import sys

    kept, gone, changed = (tmp_path / name for name in ("kept.txt", "gone.txt", "changed.txt"))
    for path in (kept, gone, changed):
        path.write_text("一、甲\n三、乙\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("一、甲\n".encode())))
    paths = [str(kept), str(gone), str(changed), "-"]
    report = check_paths(paths, select=["PL101"], cache=False)
    gone.unlink()
    changed.write_text("一、甲\n二、乙\n", encoding="utf-8")
    assert list(show_report(report, paths)) == [str(kept)]
    # A file whose findings' lines are unchanged is the same document to show.
    changed.write_text("一、甲\n三、乙\n后加的一行\n", encoding="utf-8")
    assert list(show_report(report, paths)) == [str(kept), str(changed)]


def test_check_upload_is_check_paths_on_the_same_bytes(tmp_path):
    word = _docx(tmp_path / "seed.docx", SEED.read_text(encoding="utf-8").splitlines())
    for path in (SEED, word):
        on_disk = check_paths([str(path)], cache=False)
        report, shown = check_upload(path.read_bytes(), str(path))
        assert [d.to_dict() for d in report.diagnostics] == [d.to_dict() for d in on_disk.diagnostics]
        assert [rule.code for rule in report.rules] == [rule.code for rule in on_disk.rules]
        assert shown[str(path)].lines == show_path(str(path)).lines


def test_check_upload_reads_by_name_and_says_why_not(tmp_path):
    markdown = "# 某局2024年工作要点\n\n## 一、甲\n\n## 三、乙\n"
    report, shown = check_upload(markdown.encode(), "plan.md", select=["PL101"])
    assert [(d.line, d.column) for d in report.diagnostics] == [(5, 4)]
    assert shown["plan.md"].lines == markdown.splitlines()
    text = SEED.read_text(encoding="utf-8")
    gbk, _ = check_upload(text.encode("gb18030"), "old.txt")
    utf8, _ = check_upload(text.encode("utf-8"), "old.txt")
    assert gbk.diagnostics == utf8.diagnostics and len(gbk.diagnostics) == 14
    broken, none = check_upload(b"PK\x03\x04 not a package", "draft.docx")
    assert (broken.files, none, broken.errors) == ([], {}, [Failure.load("draft.docx", "truncated-docx",
                                                                      broken.errors[0].detail)])


def test_check_upload_takes_a_configuration_and_its_profile():
    config = Config(profile="工作总结", severity={"PL101": "info"})
    text = "某局2024年工作要点\n一、甲\n三、乙\n"
    report, shown = check_upload(text.encode(), "a.txt", config=config, select=["PL101"])
    assert [d.severity for d in report.diagnostics] == ["info"]
    assert shown["a.txt"].document.metadata.doc_type == "工作总结"
    with pytest.raises(UnknownProfile):
        check_upload(b"x", "a.txt", profile="no such type")
