"""Time planlint against its peers on the same files, in one run.

    python benchmarks/run.py [--runs 3] [--count 500] [--work DIR]

Prints a table: tool, files, MB, median and range of wall seconds, MB/s, peak
RSS and the ratio of each to planlint's default run.  Peers that are not installed are
skipped with a note (benchmarks/README.md says how to install them).  Ratios
are what count; absolute times vary by machine.

Every command runs once untimed (so Python has written its bytecode caches and
the files are in the page cache), then the timed runs go round by round over all
commands, in a new order each round: a machine whose speed drifts during the
run slows every tool alike, and no tool always runs right after another.  PYTHONDONTWRITEBYTECODE is dropped from the environment,
as on a user's machine: with it, an editable install recompiles planlint's
modules on every start.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEEDS, build_large, build_many  # noqa: E402


@dataclass
class Case:
    name: str
    command: list[str]
    files: int
    megabytes: float
    before: Callable[[], None] | None = None  # run untimed before each timed run
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(self.times)


def _run(case: Case, env: dict) -> None:
    """One run of ``case``: its wall time and peak RSS (MB) are recorded."""
    if case.before:
        case.before()
    start = time.perf_counter()
    process = subprocess.Popen(case.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    case.times.append(time.perf_counter() - start)
    case.peaks.append(usage.ru_maxrss / 1024)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise RuntimeError(f"{case.command[0]} exited {code}")


def _size(paths: list[Path]) -> float:
    return sum(path.stat().st_size for path in paths) / 1e6


def _fresh_copy(source: Path, target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)


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
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    clear = lambda: shutil.rmtree(cache / "results", ignore_errors=True)  # noqa: E731
    planlint = _planlint()
    cases: list[Case] = []
    notes: list[str] = []

    def add(name, command, paths_count=files, size=megabytes, before=None):
        cases.append(Case(name, command, paths_count, size, before))

    check = [*planlint, "check", "--format", "json"]
    # The first run clears the result cache and so fills it for the second, right after it.
    add("planlint (default jobs)", [*check, str(directory)], before=clear)
    add("planlint, unchanged (cache)", [*check, str(directory)])
    add("planlint --jobs 1", [*check, "--jobs", "1", "--no-cache", str(directory)])
    fixing = args.work / "fixing"  # --fix rewrites files: each run fixes a fresh copy (copied untimed)
    add("planlint --fix (a copy)", [*check, "--fix", "--no-cache", str(fixing / directory.name)],
        before=lambda: _fresh_copy(directory, fixing / directory.name))
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
        add(f"planlint --jobs 1, {len(subset)} docs", [*check, "--jobs", "1", "--no-cache", *map(str, subset)],
            len(subset), _size(subset))
    large = build_large(args.work, args.large_mb)
    add(f"planlint, one {args.large_mb:g} MB document", [*check, "--no-cache", str(large)], 1, _size([large]))
    add(f"planlint --fix, one {args.large_mb:g} MB document (a copy)",
        [*check, "--fix", "--no-cache", str(fixing / large.name)], 1, _size([large]),
        before=lambda: _fresh_copy(large, fixing / large.name))

    for case in cases:  # warm-up: bytecode written, files read once
        _run(case, env)
        case.times.clear()
        case.peaks.clear()
    # Each round runs the commands in a new order (the cached run stays right after the
    # run that fills the cache): no tool always follows textlint's 20 s of load.
    groups = [cases[:2], *([case] for case in cases[2:])]
    for round_number in range(args.runs):
        random.Random(round_number).shuffle(groups)
        for group in groups:
            for case in group:
                _run(case, env)

    base = cases[0].seconds
    print(f"planlint benchmark — {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, median of {args.runs} interleaved runs\n")
    print("| tool | files | MB | median s | range s | MB/s | peak RSS MB | ratio to planlint |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case in cases:
        rate = f"{case.megabytes / case.seconds:.2f}" if case.megabytes else "—"
        print(f"| {case.name} | {case.files} | {case.megabytes:.2f} | {case.seconds:.2f} | "
              f"{min(case.times):.2f}–{max(case.times):.2f} | {rate} | {max(case.peaks):.0f} | {case.seconds / base:.2f} |")
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
