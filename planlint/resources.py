"""Where the bundled grammar and rules live.

A wheel carries them in ``planlint/_bundled/`` (see ``force-include`` in
pyproject.toml); a source checkout or an editable install reads the top-level
``grammar/`` and ``rules/`` directories directly, so there is one copy to edit.
"""

from __future__ import annotations

import os
import sys
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


def cache_dir() -> Path:
    """The user's cache directory for planlint (XDG on Linux, the usual places elsewhere)."""
    override = os.environ.get("PLANLINT_CACHE_DIR")
    if override:
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "planlint"
