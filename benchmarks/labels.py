"""Reviewed labels for diagnostics: every finding on a corpus of documents is judged
true, false or debatable, with a one-line reason.

A label names the file (relative to a base directory: the repository's root for
the corpus kept here), the rule and the
text of the flagged line (stripped), as a baseline does, so it survives lines
moving; it covers every finding of that rule on that line. ``precision.py`` prints
the figures; ``tests/test_labels.py`` fails when a finding has no label or a label
no finding.

    - {path: seeds/000_42d7a22f1583c568.txt, code: PL301, line: "2018319", verdict: true,
       reason: 成文日期 lost its 年月日}
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

VERDICTS = ("true", "false", "debatable")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Label:
    path: str
    code: str
    line: str
    verdict: str
    reason: str


@dataclass(frozen=True)
class Finding:
    path: str       # relative to the base directory, with /
    code: str
    severity: str
    line: str       # the flagged line's text, stripped
    line_number: int
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.path, self.code, self.line


def load_labels(path: Path) -> list[Label]:
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    labels = []
    for index, entry in enumerate(entries):
        missing = {"path", "code", "line", "verdict", "reason"} - set(entry)
        if missing or entry["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: label #{index + 1} needs path, code, line, a verdict in {VERDICTS} "
                             f"and a reason: {entry}")
        labels.append(Label(str(entry["path"]), str(entry["code"]), str(entry["line"]).strip(),
                            str(entry["verdict"]), str(entry["reason"])))
    return labels


def write_labels(path: Path, labels: Iterable[Label]) -> None:
    """The labels as YAML, one flow mapping a label, sorted by file and line text."""
    import json

    rows = []
    for label in sorted(labels, key=lambda label: (label.path, label.line, label.code)):
        fields = ", ".join(f"{name}: {json.dumps(getattr(label, name), ensure_ascii=False)}"
                           for name in ("path", "code", "line", "verdict", "reason"))
        rows.append(f"- {{{fields}}}\n")
    path.write_text("".join(rows), encoding="utf-8")


def documents(directories: Iterable[Path]) -> list[Path]:
    found = []
    for directory in directories:
        found += sorted(p for p in directory.rglob("*") if p.suffix in DOCUMENT_SUFFIXES and p.is_file())
    return found


def findings(paths: list[Path], base: Path, **options) -> list[Finding]:
    """Every diagnostic planlint gives on ``paths`` (default settings unless ``options``)."""
    from planlint.api import check_paths

    report = check_paths([str(path) for path in paths], cache=False, **options)
    if report.errors:
        print("\n".join(map(str, report.errors)), file=sys.stderr)
    found = []
    for result in report.files:
        relative = Path(result.path).resolve().relative_to(base.resolve()).as_posix()
        for diagnostic in result.diagnostics:
            line = result.excerpts.get(diagnostic.line, "").strip()
            found.append(Finding(relative, diagnostic.code, diagnostic.severity, line, diagnostic.line,
                                 diagnostic.message))
    return found


def match(found: list[Finding], labels: list[Label]) -> tuple[dict, list[Finding], list[Label]]:
    """(finding key → label, findings without a label, labels without a finding)."""
    by_key = {(label.path, label.code, label.line): label for label in labels}
    keys = {finding.key for finding in found}
    unlabelled = [finding for finding in found if finding.key not in by_key]
    stale = [label for key, label in by_key.items() if key not in keys]
    return by_key, unlabelled, stale


def tally(found: list[Finding], by_key: dict) -> dict[str, Counter]:
    """Verdict counts per rule code, per severity ("severity:error"…) and in all ("all")."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for finding in found:
        label = by_key.get(finding.key)
        verdict = label.verdict if label else "unlabelled"
        for group in (finding.code, f"severity:{finding.severity}", "all"):
            counts[group][verdict] += 1
    return counts


def precision(counts: Counter) -> float | None:
    judged = counts["true"] + counts["false"]
    return counts["true"] / judged if judged else None
