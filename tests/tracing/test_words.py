"""Words and n-grams, read through the vocabulary; the segmenter is an extra."""

from __future__ import annotations

import sys

import pytest

from planlint.tracing import words as words_module
from planlint.tracing.vocabulary import load_vocabulary
from planlint.tracing.words import MissingExtra, Terms, require_segmenter


def test_words_are_read_as_their_form_without_stopwords_or_numbers():
    terms = Terms("进一步举办干部专题培训班2期", load_vocabulary())
    assert terms.words == ["举办", "干部", "专题", "培训"]


def test_ngrams_share_a_number_s_shape_and_stop_at_punctuation():
    vocabulary = load_vocabulary()
    planned, reported = Terms("培训3期", vocabulary).ngrams, Terms("培训2期", vocabulary).ngrams
    assert "0期" in planned and planned == reported
    assert "育，" not in Terms("教育，培训", vocabulary).ngrams and "育培" not in Terms("教育，培训", vocabulary).ngrams


def test_without_the_segmenter_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)
    words_module._cut.cache_clear()
    try:
        with pytest.raises(MissingExtra, match=r"pip install 'planlint\[trace\]'"):
            require_segmenter()
    finally:
        words_module._cut.cache_clear()
