"""The reference page's two examples, verbatim but for their placeholders
and ``-Environment Emulator``, run by pwshlike in a terminal (a
pseudo-terminal) against a standalone emulator, with the application id and
its secret typed into Get-Credential's prompts as a person types them."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import ssl
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from .support import PARTNER_CENTER

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "New-PartnerAccessToken.txt"
PLACEHOLDER = "'xxxx-xxxx-xxxx-xxxx'"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def example(number: int) -> list[str]:
    """The commands of the page's Example ``number`` (its ``PS C:\\>`` lines)."""
    text = REFERENCE.read_text(encoding="utf-8")  # CI must have ../shared: a missing page fails, never skips
    section = text.split(f"Example {number}:", 1)[1].split("\nExample ", 1)[0].split("\nParameters", 1)[0]
    return [line[len("PS C:\\> "):] for line in section.splitlines() if line.startswith("PS C:\\> ")]


def with_emulator_values(lines: list[str], info: dict[str, Any], refresh_token: str = "") -> str:
    """The example's script: placeholders replaced, -Environment Emulator added."""
    script = []
    for line in lines:
        line = line.replace(f"-ApplicationId {PLACEHOLDER}", f"-ApplicationId '{info['ApplicationId']}'")
        line = line.replace(f"-Tenant {PLACEHOLDER}", f"-Tenant '{info['TenantId']}'")
        line = line.replace("'<refreshToken>'", f"'{refresh_token}'")
        if line.startswith("New-PartnerAccessToken "):
            line += " -Environment Emulator"
        assert "xxxx" not in line and "<refreshToken>" not in line, line
        script.append(line)
    return "\n".join(script) + "\n"


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Any], dict[str, str]]]:
    """``python -m pwshlike.emulator --auto-sign-in`` and the environment
    (XDG folders) it and the shells share."""
    root = tmp_path_factory.mktemp("standalone")
    env = dict(os.environ, PSModulePath=os.devnull, TERM="xterm")
    env.pop("NO_COLOR", None)
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
        (root / variable.lower()).mkdir(mode=0o700)
        env[variable] = str(root / variable.lower())
    server = subprocess.Popen([sys.executable, "-m", "pwshlike.emulator", "--auto-sign-in"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    assert line, server.stderr.read()
    try:
        yield json.loads(line), env
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)


def application_refresh_token(info: dict[str, Any]) -> str:
    """A refresh token the confidential application obtained earlier (the
    secure application model's authorization code, redeemed by hand)."""
    authority = f"{info['ActiveDirectoryAuthority']}{info['TenantId']}/oauth2/v2.0"
    scope = f"{PARTNER_CENTER} offline_access openid"
    with httpx.Client(verify=ssl.create_default_context(cafile=info["CACertificatePath"]), timeout=30) as client:
        signed_in = client.get(f"{authority}/authorize", params={
            "client_id": info["ApplicationId"], "response_type": "code", "redirect_uri": "http://localhost:8400/",
            "scope": scope, "state": "example-2"})
        code = parse_qs(urlsplit(signed_in.headers["location"]).query)["code"][0]
        tokens = client.post(f"{authority}/token", data={
            "grant_type": "authorization_code", "client_id": info["ApplicationId"], "code": code, "scope": scope,
            "redirect_uri": "http://localhost:8400/", "client_secret": info["Credential"]["Password"]})
    return tokens.json()["refresh_token"]


class Terminal:
    """pwshlike running a script on a pseudo-terminal that is its
    controlling terminal, as in a console window."""

    def __init__(self, script: Path, env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))  # 40 rows, 200 columns
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pwshlike", "-NoProfile", "-File", str(script)], env=env,
            stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.screen = b""

    def read_until(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.screen:
            assert time.monotonic() < deadline, f"{text!r} never shown; the terminal shows:\n{self.text()}"
            self._read(0.1)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the shell closed the terminal
            return False
        self.screen += chunk
        return bool(chunk)

    def echo_off(self, timeout: float = 10) -> None:
        """Waits until the shell reads the terminal itself, without the
        terminal echoing keys (a line editor or a password prompt)."""
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.master)[3] & termios.ECHO:
            assert time.monotonic() < deadline, f"the terminal still echoes:\n{self.text()}"
            self._read(0.02)

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\r")

    def finish(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while self._read(0.2):
            assert time.monotonic() < deadline, self.text()
        code = self.process.wait(timeout=10)
        os.close(self.master)
        return code

    def text(self) -> str:
        return ANSI.sub("", self.screen.decode("utf-8", "replace")).replace("\r\n", "\n")


def run_in_a_terminal(script_text: str, info: dict[str, Any], env: dict[str, str], tmp_path: Path) -> str:
    """Runs the script, answers Get-Credential's prompts with the
    application's id and secret, and returns what the terminal showed."""
    script = tmp_path / "example.ps1"
    script.write_text(script_text)
    terminal = Terminal(script, env)
    try:
        terminal.read_until("User: ")
        terminal.echo_off()
        terminal.type(info["ApplicationId"])
        terminal.read_until(f"Password for user {info['ApplicationId']}: ")
        terminal.echo_off()
        terminal.type(info["Credential"]["Password"])
        code = terminal.finish()
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
    shown = terminal.text()
    assert code == 0, shown
    assert info["Credential"]["Password"] not in shown, "the secret was echoed"
    application = info["ApplicationId"]
    assert (f"PowerShell credential request\nEnter your credentials.\nUser: {application}\n"
            f"Password for user {application}: \n") in shown
    return shown


def test_example_1_consent_in_the_browser(standalone: tuple[dict[str, Any], dict[str, str]], tmp_path: Path) -> None:
    info, env = standalone
    lines = example(1)
    assert lines[0] == "$credential = Get-Credential" and len(lines) == 2
    shown = run_in_a_terminal(with_emulator_values(lines, info), info, env, tmp_path)
    assert "WARNING: Attempting to launch a browser for authorization code login." in shown
    assert re.search(r"^AccessToken +: eyJhbGci…\(\d+ chars\)$", shown, re.M), shown
    assert re.search(r"^RefreshToken +: \S{8}…\(\d+ chars\)$", shown, re.M), shown
    assert re.search(r"^IdToken +: eyJhbGci…\(\d+ chars\)$", shown, re.M), shown
    assert re.search(rf"^TenantId +: {info['TenantId']}$", shown, re.M)
    assert re.search(rf"^Account +: {re.escape(info['UserName'])}$", shown, re.M)


def test_example_2_redeem_a_refresh_token(standalone: tuple[dict[str, Any], dict[str, str]], tmp_path: Path) -> None:
    info, env = standalone
    lines = example(2)
    assert lines[1] == "$refreshToken = '<refreshToken>'" and len(lines) == 3
    refresh_token = application_refresh_token(info)
    shown = run_in_a_terminal(with_emulator_values(lines, info, refresh_token), info, env, tmp_path)
    assert re.search(r"^AccessToken +: eyJhbGci…\(\d+ chars\)$", shown, re.M), shown
    assert re.search(r"^RefreshToken +: \S{8}…\(\d+ chars\)$", shown, re.M), shown
    assert re.search(rf"^Scopes +: {{{re.escape(PARTNER_CENTER)}", shown, re.M), shown
    assert refresh_token not in shown
