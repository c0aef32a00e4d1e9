"""The autocorrect peer: lint every file given (or under a directory) with
autocorrect's Python binding, in one process, as planlint does."""

import sys
from pathlib import Path

import autocorrect_py

count = 0
for argument in sys.argv[1:]:
    root = Path(argument)
    for path in sorted(root.rglob("*.txt")) if root.is_dir() else [root]:
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        count += len(result.lines)
print(count)
