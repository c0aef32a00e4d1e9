"""Parallel checking and the result cache change nothing but the time taken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planlint.api import check_paths
from planlint.resultcache import ResultCache
from planlint.results import FileResult

ROOT = Path(__file__).resolve().parents[1]


def _corpus(tmp_path: Path, copies: int = 4) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, corpus / f"{index}-{seed.name}")
    (corpus / "broken.txt").write_bytes(b"\x00\x01 binary")
    return corpus


def _shape(report):
    return ([d.to_dict() for d in report.diagnostics], [str(e) for e in report.errors],
            [rule.code for rule in report.rules])


def test_jobs_two_and_one_give_identical_reports(tmp_path, monkeypatch):
    from planlint import runner

    monkeypatch.setattr(runner, "_PARALLEL_MIN_BYTES", 0)  # make sure the pool is used
    corpus = _corpus(tmp_path)
    assert runner._worth_parallel(sorted(map(str, corpus.iterdir())), 2)
    one = check_paths([str(corpus)], jobs=1, cache=False)
    two = check_paths([str(corpus)], jobs=2, cache=False)
    assert len(one.files) == 20 and one.errors
    assert _shape(one) == _shape(two)


def _kept(cache_dir: Path) -> list[str]:
    """The paths of all entries in the result cache's packs."""
    import json

    return sorted(path for pack in (cache_dir / "results").glob("*.json")
                  for path in json.loads(pack.read_bytes())["entries"])


def _no_checks(monkeypatch):
    from planlint import runner

    def refuse(*_):
        raise AssertionError("checked a file whose result is cached")

    monkeypatch.setattr(runner, "check_source", refuse)


def test_cached_run_gives_the_same_diagnostics(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = _corpus(tmp_path)
    fresh = check_paths([str(corpus)], jobs=1, cache=False)
    first = check_paths([str(corpus)], jobs=1)
    assert _kept(tmp_path / "cache") == sorted(result.path for result in first.files)
    assert len(list((tmp_path / "cache" / "results").iterdir())) <= 16 < len(first.files)  # packs, not a file each
    _no_checks(monkeypatch)
    second = check_paths([str(corpus)], jobs=1)
    assert _shape(fresh) == _shape(first) == _shape(second)


def test_a_parallel_run_fills_the_cache_once_from_the_parent(tmp_path, monkeypatch):
    from planlint import runner

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(runner, "_PARALLEL_MIN_BYTES", 0)
    corpus = _corpus(tmp_path)
    first = check_paths([str(corpus)], jobs=2)
    assert _kept(tmp_path / "cache") == sorted(result.path for result in first.files)
    _no_checks(monkeypatch)
    assert _shape(check_paths([str(corpus)], jobs=2)) == _shape(first)


def test_a_parallel_run_hands_the_workers_only_the_changed_files(tmp_path, monkeypatch):
    from planlint import runner

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(runner, "_PARALLEL_MIN_BYTES", 0)
    corpus = _corpus(tmp_path)
    check_paths([str(corpus)], jobs=2)
    changed = sorted(corpus.glob("[01]-*.txt"))
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + "\n其它工作。\n", encoding="utf-8")
    handed = []
    pool = runner._run_in_pool
    monkeypatch.setattr(runner, "_run_in_pool", lambda items, left, *rest: (handed.append(len(left)),
                                                                           pool(items, left, *rest)))
    assert _shape(check_paths([str(corpus)], jobs=2)) == _shape(check_paths([str(corpus)], jobs=1, cache=False))
    assert handed == [len(changed) + 1]  # and broken.txt, which has no result to keep
    assert check_paths([str(corpus)], jobs=2) and handed == [len(changed) + 1]  # one file left: no pool


def test_a_small_run_over_changed_files_reads_each_once(tmp_path, monkeypatch):
    """A pre-commit run: a few files, all changed since the cache kept them."""
    from planlint import runner

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted(str(path) for path in _corpus(tmp_path, copies=1).glob("*.txt"))[:3]
    check_paths(files, jobs=2)
    for path in files:
        Path(path).write_text(Path(path).read_text(encoding="utf-8") + "\n其它工作。\n", encoding="utf-8")
    reads = []
    read_bytes = runner.read_bytes
    monkeypatch.setattr(runner, "read_bytes", lambda path, *rest: (reads.append(path), read_bytes(path, *rest))[1])
    check_paths(files, jobs=2)
    assert sorted(reads) == files


