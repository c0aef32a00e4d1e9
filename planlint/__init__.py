"""planlint: a checker for Chinese plan documents (工作要点, 工作计划, 实施方案…).

The library API is what the command line uses::

    import planlint
    result = planlint.check_text("一、总体要求\\n三、主要任务\\n")
    for diagnostic in result.diagnostics:
        print(diagnostic.line, diagnostic.code, diagnostic.message)

Importing planlint is cheap: parsers, rules and reporters load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "check_paths", "parse", "parse_path", "load_catalog", "trace"]

_LAZY = {
    "check_text": "planlint.api",
    "check_paths": "planlint.api",
    "parse_path": "planlint.api",
    "parse": "planlint.outline.parser",
    "load_catalog": "planlint.catalog",
    "trace": "planlint.tracing",  # planlint.trace(plan_text, summary_text); needs the [trace] extra
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'planlint' has no attribute {name!r}")
