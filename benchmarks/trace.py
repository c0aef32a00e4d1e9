"""How well `planlint trace` aligns plans with their summaries, on the labelled pairs.

    python benchmarks/trace.py                     # corpus/trace/labels.yaml
    python benchmarks/trace.py --labels FILE       # pairs labelled elsewhere (paths relative to FILE)
    python benchmarks/trace.py --segmenter jieba   # the same with jieba instead of rjieba
    python benchmarks/trace.py --tfidf sklearn --bm25 rank-bm25   # the libraries instead of planlint's own
    python benchmarks/trace.py --speed             # also: time a pair of 100-task documents

Prints, per pair and overall, precision, recall and F1 of
- alignment: the (task, summary line) links, against the labelled lines that report each task;
- "not reported": the tasks traced as unreported, against those labelled so;
- unplanned: the summary lines reported as unplanned achievements;
and the accuracy of the three-way status and of the target verdicts (met/short/unknown).
Labels are described at the top of corpus/trace/labels.yaml.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from planlint.api import parse_path  # noqa: E402
from planlint.tracing import tracer as tracer_module, words as words_module  # noqa: E402
from planlint.tracing.tracer import trace_documents  # noqa: E402
from planlint.tracing.vocabulary import load_vocabulary  # noqa: E402


class LabelError(Exception):
    pass


def _line_of(snippet: str, lines: list[str], where: str) -> int:
    found = [number for number, text in enumerate(lines, 1) if snippet in text]
    if len(found) != 1:
        raise LabelError(f"{where}: “{snippet}” is on {len(found)} lines of the summary, not one")
    return found[0]


def _prf(true_positive: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class Tally:
    def __init__(self):
        self.counts = Counter()

    def add(self, name: str, predicted: set, gold: set) -> None:
        self.counts[name + ":tp"] += len(predicted & gold)
        self.counts[name + ":predicted"] += len(predicted)
        self.counts[name + ":gold"] += len(gold)

    def prf(self, name: str) -> tuple[float, float, float]:
        return _prf(self.counts[name + ":tp"], self.counts[name + ":predicted"], self.counts[name + ":gold"])


def evaluate_pair(pair: dict, base: Path, vocabulary, tally: Tally, errors: list[str], verbose: bool) -> dict:
    where = f"pair {pair['id']}"
    plan = parse_path(str(base / pair["plan"]))
    summary = parse_path(str(base / pair["summary"]))
    result = trace_documents(plan, summary, vocabulary)
    traced = {"".join(task.path): task for task in result.tasks}
    labels = pair["tasks"]
    if set(traced) != set(labels):
        raise LabelError(f"{where}: tasks traced but not labelled {sorted(set(traced) - set(labels))}, "
                         f"labelled but not traced {sorted(set(labels) - set(traced))}")
    own = Tally()
    status_right = 0
    for key, label in labels.items():
        task = traced[key]
        gold = {(key, _line_of(snippet, summary.lines, where)) for snippet in label.get("report") or ()}
        predicted = {(key, item.line) for item in task.evidence}
        for target in (own, tally):
            target.add("align", predicted, gold)
            target.add("unreported", {key} if task.status == "unreported" else set(),
                       {key} if label["status"] == "unreported" else set())
        status_right += task.status == label["status"]
        tally.counts["status:right"] += task.status == label["status"]
        tally.counts["status:all"] += 1
        if verbose and (predicted != gold or task.status != label["status"]):
            errors.append(f"{where} {key} {task.title}: status {task.status} (label {label['status']}); "
                          f"lines {sorted(line for _, line in predicted)} (label {sorted(line for _, line in gold)})")
        for planned, verdict in (label.get("targets") or {}).items():
            found = [target for target in task.targets if str(planned) in target.planned]
            tally.counts["targets:all"] += 1
            if not found:
                tally.counts["targets:missed"] += 1
                if verbose:
                    errors.append(f"{where} {key}: target {planned} not found among {[t.planned for t in task.targets]}")
                continue
            got = found[0].verdict
            tally.counts[f"targets:{verdict}->{got}"] += 1
            tally.counts["targets:right"] += got == verdict
            if verbose and got != verdict:
                errors.append(f"{where} {key}: target {planned} {got} (label {verdict}), reported {found[0].reported}")
    gold_unplanned = {_line_of(snippet, summary.lines, where) for snippet in pair.get("unplanned") or ()}
    predicted_unplanned = {item.line for item in result.unplanned}
    own.add("unplanned", predicted_unplanned, gold_unplanned)
    tally.add("unplanned", predicted_unplanned, gold_unplanned)
    if verbose and predicted_unplanned != gold_unplanned:
        errors.append(f"{where} unplanned: {sorted(predicted_unplanned)} (label {sorted(gold_unplanned)})")
    return {"id": pair["id"], "tasks": len(labels), "align": own.prf("align"), "unreported": own.prf("unreported"),
            "unplanned": own.prf("unplanned"), "status": status_right / len(labels)}


def _cells(values: tuple[float, float, float]) -> str:
    return " | ".join(f"{value:.2f}" for value in values)


def _use_jieba() -> None:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    words_module._cut.cache_clear()
    words_module._cut = lambda: jieba.lcut


def _use_sklearn_tfidf() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    class SklearnTfidf:
        def __init__(self, passages, queries):
            self.vectorizer = TfidfVectorizer(analyzer=lambda counts: list(counts.elements()), sublinear_tf=True)
            self.vectorizer.fit([*passages, *queries])
            self.matrix = self.vectorizer.transform(passages).T.tocsr()
            self.idf = dict(zip(self.vectorizer.get_feature_names_out(), self.vectorizer.idf_))

        def scores(self, counts):
            row = self.vectorizer.transform([counts]) @ self.matrix
            row = row.tocoo()
            return {int(index): float(value) for index, value in zip(row.col, row.data)}

    tracer_module.TfidfIndex = SklearnTfidf


def _use_rank_bm25() -> None:
    from rank_bm25 import BM25Okapi

    class RankBm25:
        def __init__(self, passages):
            self.model = BM25Okapi([list(words) or ["\0"] for words in passages])

        def word_idf(self, word):
            return max(self.model.idf.get(word, 0.0), 0.0)

        def scores(self, query):
            words = list(set(query))
            total = sum(self.word_idf(word) for word in words)
            if not total:
                return {}
            return {index: float(value) / total for index, value in enumerate(self.model.get_scores(words)) if value}

    tracer_module.Bm25Index = RankBm25


def _synthetic_pair(pairs: list[dict], base: Path, tasks: int) -> tuple[str, str]:
    """A plan of ``tasks`` tasks (the corpus's tasks renumbered under ten sections) and a
    summary made of the corpus's summaries, as one long pair."""
    vocabulary = load_vocabulary()
    from planlint.numerals import int_to_chinese
    from planlint.tracing.documents import plan_tasks

    texts, summaries = [], []
    for pair in pairs:
        plan = parse_path(str(base / pair["plan"]))
        texts.extend(task.text for task in plan_tasks(plan, vocabulary.skip_sections)[1])
        summary = parse_path(str(base / pair["summary"]))
        summaries.extend(line for line in summary.lines if line.strip())
    while len(texts) < tasks:
        texts = texts + texts
    per_section = tasks // 10
    plan_lines = ["某市2024年工作要点", ""]
    for section in range(10):
        plan_lines.append(f"{int_to_chinese(section + 1)}、重点任务第{section + 1}组")
        for index in range(per_section):
            number = section * per_section + index + 1
            plan_lines.append(f"{number}.{texts[number - 1]}")
    summary_lines = ["某市2024年工作总结", ""] + [line for line in summaries if not line.endswith(("要点", "计划"))]
    return "\n".join(plan_lines) + "\n", "\n".join(summary_lines) + "\n"


def measure_speed(pairs: list[dict], base: Path, rounds: int = 5) -> None:
    import planlint

    plan_text, summary_text = _synthetic_pair(pairs, base, 100)
    planlint.trace(plan_text, summary_text)  # warm: the segmenter's dictionary
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = planlint.trace(plan_text, summary_text)
        times.append(time.perf_counter() - start)
    summary_lines = summary_text.count("\n")
    print(f"\n100-task pair ({len(result.tasks)} tasks, {summary_lines} summary lines, "
          f"{len(plan_text) + len(summary_text)} characters): planlint.trace in one process, "
          f"median {statistics.median(times):.3f} s, best {min(times):.3f} s of {rounds}")
    scratch = Path(__import__("tempfile").mkdtemp())
    (scratch / "plan.txt").write_text(plan_text, encoding="utf-8")
    (scratch / "summary.txt").write_text(summary_text, encoding="utf-8")
    command = [sys.executable, "-m", "planlint", "trace", "--format", "json", str(scratch / "plan.txt"),
               str(scratch / "summary.txt")]
    subprocess.run(command, capture_output=True, check=True)
    cold = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        cold.append(time.perf_counter() - start)
    print(f"the same pair through `python -m planlint trace --format json` (a new process each time): "
          f"median {statistics.median(cold):.3f} s, best {min(cold):.3f} s of {rounds}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=ROOT / "corpus" / "trace" / "labels.yaml")
    parser.add_argument("--segmenter", choices=("rjieba", "jieba"), default="rjieba")
    parser.add_argument("--tfidf", choices=("planlint", "sklearn"), default="planlint")
    parser.add_argument("--bm25", choices=("planlint", "rank-bm25"), default="planlint")
    parser.add_argument("--speed", action="store_true", help="also time a pair of 100-task documents")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement with the labels")
    args = parser.parse_args(argv)
    if args.segmenter == "jieba":
        _use_jieba()
    if args.tfidf == "sklearn":
        _use_sklearn_tfidf()
    if args.bm25 == "rank-bm25":
        _use_rank_bm25()
    pairs = yaml.safe_load(args.labels.read_text(encoding="utf-8"))["pairs"]
    base = args.labels.parent
    vocabulary = load_vocabulary()
    tally, errors, rows = Tally(), [], []
    try:
        for pair in pairs:
            rows.append(evaluate_pair(pair, base, vocabulary, tally, errors, args.verbose))
    except LabelError as error:
        print(f"label error: {error}", file=sys.stderr)
        return 2
    print(f"segmenter {args.segmenter}, TF-IDF {args.tfidf}, BM25 {args.bm25}\n")
    print("| pair | tasks | align P | align R | align F1 | not-reported P | R | F1 | unplanned P | R | F1 | status |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['id']} | {row['tasks']} | {_cells(row['align'])} | {_cells(row['unreported'])} "
              f"| {_cells(row['unplanned'])} | {row['status']:.2f} |")
    counts = tally.counts
    print(f"| all | {counts['status:all']} | {_cells(tally.prf('align'))} | {_cells(tally.prf('unreported'))} "
          f"| {_cells(tally.prf('unplanned'))} | {counts['status:right'] / counts['status:all']:.2f} |")
    print(f"\ntargets: {counts['targets:right']} of {counts['targets:all']} verdicts right "
          f"({counts['targets:right'] / counts['targets:all']:.2f}); {counts['targets:missed']} not found; "
          + ", ".join(f"{key.split(':')[1]} {value}" for key, value in sorted(counts.items())
                      if key.startswith("targets:") and "->" in key and key.split(":")[1].split("->")[0]
                      != key.split(":")[1].split("->")[1]))
    for line in errors:
        print(line)
    if args.speed:
        measure_speed(pairs, base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
