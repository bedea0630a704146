"""Failed sign-ins as error records: Azure AD's refusals with their AADSTS
code in the FullyQualifiedErrorId and the message, and the failures that
never reach Azure AD (no certificate, no free port, no server), each in its
ErrorCategory and without a Python traceback."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
from pathlib import Path
from typing import Any, Iterator

import pytest

from pwshlike.plugins.manager import PluginHost

from .support import COMMAND, CUSTOMERS, GRAPH_DEFAULT, PARTNER_CENTER, TENANT, EmulatedShell, Members

EMULATOR = "-Environment Emulator"
WRONG_SECRET = ("([pscredential]::new($emulator.ApplicationId, "
                "(ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)))")


def assert_error(error: dict[str, Any], code: str, category: str, *fragments: str) -> None:
    assert error["FullyQualifiedErrorId"] == f"{code},{COMMAND}", error
    assert error["Category"] == category, error
    if code.startswith("AADSTS"):
        assert error["Message"].startswith(f"{code}: "), error
    for fragment in fragments:
        assert fragment in error["Message"], error


def no_traceback(shell: EmulatedShell) -> None:
    shown = shell.shown()
    assert "Traceback" not in shown and "[Errno" not in shown


@pytest.fixture(scope="module")
def admin(shell: EmulatedShell) -> Any:
    """``$admin``: the partner admin's tokens (device code, public client)."""
    return Members(shell.value(f"$global:admin = New-PartnerAccessToken {EMULATOR} -ApplicationId "
                               f"$emulator.PublicClientId -Scopes '{PARTNER_CENTER}' -UseDeviceAuthentication; $admin"))


def redeem(scope: str, tenant: str = "organizations") -> str:
    return (f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId -RefreshToken "
            f"$admin.RefreshToken -Tenant {tenant} -Scopes '{scope}'")


def test_wrong_client_secret(shell: EmulatedShell) -> None:
    error = shell.failure(f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal -ApplicationId $emulator.ApplicationId "
                          f"-Credential {WRONG_SECRET} -Tenant $emulator.TenantId -Scopes '{GRAPH_DEFAULT}'")
    assert_error(error, "AADSTS7000215", "AuthenticationError", "Invalid client secret provided.")
    assert error["Exception"] == "Microsoft.Identity.Client.MsalServiceException"
    assert error["Text"] == f"New-PartnerAccessToken: {error['Message']}\n"


@pytest.mark.parametrize("scope, code", [("Not.AScope", "AADSTS70011"),
                                         ("https://nothing.example.com/user_impersonation", "AADSTS500011")])
def test_unknown_scope_or_resource(shell: EmulatedShell, admin: Any, scope: str, code: str) -> None:
    assert_error(shell.failure(redeem(scope)), code, "InvalidArgument", scope.split("/user_")[0])


@pytest.mark.parametrize("scope", ["Mail.Read", "Calendars.Read"])
def test_consent_missing(shell: EmulatedShell, admin: Any, scope: str) -> None:
    assert_error(shell.failure(redeem(scope)), "AADSTS65001", "PermissionDenied",
                 "has not consented to use the application", "signing in interactively")


def test_mfa_required_in_tailspin(shell: EmulatedShell, admin: Any) -> None:
    assert_error(shell.failure(redeem(PARTNER_CENTER, tenant=CUSTOMERS[2])), "AADSTS50076", "AuthenticationError",
                 "you must use multi-factor authentication",
                 "sign in interactively (in a browser, or with -UseDeviceAuthentication)")


def test_application_id_differs_from_the_credential(shell: EmulatedShell, admin: Any) -> None:
    before = len(shell.requests())
    error = shell.failure(f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId "
                          f"-Credential $emulator.Credential -RefreshToken $admin.RefreshToken "
                          f"-Scopes '{PARTNER_CENTER}'")
    assert_error(error, "ApplicationIdMismatch", "InvalidArgument",
                 f"The -ApplicationId '{shell.fact('PublicClientId')}' and the user name of -Credential "
                 f"'{shell.fact('ApplicationId')}' name different applications.")
    assert error["Exception"] == "System.ArgumentException"
    assert shell.requests_since(before) == []


def test_certificate_not_found_names_both_stores(shell: EmulatedShell, home: Path) -> None:
    error = shell.failure(f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal -ApplicationId $emulator.ApplicationId "
                          f"-CertificateThumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Tenant $emulator.TenantId "
                          f"-Scopes '{GRAPH_DEFAULT}'")
    assert_error(error, "CertificateNotFound", "ObjectNotFound", "0123456789ABCDEF0123456789ABCDEF01234567",
                 str(home / "xdg_data_home" / "pwshlike" / "x509stores" / "my"),
                 os.path.expanduser("~/.dotnet/corefx/cryptography/x509stores/my"))


