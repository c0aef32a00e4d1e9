"""Every finding on the project's corpus and the seeds is reviewed: each has a label
(true, false or debatable, with a reason) in corpus/labels.yaml, and each label a
finding. A change that adds or removes findings shows up here, to be reviewed.

    python benchmarks/precision.py --write-missing todo.yaml   # the findings to label
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from labels import documents, findings, load_labels, match  # noqa: E402

LABELS = ROOT / "corpus" / "labels.yaml"


def test_every_finding_is_reviewed_and_every_label_is_current():
    found = findings(documents([ROOT / "corpus" / "docs", ROOT / "seeds"]), ROOT)
    _, unlabelled, stale = match(found, load_labels(LABELS))
    assert not unlabelled, "findings without a label (review them; benchmarks/precision.py --write-missing):\n" + \
        "\n".join(f"{f.path}:{f.line_number} {f.code} {f.message}" for f in unlabelled)
    assert not stale, "labels that match no finding any more (remove them):\n" + \
        "\n".join(f"{label.path} {label.code} {label.line[:40]}" for label in stale)


def test_the_seeds_errors_are_all_true():
    labels = load_labels(LABELS)
    seeds = [label for label in labels if label.path.startswith("seeds/")]
    assert seeds and all(label.verdict == "true" for label in seeds if label.code in
                         {"PL101", "PL102", "PL103", "PL104", "PL301", "PL302", "PL303"})


def test_labels_are_complete_records():
    for label in load_labels(LABELS):
        assert label.reason.strip() and not label.reason.startswith("TODO"), label
