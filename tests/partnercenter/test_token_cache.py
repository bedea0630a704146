"""The token cache as a user notices it: a second sign-in that sends no
request, Clear-PwshlikeTokenCache, a private file that a second pwshlike
process reuses and that concurrent processes do not corrupt, and
PWSHLIKE_TOKEN_CACHE=memory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .support import ADMIN, CUSTOMERS, GRAPH_DEFAULT, PARTNER_CENTER, TENANT, EmulatedShell, Members, pwshlike

EMULATOR = "-Environment Emulator"


def application_token(tenant: str, scope: str, credential: str = "$emulator.Credential") -> str:
    """The script of a client-credentials sign-in (``$emulator`` must be set)."""
    return (f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal -Credential {credential} "
            f"-ApplicationId $emulator.ApplicationId -Tenant {tenant} -Scopes '{scope}'")


def in_a_new_process(tenant: str, scope: str) -> str:
    """The same sign-in as another pwshlike process runs it: it finds the
    emulator (and its secret) through emulator.json."""
    return f"$emulator = Get-PwshlikeEmulator; ({application_token(tenant, scope)}).AccessToken"


def cache_file(home: Path) -> Path:
    return home / "xdg_cache_home" / "pwshlike" / "msal_token_cache.json"


def cached_access_tokens(home: Path) -> set[str]:
    with open(cache_file(home), encoding="utf-8") as stream:
        data = json.load(stream)  # a torn or interleaved write would not parse
    return {entry["secret"] for entry in data["AccessToken"].values()}


def test_client_credentials_are_served_from_the_cache(shell: EmulatedShell) -> None:
    first = shell.value(application_token(TENANT, GRAPH_DEFAULT))
    before = len(shell.requests())
    second = shell.value(application_token(TENANT, GRAPH_DEFAULT))
    assert len(shell.requests()) == before, "a cached token costs no request"
    assert Members(second).AccessToken == Members(first).AccessToken


def test_a_signed_in_user_is_served_from_the_cache(shell: EmulatedShell) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    user = f"{EMULATOR} -ApplicationId $emulator.PublicClientId -Scopes '{PARTNER_CENTER}'"
    first = Members(shell.value(f"New-PartnerAccessToken {user} -UseDeviceAuthentication"))
    before, warned = len(shell.requests()), len(shell.warnings())
    # Device code, then the browser (no switch): both look in the cache first.
    for switch in ("-UseDeviceAuthentication", ""):
        again = Members(shell.value(f"New-PartnerAccessToken {user} {switch}"))
        assert again.AccessToken == first.AccessToken
        assert again.RefreshToken == first.RefreshToken and again.IdToken == first.IdToken
        assert again.Account.Username == ADMIN and str(again.Account.HomeAccountId) == str(first.Account.HomeAccountId)
        assert again.TenantId == TENANT and PARTNER_CENTER in again.Scopes
    assert len(shell.requests()) == before and len(shell.warnings()) == warned, "no sign-in, no request"


def test_clear_token_cache_makes_the_next_call_ask_again(shell: EmulatedShell) -> None:
    first = Members(shell.value(application_token(CUSTOMERS[0], GRAPH_DEFAULT)))
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    before = len(shell.requests())
    second = Members(shell.value(application_token(CUSTOMERS[0], GRAPH_DEFAULT)))
    assert ("POST", f"/{CUSTOMERS[0]}/oauth2/v2.0/token") in [(m, p) for m, p, _, _ in shell.requests_since(before)]
    assert second.AccessToken != first.AccessToken


def test_the_cache_file_is_private_and_holds_the_tokens(shell: EmulatedShell, home: Path) -> None:
    token = Members(shell.value(application_token(TENANT, "https://api.partnercenter.microsoft.com/.default")))
    path = cache_file(home)
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(path.parent).st_mode & 0o777 == 0o700
    assert token.AccessToken in cached_access_tokens(home)


def test_a_second_process_reuses_the_cached_token(shell: EmulatedShell) -> None:
    scope = "https://graph.microsoft.com/.default"
    mine = Members(shell.value(application_token(CUSTOMERS[1], scope))).AccessToken
    before = len(shell.requests())
    child = pwshlike(in_a_new_process(CUSTOMERS[1], scope))
    assert child.returncode == 0 and child.stderr == "", child.stderr
    assert child.stdout.strip() == mine
    requests = shell.requests_since(before)
    assert not [r for r in requests if r[0] == "POST"], requests  # discovery only: the token came from the file


def test_concurrent_processes_leave_a_valid_cache_holding_both(shell: EmulatedShell, home: Path) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    scopes = (GRAPH_DEFAULT, "https://api.partnercenter.microsoft.com/.default")
    children = [pwshlike("; ".join(in_a_new_process(tenant, scope) for scope in scopes), wait=False)
                for tenant in (CUSTOMERS[0], CUSTOMERS[1])]
    tokens = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0 and err == "", err
        tokens += out.split()
    assert len(tokens) == 4 and set(tokens) <= cached_access_tokens(home)


def test_memory_mode_writes_no_file(shell: EmulatedShell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("PWSHLIKE_TOKEN_CACHE", "memory")
    first = Members(shell.value(application_token(CUSTOMERS[0], "https://api.partnercenter.microsoft.com/.default")))
    before = len(shell.requests())
    second = Members(shell.value(application_token(CUSTOMERS[0], "https://api.partnercenter.microsoft.com/.default")))
    assert second.AccessToken == first.AccessToken and len(shell.requests()) == before, "cached in memory"
    assert not (tmp_path / "pwshlike" / "msal_token_cache.json").exists()
    assert list(tmp_path.rglob("*")) == [], "nothing at all is written"
