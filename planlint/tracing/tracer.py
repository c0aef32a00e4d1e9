"""Align a plan's tasks with the summary that reports on them.

Each task is read sentence by sentence.  Every task sentence is scored against every
summary sentence twice — cosine of character 2–3-gram TF-IDF, which rewards shared
phrasing, and BM25 over segmented words, which rewards the rare words a paraphrase
keeps (组织干部培训3期 ↔ 举办干部专题培训班2期) — weighted 0.7 and 0.3 (the weights, like
the thresholds below, were chosen on the labelled pairs of corpus/trace: TF-IDF alone
links better than BM25 alone, the two together best).  A task's score for a summary
sentence is its best sentence's, a run-in heading's title counting for less.  A
summary sentence reports the tasks it scores highly against, as long as each is close
to the best task it matches (a sentence reports one task, sometimes two merged); a
sentence that names the plan's item reports it whatever its words.  A task whose
evidence holds most of its phrases is reported, one with less partly reported, one
with no evidence not reported.  Summary paragraphs that report no task and state an
achievement (a figure, an award) are unplanned: their sentences that match no task
closely are listed (a paragraph that reports a task may elaborate on it with figures
of its own; those are not unplanned).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planlint.outline.model import Document
from planlint.tracing.documents import Sentence, Task, plan_tasks, summary_passages
from planlint.tracing.figures import deadlines, figures, judge_deadline, judge_figure
from planlint.tracing.index import Bm25Index, TfidfIndex
from planlint.tracing.links import explicit_links
from planlint.tracing.result import Evidence, TaskTrace, TraceResult, Unplanned
from planlint.tracing.vocabulary import Vocabulary, load_vocabulary
from planlint.tracing.words import Terms

_ACHIEVEMENT = re.compile(r"获|荣获|评为|入选|授予|称号|奖|第一|首位|首批|表彰|建成|新增|突破|创建")
_SHORTCOMING = re.compile(r"不足|问题|短板|薄弱|有待|差距|不够|滞后|困难")
_EVIDENCE_TERMS = 6


class Settings(NamedTuple):
    char_weight: float = 0.7      # TF-IDF's share of the combined score (BM25 has the rest)
    link: float = 0.25            # a passage reports a task from this score…
    share_of_best: float = 0.7    # …when it is at least this share of the passage's best task score
    covered: float = 0.3          # a task's phrase is reported when its evidence holds this share of its n-grams
    reported_share: float = 0.5   # the share of a task's phrases covered for it to count as reported
    unplanned: float = 0.2        # an achievement scoring below this against every task is unplanned
    title_weight: float = 0.8     # a run-in heading's title counts for this share of its score
    max_evidence: int = 5


DEFAULT = Settings()


def _content_length(text: str) -> int:
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff" or char.isalnum())


class _Scores:
    """Every clause of every task scored against every passage (only the non-zero ones kept)."""

    def __init__(self, tasks: list[Task], passages: list[Sentence], vocabulary: Vocabulary, settings: Settings):
        self.passage_terms = [Terms(passage.text, vocabulary) for passage in passages]
        self.clause_terms = [[Terms(clause.text, vocabulary) for clause in task.clauses] for task in tasks]
        queries = [terms.ngrams for clauses in self.clause_terms for terms in clauses]
        self.tfidf = tfidf = TfidfIndex([terms.ngrams for terms in self.passage_terms], queries)
        self.bm25 = Bm25Index([terms.words for terms in self.passage_terms])
        weight = settings.char_weight
        self.clauses: list[list[dict[int, float]]] = []
        for clauses in self.clause_terms:
            scored = []
            for terms in clauses:
                combined = {index: weight * value for index, value in tfidf.scores(terms.ngrams).items()}
                for index, value in self.bm25.scores(terms.words).items():
                    combined[index] = combined.get(index, 0.0) + (1 - weight) * value
                scored.append(combined)
            self.clauses.append(scored)
        self.tasks: list[dict[int, float]] = []
        for task, scored in zip(tasks, self.clauses):
            best: dict[int, float] = {}
            for clause, combined in zip(task.clauses, scored):
                # A run-in heading's title ("推进义务教育学校建设。") names a field, not what was done in it.
                weight = settings.title_weight if len(task.clauses) > 1 and clause.text.rstrip("。") == task.title else 1.0
                for index, value in combined.items():
                    if weight * value > best.get(index, 0.0):
                        best[index] = weight * value
            self.tasks.append(best)

    def shared_terms(self, task: int, passage: int) -> list[str]:
        """The rarest words the task and the passage share, as the summary writes them."""
        task_words = {word for terms in self.clause_terms[task] for word in terms.words}
        terms = self.passage_terms[passage]
        shared = sorted(task_words.intersection(terms.words), key=lambda word: (-self.bm25.word_idf(word), word))
        return [terms.surface[word] for word in shared[:_EVIDENCE_TERMS]]


_PHRASE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def _phrases(task: Task) -> list[str]:
    """The task's phrases (its sentences cut at commas), without its title when it has more:
    "新建村级养老服务站2个" and "完成镇卫生院住院楼改造" are reported, or not, one by one."""
    phrases = [phrase for clause in task.clauses for phrase in _PHRASE_BREAK.split(clause.text)
               if _content_length(phrase) >= 4]
    rest = [phrase for phrase in phrases if phrase != task.title]
    return rest or phrases


def _status(task: int, linked: list[int], scores: _Scores, tasks: list[Task], vocabulary: Vocabulary,
            settings: Settings) -> str:
    """Reported when the linked passages hold most of the task's phrases (most of each
    phrase's weighted n-grams), partly reported when they hold fewer."""
    if not linked:
        return "unreported"
    found = set().union(*(scores.passage_terms[index].ngrams for index in linked))
    total = covered = 0.0
    for phrase in _phrases(tasks[task]):
        ngrams = Terms(phrase, vocabulary).ngrams
        weight = sum(scores.tfidf.idf.get(gram, 0.0) for gram in ngrams)
        held = sum(scores.tfidf.idf.get(gram, 0.0) for gram in ngrams if gram in found)
        total += 1
        covered += weight > 0 and held / weight >= settings.covered
    return "reported" if total and covered / total >= settings.reported_share else "partial"


