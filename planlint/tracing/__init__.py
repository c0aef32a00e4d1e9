"""Was the plan carried out?  ``trace`` aligns a plan's task items with the summary
that reports on them (planlint trace, planlint.trace).

It needs the word segmenter of the ``trace`` extra (``pip install 'planlint[trace]'``);
without it, MissingExtra (an ImportError) says what to install.  Nothing here is
imported by ``planlint check``.
"""

from __future__ import annotations

from typing import Iterable

from planlint.tracing.result import TraceResult


def trace(plan_text: str, summary_text: str, *, vocabulary_files: Iterable[str] = (),
          plan_path: str = "<plan>", summary_path: str = "<summary>") -> TraceResult:
    """Trace the tasks of ``plan_text`` (its 要点 part, if it is a two-part document)
    through ``summary_text`` (its 总结 part).  ``vocabulary_files`` extend the bundled
    synonyms, stopwords and sections without tasks.  Raises MissingExtra without the
    segmenter and VocabularyError for a vocabulary file that is not one."""
    from planlint.outline.parser import parse
    from planlint.tracing.tracer import trace_documents
    from planlint.tracing.vocabulary import load_vocabulary
    from planlint.tracing.words import require_segmenter

    require_segmenter()
    vocabulary = load_vocabulary(vocabulary_files)
    return trace_documents(parse(plan_text, plan_path), parse(summary_text, summary_path), vocabulary)
