"""Precision of planlint's findings on a labelled corpus.

    python benchmarks/precision.py                       # corpus/docs and seeds/, corpus/labels.yaml
    python benchmarks/precision.py --base DIR --labels FILE DIR…   # documents kept elsewhere
    python benchmarks/precision.py --write-missing FILE  # append unlabelled findings to review

Prints, per rule and per severity, how many findings are true, false, debatable
and unlabelled, and precision = true / (true + false); then findings per
document (median, mean, max) for the documents and for those without a true
finding ("clean"). Labels are described in benchmarks/labels.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from labels import Label, documents, findings, load_labels, match, precision, tally, write_labels  # noqa: E402


def _row(name: str, counts: Counter) -> str:
    value = precision(counts)
    shown = f"{value:.2f}" if value is not None else "—"
    return (f"| {name} | {sum(counts.values())} | {counts['true']} | {counts['false']} | {counts['debatable']} "
            f"| {counts['unlabelled']} | {shown} |")


def report(found, by_key, paths: list[Path], base: Path) -> str:
    counts = tally(found, by_key)
    lines = ["| rule | findings | true | false | debatable | unlabelled | precision |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [_row(name, counts[name]) for name in sorted(counts) if name.startswith("PL") or
              not name.startswith(("severity:", "all"))]
    lines += [_row(name.split(":")[1], counts[name]) for name in ("severity:error", "severity:warning",
                                                                   "severity:info") if name in counts]
    lines.append(_row("all", counts["all"]))
    per_document: dict[str, list] = defaultdict(list)
    for finding in found:
        per_document[finding.path].append(finding)
    totals, clean = [], []
    for path in paths:
        relative = path.resolve().relative_to(base.resolve()).as_posix()
        own = per_document.get(relative, [])
        totals.append(len(own))
        if not any((label := by_key.get(finding.key)) and label.verdict == "true" for finding in own):
            clean.append(len(own))
    lines.append("")
    lines.append(f"{len(paths)} documents: findings per document median {statistics.median(totals):g}, "
                 f"mean {statistics.mean(totals):.2f}, max {max(totals)}")
    if clean:
        lines.append(f"{len(clean)} documents without a true finding: median {statistics.median(clean):g}, "
                     f"mean {statistics.mean(clean):.2f}, max {max(clean)}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directories", nargs="*", type=Path,
                        help="document directories (default: corpus/docs and seeds)")
    parser.add_argument("--base", type=Path, default=ROOT, help="labels' paths are relative to this directory")
    parser.add_argument("--labels", type=Path, default=ROOT / "corpus" / "labels.yaml")
    parser.add_argument("--write-missing", type=Path, metavar="FILE",
                        help="write the unlabelled findings to FILE as labels to review (verdict: debatable)")
    args = parser.parse_args(argv)
    directories = args.directories or [ROOT / "corpus" / "docs", ROOT / "seeds"]
    paths = documents(directories)
    found = findings(paths, args.base)
    labels = load_labels(args.labels) if args.labels.exists() else []
    by_key, unlabelled, stale = match(found, labels)
    print(report(found, by_key, paths, args.base))
    if stale:
        print(f"\n{len(stale)} labels match no finding any more (a finding gone: review and remove them).")
    if unlabelled:
        print(f"\n{len(unlabelled)} findings have no label.")
    if args.write_missing and unlabelled:
        todo = {finding.key: Label(finding.path, finding.code, finding.line, "debatable",
                                   f"TODO review: {finding.message}") for finding in unlabelled}
        write_labels(args.write_missing, todo.values())
        print(f"wrote {len(todo)} labels to review into {args.write_missing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
