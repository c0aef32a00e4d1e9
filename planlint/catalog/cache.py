"""The rule catalog kept in the user cache as data.

Building a catalog costs YAML, jsonschema and every kind's ``prepare`` (some
150 ms), so planlint keeps the result, keyed by the rule files (see
planlint.catalog.load_catalog).  It is JSON, never a pickle: a CI system
restores cache directories from other branches, and whoever can write a cache
file must not be able to run code (planlint.resources.load_json).  Each rule is
kept with its fields and its state, what its kind's ``prepare`` made of its
params, as tagged data: objects are {"dict": …}, {"tuple": …}, {"date":
"2024-01-31"}, {"regex": [source, flags]} or {"re": [source, flags]}.  A state
that holds anything else (a third-party kind's own objects) is not kept: the
rule is kept without it, and its kind prepares it again each time the catalog
is read back.  A rule of a third-party kind is kept with its kind's stamp (the
module's file, size and time), and a profile with its file's: when one
differs, the kept catalog is a miss.

A compiled pattern is kept as its source and flags, never as what it compiles
to (a pickled ``regex`` pattern is its compiled program, which the package's C
engine runs as it finds it), and is compiled when a rule first uses it
(``_Pattern``).  Compiling is the dear part: preparing every rule again on
load made a cold check of one seed cost 18% more instructions than unpickling
had, nearly all of it the ``regex`` package compiling patterns in Python.
Compiled on first use, a run over unchanged files compiles none, and a check
only the patterns its rules reach (still 14% more than the pickle for one
seed).  The rest of what ``prepare`` computes, literal starts among it, is read
back as it was kept.

What is read back must have the shape planlint's own code relies on (the
types of a rule's fields, a known severity and kind…); a file that has not is
a miss, and the rules are read and validated again.  The params are not
validated again: a forged file of the right shape can change what the rules
find, make a rule fail (a pattern that does not compile) or run long (a
pathological pattern without the time limit), as a forged result can change
what a file is said to contain; it cannot run code.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from planlint.catalog.model import Catalog, Profile, Rule
from planlint.kinds import BUNDLED, Kind, load_kind
from planlint.plugins import file_stamp

SCHEMA = 2  # the layout catalog_as_data writes: change it with the layout
_SEVERITIES = ("error", "warning", "info")  # as planlint/schemas/rules.schema.json has them
_TEXTS = ("code", "name", "category", "kind", "rationale", "source")


def catalog_as_data(catalog: Catalog) -> dict:
    return {"schema": SCHEMA,
            "rules": [_rule_as_data(rule) for rule in catalog.rules],
            "profiles": [[profile.type, list(profile.sections), sorted(profile.ignore), profile.source,
                          file_stamp(profile.source)] for profile in catalog.profiles.values()]}


def _rule_as_data(rule: Rule) -> dict:
    kept = {**rule.to_dict(), "time_limited": rule.time_limited, "kind_stamp": load_kind(rule.kind).stamp}
    try:
        kept["state"] = _data(rule.state)
    except TypeError:
        pass  # not data: prepared again when the catalog is read back
    return kept


def catalog_from_data(kept: Any) -> Catalog | None:
    """The catalog ``catalog_as_data`` gave ``kept``; None if ``kept`` is anything
    else, or a kind or profile it was made from has changed since."""
    try:
        if not (kept["schema"] == SCHEMA and isinstance(kept["rules"], list)
                and isinstance(kept["profiles"], list)):
            return None
        profiles = dict(_profile(*profile) for profile in kept["profiles"])
        return Catalog(tuple(_rule(entry) for entry in kept["rules"]), profiles)
    except Exception:  # whatever a foreign file makes of the above (keys, types, depth): a miss
        return None


class _Malformed(ValueError):
    """A kept value that ``catalog_as_data`` cannot have written."""


def _rule(entry: dict) -> Rule:
    message, examples = entry["message"], entry["examples"]
    if not (all(isinstance(entry[key], str) for key in _TEXTS) and entry["severity"] in _SEVERITIES
            and isinstance(entry["params"], dict) and isinstance(entry["time_limited"], bool)
            and entry["fix"] in (None, "safe", "unsafe") and isinstance(entry["enabled"], bool)
            and (entry["aggregate"] is None or type(entry["aggregate"]) is int)
            and isinstance(message, dict) and isinstance(message.get("zh"), str) and isinstance(message.get("en"), str)
            and isinstance(examples, dict) and _strings(examples.get("bad")) and _strings(examples.get("good"))):
        raise _Malformed(entry.get("code"))
    kind = _kind(entry["kind"], entry["kind_stamp"])
    state = _value(entry["state"]) if "state" in entry else kind.state(entry["params"])
    fields = {field.name: entry[field.name] for field in dataclasses.fields(Rule) if field.name != "state"}
    return Rule(**fields, state=state)


def _kind(name: str, stamp: str | None) -> Kind:
    """The kind a rule was kept with, unless its code has changed since (or it is gone)."""
    kind = load_kind(name) if name in BUNDLED or stamp is not None else None  # a plugin's is kept with its stamp
    if kind is None or kind.stamp != stamp:
        raise _Malformed(name)
    return kind


def _profile(type_, sections, ignore, source, stamp) -> tuple[str, Profile]:
    if not (isinstance(type_, str) and isinstance(source, str) and stamp == file_stamp(source)
            and isinstance(sections, list)
            and all(isinstance(section, dict) and isinstance(section.get("name"), str)
                    and _strings(section.get("keywords")) for section in sections)
            and _strings(ignore)):
        raise _Malformed(type_)
    return type_, Profile(type_, tuple(sections), frozenset(ignore), source)


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _data(value):
    """A state as JSON: lists and scalars as they are, every other value an
    object whose one key says what it is; TypeError for a value of any other
    type (a subclass too: a named tuple read back as a tuple would break its kind)."""
    import regex

    if value is None or type(value) in (bool, int, float, str):
        return value
    if type(value) is list:
        return [_data(item) for item in value]
    if type(value) is tuple:
        return {"tuple": [_data(item) for item in value]}
    if type(value) is dict and all(type(key) is str for key in value):
        return {"dict": {key: _data(item) for key, item in value.items()}}
    if type(value) is datetime.date:
        return {"date": value.isoformat()}
    if isinstance(value, regex.Pattern):
        return {"regex": [value.pattern, value.flags]}
    if isinstance(value, re.Pattern):
        return {"re": [value.pattern, value.flags]}
    raise TypeError(f"a kind prepared a {type(value).__name__}, which is not kept as data")


def _value(data):
    """What ``_data`` gave ``data``."""
    if isinstance(data, list):
        return [_value(item) for item in data]
    if not isinstance(data, dict):
        return data  # a string, number, boolean or null: JSON has nothing else
    [(tag, content)] = data.items()
    if tag == "dict" and isinstance(content, dict):
        return {key: _value(item) for key, item in content.items()}
    if tag == "tuple" and isinstance(content, list):
        return tuple(_value(item) for item in content)
    if tag == "date" and isinstance(content, str):
        return datetime.date.fromisoformat(content)
    if (tag in ("regex", "re") and isinstance(content, list) and len(content) == 2
            and isinstance(content[0], str) and type(content[1]) is int):
        return _Pattern(tag, content[0], content[1])
    raise _Malformed(tag)


class _Pattern:
    """A compiled pattern (of the ``regex`` package or of ``re``) kept as its
    source and flags, compiled when it is first used."""

    def __init__(self, module: str, source: str, flags: int):
        self._made_from = (module, source, flags)

    def __getattr__(self, name: str):
        # Called only for what the instance does not hold yet: after the first use
        # of a method, the pattern's own is held, and costs no more to call.
        if name.startswith("__") or name in ("_made_from", "_compiled"):
            raise AttributeError(name)
        if "_compiled" not in self.__dict__:
            self._compiled = _compile(*self._made_from)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __reduce__(self):  # a worker hands its rules to the parent: the source, not the program
        return _Pattern, self._made_from


def _compile(module: str, source: str, flags: int):
    if module == "re":
        return re.compile(source, flags)
    import regex

    return regex.compile(source, flags)
