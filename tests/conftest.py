from __future__ import annotations

import textwrap

import pytest

from planlint.api import check_text
from planlint.catalog import bundled_catalog
from planlint.outline.parser import parse


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture(scope="session")
def catalog():
    return bundled_catalog()


@pytest.fixture
def document():
    return lambda text: parse(dedent(text))


@pytest.fixture
def findings(catalog):
    """Diagnostics of one rule on a snippet, as (line, column, message) tuples."""

    def run(code: str, text: str, lang: str = "zh"):
        result = check_text(dedent(text), select=[code], lang=lang, catalog=catalog)
        assert not result.failures
        return [(d.line, d.column, d.message) for d in result.diagnostics]

    return run
