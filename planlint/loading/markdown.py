"""Markdown sources: the same lines and columns, with Markdown's syntax blanked.

Headings (``## 一、总体要求``) and list items (``- （一）…``, ``1. …``) keep their
numbering text; the ``#``, bullets and quote marks around it become spaces, so
the outline parser sees what a reader sees while every position stays that of
the Markdown source.  Code blocks and front matter become blank lines.  Inline,
what is syntax and not text becomes spaces too: a link's brackets and target
(its text stays), an image, inline code, HTML tags and comments, and a link
reference definition; ``![](风景.webp)`` holds no half-width bracket of Chinese text.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^(?P<space>[ \t]*)(?P<syntax>(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?)"
                     r"(?P<strong>\*\*|__)?")


def _blank(text: str) -> str:
    return re.sub(r"[^\t]", " ", text)


_DESTINATION = r"\((?:[^()]|\([^()]*\))*\)"  # a link's target may hold balanced brackets: 附件(二).png
_INLINE_SYNTAX = re.compile(
    r"(?P<code>(?P<ticks>`+)[^`]+?(?P=ticks))"
    rf"|(?P<image>!\[[^\]]*\]{_DESTINATION})"
    rf"|(?P<open>\[)(?=[^\]]*\]{_DESTINATION})|(?P<target>\]{_DESTINATION})"
    r"|(?P<html><!--.*?-->|</?[A-Za-z][^<>]*>|<https?://[^<>]*>)"
)
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S")


def _blank_inline(text: str) -> str:
    if _REFERENCE_DEFINITION.match(text):
        return _blank(text)
    return _INLINE_SYNTAX.sub(lambda match: _blank(match[0]), text)


def _code_lines(text: str) -> set[int]:
    """0-based numbers of the lines inside fenced or indented code blocks."""
    from markdown_it import MarkdownIt

    lines: set[int] = set()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(*token.map))
    return lines


def _front_matter(lines: list[str]) -> set[int]:
    if not lines or lines[0].strip() != "---":
        return set()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return set(range(index + 1))
    return set()


def markdown_view(text: str) -> str:
    """``text`` with the Markdown syntax replaced by spaces, line for line."""
    pieces = re.split(r"(\r\n|\r|\n)", text)
    lines, ends = pieces[0::2], pieces[1::2]
    hidden = _code_lines(text) | _front_matter(lines)
    viewed = []
    for index, line in enumerate(lines):
        if index in hidden:
            viewed.append(_blank(line))
            continue
        match = _PREFIX.match(line)
        assert match is not None  # every part of _PREFIX is optional: it matches every line
        cut = match.end()
        rest = line[cut:]
        if match["strong"] and rest.rstrip().endswith(match["strong"]):
            stripped = rest.rstrip()
            rest = stripped[:-2] + "  " + rest[len(stripped):]
        viewed.append(match["space"] + _blank(line[len(match["space"]):cut]) + _blank_inline(rest))
    return "".join(line + end for line, end in zip(viewed, ends + [""]))
