"""Regular expressions for text kinds: the ``regex`` package (\\p{Han}, variable
lookbehind) with a time limit, so no pattern can hang a run."""

from __future__ import annotations

from typing import Iterator

from planlint.kinds._scope import scoped_lines
from planlint.outline.model import Document

TIMEOUT_SECONDS = 1.0


class PatternTimeout(RuntimeError):
    pass


def compile_pattern(pattern: str, ignorecase: bool = False, field: str = "pattern"):
    import regex

    try:
        return regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    except regex.error as error:
        raise ValueError(f"{field}: {error}") from None


def alternation(words) -> str:
    """Literal words as one pattern, longest first so 截止目前 wins over 截止."""
    import regex

    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


def find(compiled, document: Document, params: dict) -> Iterator[tuple[int, object]]:
    """(line number, match) for every non-empty match in the rule's scope."""
    for number, text in scoped_lines(document, params.get("scope", "text"), tuple(params.get("skip", ()))):
        try:
            matches = list(compiled.finditer(text, timeout=TIMEOUT_SECONDS))
        except TimeoutError:
            raise PatternTimeout(f"pattern took longer than {TIMEOUT_SECONDS}s on line {number}") from None
        for match in matches:
            if match.end() > match.start():
                yield number, match
