"""The parser built from the cached tables reads lines exactly as Lark built
from the grammar does, and the cache can only ever hold data."""

from __future__ import annotations

import json
from pathlib import Path

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planlint.outline import grammar
from planlint.outline.parser import split_lines

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "grammar" / "outline.lark").read_text(encoding="utf-8")
_LARK = lark.Lark(SOURCE, parser="lalr", lexer="contextual", maybe_placeholders=False)


def _fresh_parser(monkeypatch, cache: Path):
    """``outline_parser()`` as a new process sees it, with ``cache`` as the cache directory."""
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(cache))
    grammar.outline_parser.cache_clear()
    try:
        return grammar.outline_parser()
    finally:
        grammar.outline_parser.cache_clear()


def _refuse_to_build(monkeypatch):
    def refuse(*_, **__):
        raise AssertionError("built the parser from the grammar")

    monkeypatch.setattr(lark.Lark, "__init__", refuse)


@pytest.fixture(scope="module")
def from_tables(tmp_path_factory):
    """A parser built from tables read back from the cache, not from the grammar."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        cache = tmp_path_factory.mktemp("cache")
        _fresh_parser(monkeypatch, cache)
        assert len(list(cache.glob("outline-tables-*.json"))) == 1
        _refuse_to_build(monkeypatch)
        return _fresh_parser(monkeypatch, cache)


def _shape(tree):
    """Each line as (rule, [(token type, text, line, column)])."""
    shaped = []
    for node in tree.children:
        tokens = node.children if hasattr(node, "data") else [node]
        shaped.append((getattr(node, "data", None),
                       [(token.type, str(token), token.line, token.column) for token in tokens]))
    return shaped


def _fed(text: str) -> str:
    return "".join(line.lstrip() + "\n" for line in split_lines(text) if line.strip())


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda path: path.name[:3])
def test_seeds_parse_alike(seed, from_tables):
    text = _fed(seed.read_text(encoding="utf-8"))
    assert _shape(from_tables.parse(text)) == _shape(_LARK.parse(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("一二十（）()1.2、．①第部分章年工作要点2021 \u3000甲乙"), max_size=12), max_size=12))
def test_any_lines_parse_alike(from_tables, lines):
    text = _fed("\n".join(lines))
    assert _shape(from_tables.parse(text)) == _shape(_LARK.parse(text))


def _tamper_tables(tables: dict) -> list[bytes]:
    """Ways a tables file can be damaged, foreign or forged."""
    marker = "PLANTED"
    return [
        b"\x00 not JSON",
        json.dumps(tables).encode()[:1000],  # truncated
        json.dumps({**tables, "schema": 2}).encode(),  # another layout
        json.dumps({key: value for key, value in tables.items() if key != "memo"}).encode(),
        json.dumps({**tables, "memo": {"int-keyed": [["0", {}]]}}).encode(),
        # Lark reads objects by name from its own classes only: no other name is looked up.
        json.dumps({**tables, "memo": {"int-keyed": [[0, {"__type__": "os.system", "command": marker}]]}}).encode(),
        json.dumps({**tables, "parser": {"__type__": "eval", "source": marker}}).encode(),
    ]


def test_a_damaged_foreign_or_forged_tables_file_is_rebuilt(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _fresh_parser(monkeypatch, cache)
    [entry] = cache.glob("outline-tables-*.json")
    text = "一、总体要求\n(二)任务\n"
    for damaged in _tamper_tables(json.loads(entry.read_bytes())):
        entry.write_bytes(damaged)
        assert _shape(_fresh_parser(monkeypatch, cache).parse(text)) == _shape(_LARK.parse(text))
        with pytest.MonkeyPatch.context() as written_again:
            _refuse_to_build(written_again)
            assert _shape(_fresh_parser(written_again, cache).parse(text)) == _shape(_LARK.parse(text))


def test_planted_code_in_the_cache_does_not_run(tmp_path, monkeypatch, planted):
    """Whatever sits under the parser cache's names, pickle or marshal'd code
    (what planlint kept there before), is never run."""
    cache = tmp_path / "cache"
    _fresh_parser(monkeypatch, cache)
    [entry] = cache.glob("outline-tables-*.json")
    for payload in (planted.marshal, planted.pickle):
        for name in (entry.name, entry.name.replace("outline-tables-", "outline-parser-").replace(".json", ".marshal")):
            (cache / name).write_bytes(payload)
        assert _fresh_parser(monkeypatch, cache).parse("1.甲\n").children[0].data == "heading"
        assert not planted.marker.exists()


def test_an_unwritable_cache_still_gives_a_parser(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert _fresh_parser(monkeypatch, blocked / "cache").parse("1.甲\n").children[0].data == "heading"
