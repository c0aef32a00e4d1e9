"""The two measures, written out, against the formulas they claim to be."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from planlint.tracing.index import Bm25Index, TfidfIndex


def test_tfidf_is_the_cosine_of_sublinear_smoothed_vectors():
    passages = [Counter({"教师": 2, "培训": 1}), Counter({"学校": 1})]
    query = Counter({"培训": 1})
    index = TfidfIndex(passages, [query])
    idf = {term: math.log(4 / (1 + count)) + 1 for term, count in {"教师": 1, "培训": 2, "学校": 1}.items()}
    teacher, training = (1 + math.log(2)) * idf["教师"], idf["培训"]
    expected = training / math.hypot(teacher, training)
    assert index.scores(query) == {0: pytest.approx(expected)}


def test_bm25_is_the_share_of_the_query_s_weight_a_passage_holds():
    index = Bm25Index([["教师", "培训"], ["学校", "建设"], ["学校", "教师"]])
    scores = index.scores(["教师", "培训"])
    assert set(scores) == {0, 2} and scores[0] > scores[2]
    assert scores[0] == pytest.approx(1.0)  # both words once, at the average length
    assert index.scores(["食堂"]) == {}
