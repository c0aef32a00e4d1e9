"""A flat JSON list of diagnostics, sorted by path, line and column.

Each object has exactly the keys of ``Diagnostic.to_dict``; this is a public
interface, documented in the README.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import error_line


def render(report, out: TextIO, options: Options) -> None:
    diagnostics = sorted(report.diagnostics, key=lambda d: d.sort_key())
    json.dump([d.to_dict() for d in diagnostics], out, ensure_ascii=False, indent=2)
    out.write("\n")
    for error in report.errors:
        print(error_line(error, options.lang), file=sys.stderr)
