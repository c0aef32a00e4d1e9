"""Baselines: record today's diagnostics, hide them later.

A diagnostic is matched by its file, its rule and the text of its line (not
the line number), with a counter for repeats, so a baseline survives lines
being added above.  ``--write-baseline F`` records, ``--baseline F`` hides.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path, PurePath

VERSION = 1


def fingerprint(path: str, code: str, line_text: str, occurrence: int) -> str:
    key = "\0".join((PurePath(path).as_posix(), code, line_text.strip(), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def fingerprints(result, path: str | None = None) -> list[str]:
    """One fingerprint per diagnostic of a FileResult, in order."""
    seen: Counter = Counter()
    prints = []
    for d in result.diagnostics:
        line_text = result.excerpts.get(d.line, "")
        key = (d.code, line_text.strip())
        seen[key] += 1
        prints.append(fingerprint(path or d.path, d.code, line_text, seen[key]))
    return prints


def _relative(path: str, base: Path) -> str:
    try:
        return PurePath(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def write_baseline(report, target: str) -> int:
    base = Path(target).resolve().parent
    entries = []
    for result in report.files:
        relative = _relative(result.path, base)
        for d, print_ in zip(result.diagnostics, fingerprints(result, relative)):
            entries.append({"path": relative, "code": d.code, "line": d.line, "fingerprint": print_})
    Path(target).write_text(json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=2)
                            + "\n", encoding="utf-8")
    return len(entries)


def apply_baseline(report, source: str) -> int:
    """Remove the baseline's diagnostics from ``report``; returns how many were hidden."""
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise ValueError(f"{source}: not a planlint baseline (version {VERSION})")
    known = Counter(entry["fingerprint"] for entry in data["entries"])
    base = Path(source).resolve().parent
    hidden = 0
    for result in report.files:
        relative = _relative(result.path, base)
        kept = []
        for d, print_ in zip(result.diagnostics, fingerprints(result, relative)):
            if known[print_] > 0:
                known[print_] -= 1
                hidden += 1
            else:
                kept.append(d)
        result.diagnostics = kept
    return hidden
