"""No secret leaks: every flow is run with -Debug -Verbose, some failing,
and then every stream the host showed, every error record and every
result's default view is searched for the actual values of the client
secret, the user's password, the tokens, the device codes and the
authorization codes.  The debug text does show the HTTP exchanges, with
those values redacted.  Nor does the interactive history keep a line
that holds a secret."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pwshlike.repl.history import SharedHistory

from .support import CUSTOMERS, GRAPH_DEFAULT, PARTNER_CENTER, TENANT, EmulatedShell, emulator_server

EMULATOR = "-Environment Emulator"
SHOWN = "-Debug -Verbose"
APP = f"{EMULATOR} -ApplicationId $emulator.ApplicationId -Tenant $emulator.TenantId"
PUBLIC = f"{EMULATOR} -ApplicationId $emulator.PublicClientId"
WRONG_SECRET = "not-the-secret-but-still-a-secret-7f3a"
REDACTED = "<redacted>"

SIGN_INS = [
    f"$r1 = New-PartnerAccessToken {APP} -ServicePrincipal -Credential $emulator.Credential -Scopes '{GRAPH_DEFAULT}'",
    f"$r2 = New-PartnerAccessToken {APP} -ServicePrincipal -CertificateThumbprint $emulator.CertificateThumbprint "
    f"-Scopes 'https://api.partnercenter.microsoft.com/.default'",
    f"$r3 = New-PartnerAccessToken {APP} -ServicePrincipal -Credential $emulator.Credential -Scopes '{PARTNER_CENTER}' "
    f"-UseAuthorizationCode",
    f"$r4 = New-PartnerAccessToken {PUBLIC} -Scopes '{PARTNER_CENTER}' -UseDeviceAuthentication",
    f"$r5 = New-PartnerAccessToken {PUBLIC} -Scopes 'https://graph.microsoft.com/User.Read' -UseAuthorizationCode",
    f"$r6 = New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.ApplicationId -Credential $emulator.Credential "
    f"-RefreshToken $r3.RefreshToken -Tenant {CUSTOMERS[0]} -Scopes '{PARTNER_CENTER}'",
    f"$r7 = New-PartnerAccessToken {EMULATOR} -Module ExchangeOnline",
    f"$r8 = New-PartnerAccessToken {EMULATOR} -Module ExchangeOnline -RefreshToken $r7.RefreshToken",
    "$r9 = New-PartnerAccessToken -AccessToken $r4.AccessToken -ApplicationId $emulator.PublicClientId "
    f"-Scopes '{PARTNER_CENTER}'",
]
FAILURES = [
    f"New-PartnerAccessToken {APP} -ServicePrincipal -Credential $wrong -Scopes '{GRAPH_DEFAULT}'",
    f"New-PartnerAccessToken {PUBLIC} -RefreshToken $r4.RefreshToken -Tenant {CUSTOMERS[2]} -Scopes '{PARTNER_CENTER}'",
    f"New-PartnerAccessToken {PUBLIC} -RefreshToken $r4.RefreshToken -Scopes 'Mail.Send'",
    f"New-PartnerAccessToken {PUBLIC} -RefreshToken $garbage -Scopes '{PARTNER_CENTER}'",
    f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId -Credential $emulator.Credential "
    f"-RefreshToken $r3.RefreshToken -Scopes '{PARTNER_CENTER}'",
]
RESULTS = [f"r{n}" for n in range(1, 10)]


@pytest.fixture(scope="module")
def transcript(shell: EmulatedShell) -> dict[str, Any]:
    """Runs every sign-in and failure, and gathers what a person could see:
    the host's lines, the error records' text, the results' default views;
    and the secrets."""
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false; $Error.Clear()")
    # Secrets given as literals are the script's own text: they are set apart from the sign-ins.
    shell.run(f"$wrong = [pscredential]::new($emulator.ApplicationId, "
              f"(ConvertTo-SecureString '{WRONG_SECRET}' -AsPlainText -Force))")
    shell.run(f"$garbage = 'not-a-refresh-token-{WRONG_SECRET}'")
    runs = [shell.result(f"{script} {SHOWN}") for script in SIGN_INS]
    runs += [shell.result(f"$DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; {script}; "
                          f"$DebugPreference = 'SilentlyContinue'; $VerbosePreference = 'SilentlyContinue'")
             for script in FAILURES]
    errors = shell.run("$Error | ForEach-Object { $_ | Out-String; \"$_\"; $_.Exception.Message; "
                       "$_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }")
    views = [shell.value(f"${name} | Out-String") for name in RESULTS]
    views.append(shell.value(f"${RESULTS[0]} | Format-List | Out-String"))
    server = emulator_server().context
    secrets = {
        "client secret": [shell.value("$emulator.Credential.GetNetworkCredential().Password")],
        "user password": [shell.value("$emulator.UserCredential.GetNetworkCredential().Password")],
        "wrong secret": [WRONG_SECRET],
        "access token": shell.run("($r1, $r2, $r3, $r4, $r5, $r6, $r7, $r8).AccessToken"),
        "refresh token": shell.run("($r3, $r4, $r5, $r6, $r7, $r8).RefreshToken"),
        "id token": shell.run("($r3, $r4, $r5, $r6, $r7, $r8).IdToken"),
        "device code": list(server.devices._by_device),
        "authorization code": list(server.codes._codes),
    }
    return {"shown": [run.text for run in runs], "debug": [line for run in runs for line in run.debug],
            "verbose": [line for run in runs for line in run.verbose], "errors": errors, "views": views,
            "secrets": secrets, "error counts": [len(run.errors) for run in runs]}


def test_every_flow_ran_and_the_failures_failed(transcript: dict[str, Any]) -> None:
    secrets = transcript["secrets"]
    assert len(secrets["access token"]) == 8 and all(secrets["access token"])
    assert len(secrets["refresh token"]) == 6 and all(secrets["refresh token"])
    assert len(secrets["device code"]) == 2 and len(secrets["authorization code"]) == 2
    assert transcript["error counts"] == [0] * len(SIGN_INS) + [1] * len(FAILURES)


@pytest.mark.parametrize("kind", ["client secret", "user password", "wrong secret", "access token", "refresh token",
                                  "id token", "device code", "authorization code"])
def test_no_secret_is_shown_anywhere(transcript: dict[str, Any], kind: str) -> None:
    places = {f"console text {i}": text for i, text in enumerate(transcript["shown"])}
    places.update({f"error text {i}": text for i, text in enumerate(transcript["errors"])})
    places.update({f"default view {i}": text for i, text in enumerate(transcript["views"])})
    for secret in transcript["secrets"][kind]:
        assert len(secret) >= 16
        leaks = [where for where, text in places.items() if secret in text]
        assert not leaks, f"a {kind} appears in {leaks}"


def test_debug_shows_the_exchanges_redacted(shell: EmulatedShell, transcript: dict[str, Any]) -> None:
    debug = "\n".join(transcript["debug"])
    endpoint = shell.fact("Endpoint")
    assert f"HTTP POST {endpoint}/{TENANT}/oauth2/v2.0/token" in debug
    assert f"HTTP POST {endpoint}/organizations/oauth2/v2.0/devicecode" in debug
    assert re.search(rf"HTTP 200 OK from POST {re.escape(endpoint)}/{TENANT}/oauth2/v2\.0/token in \d+ ms", debug)
    for field in ("client_secret", "client_assertion", "code", "code_verifier", "refresh_token", "device_code"):
        assert f"{field}={REDACTED}" in debug, field
    for field in ("access_token", "refresh_token", "id_token", "device_code"):
        assert f'"{field}":"{REDACTED}"' in debug, field
    assert '"error_codes":[7000215]' in debug, "Azure AD's refusals are shown whole: they hold no secret"


def test_verbose_says_how_each_sign_in_went(transcript: dict[str, Any]) -> None:
    verbose = transcript["verbose"]
    for flow in ("the application's credentials", "a browser sign-in", "a device code (or the token cache)",
                 "a refresh token", "Exchange Online's client and a device code",
                 "Exchange Online's client and a refresh token", "the access token given"):
        assert any(line.startswith(f"Signing in with {flow} (parameter set") for line in verbose), flow


def test_history_keeps_no_line_with_a_secret(shell: EmulatedShell, transcript: dict[str, Any], tmp_path) -> None:
    token = transcript["secrets"]["access token"][0]
    path = tmp_path / "ConsoleHost_history.txt"
    history = SharedHistory(str(path))
    typed = [
        "$emulator = Start-PwshlikeEmulator -AutoSignIn",
        f"$secret = ConvertTo-SecureString '{WRONG_SECRET}' -AsPlainText -Force",
        f"Invoke-RestMethod https://graph.microsoft.com/v1.0/me -Headers @{{Authorization = 'Bearer {token}'}}",
        f"$headers = @{{ Authorization = \"Bearer {token}\" }}",
        "Get-PwshlikeEmulatorLog | Select-Object -Last 3",
    ]
    for line in typed:
        history.append_string(line)
    stored = path.read_text()
    assert stored == f"{typed[0]}\n{typed[-1]}\n"
    assert WRONG_SECRET not in stored and token not in stored
