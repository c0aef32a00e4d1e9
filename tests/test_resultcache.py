"""The result cache keeps results as data: every field comes back exactly, and
a damaged, foreign or planted pack is a miss that runs nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from planlint.api import check_text
from planlint.diagnostics import Diagnostic, Edit, Fix
from planlint.failures import Failure
from planlint.outline.model import Span
from planlint.resultcache import SCHEMA, ResultCache, decode_result, encode_result
from planlint.results import FileResult

ROOT = Path(__file__).resolve().parents[1]

EVERY_FIELD = FileResult(
    "docs/草稿.txt",
    [Diagnostic("docs/草稿.txt", "PL104", "numbering-delimiter", "numbering", "warning", "编号“12、”应为“12.”",
                Span(3, 1, 3, 4), Fix("safe", (Edit(Span(3, 3, 3, 4), "."),))),
     Diagnostic("docs/草稿.txt", "PL101", "numbering-gap", "numbering", "error", "缺少“二、”",
                Span(5, 2, 6, 1), Fix("unsafe", (Edit(Span(5, 2, 5, 3), "二"), Edit(Span(9, 1, 9, 2), "三")))),
     Diagnostic("docs/草稿.txt", "PL302", "date-year-glued-to-month", "date", "info", "m", Span(7, 1, 7, 8))],
    [Failure.rule("docs/草稿.txt", "JY001", "pattern took longer than 1.0s on docs/草稿.txt")],
    {3: "12、加快发展", 5: "\t三、其他", 7: "20186月"},
    fixed=2, diff="--- a\n+++ b\n", fixed_text="一、甲\n")


def _saved_and_read(tmp_path: Path, result: FileResult) -> FileResult | None:
    entry = ResultCache(tmp_path).entry("rules", result.path, b"bytes")
    cache = ResultCache(tmp_path)
    cache.store(entry, result)
    cache.save()
    return ResultCache(tmp_path).load(entry)


def test_every_field_comes_back_exactly(tmp_path):
    kept = _saved_and_read(tmp_path, EVERY_FIELD)
    assert kept == EVERY_FIELD
    assert [type(d.span) for d in kept.diagnostics] == [Span] * 3
    assert type(kept.diagnostics[0].fix) is Fix and type(kept.diagnostics[0].fix.edits) is tuple
    assert type(kept.failures[0]) is Failure


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda path: path.name[:3])
def test_the_seeds_results_come_back_exactly(tmp_path, seed, catalog):
    result = check_text(seed.read_text(encoding="utf-8"), str(seed), catalog=catalog)
    assert result.diagnostics and any(d.fix for d in result.diagnostics)
    assert _saved_and_read(tmp_path, result) == result


def test_a_file_name_that_is_not_utf8_comes_back(tmp_path):
    name = b"docs/\xb2\xdd\xb8\xe5.txt".decode("utf-8", "surrogateescape")  # 草稿 in GBK
    result = FileResult(name, [EVERY_FIELD.diagnostics[0]._replace(path=name)])
    assert _saved_and_read(tmp_path, result) == result


def _tampered(encoded: list) -> list:
    """Ways an encoded result can be wrong: wrong types, missing or extra items."""
    cases = []

    def change(edit):
        changed = copy.deepcopy(encoded)
        edit(changed)
        cases.append(changed)

    change(lambda e: e.__setitem__(0, None))
    change(lambda e: e.pop())
    change(lambda e: e.append("extra"))
    change(lambda e: e.__setitem__(1, {"diagnostics": []}))
    change(lambda e: e[1][0].pop())
    change(lambda e: e[1][0].__setitem__(4, "fatal"))  # no such severity
    change(lambda e: e[1][0].__setitem__(4, ["error"]))
    change(lambda e: e[1][0].__setitem__(5, 42))  # message
    change(lambda e: e[1][0].__setitem__(6, ["3", 1, 3, 4]))
    change(lambda e: e[1][0].__setitem__(6, [3, 1, 3]))
    change(lambda e: e[1][0].__setitem__(6, [0, 1, 0, 4]))  # lines are 1-based
    change(lambda e: e[1][0].__setitem__(6, [3, True, 3, 4]))
    change(lambda e: e[1][0].__setitem__(7, []))
    change(lambda e: e[1][0].__setitem__(7, ["maybe", [[[3, 3, 3, 4], "."]]]))
    change(lambda e: e[1][0][7][1][0].__setitem__(1, None))  # an edit's content
    change(lambda e: e[1][0][7][1][0][0].__setitem__(0, 3.5))  # an edit's line
    change(lambda e: e[2].__setitem__(0, ["docs/草稿.txt", "JY001"]))
    change(lambda e: e[3].__setitem__(0, ["3", "12、加快发展"]))
    change(lambda e: e[3].__setitem__(0, [3, None]))
    change(lambda e: e.__setitem__(4, "2"))
    change(lambda e: e.__setitem__(5, None))
    change(lambda e: e.__setitem__(6, 0))
    return cases


def test_a_tampered_result_is_a_miss():
    encoded = json.loads(json.dumps(encode_result(EVERY_FIELD)))
    assert decode_result(encoded) == EVERY_FIELD
    for case in _tampered(encoded):
        assert decode_result(case) is None, case


def _one_pack(tmp_path: Path) -> tuple[ResultCache, object, Path]:
    cache = ResultCache(tmp_path)
    entry = cache.entry("rules", EVERY_FIELD.path, b"bytes")
    cache.store(entry, EVERY_FIELD)
    cache.save()
    [pack] = tmp_path.glob("*.json")
    return cache, entry, pack


@pytest.mark.parametrize("damage", [
    lambda text: b"\x80\x81 garbage",
    lambda text: text[:len(text) // 2],  # truncated
    lambda text: text.replace(b'"schema":%d' % SCHEMA, b'"schema":%d' % (SCHEMA + 1)),
    lambda text: text.replace(b'"entries"', b'"results"'),
    lambda text: b'{"schema":%d,"entries":[]}' % SCHEMA,
    lambda text: text.replace(b'"PL104"', b'{"code":"PL104"}'),
    lambda text: json.dumps([SCHEMA, json.loads(text)]).encode(),
], ids=["garbage", "truncated", "another-schema", "no-entries", "entries-not-a-dict", "code-not-a-string",
        "not-an-object"])
def test_a_damaged_or_foreign_pack_is_a_miss_and_is_replaced(tmp_path, damage):
    _, entry, pack = _one_pack(tmp_path)
    pack.write_bytes(damage(pack.read_bytes()))
    assert ResultCache(tmp_path).load(entry) is None
    again = ResultCache(tmp_path)
    again.store(entry, EVERY_FIELD)
    again.save()
    assert ResultCache(tmp_path).load(entry) == EVERY_FIELD


def test_a_pickle_planted_as_a_pack_does_not_run(tmp_path, planted):
    _, entry, pack = _one_pack(tmp_path)
    for path in (pack, pack.with_suffix(".pickle")):  # also where planlint kept pickled packs before
        path.write_bytes(planted.pickle)
    assert ResultCache(tmp_path).load(entry) is None
    assert not planted.marker.exists()
