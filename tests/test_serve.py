"""`planlint serve`: the page, an upload turned into the same report as `check --format html`,
what it refuses, its limits, nothing left on disk; and the real server in a subprocess.
Every request is real HTTP to a real server (in a thread, or in a subprocess)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import docx
import pytest
from click.testing import CliRunner

from htmltree import parse
from planlint.api import check_paths
from planlint.cli import main
from planlint.reporters.html import asset
from planlint.serve import Settings, listen, server, url_of

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("003_*.txt"))


class Answer(NamedTuple):
    status: int
    headers: dict
    text: str

    def json(self):
        return json.loads(self.text)


class Client:
    def __init__(self, url: str, host: str | None = None):
        self.url, self.host = url, host

    def send(self, path: str, data=None, method: str = "GET", **headers) -> Answer:
        headers = {name.replace("_", "-"): value for name, value in headers.items()}
        if self.host:
            headers["Host"] = self.host
        request = urllib.request.Request(self.url + path.lstrip("/"), data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return Answer(response.status, {k.lower(): v for k, v in response.headers.items()},
                              response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode("utf-8"))

    def get(self, path: str = "/", **headers) -> Answer:
        return self.send(path, **headers)

    def upload(self, data, name: str, **headers) -> Answer:
        return self.send("/report", data, "POST", X_Planlint_Name=quote(name), **headers)


@contextlib.contextmanager
def serving(settings: Settings = Settings()):
    """The page's real server, in a thread, on a free port of 127.0.0.1."""
    listening = listen("127.0.0.1", 0)
    running = server(settings)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        yield url_of(listening)
    finally:
        running.should_exit = True
        thread.join(timeout=30)
        listening.close()


@pytest.fixture(scope="module")
def local():
    with serving() as url:
        yield Client(url)


def _findings(page_html: str) -> list[tuple[str, int, int]]:
    page = parse(page_html)
    return [(row.get("data-rule"), int(row.get("data-line")), int(row.get("data-column")))
            for row in page.find_all("li", cls="finding")]


def _seed_docx(path: Path) -> Path:
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def test_the_page_asks_for_a_file_or_text_and_fetches_nothing_else(local):
    response = local.get("/")
    assert response.status == 200 and response.headers["cache-control"] == "no-store"
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; ") and "connect-src 'self'" in policy
    assert len(policy.split("script-src ")[1].split(";")[0].split()) == 2  # its script, and the report's
    page = parse(response.text)
    assert page.find("input", type="file").get("accept") == ".docx,.pdf,.txt,.md,.markdown"
    assert page.find("textarea") and page.find("h1").text() == "planlint：检查文档（仅在本机处理）"
    assert [script.text() for script in page.find_all("script") if script.get("type") is None] == [asset("upload.js")]
    assert not [e for e in page.elements() if set(e.attrs) & {"src", "href", "action"}]
    with serving(Settings(lang="en", max_upload=5 * 2**20)) as url:
        english = parse(Client(url).get("/").text)
    assert "Files up to 5 MB" in english.find("p", cls="note").text()


@pytest.mark.parametrize("make", ["txt", "docx"])
def test_an_upload_gets_the_report_check_gives(local, make, tmp_path):
    path = SEED if make == "txt" else _seed_docx(tmp_path / "草稿 1.docx")
    response = local.upload(path.read_bytes(), path.name)
    assert response.status == 200 and response.headers["content-type"] == "text/html; charset=utf-8"
    expected = check_paths([str(path)], cache=False).diagnostics
    assert _findings(response.text) == [(d.code, d.line, d.column) for d in expected]
    assert len([d for d in expected if d.category != "layout"]) == 14
    page = parse(response.text)
    assert page.by_id("d0").find("span", cls="path").text() == path.name
    assert page.by_id("d0-data").json()["lines"] == SEED.read_text(encoding="utf-8").splitlines()


def test_pasted_text_and_a_name_with_a_path_in_it(local):
    response = local.upload("一、甲\n三、乙\n".encode(), "../../etc/粘贴.md")
    assert ("PL101", 2, 1) in _findings(response.text)
    assert parse(response.text).by_id("d0").find("span", cls="path").text() == "粘贴.md"


def test_requests_from_elsewhere_are_refused(local):
    assert local.send("/report", b"x", "POST").status == 403  # no name header: a cross-site form
    assert local.upload(b"x", "a.txt", Origin="http://evil.example").status == 403
    assert local.upload(b"x", "a.txt", Origin=local.url.rstrip("/")).status == 200
    rebound = Client(local.url, host="evil.example:8765")  # a DNS-rebinding page: its own name as the Host
    assert rebound.get("/").status == 403 and rebound.upload(b"x", "a.txt").status == 403
    assert rebound.get("/").json() == {"error": "只接受本页面发来的请求"}
    assert Client(local.url, host="localhost:8765").get("/").status == 200
    with serving(Settings(local_only=False)) as url:  # --host 0.0.0.0: reached by this machine's other names
        assert Client(url, host="192.0.2.7:8765").get("/").status == 200
    assert local.get("/report").status == 405 and local.send("/", b"", "POST").status == 405


