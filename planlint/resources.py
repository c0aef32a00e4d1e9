"""Where the bundled grammar and rules live.

A wheel carries them in ``planlint/_bundled/`` (see ``force-include`` in
pyproject.toml); a source checkout or an editable install reads the top-level
``grammar/`` and ``rules/`` directories directly, so there is one copy to edit.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


class ResourceMissing(RuntimeError):
    pass


def bundled_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise ResourceMissing(f"planlint is installed without its {name}/ directory")


def package_file(relative: str) -> Path:
    return _PACKAGE / relative


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """planlint's version and its code, data files and grammar as installed (size and
    mtime of each file), so a changed checker never serves an old result."""
    from planlint import __version__

    package = _PACKAGE
    digest = hashlib.sha256(__version__.encode())
    # The package's data files too: a kind's prepared state (fontfaces.yaml's names) is cached with the rules.
    code = [path for path in package.rglob("*") if path.suffix in (".py", ".yaml")]
    for path in sorted([*code, *bundled_dir("grammar").glob("*.lark")]):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def schema_validator(name: str):
    """A JSON Schema validator for ``planlint/schemas/<name>.schema.json`` (rules, profile, config)."""
    import json

    import jsonschema

    schema = json.loads(package_file(f"schemas/{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def cache_dir() -> Path:
    """The user's cache directory for planlint: ``PLANLINT_CACHE_DIR``, else the
    platform's (platformdirs: $XDG_CACHE_HOME/planlint or ~/.cache/planlint on
    Linux, ~/Library/Caches/planlint on macOS, %LOCALAPPDATA%\\planlint on Windows)."""
    override = os.environ.get("PLANLINT_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("planlint", appauthor=False, opinion=False))


def clear_cache() -> tuple[Path, int]:
    """Delete the cache directory; where it was and how many files it held.
    Raises OSError when it cannot be removed."""
    import shutil

    directory = cache_dir()
    if not directory.exists():
        return directory, 0
    count = sum(1 for path in directory.rglob("*") if path.is_file())
    shutil.rmtree(directory)
    return directory, count


STALE_DAYS = 30


def prune_cache(max_age_days: float = STALE_DAYS) -> int:
    """Delete cache files not written for ``max_age_days``; how many went.  Run when
    the catalog is rebuilt (after an upgrade or a change of rules), so entries for
    old builds, old rule sets and long-changed files do not pile up for ever."""
    import time

    directory = cache_dir()
    cutoff = time.time() - max_age_days * 86400
    removed = 0
    for path in directory.rglob("*") if directory.is_dir() else ():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            pass  # another run removed or holds it: nothing is lost
    return removed


def load_json(path: Path, object_hook=None):
    """What ``store_json`` kept at ``path``; None if it is missing or not JSON.

    Every cache file is JSON, never pickle or code: a CI system restores cache
    directories from other branches (GitHub Actions' cache), and whoever can
    write one must not be able to run anything on the next check.  Reading
    JSON builds only strings, numbers, lists and dicts (and what
    ``object_hook`` makes of them); whether they have the shape the caller
    kept is for the caller to check, and a file that does not is a miss."""
    import json

    try:
        # surrogatepass: a file name that is not UTF-8 reaches Python with lone surrogates.
        return json.loads(path.read_bytes().decode("utf-8", "surrogatepass"), object_hook=object_hook)
    except Exception:  # a cache entry is only ever a shortcut: rebuild what cannot be read
        return None


def store_json(path: Path, value) -> None:
    """Keep ``value`` at ``path`` as JSON, atomically (a reader never sees half a
    file); an unwritable cache only costs the next run its speed."""
    import json
    import tempfile

    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)  # a full disk must not also fill up with half-written entries
        except OSError:
            pass
