"""--statistics: how many findings of each rule and each category, most frequent first
(an aggregated diagnostic, "全文共 277 处", counts as its 277 occurrences)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from planlint.reporters import Options


def tally(report) -> dict:
    names = {d.code: (d.rule, d.category, d.severity) for d in report.diagnostics}
    by_code: Counter = Counter()
    by_category: Counter = Counter()
    for d in report.diagnostics:
        by_code[d.code] += d.occurrences
        by_category[d.category] += d.occurrences
    return {
        "by_code": [{"code": code, "name": names[code][0], "category": names[code][1],
                     "severity": names[code][2], "count": count}
                    for code, count in sorted(by_code.items(), key=lambda item: (-item[1], item[0]))],
        "by_category": [{"category": category, "count": count}
                        for category, count in sorted(by_category.items(), key=lambda item: (-item[1], item[0]))],
    }


def render(report, out: TextIO, options: Options, as_json: bool = False) -> None:
    counts = tally(report)
    if as_json:
        json.dump(counts, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(row["count"])) for row in counts["by_code"]), default=1)
    for row in counts["by_code"]:
        out.write(f"{row['count']:>{width}}  {row['code']}  {row['name']}  [{row['category']}]\n")
    if counts["by_category"]:
        out.write("\n")
    for row in counts["by_category"]:
        out.write(f"{row['count']:>{width}}  {row['category']}\n")
