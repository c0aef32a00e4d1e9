"""Hostile and broken input, made at test time and given to the installed command
in a subprocess: each file is named on standard error in one line, with its
reason, and skipped (exit 2), or checked as usual; never a traceback, and always
within a time limit and a bound on the process's peak memory."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

import docx
import pytest

from pdfmake import Line, pdf

pytest.importorskip("resource", reason="measures peak memory with getrusage (POSIX)")

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("001_*.txt"))
_SCRIPT = Path(sys.executable).with_name("planlint")
PLANLINT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "planlint"]
MEMORY_LIMIT_MB = 100  # a run over one seed peaks near 25 MB
TIME_LIMIT_S = 30      # generous for a busy CI machine; these runs take well under a second each
MB = 2**20


class Outcome(NamedTuple):
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


# The command runs under a small Python that reports its children's peak RSS: a
# child's own peak (wait4's, or /usr/bin/time's) starts at its parent's size, since
# exec keeps the high-water mark of the process it replaces, and pytest is big.
_MEASURE = """
import resource, subprocess, sys
try:
    code = subprocess.call(sys.argv[3:], timeout=float(sys.argv[2]))
except subprocess.TimeoutExpired:
    code = "timeout"
with open(sys.argv[1], "w") as report:
    report.write(f"{code} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
"""


def planlint(*args: str, cwd: Path, stdin: bytes = b"") -> Outcome:
    """The installed planlint, with its exit code, output, wall time and peak RSS."""
    (cwd / ".in").write_bytes(stdin)  # a file, not a pipe: planlint may stop reading at its size limit
    env = {**os.environ, "PLANLINT_LANG": "en"}
    env.pop("NO_COLOR", None)
    started = time.monotonic()
    with open(cwd / ".in", "rb") as given, open(cwd / ".out", "wb") as out, open(cwd / ".err", "wb") as err:
        subprocess.run([sys.executable, "-c", _MEASURE, str(cwd / ".rusage"), str(TIME_LIMIT_S), *PLANLINT, *args],
                       cwd=cwd, stdin=given, stdout=out, stderr=err, env=env, check=True)
    seconds = time.monotonic() - started
    code, peak = (cwd / ".rusage").read_text().split()
    assert code != "timeout", f"still running after {TIME_LIMIT_S} s"
    outcome = Outcome(int(code), (cwd / ".out").read_text(encoding="utf-8"),
                      (cwd / ".err").read_text(encoding="utf-8"), seconds,
                      int(peak) / (MB if sys.platform == "darwin" else 1024))
    assert "Traceback" not in outcome.stderr and "Traceback" not in outcome.stdout, outcome.stderr
    assert outcome.peak_mb < MEMORY_LIMIT_MB, f"peak RSS {outcome.peak_mb:.0f} MB"
    return outcome


def refused(outcome: Outcome, name: str) -> str:
    """The one line that names ``name``, from a run that exits 2."""
    assert outcome.code == 2, outcome
    lines = [line for line in outcome.stderr.splitlines() if name in line]
    assert len(lines) == 1, outcome.stderr
    line = lines[0]
    assert "<" not in line and "Error" not in line, line  # no repr, no exception's name
    return line


# --- zip files written byte by byte: a zip's declared sizes are whatever its writer says ---

def deflated(head: bytes, filler: bytes, megabytes: int, tail: bytes) -> bytes:
    """A raw deflate stream of ``head``, ``megabytes`` MB of ``filler`` and ``tail``,
    made in a moment whatever its size: after a full flush the compressor starts
    afresh, so one compressed megabyte can be repeated."""
    def piece(data: bytes, mode: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(mode)

    megabyte = piece(filler * (MB // len(filler)), zlib.Z_FULL_FLUSH)
    return piece(head, zlib.Z_FULL_FLUSH) + megabyte * megabytes + piece(tail, zlib.Z_FINISH)


def raw_zip(parts: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate data, CRC-32, size it declares unpacked)."""
    body, directory = b"", b""
    for name, data, crc, size in parts:
        encoded = name.encode()
        header = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        directory += (struct.pack("<4sH", b"PK\x01\x02", 20) + header
                      + struct.pack("<HHHII", 0, 0, 0, 0, len(body)) + encoded)
        body += b"PK\x03\x04" + header + encoded + data
    return body + directory + struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts),
                                          len(directory), len(body), 0)


