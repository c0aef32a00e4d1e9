"""GitLab Code Quality JSON.

The fingerprint must survive unrelated edits: it is the baseline's, which
hashes the path, the rule and the flagged line's text (not its number), with a
counter for repeats.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO

from planlint.baseline import fingerprints
from planlint.reporters import Options
from planlint.reporters._words import errors_to_stderr

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(report, out: TextIO, options: Options) -> None:
    issues = []
    for result in report.files:
        for d, digest in zip(result.diagnostics, fingerprints(result)):
            issues.append({
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code} {d.message}",
                "categories": ["Style"],
                "severity": _SEVERITY[d.severity],
                "fingerprint": digest,
                "location": {"path": PurePath(d.path).as_posix(), "positions": {
                    "begin": {"line": d.span.line, "column": d.span.column},
                    "end": {"line": d.span.end_line, "column": d.span.end_column}}},
            })
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
    errors_to_stderr(report, options.lang)
