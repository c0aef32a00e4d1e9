"""The rule catalog as planlint holds it: rules, document-type profiles, and
choosing among them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from planlint.i18n import Words

if TYPE_CHECKING:
    from planlint.config import Config


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
    # What the kind's prepare made of the params (see planlint.kinds), kept apart from them.
    state: Any = field(default=None, compare=False, repr=False)
    # Whether its patterns stop at planlint.kinds.PATTERN_TIME_LIMIT: every rule
    # but a bundled one whose params no configuration changed.
    time_limited: bool = True

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
    profiles: dict[str, Profile] = field(default_factory=dict)  # document type → Profile

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

    def configure(self, config: Config, select: Sequence[str] = (), ignore: Sequence[str] = (),
                  extend_select: Sequence[str] = ()) -> list[Rule]:
        """The rules a configuration selects, with its severities and params (see
        planlint.catalog.configuration)."""
        from planlint.catalog.configuration import configure

        return configure(self, config, select, ignore, extend_select)