def test_two_runs_saving_one_pack_keep_both_entries(tmp_path):
    earlier, later = ResultCache(tmp_path), ResultCache(tmp_path)
    a, b = earlier.entry("rules", "docs/a.txt", b"A"), later.entry("rules", "docs/b.txt", b"B")
    b = b._replace(pack=a.pack)  # the same pack, whatever shard the names fall in
    later.load(b)  # reads the pack before the other run has saved
    earlier.store(a, FileResult("docs/a.txt", fixed=1))
    earlier.save()
    later.store(b, FileResult("docs/b.txt", fixed=2))
    later.save()
    fresh = ResultCache(tmp_path)
    assert (fresh.load(a), fresh.load(b)) == (FileResult("docs/a.txt", fixed=1), FileResult("docs/b.txt", fixed=2))
    assert fresh.load(a._replace(digest="changed")) is None


def test_a_changed_file_or_rule_set_is_checked_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path / "cache"))
    draft = tmp_path / "draft.txt"
    draft.write_text("一、甲。正文\n三、乙。正文\n", encoding="utf-8")
    assert [d.code for d in check_paths([str(draft)], select=["PL101"]).diagnostics] == ["PL101"]
    draft.write_text("一、甲。正文\n二、乙。正文\n", encoding="utf-8")
    assert check_paths([str(draft)], select=["PL101"]).diagnostics == []
    draft.write_text("一、甲。正文\n三、乙。正文\n", encoding="utf-8")
    assert check_paths([str(draft)], select=["PL102"]).diagnostics == []
    assert check_paths([str(draft)], select=["PL101"], lang="en").diagnostics[0].message.startswith("Numbering")


def test_a_damaged_cache_pack_is_ignored_and_replaced(tmp_path):
    cache = ResultCache(tmp_path)
    entry = cache.entry("rules", "a.txt", b"text")
    cache.store(entry, FileResult("a.txt", diff="old"))
    cache.save()
    pack = next(tmp_path.glob("*.json"))
    pack.write_bytes(b"not JSON")
    assert ResultCache(tmp_path).load(entry) is None
    again = ResultCache(tmp_path)
    again.store(entry, FileResult("a.txt", diff="new"))
    again.save()
    assert ResultCache(tmp_path).load(entry) == FileResult("a.txt", diff="new")


def test_the_rules_fingerprint_is_the_same_in_every_process(tmp_path):
    """Python hashes strings differently in each process; a key that carried a
    set's order would make the result cache miss at random."""
    import os
    import subprocess
    import sys

    script = ("from planlint.catalog import bundled_catalog\nfrom planlint.config import Config\n"
              "from planlint.engine import Checker\ncatalog = bundled_catalog()\n"
              "print(Checker(catalog.configure(Config(), (), ()), 'zh', catalog.profiles).fingerprint)")
    prints = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PLANLINT_CACHE_DIR": str(tmp_path)}
        prints.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                  check=True).stdout)
    assert len(prints) == 1


def test_a_catalog_rebuild_prunes_cache_files_unwritten_for_a_month(tmp_path, monkeypatch):
    import os
    import time

    from planlint.catalog import load_catalog
    from planlint.resources import STALE_DAYS

    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(tmp_path))
    old, recent = tmp_path / "results" / "ab" / "old.json", tmp_path / "results" / "cd" / "recent.json"
    for path in (old, recent):
        path.parent.mkdir(parents=True)
        path.write_bytes(b"x")
    month_ago = time.time() - (STALE_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    load_catalog()  # this cache directory holds no catalog yet: a rebuild
    assert not old.exists() and recent.exists()
    assert list(tmp_path.glob("catalog-*.json"))


@pytest.mark.slow
def test_planted_files_in_every_cache_location_run_nothing(tmp_path, planted):
    """A cache directory may be restored from another branch (GitHub Actions'
    cache): every file of a filled cache replaced by a pickle, marshal'd code or
    JSON of another shape, a new process checks as if there were no cache, and
    nothing planted runs."""
    import hashlib
    import json
    import os
    import subprocess
    import sys

    document = tmp_path / "draft.txt"
    shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], document)
    cache = tmp_path / "cache"
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(cache)}

    def check() -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "json", str(document)],
                              env=env, capture_output=True, text=True)
        return done.returncode, done.stdout

    expected = check()
    assert expected[0] == 1 and json.loads(expected[1])
    kept = sorted(path for path in cache.rglob("*") if path.is_file())
    assert sorted(path.relative_to(cache).parts[0].split("-")[0] for path in kept) == ["catalog", "outline", "results"]
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    crafted = {"schema": 1, "entries": {str(document): [digest, [str(document), [{"__reduce__": "os.system"}]]]},
               "rules": [{"__class__": "os.system"}], "profiles": [], "parser": {"__type__": "os.system"}, "memo": {}}
    for payload in (planted.pickle, planted.marshal, json.dumps(crafted).encode()):
        for path in kept:
            path.write_bytes(payload)
        assert check() == expected
        assert not planted.marker.exists()
