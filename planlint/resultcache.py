"""A result cache for unchanged files, as ruff keeps one: a file whose bytes,
effective rules and planlint code are the same as last time is not parsed or
checked again.  Entries live under the user's cache directory."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from planlint.resources import bundled_dir, cache_dir


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
        try:
            with self._file(key).open("rb") as stream:
                return pickle.load(stream)
        except Exception:  # missing, damaged or from another planlint: check the file again
            return None

    def store(self, key: str, result) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except OSError:
            pass  # an unwritable cache only costs the next run its speed
