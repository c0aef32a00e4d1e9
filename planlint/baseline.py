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
from typing import NamedTuple

from planlint.i18n import Words, words

VERSION = 1


class BaselineError(Exception):
    """A --baseline file that cannot be used: its path and what is wrong, as Words."""

    def __init__(self, path: str, problem: Words):
        self.path, self.problem = path, problem
        super().__init__(path, problem)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


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


class Baseline(NamedTuple):
    """A baseline as read: the directory its paths are relative to, and each fingerprint's count."""

    base: Path
    known: Counter


def read_baseline(source: str) -> Baseline:
    """Read and check a baseline file (before a run, so that a bad one costs no check).
    Raises BaselineError."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except PermissionError:
        raise BaselineError(source, words("permission")) from None
    except OSError as error:
        raise BaselineError(source, words("baseline.unreadable", detail=error.strerror or str(error))) from None
    except ValueError:  # not JSON, or not UTF-8
        raise BaselineError(source, words("baseline.not-baseline")) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list) or "version" not in data:
        raise BaselineError(source, words("baseline.not-baseline"))
    if data["version"] != VERSION:
        raise BaselineError(source, words("baseline.version", found=str(data["version"]), version=VERSION))
    entries = data["entries"]
    if not all(isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str) for entry in entries):
        raise BaselineError(source, words("baseline.not-baseline"))
    return Baseline(Path(source).resolve().parent, Counter(entry["fingerprint"] for entry in entries))


def apply_baseline(report, baseline: Baseline) -> int:
    """Remove the baseline's diagnostics from ``report`` and count them in
    ``report.hidden``; returns how many were hidden."""
    base, known = baseline.base, baseline.known.copy()
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
    report.hidden += hidden
    return hidden
