"""A result cache for unchanged files, as ruff keeps one: a file whose bytes,
effective rules and planlint code are the same as last time is not parsed or
checked again.

Entries live in packs under the user's cache directory: one pack holds the
files of one directory checked with one rule set by one planlint build, spread
over a few shards so that a pre-commit run over one file does not read the
results of thousands.  A run reads a pack once, keeps what it adds in memory,
and ``save()`` writes each changed pack once, merged with what another run may
have written meanwhile.  (One file per entry cost five file-system operations
per document: on the 500-document benchmark a tenth of the whole run.)
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import NamedTuple

from planlint.resources import cache_dir, code_fingerprint, load_pickle, store_pickle

_SHARDS = 16


class Entry(NamedTuple):
    """Where one file's result is kept: its pack, its path as reported, and the
    digest of its bytes that a kept result must match."""

    pack: str
    path: str
    digest: str


class ResultCache:
    def __init__(self, directory: Path | None = None, lookup: bool = True):
        self.directory = directory or cache_dir() / "results"
        self.lookup = lookup  # False in a worker: the parent has looked up every file it hands out
        # path -> (digest, the result pickled on its own): a worker pickles a result
        # once, and the parent keeps those bytes as they are.
        self._packs: dict[str, dict[str, tuple[str, bytes]]] = {}  # as read
        self._added: dict[str, dict[str, tuple[str, bytes]]] = {}  # this run's, not yet saved

    def entry(self, checker_fingerprint: str, path: str, data: bytes) -> Entry:
        return Entry(self._pack(checker_fingerprint, path), path, hashlib.sha256(data).hexdigest())

    def knows(self, checker_fingerprint: str, path: str) -> bool:
        """Whether a result is kept for ``path`` (for some content of it), known
        without reading the file: a first run reads nothing twice."""
        pack = self._pack(checker_fingerprint, path)
        return path in self._added.get(pack, ()) or path in self._read(pack)

    @staticmethod
    def _pack(checker_fingerprint: str, path: str) -> str:
        # The path as reported is the entry's name: results carry it.
        shard = hashlib.sha256(path.encode("utf-8", "surrogatepass")).digest()[0] % _SHARDS
        directory = os.path.dirname(os.path.abspath(path))
        return hashlib.sha256("\0".join((code_fingerprint(), checker_fingerprint, directory, str(shard)))
                              .encode("utf-8", "surrogatepass")).hexdigest()

    def load(self, entry: Entry):
        """The result kept for ``entry``, or None."""
        if not self.lookup:
            return None
        kept = self._added.get(entry.pack, {}).get(entry.path) or self._read(entry.pack).get(entry.path)
        if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == entry.digest):
            return None
        try:
            return pickle.loads(kept[1])
        except Exception:  # a damaged entry is only a miss
            return None

    def store(self, entry: Entry, result) -> None:
        self.keep(entry, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def keep(self, entry: Entry, pickled: bytes) -> None:
        """``store`` for a result already pickled (by a worker)."""
        self._added.setdefault(entry.pack, {})[entry.path] = (entry.digest, pickled)

    def take_added(self) -> list[tuple[Entry, bytes]]:
        """What this run added and has not saved, forgotten here: a worker hands
        it to the parent, which saves the cache once."""
        added = [(Entry(pack, path, digest), pickled)
                 for pack, entries in self._added.items() for path, (digest, pickled) in entries.items()]
        self._added.clear()
        return added

    def save(self) -> None:
        """Write every pack this run added to, merged with its copy on disk now."""
        for pack, added in self._added.items():
            on_disk = load_pickle(self._file(pack))
            merged = on_disk if isinstance(on_disk, dict) else {}
            merged.update(added)
            store_pickle(self._file(pack), merged)
            self._packs[pack] = merged
        self._added.clear()

    def _read(self, pack: str) -> dict[str, tuple[str, bytes]]:
        if pack not in self._packs:
            kept = load_pickle(self._file(pack))
            self._packs[pack] = kept if isinstance(kept, dict) else {}
        return self._packs[pack]

    def _file(self, pack: str) -> Path:
        return self.directory / f"{pack}.pickle"
