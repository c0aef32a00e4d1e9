"""The words trace matches with: synonyms read as one form, stopwords that link
nothing, and the sections that hold no tasks.

The bundled table is ``vocabulary.yaml`` beside this module; an office extends it
with files of the same shape (``planlint trace --vocabulary FILE``).  A file that is
not such a table raises VocabularyError, which names the file, the field and what is
wrong, in either language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from planlint.i18n import Words, words

_BUNDLED = Path(__file__).with_name("vocabulary.yaml")


class VocabularyError(Exception):
    def __init__(self, path: str, field: str | None, problem: Words):
        super().__init__(path, field, problem)
        self.path, self.field, self.problem = path, field, problem

    def __str__(self) -> str:
        return f"{self.path}: {self.field + ': ' if self.field else ''}{self.problem}"


@dataclass(frozen=True)
class Vocabulary:
    canonical: dict[str, str]  # variant → the form it is read as
    stopwords: frozenset[str]
    skip_sections: tuple[str, ...]

    def word(self, word: str) -> str:
        return self.canonical.get(word, word)


def _read_table(path: Path) -> dict:
    import yaml

    from planlint.resources import schema_validator
    from planlint.schemaerrors import describe

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise VocabularyError(str(path), None, words("config.not-utf8", byte=error.start + 1)) from None
    except OSError as error:
        raise VocabularyError(str(path), None, words("config.unreadable", detail=error.strerror or str(error))) from None
    try:
        table = yaml.safe_load(text)
    except yaml.YAMLError as error:
        detail = " ".join(str(getattr(error, "problem", None) or error).split())
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            detail += f" (line {mark.line + 1})"
        raise VocabularyError(str(path), None, words("config.bad-yaml", detail=detail)) from None
    table = {} if table is None else table
    for invalid in schema_validator("vocabulary").iter_errors(table):
        field_path, problem = describe(invalid)[0]
        raise VocabularyError(str(path), ".".join(map(str, field_path)) or None, problem)
    return table


def load_vocabulary(extra: Iterable[str | Path] = ()) -> Vocabulary:
    """The bundled table, extended by each file in ``extra`` in turn."""
    canonical: dict[str, str] = {}
    stopwords: set[str] = set()
    sections: list[str] = []
    for path in (_BUNDLED, *map(Path, extra)):
        table = _read_table(path)
        for form, variants in (table.get("synonyms") or {}).items():
            form = canonical.get(form, form)  # an office's key that is a variant joins its group
            for variant in variants:
                if variant != form:
                    canonical[variant] = form
        stopwords.update(table.get("stopwords") or ())
        sections.extend(word for word in table.get("skip-sections") or () if word not in sections)
    return Vocabulary(canonical, frozenset(stopwords), tuple(sections))
