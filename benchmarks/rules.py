"""Where a check's time goes, rule by rule: parse, then each rule of the default
catalog on the seeds, in one process, best of several rounds.

    python benchmarks/rules.py [--rounds 20] [--top 25]

Prints milliseconds per document for the parse, for each rule kind and for the
dearest rules.  A rule that builds a view other rules share (the joined text
of a scope, the date mentions) is charged for building it, so the order of the
catalog moves a little time between rules; the kind totals do not move.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEEDS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    from planlint.catalog import bundled_catalog
    from planlint.config import Config
    from planlint.engine import _findings
    from planlint.outline.parser import parse

    rules = bundled_catalog().configure(Config(), (), ())
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    parse_best, rule_best = float("inf"), Counter()
    for _ in range(args.rounds):
        parse_time, rule_time = 0.0, Counter()
        for text in texts:
            start = time.perf_counter()
            document = parse(text)
            parse_time += time.perf_counter() - start
            for rule in rules:
                start = time.perf_counter()
                _findings(document, rule, rule.aggregate is not None)
                rule_time[rule.code] += time.perf_counter() - start
        parse_best = min(parse_best, parse_time)
        for code, seconds in rule_time.items():
            rule_best[code] = min(rule_best.get(code, float("inf")), seconds)

    per_document = 1000 / len(texts)
    kinds = Counter()
    for rule in rules:
        kinds[rule.kind] += rule_best[rule.code]
    print(f"parse                  {parse_best * per_document:.3f} ms a document")
    print(f"rules                  {sum(rule_best.values()) * per_document:.3f} ms a document")
    for kind, seconds in kinds.most_common():
        print(f"  {kind:20s} {seconds * per_document:.3f}")
    print(f"dearest {args.top} rules:")
    kind_of = {rule.code: rule.kind for rule in rules}
    for code, seconds in rule_best.most_common(args.top):
        print(f"  {code} {kind_of[code]:13s} {seconds * per_document:.3f}")


if __name__ == "__main__":
    main()
