"""Where a run of numbers departs from 1, 2, 3 … — shared by the parser (to
tell restart from run-on numbering) and the sequence rule kind."""

from __future__ import annotations

from typing import Iterator, Sequence


def misnumbered(values: Sequence[int], expected_start: int) -> Iterator[tuple[str, int, int]]:
    """(defect, index, expected value) for each item out of sequence.

    One typo costs one finding: in 5. 5. 7. the second 5 is reported and 7 is
    accepted, because the item after a mismatch shows which number was meant.
    """
    previous = expected_start - 1
    for index, value in enumerate(values):
        expected = previous + 1
        if value == expected:
            previous = value
            continue
        if index > 0 and value == previous:
            defect = "duplicate"
        elif value > expected:
            defect = "gap"
        else:
            defect = "order"
        yield defect, index, expected
        following = values[index + 1] if index + 1 < len(values) else None
        previous = expected if following == expected + 1 else value


def choose_mode(runs: Sequence[Sequence[int]]) -> str:
    """"continuous" when numbering runs on across parents (1…5, 6…14), else "restart".

    The mode that explains the numbers with fewer defects wins; on a tie,
    numbering runs on only if no later run starts again at 1.
    """
    if len(runs) < 2:
        return "restart"

    def cost(mode: str) -> int:
        total = 0
        for index, values in enumerate(runs):
            start = 1 if index == 0 or mode == "restart" else runs[index - 1][-1] + 1
            total += sum(1 for _ in misnumbered(values, start))
        return total

    restart, continuous = cost("restart"), cost("continuous")
    if continuous != restart:
        return "continuous" if continuous < restart else "restart"
    return "restart" if any(values[0] == 1 for values in runs[1:]) else "continuous"
