"""A fix as before and after, for a report that shows it: each stretch of lines
the fix changes, with the changed pieces marked and the unchanged text around
them cut down to a little context."""

from __future__ import annotations

from typing import Callable, NamedTuple

from planlint.diagnostics import Edit, Fix

_CONTEXT = 16  # characters of unchanged text kept beside a change
_MOST_HUNKS = 5  # a renumbering touches many lines; a preview shows the first few


class Piece(NamedTuple):
    text: str
    changed: bool


class Hunk(NamedTuple):
    """Lines ``line``…``end_line`` before and after the fix."""

    line: int
    end_line: int
    before: tuple[Piece, ...]
    after: tuple[Piece, ...]


class Preview(NamedTuple):
    hunks: tuple[Hunk, ...]
    more: int  # hunks left out


def preview(fix: Fix, line_text: Callable[[int], str | None]) -> Preview:
    """``line_text(n)``: the text of line ``n``, or None where it is not known
    (a report that kept only the lines with findings); such stretches are left out."""
    groups: list[list[Edit]] = []
    for edit in sorted(fix.edits, key=lambda edit: (edit.span.line, edit.span.column)):
        if groups and edit.span.line <= groups[-1][-1].span.end_line:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    hunks = [hunk for hunk in (_hunk(group, line_text) for group in groups) if hunk is not None]
    return Preview(tuple(hunks[:_MOST_HUNKS]), max(len(hunks) - _MOST_HUNKS, 0))


def _hunk(edits: list[Edit], line_text: Callable[[int], str | None]) -> Hunk | None:
    first, last = edits[0].span.line, max(edit.span.end_line for edit in edits)
    known = [line_text(number) for number in range(first, last + 1)]
    lines = [line for line in known if line is not None]
    if len(lines) < len(known):
        return None
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    text = "\n".join(lines)

    def offset(line: int, column: int) -> int:
        return min(starts[line - first] + column - 1, starts[line - first] + len(lines[line - first]))

    before: list[Piece] = []
    after: list[Piece] = []
    position = 0
    for edit in edits:
        start, end = offset(edit.span.line, edit.span.column), offset(edit.span.end_line, edit.span.end_column)
        if start < position or text[start:end] == edit.content:  # overlapping, or an edit that changes nothing
            continue
        same = Piece(text[position:start], False)
        before += [same, Piece(text[start:end], True)]
        after += [same, Piece(edit.content, True)]
        position = end
    if not before:
        return None
    rest = Piece(text[position:], False)
    return Hunk(first, last, _trimmed(before + [rest]), _trimmed(after + [rest]))


def _trimmed(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Unchanged pieces cut to the context beside the changes; empty pieces dropped."""
    kept = []
    for index, piece in enumerate(pieces):
        text = piece.text
        if not piece.changed:
            if index == 0:
                text = text if len(text) <= _CONTEXT else "…" + text[-_CONTEXT:]
            elif index == len(pieces) - 1:
                text = text if len(text) <= _CONTEXT else text[:_CONTEXT] + "…"
            elif len(text) > 2 * _CONTEXT + 1:
                text = text[:_CONTEXT] + "…" + text[-_CONTEXT:]
        if text:
            kept.append(Piece(text, piece.changed))
    return tuple(kept)
