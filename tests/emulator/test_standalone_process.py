"""``python -m pwshlike.emulator`` as a benchmark or a second shell uses it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import httpx
import pytest

from .support import trusting


def _start(tmp_path, *arguments: str) -> tuple[subprocess.Popen, dict, dict]:
    env = dict(os.environ, **{name: str(tmp_path / name.lower())
                              for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR")})
    process = subprocess.Popen([sys.executable, "-m", "pwshlike.emulator", *arguments], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line, process.stderr.read()
    return process, json.loads(line), env


def test_serves_until_interrupted_then_cleans_up(tmp_path) -> None:
    state = tmp_path / "state.json"
    process, info, env = _start(tmp_path, "--auto-sign-in", "--users", "2", "--state", str(state))
    try:
        assert info["AutoSignIn"] is True and info["ProcessId"] == process.pid
        assert isinstance(info["Credential"]["Password"], str) and info["UserCredential"]["UserName"] == info["UserName"]
        described = os.path.join(env["XDG_RUNTIME_DIR"], "pwshlike", "emulator.json")
        with open(described) as stream:
            assert json.load(stream) == info
        with httpx.Client(verify=trusting(info["CACertificatePath"])) as client:
            response = client.post(f"{info['ActiveDirectoryAuthority']}{info['TenantId']}/oauth2/v2.0/token", data={
                "grant_type": "client_credentials", "client_id": info["ApplicationId"],
                "client_secret": info["Credential"]["Password"], "scope": "https://graph.microsoft.com/.default"})
        assert response.status_code == 200 and response.json()["access_token"]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0, process.stderr.read()
    assert not os.path.exists(described)
    with open(state) as stream:
        assert any(u["upn"].startswith("user0002@") for u in json.load(stream)["directory"]["users"])


def test_sigterm_stops_it_too(tmp_path) -> None:
    process, info, env = _start(tmp_path)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0
    assert not os.path.exists(os.path.join(env["XDG_RUNTIME_DIR"], "pwshlike", "emulator.json"))


def test_port_taken_is_an_error_exit(tmp_path) -> None:
    process, info, _ = _start(tmp_path)
    try:
        second = subprocess.run([sys.executable, "-m", "pwshlike.emulator", "--port", str(info["Port"])],
                                capture_output=True, text=True, timeout=30,
                                env=dict(os.environ, XDG_DATA_HOME=str(tmp_path / "other")))
        assert second.returncode == 1 and "Cannot listen" in second.stderr and second.stdout == ""
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)


@pytest.mark.parametrize("arguments", [["--users", "x"], ["--nope"]])
def test_bad_arguments(arguments: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", "pwshlike.emulator", *arguments], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 2 and "usage:" in result.stderr
