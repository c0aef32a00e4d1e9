"""One self-contained HTML page for people who never open a terminal: an
overview (findings by severity and category as charts, the top rules, a row
per document), then each document with its findings marked in its text, its
outline beside it and its figures, filters by severity, category and rule,
and the documentation of every rule that found something.

Nothing is fetched: the CSS, the script and the charts are inline, the fonts
are the system's, and the page's Content-Security-Policy allows nothing else
(only its own script and style, by their hashes).  Document text reaches the
page only as text: Jinja escapes everything it writes, the JSON that carries
each document's lines has its <, > and & escaped, and the script sets
textContent, never markup.  A document's text is laid out only when its
section is opened, so a report of 500 documents opens as fast as its overview.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, NamedTuple, TextIO

from planlint import __version__
from planlint.catalog import Rule
from planlint.diagnostics import Diagnostic
from planlint.i18n import say
from planlint.loading import is_word
from planlint.outline.model import Node
from planlint.reporters import Options
from planlint.reporters._words import error_line, errors_to_stderr, summary_line
from planlint.reporters.figures import Figures, figures
from planlint.reporters.fixpreview import Preview, preview
from planlint.reporters.ruledoc import fix_lines

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("numbering", "structure", "date", "number", "punctuation", "header", "content", "expression",
              "layout")
_OUTLINE_CATEGORIES = ("numbering", "structure")  # the findings the outline marks at their heading
_OPEN_UP_TO = 1  # a report of this many documents opens them (and lays out their text) at once
_TOP_RULES = 10
_CHART_WIDTH = 220  # the longest bar, in the SVG's units
# The standards and regulations a rationale cites, with their clause where it gives one
# (not the titles of documents it quotes as examples).
_CLAUSE = re.compile(r"GB/T\s?\d+-\d{4}(?:\s(?:§\s?)?(?:[A-Z]\.)?\d+(?:\.\d+)*)?"
                     r"|《[^》\n]{2,30}(?:条例|规定|办法|汉字表)》(?:第[一二三四五六七八九十百〇零]+条)?")


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int
    width: float


@dataclass(frozen=True)
class FindingView:
    index: int
    diagnostic: Diagnostic
    where: str  # the position in words (a .docx counts paragraphs)
    preview: Preview | None


class Heading(NamedTuple):
    label: str
    title: str
    line: int
    problems: tuple[Diagnostic, ...]
    children: tuple["Heading", ...]


@dataclass(frozen=True)
class DocumentView:
    index: int
    path: str
    counts: dict[str, int]
    findings: tuple[FindingView, ...]
    figures: Figures | None  # None: the text could not be read again
    outline: tuple[Heading, ...]
    data: dict  # what the script lays out: the lines and where the findings are


@dataclass(frozen=True)
class RuleRow:
    """A rule that found something: how often, and in how many documents."""

    code: str
    name: str
    severity: str
    category: str
    count: int
    documents: int
    documented: bool  # its documentation is in the report (a rule of the run)


class RuleDoc(NamedTuple):
    rule: Rule
    standards: tuple[str, ...]
    fixed: tuple[tuple[str, ...], ...]  # each fixed example as diff lines


@functools.lru_cache(maxsize=1)
def environment():
    """The Jinja environment of planlint's page templates (autoescaping every value)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("planlint", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    # JSON in a <script> block: <, > and & are escaped by the filter; CJK stays as it is (a third of the size).
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def asset(name: str) -> str:
    """A stylesheet or script shipped beside the templates, as it is inlined."""
    env = environment()
    return env.loader.get_source(env, name)[0]


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_policy(scripts: tuple[str, ...], styles: tuple[str, ...], connect: str = "'none'") -> str:
    """Only these inline scripts and styles, by hash; no other source of anything."""
    return (f"default-src 'none'; script-src {' '.join(map(_hash, scripts))}; "
            f"style-src {' '.join(map(_hash, styles))}; img-src data:; connect-src {connect}; "
            "base-uri 'none'; form-action 'none'")


def render(report, out: TextIO, options: Options, shown: Mapping | None = None) -> None:
    """``shown``: each file's planlint.api.Shown by path (its text and outline); a file
    without one is shown by the lines its findings are on."""
    render_page(report, out, options.lang, shown or {})
    errors_to_stderr(report, options.lang)


def render_page(report, out: TextIO, lang: str, shown: Mapping) -> None:
    out.writelines(environment().get_template("report.html.j2").generate(**page(report, lang, shown)))


