"""Load the YAML rules, validate them, and pick the ones a run uses.

Every problem is reported with its file, its rule and its field, all at once,
so an office fixing its own rule file sees everything wrong in one go.
"""

from __future__ import annotations

import dataclasses
import functools
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from planlint.i18n import Words, words
from planlint.resources import bundled_dir, package_file, schema_validator
from planlint.schemaerrors import describe, shown


class Problem(NamedTuple):
    """What is wrong in a rule or profile file (or with a rules directory): where,
    and the ``reason`` as Words, said in the run's language by the command line."""

    path: str
    rule: str | None
    field: str | None
    reason: Words

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.reason.say("en")

    def __str__(self) -> str:
        where = self.path
        if self.rule:
            where += f": rule {self.rule}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class UnknownSelector(ValueError):
    """A --select/--ignore/--extend-select value that names no rule, code prefix or category."""


class UnknownProfile(ValueError):
    """A --profile that names no document type; ``known`` lists the types the profiles define."""

    def __init__(self, name: str, known: Sequence[str]):
        self.name, self.known = name, tuple(known)
        super().__init__(name, self.known)

    def __str__(self) -> str:
        return f"unknown document type {self.name!r}; known types: {', '.join(self.known)}"


class CatalogError(Exception):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(self.problems)  # the problems themselves: a worker process's error is pickled

    def __str__(self) -> str:
        return "\n".join(map(str, self.problems))


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    kind: str
    params: dict
    message: dict
    rationale: str
    examples: dict
    source: str
    fix: str | None = None
    enabled: bool = True
    aggregate: int | None = None
    prepared: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "category": self.category,
                "severity": self.severity, "kind": self.kind, "params": self.params,
                "message": self.message, "rationale": self.rationale, "fix": self.fix,
                "enabled": self.enabled, "aggregate": self.aggregate, "examples": self.examples,
                "source": self.source}


class Profile(NamedTuple):
    """What a document type must contain, and which rules do not apply to it."""

    type: str
    sections: tuple[dict, ...]
    ignore: frozenset[str]
    source: str


@dataclass(frozen=True, slots=True)
class Catalog:
    rules: tuple[Rule, ...]
    profiles: dict = field(default_factory=dict)  # document type → Profile

    def check_profile(self, name: str) -> None:
        """Raise UnknownProfile unless a profile defines the document type ``name``."""
        if name not in self.profiles:
            raise UnknownProfile(name, sorted(self.profiles))

    def get(self, code: str) -> Rule | None:
        code = code.upper()
        return next((rule for rule in self.rules if rule.code == code or rule.name == code.lower()), None)

    def matching(self, selector: str) -> list[Rule]:
        """Rules a selector names: ALL, a code or code prefix (PL1), a name, a category."""
        token = selector.strip()
        if token.upper() == "ALL":
            return list(self.rules)
        return [rule for rule in self.rules
                if rule.code.startswith(token.upper()) or rule.name == token.lower()
                or rule.category == token.lower()]

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = (),
               extend_select: Iterable[str] = ()) -> list[Rule]:
        """Like ruff: select replaces the default set, extend-select adds to it,
        ignore removes from it.  An unknown selector raises ValueError naming it."""
        select, ignore, extend = list(select), list(ignore), list(extend_select)
        for selector in select + ignore + extend:
            if not self.matching(selector):
                raise UnknownSelector(selector)
        if select:
            chosen = {rule.code for selector in select for rule in self.matching(selector)}
        else:
            chosen = {rule.code for rule in self.rules if rule.enabled}
        chosen |= {rule.code for selector in extend for rule in self.matching(selector)}
        chosen -= {rule.code for selector in ignore for rule in self.matching(selector)}
        return [rule for rule in self.rules if rule.code in chosen]

    def configure(self, config, select: Sequence[str] = (), ignore: Sequence[str] = (),
                  extend_select: Sequence[str] = ()) -> list[Rule]:
        """The rules a configuration selects, with its severities and params, and
        the command line's selectors on top (--select replaces the configuration's,
        --ignore and --extend-select add to it).  A ConfigError names the
        configuration file and the key at fault; an unknown command-line selector
        is a ValueError."""
        from planlint.config import ConfigError

        where = config.path or "<defaults>"
        if config.profile is not None and config.profile not in self.profiles:
            raise ConfigError(where, "profile", words("config.unknown-profile", value=shown(config.profile),
                                                      known=tuple(sorted(self.profiles))))
        for key, selectors in (("select", config.select), ("ignore", config.ignore),
                               ("extend-select", config.extend_select),
                               *((f"per-file-ignores.{glob}", codes) for glob, codes in config.per_file_ignores.items())):
            for selector in selectors:
                if not self.matching(selector):
                    raise ConfigError(where, key, words("config.unknown-selector", value=shown(selector)))
        for selector in (*select, *ignore, *extend_select):
            if not self.matching(selector):
                raise UnknownSelector(selector)
        overrides: dict[str, dict] = {}
        for code, level in config.severity.items():
            if self.get(code) is None:
                raise ConfigError(where, f"severity.{code}", words("unknown-code", value=shown(code)))
            overrides.setdefault(self.get(code).code, {})["severity"] = level
        for code, params in config.params.items():
            rule = self.get(code)
            if rule is None:
                raise ConfigError(where, f"params.{code}", words("unknown-code", value=shown(code)))
            merged = {**rule.params, **params}
            prepared, errors = _prepare_params(rule.kind, merged)
            if prepared is None:
                field_name, reason = errors[0]
                raise ConfigError(where, f"{field_name.replace('params', f'params.{code}', 1)}", reason)
            if rule.params.get("from_profiles"):
                prepared = {**prepared, "items_by_type": rule.prepared["items_by_type"]}
            overrides.setdefault(rule.code, {}).update(params=merged, prepared=prepared)
        # As in ruff, a command-line --select replaces the configuration's select and extend-select.
        chosen = self.select(select or config.select, (*config.ignore, *ignore),
                             (*(() if select else config.extend_select), *extend_select))
        return [dataclasses.replace(rule, **overrides[rule.code]) if rule.code in overrides else rule
                for rule in chosen]


