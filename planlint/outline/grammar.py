"""Build the Lark outline parser once per process, from a cache across processes."""

from __future__ import annotations

import functools
import hashlib

from planlint.resources import bundled_dir, cache_dir


@functools.lru_cache(maxsize=1)
def outline_parser():
    from lark import Lark, __version__ as lark_version

    source = (bundled_dir("grammar") / "outline.lark").read_text(encoding="utf-8")
    cache: str | bool = False
    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
        cache = str(directory / f"outline-{lark_version}-{digest}.lark")
    except OSError:
        pass  # a read-only home only costs the analysis time, not correctness
    return Lark(source, parser="lalr", lexer="contextual", cache=cache,
                maybe_placeholders=False)
