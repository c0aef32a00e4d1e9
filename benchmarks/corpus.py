"""Benchmark corpora made from the seeds: N documents round-robin, and one large
synthetic document (the seeds' bodies repeated, numbering running on)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def build_many(target: Path, count: int) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    texts = [seed.read_bytes() for seed in SEEDS]
    paths = []
    for index in range(count):
        path = target / f"doc{index:04d}.txt"
        if not path.exists():
            path.write_bytes(texts[index % len(texts)])
        paths.append(path)
    return paths


def build_large(target: Path, megabytes: float = 10.0) -> Path:
    """One document of about ``megabytes`` MB: section after section of seed text,
    their first-level numbers running 一、… so the outline stays one long tree."""
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"large-{megabytes:g}MB.txt"
    if path.exists():
        return path
    bodies = [re.sub(r"(?m)^\s*[一二三四五六七八九十]+、", "", seed.read_text(encoding="utf-8")) for seed in SEEDS]
    numerals = "一二三四五六七八九"
    lines, size, section = ["某县教育局2024年工作要点"], 0, 0
    while size < megabytes * 1024 * 1024:
        for body in bodies:
            section += 1
            lines.append(f"{numerals[(section - 1) % 9]}、第{section}部分工作")
            lines.append(body)
            size += len(body.encode("utf-8"))
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--large-mb", type=float, default=10.0)
    args = parser.parse_args()
    build_many(args.target / f"docs-{args.count}", args.count)
    build_large(args.target, args.large_mb)


if __name__ == "__main__":
    main()
