"""A flat JSON list of diagnostics, sorted by path, line and column.

Each object has exactly the keys of ``Diagnostic.to_dict``; this is a public
interface, documented in the README.
"""

from __future__ import annotations

import json
from typing import TextIO

from planlint.reporters import Options
from planlint.reporters._words import errors_to_stderr


def render(report, out: TextIO, options: Options) -> None:
    # One diagnostic per line: readable, and each line goes through the C encoder
    # (json.dump with indent= is pure Python and dominated large runs).
    # (One encoder for all: json.dumps with an option builds a new one per call.)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    diagnostics = sorted(report.diagnostics, key=lambda d: d.sort_key())
    out.write("[\n" + ",\n".join(encode(d.to_dict()) for d in diagnostics)
              + ("\n]\n" if diagnostics else "]\n"))
    errors_to_stderr(report, options.lang)
