"""Rule documentation, made from the rules themselves: `planlint rules`, `planlint rule CODE`."""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from planlint.catalog import Rule
from planlint.i18n import say
from planlint.reporters import Options
from planlint.reporters.text import make_console


def render_list(rules: Sequence[Rule], out: TextIO, options: Options, fmt: str = "text") -> None:
    if fmt == "json":
        json.dump([rule.to_dict() for rule in rules], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    from rich.table import Table

    lang = options.lang
    table = Table(box=None, pad_edge=False, show_edge=False)
    for heading in ("code", "name", "rule.category", "rule.severity", "rule.fix", "rule.enabled"):
        table.add_column(heading if "." not in heading else say(heading, lang), no_wrap=True)
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.category, say(f"severity.{rule.severity}", lang),
                      say(f"fix.{rule.fix or 'none'}", lang), say("yes" if rule.enabled else "no", lang))
    make_console(out, options.color).print(table)


def render_rule(rule: Rule, out: TextIO, options: Options) -> None:
    from rich.text import Text

    lang = options.lang
    console = make_console(out, options.color)
    console.print(Text(f"{rule.code} {rule.name}", style="bold"))
    console.print()
    for key, value in (("rule.category", rule.category),
                       ("rule.severity", say(f"severity.{rule.severity}", lang)),
                       ("rule.kind", rule.kind),
                       ("rule.params", json.dumps(rule.params, ensure_ascii=False)),
                       ("rule.fix", say(f"fix.{rule.fix or 'none'}", lang)),
                       ("rule.enabled", say("yes" if rule.enabled else "no", lang)),
                       ("rule.message", rule.message[lang]),
                       ("rule.source", rule.source)):
        console.print(Text(f"{say(key, lang)}: ", style="bold") + Text(value))
    console.print()
    console.print(Text(say("rule.rationale", lang), style="bold"))
    console.print(rule.rationale)
    for kind in ("bad", "good"):
        console.print()
        console.print(Text(say(f"rule.{kind}", lang), style="bold red" if kind == "bad" else "bold green"))
        for example in rule.examples[kind]:
            for line in example.rstrip("\n").split("\n"):
                console.print(Text("    " + line))
            console.print()
