"""What a trace finds, and its JSON shape (documented in the README; stable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planlint.tracing.documents import Side
from planlint.tracing.figures import Target

STATUSES = ("reported", "partial", "unreported")
VERDICTS = ("met", "short", "unknown")


@dataclass
class Evidence:
    line: int
    column: int
    text: str
    score: float
    terms: list[str]
    explicit: bool = False  # the summary names the plan's item

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "text": self.text, "score": round(self.score, 3),
                "terms": self.terms, "explicit": self.explicit}


@dataclass
class TaskTrace:
    path: tuple[str, ...]
    title: str
    text: str
    line: int
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": list(self.path), "title": self.title, "text": self.text, "line": self.line,
                "status": self.status, "evidence": [item.to_dict() for item in self.evidence],
                "targets": [target.to_dict() for target in self.targets]}


@dataclass
class Unplanned:
    """A summary passage that reports an achievement no task planned."""

    line: int
    column: int
    text: str
    score: float  # its best score against any task, below what links

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "text": self.text, "score": round(self.score, 3)}


@dataclass
class TraceResult:
    plan: Side
    summary: Side
    tasks: list[TaskTrace]
    unplanned: list[Unplanned]

    def counts(self) -> dict[str, int]:
        found = {status: 0 for status in STATUSES}
        for task in self.tasks:
            found[task.status] += 1
        return found

    def target_counts(self) -> dict[str, int]:
        found = {verdict: 0 for verdict in VERDICTS}
        for task in self.tasks:
            for target in task.targets:
                found[target.verdict] += 1
        return found

    def to_dict(self) -> dict:
        return {"plan": self.plan.to_dict(), "summary": self.summary.to_dict(),
                "tasks": [task.to_dict() for task in self.tasks],
                "unplanned": [item.to_dict() for item in self.unplanned]}
