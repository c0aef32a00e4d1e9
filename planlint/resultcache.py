"""A result cache for unchanged files, as ruff keeps one: a file whose bytes,
effective rules and planlint code are the same as last time is not parsed or
checked again.  Entries live under the user's cache directory."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from planlint.resources import bundled_dir, cache_dir, load_pickle, store_pickle


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """planlint's version and its code and grammar as installed (size and mtime of
    each file), so a changed checker never serves an old result."""
    from planlint import __version__

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*package.rglob("*.py"), *bundled_dir("grammar").glob("*.lark")]):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, directory: Path | None = None):
        self.directory = directory or cache_dir() / "results"

    def key(self, checker_fingerprint: str, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        for part in (code_fingerprint(), checker_fingerprint, path):  # the path as reported
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.pickle"

    def load(self, key: str):
        return load_pickle(self._file(key))

    def store(self, key: str, result) -> None:
        store_pickle(self._file(key), result)
