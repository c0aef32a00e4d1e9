"""GitLab Code Quality JSON.

The fingerprint must survive unrelated edits, so it hashes the path, the rule
and the flagged line's text (not its number), with a counter for repeats.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import PurePath
from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import error_line

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report, out: TextIO, options: Options) -> None:
    issues = []
    for result in report.files:
        seen: Counter = Counter()
        for d in result.diagnostics:
            line_text = result.excerpts.get(d.line, "").strip()
            key = (PurePath(d.path).as_posix(), d.code, line_text)
            seen[key] += 1
            digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
            issues.append({
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code} {d.message}",
                "categories": ["Style"],
                "severity": _SEVERITY[d.severity],
                "fingerprint": digest,
                "location": {"path": key[0], "positions": {
                    "begin": {"line": d.span.line, "column": d.span.column},
                    "end": {"line": d.span.end_line, "column": d.span.end_column}}},
            })
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
    for error in report.errors:
        print(error_line(error, options.lang), file=sys.stderr)