def word_file(paragraphs=("一、总体要求", "二、主要任务")) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def with_document_xml(data: bytes, crc: int, size: int) -> bytes:
    """A real Word file's parts, its body replaced by ``data`` (raw deflate)."""
    package = zipfile.ZipFile(io.BytesIO(word_file()))
    parts = []
    for name in package.namelist():
        if name == "word/document.xml":
            parts.append((name, data, crc, size))
        else:
            content = package.read(name)
            parts.append((name, deflated(content, b" ", 0, b""), zlib.crc32(content), len(content)))
    return raw_zip(parts)


BODY_HEAD = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
BODY_TAIL = b"</w:body></w:document>"
PARAGRAPH = "<w:p><w:r><w:t>一、总体要求。坚持立德树人。</w:t></w:r></w:p>".encode()


def bomb(filler: bytes, megabytes: int) -> bytes:
    """A Word file whose body unpacks to ``megabytes`` MB, its sizes declared truly
    (its CRC is not: the checks that refuse it never unpack a byte)."""
    stream = deflated(BODY_HEAD, filler, megabytes, BODY_TAIL)
    return with_document_xml(stream, 0, len(BODY_HEAD) + megabytes * (MB // len(filler)) * len(filler) + len(BODY_TAIL))


def lying_bomb() -> bytes:
    """A body of 390 MB that declares 1 KB, with the CRC of that first kilobyte."""
    stream = deflated(BODY_HEAD, PARAGRAPH, 390, BODY_TAIL)
    first = zlib.decompressobj(-15).decompress(stream, 1024)
    return with_document_xml(stream, zlib.crc32(first), 1024)


def other_office_file(marker: str) -> bytes:
    content = b"<x/>"
    return raw_zip([("[Content_Types].xml", deflated(content, b" ", 0, b""), zlib.crc32(content), len(content)),
                    (marker, deflated(content, b" ", 0, b""), zlib.crc32(content), len(content))])


# --- the cases: (file name, its bytes, what the one line says, in English) ---

WORD_CASES = {
    "size-bomb.docx": (lambda: bomb(PARAGRAPH, 390), "zip bomb"),
    "whitespace-bomb.docx": (lambda: bomb(b" ", 1300), "zip bomb"),
    "lying-bomb.docx": (lying_bomb, "not a valid .docx"),
    "truncated.docx": (lambda: word_file()[:3000], "incomplete .docx"),
    "excel.docx": (lambda: other_office_file("xl/workbook.xml"), "an Excel workbook (.xlsx), not a Word document"),
    "slides.docx": (lambda: other_office_file("ppt/presentation.xml"), "a PowerPoint presentation (.pptx)"),
    "archive.docx": (lambda: other_office_file("photos/1.jpg"), "a zip archive, not a Word document"),
    "report.docx": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file, not a Word document"),
    "page.docx": (lambda: b"<!DOCTYPE html><html><body>\xe4\xb8\x80</body></html>", "a web page (HTML)"),
    "photo.docx": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "an image, not a Word document"),
    "empty.docx": (lambda: b"", "is empty (0 bytes)"),
}

PDF_CASES = {
    "scan.pdf": (lambda: pdf([[], []], images=True), "has no text layer (a scan, or images of pages)"),
    "bomb.pdf": (lambda: pdf([[Line(80, 105, "一、总体要求")]], filler=1000), "a zip bomb?"),
    "locked.pdf": (lambda: pdf([[Line(80, 105, "一、总体要求")]], passwords=("o", "u")), "password-protected PDF"),
    "cut.pdf": (lambda: pdf([[Line(80, 105, "一、总体要求")]])[:300], "not a valid PDF file"),
    "saved-page.pdf": (lambda: b"<!DOCTYPE html><html><body>\xe4\xb8\x80</body></html>", "is not a PDF file"),
}

TEXT_CASES = {
    "binary.txt": (lambda: bytes(range(256)) * 64, "is a binary file"),
    "nul.txt": (lambda: "一、总体要求\n".encode() + b"\x00" * 16 + "二、主要任务\n".encode(), "is a binary file"),
    "latin1-garbage.txt": (lambda: b"\xff\xfe\xfd" + b"\x80\x81\x82\x83" * 2000, "cannot be decoded"),
}


def test_a_folder_of_hostile_files_names_each_and_still_checks_the_good_one(tmp_path):
    """One run over them all (a run costs more than most of these files): each bad
    file named once, with what it is, and the seed checked as if it were alone."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    cases = {**WORD_CASES, **PDF_CASES, **TEXT_CASES}
    for name, (make, _) in cases.items():
        (folder / name).write_bytes(make())
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "nowhere.txt").symlink_to(folder / "missing.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a loop of directories
    (folder / "sub" / "seed.txt").write_bytes(SEED.read_bytes())
    outcome = planlint("check", "--format", "concise", "inbox", cwd=tmp_path)
    for name, (_, says) in cases.items():
        assert says in refused(outcome, name), name
    assert "loops back on itself" in refused(outcome, "loop.txt")
    assert "a symbolic link to a file that does not exist" in refused(outcome, "nowhere.txt")
    assert len(outcome.stderr.splitlines()) == len(cases) + 2
    alone = planlint("check", "--format", "concise", str(SEED), cwd=tmp_path)
    assert outcome.stdout.count("seed.txt:") == alone.stdout.count(SEED.name + ":") > 0


def test_messages_in_chinese_carry_no_python_text(tmp_path):
    (tmp_path / "excel.docx").write_bytes(other_office_file("xl/workbook.xml"))
    outcome = planlint("check", "--lang", "zh", "excel.docx", cwd=tmp_path)
    assert refused(outcome, "excel.docx").endswith("excel.docx: 是 Excel 工作簿（.xlsx），不是 Word 文档，已跳过")


def test_a_link_that_loops_is_named_and_the_others_checked(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "good.txt").write_text("一、总体要求\n三、主要任务\n", encoding="utf-8")
    outcome = planlint("check", "--format", "concise", ".", cwd=tmp_path)
    for name in ("loop.txt", "a.txt", "b.txt"):
        assert "a symbolic link that loops back on itself" in refused(outcome, name)
    assert "good.txt:2:1: PL101" in outcome.stdout
    named = planlint("check", "loop.txt", cwd=tmp_path)
    assert "loops back on itself" in refused(named, "loop.txt")


def test_a_pipe_named_like_a_text_is_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text("一、总体要求\n", encoding="utf-8")
    outcome = planlint("check", ".", cwd=tmp_path)
    assert "is not a regular file" in refused(outcome, "pipe.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000")
def test_a_file_no_one_may_read(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("一、总体要求\n", encoding="utf-8")
    path.chmod(0)
    assert "permission denied" in refused(planlint("check", "secret.txt", cwd=tmp_path), "secret.txt")


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as stream:
        stream.truncate(200 * MB)  # sparse: takes no disk and no time, but says 200 MB
    outcome = planlint("check", "huge.txt", cwd=tmp_path)
    assert "over the size limit" in refused(outcome, "huge.txt") and "(200.0 MB > 100 MB)" in outcome.stderr


def test_the_size_limit_is_configurable_and_bounds_standard_input_and_word_files(tmp_path):
    (tmp_path / "planlint.toml").write_text("max-file-size = 0.5\n", encoding="utf-8")
    big = "一、总体要求\n".encode() * 50_000  # 0.9 MB
    outcome = planlint("check", "-", "--stdin-filename", "stdin.txt", cwd=tmp_path, stdin=big)
    assert "size limit (the max-file-size setting, in MB); skipped (> 0.5 MB)" in refused(outcome, "stdin.txt")
    (tmp_path / "long.docx").write_bytes(word_file(["一、总体要求。" + "坚持立德树人，" * 2000] * 40))
    assert "unpacks to more than the size limit" in refused(planlint("check", "long.docx", cwd=tmp_path), "long.docx")
    (tmp_path / "planlint.toml").write_text("max-file-size = 5\n", encoding="utf-8")
    within = planlint("check", "long.docx", cwd=tmp_path)  # read and checked (its 40 一、 are findings)
    assert within.code in (0, 1) and not within.stderr


def test_long_lines_and_deep_nesting_are_checked_in_bounded_time(tmp_path):
    (tmp_path / "long-line.txt").write_text("一、总体要求\n（" + "坚持立德树人，" * 28_572 + "\n", encoding="utf-8")
    markers = ("一、", "（一）", "1.", "（1）", "①")
    deep = "".join(f"{marker}第{depth}层\n" for depth in range(2000) for marker in markers)
    (tmp_path / "deep.txt").write_text(deep + "《“（【" * 500 + "\n", encoding="utf-8")
    outcome = planlint("check", "--format", "concise", "long-line.txt", "deep.txt", cwd=tmp_path)
    assert outcome.code == 1 and not outcome.stderr
    assert "long-line.txt:2:1: PL501" in outcome.stdout and "deep.txt:10001:" in outcome.stdout


def test_fix_leaves_a_read_only_file_untouched_and_says_so(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("南教办[2018]23号\n", encoding="utf-8")
    path.chmod(0o444)
    outcome = planlint("check", "--fix", "draft.txt", cwd=tmp_path)
    assert "is read-only: fixes not written" in refused(outcome, "draft.txt")
    assert path.read_text(encoding="utf-8") == "南教办[2018]23号\n"