def _read_yaml(path: Path, problems: list[Problem]):
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), None, None, words("catalog.unreadable", detail=str(error))))
    except yaml.YAMLError as error:
        mark, detail = getattr(error, "problem_mark", None), str(getattr(error, "problem", None) or error)
        problems.append(Problem(str(path), None, None,
                                words("catalog.bad-yaml-at", line=mark.line + 1, column=mark.column + 1, detail=detail)
                                if mark else words("catalog.bad-yaml", detail=detail)))
    return None


def _field_path(parts) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _rule_label(document: dict, index: int) -> str:
    entry = document["rules"][index] if isinstance(document.get("rules"), list) else None
    code = entry.get("code") if isinstance(entry, dict) else None
    return code if isinstance(code, str) else f"#{index + 1}"


def _load_file(path: Path, problems: list[Problem], bundled: bool) -> list[Rule]:
    label = str(path)
    before = len(problems)
    document = _read_yaml(path, problems)
    if len(problems) > before:
        return []
    if document is None or (isinstance(document, dict) and document.get("rules") == []):
        problems.append(Problem(label, None, None, words("catalog.no-rules")))  # an office's rules, silently gone
        return []
    errors = sorted(schema_validator("rules").iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        found = []
        for path_parts, reason in _described(errors):
            if len(path_parts) >= 2 and path_parts[0] == "rules":
                found.append(Problem(label, _rule_label(document, path_parts[1]),
                                     _field_path(path_parts[2:]) or None, reason))
            else:
                found.append(Problem(label, None, _field_path(path_parts) or None, reason))
        problems.extend(dict.fromkeys(found))  # each missing field of a rule is one error, all with one message
        return []
    return [rule for rule in (_build_rule(entry, label, problems, bundled) for entry in document["rules"]) if rule]


def _described(errors) -> list[tuple[list, Words]]:
    return [described for error in errors for described in describe(error)]


def _prepare_params(kind_name: str, params: dict) -> tuple[dict | None, list[tuple[str, Words]]]:
    """Validate params against the kind's schema and prepare them: (prepared, [(field, problem)])."""
    import jsonschema

    from planlint.kinds import load_kind

    kind = load_kind(kind_name)
    errors = list(dict.fromkeys((_field_path(["params", *path_parts]), reason) for path_parts, reason in
                                _described(jsonschema.Draft202012Validator(kind.PARAMS).iter_errors(params))))
    if errors:
        return None, errors
    if not hasattr(kind, "prepare"):
        return params, []
    try:
        return kind.prepare(params), []
    except ValueError as error:
        # A kind's prepare says "field: reason" in English (a regex error, say): kept as the detail.
        field_name, _, reason = str(error).partition(": ")
        return None, [(f"params.{field_name}", words("catalog.bad-param", detail=reason or str(error)))]


def _build_rule(entry: dict, label: str, problems: list[Problem], bundled: bool) -> Rule | None:
    from planlint.kinds import KINDS, load_kind, placeholders
    from planlint.kinds._regex import TIME_LIMIT

    code = entry["code"]
    if entry["kind"] not in KINDS:
        problems.append(Problem(label, code, "kind", words("catalog.unknown-kind", value=shown(entry["kind"]),
                                                           kinds=KINDS)))
        return None
    params = entry["params"]
    prepared, errors = _prepare_params(entry["kind"], params)
    problems.extend(Problem(label, code, field_name, reason) for field_name, reason in errors)
    if prepared is None:
        return None
    if bundled:
        prepared = {**prepared, TIME_LIMIT: None}  # see planlint.kinds._regex
    allowed = placeholders(load_kind(entry["kind"]), params)
    for language, template in entry["message"].items():
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as error:
            problems.append(Problem(label, code, f"message.{language}",
                                    words("catalog.placeholder-syntax", detail=str(error))))
            continue
        unknown = used - allowed
        if unknown:
            problems.append(Problem(label, code, f"message.{language}", words(
                "catalog.unknown-placeholder", names=tuple("{" + name + "}" for name in sorted(unknown)),
                allowed=tuple("{" + name + "}" for name in sorted(allowed)))))
    return Rule(code=code, name=entry["name"], category=entry["category"], severity=entry["severity"],
                kind=entry["kind"], params=params, message=entry["message"], rationale=entry["rationale"].strip(),
                examples=entry["examples"], source=label, fix=entry.get("fix"),
                enabled=entry.get("enabled", True), aggregate=entry.get("aggregate"), prepared=prepared)


def _load_profiles(problems: list[Problem]) -> dict[str, Profile]:
    profiles = {}
    for path in _profile_files():
        before = len(problems)
        document = _read_yaml(path, problems)
        if len(problems) > before:
            continue
        errors = list(schema_validator("profile").iter_errors(document))
        problems.extend(dict.fromkeys(Problem(str(path), None, _field_path(path_parts) or None, reason)
                                      for path_parts, reason in _described(errors)))
        if not errors:
            profiles[document["type"]] = Profile(document["type"], tuple(document["sections"]),
                                                 frozenset(document.get("ignore", ())), str(path))
    return profiles


def _attach_profiles(rules: list[Rule], profiles: dict[str, Profile], problems: list[Problem]) -> list[Rule]:
    """Give rules that take their items from the profiles (``from_profiles``) those items."""
    codes = {rule.code for rule in rules}
    for profile in profiles.values():
        for code in sorted(profile.ignore - codes):
            problems.append(Problem(profile.source, None, "ignore", words("unknown-code", value=code)))
    sections = {name: list(profile.sections) for name, profile in profiles.items()}
    return [dataclasses.replace(rule, prepared={**rule.prepared, "items_by_type": sections})
            if rule.params.get("from_profiles") else rule for rule in rules]


def _profile_files() -> list[Path]:
    return sorted(bundled_dir("profiles").glob("*.yaml"))


def _rule_files(directory: Path | str) -> list[Path]:
    """A rules directory's YAML files, in the order they load."""
    return sorted(Path(directory).glob("*.yaml")) + sorted(Path(directory).glob("*.yml"))


def _sources(directories: Sequence[Path | str]) -> list[Path]:
    """Every file a catalog is built from: schemas, profiles, bundled and office rules."""
    files = sorted(package_file("schemas").glob("*.json")) + _profile_files()
    for directory in (bundled_dir("rules"), *directories):
        files += _rule_files(directory)
    return files


def _cache_path(directories: Sequence[Path | str]) -> Path | None:
    """Where a validated, compiled catalog is kept, keyed by every rule, profile and
    schema file's path and content, planlint's code and Python's version."""
    import hashlib
    import sys

    from planlint.resources import cache_dir, code_fingerprint

    digest = hashlib.sha256(f"{code_fingerprint()} {sys.version}".encode())
    try:
        for path in _sources(directories):
            digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return cache_dir() / f"catalog-{digest.hexdigest()[:24]}.json"


def load_catalog(directories: Sequence[Path | str] = ()) -> Catalog:
    """The bundled rules plus those in ``directories``; CatalogError lists every problem.

    Loading validates every rule against its schema and compiles its patterns;
    the result is cached on disk (as data, keyed by the files' contents: see
    planlint.catalogcache), so a pre-commit run pays for it once, not on every commit."""
    from planlint.catalogcache import catalog_as_data, catalog_from_data
    from planlint.resources import load_json, prune_cache, store_json

    problems = _directory_problems(directories)
    if problems:  # before the cache, whose key holds the files found, not the directories looked in
        raise CatalogError(problems)
    cache = _cache_path(directories)
    cached = catalog_from_data(load_json(cache)) if cache is not None else None
    if cached is not None:
        return cached
    catalog = _load_catalog(directories)
    if cache is not None:
        prune_cache()
        store_json(cache, catalog_as_data(catalog))
    return catalog


def _directory_problems(directories: Sequence[Path | str]) -> list[Problem]:
    """A rules directory that is missing, or holds no rule files, would check nothing of an office's own."""
    problems = []
    for directory in map(Path, directories):
        if not directory.is_dir():
            reason = "catalog.not-a-directory" if directory.exists() else "catalog.missing-directory"
            problems.append(Problem(str(directory), None, None, words(reason)))
        elif not _rule_files(directory):
            problems.append(Problem(str(directory), None, None, words("catalog.no-rule-files")))
    return problems


def _load_catalog(directories: Sequence[Path | str]) -> Catalog:
    problems: list[Problem] = []
    rules: list[Rule] = []
    bundled = bundled_dir("rules")
    for directory in (bundled, *map(Path, directories)):
        for path in _rule_files(directory):
            rules.extend(_load_file(path, problems, directory == bundled))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] is not rule:
                problems.append(Problem(rule.source, rule.code, "code" if key == rule.code else "name",
                                        words("catalog.duplicate", value=key, source=seen[key].source)))
            seen.setdefault(key, rule)
    profiles = _load_profiles(problems)
    rules = _attach_profiles(rules, profiles, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(tuple(sorted(rules, key=lambda rule: rule.code)), profiles)


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    return load_catalog()
