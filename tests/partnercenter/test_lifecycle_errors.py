"""Sign-ins that end badly over time, each against an emulator started for
it: a refresh token unused for 90 days or revoked, a device code declined
or left to expire, and Ctrl+C while a device code is being polled."""

from __future__ import annotations

import datetime
import json
import re
import signal
import ssl
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from .support import (ADMIN, COMMAND, GRAPH_DEFAULT, PARTNER_CENTER, EmulatedShell, Members, claims, emulator_server,
                      pwshlike)

EMULATOR = "-Environment Emulator"
DEVICE_CODE = (f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId -Scopes '{PARTNER_CENTER}' "
               f"-UseDeviceAuthentication")
REDEEM = (f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId -RefreshToken "
          f"$admin.RefreshToken -Scopes '{PARTNER_CENTER}'")


def assert_error(error: dict[str, Any], code: str, category: str, *fragments: str) -> None:
    assert error["FullyQualifiedErrorId"] == f"{code},{COMMAND}", error
    assert error["Category"] == category and error["Message"].startswith(f"{code}: "), error
    for fragment in fragments:
        assert fragment in error["Message"], error


def sign_in_admin(shell: EmulatedShell) -> Any:
    return Members(shell.value(f"$global:admin = {DEVICE_CODE}; $admin"))


def trusting(shell: EmulatedShell) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=shell.fact("CACertificatePath"))


def test_refresh_token_unused_for_90_days(shell: EmulatedShell, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    shell.restart(f"-AutoSignIn -StatePath '{state}'")
    sign_in_admin(shell)
    shell.run("Stop-PwshlikeEmulator")  # saves the state file
    data = json.loads(state.read_text())
    long_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=91)).isoformat()
    for record in data["refresh_tokens"]:
        record["issued_at"] = record["last_used"] = long_ago
    state.write_text(json.dumps(data))
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    shell.info = shell.value(f"$global:emulator = Start-PwshlikeEmulator -StatePath '{state}'; $emulator")
    assert_error(shell.failure(REDEEM), "AADSTS700082", "AuthenticationError", "inactive for 90.00:00:00",
                 "sign in again")


def test_revoked_refresh_token(shell: EmulatedShell) -> None:
    shell.restart("-AutoSignIn")
    sign_in_admin(shell)
    graph = Members(shell.value(f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId "
                                f"-RefreshToken $admin.RefreshToken -Scopes '{GRAPH_DEFAULT}'"))
    assert "Directory.AccessAsUser.All" in claims(graph.AccessToken)["scp"].split()
    with httpx.Client(verify=trusting(shell), timeout=30) as client:
        answer = client.post(f"{shell.fact('GraphEndpoint')}/v1.0/users/{ADMIN}/revokeSignInSessions",
                             headers={"Authorization": f"Bearer {graph.AccessToken}"})
    assert answer.status_code == 200 and answer.json()["value"] is True, answer.text
    assert_error(shell.failure(REDEEM), "AADSTS50173", "AuthenticationError", "sign in again")


def approve_on_the_device_login_page(shell: EmulatedShell, password: str, approve: bool) -> str:
    """What a person does on another device: waits for the device code the
    sign-in asked the emulator for, types it on /devicelogin, signs in,
    and accepts or declines.  Returns the code (the test then checks the
    shell showed that very code)."""
    devices = emulator_server().context.devices
    deadline, code = time.monotonic() + 20, None
    while code is None and time.monotonic() < deadline:
        code = next(iter(list(devices._by_user)), None)
        time.sleep(0.05)
    assert code, "no device code was ever asked for"
    endpoint = shell.fact("Endpoint")
    with httpx.Client(verify=trusting(shell), timeout=30) as client:
        page = client.post(f"{endpoint}/devicelogin", data={"code": code})
        interaction = re.search(r'name="interaction" value="([^"]+)"', page.text).group(1)
        client.post(f"{endpoint}/login", data={"interaction": interaction, "username": ADMIN, "password": password})
        client.post(f"{endpoint}/consent", data={"interaction": interaction,
                                                 "decision": "accept" if approve else "cancel"})
    return code


def test_declined_device_code(shell: EmulatedShell) -> None:
    shell.restart("-DeviceCodeLifetime 00:00:20")  # no -AutoSignIn: someone has to answer on the page
    password = shell.value("$emulator.UserCredential.GetNetworkCredential().Password")
    failures: list[BaseException] = []
    codes: list[str] = []

    def person() -> None:
        try:
            codes.append(approve_on_the_device_login_page(shell, password, approve=False))
        except BaseException as failure:  # noqa: BLE001 - reported by the test below
            failures.append(failure)

    declining = threading.Thread(target=person)
    declining.start()
    try:
        error = shell.failure(DEVICE_CODE)
    finally:
        declining.join()
    assert not failures, failures
    [warning] = error["Warnings"]
    assert re.search(r"enter the code (\w+)", warning).group(1) == codes[0]
    assert_error(error, "AADSTS65004", "AuthenticationError", "declined")


def test_expired_device_code(shell: EmulatedShell) -> None:
    shell.restart("-DeviceCodeLifetime 00:00:02")
    started = time.monotonic()
    error = shell.failure(DEVICE_CODE)
    assert time.monotonic() - started < 10
    assert_error(error, "AADSTS70020", "OperationTimeout", "This device code has expired.")


def test_ctrl_c_while_polling_stops_the_pipeline(shell: EmulatedShell) -> None:
    """pwshlike in a process of its own polls this shell's emulator (found
    through emulator.json) until Ctrl+C; it stops as pwsh does, quietly."""
    shell.restart("-DeviceCodeLifetime 00:00:30")
    before = len(shell.requests())
    child = pwshlike(f"$emulator = Get-PwshlikeEmulator; {DEVICE_CODE}; 'after'", wait=False)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while not any(p.endswith("/token") for _, p, _, _ in shell.requests_since(before)):
            assert time.monotonic() < deadline and child.poll() is None, lines
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        child.wait(timeout=10)
        stopped_after = time.monotonic() - interrupted
    finally:
        if child.poll() is None:
            child.kill()
    reader.join(timeout=5)
    error_output = child.stderr.read()
    assert stopped_after < 3
    assert error_output == "", error_output  # no traceback, no error record
    assert [line for line in lines if line.startswith("WARNING: To sign in")], lines
    assert "after\n" not in lines, "the pipeline stopped"
    polls = [status for _, path, status, _ in shell.requests_since(before) if path.endswith("/token")]
    assert polls and set(polls) == {400}, "it was polling: authorization_pending"
