"""An HTML page as a tree, parsed by the standard library's html.parser: tests read
the report's elements, attributes and text from it instead of searching strings."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Callable, Iterator

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Element | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def elements(self) -> Iterator["Element"]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.elements()

    def find_all(self, tag: str | None = None, *, cls: str | None = None,
                 where: Callable[["Element"], bool] | None = None, **attrs) -> list["Element"]:
        """Descendants by tag, class, attribute values (``data_rule="PL101"`` is data-rule) and a predicate."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [element for element in self.elements()
                if (tag is None or element.tag == tag) and (cls is None or cls in element.classes)
                and all(element.get(name) == value for name, value in wanted.items())
                and (where is None or where(element))]

    def find(self, tag: str | None = None, **kwargs) -> "Element":
        found = self.find_all(tag, **kwargs)
        assert found, f"no <{tag}> {kwargs}"
        return found[0]

    def by_id(self, identifier: str) -> "Element":
        return self.find(id=identifier)

    def json(self):
        """The JSON inside a <script type="application/json">."""
        return json.loads(self.text())


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):  # strict: the report closes every element it opens, in order
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Element:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> never closed"
    return builder.root
