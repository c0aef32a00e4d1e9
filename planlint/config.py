"""Configuration: found like ruff's, nearest to each checked file.

``planlint.toml``, ``.planlint.yaml`` (or ``.yml``) or a ``[tool.planlint]``
table in ``pyproject.toml``, walking up from the file's directory; ``--config``
names one for every file.  Relative paths in a configuration (``exclude``,
``per-file-ignores``, ``rules-dirs``) are relative to its directory.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from planlint.i18n import Words, words
from planlint.loading import DEFAULT_MAX_FILE_SIZE
from planlint.resources import schema_validator
from planlint.schemaerrors import describe, shown

CONFIG_FILES = ("planlint.toml", ".planlint.yaml", ".planlint.yml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration at fault: its file, the key (None: the whole file) and
    what is wrong with it, as Words the command line says in the run's language."""

    def __init__(self, path: str, key: str | None, problem: Words):
        self.path, self.key, self.problem = path, key, problem
        super().__init__(path, key, problem)  # all of them: a worker process's error is pickled to the parent

    def __str__(self) -> str:
        return f"{self.path}: {'key ' + repr(self.key) + ': ' if self.key else ''}{self.message}"

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.problem.say("en")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict = field(default_factory=dict)
    rules_dirs: tuple[str, ...] = ()
    profile: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; "max-file-size" in the file is in MB

    def relative(self, path: str) -> str:
        try:
            return PurePath(os.path.relpath(os.path.abspath(path), self.root)).as_posix()
        except ValueError:  # another drive on Windows
            return PurePath(path).as_posix()

    def excludes(self, path: str) -> bool:
        if not self.exclude:
            return False
        relative = self.relative(path)
        return any(_matches(relative, pattern) for pattern in self.exclude)

    def ignored_for(self, path: str) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        relative = self.relative(path)
        return tuple(code for pattern, codes in self.per_file_ignores.items()
                     if _matches(relative, pattern) for code in codes)


def _matches(relative: str, pattern: str) -> bool:
    """Globs as in ruff and .gitignore: "archive/**", "*.md", "drafts/" all work."""
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
        return True
    parts = relative.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:index]), pattern) for index in range(1, len(parts)))


def _read(path: Path) -> dict | None:
    """The planlint table of a configuration file; None for a pyproject.toml without one."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(str(path), None, words("config.not-utf8", byte=error.start)) from None
    if path.name == "pyproject.toml" and "planlint" not in text:
        return None  # most projects' pyproject.toml: no need to import and run a TOML parser
    if path.suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(str(path), None, words("config.bad-toml", detail=str(error))) from None
        if path.name == "pyproject.toml":
            return data.get("tool", {}).get("planlint")
        return data
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigError(str(path), None, words("config.bad-yaml", detail=str(error))) from None
    return data if data is not None else {}


def _unreadable(error: OSError) -> Words:
    if isinstance(error, PermissionError):
        return words("permission")
    if isinstance(error, IsADirectoryError):
        return words("directory")
    return words("config.unreadable", detail=error.strerror or str(error))


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        data = _read(path)
    except OSError as error:
        raise ConfigError(str(path), None, _unreadable(error)) from None
    if data is None:
        data = {}
    errors = sorted(schema_validator("config").iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        field_path, problem = describe(errors[0])[0]
        key = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in field_path).lstrip(".")
        raise ConfigError(str(path), key or None, problem)
    root = path.resolve().parent
    for directory in data.get("rules-dirs", ()):
        _check_rules_dir(path, root, directory)
    return Config(
        path=str(path), root=root,
        select=tuple(data.get("select", ())), ignore=tuple(data.get("ignore", ())),
        extend_select=tuple(data.get("extend-select", ())), severity=dict(data.get("severity", {})),
        params=dict(data.get("params", {})), exclude=tuple(data.get("exclude", ())),
        per_file_ignores=dict(data.get("per-file-ignores", {})),
        rules_dirs=tuple(str((root / directory).resolve()) for directory in data.get("rules-dirs", ())),
        profile=data.get("profile"),
        max_file_size=int(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE / 2**20) * 2**20),
    )


def _check_rules_dir(path: Path, root: Path, directory: str) -> None:
    """A rules directory that is not there would silently check nothing of the office's own."""
    resolved = (root / directory).resolve()
    if not resolved.is_dir():
        reason = "config.not-a-directory" if resolved.exists() else "config.missing-directory"
        raise ConfigError(str(path), "rules-dirs", words(reason, value=shown(directory), resolved=str(resolved)))


def _config_in(directory: Path, cache: dict) -> Config | None:
    key = str(directory)
    if key not in cache:
        found = None
        for candidate in CONFIG_FILES:
            path = directory / candidate
            if path.is_file() and not (candidate == "pyproject.toml" and _read(path) is None):
                found = load_config(path)
                break
        if found is None and directory.parent != directory:
            found = _config_in(directory.parent, cache)
        cache[key] = found
    return cache[key]


def find_config(path: str, cache: dict | None = None) -> Config:
    """The configuration nearest to ``path`` (a file or directory), or the defaults.
    Pass one ``cache`` dict through a run so each directory is looked at once."""
    cache = {} if cache is None else cache
    if path == "-":
        directory = Path.cwd()
    elif os.path.isdir(path):
        directory = _resolved(path)
    elif os.path.islink(path):
        directory = _resolved(path).parent  # the configuration of the file linked to
    else:  # the files of one directory resolve it once (each resolve is a stat per path component)
        parent = ("resolved", os.path.dirname(path))
        if parent not in cache:
            cache[parent] = _resolved(parent[1] or ".")
        directory = cache[parent]
    return _config_in(directory, cache) or Config()


def _resolved(path: str) -> Path:
    """``path`` with its links followed; as far as they lead, for a link that loops
    or leads nowhere (its file is reported when it is read, not here)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a loop: RuntimeError before Python 3.13, OSError since
        return Path(os.path.abspath(path))
