"""Recall of planlint on defects injected into clean documents.

    python benchmarks/recall.py [--hosts N] [--class NAME] [--misses]

Each defect class in benchmarks/defects.yaml is written in several forms — from
the standards and from how people actually type, not from the rules' own
examples — and each form is injected, one at a time, into corpus documents at up
to three places (the first, a middle and the last place the form fits). A form
is found when a finding of one of the class's rules appears where the defect was
put (or, for a form that rewrites the whole text, anywhere) and was not there
before (the same rule with the same message). Rules run without aggregation: recall is about finding, not about how
findings are shown. Prints recall per class and form; ``--misses`` lists the
injections that went unfound.

Form operations (see defects.yaml): ``replace`` (a pattern, at one place),
``replace_all`` (a pattern, everywhere), ``append`` (text added after a body
line's last 。), ``insert_after_heading`` (a line under a heading of a kind),
``outline`` (a marker renumbered, repeated, swapped or written another way), and
``join`` (the text's line breaks lost) before any of them.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

_CN = "零一二三四五六七八九十"


def _cn(value: int) -> str:
    from planlint.numerals import int_to_chinese

    return int_to_chinese(value)


@dataclasses.dataclass
class Injection:
    text: str
    lines: set[int] | None  # where the defect is (1-based), None: anywhere
    where: str


def _checker():
    from planlint.catalog import bundled_catalog
    from planlint.config import Config
    from planlint.engine import Checker

    catalog = bundled_catalog()
    rules = catalog.configure(Config(), ["ALL"])
    return Checker(tuple(rules), "zh", catalog.profiles)


def _diagnostics(checker, text: str):
    """Every finding on its own (nothing aggregated), less those suppressed."""
    document, findings, _ = checker.findings(text, "<recall>")
    return checker.unsuppressed(document, findings, text)


def _document(text: str):
    from planlint.outline.parser import parse

    return parse(text)


def _pick(candidates: list, places: int) -> list:
    if len(candidates) <= places:
        return candidates
    return [candidates[0], candidates[len(candidates) // 2], candidates[-1]][:places]


def _host_year(text: str) -> int | None:
    return _document(text).metadata.year


def _body_lines(text: str) -> list[int]:
    document = _document(text)
    headings = {node.span.line for node in document.headings()}
    return [number for number, line in document.content_lines()
            if number not in headings and "。" in line and len(line.strip()) >= 12]


def _replace(text: str, form: dict, places: int) -> list[Injection]:
    pattern = re.compile(form["find"], re.MULTILINE)
    chrome = _document(text).chrome  # page chrome is no text of the document's
    matches = [match for match in pattern.finditer(text) if text.count("\n", 0, match.start()) + 1 not in chrome]
    injections = []
    for match in _pick(matches, places):
        line = text.count("\n", 0, match.start()) + 1
        injected = text[:match.start()] + match.expand(form["replace"]) + text[match.end():]
        injections.append(Injection(injected, {line}, f"line {line}"))
    return injections


def _replace_all(text: str, form: dict, places: int) -> list[Injection]:
    pattern = re.compile(form["find"], re.MULTILINE)
    lines = {text.count("\n", 0, match.start()) + 1 for match in pattern.finditer(text)}
    if not lines:
        return []
    return [Injection(pattern.sub(form["replace"], text), lines, f"{len(lines)} lines")]


def _append(text: str, form: dict, places: int) -> list[Injection]:
    lines = text.split("\n")
    injections = []
    for number in _pick(_body_lines(text), places):
        line = lines[number - 1]
        cut = line.rfind("。") + 1
        changed = lines[:number - 1] + [line[:cut] + form["text"] + line[cut:]] + lines[number:]
        injections.append(Injection("\n".join(changed), {number}, f"line {number}"))
    return injections


def _insert_after_heading(text: str, form: dict, places: int) -> list[Injection]:
    document = _document(text)
    lines = text.split("\n")
    used = {node.marker.kind for node in document.headings()}
    if not set(form.get("requires_kinds", ())) <= used:
        return []
    injections = []
    # a heading alone on its line: a line that holds several, glued, would put the new
    # line under the last of them, not under this one
    per_line: dict[int, int] = defaultdict(int)
    for node in document.headings():
        per_line[node.span.line] += 1
    parents = [node for node in document.headings() if node.marker.kind == form["kind"] and per_line[node.span.line] == 1]
    for parent in _pick(parents, places):
        at = parent.span.line
        changed = lines[:at] + [form["text"]] + lines[at:]
        injections.append(Injection("\n".join(changed), {at + 1}, f"after line {at}"))
    return injections


def _marker_text(kind: str, value: int, delimiter: str) -> str:
    from planlint.markers import format_marker

    return format_marker(kind, value, delimiter)


def _outline(text: str, form: dict, places: int) -> list[Injection]:
    document = _document(text)
    runs = [run for run in document.runs if run.kind == form["kind"] and len(run.nodes) >= form.get("min_run", 3)
            and [node.marker.value for node in run.nodes] == list(range(run.nodes[0].marker.value,
                                                                         run.nodes[0].marker.value + len(run.nodes)))]
    lines = text.split("\n")
    injections = []
    for run in _pick(runs, places):
        operation = form["op"]
        position = {"second": 1, "middle": len(run.nodes) // 2, "last": len(run.nodes) - 1}[form.get("at", "middle")]
        node = run.nodes[position]
        marker = node.marker
        edits: list[tuple] = []  # (node, new marker text)
        if operation == "bump":
            edits.append((node, _marker_text(marker.kind, marker.value + form.get("by", 1), marker.delimiter)))
        elif operation == "repeat":
            edits.append((node, _marker_text(marker.kind, marker.value - 1, marker.delimiter)))
        elif operation == "swap":
            other = run.nodes[position - 1]
            edits.append((node, other.marker.raw))
            edits.append((other, marker.raw))
        elif operation == "delimiter":
            edits.append((node, _marker_text(marker.kind, marker.value, form["delimiter"])))
        elif operation == "all-delimiters":
            edits += [(each, _marker_text(each.marker.kind, each.marker.value, form["delimiter"])) for each in run.nodes]
        changed = list(lines)
        for each, new in sorted(edits, key=lambda edit: -edit[0].marker.span.column):
            span = each.marker.span
            row = changed[span.line - 1]
            changed[span.line - 1] = row[:span.column - 1] + new + row[span.end_column - 1:]
        injections.append(Injection("\n".join(changed), {each.span.line for each, _ in edits},
                                    f"{marker.raw} line {node.span.line}"))
    return injections


OPERATIONS = {"replace": _replace, "replace_all": _replace_all, "append": _append,
              "insert_after_heading": _insert_after_heading, "outline": _outline}


def _join(text: str, separator: str) -> str:
    """The text with its line breaks lost after the first line (a page extracted onto one line)."""
    first, _, rest = text.partition("\n")
    return first + "\n" + separator.join(line.strip() for line in rest.split("\n") if line.strip()) + "\n"


def inject(text: str, form: dict, places: int) -> list[Injection]:
    low, high = form.get("host_year", [None, None])
    if low is not None or high is not None:
        year = _host_year(text)
        if year is None or (low is not None and year < low) or (high is not None and year > high):
            return []
    if "requires" in form and not re.search(form["requires"], text, re.MULTILINE):
        return []
    operation = form.get("op_type", "replace")
    if "join" in form:
        text = _join(text, form["join"])
    injections = OPERATIONS[operation](text, form, places)
    if "join" in form:
        injections = [dataclasses.replace(each, lines=None) for each in injections]
    return injections


def found(checker, before_text: str, injection: Injection, codes: set[str]) -> bool:
    """Whether a rule of ``codes`` finds more than before on the injected lines (or,
    when the whole text was rewritten, anywhere).  Findings are told apart by their
    message too: a host's 1、 list already has "“1、”应为“1.”" where 1。 is put, and
    "“1。”应为“1.”" there is the injected defect found."""
    def tally(text: str) -> Counter:
        return Counter((d.code, d.message) for d in _diagnostics(checker, text)
                       if d.code in codes and (injection.lines is None or d.line in injection.lines))

    before, after = tally(before_text), tally(injection.text)
    return any(after[key] > before[key] for key in after)


def hosts(limit: int) -> list[Path]:
    index = ROOT / "corpus" / "index.tsv"
    clean = []
    if index.exists():
        for row in index.read_text(encoding="utf-8").splitlines()[1:]:
            cells = row.split("\t")
            if len(cells) >= 7 and cells[6].strip() == "none" and cells[0].endswith(".txt"):
                clean.append(ROOT / "corpus" / "docs" / cells[0])
    paths = [path for path in clean if path.exists()] or sorted((ROOT / "seeds").glob("*.txt"))
    return paths[:limit] if limit else paths


def main(argv=None) -> int:
    import yaml

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=0, help="use at most N host documents (default: all clean ones)")
    parser.add_argument("--places", type=int, default=3, help="places per form and host (default 3)")
    parser.add_argument("--class", dest="only", help="run one defect class")
    parser.add_argument("--misses", action="store_true", help="list the injections that went unfound")
    args = parser.parse_args(argv)
    classes = yaml.safe_load((HERE / "defects.yaml").read_text(encoding="utf-8"))["classes"]
    checker = _checker()
    texts = {path: path.read_text(encoding="utf-8-sig") for path in hosts(args.hosts)}
    rows, misses = [], []
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for defect in classes:
        if args.only and defect["name"] != args.only:
            continue
        codes = set(defect["expect"])
        for form in defect["forms"]:
            injected = detected = 0
            for path, text in texts.items():
                for injection in inject(text, form, args.places):
                    if injection.text == text:
                        continue  # the host already has the form: nothing was injected
                    injected += 1
                    if found(checker, text, injection, codes):
                        detected += 1
                    else:
                        misses.append(f"{defect['name']} / {form['name']}: {path.name} {injection.where}")
            rows.append((defect["name"], form["name"], injected, detected))
            totals[defect["name"]][0] += injected
            totals[defect["name"]][1] += detected
    print("| class | form | injected | found | recall |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, form, injected, detected in rows:
        recall = f"{detected / injected:.2f}" if injected else "— (no host fits)"
        print(f"| {name} | {form} | {injected} | {detected} | {recall} |")
    print("\n| class | injected | found | recall |")
    print("| --- | ---: | ---: | ---: |")
    for name, (injected, detected) in totals.items():
        print(f"| {name} | {injected} | {detected} | {detected / injected:.2f} |" if injected else
              f"| {name} | 0 | 0 | — |")
    all_injected = sum(value[0] for value in totals.values())
    all_found = sum(value[1] for value in totals.values())
    print(f"\nall: {all_found}/{all_injected} = {all_found / max(all_injected, 1):.3f}")
    if args.misses:
        print("\nunfound:\n" + "\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
