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

A pack is JSON (see planlint.resources.load_json: a cache never runs code),
``{"schema": SCHEMA, "entries": {path: [digest of the file's bytes, result]}}``,
a result being lists, strings and numbers in the order of FileResult's fields
(``encode_result``).  Reading one back checks every value's type: an entry
that is not exactly what ``save`` writes (another schema, a truncated or edited
file, a span of strings) is a miss, never an exception.  A forged entry of the
right shape can still claim any diagnostics for its file, as one in any result
cache can: the cache is trusted with what was found, never with code.
(msgpack, one dependency more, would read the packs of the 500-document
benchmark in 8 ms instead of 12 and write them in 4 instead of 13; turning
them into results takes 10 ms either way.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from planlint.diagnostics import SEVERITY_RANK, Diagnostic, Edit, Fix, PageLine
from planlint.failures import Failure
from planlint.outline.model import Span
from planlint.resources import cache_dir, code_fingerprint, load_json, store_json
from planlint.results import FileResult

_SHARDS = 16
SCHEMA = 2  # the layout of packs and results below: change it with the layout


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
        self._packs: dict[str, dict[str, list]] = {}  # as read: path -> [digest, the result encoded]
        self._added: dict[str, dict[str, tuple[str, FileResult]]] = {}  # this run's, not yet saved

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

    def load(self, entry: Entry) -> FileResult | None:
        """The result kept for ``entry``, or None."""
        if not self.lookup:
            return None
        added = self._added.get(entry.pack, {}).get(entry.path)
        if added is not None:
            return added[1] if added[0] == entry.digest else None
        kept = self._read(entry.pack).get(entry.path)
        if not (isinstance(kept, list) and len(kept) == 2 and kept[0] == entry.digest):
            return None
        return decode_result(kept[1])

    def store(self, entry: Entry, result: FileResult) -> None:
        self._added.setdefault(entry.pack, {})[entry.path] = (entry.digest, result)

    def take_added(self) -> list[tuple[Entry, FileResult]]:
        """What this run added and has not saved, forgotten here: a worker hands
        it to the parent, which saves the cache once."""
        added = [(Entry(pack, path, digest), result)
                 for pack, entries in self._added.items() for path, (digest, result) in entries.items()]
        self._added.clear()
        return added

    def save(self) -> None:
        """Write every pack this run added to, merged with its copy on disk now."""
        for pack, added in self._added.items():
            merged = self._read_file(pack)
            merged.update((path, [digest, encode_result(result)]) for path, (digest, result) in added.items())
            store_json(self._file(pack), {"schema": SCHEMA, "entries": merged})
            self._packs[pack] = merged
        self._added.clear()

    def _read(self, pack: str) -> dict[str, list]:
        if pack not in self._packs:
            self._packs[pack] = self._read_file(pack)
        return self._packs[pack]

    def _read_file(self, pack: str) -> dict[str, list]:
        kept = load_json(self._file(pack))
        if isinstance(kept, dict) and kept.get("schema") == SCHEMA and isinstance(kept.get("entries"), dict):
            return kept["entries"]
        return {}

    def _file(self, pack: str) -> Path:
        return self.directory / f"{pack}.json"


def encode_result(result: FileResult) -> list:
    """``result`` as JSON values: [path, diagnostics, failures, excerpts, fixed,
    diff, fixed_text], a diagnostic as [path, code, rule, category, severity,
    message, span, fix, occurrences, page], a span as [line, column, end_line, end_column],
    a page (a PDF's diagnostics) as [page, line on the page] or null,
    a fix as [applicability, [[span, content]…]] or null, a failure as [path, code,
    reason, detail], the excerpts as [[line, text]…]."""
    return [result.path,
            [[d.path, d.code, d.rule, d.category, d.severity, d.message, list(d.span),
              None if d.fix is None else [d.fix.applicability, [[list(edit.span), edit.content]
                                                                for edit in d.fix.edits]], d.occurrences,
              None if d.page is None else list(d.page)]
             for d in result.diagnostics],
            [[failure.path, failure.code, failure.reason, failure.detail] for failure in result.failures],
            [[line, text] for line, text in result.excerpts.items()],
            result.fixed, result.diff, result.fixed_text]


class _Malformed(ValueError):
    """A kept value that ``encode_result`` cannot have written."""


def decode_result(encoded) -> FileResult | None:
    """The FileResult ``encode_result`` gave ``encoded``; None if ``encoded`` is
    anything else."""
    try:
        path, diagnostics, failures, excerpts, fixed, diff, fixed_text = encoded
        if not (type(fixed) is int and type(diff) is str and (fixed_text is None or type(fixed_text) is str)):
            raise _Malformed
        return FileResult(_text(path), [_diagnostic(*diagnostic) for diagnostic in diagnostics],
                          [Failure.rule(_text(where), _text(code), _text(reason), _text(detail))
                           for where, code, reason, detail in failures],
                          {_line(line): _text(text) for line, text in excerpts}, fixed, diff, fixed_text)
    except (TypeError, ValueError):  # unpacking the wrong shape raises one of these
        return None


def _diagnostic(path, code, rule, category, severity, message, span, fix, occurrences, page) -> Diagnostic:
    if not (type(path) is str and type(code) is str and type(rule) is str and type(category) is str
            and type(message) is str and type(severity) is str and severity in SEVERITY_RANK
            and type(occurrences) is int and occurrences >= 1):
        raise _Malformed
    return Diagnostic(path, code, rule, category, severity, message, _span(*span),
                      None if fix is None else _fix(*fix), occurrences, None if page is None else _page(*page))


def _fix(applicability, edits) -> Fix:
    if applicability not in ("safe", "unsafe"):
        raise _Malformed
    return Fix(applicability, tuple([Edit(_span(*span), _text(content)) for span, content in edits]))


def _span(line, column, end_line, end_column) -> Span:
    if not (type(line) is int and type(column) is int and type(end_line) is int and type(end_column) is int
            and 1 <= line <= end_line and column >= 1 and end_column >= 1):
        raise _Malformed
    return Span(line, column, end_line, end_column)


def _page(page, line) -> PageLine:
    if not (type(page) is int and type(line) is int and page >= 1 and line >= 1):
        raise _Malformed
    return PageLine(page, line)


def _line(value) -> int:
    if type(value) is not int:
        raise _Malformed
    return value


def _text(value) -> str:
    if type(value) is not str:
        raise _Malformed
    return value
