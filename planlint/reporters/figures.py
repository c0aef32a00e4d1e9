"""A document's figures, as a report shows them beside its findings: what it is
and for which year, how it numbers its headings, which required themes it
covers (PL702's items) and how many of its task items carry a measurable
target (PL703's figure).

The two content figures are the rules' kinds' own ``figure`` (see
planlint.kinds), run with the rules' params as the check ran them, so they
always agree with the findings.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

from planlint.catalog import Rule
from planlint.kinds import load_kind
from planlint.outline.metadata import classify_type
from planlint.outline.model import Document

THEMES_RULE, TARGETS_RULE = "PL702", "PL703"


class Themes(NamedTuple):
    covered: tuple[str, ...]
    missing: tuple[str, ...]


class Targets(NamedTuple):
    """One document (or one part of a two-part one): task items with a target, of all."""

    doc_type: str
    with_target: int
    items: int

    @property
    def share(self) -> float:
        return self.with_target / self.items


class Mode(NamedTuple):
    sample: str  # the document's own first marker of this kind (一、, （一）, 1.)
    mode: str  # "restart", "continuous", "single" or "mixed" (Document.numbering_modes)


class Figures(NamedTuple):
    title: str | None
    doc_type: str | None
    doc_types: tuple[str, ...]
    title_type: str | None  # the type the title says, when --profile (or the configuration) says another
    year: int | None
    period: tuple[int, int] | None
    document_number: str | None
    signing_date: str | None
    modes: tuple[Mode, ...]
    themes: Themes | None  # None: PL702 did not run, or does not judge this document
    targets: tuple[Targets, ...]  # empty: PL703 did not run, or does not judge this document


def figures(document: Document, rules: Iterable[Rule]) -> Figures:
    meta = document.metadata
    by_code = {rule.code: rule for rule in rules}
    title = meta.title or meta.notice_title
    title_type = classify_type(title.text)[0] if title else None
    samples: dict[str, str] = {}
    for node in document.headings():
        samples.setdefault(node.marker.kind, node.marker.raw)
    return Figures(
        title=title.text if title else None,
        doc_type=meta.doc_type,
        doc_types=meta.doc_types,
        title_type=title_type if title_type != meta.doc_type else None,
        year=meta.year,
        period=meta.period,
        document_number=meta.document_number.text if meta.document_number else None,
        signing_date=meta.signing_date.text if meta.signing_date else None,
        modes=tuple(Mode(samples.get(kind, kind), mode) for kind, mode in document.numbering_modes.items()),
        themes=themes(document, by_code.get(THEMES_RULE)),
        targets=targets(document, by_code.get(TARGETS_RULE)),
    )


def _figure(document: Document, rule: Rule | None, kind_name: str) -> list[dict]:
    if rule is None or rule.kind != kind_name:
        return []
    kind = load_kind(rule.kind)
    return kind.figure(document, rule.params, rule.state) if kind.figure else []


def themes(document: Document, rule: Rule | None) -> Themes | None:
    """The themes of a ``required`` rule with one list of items (not sections by type), covered and missing."""
    if rule is None or not rule.params.get("items"):
        return None
    judged = _figure(document, rule, "required")
    return Themes(tuple(judged[0]["covered"]), tuple(judged[0]["missing"])) if judged else None


def targets(document: Document, rule: Rule | None) -> tuple[Targets, ...]:
    """The figure of a ``measurable`` rule for each part of the document with enough task items."""
    return tuple(Targets(part["doc_type"], part["with_target"], part["items"])
                 for part in _figure(document, rule, "measurable"))
