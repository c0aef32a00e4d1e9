"""`planlint serve`: a page on this computer where a person drops a .docx, .pdf, .txt
or .md file (or pastes text) and sees the same report `check --format html` writes.

Built on Starlette (routing, requests, responses) served by uvicorn (HTTP/1.1
parsed by h11): both are small, pure Python, widely used and actively
maintained, and uvicorn brings what a hand-written http.server would have to
grow — request and header limits, keep-alive timeouts, a cap on concurrent
connections, a clean stop on Ctrl-C.  The page sends the file as the request's
body (no multipart form, whose parsers spool large parts to temporary files):
it is read into memory up to the size limit, checked, and dropped with the
response; nothing is written to disk and nothing is logged.

Bound to 127.0.0.1 unless --host says otherwise.  Only this machine's own
names are accepted as the Host (a DNS-rebinding page cannot reach it), and an
upload must carry a header no cross-site form can send, with an Origin (when
the browser gives one) of this page itself.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit

from planlint.i18n import say

if TYPE_CHECKING:
    from planlint.catalog import Catalog
    from planlint.config import Config

DEFAULT_MAX_UPLOAD_MB = 20  # as `planlint serve --max-upload` says
NAME_HEADER = "x-planlint-name"  # the file's name, percent-encoded: also what makes a cross-site upload impossible
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}
# Read (and drop) this much past the limit before answering "too large": a client still
# sending would otherwise have its connection reset and never see the answer.
_DRAIN = 2**20


class Settings(NamedTuple):
    lang: str = "zh"
    max_upload: int = DEFAULT_MAX_UPLOAD_MB * 2**20  # bytes
    local_only: bool = True  # accept only this machine's names as the Host
    config: Config | None = None  # the configuration the checks use (None: the defaults)
    catalog: Catalog | None = None  # its rules (None: the bundled ones)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def upload_page(settings: Settings) -> tuple[str, str]:
    """The page (its HTML) and its Content-Security-Policy, which also admits the
    report's own script and style: the report opens from this page."""
    from planlint.reporters.html import asset, content_policy, environment

    style, script = asset("upload.css"), asset("upload.js")
    lang = settings.lang

    def t(key: str, **values) -> str:
        return say(key, lang, **values)

    megabytes = f"{settings.max_upload / 2**20:g}"
    words = {"checking": t("serve.checking", name="{name}"), "tooLarge": t("serve.too-large", megabytes=megabytes),
             "empty": t("serve.empty"), "unreachable": t("serve.unreachable"), "pasted": t("serve.pasted")}
    html = environment().get_template("upload.html.j2").render(
        lang=lang, t=t, style=style, script=script, limit=settings.max_upload, megabytes=megabytes, words=words)
    policy = content_policy((script, asset("report.js")), (style, asset("report.css")), connect="'self'")
    return html, policy


def make_app(settings: Settings):
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import ClientDisconnect, Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    html, policy = upload_page(settings)
    lang = settings.lang
    private = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
               "X-Frame-Options": "DENY"}

    def problem(status: int, key: str, **values) -> Response:
        return JSONResponse({"error": say(key, lang, **values)}, status, headers=private)

    def foreign(request: Request) -> bool:
        """A request this page did not make: a name that is not this machine's, or another page's origin."""
        if settings.local_only and (request.url.hostname or "") not in _LOCAL_NAMES:
            return True
        origin = request.headers.get("origin")
        return origin is not None and urlsplit(origin).netloc != request.headers.get("host")

    async def page(request: Request) -> Response:
        if foreign(request):
            return problem(403, "serve.refused")
        return HTMLResponse(html, headers={**private, "Content-Security-Policy": policy})

    async def report(request: Request) -> Response:
        if foreign(request) or NAME_HEADER not in request.headers:
            return problem(403, "serve.refused")
        name = PurePath(unquote(request.headers[NAME_HEADER]).replace("\\", "/")).name or say("serve.pasted", lang)
        megabytes = f"{settings.max_upload / 2**20:g}"
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_upload + _DRAIN:
            return problem(413, "serve.too-large", megabytes=megabytes)
        body, received = bytearray(), 0
        try:
            async for chunk in request.stream():
                received += len(chunk)
                if received <= settings.max_upload:
                    body += chunk
                elif received > settings.max_upload + _DRAIN:
                    break
        except ClientDisconnect:
            return Response(status_code=400)
        if received > settings.max_upload:
            return problem(413, "serve.too-large", megabytes=megabytes)
        if not body.strip():
            return problem(400, "serve.empty")
        page_html = await run_in_threadpool(_report_page, bytes(body), name, settings)
        del body
        if isinstance(page_html, Problem):
            return JSONResponse({"error": page_html.line}, 422, headers=private)
        return HTMLResponse(page_html, headers=private)

    return Starlette(routes=[Route("/", page, methods=["GET"]), Route("/report", report, methods=["POST"])])


class Problem(NamedTuple):
    line: str  # why the upload could not be checked, in the page's language


def _report_page(data: bytes, name: str, settings: Settings) -> str | Problem:
    import io

    from planlint.api import check_upload
    from planlint.reporters import error_line
    from planlint.reporters.html import render_page

    report, shown = check_upload(data, name, lang=settings.lang, config=settings.config, catalog=settings.catalog,
                                 limit=settings.max_upload)
    if not report.files:
        return Problem("; ".join(error_line(error, settings.lang) for error in report.errors))
    out = io.StringIO()
    render_page(report, out, settings.lang, shown)
    return out.getvalue()


def listen(host: str, port: int) -> socket.socket:
    """A listening socket (bound before the server starts: the address is known, and
    a browser opened at once finds it); OSError when the address is taken or not ours."""
    family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    server = socket.socket(family, kind, protocol)
    # A restart need not wait out TIME_WAIT; on Windows the option would let two servers share a port.
    if os.name != "nt":
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(address)
        server.listen(64)
    except OSError:
        server.close()
        raise
    return server


def url_of(server: socket.socket) -> str:
    host, port = server.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def server(settings: Settings):
    """The uvicorn server of the page; ``.run(sockets=[listen(…)])`` serves until Ctrl-C
    (or until its ``should_exit`` is set)."""
    import uvicorn

    config = uvicorn.Config(make_app(settings), log_config=None, log_level="warning", access_log=False,
                            server_header=False, limit_concurrency=16, timeout_keep_alive=5, lifespan="off")
    return uvicorn.Server(config)
