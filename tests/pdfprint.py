"""Plan documents printed to PDF by headless Chromium (tests/cdp.py), laid out roughly as
GB/T 9704-2012 lays out an official document: A4, a 156 mm text block, body text in a
16 pt serif CJK face with a two-character first-line indent, the title centred in
22 pt.  Optional running header and footer (``{page}`` becomes the page number)."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from cdp import Browser

_MM_PER_INCH = 25.4
_STYLE = """
@page { size: A4; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.new-page { break-before: page; }
p.title { font-size: 22pt; line-height: 36pt; text-align: center; text-indent: 0; margin: 0 0 28pt; }
"""


def plan_html(text: str, *, title: bool = True) -> str:
    """One paragraph per non-blank line; the first is the centred title when
    ``title``; a line that is a form feed starts a new page."""
    paragraphs: list[str] = []
    new_page = False
    for line in text.split("\n"):
        if line == "\f":
            new_page = True
            continue
        if not line.strip():
            continue
        kind = ' class="title"' if title and not paragraphs else ' class="new-page"' if new_page else ""
        paragraphs.append(f"<p{kind}>{html.escape(line.strip())}</p>")
        new_page = False
    return f'<!doctype html><meta charset="utf-8"><style>{_STYLE}</style>' + "\n".join(paragraphs)


def _template(words: str | None, size: int) -> str:
    if not words:
        return "<span></span>"
    shown = html.escape(words).replace("{page}", '<span class="pageNumber"></span>')
    return (f'<div style="width:100%;text-align:center;font-size:{size}pt;'
            f'font-family:\'Noto Serif CJK SC\',serif">{shown}</div>')


def print_pdf(browser: Browser, page_html: str, target: Path, *, header: str | None = None,
              footer: str | None = None) -> Path:
    """``page_html`` printed to ``target`` (A4; margins of GB/T 9704: 37 mm top, 28 mm left)."""
    source = target.with_suffix(".html")
    source.write_text(page_html, encoding="utf-8")
    page = browser.page()
    try:
        page.goto(source.resolve().as_uri())
        printed = page.call("Page.printToPDF", paperWidth=210 / _MM_PER_INCH, paperHeight=297 / _MM_PER_INCH,
                            marginTop=37 / _MM_PER_INCH, marginBottom=35 / _MM_PER_INCH,
                            marginLeft=28 / _MM_PER_INCH, marginRight=26 / _MM_PER_INCH,
                            displayHeaderFooter=bool(header or footer),
                            headerTemplate=_template(header, 12), footerTemplate=_template(footer, 14),
                            printBackground=False)
    finally:
        page.close()
    target.write_bytes(base64.b64decode(printed["data"]))
    return target


if __name__ == "__main__":  # how corpus/docs/*.pdf were made: python tests/pdfprint.py TEXT PDF [HEADER]
    import sys
    import tempfile

    from cdp import find_chromium

    text, target = Path(sys.argv[1]), Path(sys.argv[2])
    executable = find_chromium()
    if executable is None:
        sys.exit("no Chromium installed")
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(executable, Path(profile))
        try:
            print_pdf(browser, plan_html(text.read_text(encoding="utf-8")), target.resolve(),
                      header=sys.argv[3] if len(sys.argv) > 3 else None, footer="— {page} —")
        finally:
            browser.close()
        target.with_suffix(".html").unlink()
