"""The outline parser: Lark's LALR(1) parser for grammar/outline.lark.

Building it from the grammar takes Lark some 150 ms (it reads the grammar and
computes the LALR tables), so planlint does that once and keeps the tables in
the user cache as JSON (Lark's own serialised form of its terminals, rules and
parse table), keyed by the grammar and Lark's version; a later start builds the
parser from them with the installed Lark.  The cache holds no code: it may be
restored from anywhere (see planlint.resources.load_json), and a file that
Lark cannot build a parser from is a miss.

Until now the cache held Lark's stand-alone parser, compiled: a start-up then
imported no Lark at all, and was some 8 ms faster than importing Lark is.  But
code kept in the cache is code anyone who can write the cache can run.
Generating the stand-alone module into the package at build time would keep
the speed without that, at the price of a build hook and of shipping Lark's
stand-alone code, which is under the MPL 2.0, in planlint's wheel.
"""

from __future__ import annotations

import functools
import hashlib

from planlint.resources import bundled_dir, cache_dir, load_json, store_json

_OPTIONS = {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": False}
_SCHEMA = 1  # the layout of the cached tables below
_INT_KEYS = "int-keyed"  # a JSON object that stands for a dict whose keys are ints (Lark's states, its memo)


@functools.lru_cache(maxsize=1)
def outline_parser():
    """The parser, built once per process; ``parse(text)`` gives a Lark tree."""
    import lark

    source = (bundled_dir("grammar") / "outline.lark").read_text(encoding="utf-8")
    digest = hashlib.sha256(f"{source}\0{lark.__version__}".encode("utf-8")).hexdigest()[:24]
    path = cache_dir() / f"outline-tables-{digest}.json"
    parser = _from_tables(load_json(path, object_hook=_int_keyed))
    if parser is None:
        parser = lark.Lark(source, **_OPTIONS)
        store_json(path, _tables(parser))
    return parser


def _tables(parser) -> dict:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    # The options stay out: they are _OPTIONS, given again on load.
    return _jsonable({"schema": _SCHEMA, "parser": data["parser"], "rules": data["rules"], "memo": memo})


def _from_tables(tables):
    """The parser ``_tables`` describes; None if ``tables`` is not such a description."""
    from lark import Lark

    try:
        if tables["schema"] != _SCHEMA:
            return None
        data = {"parser": tables["parser"], "rules": tables["rules"], "options": dict(_OPTIONS)}
        # What Lark's own stand-alone parser calls to load its tables.  Lark reads
        # the objects in them by name from a fixed set of its own classes.
        return Lark._load_from_dict(data, tables["memo"])
    except Exception:  # a file Lark cannot read: build the parser from the grammar
        return None


def _jsonable(value):
    """Lark's serialised tables with every dict keyed by ints marked (JSON's keys are strings)."""
    if isinstance(value, dict):
        if value and all(type(key) is int for key in value):
            return {_INT_KEYS: [[key, _jsonable(item)] for key, item in value.items()]}
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


def _int_keyed(obj: dict) -> dict:
    if obj.keys() == {_INT_KEYS}:
        pairs = obj[_INT_KEYS]
        if not all(isinstance(pair, list) and len(pair) == 2 and type(pair[0]) is int for pair in pairs):
            raise ValueError("not a dict keyed by ints")
        return dict(pairs)
    return obj
