from __future__ import annotations

import pytest
import yaml

from planlint.catalog import CatalogError, bundled_catalog, load_catalog

GOOD_RULE = {"code": "JY001", "name": "office-rule", "category": "expression", "severity": "warning",
             "kind": "pattern", "params": {"pattern": "其它"}, "message": {"zh": "用“其他”", "en": "Use 其他"},
             "rationale": "《通用规范汉字表》", "examples": {"bad": ["其它"], "good": ["其他"]}}


def _problems(tmp_path, content: str):
    (tmp_path / "office.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path])
    return [(p.path.endswith("office.yaml"), p.rule, p.field, p.message) for p in caught.value.problems]


def _dump(rule: dict) -> str:
    return yaml.safe_dump({"rules": [rule]}, allow_unicode=True)


def test_bundled_rules_load():
    catalog = bundled_catalog()
    assert len(catalog.rules) >= 15
    assert len({rule.code for rule in catalog.rules}) == len(catalog.rules)


def test_missing_field_names_file_rule_and_field(tmp_path):
    rule = {key: value for key, value in GOOD_RULE.items() if key != "rationale"}
    assert _problems(tmp_path, _dump(rule)) == [(True, "JY001", None, "required but missing: rationale")]


def test_all_missing_fields_of_a_rule_make_one_problem_in_either_language(tmp_path):
    (tmp_path / "office.yaml").write_text("rules: [{code: JY001, name: x}]\n", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path])
    [problem] = caught.value.problems
    assert problem.reason.say("zh") == ("缺少必填项 category、severity、kind、params、message、rationale、examples")
    assert problem.message == "required but missing: category, severity, kind, params, message, rationale, examples"


def test_wrong_value_names_the_nested_field(tmp_path):
    rule = {**GOOD_RULE, "message": {"zh": "x", "en": ""}}
    [(_, code, field, _message)] = _problems(tmp_path, _dump(rule))
    assert (code, field) == ("JY001", "message.en")


def test_rule_without_code_is_named_by_position(tmp_path):
    rule = {key: value for key, value in GOOD_RULE.items() if key != "code"}
    [(_, code, _field, _message)] = _problems(tmp_path, _dump(rule))
    assert code == "#1"


def test_unknown_kind(tmp_path):
    [(_, code, field, message)] = _problems(tmp_path, _dump({**GOOD_RULE, "kind": "magic"}))
    assert (code, field) == ("JY001", "kind") and "magic" in message


def test_bad_params_for_the_kind(tmp_path):
    rule = {**GOOD_RULE, "kind": "sequence", "params": {"defect": "sideways"}}
    [(_, code, field, _message)] = _problems(tmp_path, _dump(rule))
    assert (code, field) == ("JY001", "params.defect")


def test_invalid_yaml_gives_the_position(tmp_path):
    [(_, code, field, message)] = _problems(tmp_path, "rules:\n  - code: [unclosed\n")
    assert code is None and field is None and "line" in message


def test_duplicate_code(tmp_path):
    [(_, code, field, message)] = _problems(tmp_path, _dump({**GOOD_RULE, "code": "PL101"}))
    assert (code, field) == ("PL101", "code") and "already defined" in message


def test_select_and_ignore_like_ruff():
    catalog = bundled_catalog()
    codes = lambda rules: [rule.code for rule in rules]  # noqa: E731
    assert codes(catalog.select(["PL10"], ["PL104"])) == ["PL101", "PL102", "PL103", "PL105", "PL106",
                                                          "PL107", "PL108", "PL109"]
    assert codes(catalog.select(["header"])) == [r.code for r in catalog.rules if r.category == "header"]
    assert codes(catalog.select(["numbering-gap"])) == ["PL101"]
    with pytest.raises(ValueError, match="PL999"):
        catalog.select(["PL999"])


@pytest.mark.parametrize("content", ["", "# no rules yet\n", "rules: []\n"])
def test_a_rule_file_without_rules(tmp_path, content):
    assert _problems(tmp_path, content) == [(True, None, None, "holds no rules (rules: needs at least one)")]


def test_a_rules_directory_that_is_missing_empty_or_a_file(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.yaml").write_text(_dump(GOOD_RULE), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path / "missing", tmp_path / "empty", tmp_path / "file.yaml"])
    assert [(p.path, p.reason.say("zh")) for p in caught.value.problems] == [
        (str(tmp_path / "missing"), "规则目录不存在"),
        (str(tmp_path / "empty"), "目录中没有规则文件（*.yaml 或 *.yml）"),
        (str(tmp_path / "file.yaml"), "不是目录")]


def test_an_unknown_profile():
    from planlint.catalog import UnknownProfile

    catalog = bundled_catalog()
    catalog.check_profile("工作要点")
    with pytest.raises(UnknownProfile) as caught:
        catalog.check_profile("工作方案")
    assert caught.value.known == ("实施方案", "工作总结", "工作要点", "工作计划", "行动计划")


def test_problems_pickle_with_their_words(tmp_path):
    """A worker process's CatalogError reaches the parent whole."""
    import pickle

    (tmp_path / "office.yaml").write_text("rules: []\n", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog([tmp_path])
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems and str(copy) == str(caught.value)