def test_limits_and_what_cannot_be_checked():
    with serving(Settings(max_upload=1000)) as url:
        client = Client(url)
        declared = client.upload(b"x" * 1001, "a.txt")
        assert declared.status == 413 and declared.json() == {"error": "文件超过 0.000953674 MB 的上限"}
        streamed = client.upload(iter([b"x" * 100] * 20), "a.txt")  # chunked: no length said beforehand
        assert streamed.status == 413
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/")))) as raw:
            raw.sendall(b"POST /report HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Planlint-Name: a.txt\r\n"
                        b"Content-Length: 1000000000\r\n\r\n")  # a gigabyte said, none sent: answered at once
            assert raw.recv(4096).startswith(b"HTTP/1.1 413 ")
        assert client.upload(b" \n\t", "a.txt").json() == {"error": "没有内容可检查"}
        broken = client.upload(b"PK\x03\x04 cut off", "a.docx")
        assert broken.status == 422 and broken.json() == {
            "error": "错误: a.docx: 不是完整的 .docx 文件（文件被截断，可能是下载或复制中断），无法读取"}
        old_word = client.upload(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "a.doc")
        assert old_word.status == 422 and ".doc" in old_word.json()["error"]


def test_nothing_is_left_on_disk(tmp_path, monkeypatch):
    work, temporary, cache = (tmp_path / name for name in ("work", "tmp", "cache"))
    for directory in (work, temporary, cache):
        directory.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("PLANLINT_CACHE_DIR", str(cache))
    secret = "独一无二的测试标记甲乙丙"
    text = SEED.read_text(encoding="utf-8") + f"\n{secret}\n"
    with serving() as url:
        client = Client(url)
        client.upload(text.encode(), "a.txt")  # the first: planlint may keep its own rules and parser tables
        kept = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
        for _ in range(3):
            assert client.upload(text.encode(), "a.txt").status == 200
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == kept
    assert not list(temporary.iterdir()) and not list(work.iterdir())
    assert not any(secret.encode() in data for data in kept.values())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """`planlint serve` in a subprocess on a free port: the process and the page's address."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "planlint", "serve", "--port", str(port), *args],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", env={**os.environ, "PLANLINT_LANG": "zh"})
    ready, _, _ = select.select([process.stdout], [], [], 30)
    line = process.stdout.readline() if ready else ""
    if f":{port}/" not in line:
        process.kill()
        raise AssertionError(f"the server did not start: {line!r} {process.stderr.read()}")
    return process, f"http://127.0.0.1:{port}/"


@pytest.mark.slow
def test_the_server_in_a_subprocess_reports_an_uploaded_docx(tmp_path):
    process, url = start_server(tmp_path)
    try:
        word = _seed_docx(tmp_path / "seed.docx")
        request = urllib.request.Request(url + "report", data=word.read_bytes(), method="POST",
                                         headers={"X-Planlint-Name": "seed.docx"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status == 200
            page_html = response.read().decode("utf-8")
        assert _findings(page_html) == [(d.code, d.line, d.column)
                                        for d in check_paths([str(word)], cache=False).diagnostics]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "planlint" in response.read().decode("utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 130 and errors.strip().endswith("已中断"), errors
    assert sorted(path.name for path in tmp_path.iterdir()) == ["seed.docx"]


def test_serve_says_why_it_cannot_start(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and result.output.startswith(f"错误: 无法在 127.0.0.1:{port} 上启动网页：")
    wrong = CliRunner().invoke(main, ["serve", "--port", "70000", "--lang", "en"])
    assert wrong.exit_code == 2
    assert wrong.output.startswith('error: invalid value "70000" for --port: a whole number from 0 to 65535 is needed')
    (tmp_path / "planlint.toml").write_text('profile = "周报"\n', encoding="utf-8")
    broken = CliRunner().invoke(main, ["serve"])
    assert broken.exit_code == 2 and "planlint.toml" in broken.output and "周报" in broken.output


def test_serve_wires_its_options_to_the_server(tmp_path, monkeypatch):
    import webbrowser

    from planlint import serve as serve_module

    monkeypatch.chdir(tmp_path)
    started, opened = [], []

    class Stub:
        def __init__(self, settings):
            self.settings = settings

        def run(self, sockets):
            started.append((self.settings, sockets[0].getsockname()))
            sockets[0].close()

    monkeypatch.setattr(serve_module, "server", Stub)
    monkeypatch.setattr(webbrowser, "open", opened.append)
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--open", "--max-upload", "3",
                                                       "--lang", "en"])
    assert result.exit_code == 0, result.output
    [(settings, (host, port))] = started
    assert result.stdout == f"planlint is serving http://127.0.0.1:{port}/ (Ctrl+C stops it)\n" and result.stderr == ""
    assert opened == [f"http://127.0.0.1:{port}/"]
    assert (settings.lang, settings.max_upload, settings.local_only, host) == ("en", 3 * 2**20, True, "127.0.0.1")
    exposed = CliRunner().invoke(main, ["serve", "--port", "0", "--host", "0.0.0.0"])
    assert exposed.exit_code == 0 and started[-1][0].local_only is False and opened == [opened[0]]
    assert exposed.stderr == "注意：--host 0.0.0.0 使其他计算机也能打开此网页并提交文件\n"
