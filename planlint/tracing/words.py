"""Words and character n-grams of a piece of text, as trace compares them.

Words come from rjieba (jieba's dictionary and HMM in Rust: a 5 MB wheel that loads
in a tenth of a second and needs no download), each read through the vocabulary's
synonyms; stopwords and numbers are dropped.  The character n-grams are taken from
the same normalised words, so a synonym helps both measures, and every run of
digits reads as one "0": "3期" and "2期" share "0期".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from planlint.tracing.vocabulary import Vocabulary

EXTRA = "planlint[trace]"
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_NGRAM_SIZES = (2, 3)


class MissingExtra(ImportError):
    """rjieba is not installed: ``pip install 'planlint[trace]'``."""

    def __init__(self) -> None:
        super().__init__(f"planlint trace needs the optional word segmenter: pip install '{EXTRA}'")


@lru_cache(maxsize=1)
def _cut():
    try:
        import rjieba
    except ImportError:
        raise MissingExtra() from None
    return rjieba.cut


def require_segmenter() -> None:
    """Raise MissingExtra now, before any work, if the segmenter is missing."""
    _cut()


class Terms:
    """A text's normalised words (for BM25 and evidence) and character n-grams (for TF-IDF)."""

    __slots__ = ("words", "ngrams", "surface")

    def __init__(self, text: str, vocabulary: Vocabulary):
        normalised = []
        self.surface: dict[str, str] = {}  # a word's form → the text's own word for it (研修 for 培训)
        for token in _cut()(text):
            if _DIGITS.fullmatch(token):
                normalised.append("0")
            elif _CONTENT.search(token):
                word = vocabulary.word(token)
                self.surface.setdefault(word, token)
                normalised.append(word)
            else:
                normalised.append("|")  # punctuation breaks n-grams
        self.words = [word for word in normalised
                      if len(word) > 1 and word not in vocabulary.stopwords and _CONTENT.search(word)]
        self.ngrams: Counter[str] = Counter()
        for run in "".join(normalised).split("|"):
            for size in _NGRAM_SIZES:
                self.ngrams.update(run[index:index + size] for index in range(len(run) - size + 1))
