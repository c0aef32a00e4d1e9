"""jsonschema's errors said in either language, with the key path and the offending value."""

from __future__ import annotations

import jsonschema
import pytest

from planlint.schemaerrors import describe, shown

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "kind"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "kind": {"enum": ["a", "b"]},
        "code": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{3}$"},
        "items": {"type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": True},
        "limit": {"type": "integer", "minimum": 1, "maximum": 9},
        "short": {"type": "string", "minLength": 3, "maxLength": 4},
        "fixed": {"const": 1},
        "table": {"type": "object", "minProperties": 1},
        "either": {"type": ["string", "null"]},
        "odd": {"multipleOf": 2},
    },
}


def _said(instance: dict) -> list[tuple[list, str, str]]:
    errors = jsonschema.Draft202012Validator(SCHEMA).iter_errors(instance)
    return [(path, words.say("zh"), words.say("en")) for error in errors for path, words in describe(error)]


@pytest.mark.parametrize(("instance", "path", "zh", "en"), [
    ({"name": 5}, ["name"], "应为文字（字符串），而不是 5", "must be a string, not 5"),
    ({"name": ""}, ["name"], "不能为空", "must not be empty"),
    ({"kind": "c"}, ["kind"], '值 "c" 无效，可选："a"、"b"', '"c" is not one of "a", "b"'),
    ({"code": "pl101"}, ["code"], '值 "pl101" 的写法不对，应符合 ^[A-Z]{2}[0-9]{3}$',
     '"pl101" does not match ^[A-Z]{2}[0-9]{3}$'),
    ({"items": []}, ["items"], "列表不能为空", "must not be an empty list"),
    ({"items": [1, 2, 3]}, ["items"], "最多只能有 2 项", "must have at most 2 items"),
    ({"items": [1, 1]}, ["items"], "列表中有重复的项", "has repeated items"),
    ({"limit": 0}, ["limit"], "值 0 太小，最小为 1", "0 is less than the minimum of 1"),
    ({"limit": 10}, ["limit"], "值 10 太大，最大为 9", "10 is more than the maximum of 9"),
    ({"limit": "5"}, ["limit"], '应为整数，而不是 "5"', 'must be a whole number, not "5"'),
    ({"short": "ab"}, ["short"], "至少要有 3 个字符", "must have at least 3 characters"),
    ({"short": "abcde"}, ["short"], "最多只能有 4 个字符", "must have at most 4 characters"),
    ({"fixed": 2}, ["fixed"], "值应为 1，而不是 2", "must be 1, not 2"),
    ({"table": {}}, ["table"], "至少要有 1 个键", "must have at least 1 key"),
    ({"either": 1}, ["either"], "类型应为 string、null，而不是 1", "must be of type string, null, not 1"),
    ({"odd": 3}, ["odd"], "值 3 不符合要求（multipleOf）", "3 is not valid here (multipleOf)"),
])
def test_each_validator_in_both_languages(instance, path, zh, en):
    assert (path, zh, en) in _said({"name": "x", "kind": "a", **instance})


def test_every_missing_field_in_one_message():
    assert _said({}) == [([], "缺少必填项 name、kind", "required but missing: name, kind")] * 2


def test_each_unknown_key_is_named_in_the_path():
    said = _said({"name": "x", "kind": "a", "colour": 1, "size": 2})
    assert [path for path, _, _ in said] == [["colour"], ["size"]]
    assert said[0][1].startswith("未知的键；可用的键：code、either、")
    assert said[0][2].startswith("unknown key; known keys are code, either, ")


def test_a_long_value_is_cut_to_fit_a_line():
    assert shown("甲" * 100) == '"' + "甲" * 58 + "…"
    assert shown({"a": [1, None, True]}) == '{"a": [1, null, true]}'
