"""The HTML report and `planlint serve` in a real browser: Debian's Chromium, driven over
the DevTools protocol (tests/cdp.py).  Skipped where no Chromium is installed (CI has
none).  PLANLINT_UPDATE_SCREENSHOT=1 writes the README's screenshot, docs/report.png."""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import pytest

from planlint.api import check_paths, show_report
from planlint.reporters import Options
from planlint.reporters import html as html_reporter
from test_serve import start_server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SCREENSHOT = ROOT / "docs" / "report.png"

pytestmark = pytest.mark.slow


@pytest.fixture
def page(browser):
    opened = browser.page()
    yield opened
    opened.close()


def _report_file(paths: list[Path], target: Path, lang: str = "zh") -> Path:
    names = [str(path) for path in paths]
    report = check_paths(names, cache=False)
    out = io.StringIO()
    html_reporter.render(report, out, Options(lang=lang), show_report(report, names))
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


def test_the_report_filters_jumps_and_fetches_nothing(page, tmp_path):
    report = _report_file(SEEDS, tmp_path / "seeds.html")
    first = check_paths([str(SEEDS[0])], cache=False).diagnostics
    page.goto(report.as_uri())
    assert page.evaluate("document.getElementById('shown').dataset.shown") == "43"
    page.click("label.chip.sev-warning")  # a person unticks 警告
    assert page.evaluate("document.getElementById('shown').textContent") == "显示 11 / 43 条"
    assert page.evaluate("document.querySelectorAll('li.finding:not([hidden])').length") == 11
    not_warnings = sum(d.severity != "warning" for d in first)
    assert page.evaluate("document.querySelector('#d0 summary .visible').textContent") == \
        f"显示 {not_warnings} / {len(first)} 条"
    page.click("label.chip.sev-warning")
    assert page.evaluate("document.getElementById('shown').dataset.shown") == "43"
    page.click("#top-rules button[data-only-rule=PL401]")
    assert page.evaluate("document.getElementById('shown').dataset.shown") == "8"
    # An outline heading of a closed document: it opens, lays out its text and scrolls to the heading.
    page.evaluate("window.scrollTo(0, 0)")
    page.click("#documents a[href='#d1']")
    page.wait_until("document.getElementById('d1').open")
    before = page.evaluate("window.scrollY")
    page.click("#d1 aside a[href='#d1L34']")
    page.wait_until(f"window.scrollY !== {before}")
    line = page.evaluate("""(() => { const e = document.getElementById('d1L34');
        const r = e.getBoundingClientRect(); return [e.textContent, r.top > 0 && r.bottom < innerHeight]; })()""")
    assert line[0].startswith("12、加快义务教育优质均衡发展") and line[1] is True
    page.click("#d0 > summary")
    page.wait_until("document.querySelector('#d0-text mark')")  # laid out on the toggle event, a task later
    marks = page.evaluate("Array.from(document.querySelectorAll('#d0-text mark')).map(m => [m.id, m.textContent])")
    assert ["d0m2", "2018319"] in marks  # PL301 at 23:3–23:10 of the first seed
    assert page.evaluate("document.querySelectorAll('#d0-text mark.off').length") > 0  # PL401 only: others dim
    assert page.errors() == [] and page.dialogs() == []
    assert page.requests() == [report.as_uri()]


def test_every_finding_is_marked_at_its_span_in_the_text(page, tmp_path):
    names = [str(path) for path in SEEDS]
    report = check_paths(names, cache=False)
    page.goto(_report_file(SEEDS, tmp_path / "seeds.html").as_uri())
    page.evaluate("document.querySelectorAll('details.doc').forEach(d => { d.open = true; })")
    page.wait_until(f"document.querySelectorAll('.text .ln').length >= {len(report.files)}")
    marked = page.evaluate("""Array.from(document.querySelectorAll('li.finding')).map(row => {
        const [doc, k] = row.id.slice(1).split('f');
        const pieces = Array.from(document.querySelectorAll(`#d${doc}-text mark`))
            .filter(mark => mark.dataset.f.split(' ').includes(k));
        const anchored = Boolean(document.getElementById(`d${doc}m${k}`));
        return [row.id, anchored, pieces.map(mark => mark.textContent).join('')];
    })""")
    expected = []
    for index, result in enumerate(report.files):
        lines = Path(result.path).read_text(encoding="utf-8").splitlines()
        for k, d in enumerate(result.diagnostics):
            span = d.span
            text = "\n".join(lines[span.line - 1:span.end_line])
            start = span.column - 1
            end = len(text) - len(lines[span.end_line - 1]) + span.end_column - 1
            expected.append([f"d{index}f{k}", True, text[start:end].replace("\n", "") or "\u2038"])
    assert marked == expected and len(marked) == 43


