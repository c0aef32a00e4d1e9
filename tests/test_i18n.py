"""The command line's words: both languages for every key, lists, counts, Words said later."""

from __future__ import annotations

import pickle
import string

import pytest

from planlint import i18n
from planlint.i18n import Words, say, words


@pytest.mark.parametrize("key", sorted(i18n._TEXT))
def test_both_languages_take_the_same_values(key):
    zh, en = i18n._TEXT[key]
    names = [{name for _, name, _, _ in string.Formatter().parse(text) if name} for text in (zh, en)]
    assert names[0] == names[1], key


def test_a_tuple_is_listed_and_an_int_counts_in_english():
    assert say("schema.required", "zh", names=("a", "b")) == "缺少必填项 a、b"
    assert say("schema.required", "en", names=("a", "b")) == "required but missing: a, b"
    assert say("baseline-hidden", "en", count=1) == "1 diagnostic hidden by the baseline"
    assert say("config.key", "en", key="select") == "key select"  # a value may be called "key"


def test_words_are_said_in_either_language_and_pickle():
    said = words("unknown-code", value='"PL999"')
    assert (said.say("zh"), str(said)) == ('"PL999" 不是已知的规则代码', 'unknown rule code "PL999"')
    assert pickle.loads(pickle.dumps(said)) == said == Words("unknown-code", (("value", '"PL999"'),))


def test_unknown_words_fail_where_they_are_made():
    with pytest.raises(KeyError):
        words("no-such-key")