def _targets(task: Task, evidence: list[Evidence], summary: Document, year: int | None):
    paragraphs = summary.shared(("trace", "paragraph of line"), lambda: {
        line: block.text for block in summary.blocks() for line in block.lines})
    lines = sorted({item.line for item in evidence})
    evidence_lines = [(line, paragraphs.get(line, summary.lines[line - 1])) for line in lines]
    found = []
    for clause in task.clauses:
        for figure in figures(clause.text):
            found.append(judge_figure(figure, clause.line, evidence_lines))
        for deadline in deadlines(clause.text, year):
            found.append(judge_deadline(deadline, clause.line, evidence_lines, year))
    return found


def trace_documents(plan: Document, summary: Document, vocabulary: Vocabulary | None = None,
                    settings: Settings = DEFAULT) -> TraceResult:
    """Trace the plan's tasks (its 要点 part, if it has two) through the summary (its 总结 part)."""
    vocabulary = vocabulary or load_vocabulary()
    plan_side, tasks = plan_tasks(plan, vocabulary.skip_sections)
    summary_side, passages = summary_passages(summary)
    scores = _Scores(tasks, passages, vocabulary, settings)
    explicit: dict[tuple[int, int], str] = {}  # (task, passage) → the words that name the task
    for index, passage in enumerate(passages):
        for named, said in explicit_links(passage, tasks):
            explicit[(named, index)] = said
            scores.tasks[named][index] = max(scores.tasks[named].get(index, 0.0), 1.0)
    best = [0.0] * len(passages)
    for scored in scores.tasks:
        for index, value in scored.items():
            best[index] = max(best[index], value)
    traces = []
    linked_anywhere: set[int] = set()
    for task_index, task in enumerate(tasks):
        scored = scores.tasks[task_index]
        linked = [index for index, value in scored.items()
                  if (task_index, index) in explicit
                  or (value >= settings.link and value >= settings.share_of_best * best[index])]
        linked.sort(key=lambda index: -scored[index])
        linked_anywhere.update(linked)
        evidence = [Evidence(passages[index].line, passages[index].column, passages[index].text, scored[index],
                             [*([explicit[(task_index, index)]] if (task_index, index) in explicit else []),
                              *scores.shared_terms(task_index, index)], (task_index, index) in explicit)
                    for index in linked[:settings.max_evidence]]
        evidence.sort(key=lambda item: (item.line, item.column))
        traces.append(TaskTrace(task.path, task.title, task.text, task.node.span.line,
                                _status(task_index, linked, scores, tasks, vocabulary, settings), evidence,
                                _targets(task, evidence, summary, plan_side.year)))
    reporting = {passages[index].paragraph for index in linked_anywhere}
    unplanned = [Unplanned(passage.line, passage.column, passage.text, best[index])
                 for index, passage in enumerate(passages)
                 if passage.paragraph not in reporting and best[index] < settings.unplanned
                 and (_ACHIEVEMENT.search(passage.text) or figures(passage.text))
                 and not _SHORTCOMING.search(passage.text)]
    return TraceResult(plan_side, summary_side, traces, unplanned)
