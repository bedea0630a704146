"""The loopback listener and opening the browser."""

from __future__ import annotations

import inspect
import socket
import threading
import time

import httpx
import pytest

from pwshlike.identity import browser
from pwshlike.identity.browser import DEFAULT_PORTS, SUCCESS_TEXT, LoopbackListener, open_sign_in_page
from pwshlike.identity.errors import IdentityError

from .conftest import RecordingUI


def taken_port_pair() -> tuple[socket.socket, int]:
    """A listening socket on a port whose successor is free, and that port."""
    for _ in range(50):
        holder = socket.socket()
        holder.bind(("127.0.0.1", 0))
        port = holder.getsockname()[1]
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 1))
            except OSError:
                holder.close()
                continue
        holder.listen()
        return holder, port
    raise RuntimeError("no free port pair")


def redirect(listener: LoopbackListener, query: str) -> httpx.Response:
    return httpx.get(f"http://127.0.0.1:{listener.port}/?{query}", timeout=5)


def test_the_default_range_is_the_modules():
    assert DEFAULT_PORTS == range(8400, 9000)
    assert inspect.signature(LoopbackListener).parameters["ports"].default is DEFAULT_PORTS


def test_the_first_free_port_is_used_and_taken_ports_are_reported():
    holder, port = taken_port_pair()
    ui = RecordingUI()
    try:
        with LoopbackListener(ui, ports=range(port, port + 2)) as listener:
            assert listener.port == port + 1 and listener.redirect_uri == f"http://localhost:{port + 1}/"
    finally:
        holder.close()
    assert ui.verbose_lines == [f"Port {port} is taken with exception 'Address already in use'; trying to connect "
                                f"to the next port."]


def test_port_8400_taken_moves_on_to_8401():
    try:
        holder = socket.create_server(("127.0.0.1", 8400))
    except OSError:
        pytest.skip("port 8400 is in use on this machine")
    ui = RecordingUI()
    try:
        with LoopbackListener(ui) as listener:
            assert listener.port > 8400
    finally:
        holder.close()
    assert ui.verbose_lines[0].startswith("Port 8400 is taken with exception '")


def test_an_exhausted_range_is_no_free_port():
    holder, port = taken_port_pair()
    try:
        with pytest.raises(IdentityError) as caught:
            LoopbackListener(RecordingUI(), ports=[port])
    finally:
        holder.close()
    assert (caught.value.code, caught.value.category) == ("NoFreePort", "ResourceUnavailable")
    assert f"every port from {port} to {port}" in caught.value.message


def test_success_page_and_the_answer():
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start("state-1")
        assert redirect(listener, "foo=bar").status_code == 404  # not an answer: ignored
        assert redirect(listener, "code=c1&state=wrong").status_code == 400  # another sign-in's answer
        page = redirect(listener, "code=c1&state=state-1&session_state=s")
        assert page.status_code == 200 and SUCCESS_TEXT in page.text
        assert listener.wait(5) == {"code": "c1", "state": "state-1", "session_state": "s"}
        assert redirect(listener, "code=c2&state=state-1").status_code == 404  # exactly one


def test_failure_page_shows_azure_ads_error_escaped():
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start("s")
        page = redirect(listener, "error=access_denied&error_description=AADSTS65004%3A+User+declined+%3Cb%3E&state=s")
        assert "access_denied" in page.text and "AADSTS65004: User declined &lt;b&gt;" in page.text
        assert listener.wait(5)["error"] == "access_denied"


def test_form_post_answers_are_accepted():
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start("s")
        page = httpx.post(f"http://127.0.0.1:{listener.port}/", data={"code": "c", "state": "s"}, timeout=5)
        assert SUCCESS_TEXT in page.text and listener.wait(5)["code"] == "c"


def test_a_sign_in_that_never_comes_back_times_out():
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start("s")
        started = time.monotonic()
        with pytest.raises(IdentityError) as caught:
            listener.wait(0.3)
    assert time.monotonic() - started < 3
    error = caught.value
    assert (error.code, error.category) == ("SignInTimeout", "OperationTimeout")
    assert "No answer came back from the browser within 0.3 seconds" in error.message
    assert "AADSTS50011" in error.message and "redirect URI" in error.message


def test_the_listener_is_closed_afterwards():
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start(None)
        port = listener.port
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/?code=x", timeout=2)


def test_an_opener_is_used_and_the_modules_messages_are_shown():
    ui = RecordingUI()
    opened = []
    open_sign_in_page("https://login.example.com/authorize?x=1", ui, lambda url: opened.append(url) or True, 8400)
    assert opened == ["https://login.example.com/authorize?x=1"]
    assert ui.warnings == [
        "Attempting to launch a browser for authorization code login.",
        "We have launched a browser for you to login. For the old experience with device code flow, please run "
        "'New-PartnerAccessToken -UseDeviceAuthentication'."]


def test_without_a_browser_the_url_is_shown_with_the_device_code_advice(monkeypatch):
    for variable in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(browser.sys, "platform", "linux")
    ui = RecordingUI()
    open_sign_in_page("https://login.example.com/authorize?x=1", ui, None, 8412)
    assert ui.warnings[0] == "Attempting to launch a browser for authorization code login."
    assert "https://login.example.com/authorize?x=1" in ui.warnings[1]
    assert "'New-PartnerAccessToken -UseDeviceAuthentication'" in ui.warnings[1]
    assert "ssh -L 8412:localhost:8412" in ui.warnings[1]


def test_browser_variable_is_honoured_at_each_sign_in(monkeypatch, tmp_path):
    def fake_browser(name: str) -> str:
        script = tmp_path / name
        script.write_text(f"#!/bin/sh\necho \"$1\" > {tmp_path / (name + '.txt')}\n")
        script.chmod(0o755)
        return str(script)

    monkeypatch.setenv("BROWSER", fake_browser("first"))
    ui = RecordingUI()
    open_sign_in_page("https://login.example.com/authorize?x=1", ui, None, 8400)
    assert (tmp_path / "first.txt").read_text().strip() == "https://login.example.com/authorize?x=1"
    assert ui.warnings[1].startswith("We have launched a browser for you to login.")
    monkeypatch.setenv("BROWSER", f"/nonexistent/browser:{fake_browser('second')} --new-tab %s")
    open_sign_in_page("https://login.example.com/authorize?x=2", ui, None, 8400)
    assert (tmp_path / "second.txt").read_text().strip() == "--new-tab"


def test_ctrl_c_interrupts_the_wait():
    import _thread
    with LoopbackListener(None, ports=[0]) as listener:
        listener.start("s")
        threading.Timer(0.2, _thread.interrupt_main).start()
        with pytest.raises(KeyboardInterrupt):
            listener.wait(30)
