"""The generated stand-alone parser reads lines exactly as Lark built from the grammar does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark

from planlint.outline import grammar
from planlint.outline.parser import split_lines

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "grammar" / "outline.lark").read_text(encoding="utf-8")
_LARK = Lark(SOURCE, parser="lalr", lexer="contextual", maybe_placeholders=False)


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
def test_seeds_parse_alike(seed):
    text = _fed(seed.read_text(encoding="utf-8"))
    assert _shape(grammar.outline_parser().parse(text)) == _shape(_LARK.parse(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.sampled_from("一二十（）()1.2、．①第部分章年工作要点2021 \u3000甲乙"), max_size=12), max_size=12))
def test_any_lines_parse_alike(lines):
    text = _fed("\n".join(lines))
    assert _shape(grammar.outline_parser().parse(text)) == _shape(_LARK.parse(text))


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    module = grammar._standalone_module()
    [entry] = tmp_path.glob("outline-parser-*.marshal")
    entry.write_bytes(b"\x00 not marshal data")
    rebuilt = grammar._standalone_module()
    assert rebuilt.Lark_StandAlone().parse("一、总体要求\n").children[0].data == "heading"
    assert entry.read_bytes() != b"\x00 not marshal data" and module is not rebuilt


def test_an_unwritable_cache_still_gives_a_parser(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(blocked / "cache"))
    assert grammar._standalone_module().Lark_StandAlone().parse("1.甲\n").children[0].data == "heading"
