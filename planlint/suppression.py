"""Suppression comments, as Markdown drafts write them (HTML comments, invisible
when rendered); they work in any file:

    <!-- planlint-disable-next-line PL101 -->
    <!-- planlint-disable PL5, date -->  …  <!-- planlint-enable -->

No codes means every rule.  Codes may be prefixes, rule names or categories.
"""

from __future__ import annotations

import re
from typing import Sequence

from planlint.diagnostics import Diagnostic

_COMMENT = re.compile(r"<!--\s*planlint-(disable-next-line|disable|enable)\b([^>]*?)-->")
_ALL = "*"


def _selectors(text: str) -> set[str]:
    found = {item for item in re.split(r"[\s,，]+", text.strip()) if item}
    return found or {_ALL}


def _applies(selectors: set[str], diagnostic: Diagnostic) -> bool:
    return any(selector == _ALL or diagnostic.code.startswith(selector.upper()) or selector in
               (diagnostic.rule, diagnostic.category) for selector in selectors)


def filter_suppressed(lines: Sequence[str], diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    events = [(number, match[1], _selectors(match[2]))
              for number, text in enumerate(lines, 1) if "planlint-" in text
              for match in _COMMENT.finditer(text)]
    if not events:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        active: set[str] = set()
        next_line: set[str] = set()
        for number, action, selectors in events:
            if number > diagnostic.line:
                break
            if action == "disable":
                active |= selectors
            elif action == "enable":
                active = set() if _ALL in selectors else active - selectors
            elif number == diagnostic.line - 1:
                next_line = selectors
        if not (_applies(active, diagnostic) or _applies(next_line, diagnostic)):
            kept.append(diagnostic)
    return kept
