"""One record for whatever planlint could not do to a file: read it, run a
rule on it, or write it back.  Loading, the engine and the runner make them;
results carry them; the reporters put them into words (planlint.reporters)."""

from __future__ import annotations

from typing import NamedTuple


class Failure(NamedTuple):
    """Something planlint could not do to one file.

    ``stage`` says what: "load" (the file could not be read as text), "rule"
    (one rule could not finish on it; ``code`` is the rule's) or "write"
    (``--fix`` left it untouched).  ``reason`` is a code the reporters put into
    words; ``detail`` says more, in English or in figures:

    - load: missing, permission, directory, unreadable, symlink-loop,
      broken-link, special-file, too-large, binary, undecodable, the .docx
      reader's (corrupt-docx, docx-bomb…), the PDF reader's (pdf-no-text,
      encrypted-pdf, corrupt-pdf, not-pdf, pdf-bomb, pdf-too-large) and the
      .doc converter's (doc-format, doc-conversion-failed, doc-conversion-timeout);
    - rule: timeout (a user's pattern ran past its limit; ``detail`` is the
      limit in seconds) or crashed (``detail`` is the error);
    - write: docx-fix and pdf-fix (fixes are never written into Word files or PDFs), read-only,
      owner-not-kept, hard-linked (see planlint.writeback), not-written, or
      fix-rolled-back (the fixes would bring new findings or did not settle;
      ``detail`` names the rules, as planlint.fixes.Rollback puts them).
    """

    stage: str
    path: str
    reason: str
    detail: str = ""
    code: str | None = None

    @classmethod
    def load(cls, path: str, reason: str, detail: str = "") -> Failure:
        return cls("load", path, reason, detail)

    @classmethod
    def rule(cls, path: str, code: str, reason: str, detail: str = "") -> Failure:
        return cls("rule", path, reason, detail, code)

    @classmethod
    def write(cls, path: str, reason: str, detail: str = "") -> Failure:
        return cls("write", path, reason, detail)

    def __str__(self) -> str:
        if self.stage == "rule":
            return f"{self.path}: rule {self.code} failed: {self.reason} ({self.detail})"
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")
