"""New-PartnerAccessToken -UseAuthorizationCode signed in through the
emulator's HTML pages in headless Chromium, the way a person runs it.

Each test runs a pwshlike process (``sign_in.ps1``) that starts the emulator
without -AutoSignIn and calls New-PartnerAccessToken -UseAuthorizationCode.
pwshlike opens the sign-in page through the same browser hook a person's
session uses: the ``$BROWSER`` variable, here a small script that runs
``chromium_person.py``, which signs in in headless Chromium (trusting exactly
the emulator's CA, see helpers.chromium) and clicks Accept or Cancel on the
consent page.  pwshlike's loopback listener (a port from 8400 to 8999)
receives the answer.

The emulator's directory is the seeded one except that the partner tenant has
not granted admin consent to the applications' Partner Center permission, so
the admin meets the consent page on first sign-in, as when a partner sets up
the secure application model.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import jwt
import pytest

from helpers.chromium import requires_chromium, sign_in_through_loopback, start_chromium

pytestmark = requires_chromium()

HERE = Path(__file__).resolve().parent
SUCCESS_TEXT = "Authentication complete. You can return to the application. Feel free to close this browser tab."
ATTEMPTING = "Attempting to launch a browser for authorization code login."
LAUNCHED = ("We have launched a browser for you to login. For the old experience with device code flow, please run "
            "'New-PartnerAccessToken -UseDeviceAuthentication'.")
PARTNER_CENTER = "https://api.partnercenter.microsoft.com"
DEADLINE = 60.0   # a stuck sign-in fails the test instead of waiting for the cmdlet's 300-second timeout


@pytest.fixture(scope="module")
def data_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One XDG_DATA_HOME for the module: the emulator's CA is made once and
    reused, as on a person's machine."""
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="module")
def unconsented(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A state file (-StatePath) of the seeded directory without the partner
    tenant's admin consent to Partner Center for the two applications."""
    from pwshlike.emulator import state
    from pwshlike.emulator.directory import PARTNER_CENTER_APP_ID
    seeded = state.EmulatorState.fresh()
    directory = seeded.directory
    clients = {directory.public_client_id, directory.confidential_app_id}
    kept = [g for g in directory.delegated_grants
            if not (g.tenant_id == directory.partner_tenant_id and g.client_id in clients
                    and g.resource_app_id == PARTNER_CENTER_APP_ID)]
    assert len(kept) == len(directory.delegated_grants) - 2
    directory.delegated_grants = kept
    directory.reindex()
    path = tmp_path_factory.mktemp("state") / "unconsented.json"
    state.save(seeded, str(path))
    return str(path)


@pytest.fixture
def home(tmp_path: Path, data_home: Path, unconsented: str) -> Iterator[dict[str, Any]]:
    """Where one test's pwshlike process keeps its files, and its state file
    (a copy: the emulator saves the state back when it stops).  A process
    the test left running (a failed test) is killed afterwards."""
    copy = tmp_path / "state.json"
    shutil.copyfile(unconsented, copy)
    runs: list[Run] = []
    yield {"folder": tmp_path, "data_home": data_home, "state": str(copy), "runs": runs}
    for run in runs:
        run.kill()


class Run:
    """One pwshlike process running sign_in.ps1; its output is read as it comes."""

    def __init__(self, home: dict[str, Any], mode: str, browser: str, consent: str = "accept") -> None:
        folder = home["folder"]
        self.out = folder / "seen"
        self.out.mkdir()
        # No display (so nothing but $BROWSER can open a page) and the default, file-backed token cache.
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PWSHLIKE_TOKEN_CACHE")
               and not k.startswith("PWSHLIKE_TEST_")}
        for variable in ("XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
            (folder / variable.lower()).mkdir(mode=0o700)
            env[variable] = str(folder / variable.lower())
        env.update(XDG_DATA_HOME=str(home["data_home"]), BROWSER=browser, PWSHLIKE_TEST_BROWSER_OUT=str(self.out),
                   PWSHLIKE_TEST_BROWSER_CONSENT=consent)
        self.lines: list[str] = []
        self._queue: "queue.Queue[Optional[str]]" = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-File", str(HERE / "sign_in.ps1"),
             "-Mode", mode, "-StatePath", home["state"]],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        home["runs"].append(self)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    @property
    def report(self) -> Optional[dict[str, Any]]:
        """What the browser program reported, once it is done."""
        path = self.out / "report.json"
        return json.loads(path.read_text()) if path.exists() else None

    def wait_for_report(self, timeout: float = 20.0) -> dict[str, Any]:
        """The browser program's report: it writes it after closing
        Chromium, which may be after pwshlike has finished."""
        deadline = time.monotonic() + timeout
        while (report := self.report) is None:
            if time.monotonic() > deadline:
                pytest.fail("the browser program never reported:\n" + self.output())
            time.sleep(0.1)
        return report

    def wait_for_line(self, predicate: Callable[[str], bool], timeout: float = DEADLINE) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                break
            self.lines.append(line)
            if predicate(line):
                return line
        self.kill()
        pytest.fail("pwshlike never printed the expected line:\n" + self.output())

    def finish(self) -> dict[str, Any]:
        """Waits for the process to end (failing at once if the browser
        program did); the RESULT object sign_in.ps1 printed."""
        deadline = time.monotonic() + DEADLINE
        while self.process.poll() is None:
            report = self.report
            if report is not None and "error" in report:
                self.kill()
                pytest.fail(f"the browser failed:\n{report['error']}\n" + self.output())
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail("pwshlike did not finish:\n" + self.output())
            time.sleep(0.1)
        text = self.output()
        assert self.process.returncode == 0, text
        results = [line for line in self.lines if line.startswith("RESULT ")]
        assert len(results) == 1, text
        return json.loads(results[0][len("RESULT "):])

    def output(self) -> str:
        """Everything the process printed (it has ended or been killed)."""
        while True:
            try:
                line = self._queue.get(timeout=5)
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
        return "\n".join(self.lines)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def browser_script(folder: Path, body: str) -> str:
    """An executable script for $BROWSER; its path."""
    path = folder / "browser.sh"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return str(path)


