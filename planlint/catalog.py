"""Load the YAML rules, validate them, and pick the ones a run uses.

Every problem is reported with its file, its rule and its field, all at once,
so an office fixing its own rule file sees everything wrong in one go.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from planlint.resources import bundled_dir, package_file


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    rule: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.rule:
            where += f": rule {self.rule}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class CatalogError(Exception):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


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


@dataclass(frozen=True, slots=True)
class Profile:
    """What a document type must contain, and which rules do not apply to it."""

    type: str
    sections: tuple[dict, ...]
    ignore: frozenset[str]
    source: str


@dataclass(frozen=True, slots=True)
class Catalog:
    rules: tuple[Rule, ...]
    profiles: dict = field(default_factory=dict)  # document type → Profile

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

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
        """Like ruff: --select replaces the default set, --ignore removes from it.

        An unknown selector raises ValueError naming it.
        """
        select, ignore = list(select), list(ignore)
        for selector in select + ignore:
            if not self.matching(selector):
                raise ValueError(selector)
        if select:
            chosen = {rule.code for selector in select for rule in self.matching(selector)}
        else:
            chosen = {rule.code for rule in self.rules if rule.enabled}
        chosen -= {rule.code for selector in ignore for rule in self.matching(selector)}
        return [rule for rule in self.rules if rule.code in chosen]


@functools.lru_cache(maxsize=None)
def _validator(name: str):
    import jsonschema

    schema = json.loads(package_file(f"schemas/{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _read_yaml(path: Path, problems: list[Problem]):
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), None, None, f"cannot read: {error}"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problems.append(Problem(str(path), None, None, f"not valid YAML{where}: {getattr(error, 'problem', error)}"))
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


def _load_file(path: Path, problems: list[Problem]) -> list[Rule]:
    label = str(path)
    before = len(problems)
    document = _read_yaml(path, problems)
    if len(problems) > before:
        return []
    errors = sorted(_validator("rules").iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        for error in errors:
            path_parts = list(error.absolute_path)
            if len(path_parts) >= 2 and path_parts[0] == "rules":
                problems.append(Problem(label, _rule_label(document, path_parts[1]),
                                        _field_path(path_parts[2:]) or None, error.message))
            else:
                problems.append(Problem(label, None, _field_path(path_parts) or None, error.message))
        return []
    return [rule for rule in (_build_rule(entry, label, problems) for entry in document["rules"]) if rule]


def _build_rule(entry: dict, label: str, problems: list[Problem]) -> Rule | None:
    import jsonschema

    from planlint.kinds import KINDS, load_kind, placeholders

    code = entry["code"]
    if entry["kind"] not in KINDS:
        problems.append(Problem(label, code, "kind", f"unknown kind {entry['kind']!r}; kinds are {', '.join(KINDS)}"))
        return None
    kind = load_kind(entry["kind"])
    params = entry["params"]
    param_errors = list(jsonschema.Draft202012Validator(kind.PARAMS).iter_errors(params))
    for error in param_errors:
        problems.append(Problem(label, code, _field_path(["params", *error.absolute_path]), error.message))
    if param_errors:
        return None
    prepared = params
    if hasattr(kind, "prepare"):
        try:
            prepared = kind.prepare(params)
        except ValueError as error:
            field_name, _, reason = str(error).partition(": ")
            problems.append(Problem(label, code, f"params.{field_name}", reason or str(error)))
            return None
    allowed = placeholders(kind, params)
    for language, template in entry["message"].items():
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as error:
            problems.append(Problem(label, code, f"message.{language}", f"bad placeholder syntax: {error}"))
            continue
        unknown = used - allowed
        if unknown:
            problems.append(Problem(label, code, f"message.{language}",
                                    f"unknown placeholder {', '.join('{' + n + '}' for n in sorted(unknown))}; "
                                    f"this kind offers {', '.join('{' + n + '}' for n in sorted(allowed))}"))
    return Rule(code=code, name=entry["name"], category=entry["category"], severity=entry["severity"],
                kind=entry["kind"], params=params, message=entry["message"], rationale=entry["rationale"].strip(),
                examples=entry["examples"], source=label, fix=entry.get("fix"),
                enabled=entry.get("enabled", True), aggregate=entry.get("aggregate"), prepared=prepared)


def _load_profiles(problems: list[Problem]) -> dict[str, Profile]:
    profiles = {}
    for path in sorted(bundled_dir("profiles").glob("*.yaml")):
        before = len(problems)
        document = _read_yaml(path, problems)
        if len(problems) > before:
            continue
        errors = list(_validator("profile").iter_errors(document))
        for error in errors:
            problems.append(Problem(str(path), None, _field_path(error.absolute_path) or None, error.message))
        if not errors:
            profiles[document["type"]] = Profile(document["type"], tuple(document["sections"]),
                                                 frozenset(document.get("ignore", ())), str(path))
    return profiles


def _attach_profiles(rules: list[Rule], profiles: dict[str, Profile], problems: list[Problem]) -> list[Rule]:
    """Give rules that take their items from the profiles (``from_profiles``) those items."""
    codes = {rule.code for rule in rules}
    for profile in profiles.values():
        for code in sorted(profile.ignore - codes):
            problems.append(Problem(profile.source, None, "ignore", f"unknown rule code {code}"))
    sections = {name: list(profile.sections) for name, profile in profiles.items()}
    return [dataclasses.replace(rule, prepared={**rule.prepared, "items_by_type": sections})
            if rule.params.get("from_profiles") else rule for rule in rules]


def load_catalog(directories: Sequence[Path | str] = ()) -> Catalog:
    """The bundled rules plus those in ``directories``; CatalogError lists every problem."""
    problems: list[Problem] = []
    rules: list[Rule] = []
    for directory in (bundled_dir("rules"), *map(Path, directories)):
        for path in sorted(Path(directory).glob("*.yaml")) + sorted(Path(directory).glob("*.yml")):
            rules.extend(_load_file(path, problems))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] is not rule:
                problems.append(Problem(rule.source, rule.code, "code" if key == rule.code else "name",
                                        f"{key} is already defined in {seen[key].source}"))
            seen.setdefault(key, rule)
    profiles = _load_profiles(problems)
    rules = _attach_profiles(rules, profiles, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(tuple(sorted(rules, key=lambda rule: rule.code)), profiles)


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    return load_catalog()
