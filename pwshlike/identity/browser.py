"""Browser sign-in: the loopback listener that receives Azure AD's
redirect, and opening the browser, as the PartnerCenter module does it.

The listener binds 127.0.0.1 on the first free port from 8400 to 8999 and
asks Azure AD to redirect to ``http://localhost:{port}/`` (Azure AD matches
``http://localhost`` registrations on any port).  It serves exactly one
redirect: the first request carrying ``code`` or ``error`` with the expected
``state`` ends the wait; anything else (a favicon, a stale tab) gets a page
saying so and the wait goes on.  The standard library's HTTP server is
enough for one local request, as in msal's own listener; it runs in a
thread so the caller's wait stays interruptible (Ctrl+C).

If the answer never comes (Azure AD showed an error such as a redirect URI
mismatch in the browser and stopped there), the wait ends after the
timeout with IdentityError 'SignInTimeout'.
"""

from __future__ import annotations

import html
import http.server
import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from typing import Any, Callable, Iterable, Optional

from .errors import IdentityError
from .http import SignInUI

__all__ = ["DEFAULT_PORTS", "SUCCESS_TEXT", "LoopbackListener", "open_sign_in_page"]

DEFAULT_PORTS = range(8400, 9000)
SUCCESS_TEXT = "Authentication complete. You can return to the application. Feel free to close this browser tab."


def _page(title: str, body_html: str) -> bytes:
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html.escape(title) +
            "</title></head><body style=\"font-family: sans-serif; margin: 3em;\">" + body_html +
            "</body></html>").encode("utf-8")


