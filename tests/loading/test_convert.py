"""Old Word (.doc) and WPS (.wps) files: converted by LibreOffice when it is on PATH,
else a message that says how to check them.  LibreOffice itself is not needed:
the conversion is tested with a stand-in ``soffice`` that writes a known .docx
where LibreOffice would, so what is tested is planlint's side of it (the
command, the temporary directory, the time limit, the failures), not
LibreOffice's conversion."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from planlint.api import check_paths
from planlint.cli import main
from planlint.loading import read_source
from planlint.loading.convert import convert_to_docx, find_libreoffice
from planlint.loading.errors import ReadError

# What the stand-in does: record its arguments, then as told by FAKE_SOFFICE_DO:
# "convert" copies FAKE_SOFFICE_DOCX to <outdir>/<input's name>.docx, "fail"
# says so and exits 1, "hang" sleeps (after writing its pid).
FAKE = """#!{python}
import os, shutil, sys, time
from pathlib import Path
here = Path(os.environ["FAKE_SOFFICE_LOG"])
here.write_text("\\n".join(sys.argv[1:]), encoding="utf-8")
action = os.environ.get("FAKE_SOFFICE_DO", "convert")
if action == "fail":
    print("Error: source file could not be loaded")
    sys.exit(1)
if action == "hang":
    Path(str(here) + ".pid").write_text(str(os.getpid()))
    time.sleep(60)
