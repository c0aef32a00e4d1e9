from __future__ import annotations

import pytest

from planlint.catalog import CatalogError, load_catalog


def test_document_number_forms(findings):
    assert findings("PL601", "南教办[2018]23号") == [
        (1, 4, "发文字号的年份应使用六角括号：“[2018]”应为“〔2018〕”")]
    assert findings("PL602", "南教办〔2018〕第23号") == [(1, 10, "发文字号的序号前不加“第”")]
    assert findings("PL603", "南教办〔2018〕023号") == [(1, 10, "发文字号的序号不编虚位：删除前导的“0”")]
    assert findings("PL604", "南教办〔18〕23号") == [(1, 4, "发文字号的年份应标全称：“〔18〕”应为“〔2018〕”")]


def test_suffix_rule_only_looks_at_the_document_number_line(findings):
    assert findings("PL605", "南教办〔2018〕23\n一、总体要求\n") == [
        (1, 10, "发文字号应以“号”结尾：“23”应为“23号”")]
    assert findings("PL605", "一、总体要求\n按南教办〔2018〕23文件执行。\n") == []


def test_correct_citation_in_body_is_silent(findings):
    assert findings("PL601", "按照《通知》（桂政发〔2018〕37号）要求。") == []


def _write_rule(tmp_path, params, message="“{match}”"):
    import yaml

    rule = {"code": "XX001", "name": "house-rule", "category": "expression", "severity": "info",
            "kind": "pattern", "params": params, "message": {"zh": message, "en": message},
            "rationale": "本局规定。", "examples": {"bad": ["其它"], "good": ["其他"]}}
    (tmp_path / "house.yaml").write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")


def test_user_pattern_rule_with_scope_and_groups(tmp_path):
    from planlint.api import check_text

    _write_rule(tmp_path, {"pattern": "(?P<word>其它)", "scope": "headings", "replacement": "其他"},
                message="“{word}”应为“{suggestion}”")
    catalog = load_catalog([tmp_path])
    [diagnostic] = check_text("一、其它事项\n其它工作。\n", select=["XX001"], catalog=catalog).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.message) == (1, 3, "“其它”应为“其他”")


def test_bad_regex_names_the_field(tmp_path):
    _write_rule(tmp_path, {"pattern": "(unclosed"})
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path])
    [problem] = caught.value.problems
    assert (problem.rule, problem.field) == ("XX001", "params.pattern")


def test_unknown_placeholder_names_the_message(tmp_path):
    _write_rule(tmp_path, {"pattern": "其它"}, message="{nothing}")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path])
    assert {(p.rule, p.field) for p in caught.value.problems} == {("XX001", "message.zh"), ("XX001", "message.en")}


def test_runaway_pattern_times_out_without_losing_other_rules(tmp_path):
    from planlint.api import check_text

    _write_rule(tmp_path, {"pattern": "(a|aa)+$"})
    catalog = load_catalog([tmp_path])
    result = check_text("a" * 60 + "!\n南教办[2018]23号\n", select=["XX001", "PL601"], catalog=catalog)
    assert [d.code for d in result.diagnostics] == ["PL601"]
    assert [failure.code for failure in result.failures] == ["XX001"]


def test_a_fix_edits_only_what_it_changes(catalog):
    from planlint.api import check_text

    def edits(code, text):
        [diagnostic] = check_text(text, select=[code], catalog=catalog).diagnostics
        return [(e.span.column, e.span.end_column, e.content) for e in diagnostic.fix.edits]

    # The brackets only: a comma between them is left to its own fix, in the same pass.
    assert edits("PL504", "支持部分县(区,市)创建。") == [(6, 7, "（"), (10, 11, "）")]
    assert edits("PL302", "（20186月）") == [(6, 6, "年")]
    assert edits("PL802", "学习十九大精神") == [(3, 3, "党的")]


def test_a_title_that_shares_its_line_with_a_heading_is_no_title_on_its_own_line(findings):
    text = "三、主要工作措施 1.2024年工作要点：\n（1）加强党对教育工作的领导。\n（2）落实经费。\n"
    assert findings("PL201", text) == []
    assert findings("PL201", "三、主要工作措施：\n（一）加强领导。\n") == [(1, 9, "独占一行的标题末尾不用“：”")]
