"""Instructions per document, counted by valgrind's callgrind: a measure of a
code change that does not move with the machine's speed.

    python benchmarks/instructions.py [--rounds 4]

Wall time on the shared 2-core machines this was written on drifts by a third
within minutes, so a 5% gain cannot be seen in seconds; the instruction count
of the same work is the same from run to run.  The child process checks the
seeds in-process (``planlint.check_text``) once to warm up (catalog, parser,
kind modules), then ``--rounds`` times more; the figure is the difference
between that and a warm-up-only run, divided by the documents checked.
Instructions are not time: str.find runs few instructions slowly and the regex
package many quickly, so a change that trades one for the other must be timed too.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEEDS  # noqa: E402

_CHILD = """
import sys
from pathlib import Path
from planlint import check_text
texts = [Path(path).read_text(encoding="utf-8") for path in sys.argv[2:]]
check_text(texts[0])
for _ in range(int(sys.argv[1])):
    for text in texts:
        check_text(text)
"""


def _instructions(rounds: int, seeds: list[Path]) -> int:
    with tempfile.TemporaryDirectory() as work:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.path.join(work, 'out')}",
                   sys.executable, "-c", _CHILD, str(rounds), *map(str, seeds)]
        # The system allocator: valgrind counts pymalloc's arenas poorly.
        env = {**os.environ, "PYTHONMALLOC": "malloc"}
        finished = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    collected = re.search(r"Collected : (\d+)", finished.stderr)
    if collected is None:
        raise SystemExit(f"callgrind printed no count:\n{finished.stderr[-2000:]}")
    return int(collected[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    seeds = SEEDS
    subprocess.run([sys.executable, "-c", _CHILD, "1", *map(str, seeds)], check=True)  # fill the caches
    start_up = _instructions(0, seeds)
    total = _instructions(args.rounds, seeds)
    documents = args.rounds * len(seeds)
    print(f"{(total - start_up) / documents / 1e6:.2f} M instructions a document "
          f"({documents} checks of {len(seeds)} seeds); start-up and warm-up {start_up / 1e6:.0f} M")


if __name__ == "__main__":
    main()
