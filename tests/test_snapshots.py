"""Golden snapshots: the JSON diagnostics for each seed document.

Every diagnostic in tests/snapshots/ has been reviewed as a true finding.  After
a deliberate change, regenerate with PLANLINT_UPDATE_SNAPSHOTS=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planlint.api import check_paths

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SEEDS = sorted(path.name for path in (ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_snapshot(seed, monkeypatch):
    monkeypatch.chdir(ROOT)
    report = check_paths([f"seeds/{seed}"])
    assert not report.errors
    actual = [d.to_dict() for d in report.diagnostics]
    snapshot = SNAPSHOTS / seed.replace(".txt", ".json")
    if os.environ.get("PLANLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert actual == json.loads(snapshot.read_text(encoding="utf-8"))


def test_the_named_defects_are_found(monkeypatch):
    monkeypatch.chdir(ROOT)
    found = {(Path(d.path).name[:3], d.code, d.line) for d in check_paths(["seeds"]).diagnostics}
    assert {("000", "PL301", 23),   # 成文日期 2018319
            ("000", "PL303", 109),  # 20152020年
            ("001", "PL104", 34),   # 12、 among 11. and 13.
            ("003", "PL302", 131),  # 20185月
            ("003", "PL302", 135),  # 20186月至202011月
            ("003", "PL302", 139),  # 202012月
            } <= found
