"""Rule kinds: one module each, one ``check(document, params)`` function each.

A kind module declares:

- ``PARAMS``: the JSON Schema of its ``params`` (checked when rules load);
- ``PLACEHOLDERS``: the names a rule's message may use, or a function
  ``placeholders(params)`` where they depend on the params;
- optionally ``prepare(params)``, run once at load (compile a regex, say);
  it raises ``ValueError("field: reason")`` for a bad value;
- ``check(document, params)``: yields ``planlint.diagnostics.Finding``;
- optionally ``count(document, params)``: how many findings ``check`` would
  yield, for a kind whose findings come in document order and are cheaper to
  count than to build (an aggregated rule needs only the first and the count).
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

KINDS = ("sequence", "hierarchy", "date", "balance", "pattern", "existence", "substitution",
         "consistency", "required", "measurable", "timeline", "header")


@functools.lru_cache(maxsize=None)
def load_kind(name: str) -> ModuleType:
    if name not in KINDS:
        raise KeyError(name)
    return importlib.import_module(f"planlint.kinds.{name}")


class PatternTimeout(RuntimeError):
    """A pattern stopped at its time limit (see planlint.kinds._regex); ``seconds`` is the limit."""

    def __init__(self, seconds: float, path: str):
        self.seconds = seconds
        super().__init__(f"pattern took longer than {seconds}s on {path}")


def placeholders(kind: ModuleType, params: dict) -> set[str]:
    dynamic = getattr(kind, "placeholders", None)
    return set(dynamic(params)) if dynamic else set(kind.PLACEHOLDERS)
