"""The rules a configuration chooses from a catalog, with its severities and params."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Sequence

from planlint.catalog.model import UnknownSelector
from planlint.i18n import words
from planlint.schemaerrors import shown

if TYPE_CHECKING:
    from planlint.catalog.model import Catalog, Rule
    from planlint.config import Config


def configure(catalog: Catalog, config: Config, select: Sequence[str] = (), ignore: Sequence[str] = (),
              extend_select: Sequence[str] = ()) -> list[Rule]:
    """The rules a configuration selects, with its severities and params, and
    the command line's selectors on top (--select replaces the configuration's,
    --ignore and --extend-select add to it).  A ConfigError names the
    configuration file and the key at fault; an unknown command-line selector
    is a ValueError.  A rule whose params the configuration changes is prepared
    again, and its patterns keep the time limit."""
    from planlint.catalog.load import kind_state
    from planlint.config import ConfigError

    where = config.path or "<defaults>"
    if config.profile is not None and config.profile not in catalog.profiles:
        raise ConfigError(where, "profile", words("config.unknown-profile", value=shown(config.profile),
                                                  known=tuple(sorted(catalog.profiles))))
    for key, selectors in (("select", config.select), ("ignore", config.ignore),
                           ("extend-select", config.extend_select),
                           *((f"per-file-ignores.{glob}", codes) for glob, codes in config.per_file_ignores.items())):
        for selector in selectors:
            if not catalog.matching(selector):
                raise ConfigError(where, key, words("config.unknown-selector", value=shown(selector)))
    for selector in (*select, *ignore, *extend_select):
        if not catalog.matching(selector):
            raise UnknownSelector(selector)
    overrides: dict[str, dict[str, Any]] = {}
    for code, level in config.severity.items():
        rule = catalog.get(code)
        if rule is None:
            raise ConfigError(where, f"severity.{code}", words("unknown-code", value=shown(code)))
        overrides.setdefault(rule.code, {})["severity"] = level
    for code, params in config.params.items():
        rule = catalog.get(code)
        if rule is None:
            raise ConfigError(where, f"params.{code}", words("unknown-code", value=shown(code)))
        merged = {**rule.params, **params}
        state, errors = kind_state(rule.kind, merged)
        if errors:
            field_name, reason = errors[0]
            raise ConfigError(where, f"{field_name.replace('params', f'params.{code}', 1)}", reason)
        overrides.setdefault(rule.code, {}).update(params=merged, state=state, time_limited=True)
    # As in ruff, a command-line --select replaces the configuration's select and extend-select.
    chosen = catalog.select(select or config.select, (*config.ignore, *ignore),
                            (*(() if select else config.extend_select), *extend_select))
    return [dataclasses.replace(rule, **overrides[rule.code]) if rule.code in overrides else rule
            for rule in chosen]