@contextlib.contextmanager
def ports_taken(first: int, last: int) -> Iterator[None]:
    """Listens on every free port of the range on 127.0.0.1 (ports other
    programs already listen on are taken anyway).  SO_REUSEADDR, as the
    sign-in listener sets it, takes the ports earlier sign-ins left in
    TIME_WAIT too."""
    held = []
    try:
        for port in range(first, last + 1):
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                listener.bind(("127.0.0.1", port))
                listener.listen(1)
            except OSError as exc:
                listener.close()
                if exc.errno != errno.EADDRINUSE:
                    raise
                continue
            held.append(listener)
        yield
    finally:
        for listener in held:
            listener.close()


def test_every_redirect_port_taken(shell: EmulatedShell) -> None:
    before = len(shell.requests())
    with ports_taken(8400, 8999):
        error = shell.failure(f"New-PartnerAccessToken {EMULATOR} -ApplicationId $emulator.PublicClientId "
                              f"-Scopes '{PARTNER_CENTER}' -UseAuthorizationCode")
    assert_error(error, "NoFreePort", "ResourceUnavailable",
                 "every port from 8400 to 8999 on 127.0.0.1 is taken", "-UseDeviceAuthentication")
    assert not [r for r in shell.requests_since(before) if r[1].endswith("/authorize")]


def test_emulator_down_is_a_connection_error(shell: EmulatedShell, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A shell whose emulator.json names an emulator that no longer listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    described = json.loads((Path(os.environ["XDG_RUNTIME_DIR"]) / "pwshlike" / "emulator.json").read_text())
    gone = json.loads(json.dumps(described).replace(f"127.0.0.1:{described['Port']}", f"127.0.0.1:{port}"))
    (tmp_path / "pwshlike").mkdir()
    (tmp_path / "pwshlike" / "emulator.json").write_text(json.dumps(dict(gone, Port=port)))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    try:
        other = EmulatedShell(host)
        error = other.failure(f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal "
                              f"-ApplicationId {gone['ApplicationId']} "
                              f"-Credential ([pscredential]::new('{gone['ApplicationId']}', (ConvertTo-SecureString "
                              f"'whatever' -AsPlainText -Force))) -Tenant {TENANT} -Scopes '{GRAPH_DEFAULT}'")
        assert_error(error, "ConnectionError", "ConnectionError")
        assert error["Message"] == f"Could not connect to https://127.0.0.1:{port}: the connection was refused."
        assert error["Exception"] == "System.Net.Http.HttpRequestException"
        no_traceback(other)
    finally:
        host.shutdown()


def test_503_with_retry_after_is_retried(shell: EmulatedShell) -> None:
    tenant = CUSTOMERS[1]
    shell.run(f"Set-PwshlikeEmulatorFault -Path '/{tenant}/oauth2/v2.0/token' -StatusCode 503 -RetryAfter 1 -Rate 0.5")
    try:
        sign_in = (f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal -ApplicationId $emulator.ApplicationId "
                   f"-Credential $emulator.Credential -Tenant {tenant} -Scopes")
        shell.value(f"{sign_in} '{GRAPH_DEFAULT}'")  # the rule's first match: not faulted
        before = len(shell.requests())
        result = shell.result(f"{sign_in} 'https://api.partnercenter.microsoft.com/.default' -Verbose")
    finally:
        shell.run("Clear-PwshlikeEmulatorFault")
    assert result.succeeded and Members(result.output[0]).TenantId == tenant
    tokens = [(r.get_property("StatusCode"), r.get_property("Faulted")) for r in shell.requests()[before:]
              if r.get_property("Path").endswith("/token")]
    assert tokens == [(503, True), (200, False)]
    assert any("answered HTTP 503 and asked to retry after 1 seconds; retrying (1 of 3)." in line
               for line in result.verbose)


def test_503_without_retry_after_fails_clearly(shell: EmulatedShell) -> None:
    tenant = CUSTOMERS[2]
    shell.run(f"Set-PwshlikeEmulatorFault -Path '/{tenant}/oauth2/v2.0/token' -StatusCode 503")
    try:
        error = shell.failure(f"New-PartnerAccessToken {EMULATOR} -ServicePrincipal -ApplicationId "
                              f"$emulator.ApplicationId -Credential $emulator.Credential -Tenant {tenant} "
                              f"-Scopes '{GRAPH_DEFAULT}'")
    finally:
        shell.run("Clear-PwshlikeEmulatorFault")
    assert_error(error, "ServiceUnavailable", "ResourceUnavailable")
    assert error["Message"] == f"{shell.fact('Endpoint')} failed to answer (HTTP 503). Try again later."
    no_traceback(shell)


def test_a_fault_must_be_an_error_status(shell: EmulatedShell) -> None:
    [error] = shell.result("Set-PwshlikeEmulatorFault -Path '*/token' -StatusCode 200").errors
    assert error.fully_qualified_error_id == \
        "ParameterArgumentValidationError,Pwshlike.Emulator.Commands.SetPwshlikeEmulatorFaultCommand"
    assert shell.value("[string]$Error[0].CategoryInfo.Category") == "InvalidArgument"
    assert "The 200 argument is less than the minimum allowed range of 400" in str(error.exception)
