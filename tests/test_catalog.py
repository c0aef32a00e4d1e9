from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from planlint.api import check_text
from planlint.catalog import CatalogError, bundled_catalog, load_catalog

ROOT = Path(__file__).resolve().parents[1]

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
        (str(tmp_path / "empty"), "目录中没有规则文件（*.yaml 或 *.yml）或文档类型配置（profiles/*.yaml）"),
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


def _office(tmp_path):
    office = tmp_path / "office"
    office.mkdir()
    (office / "office.yaml").write_text(_dump(GOOD_RULE), encoding="utf-8")
    return office


@pytest.fixture(autouse=True)
def _unread(monkeypatch):
    """Each test reads the catalog cache afresh, not what this process read before."""
    from planlint import catalog

    monkeypatch.setattr(catalog, "_read", {})


def _from_cache_only(monkeypatch):
    from planlint import catalog
    from planlint.catalog import load

    def refuse(_):
        raise AssertionError("read and validated the rule files again")

    monkeypatch.setattr(load, "build_catalog", refuse)
    monkeypatch.setattr(catalog, "_read", {})


def _comparable(value):
    """A rule's state with each pattern as its source and flags (a pattern read
    back from the cache is compiled when first used)."""
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_comparable(item) for item in value)
    if hasattr(value, "pattern") and hasattr(value, "flags"):
        return ("pattern", value.pattern, value.flags)
    return value


def _same(one, other) -> bool:
    return (one.rules == other.rules and one.profiles == other.profiles
            and [_comparable(rule.state) for rule in one.rules] == [_comparable(rule.state) for rule in other.rules]
            and [rule.time_limited for rule in one.rules] == [rule.time_limited for rule in other.rules])


def test_the_cached_catalog_is_the_one_the_files_give(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    office = _office(tmp_path)
    built = load_catalog([office])
    _from_cache_only(monkeypatch)
    cached = load_catalog([office])
    assert _same(cached, built) and cached.rules
    assert cached.get("JY001").time_limited and not cached.get("PL302").time_limited  # an office's rule keeps the limit
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert check_text(text, catalog=cached, select=["ALL"]) == check_text(text, catalog=built, select=["ALL"])


def test_a_cached_pattern_is_compiled_when_a_rule_first_uses_it(tmp_path, monkeypatch):
    import regex

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    office = _office(tmp_path)
    load_catalog([office])
    _from_cache_only(monkeypatch)
    cached = load_catalog([office])
    compiled = []
    compile_pattern = regex.compile
    monkeypatch.setattr(regex, "compile", lambda source, *rest: (compiled.append(source),
                                                                 compile_pattern(source, *rest))[1])
    assert [d.code for d in check_text("推进其它工作。", catalog=cached, select=["JY001"]).diagnostics] == ["JY001"]
    assert compiled == ["其它"]


def test_a_cached_pattern_that_does_not_compile_fails_its_rule(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    office = _office(tmp_path)
    load_catalog([office])
    [kept] = (tmp_path / "cache").glob("catalog-*.json")
    kept.write_text(kept.read_text(encoding="utf-8").replace('{"regex":["其它",', '{"regex":["(其它",'),
                    encoding="utf-8")
    _from_cache_only(monkeypatch)
    result = check_text("推进其它工作。", catalog=load_catalog([office]), select=["JY001"])
    assert [failure.code for failure in result.failures] == ["JY001"] and not result.diagnostics


def _rule_changed(kept: dict, **fields) -> dict:
    return {**kept, "rules": [{**kept["rules"][0], **fields}, *kept["rules"][1:]]}


def _state_changed(kept: dict, state) -> dict:
    return _rule_changed(kept, state=state)


# Ways a catalog cache file can be damaged, foreign or forged: each gives the
# file's new content from what it held and the payloads to plant.
DAMAGE = {
    "garbage": lambda kept, planted: b"\x00garbage",
    "truncated": lambda kept, planted: json.dumps(kept).encode()[:5000],
    "a pickle": lambda kept, planted: planted.pickle,
    "marshal'd code": lambda kept, planted: planted.marshal,
    "another schema": lambda kept, planted: {**kept, "schema": kept["schema"] + 1},
    "rules not a list": lambda kept, planted: {**kept, "rules": None},
    "profiles not a list": lambda kept, planted: {**kept, "profiles": {}},
    "no profiles": lambda kept, planted: {key: value for key, value in kept.items() if key != "profiles"},
    "a profile's sections": lambda kept, planted: {**kept, "profiles": [["工作要点", "sections", [], "p.yaml"]]},
    "a severity": lambda kept, planted: _rule_changed(kept, severity="fatal"),
    "a kind": lambda kept, planted: _rule_changed(kept, kind="os"),
    "enabled": lambda kept, planted: _rule_changed(kept, enabled="yes"),
    "a message": lambda kept, planted: _rule_changed(kept, message={"zh": "只有中文"}),
    "examples": lambda kept, planted: _rule_changed(kept, examples={"bad": [1], "good": []}),
    "aggregate": lambda kept, planted: _rule_changed(kept, aggregate="3"),
    "params": lambda kept, planted: _rule_changed(kept, params=[]),
    "a missing field": lambda kept, planted: {**kept, "rules": [
        {key: value for key, value in kept["rules"][0].items() if key != "fix"}, *kept["rules"][1:]]},
    "time_limited": lambda kept, planted: _rule_changed(kept, time_limited=None),
    "an unknown tag": lambda kept, planted: _state_changed(kept, {"object": ["os", "system"]}),
    "two tags": lambda kept, planted: _state_changed(kept, {"dict": {}, "tuple": []}),
    "a pattern's flags": lambda kept, planted: _state_changed(kept, {"dict": {"compiled": {"regex": ["x", "M"]}}}),
    "a date": lambda kept, planted: _state_changed(kept, {"dict": {"before": {"date": "明年"}}}),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_foreign_or_planted_catalog_cache_is_rebuilt(tmp_path, monkeypatch, planted, damage):
    from planlint import catalog

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    office = _office(tmp_path)
    built = load_catalog([office])
    [kept] = (tmp_path / "cache").glob("catalog-*.json")
    damaged = damage(json.loads(kept.read_bytes()), planted)
    for path in (kept, kept.with_suffix(".pickle")):  # also where planlint kept a pickle before
        path.write_bytes(damaged if isinstance(damaged, bytes) else json.dumps(damaged).encode())
    monkeypatch.setattr(catalog, "_read", {})
    assert _same(load_catalog([office]), built)
    _from_cache_only(monkeypatch)  # and the file is good again
    assert _same(load_catalog([office]), built)
    assert not planted.marker.exists()
