"""A result cache for unchanged files, as ruff keeps one: a file whose bytes,
effective rules and planlint code are the same as last time is not parsed or
checked again.  Entries live under the user's cache directory."""

from __future__ import annotations

import hashlib
from pathlib import Path

from planlint.resources import cache_dir, code_fingerprint, load_pickle, store_pickle


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