outdir = Path(sys.argv[sys.argv.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
shutil.copy(os.environ["FAKE_SOFFICE_DOCX"], outdir / (Path(sys.argv[-1]).stem + ".docx"))
"""


@pytest.fixture
def no_libreoffice(tmp_path, monkeypatch):
    """A PATH on which no LibreOffice is found (it is not installed on this project's machines either)."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in soffice on PATH, its temporary directories kept in a folder of
    their own (to see that none is left), and the .docx it "converts" to."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    program.chmod(0o755)
    made = tmp_path / "converted.docx"
    document = docx.Document()
    for text in ("一、总体要求", "坚持稳中求进。", "三、主要任务"):
        document.add_paragraph(text)
    document.save(made)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    monkeypatch.setenv("FAKE_SOFFICE_DOCX", str(made))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(tmp_path / "soffice-args"))
    return tmp_path


def old_word(tmp_path: Path, name: str, ole_file) -> Path:
    path = tmp_path / name
    path.write_bytes(ole_file("WordDocument"))
    return path


def test_without_libreoffice_a_doc_is_named_with_how_to_check_it(tmp_path, ole_file, no_libreoffice):
    assert find_libreoffice() is None
    path = old_word(tmp_path, "旧稿.doc", ole_file)
    report = check_paths([str(path)], cache=False)
    assert [(error.reason, error.detail) for error in report.errors] == [("doc-format", "")]
    zh = CliRunner().invoke(main, ["check", str(path)])
    assert zh.exit_code == 2 and "请另存为 .docx 后再检查，或安装 LibreOffice" in zh.stderr
    en = CliRunner().invoke(main, ["check", "--lang", "en", str(tmp_path / "旧稿.doc")])
    assert "save it as .docx to check it, or install LibreOffice" in en.stderr


def test_with_libreoffice_a_doc_is_converted_and_checked(tmp_path, ole_file, fake_soffice):
    path = old_word(tmp_path, "旧稿.doc", ole_file)
    report = check_paths([str(path)], select=["PL101"], cache=False)
    assert not report.errors
    assert [(d.path, d.code, d.line) for d in report.diagnostics] == [(str(path), "PL101", 3)]
    arguments = (tmp_path / "soffice-args").read_text(encoding="utf-8").split("\n")
    assert arguments[:2] == ["--headless", "--norestore"] and "--convert-to" in arguments
    assert any(argument.startswith("-env:UserInstallation=file://") for argument in arguments)
    assert arguments[-1].endswith("document.doc")
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary directory is gone
    sarif = json.loads(CliRunner().invoke(main, ["check", "--format", "sarif", str(path)]).stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"lineUnit": "paragraph"}


def test_a_wps_file_is_given_to_libreoffice_as_the_word_file_it_is(tmp_path, ole_file, fake_soffice):
    path = old_word(tmp_path, "计划.wps", ole_file)
    assert read_source(str(path)).text.split("\n") == ["一、总体要求", "坚持稳中求进。", "三、主要任务"]
    assert (tmp_path / "soffice-args").read_text(encoding="utf-8").endswith("document.doc")


def test_a_web_page_saved_as_doc_is_converted_under_its_own_name(tmp_path, fake_soffice):
    path = tmp_path / "通知.doc"
    path.write_bytes("<html><body><p>一、总体要求</p></body></html>".encode())
    assert read_source(str(path)).format == "docx"
    assert (tmp_path / "soffice-args").read_text(encoding="utf-8").endswith("document.doc")


def test_a_conversion_that_fails_says_what_libreoffice_said(tmp_path, ole_file, fake_soffice, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE_DO", "fail")
    report = check_paths([str(old_word(tmp_path, "坏.doc", ole_file))], cache=False)
    assert [(error.reason, error.detail) for error in report.errors] == [
        ("doc-conversion-failed", "Error: source file could not be loaded")]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_conversion_that_hangs_is_stopped_in_time(tmp_path, ole_file, fake_soffice, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE_DO", "hang")
    started = time.monotonic()
    with pytest.raises(ReadError) as raised:
        convert_to_docx(find_libreoffice(), "慢.doc", ole_file("WordDocument"), timeout=1)
    assert (raised.value.reason, raised.value.detail) == ("doc-conversion-timeout", "1 s")
    assert time.monotonic() - started < 15
    pid = int((tmp_path / "soffice-args.pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped, and reaped
    assert list((tmp_path / "tmp").iterdir()) == []


def test_fix_never_writes_a_converted_file(tmp_path, ole_file, fake_soffice):
    path = old_word(tmp_path, "旧稿.doc", ole_file)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["check", "--fix", "--lang", "en", str(path)])
    assert result.exit_code == 2 and "fixes are never written into Word files" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.slow
def test_a_plan_exported_to_pdf_by_libreoffice_reads_as_its_text(tmp_path):
    """Where LibreOffice is installed: a seed set in 仿宋 and exported to PDF gives the
    findings of the seed's text (autospace around figures, “” drawn apart)."""
    import shutil
    import subprocess

    from docx.oxml.ns import qn
    from docx.shared import Pt

    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is not installed")
    seed = sorted((Path(__file__).parents[2] / "seeds").glob("004_*.txt"))[0]
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "FangSong"  # makes the style's run properties, where the East Asian font goes
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    for line in seed.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(tmp_path / "plan.docx")
    subprocess.run([program, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "plan.docx")], check=True, capture_output=True, timeout=180)

    def findings(path):
        report = check_paths([str(path)], cache=False)
        return sorted((d.code, d.message.split("（第")[0]) for d in report.diagnostics)

    assert findings(tmp_path / "plan.pdf") == findings(seed)


@pytest.mark.slow
def test_a_real_doc_made_by_libreoffice_is_converted_and_checked_as_its_docx(tmp_path):
    """Where LibreOffice is installed: the LibreOffice-made seed saved as .doc by
    LibreOffice itself is checked, through a real conversion, as the .docx is."""
    import shutil
    import subprocess

    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is not installed")
    made = Path(__file__).parents[1] / "data" / "docx" / "003_libreoffice.docx"
    subprocess.run([program, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(made)], check=True, capture_output=True, timeout=180)
    old_word = tmp_path / "003_libreoffice.doc"
    assert old_word.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE file, not a renamed .docx

    def findings(path):
        report = check_paths([str(path)], cache=False, ignore=["layout"])
        assert report.errors == []
        return sorted((d.code, d.line, d.column, d.message) for d in report.diagnostics)

    assert findings(old_word) == findings(made) != []
