"""Installed packages that add rule kinds and document-type profiles, found
through entry points.  An office's package declares them in its pyproject.toml::

    [project.entry-points."planlint.kinds"]
    meeting-minutes = "office_rules.minutes"    # a module that follows planlint.kinds' protocol

    [project.entry-points."planlint.profiles"]
    office = "office_rules:PROFILES"            # a path: a profile's YAML file, or a directory of them

Looking entry points up imports importlib.metadata, which costs a cold check
a fifth of its time, so planlint looks only when something needs them: a rule
of a kind planlint does not bundle, or a rule catalog built afresh.  The
catalog cache is keyed by ``installed_stamp()`` instead, which changes
whenever a package is installed, upgraded or removed, and by ``file_stamp()``
of each plugin's file it read, which changes when the file is edited in place.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from planlint.kinds import BUNDLED, Kind, KindError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

KINDS_GROUP = "planlint.kinds"
PROFILES_GROUP = "planlint.profiles"


@functools.lru_cache(maxsize=None)
def entry_points(group: str) -> dict[str, EntryPoint]:
    """The entry points of ``group`` by name; of two with one name, the one
    found first on sys.path, as an import would."""
    from importlib.metadata import entry_points as installed

    found: dict[str, EntryPoint] = {}
    for point in installed(group=group):
        found.setdefault(point.name, point)
    return found


def load_plugin_kind(name: str) -> Kind:
    """The kind an installed package registers as ``name``; KindError if none
    does, or its module cannot be imported or lacks part of the protocol."""
    point = entry_points(KINDS_GROUP).get(name)
    if point is None or name in BUNDLED:
        raise KindError(name, "unknown")
    try:
        module = point.load()
    except Exception as error:  # whatever a package's import raises is that package's fault, not a crash
        raise KindError(name, "broken", f"{type(error).__name__}: {error}") from None
    if not isinstance(module, ModuleType):
        raise KindError(name, "incomplete", "a module")
    return Kind.of(name, module, file_stamp(module.__file__))


def profile_paths() -> tuple[list[Path], list[tuple[str, str]]]:
    """The profile files installed packages register (each entry point names a
    YAML file or a directory of them), and the entry points that could not be
    loaded, as (name, error)."""
    files: list[Path] = []
    broken: list[tuple[str, str]] = []
    for name, point in sorted(entry_points(PROFILES_GROUP).items()):
        try:
            path = Path(point.load())
        except Exception as error:  # a package's fault: reported with its name, never a crash
            broken.append((name, f"{type(error).__name__}: {error}"))
            continue
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return files, broken


def file_stamp(path: str | os.PathLike | None) -> str | None:
    """A file's path, size and time of change: what tells that it changed since."""
    if path is None:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return f"{os.fspath(path)}:{status.st_size}:{status.st_mtime_ns}"


def installed_stamp() -> str:
    """A digest of the packages installed where Python imports from (the names
    of their metadata directories, version included): it changes when one is
    installed, upgraded or removed, at the cost of listing those directories.
    The current directory is not listed: a run in an archive of 100,000 files
    would pay for it, and packages are not installed there."""
    digest = hashlib.sha256()
    for entry in sys.path:
        if not entry or entry == os.curdir or os.path.abspath(entry) == os.getcwd():
            continue
        try:
            with os.scandir(entry) as found:
                names = sorted(item.name for item in found if item.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # a zip, or a directory that does not exist
            continue
        listed = "\0".join([entry, *names]) + "\0"
        digest.update(listed.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
