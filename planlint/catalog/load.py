"""Reading the rule and profile files into a catalog: YAML, the schemas, each
kind's params and prepare.

Every problem is reported with its file, its rule and its field, all at once,
so an office fixing its own rule file sees everything wrong in one go.

Profiles come in three layers, each replacing the profile of the same
document type in the one before: planlint's own (profiles/*.yaml), those of
installed packages (entry points ``planlint.profiles``, see planlint.plugins),
and an office's, in the ``profiles/`` directory of each of its rules
directories.  Two profiles of one type in one layer are a problem.
"""

from __future__ import annotations

import dataclasses
import string
from pathlib import Path
from typing import Any, Iterable, Sequence

from planlint.catalog.model import Catalog, CatalogError, Problem, Profile, Rule
from planlint.i18n import Words, words
from planlint.kinds import KindError, load_kind
from planlint.resources import bundled_dir, schema_validator
from planlint.schemaerrors import describe, shown

OFFICE_PROFILES = "profiles"  # the directory of an office's profiles, inside its rules directory


def build_catalog(directories: Sequence[Path | str]) -> Catalog:
    """The bundled rules and profiles, the installed packages' profiles, and the
    rules and profiles in ``directories``, validated and prepared; CatalogError
    lists every problem."""
    problems = directory_problems(directories)
    rules: list[Rule] = []
    bundled = bundled_rules()
    for directory in (bundled, *map(Path, directories)):
        for path in rule_files(directory):
            rules.extend(_load_file(path, problems, directory == bundled))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] is not rule:
                problems.append(Problem(rule.source, rule.code, "code" if key == rule.code else "name",
                                        words("catalog.duplicate", value=key, source=seen[key].source)))
            seen.setdefault(key, rule)
    plugin_files, broken = _plugin_profiles()
    problems.extend(Problem(f"entry point {name} ({group})", None, None,
                            words("catalog.broken-entry-point", detail=error)) for group, name, error in broken)
    profiles: dict[str, Profile] = {}
    for layer in (bundled_profile_files(), plugin_files, office_profile_files(directories)):
        profiles.update(_load_profiles(layer, problems))
    rules = _from_profiles(rules, profiles, problems)
    if problems:
        raise CatalogError(problems)
    return Catalog(tuple(sorted(rules, key=lambda rule: rule.code)), profiles)


def directory_problems(directories: Sequence[Path | str]) -> list[Problem]:
    """A rules directory that is missing, or holds neither rule files nor
    profiles, would check nothing of an office's own."""
    problems = []
    for directory in map(Path, directories):
        if not directory.is_dir():
            reason = "catalog.not-a-directory" if directory.exists() else "catalog.missing-directory"
            problems.append(Problem(str(directory), None, None, words(reason)))
        elif not rule_files(directory) and not office_profile_files([directory]):
            problems.append(Problem(str(directory), None, None, words("catalog.no-rule-files")))
    return problems


def rule_files(directory: Path | str) -> list[Path]:
    """A rules directory's YAML files, in the order they load."""
    return sorted(Path(directory).glob("*.yaml")) + sorted(Path(directory).glob("*.yml"))


def bundled_rules() -> Path:
    return bundled_dir("rules")


def bundled_profile_files() -> list[Path]:
    return sorted(bundled_dir("profiles").glob("*.yaml"))


def office_profile_files(directories: Iterable[Path | str]) -> list[Path]:
    return [path for directory in directories for path in sorted((Path(directory) / OFFICE_PROFILES).glob("*.yaml"))]


def _plugin_profiles() -> tuple[list[Path], list[tuple[str, str, str]]]:
    from planlint.plugins import PROFILES_GROUP, profile_paths

    files, broken = profile_paths()
    return files, [(PROFILES_GROUP, name, error) for name, error in broken]


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
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


def _field_path(parts: Iterable[Any]) -> str:
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


def _described(errors: Iterable[Any]) -> list[tuple[list, Words]]:
    return [described for error in errors for described in describe(error)]


def kind_state(kind_name: str, params: dict) -> tuple[Any, list[tuple[str, Words]]]:
    """Validate params against the kind's schema and prepare them: (the kind's
    state, [(field, problem)]); the state means nothing unless the list is empty."""
    import jsonschema

    kind = load_kind(kind_name)
    errors = list(dict.fromkeys((_field_path(["params", *path_parts]), reason) for path_parts, reason in
                                _described(jsonschema.Draft202012Validator(kind.params_schema).iter_errors(params))))
    if errors:
        return None, errors
    try:
        return kind.state(params), []
    except ValueError as error:
        # A kind's prepare says "field: reason" in English (a regex error, say): kept as the detail.
        field_name, _, reason = str(error).partition(": ")
        return None, [(f"params.{field_name}", words("catalog.bad-param", detail=reason or str(error)))]


def _kind_problem(error: KindError) -> Words:
    if error.reason == "unknown":
        from planlint.kinds import kind_names

        return words("catalog.unknown-kind", value=shown(error.name), kinds=kind_names())
    return words(f"catalog.{error.reason}-kind", value=shown(error.name), detail=error.detail)


def _build_rule(entry: dict, label: str, problems: list[Problem], bundled: bool) -> Rule | None:
    code = entry["code"]
    try:
        kind = load_kind(entry["kind"])
    except KindError as error:
        problems.append(Problem(label, code, "kind", _kind_problem(error)))
        return None
    params = entry["params"]
    state, errors = kind_state(entry["kind"], params)
    problems.extend(Problem(label, code, field_name, reason) for field_name, reason in errors)
    if errors:
        return None
    allowed = set(kind.placeholders(params))
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
                enabled=entry.get("enabled", True), aggregate=entry.get("aggregate"), state=state,
                time_limited=not bundled)


def _load_profiles(files: Sequence[Path], problems: list[Problem]) -> dict[str, Profile]:
    """One layer's profiles by document type."""
    profiles: dict[str, Profile] = {}
    for path in files:
        before = len(problems)
        document = _read_yaml(path, problems)
        if len(problems) > before:
            continue
        errors = list(schema_validator("profile").iter_errors(document))
        problems.extend(dict.fromkeys(Problem(str(path), None, _field_path(path_parts) or None, reason)
                                      for path_parts, reason in _described(errors)))
        if errors:
            continue
        kind = document["type"]
        if kind in profiles:
            problems.append(Problem(str(path), None, "type", words("catalog.duplicate", value=kind,
                                                                   source=profiles[kind].source)))
            continue
        profiles[kind] = Profile(kind, tuple(document["sections"]), frozenset(document.get("ignore", ())), str(path))
    return profiles


def _from_profiles(rules: list[Rule], profiles: dict[str, Profile], problems: list[Problem]) -> list[Rule]:
    """Rules whose params say ``from_profiles`` get each document type's sections
    as their ``items_by_type``, as if written there; a profile may ignore only rules that exist."""
    codes = {rule.code for rule in rules}
    for profile in profiles.values():
        for code in sorted(profile.ignore - codes):
            problems.append(Problem(profile.source, None, "ignore", words("unknown-code", value=code)))
    sections = {name: list(profile.sections) for name, profile in profiles.items()}
    resolved = []
    for rule in rules:
        if rule.params.get("from_profiles"):
            params = {**rule.params, "items_by_type": sections}
            state, errors = kind_state(rule.kind, params)
            problems.extend(Problem(rule.source, rule.code, field_name, reason) for field_name, reason in errors)
            rule = dataclasses.replace(rule, params=params, state=state)
        resolved.append(rule)
    return resolved
