"""The outline parser: Lark's stand-alone LALR(1) parser for grammar/outline.lark.

Lark writes the stand-alone parser as Python source that carries its own copy
of Lark's runtime.  planlint generates it on first use and keeps it, compiled,
in the user cache, so a start-up imports neither Lark nor its grammar
machinery: measured in a cold process (best of six), a ready parser took 21 ms
through ``Lark(..., cache=...)`` and takes 11 ms this way.  The entry is keyed
by the grammar and the Python version; it does not depend on the installed
Lark, whose runtime it has copied.  The generated code stays on the user's
machine (it is under Lark's stand-alone licence, MPL 2.0).
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import sys
import types

from planlint.resources import bundled_dir, cache_dir, read_cached, write_cached

_MODULE = "planlint._outline_standalone"


@functools.lru_cache(maxsize=1)
def outline_parser():
    """The parser, built once per process; ``parse(text)`` gives a Lark-style tree."""
    return _standalone_module().Lark_StandAlone()


def _standalone_module() -> types.ModuleType:
    source = (bundled_dir("grammar") / "outline.lark").read_text(encoding="utf-8")
    digest = hashlib.sha256(f"{source}\0{sys.version}".encode("utf-8")).hexdigest()[:24]
    path = cache_dir() / f"outline-parser-{digest}.marshal"
    code = read_cached(path, marshal.loads)
    if not isinstance(code, types.CodeType):
        code = compile(generate_standalone(source), f"<{_MODULE}>", "exec")
        write_cached(path, marshal.dumps(code))
    module = types.ModuleType(_MODULE)
    sys.modules[_MODULE] = module  # its dataclasses look their module up while they are made
    exec(code, module.__dict__)
    return module


def generate_standalone(source: str) -> str:
    """The stand-alone parser's Python source for the grammar ``source``."""
    import io

    from lark import Lark
    from lark.tools.standalone import gen_standalone

    out = io.StringIO()
    gen_standalone(Lark(source, parser="lalr", lexer="contextual", maybe_placeholders=False), out=out)
    return out.getvalue()