def page(report, lang: str, shown: Mapping) -> dict:
    """Everything the report's template shows."""
    def t(key: str, **values) -> str:
        return say(key, lang, **values)

    rules = {rule.code: rule for rule in report.rules}
    documents = [_document(index, result, shown.get(result.path), report.rules, lang)
                 for index, result in enumerate(report.files)]
    diagnostics = report.diagnostics
    rule_rows = _rule_rows(report, rules)
    style, script = asset("report.css"), asset("report.js")
    title = t("html.title") if len(report.files) != 1 else f"{report.files[0].path} — {t('html.title')}"
    return {
        "lang": lang, "t": t, "version": __version__, "title": title, "style": style, "script": script,
        "policy": content_policy((script,), (style,)),
        "summary": summary_line(report, lang),
        "files": len(report.files),
        "total": len(diagnostics),
        "severity_bars": _bars([(s, t(f"severity.{s}"), report.count(s)) for s in SEVERITIES]),
        "category_bars": _bars([(c, t(f"category.{c}"), sum(1 for d in diagnostics if d.category == c))
                                for c in CATEGORIES]),
        "rule_rows": rule_rows,
        "top_rules": sorted(rule_rows, key=lambda row: -row.count)[:_TOP_RULES],
        "rule_docs": [_rule_doc(rules[row.code]) for row in rule_rows if row.code in rules],
        "documents": documents,
        "open": len(documents) <= _OPEN_UP_TO,
        "errors": [error_line(error, lang) for error in report.errors],
        "words": {"shown": t("html.shown", shown="{shown}", total="{total}")},
    }


def _rule_rows(report, rules: Mapping[str, Rule]) -> list[RuleRow]:
    first: dict[str, Diagnostic] = {}
    counts: Counter = Counter()
    documents: Counter = Counter()
    for result in report.files:
        for diagnostic in result.diagnostics:
            first.setdefault(diagnostic.code, diagnostic)
            counts[diagnostic.code] += 1
        documents.update({d.code for d in result.diagnostics})
    return [RuleRow(code, first[code].rule, first[code].severity, first[code].category, counts[code],
                    documents[code], code in rules) for code in sorted(counts)]


def _bars(items: list[tuple[str, str, int]]) -> list[Bar]:
    top = max((count for _, _, count in items), default=0)
    return [Bar(key, label, count, round(count / top * _CHART_WIDTH, 1) if top else 0.0)
            for key, label, count in items]


def _rule_doc(rule: Rule) -> RuleDoc:
    standards = tuple(dict.fromkeys(match.group().replace("§ ", "§") for match in _CLAUSE.finditer(rule.rationale)))
    fixed = tuple(tuple(fix_lines(pair["bad"], pair["fixed"])) for pair in rule.examples.get("fixed", ()))
    return RuleDoc(rule, standards, fixed)


def _document(index: int, result, shown, rules, lang: str) -> DocumentView:
    word = is_word(result.path)
    if shown is not None:
        lines = shown.lines

        def line_text(number: int) -> str | None:
            return lines[number - 1] if 0 < number <= len(lines) else None
    else:
        line_text = result.excerpts.get
    where = "html.at-paragraph" if word else "html.at-line"

    def position(d: Diagnostic) -> str:
        if d.page is not None:
            return say("html.at-page", lang, page=d.page.page, page_line=d.page.line, line=d.span.line,
                       column=d.span.column)
        return say(where, lang, line=d.span.line, column=d.span.column)

    findings = tuple(FindingView(k, d, position(d), preview(d.fix, line_text) if d.fix else None)
                     for k, d in enumerate(result.diagnostics))
    marks = [[k, d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.severity, d.code]
             for k, d in enumerate(result.diagnostics)]
    if shown is not None:
        data = {"lines": shown.lines, "marks": marks}
        outline = _outline(shown.document.root.children, result.diagnostics, lang)
        about = figures(shown.document, rules)
    else:
        data = {"excerpts": sorted(result.excerpts.items()), "marks": marks}
        outline, about = (), None
    counts = {severity: sum(1 for d in result.diagnostics if d.severity == severity) for severity in SEVERITIES}
    return DocumentView(index, result.path, counts, findings, about, outline, data)


def _outline(nodes: list[Node], diagnostics: list[Diagnostic], lang: str) -> tuple[Heading, ...]:
    at_line: dict[int, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.category in _OUTLINE_CATEGORIES:
            at_line.setdefault(diagnostic.span.line, []).append(diagnostic)

    def heading(node: Node) -> Heading:
        label = say("tree.part", lang, index=node.part + 1) if node.marker is None else node.marker.raw
        return Heading(label, node.title, node.span.line, tuple(at_line.get(node.span.line, ())),
                       tuple(heading(child) for child in node.children))

    return tuple(heading(node) for node in nodes)