class _Handler(http.server.BaseHTTPRequestHandler):
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        answer = {key: values[0] for key, values in query.items() if values}
        self.server.offer(self, answer)

    def do_POST(self) -> None:  # noqa: N802 (response_mode=form_post)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        answer = {key: values[0] for key, values in urllib.parse.parse_qs(body).items() if values}
        self.server.offer(self, answer)

    def send_page(self, status: int, content: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:
        # The request line holds the authorization code: never log it.
        return


class _Server(http.server.HTTPServer):
    """Accepts the first answer with the expected state."""

    # SO_REUSEADDR (the default) lets a port left in TIME_WAIT by the last
    # sign-in be reused; a port another program listens on is still taken.
    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.expected_state: Optional[str] = None
        self.answer: Optional[dict[str, str]] = None
        self.answered = threading.Event()

    def offer(self, handler: _Handler, answer: dict[str, str]) -> None:
        if self.answered.is_set() or not ("code" in answer or "error" in answer):
            handler.send_page(404, _page("Not found", "<p>This address only receives the sign-in answer.</p>"))
            return
        if self.expected_state is not None and answer.get("state") != self.expected_state:
            handler.send_page(400, _page("Sign-in answer not expected", (
                "<p>This sign-in answer does not belong to the sign-in in progress (its state does not match). "
                "It was ignored; finish the sign-in in the window the application opened.</p>")))
            return
        if "code" in answer:
            handler.send_page(200, _page("Authentication complete", f"<p>{html.escape(SUCCESS_TEXT)}</p>"))
        else:
            error = html.escape(answer.get("error", ""))
            description = html.escape(answer.get("error_description", ""))
            handler.send_page(200, _page("Authentication failed", (
                f"<p>Authentication failed.</p><p><b>{error}</b>: {description}</p>"
                "<p>You can close this browser tab and return to the application.</p>")))
        self.answer = answer
        self.answered.set()


class LoopbackListener:
    """The redirect target of one browser sign-in.

    Binding happens in the constructor: ``port`` and ``redirect_uri`` are
    known before the sign-in URL is built.  For each taken port the module's
    message goes to ``ui.verbose``; when every port is taken,
    IdentityError 'NoFreePort'.
    """

    def __init__(self, ui: Optional[SignInUI], ports: Iterable[int] = DEFAULT_PORTS, host: str = "127.0.0.1") -> None:
        ports = list(ports)
        self._server: Optional[_Server] = None
        for port in ports:
            try:
                self._server = _Server((host, port))
                break
            except OSError as exc:
                if ui is not None:
                    reason = exc.strerror or type(exc).__name__
                    ui.verbose(f"Port {port} is taken with exception '{reason}'; trying to connect to the next port.")
        if self._server is None:
            span = f"{ports[0]} to {ports[-1]}" if ports else "(none given)"
            raise IdentityError(f"No free port for the sign-in redirect: every port from {span} on {host} is taken. "
                                f"Close programs listening there, or sign in with -UseDeviceAuthentication.",
                                code="NoFreePort", category="ResourceUnavailable")
        self.port: int = self._server.server_address[1]
        self.redirect_uri = f"http://localhost:{self.port}/"
        self._thread: Optional[threading.Thread] = None

    def start(self, expected_state: Optional[str]) -> None:
        """Starts serving; only an answer with ``expected_state`` is taken."""
        assert self._server is not None
        self._server.expected_state = expected_state
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"pwshlike-sign-in-{self.port}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float) -> dict[str, str]:
        """The redirect's parameters (``code``/``state`` or ``error``/
        ``error_description``).  Waits in short steps so Ctrl+C interrupts
        it; after ``timeout`` seconds, IdentityError 'SignInTimeout'."""
        assert self._server is not None
        deadline = time.monotonic() + timeout
        while not self._server.answered.wait(min(0.2, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                raise IdentityError(
                    f"No answer came back from the browser within {timeout:g} seconds. Azure AD may have shown an "
                    f"error in the browser and stopped there (for example AADSTS50011, a redirect URI mismatch: the "
                    f"application must list http://localhost as a redirect URI). Sign in again, or use "
                    f"-UseDeviceAuthentication.", code="SignInTimeout", category="OperationTimeout")
        assert self._server.answer is not None
        return dict(self._server.answer)

    def close(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        if self._thread is not None:
            server.shutdown()
            self._thread.join(timeout=5)
        server.server_close()

    def __enter__(self) -> "LoopbackListener":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start(command: list[str]) -> bool:
    """Starts a browser command detached from the terminal (Ctrl+C in the
    shell must not reach it).  A command that fails at once (xdg-open with
    no browser configured) counts as not opened; one still running after a
    few seconds (a browser it started) counts as opened."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return False
    try:
        return process.wait(timeout=3) == 0
    except subprocess.TimeoutExpired:
        return True


def _launch(url: str) -> bool:
    """Opens ``url`` in the user's browser: each command of ``$BROWSER``
    (separated by ':', ``%s`` standing for the URL, as the webbrowser module
    reads it, but read at each sign-in so a change in the session counts),
    then ``open`` on macOS or ``xdg-open`` where there is a display.  False
    when none can be used (an SSH session without a display, a container)."""
    for entry in os.environ.get("BROWSER", "").split(os.pathsep):
        try:
            words = shlex.split(entry)
        except ValueError:
            continue
        if not words:
            continue
        command = [word.replace("%s", url) for word in words] if any("%s" in w for w in words) else words + [url]
        if _start(command):
            return True
    if sys.platform == "darwin":
        opener = shutil.which("open")
    elif _has_display():
        opener = shutil.which("xdg-open")
    else:
        return False
    return opener is not None and _start([opener, url])


def open_sign_in_page(url: str, ui: Optional[SignInUI], opener: Optional[Callable[[str], bool]] = None,
                      port: Optional[int] = None) -> None:
    """Shows the module's messages and opens ``url``: with ``opener`` (the
    environment's ``sign_in_opener``) when there is one, else the system
    browser.  Where no browser can be opened, the URL is shown with how to
    finish the sign-in (the caller keeps waiting)."""
    command = getattr(ui, "command", "") or "the command"
    if ui is not None:
        ui.warning("Attempting to launch a browser for authorization code login.")
    opened = opener(url) if opener is not None else _launch(url)
    if ui is None:
        return
    if opened:
        ui.warning("We have launched a browser for you to login. For the old experience with device code flow, "
                   f"please run '{command} -UseDeviceAuthentication'.")
        return
    forward = (f" From another computer, forward the port first (ssh -L {port}:localhost:{port} ...)."
               if port is not None else "")
    ui.warning(f"Could not open a browser on this computer. To sign in, open this address in a browser on this "
               f"computer: {url} .{forward} Or stop this command (Ctrl+C) and run '{command} "
               f"-UseDeviceAuthentication' to sign in from any device.")
