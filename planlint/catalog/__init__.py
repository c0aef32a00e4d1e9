"""The rule catalog: the rules and document-type profiles a run can use.

    model.py          Rule, Profile, Catalog (and selecting among its rules), the errors
    load.py           reading and validating the YAML, preparing each rule's kind
    configuration.py  the rules a configuration chooses, with its severities and params
    cache.py          the catalog kept in the user cache, as data

``load_catalog`` is the way in: it builds a catalog, or reads the one kept.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Sequence

from planlint.catalog.model import (Catalog, CatalogError, Problem, Profile, Rule, UnknownProfile,
                                    UnknownSelector)

__all__ = ["Catalog", "CatalogError", "Problem", "Profile", "Rule", "UnknownProfile", "UnknownSelector",
           "bundled_catalog", "load_catalog"]

# Catalogs read in this process, by their cache key: a long-lived process (a
# Dask worker, a server) checking batch after batch reads its rules once.
_read: dict[Path, Catalog] = {}


def load_catalog(directories: Sequence[Path | str] = ()) -> Catalog:
    """The bundled rules and profiles, the installed packages' profiles, plus
    the rules and profiles in ``directories``; CatalogError lists every problem.

    Loading validates every rule against its schema and compiles its patterns;
    the result is cached on disk (as data, keyed by the files' contents: see
    planlint.catalog.cache), so a pre-commit run pays for it once, not on every commit."""
    from planlint.catalog.cache import catalog_as_data, catalog_from_data
    from planlint.catalog.load import build_catalog, directory_problems
    from planlint.resources import load_json, prune_cache, store_json

    problems = directory_problems(directories)
    if problems:  # before the cache, whose key holds the files found, not the directories looked in
        raise CatalogError(problems)
    cache = _cache_path(directories)
    if cache is not None and cache in _read:
        return _read[cache]
    catalog = catalog_from_data(load_json(cache)) if cache is not None else None
    if catalog is None:
        catalog = build_catalog(directories)
        if cache is not None:
            prune_cache()
            store_json(cache, catalog_as_data(catalog))
    if cache is not None:
        _read[cache] = catalog
    return catalog


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    return load_catalog()


def _sources(directories: Sequence[Path | str]) -> list[Path]:
    """Every file a catalog is built from that planlint finds itself: schemas,
    profiles, bundled and office rules (an installed package's are stamped, see cache.py)."""
    from planlint.catalog.load import bundled_profile_files, bundled_rules, office_profile_files, rule_files
    from planlint.resources import package_file

    files = sorted(package_file("schemas").glob("*.json")) + bundled_profile_files()
    files += office_profile_files(directories)
    for directory in (bundled_rules(), *directories):
        files += rule_files(directory)
    return files


def _cache_path(directories: Sequence[Path | str]) -> Path | None:
    """Where a validated, compiled catalog is kept, keyed by every rule, profile and
    schema file's path and content, planlint's code, Python's version and the
    packages installed (which may add kinds and profiles)."""
    import hashlib

    from planlint.plugins import installed_stamp
    from planlint.resources import cache_dir, code_fingerprint

    digest = hashlib.sha256(f"{code_fingerprint()} {sys.version} {installed_stamp()}".encode())
    try:
        for path in _sources(directories):
            digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return cache_dir() / f"catalog-{digest.hexdigest()[:24]}.json"
