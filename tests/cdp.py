"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
the standard library only, no browser download.  Used by tests/test_browser.py."""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

# Flags a root user's headless Chromium needs on a machine with no network (see the machine notes):
# without the background-networking ones it keeps trying to reach Google's hosts.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


class Browser:
    """One Chromium process; ``page()`` opens a tab to drive."""

    def __init__(self, executable: str, profile: Path, width: int = 1280, height: int = 900):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def give_pipes():  # the protocol's pipe is the child's file descriptors 3 (in) and 4 (out)
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=give_pipes)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _send(self, message: dict) -> None:
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise BrowserError("no answer from Chromium in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params) -> dict:
        self._next_id += 1
        number = self._next_id
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == number:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method: str, session: str, since: int = 0, timeout: float = 30, **params) -> int:
        """The index among the events of the first ``method`` of ``session`` from ``since`` on
        whose params include ``params`` (a nested dict matches a part), waiting for it if need be."""
        def matches(found, wanted) -> bool:
            if isinstance(wanted, dict):
                return isinstance(found, dict) and all(matches(found.get(key), value) for key, value in wanted.items())
            return found == wanted

        deadline = time.monotonic() + timeout
        index = since
        while True:
            while index < len(self.events):
                event = self.events[index]
                if event.get("method") == method and event.get("sessionId") == session \
                        and matches(event.get("params", {}), params):
                    return index
                index += 1
            self.events.append(self._receive(deadline))

    def page(self) -> "Page":
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        return Page(self, session, target)

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


class Page:
    def __init__(self, browser: Browser, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Page.bringToFront")  # a tab in the background gets no clicks and throttled timers

    def close(self) -> None:
        self.browser.call("Target.closeTarget", targetId=self.target)

    def call(self, method: str, **params) -> dict:
        return self.browser.call(method, self.session, **params)

    def _events(self, method: str) -> list[dict]:
        return [event["params"] for event in self.browser.events
                if event.get("sessionId") == self.session and event.get("method") == method]

    def goto(self, url: str) -> None:
        """Navigate and wait for this navigation's load (not a late load event of the page before)."""
        since = len(self.browser.events)
        loader = self.call("Page.navigate", url=url)["loaderId"]
        navigated = self.browser.wait_for("Page.frameNavigated", self.session, since, frame={"loaderId": loader})
        self.browser.wait_for("Page.loadEventFired", self.session, navigated)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 30) -> None:
        """Until the expression is truthy in JavaScript's sense (an element is, though it comes back as {})."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(f"Boolean({expression})"):
                return
            time.sleep(0.05)
        raise BrowserError(f"still false after {timeout}s: {expression}")

    def click(self, selector: str) -> None:
        """A real mouse click at the middle of the element (scrolled into view first)."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: "center"}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def drop_file(self, selector: str, path: Path) -> None:
        """Drag a file from outside the page and drop it on the element, as a person does."""
        box = self.evaluate(f"""(() => {{ const r = document.querySelector({json.dumps(selector)})
            .getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        data = {"items": [], "files": [str(path)], "dragOperationsMask": 1}
        for kind in ("dragEnter", "dragOver", "drop"):
            self.call("Input.dispatchDragEvent", type=kind, x=box[0], y=box[1], data=data)

    def choose_file(self, selector: str, path: Path) -> None:
        """Pick a file in a file input, as its dialog would (the page sees a change event)."""
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", files=[str(path)], nodeId=node)

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params = {"format": "png", "captureBeyondViewport": full_page}
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", **params)["data"]))

    def errors(self) -> list[str]:
        """What the page reported as errors: console errors, uncaught exceptions, CSP violations."""
        found = [" ".join(str(arg.get("value", arg.get("description", ""))) for arg in event["args"])
                 for event in self._events("Runtime.consoleAPICalled") if event["type"] in ("error", "assert")]
        found += [event["exceptionDetails"].get("text", "") + " " +
                  event["exceptionDetails"].get("exception", {}).get("description", "")
                  for event in self._events("Runtime.exceptionThrown")]
        found += [event["entry"]["text"] for event in self._events("Log.entryAdded")
                  if event["entry"]["level"] == "error"]
        return found

    def requests(self) -> list[str]:
        return [event["request"]["url"] for event in self._events("Network.requestWillBeSent")]

    def dialogs(self) -> list[str]:
        return [event["message"] for event in self._events("Page.javascriptDialogOpening")]
