"""What a reader raises when a file's bytes cannot become text."""

from __future__ import annotations


class ReadError(ValueError):
    """``reason`` is a code the reporters put into words (see planlint.failures); ``detail`` says more, in English."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason, self.detail = reason, detail
        super().__init__(f"{reason}: {detail}" if detail else reason)
