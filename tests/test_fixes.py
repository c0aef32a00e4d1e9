"""--fix and --diff: edits, the fixpoint, idempotence, and safe writing."""

from __future__ import annotations

import codecs
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planlint.api import check_paths, check_text
from planlint.catalog import bundled_catalog
from planlint.diagnostics import Edit, Fix
from planlint.engine import Checker
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
def test_fixing_introduces_no_new_kind_of_problem(text, unsafe):
    once = fix_text(text, "x.txt", RULES, unsafe=unsafe)
    before = {d.code for d in check_text(text, select=["ALL"]).diagnostics}
    assert {d.code for d in once.diagnostics} <= before


def _reference_choice(text: str, fixes: list[Fix]) -> str:
    """What apply_fixes must give, the slow way: each fix, in order of where it
    begins, against every edit taken before it."""
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    ranges = [[(starts[e.span.line - 1] + e.span.column - 1, starts[e.span.end_line - 1] + e.span.end_column - 1,
                e.content) for e in fix.edits] for fix in fixes]

    def clash(a, b):
        if a[0] == a[1] and b[0] == b[1]:
            return a[0] == b[0]
        return a[0] < b[1] and b[0] < a[1]

    taken = []
    for edits in sorted(ranges, key=lambda edits: min((start, end) for start, end, _ in edits)):
        if not any(clash(edit, other) for edit in edits for other in taken):
            taken.extend(edits)
    out, last = [], 0
    for start, end, content in sorted(taken):
        out.append(text[last:start] + content)
        last = end
    return "".join(out) + text[last:]


_edit = st.tuples(st.integers(0, 2), st.integers(1, 8), st.integers(0, 3), st.sampled_from(["", "X", "YZ"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_edit, min_size=1, max_size=3), max_size=12))
def test_the_sweep_takes_the_fixes_the_pairwise_check_takes(drawn):
    text = "甲乙丙丁戊己庚辛\n子丑寅卯辰巳午未\n一二三四五六七八\n"
    fixes = []
    for edits in drawn:
        spans = sorted((line + 1, column, min(column + width, 9)) for line, column, width, _ in edits)
        if any(a[0] == b[0] and b[1] < a[2] for a, b in zip(spans, spans[1:])):
            continue  # the edits of one fix never overlap each other
        fixes.append(Fix("safe", tuple(Edit(Span(line, start, line, end), content)
                                       for (line, start, end), (*_, content) in zip(spans, edits))))
    assert apply_fixes(text, fixes)[0] == _reference_choice(text, fixes)


def test_a_file_with_nothing_to_fix_is_checked_once_and_one_whose_fixes_settle_twice(monkeypatch):
    from planlint.engine import Checker

    calls = []
    original = Checker.findings
    monkeypatch.setattr(Checker, "findings", lambda self, *args: calls.append(1) or original(self, *args))
    monkeypatch.setattr(Checker, "check", lambda *args: pytest.fail("fixing checks each text once"))
    fix_text("一、甲\n二、乙\n", "x.txt", RULES)
    assert len(calls) == 1
    fix_text("南教办[2018]23号\n一、甲\n二、乙\n", "x.txt", RULES)
    assert len(calls) == 3


def test_the_report_after_fixing_is_what_a_check_of_the_fixed_text_says():
    text = "南教办[2018]23号\n一、甲\n" + "学前教育,义务教育。\n" * 5 + "<!-- planlint-disable-next-line -->\n三、乙\n"
    outcome = fix_text(text, "x.txt", RULES, unsafe=False)
    _, expected, _ = Checker(tuple(RULES)).check(outcome.text, "x.txt")
    assert outcome.diagnostics == expected and outcome.text.startswith("南教办〔2018〕23号")


def test_the_copy_to_block_and_the_title_no_longer_fight():
    # 总结 was the title (PL607 took its 。 away) and the end of the 抄送 block (PL610 put it back).
    for text in ("抄送：区委各部门。\n总结\n", "抄送：区委各部门。\n总结。\n", "抄送：区委各部门\n总结\n"):
        once = fix_text(text, "x.txt", RULES)
        assert once.rollback is None
        assert fix_text(once.text, "x.txt", RULES).text == once.text
    assert fix_text("抄送：区委各部门\n总结。\n", "x.txt", RULES).text == "抄送：区委各部门。\n总结\n"


def _office_rules(tmp_path, *rules: str) -> Path:
    head = """
  - code: {code}
    name: house-{name}
    category: expression
    severity: warning
    kind: pattern
    message: {{zh: "{code}", en: "{code}"}}
    rationale: "本局公文规范。"
"""
    entries = []
    for index, rule in enumerate(rules, 1):
        code = f"JY00{index}"
        entries.append(head.format(code=code, name=f"rule{index}") + rule
                       + '    examples: {bad: ["甲"], good: ["丙"]}\n')
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text("rules:" + "".join(entries), encoding="utf-8")
    (tmp_path / "planlint.toml").write_text('rules-dirs = ["rules"]\nselect = ["JY"]\n', encoding="utf-8")
    return tmp_path


def test_a_fix_that_brings_a_new_finding_is_rolled_back(tmp_path):
    from click.testing import CliRunner

    from planlint.cli import main

    office = _office_rules(tmp_path, "    params: {pattern: '甲', replacement: '乙'}\n    fix: safe\n",
                           "    params: {pattern: '乙'}\n")
    draft = office / "draft.txt"
    draft.write_bytes("一、甲\n".encode("utf-8"))
    report = check_paths([str(draft)], fix=True)
    assert [(e.reason, e.detail) for e in report.errors] == [("fix-rolled-back", "JY001 → JY002")]
    assert report.fixed == 0 and [d.code for d in report.diagnostics] == ["JY001"]
    assert draft.read_bytes() == "一、甲\n".encode("utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--lang", "en", str(draft)])
    assert result.exit_code == 2
    assert "fixes rolled back" in result.stderr and "JY001 → JY002" in result.stderr
    assert "修复会引出新的问题" in CliRunner().invoke(main, ["check", "--fix", str(draft)]).stderr
    diff = check_paths([str(draft)], diff=True)
    assert diff.files[0].diff == "" and [e.reason for e in diff.errors] == ["fix-rolled-back"]


def test_fixes_that_do_not_settle_in_two_passes_are_rolled_back(tmp_path):
    office = _office_rules(tmp_path, "    params: {pattern: '甲', replacement: '乙'}\n    fix: safe\n",
                           "    params: {pattern: '乙', replacement: '甲'}\n    fix: safe\n")
    draft = office / "draft.txt"
    draft.write_text("一、甲\n", encoding="utf-8")
    report = check_paths([str(draft)], fix=True)
    assert [(e.reason, e.detail) for e in report.errors] == [("fix-rolled-back", "JY001, JY002")]
    assert report.exit_code() == 2 and draft.read_text(encoding="utf-8") == "一、甲\n"


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