def chromium_browser(folder: Path) -> str:
    """$BROWSER: runs the person program on the URL pwshlike gives it."""
    return browser_script(folder, f'exec {shlex.quote(sys.executable)} '
                                  f'{shlex.quote(str(HERE / "chromium_person.py"))} "$@"')


def sign_in(home: dict[str, Any], mode: str, consent: str = "accept") -> tuple[dict[str, Any], dict, Run]:
    run = Run(home, mode, chromium_browser(home["folder"]), consent)
    result = run.finish()
    report = run.wait_for_report()
    assert "error" not in report, (report["error"], run.output())
    return result, report, run


def assert_reached_loopback(report: dict[str, Any]) -> None:
    """The browser ended on pwshlike's listener, http://localhost:<8400-8999>/."""
    url = urllib.parse.urlsplit(report["url"])
    assert (url.scheme, url.hostname, url.path) == ("http", "localhost", "/"), report["url"]
    assert 8400 <= (url.port or 0) <= 8999, report["url"]


def assert_signed_in_with_browser(log: list[dict[str, Any]], tenant: str) -> None:
    """GET /authorize (the browser), POST /login and /consent (the forms),
    then POST /token (msal redeeming the code), in that order."""
    requests = [(entry["Method"], entry["Path"]) for entry in log]
    authorize = ("GET", f"/{tenant}/oauth2/v2.0/authorize")
    token = ("POST", f"/{tenant}/oauth2/v2.0/token")
    steps = [authorize, ("POST", "/login"), ("POST", "/consent"), token]
    for step in steps:
        assert step in requests, (step, requests)
    assert [requests.index(step) for step in steps] == sorted(requests.index(step) for step in steps), requests
    assert all(entry["StatusCode"] < 400 for entry in log if (entry["Method"], entry["Path"]) in steps), log


def assert_screenshot(report: dict[str, Any]) -> None:
    with open(report["screenshot"], "rb") as stream:
        assert stream.read(8) == b"\x89PNG\r\n\x1a\n"


def assert_partner_token(token: dict[str, Any], emulator: dict[str, Any], client_id: str) -> None:
    assert token["TypeName"] == "Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.AuthResult"
    assert token["Username"] == emulator["UserName"] and token["TenantId"] == emulator["TenantId"]
    assert token["RefreshToken"] and token["IdToken"]
    claims = jwt.decode(token["AccessToken"], options={"verify_signature": False})
    assert claims["aud"] == PARTNER_CENTER and claims["appid"] == client_id, claims
    assert claims["upn"] == emulator["UserName"] and "user_impersonation" in claims["scp"].split(), claims


@pytest.mark.parametrize("mode", ["Public", "Confidential"])
def test_signs_in_through_the_emulator_page_in_chromium(home: dict[str, Any], mode: str) -> None:
    result, report, _ = sign_in(home, mode)
    emulator = result["Emulator"]
    assert result["Failure"] is None, result["Failure"]
    client_id = emulator["PublicClientId"] if mode == "Public" else emulator["ApplicationId"]
    assert_partner_token(result["Token"], emulator, client_id)
    assert result["Warnings"] == [ATTEMPTING, LAUNCHED]
    # The browser started at the emulator's sign-in page, which asked for consent, and ended on the loopback page.
    assert report["sign_in_page"]["url"].startswith(report["argv"][0].split("?")[0])
    assert report["sign_in_page"]["title"] == "Sign in to your account"
    consent_page = report["consent_page"].splitlines()
    assert "Permissions requested" in consent_page and "user_impersonation" in consent_page, consent_page
    assert f"Signed in as {emulator['UserName']}." in consent_page, consent_page
    assert_reached_loopback(report)
    assert report["text"] == SUCCESS_TEXT
    assert_screenshot(report)
    assert_signed_in_with_browser(result["Log"], emulator["TenantId"])


