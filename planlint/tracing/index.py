"""Two ways to score how well a query (a task's clause) matches each passage of a
summary: cosine of character n-gram TF-IDF vectors, and BM25 over words.

Both are written out here rather than taken from scikit-learn and rank-bm25: a plan
and its summary are a few hundred passages, an inverted index over dictionaries
scores them in milliseconds, and scikit-learn would add 200 MB of install and half
a second of import to every run (benchmarks/trace.py measures both).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Sequence


class TfidfIndex:
    """Sublinear tf × smoothed idf, L2-normalised (scikit-learn's TfidfVectorizer with
    sublinear_tf=True), fitted on the passages and the queries together so that a
    phrase every task repeats weighs little."""

    def __init__(self, passages: Sequence[Counter], queries: Sequence[Counter]):
        frequency: Counter[str] = Counter()
        for counts in (*passages, *queries):
            frequency.update(counts.keys())
        total = len(passages) + len(queries)
        self.idf = {term: math.log((1 + total) / (1 + count)) + 1 for term, count in frequency.items()}
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, counts in enumerate(passages):
            for term, weight in self.vector(counts).items():
                self.postings[term].append((index, weight))

    def vector(self, counts: Counter) -> dict[str, float]:
        weights = {term: (1 + math.log(count)) * self.idf.get(term, 0.0) for term, count in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        return {term: weight / norm for term, weight in weights.items() if weight}

    def scores(self, counts: Counter) -> dict[int, float]:
        """passage index → cosine similarity, for the passages that share an n-gram with the query."""
        found: dict[int, float] = defaultdict(float)
        for term, weight in self.vector(counts).items():
            for index, passage_weight in self.postings.get(term, ()):
                found[index] += weight * passage_weight
        return found


class Bm25Index:
    """Okapi BM25 (k1 1.5, b 0.75, Lucene's idf, which is never negative), with each
    score divided by the query's own weight: the share of the query's weighted words
    a passage holds, near 1 when it holds them all once."""

    K1 = 1.5
    B = 0.75

    def __init__(self, passages: Sequence[Sequence[str]]):
        self.count = len(passages)
        self.average_length = sum(map(len, passages)) / self.count if self.count else 0.0
        frequency: Counter[str] = Counter()
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths = [len(words) for words in passages]
        for index, words in enumerate(passages):
            counts = Counter(words)
            frequency.update(counts.keys())
            for word, count in counts.items():
                self.postings[word].append((index, count))
        self.idf = {word: math.log((self.count - n + 0.5) / (n + 0.5) + 1) for word, n in frequency.items()}

    def word_idf(self, word: str) -> float:
        return self.idf.get(word, math.log(self.count + 1.5) if self.count else 0.0)

    def scores(self, query: Sequence[str]) -> dict[int, float]:
        """passage index → normalised BM25, for the passages that share a word with the query."""
        words = set(query)
        total = sum(self.word_idf(word) for word in words)
        found: dict[int, float] = defaultdict(float)
        if not total or not self.average_length:
            return found
        for word in words:
            idf = self.idf.get(word)
            if idf is None:
                continue
            for index, count in self.postings[word]:
                norm = 1 - self.B + self.B * self.lengths[index] / self.average_length
                found[index] += idf * count * (self.K1 + 1) / (count + self.K1 * norm) / total
        return found
