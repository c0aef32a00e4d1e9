"""planlint: a checker for Chinese plan documents (工作要点, 工作计划, 实施方案…).

The library API is what the command line uses::

    import planlint
    result = planlint.check_text("一、总体要求\\n三、主要任务\\n")
    for diagnostic in result.diagnostics:
        print(diagnostic.line, diagnostic.code, diagnostic.message)

Importing planlint is cheap: parsers, rules and reporters load on first use.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing: it costs ten times the rest
__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "check_paths", "fix_text", "parse", "parse_path", "load_catalog", "trace",
           "Diagnostic", "Document", "Failure", "FileResult", "Report"]

if TYPE_CHECKING:  # what a type checker sees; at run time each name loads on first use (__getattr__)
    from planlint.api import check_paths, check_text, fix_text, parse, parse_path
    from planlint.catalog import load_catalog
    from planlint.diagnostics import Diagnostic
    from planlint.failures import Failure
    from planlint.outline.model import Document
    from planlint.results import FileResult, Report
    from planlint.tracing import trace

_LAZY = {
    "check_text": "planlint.api",
    "check_paths": "planlint.api",
    "fix_text": "planlint.api",
    "parse": "planlint.api",
    "parse_path": "planlint.api",
    "load_catalog": "planlint.catalog",
    "trace": "planlint.tracing",  # planlint.trace(plan_text, summary_text); needs the [trace] extra
    "Diagnostic": "planlint.diagnostics",
    "Document": "planlint.outline.model",
    "Failure": "planlint.failures",
    "FileResult": "planlint.results",
    "Report": "planlint.results",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'planlint' has no attribute {name!r}")
