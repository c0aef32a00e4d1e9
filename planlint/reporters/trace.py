"""`planlint trace`: the trace of a plan through its summary as text, JSON or a
self-contained HTML page (plan and summary side by side; its own template,
trace.html beside this module)."""

from __future__ import annotations

import html
import json
from string import Template
from typing import TextIO

from planlint.i18n import say
from planlint.reporters import Options
from planlint.tracing.documents import Side
from planlint.tracing.figures import Target
from planlint.tracing.result import TraceResult

_STATUS_STYLE = {"reported": "green", "partial": "yellow", "unreported": "bold red"}
_VERDICT_STYLE = {"met": "green", "short": "red", "unknown": "dim"}
_TEMPLATE = "trace.html"


def render_json(result: TraceResult, out: TextIO) -> None:
    json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _side(side: Side, lang: str) -> str:
    what = [side.title or side.path]
    if side.part is not None:
        what.append(say("trace.part", lang, index=side.part))
    what.extend(side.sections)
    return f"{side.path}（{'，'.join(what)}）" if lang != "en" else f"{side.path} ({', '.join(what)})"


def _target_words(target: Target, lang: str) -> str:
    reported = target.reported or (say("trace.done", lang) if target.reported_line else say("trace.no-figure", lang))
    where = f"（{say('trace.line', lang, line=target.reported_line)}）" if target.reported_line else ""
    if lang == "en" and where:
        where = f" ({say('trace.line', lang, line=target.reported_line)})"
    return f"{say('trace.target', lang)} {target.planned} → {reported}{where}"


def totals(result: TraceResult, lang: str) -> str:
    counts, verdicts = result.counts(), result.target_counts()
    return say("trace.totals", lang, tasks=len(result.tasks), **counts, targets=sum(verdicts.values()), **verdicts,
               unplanned=len(result.unplanned))


def render_text(result: TraceResult, out: TextIO, options: Options) -> None:
    """One block per task: its path, title, line and status, its evidence (line, score,
    text, shared words) and its targets; then the unplanned achievements and the totals."""
    from planlint.reporters.text import make_console
    from rich.text import Text

    lang = options.lang
    console = make_console(out, options.color)
    console.print(Text.assemble((say("trace.plan", lang) + "：" if lang != "en" else "Plan: ", "bold"),
                                _side(result.plan, lang)))
    console.print(Text.assemble((say("trace.summary", lang) + "：" if lang != "en" else "Summary: ", "bold"),
                                _side(result.summary, lang)))
    for task in result.tasks:
        console.print()
        console.print(Text.assemble(("".join(task.path), "bold cyan"), " ", task.title, "  ",
                                    (say("trace.line", lang, line=task.line), "dim"), "  ",
                                    (say(f"trace.status.{task.status}", lang), _STATUS_STYLE[task.status])))
        for item in task.evidence:
            named = f"  [{say('trace.named', lang)}]" if item.explicit else ""
            console.print(Text.assemble("    ", (say("trace.line", lang, line=item.line), "dim"),
                                        f" {item.score:.2f} ", item.text, (named, "magenta")))
            if item.terms:
                separator = "、" if lang != "en" else ", "
                console.print(Text.assemble("        ", (f"{say('trace.terms', lang)}: {separator.join(item.terms)}",
                                                          "dim")))
        for target in task.targets:
            console.print(Text.assemble("    ", _target_words(target, lang), "  ",
                                        (say(f"trace.verdict.{target.verdict}", lang), _VERDICT_STYLE[target.verdict])))
    if result.unplanned:
        console.print()
        console.print(Text(say("trace.unplanned", lang), style="bold"))
        for unplanned in result.unplanned:
            console.print(Text.assemble("    ", (say("trace.line", lang, line=unplanned.line), "dim"), " ",
                                        unplanned.text))
    console.print()
    console.print(totals(result, lang))


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _task_html(task, lang: str) -> str:
    parts = [f'<section class="task {task.status}" id="t-{task.line}">',
             f'<h3><span class="path">{_escape("".join(task.path))}</span> {_escape(task.title)}'
             f' <span class="badge {task.status}">{_escape(say(f"trace.status.{task.status}", lang))}</span>'
             f' <span class="where">{_escape(say("trace.line", lang, line=task.line))}</span></h3>']
    if task.evidence:
        parts.append("<ul class=\"evidence\">")
        for item in task.evidence:
            terms = ("、" if lang != "en" else ", ").join(item.terms)
            named = f' <em>{_escape(say("trace.named", lang))}</em>' if item.explicit else ""
            parts.append(f'<li><a href="#s-{item.line}">{_escape(say("trace.line", lang, line=item.line))}</a>'
                         f' <span class="score">{item.score:.2f}</span> {_escape(item.text)}{named}'
                         f'<div class="terms">{_escape(say("trace.terms", lang))}: {_escape(terms)}</div></li>')
        parts.append("</ul>")
    if task.targets:
        parts.append("<ul class=\"targets\">")
        for target in task.targets:
            parts.append(f'<li>{_escape(_target_words(target, lang))} <span class="verdict {target.verdict}">'
                         f'{_escape(say(f"trace.verdict.{target.verdict}", lang))}</span></li>')
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html(result: TraceResult, summary_lines: list[str], out: TextIO, options: Options) -> None:
    """The tasks on the left, the summary's lines on the right: lines that report a task
    are marked and linked from it, unplanned achievements are marked too."""
    from importlib.resources import files

    lang = options.lang
    reporting: dict[int, list[str]] = {}
    for task in result.tasks:
        for item in task.evidence:
            paths = reporting.setdefault(item.line, [])
            if "".join(task.path) not in paths:  # one mark per task, however many of its sentences the line holds
                paths.append("".join(task.path))
    unplanned = {item.line for item in result.unplanned}
    rows = []
    for number, text in enumerate(summary_lines, 1):
        if not text.strip():
            continue
        classes = ("reports" if number in reporting else "") + (" unplanned" if number in unplanned else "")
        marks = " ".join(f'<span class="mark">{_escape(path)}</span>' for path in reporting.get(number, ()))
        rows.append(f'<div class="line {classes.strip()}" id="s-{number}"><span class="number">{number}</span>'
                    f'<span class="text">{_escape(text)}</span>{marks}</div>')
    template = Template(files("planlint.reporters").joinpath(_TEMPLATE).read_text(encoding="utf-8"))
    out.write(template.substitute(
        lang="en" if lang == "en" else "zh-CN",
        title=_escape(say("trace.title", lang)),
        plan_label=_escape(say("trace.plan", lang)), plan=_escape(_side(result.plan, lang)),
        summary_label=_escape(say("trace.summary", lang)), summary=_escape(_side(result.summary, lang)),
        totals=_escape(totals(result, lang)),
        tasks="\n".join(_task_html(task, lang) for task in result.tasks),
        summary_lines="\n".join(rows),
        unplanned_label=_escape(say("trace.unplanned", lang)),
        reported_label=_escape(say("trace.status.reported", lang)),
    ))