def test_cancel_on_the_consent_page_fails_with_aadsts65004(home: dict[str, Any]) -> None:
    result, report, _ = sign_in(home, "Public", consent="cancel")
    assert result["Token"] is None
    failure = result["Failure"]
    assert failure["FullyQualifiedErrorId"] == \
        "AADSTS65004,Microsoft.Store.PartnerCenter.PowerShell.Commands.NewPartnerAccessToken"
    assert failure["Message"].startswith("AADSTS65004: User declined to consent to access the app."), failure
    assert failure["Category"] == "PermissionDenied"
    assert result["Warnings"] == [ATTEMPTING, LAUNCHED]
    # The loopback failure page shows Azure AD's error; no code was redeemed.
    assert_reached_loopback(report)
    assert "Authentication failed." in report["text"], report["text"]
    assert "access_denied: AADSTS65004: User declined to consent to access the app." in report["text"]
    assert_screenshot(report)
    tenant = result["Emulator"]["TenantId"]
    assert not any(entry["Path"].endswith("/token") for entry in result["Log"]), result["Log"]
    assert ("POST", "/consent") in [(e["Method"], e["Path"]) for e in result["Log"]]
    assert ("GET", f"/{tenant}/oauth2/v2.0/authorize") in [(e["Method"], e["Path"]) for e in result["Log"]]


def test_without_a_browser_the_sign_in_url_is_printed(home: dict[str, Any]) -> None:
    """$BROWSER fails and there is no display (an SSH session): pwshlike
    prints the sign-in URL, suggests -UseDeviceAuthentication, and keeps
    waiting; the person (this test) opens the URL in a browser."""
    run = Run(home, "Public", browser_script(home["folder"], "exit 1"))
    endpoint = run.wait_for_line(lambda line: line.startswith("EMULATOR ")).split()[1]
    warning = run.wait_for_line(lambda line: "Could not open a browser" in line)
    match = re.fullmatch(r"WARNING: Could not open a browser on this computer\. To sign in, open this address in a "
                         r"browser on this computer: (https://\S+) \. From another computer, forward the port first "
                         r"\(ssh -L (\d+):localhost:(\d+) \.\.\.\)\. Or stop this command \(Ctrl\+C\) and run "
                         r"'New-PartnerAccessToken -UseDeviceAuthentication' to sign in from any device\.", warning)
    assert match, warning
    url = match.group(1)
    assert url.startswith(f"{endpoint}/") and "/oauth2/v2.0/authorize?" in url, url
    redirect = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["redirect_uri"][0]
    assert redirect == f"http://localhost:{match.group(2)}/" and match.group(2) == match.group(3), (redirect, warning)
    # The person knows the admin's credential; their browser trusts the emulator's CA.
    emulator = json.loads((home["folder"] / "xdg_runtime_dir" / "pwshlike" / "emulator.json").read_text())
    report = sign_in_through_loopback(url, str(run.out), emulator["UserCredential"]["UserName"],
                                      emulator["UserCredential"]["Password"], emulator["CACertificatePath"])
    result = run.finish()
    assert result["Failure"] is None, result["Failure"]
    assert result["Warnings"] == [ATTEMPTING, warning[len("WARNING: "):]]
    assert_partner_token(result["Token"], result["Emulator"], result["Emulator"]["PublicClientId"])
    assert report["consent_page"] and report["text"] == SUCCESS_TEXT
    assert_reached_loopback(report)
    assert_signed_in_with_browser(result["Log"], result["Emulator"]["TenantId"])


def test_chromium_trusts_the_emulator_only_through_the_pinned_ca(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The pin is what makes Chromium accept the emulator: without it the
    same page is a certificate error (nothing else trusts the CA)."""
    from pwshlike.emulator import EmulatorServer
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    server = EmulatorServer().start()
    try:
        info = server.info()
        for trusted in (None, info["CACertificatePath"]):
            driver = start_chromium(str(tmp_path / f"profile-{bool(trusted)}"), trusted)
            try:
                driver.get(info["Endpoint"] + "/devicelogin")
                if trusted:
                    assert driver.title == "Enter code", driver.title
                else:
                    assert "ERR_CERT_AUTHORITY_INVALID" in driver.page_source, driver.title
            finally:
                driver.quit()
    finally:
        server.stop()
