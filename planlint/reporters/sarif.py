"""SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Columns are code points (``columnKind: unicodeCodePoints``), which is what
planlint counts.  Files that could not be read become tool execution
notifications, so a dashboard shows them too.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from planlint import __version__
from planlint.loading import is_pdf, is_word
from planlint.reporters import Options
from planlint.reporters._words import error_line

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


def _rule(rule) -> dict:
    def block(examples: list[str]) -> str:
        return "\n".join("    " + line for example in examples for line in example.rstrip("\n").split("\n"))

    help_text = f"{rule.rationale}\n\nBad:\n{block(rule.examples['bad'])}\n\nGood:\n{block(rule.examples['good'])}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.code} {rule.name}"},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {"category": rule.category, "kind": rule.kind, "fix": rule.fix or "none"},
    }


def _result(diagnostic, rule_index: dict[str, int]) -> dict:
    span = diagnostic.span
    result = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
            "region": {"startLine": span.line, "startColumn": span.column,
                       "endLine": span.end_line, "endColumn": span.end_column},
        }}],
    }
    region = result["locations"][0]["physicalLocation"]["region"]
    if is_word(diagnostic.path) or is_pdf(diagnostic.path):
        # In a Word file a "line" is a paragraph: the N-th paragraph of the body; in a
        # PDF, the N-th paragraph of the text rebuilt from its pages, which says where
        # on them the span starts.
        region["properties"] = {"lineUnit": "paragraph"}
    if diagnostic.page is not None:
        region["properties"].update(page=diagnostic.page.page, pageLine=diagnostic.page.line)
    if diagnostic.code in rule_index:
        result["ruleIndex"] = rule_index[diagnostic.code]
    if diagnostic.fix:
        result["fixes"] = [{
            "description": {"text": diagnostic.fix.applicability},
            "artifactChanges": [{
                "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                "replacements": [{
                    "deletedRegion": {"startLine": e.span.line, "startColumn": e.span.column,
                                      "endLine": e.span.end_line, "endColumn": e.span.end_column},
                    "insertedContent": {"text": e.content},
                } for e in diagnostic.fix.edits],
            }],
        }]
    return result


def build(report, options: Options) -> dict:
    rule_index = {rule.code: index for index, rule in enumerate(report.rules)}
    invocation: dict[str, object] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error_line(error, options.lang)}} for error in report.errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "planlint", "version": __version__, "semanticVersion": __version__,
                                "rules": [_rule(rule) for rule in report.rules]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": [_result(d, rule_index) for d in sorted(report.diagnostics, key=lambda d: d.sort_key())],
        }],
    }


def render(report, out: TextIO, options: Options) -> None:
    json.dump(build(report, options), out, ensure_ascii=False, indent=2)
    out.write("\n")
