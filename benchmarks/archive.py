"""An archive audit on Dask against the command line: N documents made from the
seeds (corpus.build_many) through planlint.dask.check_files on a LocalCluster
of this machine (two worker processes, one thread each), written to Parquet,
and through ``planlint check --jobs 2 --no-cache --format json``; interleaved
rounds, median wall time, and the peak memory of each Dask worker and of the
command line's processes.  Needs ``pip install 'planlint[dask]'``.

    python benchmarks/archive.py --count 10000 --rounds 3 --work /tmp/archive
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import build_many


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_cli(directory: Path) -> tuple[float, float]:
    """Seconds, and the peak RSS in MB of the largest of its processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planlint", "check", "--jobs", "2", "--no-cache", "--format", "json",
                    "--exit-zero", str(directory)], stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def run_dask(paths: list[str], out: Path, client) -> tuple[float, int, list[float]]:
    """Seconds, rows written, and each worker's peak RSS in MB (the cluster already up)."""
    import dask.dataframe as dd

    import planlint.dask

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    planlint.dask.check_files(paths).to_parquet(out)
    seconds = time.perf_counter() - start
    rows = len(dd.read_parquet(out))
    return seconds, rows, sorted(client.run(_peak_mb).values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/planlint-archive"))
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    directory = args.work / f"docs-{args.count}"
    paths = [str(path) for path in build_many(directory, args.count)]
    started = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        startup = time.perf_counter() - started
        # Each worker imports planlint, pandas and pyarrow and reads its rules: its memory from then on is what N adds.
        warm = run_dask(paths[:1000], args.work / "warm.parquet", client)[2]
        cli_times, dask_times, workers, cli_peak, rows = [], [], [], 0.0, 0
        for _ in range(args.rounds):
            seconds, peak = run_cli(directory)
            cli_times.append(seconds)
            cli_peak = max(cli_peak, peak)
            seconds, rows, peaks = run_dask(paths, args.work / "findings.parquet", client)
            dask_times.append(seconds)
            workers = peaks
    cli, dask = statistics.median(cli_times), statistics.median(dask_times)
    print(f"documents: {args.count}; rounds: {args.rounds}; LocalCluster start-up {startup:.1f} s")
    print("| run | median s | range s | peak RSS MB | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| planlint check --jobs 2 --no-cache | {cli:.1f} | {min(cli_times):.1f}–{max(cli_times):.1f} "
          f"| {cli_peak:.0f} (largest process) | 1.00 |")
    print(f"| planlint.dask.check_files → Parquet, 2 workers | {dask:.1f} "
          f"| {min(dask_times):.1f}–{max(dask_times):.1f} "
          f"| {' / '.join(f'{peak:.0f}' for peak in workers)} (each worker) | {dask / cli:.2f} |")
    print(f"rows written: {rows}; each worker's peak RSS after the first 1,000 documents: "
          f"{' / '.join(f'{peak:.0f}' for peak in warm)} MB")


if __name__ == "__main__":
    main()
