"""`planlint tree`: a document's parsed outline as a tree, or as JSON."""

from __future__ import annotations

import json
from typing import TextIO

from planlint.i18n import say
from planlint.markers import CANONICAL_DELIMITER, format_marker
from planlint.loading import is_pdf, is_word
from planlint.outline.model import Document, Node
from planlint.reporters import Options
from planlint.reporters.text import make_console


def render_json(document: Document, out: TextIO) -> None:
    json.dump(document.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _label(node: Node, lang: str, where: str):
    from rich.text import Text

    label = Text()
    if node.is_part:
        label.append(say("tree.part", lang, index=node.part + 1), style="bold magenta")
        if node.title:
            label.append(f" {node.title}", style="bold")
    elif node.marker is not None:
        label.append(node.marker.raw, style="bold cyan")
        label.append(node.title)
    label.append(f"  {say(where, lang, line=node.span.line)}", style="dim")
    return label


def render_tree(document: Document, out: TextIO, options: Options) -> None:
    from rich.text import Text
    from rich.tree import Tree

    meta = document.metadata
    title = Text(meta.title.text if meta.title else document.path, style="bold")
    facts = []
    if meta.doc_type:
        facts.append(f"{say('tree.type', options.lang)}: {'+'.join(meta.doc_types) or meta.doc_type}")
    if meta.year:
        facts.append(f"{say('tree.year', options.lang)}: {meta.year}")
    if document.numbering_modes:
        modes = ", ".join(f"{format_marker(kind, 1, CANONICAL_DELIMITER[kind])} {say('mode.' + mode, options.lang)}"
                          for kind, mode in document.numbering_modes.items())
        facts.append(f"{say('tree.modes', options.lang)}: {modes}")
    if facts:
        title.append("  (" + "; ".join(facts) + ")", style="dim")
    tree = Tree(title)

    # In a .docx a line is a paragraph (the N-th of the body), and in a PDF one of the text rebuilt from it: say so.
    where = "tree.paragraph" if is_word(document.path) or is_pdf(document.path) else "tree.line"

    def add(branch, node: Node) -> None:
        child_branch = branch.add(_label(node, options.lang, where))
        for child in node.children:
            add(child_branch, child)

    for node in document.root.children:
        add(tree, node)
    make_console(out, options.color).print(tree)
