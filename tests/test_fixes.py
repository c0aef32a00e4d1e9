"""--fix and --diff: edits, the fixpoint, idempotence, and safe writing."""

from __future__ import annotations

import codecs
import os
import shutil
import stat
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.api import check_paths, check_text
from planlint.catalog import bundled_catalog
from planlint.diagnostics import Edit, Fix
from planlint.fixes import apply_fixes, fix_text, unified_diff
from planlint.outline.model import Span

ROOT = Path(__file__).resolve().parents[1]
RULES = bundled_catalog().select(["ALL"])
NUMBERING_AND_HEADER = bundled_catalog().select(["PL1", "PL6"])


def _fix(line, column, end_column, content, applicability="safe"):
    return Fix(applicability, (Edit(Span(line, column, line, end_column), content),))


def test_apply_fixes_skips_overlaps_and_keeps_line_ends():
    text = "南教办[2018]第023号\r\n12、甲\r\n"
    fixes = [_fix(1, 4, 10, "〔2018〕"), _fix(1, 10, 11, ""), _fix(1, 5, 9, "XXXX"), _fix(2, 1, 4, "12.")]
    fixed, applied = apply_fixes(text, fixes)
    assert (fixed, applied) == ("南教办〔2018〕023号\r\n12.甲\r\n", 3)


def test_a_fix_with_several_edits_is_all_or_nothing():
    both = Fix("unsafe", (Edit(Span(1, 1, 1, 3), "三、"), Edit(Span(2, 1, 2, 3), "四、")))
    clash = _fix(2, 1, 3, "X")
    assert apply_fixes("五、\n六、\n", [clash, both]) == ("三、\n四、\n", 1)
    inner = _fix(1, 1, 2, "X")
    assert apply_fixes("五、\n六、\n", [inner, both]) == ("X、\n六、\n", 1)


def test_safe_fixes_only_by_default():
    outcome = fix_text("南教办[2018]23号\n一、甲\n三、乙\n", "x.txt", NUMBERING_AND_HEADER)
    assert outcome.text == "南教办〔2018〕23号\n一、甲\n三、乙\n"
    assert [d.code for d in outcome.diagnostics] == ["PL101"]


def test_unsafe_fixes_renumber_a_whole_run():
    outcome = fix_text("一、甲\n二、乙\n四、丙\n五、丁\n五、戊\n", "x.txt", NUMBERING_AND_HEADER, unsafe=True)
    assert outcome.text == "一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n"
    assert outcome.diagnostics == []


def test_continuous_numbering_is_renumbered_across_sections():
    text = "一、甲\n1.子。\n2.丑。\n2.寅。\n二、乙\n4.卯。\n5.辰。\n"
    outcome = fix_text(text, "x.txt", NUMBERING_AND_HEADER, unsafe=True)
    assert outcome.text == "一、甲\n1.子。\n2.丑。\n3.寅。\n二、乙\n4.卯。\n5.辰。\n"


_pieces = st.sampled_from(["一、", "二、", "四、", "1.", "3.", "3.", "12、", "（一）", "(三)", "南教办[2018]第023号",
                           "2018319", "20186月", "20152020年", "2019年02月", "甲乙", "《", "》", "\n", "\n", "\n"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_pieces, max_size=40).map("".join), st.booleans())
def test_fixing_is_idempotent_and_introduces_no_new_kind_of_problem(text, unsafe):
    once = fix_text(text, "x.txt", RULES, unsafe=unsafe)
    twice = fix_text(once.text, "x.txt", RULES, unsafe=unsafe)
    assert twice.text == once.text and twice.fixed == 0
    before = {d.code for d in check_text(text, select=["ALL"]).diagnostics}
    assert {d.code for d in once.diagnostics} <= before


def _copy_seeds(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target


FOUNDATION = ["PL104", "PL30"]  # the delimiter slip and the mangled dates of the seeds


def test_fix_on_copies_of_the_seeds_repairs_what_safe_fixes_cover(tmp_path):
    seeds = _copy_seeds(tmp_path)
    before = check_paths([str(seeds)], select=FOUNDATION)
    fixed = check_paths([str(seeds)], select=FOUNDATION, fix=True)
    after = check_paths([str(seeds)], select=FOUNDATION)
    assert fixed.fixed == 1  # 12、 → 12.
    assert len(after.diagnostics) == len(before.diagnostics) - 1
    assert "12.加快义务教育" in (seeds / "001_eae471d872d3e7b6.txt").read_text(encoding="utf-8")
    unsafe = check_paths([str(seeds)], select=FOUNDATION, fix=True, unsafe_fixes=True)
    assert unsafe.fixed == 6 and unsafe.diagnostics == []
    assert "2018年3月19日" in (seeds / "000_42d7a22f1583c568.txt").read_text(encoding="utf-8")


def test_fix_with_the_whole_catalog_leaves_nothing_fixable(tmp_path):
    seeds = _copy_seeds(tmp_path)
    before = check_paths([str(seeds)])
    fixed = check_paths([str(seeds)], fix=True, unsafe_fixes=True)
    assert fixed.fixed > 0 and all(d.fix is None for d in fixed.diagnostics)
    assert len(fixed.diagnostics) < len(before.diagnostics)
    assert check_paths([str(seeds)], fix=True, unsafe_fixes=True).fixed == 0


def test_diff_shows_the_same_edits_and_writes_nothing(tmp_path):
    seeds = _copy_seeds(tmp_path)
    original = {p.name: p.read_bytes() for p in seeds.iterdir()}
    report = check_paths([str(seeds)], select=FOUNDATION, diff=True, unsafe_fixes=True)
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == original
    diff = "".join(result.diff for result in report.files)
    assert "-  2018319\xa0\n+  2018年3月19日\xa0\n" in diff
    assert "+(二)实施阶段(2018年6月至2020年11月)。\n" in diff
    check_paths([str(seeds)], select=FOUNDATION, fix=True, unsafe_fixes=True)
    after = "".join(unified_diff(original[p.name].decode("utf-8"), p.read_text(encoding="utf-8"), str(seeds / p.name))
                    for p in sorted(seeds.iterdir()))
    assert after == diff


def test_writing_keeps_encoding_bom_line_ends_and_permissions(tmp_path):
    path = tmp_path / "draft.txt"
    text = "南教办[2018]23号\r\n一、甲\r\n"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    os.chmod(path, 0o640)
    check_paths([str(path)], fix=True)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert data[2:].decode("utf-16-le") == "南教办〔2018〕23号\r\n一、甲\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_gbk_file_stays_gbk(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes("南教办[2018]23号\n".encode("gbk"))
    check_paths([str(path)], fix=True)
    assert path.read_bytes() == "南教办〔2018〕23号\n".encode("gb18030")


def test_a_file_that_cannot_hold_the_fix_is_left_untouched(tmp_path):
    path = tmp_path / "draft.txt"
    original = "Caf\xe9 南教办[2018]23号\n"
    path.write_bytes(original.encode("utf-8"))
    from planlint.loading import Source
    from planlint.runner import _fix_source
    from planlint.engine import Checker

    result, failure = _fix_source(Source(str(path), original, "latin-1", False), Checker(RULES), False, False, False)
    assert failure is not None and failure.reason == "not-written" and "latin-1" in failure.detail
    assert path.read_bytes() == original.encode("utf-8")
    assert [d.code for d in result.diagnostics] == ["PL601"]


def test_undecodable_file_is_never_written(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x00\x01binary")
    report = check_paths([str(path)], fix=True)
    assert [e.reason for e in report.errors] == ["binary"]
    assert path.read_bytes() == b"\x00\x01binary"
