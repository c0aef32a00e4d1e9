"""The HTML report's size and speed for 5 and 500 documents (made from the seeds):
how long `planlint check --format html` takes to write it, how big it is, and, in a
headless Chromium (tests/cdp.py; skipped without one), how long the page takes to load,
to open one document (laying out its text) and to apply a filter.

    python benchmarks/html_report.py [--runs 5] [--work benchmarks/.corpus]

Prints a Markdown table of medians (and ranges) over --runs runs, each run after one
untimed run.  Timings drift with the machine's load: compare figures from one run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from cdp import Browser, find_chromium  # noqa: E402
from corpus import build_many  # noqa: E402

_OPEN_ONE = """(() => {
    const details = document.querySelector('details.doc:not([open])') || document.querySelector('details.doc');
    const start = performance.now(); details.open = true; details.dispatchEvent(new Event('toggle'));
    details.querySelector('.text').getBoundingClientRect(); return performance.now() - start; })()"""
_FILTER = """(() => { const start = performance.now(); document.querySelector('label.chip.sev-warning input').click();
    document.body.getBoundingClientRect(); return performance.now() - start; })()"""
_LOADED = """(() => { const n = performance.getEntriesByType('navigation')[0];
    return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()"""


def _figure(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def _write(directory: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planlint", "check", "--format", "html", "--no-cache", "--exit-zero",
                    "-o", str(out), str(directory)], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / ".corpus")
    args = parser.parse_args()
    chromium = find_chromium()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        browser = Browser(chromium, Path(scratch) / "profile") if chromium else None
        for count in (5, 500):
            directory = args.work / f"docs-{count}"
            build_many(directory, count)
            out = Path(scratch) / f"report-{count}.html"
            _write(directory, out)
            written = [_write(directory, out) for _ in range(args.runs)]
            row = [str(count), f"{out.stat().st_size / 2**20:.1f}", _figure(written, " s")]
            if browser is not None:
                page = browser.page()
                page.goto(out.as_uri())
                loaded, complete, opened, filtered = [], [], [], []
                for _ in range(args.runs):
                    page.goto(out.as_uri())
                    content, load = page.evaluate(_LOADED)
                    loaded.append(content / 1000)
                    complete.append(load / 1000)
                    opened.append(page.evaluate(_OPEN_ONE))
                    filtered.append(page.evaluate(_FILTER))
                assert not page.errors(), page.errors()
                page.close()
                row += [_figure(loaded, " s"), _figure(complete, " s"), _figure(opened, " ms"),
                        _figure(filtered, " ms")]
            rows.append(row)
        if browser is not None:
            browser.close()
    header = ["documents", "MB", "write (check + report)"]
    if chromium:
        header += ["DOMContentLoaded", "load", "open one document", "filter"]
    print("| " + " | ".join(header) + " |\n|" + " --- |" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
