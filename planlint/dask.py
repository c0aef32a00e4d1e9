"""Archive audits on Dask: planlint's findings over an archive of files, or a bag
of texts, as a Dask DataFrame (``pip install 'planlint[dask]'``)::

    import planlint.dask
    findings = planlint.dask.check_files(paths)     # lazy: nothing runs yet
    findings.to_parquet("findings/")                 # runs, on whatever cluster the client has

One row per finding, with the keys of ``planlint check --format json`` as
columns (``fix`` is that object's JSON text, or null).  A file that could not be
read, or a rule that could not finish on one, is a row with a null ``code`` and
the error's one line (as ``planlint check`` prints it) as its ``message``:
``findings[findings.code.isna()]`` lists them, and a summary by rule leaves
them out.

``check_files`` checks each file as ``planlint check`` does: with the
configuration nearest to it, its office's rules and profiles, .txt, .md and
.docx alike.  A partition is a few hundred files checked in one task; a worker
keeps the rules it loaded (planlint.catalog keeps each catalog a process has
read), so it reads them once, not once per partition, and holds no more than
one partition's files and findings at a time.
"""

from __future__ import annotations

import json
import math
import os
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

    from planlint.diagnostics import Diagnostic
    from planlint.failures import Failure

FILES_PER_PARTITION = 500  # a few seconds of work per task: scheduling costs little beside it
COLUMNS = {"path": "string", "code": "string", "rule": "string", "category": "string", "severity": "string",
           "message": "string", "line": "Int64", "column": "Int64", "end_line": "Int64", "end_column": "Int64",
           "fix": "string"}


class Options(NamedTuple):
    """What a worker needs to check as the caller asked (sent with every task)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = "zh"
    config: str | None = None


def check_files(paths: Iterable[str | os.PathLike[str]], npartitions: int | None = None, *,
                select: Sequence[str] = (), ignore: Sequence[str] = (), lang: str = "zh",
                config: str | None = None) -> dask.dataframe.DataFrame:
    """The findings in ``paths`` (files, as ``planlint check`` is given them), in
    ``npartitions`` partitions of consecutive paths (default: one per
    FILES_PER_PARTITION files).  ``select``, ``ignore``, ``lang`` and ``config``
    mean what they mean to check_paths; no results are kept in the cache."""
    import dask.dataframe as dd

    given = [os.fspath(path) for path in paths]
    count = max(1, min(len(given), npartitions or math.ceil(len(given) / FILES_PER_PARTITION)))
    size = math.ceil(len(given) / count) if given else 1
    chunks = [given[start:start + size] for start in range(0, len(given), size)] or [[]]
    options = Options(tuple(select), tuple(ignore), lang, config)
    return dd.from_map(_check_chunk, chunks, options=options, meta=_frame([]), enforce_metadata=False)


def check_bag(bag: dask.bag.Bag, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
              lang: str = "zh") -> dask.dataframe.DataFrame:
    """The findings in a bag of (id, text) pairs, each text checked as planlint.check_text
    checks it with the bundled rules and ``id`` as its path (an id ending in .md is Markdown)."""
    import dask
    import dask.dataframe as dd

    options = Options(tuple(select), tuple(ignore), lang)
    parts = [dask.delayed(_check_texts)(part, options) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=_frame([]), verify_meta=False)


def _check_chunk(paths: list[str], options: Options) -> pandas.DataFrame:
    from planlint.api import check_paths

    report = check_paths(paths, select=options.select, ignore=options.ignore, lang=options.lang,
                         config=options.config, jobs=1, cache=False)
    rows = [_finding(diagnostic) for diagnostic in report.diagnostics]
    rows += [_failure(failure, options.lang) for failure in report.errors]
    return _frame(rows)


def _check_texts(pairs: Iterable[tuple[str, str]], options: Options) -> pandas.DataFrame:
    from planlint.api import check_text

    rows = []
    for identifier, text in pairs:
        result = check_text(text, identifier, select=options.select, ignore=options.ignore, lang=options.lang)
        rows += [_finding(diagnostic) for diagnostic in result.diagnostics]
        rows += [_failure(failure, options.lang) for failure in result.failures]
    return _frame(rows)


def _finding(diagnostic: Diagnostic) -> dict[str, Any]:
    row = diagnostic.to_dict()
    if row["fix"] is not None:
        row["fix"] = json.dumps(row["fix"], ensure_ascii=False)
    return row


def _failure(failure: Failure, lang: str) -> dict[str, Any]:
    from planlint.reporters import error_line

    return {"path": failure.path, "message": error_line(failure, lang)}


def _frame(rows: list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas

    return pandas.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)
