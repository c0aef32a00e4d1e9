"""Rule kinds: what a rule of each kind looks for.

A kind is a module.  The bundled ones are the modules of this package named
in ``BUNDLED``; an installed package adds its own through the entry point
group ``planlint.kinds`` (see planlint.plugins), and a rule names either kind
the same way (``kind: meeting-minutes``).  The name of a bundled kind cannot
be taken by another.

The protocol — a kind module declares:

- ``PARAMS``: the JSON Schema of a rule's ``params``, checked when the rules
  load and again for a configuration's params;
- ``PLACEHOLDERS``: the names a rule's message may use, or a function
  ``placeholders(params)`` where they depend on the params;
- optionally ``prepare(params) -> state``: run once, when the rules load, on
  valid params (compile a pattern, say); it raises ``ValueError("field:
  reason")`` for a value the schema cannot refuse.  The state is the kind's
  own: it is kept apart from the params, never shown, and in the rule
  catalog's cache as data where it is made of JSON values, tuples, dicts of
  strings, dates and compiled patterns (planlint.catalog.cache); a state of
  anything else is prepared again whenever the cached rules load.  A kind
  without ``prepare`` gets the state None;
- ``check(document, params, state)``: yields planlint.diagnostics.Finding,
  from the planlint.outline.model.Document and the rule's params and state;
- optionally ``count(document, params, state)``: how many findings ``check``
  would yield, for a kind whose findings are cheaper to count than to build
  (a rule that aggregates needs only the first finding and the count);
- optionally ``figure(document, params, state)``: the kind's measure of a
  document whether or not it falls short (themes covered and missing, the
  share of task items with a target), a list of JSON-like dicts, one per part
  judged — what a report shows beside the findings.  Empty: not judged.

A pattern a kind runs should stop at ``pattern_time_limit()`` seconds (None:
no limit) and raise PatternTimeout there: the engine sets the limit for every
rule except the bundled ones, reviewed and tested, whose params no
configuration changed.  A minimal kind, in a package of its own::

    from planlint.diagnostics import Finding
    from planlint.outline.model import Span

    PARAMS = {"type": "object", "properties": {"word": {"type": "string"}},
              "required": ["word"], "additionalProperties": False}
    PLACEHOLDERS = {"word"}

    def check(document, params, state):
        for number, text in document.content_lines():
            column = text.find(params["word"])
            if column >= 0:
                span = Span(number, column + 1, number, column + 1 + len(params["word"]))
                yield Finding(span, {"word": params["word"]})
"""

from __future__ import annotations

import contextvars
import functools
import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

if TYPE_CHECKING:
    from planlint.diagnostics import Finding
    from planlint.outline.model import Document

BUNDLED = ("sequence", "hierarchy", "date", "balance", "pattern", "existence", "substitution",
           "consistency", "required", "measurable", "timeline", "header", "layout")
PATTERN_TIME_LIMIT = 1.0  # seconds a pattern of a rule from outside planlint may run on one document


class KindError(Exception):
    """A rule names a kind that cannot be had: ``reason`` is "unknown" (no
    bundled kind and no installed package has that name), "broken" (its
    module could not be imported: ``detail`` is the error) or "incomplete"
    (it lacks ``detail``: PARAMS, PLACEHOLDERS or check)."""

    def __init__(self, name: str, reason: str, detail: str = ""):
        self.name, self.reason, self.detail = name, reason, detail
        super().__init__(name, reason, detail)

    def __str__(self) -> str:
        return f"rule kind {self.name!r}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class Kind:
    """A kind module's declarations, checked once, when it is first named."""

    name: str
    params_schema: Mapping[str, Any]
    placeholders: Callable[[dict], Iterable[str]]
    check: Callable[[Document, dict, Any], Iterable[Finding]]
    prepare: Callable[[dict], Any] | None = None
    count: Callable[[Document, dict, Any], int] | None = None
    figure: Callable[[Document, dict, Any], list[dict]] | None = None
    # Where its code is, for caches to tell when it changed: None for a bundled
    # kind (planlint's own code), else its module's file, size and time.
    stamp: str | None = None

    def state(self, params: dict) -> Any:
        """What ``prepare`` makes of valid ``params`` (None without one)."""
        return self.prepare(params) if self.prepare is not None else None

    @classmethod
    def of(cls, name: str, module: ModuleType, stamp: str | None = None) -> Kind:
        """The kind a module declares; KindError if it lacks part of the protocol."""
        if not hasattr(module, "PARAMS"):
            raise KindError(name, "incomplete", "PARAMS")
        placeholders = getattr(module, "placeholders", None)
        if placeholders is None:
            if not hasattr(module, "PLACEHOLDERS"):
                raise KindError(name, "incomplete", "PLACEHOLDERS")
            placeholders = functools.partial(_always, frozenset(module.PLACEHOLDERS))
        if not callable(getattr(module, "check", None)):
            raise KindError(name, "incomplete", "check")
        return cls(name, module.PARAMS, placeholders, module.check, getattr(module, "prepare", None),
                   getattr(module, "count", None), getattr(module, "figure", None), stamp)


def _always(names: frozenset[str], params: dict) -> frozenset[str]:
    """The placeholders of a kind that declares them whatever the params (PLACEHOLDERS)."""
    return names


@functools.lru_cache(maxsize=None)
def load_kind(name: str) -> Kind:
    """The kind called ``name``: bundled, or from an installed package; KindError if none."""
    if name in BUNDLED:
        return Kind.of(name, importlib.import_module(f"planlint.kinds.{name}"))
    from planlint.plugins import load_plugin_kind

    return load_plugin_kind(name)


def kind_names() -> tuple[str, ...]:
    """Every kind a rule may name: the bundled ones, then the installed packages'."""
    from planlint.plugins import entry_points

    return BUNDLED + tuple(sorted(set(entry_points("planlint.kinds")) - set(BUNDLED)))


class PatternTimeout(RuntimeError):
    """A pattern stopped at its time limit (see pattern_time_limit); ``seconds`` is the limit."""

    def __init__(self, seconds: float, path: str):
        self.seconds = seconds
        super().__init__(f"pattern took longer than {seconds}s on {path}")


_time_limit: contextvars.ContextVar[float | None] = contextvars.ContextVar("pattern_time_limit",
                                                                           default=PATTERN_TIME_LIMIT)


def pattern_time_limit() -> float | None:
    """The seconds a pattern of the rule being checked may run, or None for no limit."""
    return _time_limit.get()


class time_limit:  # lower case: it is used as a function, in `with time_limit(seconds):`
    """Run a rule's check with its patterns limited to ``seconds`` (None: unlimited).
    A class, not a contextlib generator: the engine enters one per rule and
    document, and this costs a third as much."""

    __slots__ = ("seconds", "token")

    def __init__(self, seconds: float | None):
        self.seconds = seconds

    def __enter__(self) -> None:
        self.token = _time_limit.set(self.seconds)

    def __exit__(self, *exception: object) -> None:
        _time_limit.reset(self.token)