def test_a_long_document_is_laid_out_a_chunk_at_a_time_and_a_jump_reaches_its_end(page, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("某局2024年工作要点\n" + "正文。\n" * 4000 + "会议定于2018319召开。\n", encoding="utf-8")
    page.goto(_report_file([long, SEEDS[0]], tmp_path / "long.html").as_uri())  # two: both start closed
    first = page.evaluate("""(() => { const details = document.getElementById('d0');
        details.open = true; details.dispatchEvent(new Event('toggle'));
        return document.querySelectorAll('#d0-text .ln').length; })()""")
    assert first == 2000  # the first chunk at once, the rest after
    page.click("#d0 li.finding[data-rule=PL301] a.pos")
    assert page.evaluate("document.querySelector('mark.flash').textContent") == "2018319"
    assert page.evaluate("document.getElementById('d0L4002').getBoundingClientRect().top") > 0
    page.wait_until("document.querySelectorAll('#d0-text .ln').length === 4002")
    assert page.evaluate("document.querySelectorAll('#d0-text .ln').length") == 4002 and page.errors() == []


def test_hostile_text_runs_nothing(page, tmp_path):
    payloads = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}")
    draft = tmp_path / "draft.txt"
    draft.write_text("某局2024年工作要点\n" + "".join(f"一、{p}\n正文{p}。\n" for p in payloads), encoding="utf-8")
    report = _report_file([draft], tmp_path / "hostile.html")
    page.goto(report.as_uri())
    text = page.evaluate("document.getElementById('d0-text').textContent")
    assert all(payload in text for payload in payloads)
    assert page.evaluate("document.querySelectorAll('img, #d0-text script').length") == 0
    assert page.dialogs() == [] and page.errors() == [] and page.requests() == [report.as_uri()]


def test_screenshot_of_a_seeds_report(page, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the report names the seed as the README's command would
    report = _report_file([SEEDS[3].relative_to(ROOT)], tmp_path / "seed.html")
    page.goto(report.as_uri())
    # The document's section: its outline, its figures and its first findings with their fixes.
    page.evaluate("window.scrollTo(0, document.getElementById('d0').offsetTop - 56)")
    assert page.evaluate("document.querySelector('#d0 dl.figures').getBoundingClientRect().top") > 0
    shot = tmp_path / "report.png"
    page.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    if os.environ.get("PLANLINT_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(shot.read_bytes())
    assert page.errors() == []


def test_a_file_dropped_on_the_served_page(page, tmp_path):
    process, url = start_server(tmp_path)
    try:
        page.goto(url)
        page.drop_file("#drop", SEEDS[3])
        page.wait_until("document.querySelectorAll('li.finding').length")
        assert page.evaluate("document.querySelectorAll('li.finding').length") == 14
        assert page.evaluate("document.querySelector('#d0 summary .path').textContent") == SEEDS[3].name
        assert page.evaluate("location.protocol") == "blob:"
        page.goto(url)
        page.evaluate("document.getElementById('text').value = '一、甲\\n三、乙\\n'")
        page.click("#paste button")
        page.wait_until("document.querySelector('li.finding[data-rule=PL101]')")
        assert page.evaluate("document.querySelector('#d0 summary .path').textContent") == "粘贴的文本.txt"
        page.goto(url)
        page.choose_file("#file", SEEDS[1])
        page.wait_until("document.querySelector('#d0 summary .path')")
        assert page.evaluate("document.querySelector('#d0 summary .path').textContent") == SEEDS[1].name
        assert page.errors() == []
        assert {request.split(":", 1)[0] for request in page.requests()} <= {"http", "blob"}
        assert all(request.startswith((url, "blob:" + url)) for request in page.requests())
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
