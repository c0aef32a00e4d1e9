"""Time planlint against its peers on the same files, in one run.

    python benchmarks/run.py [--runs 3] [--count 500] [--work DIR]

Prints a table: tool, files, MB, median wall seconds, MB/s, peak RSS and the
ratio of each to planlint's default run.  Peers that are not installed are
skipped with a note (benchmarks/README.md says how to install them).  Ratios
are what count; absolute times vary by machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEEDS, build_large, build_many  # noqa: E402


@dataclass
class Timing:
    name: str
    files: int
    megabytes: float
    seconds: float
    peak_mb: float
    note: str = ""


def _measure(command: list[str], runs: int, env: dict | None = None, before=None) -> tuple[float, float]:
    """Median wall time and the largest peak RSS (MB) of ``command`` over ``runs``."""
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            raise RuntimeError(f"{command[0]} exited {process.returncode}")
    return statistics.median(times), max(peaks)


def _size(paths: list[Path]) -> float:
    return sum(path.stat().st_size for path in paths) / 1e6


def _planlint() -> list[str]:
    found = shutil.which("planlint")
    return [found] if found else [sys.executable, "-m", "planlint"]


def _textlint() -> list[str] | None:
    for candidate in (HERE / "node_modules" / ".bin" / "textlint", shutil.which("textlint")):
        if candidate and Path(candidate).exists():
            return [str(candidate), "--rule", "no-todo", "--rule", "max-comma", "--rule", "sentence-length"]
    return None


def _has_autocorrect() -> bool:
    return subprocess.run([sys.executable, "-c", "import autocorrect_py"], capture_output=True).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--large-mb", type=float, default=10.0)
    parser.add_argument("--work", type=Path, default=HERE / ".corpus")
    args = parser.parse_args()

    many = build_many(args.work / f"docs-{args.count}", args.count)
    directory = many[0].parent
    megabytes, files = _size(many), len(many)
    cache = args.work / "cache"
    env = {**os.environ, "PLANLINT_CACHE_DIR": str(cache)}
    clear = lambda: shutil.rmtree(cache / "results", ignore_errors=True)  # noqa: E731
    planlint = _planlint()
    rows: list[Timing] = []
    notes: list[str] = []

    def add(name, command, paths_count=files, size=megabytes, before=None, note=""):
        seconds, peak = _measure(command, args.runs, env, before)
        rows.append(Timing(name, paths_count, size, seconds, peak, note))

    check = [*planlint, "check", "--format", "json"]
    add("planlint (default jobs)", [*check, str(directory)], before=clear, note="no cached results")
    add("planlint --jobs 1", [*check, "--jobs", "1", "--no-cache", str(directory)])
    _measure([*check, str(directory)], 1, env)  # fill the cache
    add("planlint, unchanged (cache)", [*check, str(directory)], note="second run")
    if _has_autocorrect():
        add("autocorrect (Python binding)", [sys.executable, str(HERE / "autocorrect_lint.py"), str(directory)])
    else:
        notes.append("autocorrect skipped: pip install autocorrect-py")
    textlint = _textlint()
    if textlint:
        add("textlint (3 rules)", [*textlint, str(directory)])
    else:
        notes.append("textlint skipped: see benchmarks/README.md")

    seed = SEEDS[1]
    one = _size([seed])
    add("planlint, one seed, cold", [*check, "--no-cache", str(seed)], 1, one)
    if _has_autocorrect():
        add("autocorrect, one seed, cold", [sys.executable, str(HERE / "autocorrect_lint.py"), str(seed)], 1, one)
    add("planlint --version", [*planlint, "--version"], 0, 0.0)
    add("python -c 'import click'", [sys.executable, "-c", "import click"], 0, 0.0)

    for count in (5, 50):
        subset = many[:count]
        add(f"planlint --jobs 1, {count} docs", [*check, "--jobs", "1", "--no-cache", *map(str, subset)],
            count, _size(subset))
    large = build_large(args.work, args.large_mb)
    add(f"planlint, one {args.large_mb:g} MB document", [*check, "--no-cache", str(large)], 1, _size([large]))

    base = rows[0].seconds
    print(f"planlint benchmark — {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, median of {args.runs} runs\n")
    print("| tool | files | MB | median s | MB/s | peak RSS MB | ratio to planlint |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        rate = f"{row.megabytes / row.seconds:.2f}" if row.megabytes else "—"
        print(f"| {row.name} | {row.files} | {row.megabytes:.2f} | {row.seconds:.2f} | {rate} | "
              f"{row.peak_mb:.0f} | {row.seconds / base:.2f} |")
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
