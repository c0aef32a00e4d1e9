"""Old Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice when it
is installed: ``soffice --headless --convert-to docx`` in a temporary directory
that is removed afterwards, with a profile of its own there (so that a
LibreOffice the user has open neither blocks nor is disturbed by it), and a
time limit after which it is stopped."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from planlint.loading.errors import ReadError
from planlint.loading.sniff import OLE_MAGIC, ole_kind

# LibreOffice's first start (it builds its profile) takes 5-20 s on a slow machine.
TIMEOUT_SECONDS = 120
_PROGRAMS = ("soffice", "libreoffice")


def find_libreoffice() -> str | None:
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(program: str, name: str, data: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The .docx LibreOffice (``program``, as find_libreoffice found it) makes of
    ``data``, a file called ``name``.  Raises ReadError: doc-conversion-timeout,
    doc-conversion-failed (with the last line LibreOffice said)."""
    # A Word binary under any name is given to LibreOffice as .doc, so that it
    # picks its Word filter (a WPS Writer file is one); anything else keeps its extension.
    is_word_binary = data.startswith(OLE_MAGIC) and ole_kind(data) == "doc"
    suffix = ".doc" if is_word_binary else (Path(name).suffix.lower() or ".doc")
    with tempfile.TemporaryDirectory(prefix="planlint-") as directory:
        source = Path(directory, "document" + suffix)
        source.write_bytes(data)
        command = [program, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   f"-env:UserInstallation={Path(directory, 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(Path(directory, "out")), str(source)]
        said = _run(command, timeout)
        made = Path(directory, "out", "document.docx")
        if not made.is_file():
            raise ReadError("doc-conversion-failed", said or "LibreOffice wrote no .docx")
        return made.read_bytes()


def _run(command: list[str], timeout: float) -> str:
    """What the command said on its standard error (and output), the last line of it;
    on a timeout the command and everything it started are stopped."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise ReadError("doc-conversion-timeout", f"{timeout:g} s") from None
    lines = output.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def _stop(process: subprocess.Popen) -> None:
    """LibreOffice starts a child of its own: the whole session is ended."""
    kill_group = getattr(os, "killpg", None)  # POSIX; on Windows only the process itself is ended
    try:
        if kill_group is not None:
            kill_group(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:  # already gone
        pass
    try:
        process.communicate(timeout=10)
    except subprocess.TimeoutExpired:  # a child it left holds the pipe: leave it
        pass
