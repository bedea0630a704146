"""New-PartnerAccessToken in each of its six parameter sets, as a user runs
it against the emulator with the real msal: the AuthResult it outputs, its
default view, the warnings it shows and the requests the emulator saw."""

from __future__ import annotations

import datetime
import re
from typing import Any

import jwt
import pytest

from pwshlike.testing import Session

from .support import (
    ADMIN, APPLICATION, COMMAND, CUSTOMERS, EXCHANGE_CLIENT, GRAPH_DEFAULT, PARTNER_CENTER, PUBLIC_CLIENT, TENANT,
    EmulatedShell, Members, claims,
)

AUTH_RESULT = "Microsoft.Store.PartnerCenter.PowerShell.Models.Authentication.AuthResult"
PROPERTIES = ["RefreshToken", "AccessToken", "IsExtendedLifeTimeToken", "UniqueId", "ExpiresOn", "ExtendedExpiresOn",
              "TenantId", "Account", "IdToken", "Scopes", "CorrelationId", "TokenType"]
DEVICE_CODE_WARNING = re.compile(r"To sign in, use a web browser to open the page https://127\.0\.0\.1:\d+/devicelogin "
                                 r"and enter the code [A-Z0-9]{9} to authenticate\.")
BROWSER_WARNINGS = ["Attempting to launch a browser for authorization code login.",
                    "We have launched a browser for you to login. For the old experience with device code flow, "
                    "please run 'New-PartnerAccessToken -UseDeviceAuthentication'."]
EMULATOR = "-Environment Emulator"
SERVICE_PRINCIPAL = f"{EMULATOR} -ServicePrincipal -ApplicationId $emulator.ApplicationId -Tenant $emulator.TenantId"


def shortened(token: str) -> str:
    return f"{token[:8]}…({len(token)} chars)"


def view(shell: EmulatedShell, variable: str) -> str:
    """The default view of ``$variable``, as the console shows it."""
    return shell.value(f"${variable} | Out-String")


def sign_in(shell: EmulatedShell, variable: str, arguments: str) -> tuple[Any, list[str], list[tuple]]:
    """``$variable = New-PartnerAccessToken arguments``: the result, the
    warnings shown and the requests the emulator received meanwhile."""
    before = len(shell.requests())
    result = shell.result(f"$global:{variable} = New-PartnerAccessToken {arguments}; ${variable}")
    assert result.succeeded, result.text
    [value] = result.output
    return Members(value), result.warnings, shell.requests_since(before)


@pytest.fixture(scope="module")
def admin(shell: EmulatedShell) -> Any:
    """The partner admin signed in with the public client by device code:
    ``$admin``, whose refresh token the RefreshToken tests redeem."""
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    result, _, _ = sign_in(shell, "admin", f"{EMULATOR} -ApplicationId $emulator.PublicClientId -Scopes "
                                          f"'{PARTNER_CENTER}' -UseDeviceAuthentication")
    return result


@pytest.fixture(scope="module")
def consented_sign_in(shell: EmulatedShell) -> tuple[Any, list[str], list[tuple]]:
    """``$consented``: the confidential application's token from the secure
    application model (-ServicePrincipal -UseAuthorizationCode), with the
    warnings and requests of that sign-in."""
    return sign_in(shell, "consented", f"{SERVICE_PRINCIPAL} -Credential $emulator.Credential "
                                       f"-Scopes '{PARTNER_CENTER}' -UseAuthorizationCode")


@pytest.fixture(scope="module")
def consented(consented_sign_in: tuple[Any, list[str], list[tuple]]) -> Any:
    return consented_sign_in[0]


def test_access_token_set_wraps_a_token_without_a_request(shell: EmulatedShell, admin: Any) -> None:
    before = len(shell.requests())
    result = Members(shell.value(f"New-PartnerAccessToken -AccessToken $admin.AccessToken "
                                 f"-ApplicationId $emulator.PublicClientId -Scopes '{PARTNER_CENTER}' -Verbose"))
    token = claims(admin.AccessToken)
    assert result.AccessToken == admin.AccessToken and result.RefreshToken is None and result.IdToken is None
    assert result.TenantId == TENANT == token["tid"] and result.UniqueId == token["oid"]
    assert result.ExpiresOn == datetime.datetime.fromtimestamp(token["exp"], datetime.timezone.utc)
    assert result.Account.Username == ADMIN
    assert str(result.Account.HomeAccountId) == f"{token['oid']}.{TENANT}"
    assert result.Scopes == [PARTNER_CENTER] and result.TokenType == "Bearer"
    assert shell.requests_since(before) == [], "an access token is used as it is"
    # Neither -Environment nor -Tenant given: AzureCloud and 'organizations' (no request is made to it).
    assert shell.verbose()[-1] == ("Signing in with the access token given (parameter set AccessToken) at "
                                   "https://login.microsoftonline.com/organizations (AzureCloud).")


def _forged(claims_: dict[str, Any]) -> str:
    """A JWT with these claims (the signature is not checked by -AccessToken)."""
    return jwt.encode(claims_, "not-the-emulator's-key-but-long-enough-for-hs256", algorithm="HS256")


@pytest.mark.parametrize("token, code, category, message", [
    (_forged({"tid": TENANT, "upn": ADMIN, "exp": 1_600_000_000}), "TokenExpired", "AuthenticationError",
     "The access token has expired. Generate a new one and try again."),
    ("eyJhbGciOiJSUzI1NiJ9.not-a-payload", "InvalidToken", "InvalidArgument",
     "The token is not a valid JSON Web Token: it must have three dot-separated parts (header.payload.signature)."),
])
def test_access_token_set_refuses_expired_and_malformed_tokens(shell: EmulatedShell, token: str, code: str,
                                                               category: str, message: str) -> None:
    before = len(shell.requests())
    error = shell.failure(f"New-PartnerAccessToken -AccessToken '{token}' -ApplicationId $emulator.PublicClientId "
                          f"-Scopes '{PARTNER_CENTER}'")
    assert error["FullyQualifiedErrorId"] == f"{code},{COMMAND}"
    assert error["Category"] == category and error["Message"] == message
    assert shell.requests_since(before) == []


def test_service_principal_with_a_secret(shell: EmulatedShell) -> None:
    result, warnings, requests = sign_in(shell, "app", f"{SERVICE_PRINCIPAL} -Credential $emulator.Credential "
                                                       f"-Scopes 'https://api.partnercenter.microsoft.com/.default'")
    assert shell.value("$app.PSObject.TypeNames[0]") == AUTH_RESULT
    assert shell.value("$app.PSObject.Properties.Name -join ','") == ",".join(PROPERTIES)
    token = claims(result.AccessToken)
    assert token["aud"] == "https://api.partnercenter.microsoft.com" and token["appid"] == APPLICATION
    assert token["tid"] == TENANT == result.TenantId and token["idtyp"] == "app"
    assert result.RefreshToken is None and result.IdToken is None and result.Account is None
    assert result.Scopes == ["https://api.partnercenter.microsoft.com/.default"]
    assert result.ExpiresOn > datetime.datetime.now(datetime.timezone.utc) and result.IsExtendedLifeTimeToken is False
    assert result.CorrelationId and warnings == []
    assert ("POST", f"/{TENANT}/oauth2/v2.0/token", 200, APPLICATION) in requests
    text = view(shell, "app")
    assert f"\nAccessToken             : {shortened(result.AccessToken)}\n" in text
    assert re.search(r"^AccessToken +: eyJhbGci…\(\d+ chars\)$", text, re.M)
    assert re.search(r"^RefreshToken +: *$", text, re.M) and f"TenantId                : {TENANT}" in text
    assert result.AccessToken not in text


@pytest.mark.parametrize("credential", [
    "[pscredential]::new($emulator.ApplicationId, (ConvertTo-SecureString $secret -AsPlainText -Force))",
    "New-Object System.Management.Automation.PSCredential $emulator.ApplicationId, "
    "(ConvertTo-SecureString $secret -AsPlainText -Force)",
    "New-Object pscredential -ArgumentList $emulator.ApplicationId, (Read-Host 'Secret' -AsSecureString)",
])
def test_credentials_built_as_scripts_build_them(shell: EmulatedShell, credential: str) -> None:
    """-Credential from ConvertTo-SecureString, New-Object or Read-Host, the
    secret read back with GetNetworkCredential()."""
    secret = shell.value("$secret = $emulator.Credential.GetNetworkCredential().Password; $secret")
    # Someone types the secret at Read-Host, in a console of their own.
    with Session(answers=[secret], plugins=shell.plugins) as console:
        typed = console.run(f"$emulator, $secret = @($input); {credential}", input=[shell.info, secret])
    assert typed.succeeded, typed.text
    shell.result("$global:built = @($input)[0]", input=typed.output)
    built = shell.value("$built.GetNetworkCredential().Password")
    assert built == secret and shell.value("$built.UserName") == APPLICATION
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    result, _, requests = sign_in(shell, "built", f"{SERVICE_PRINCIPAL} -Credential $built -Scopes '{GRAPH_DEFAULT}'")
    assert claims(result.AccessToken)["appid"] == APPLICATION
    assert ("POST", f"/{TENANT}/oauth2/v2.0/token", 200, APPLICATION) in requests


def test_service_principal_with_a_certificate(shell: EmulatedShell) -> None:
    result, _, requests = sign_in(shell, "certified", f"{SERVICE_PRINCIPAL} -CertificateThumbprint "
                                                      f"$emulator.CertificateThumbprint -Scopes '{GRAPH_DEFAULT}'")
    assert shell.value("$certified.PSObject.TypeNames[0]") == AUTH_RESULT
    token = claims(result.AccessToken)
    assert token["aud"] == "https://graph.microsoft.com" and token["appid"] == APPLICATION and token["tid"] == TENANT
    assert result.RefreshToken is None and result.Scopes == [GRAPH_DEFAULT]
    assert ("POST", f"/{TENANT}/oauth2/v2.0/token", 200, APPLICATION) in requests


def test_service_principal_with_authorization_code_yields_a_refresh_token(
        shell: EmulatedShell, consented_sign_in: tuple[Any, list[str], list[tuple]]) -> None:
    consented, warnings, requests = consented_sign_in
    token = claims(consented.AccessToken)
    assert token["aud"] == "https://api.partnercenter.microsoft.com" and token["appid"] == APPLICATION
    assert token["upn"] == ADMIN and consented.Account.Username == ADMIN
    assert consented.RefreshToken and consented.IdToken and consented.TenantId == TENANT
    assert re.search(r"^RefreshToken +: .{8}…\(\d+ chars\)$", view(shell, "consented"), re.M)
    assert warnings == BROWSER_WARNINGS
    paths = [(method, path, client) for method, path, _, client in requests]
    authorize = paths.index(("GET", f"/{TENANT}/oauth2/v2.0/authorize", APPLICATION))
    assert paths.index(("POST", f"/{TENANT}/oauth2/v2.0/token", APPLICATION)) > authorize


@pytest.mark.parametrize("switch", ["-UseAuthorizationCode", ""])
def test_user_signs_in_in_the_browser(shell: EmulatedShell, switch: str) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    result, warnings, requests = sign_in(shell, "browser", f"{EMULATOR} -ApplicationId $emulator.PublicClientId "
                                                           f"-Scopes '{PARTNER_CENTER}' {switch}")
    assert warnings == BROWSER_WARNINGS
    # No -Tenant: the sign-in goes to 'organizations'.
    assert [(m, p) for m, p, _, c in requests if c == PUBLIC_CLIENT] == [
        ("GET", "/organizations/oauth2/v2.0/authorize"), ("POST", "/organizations/oauth2/v2.0/token")]
    assert result.Account.Username == ADMIN and result.RefreshToken and result.IdToken
    assert claims(result.IdToken)["aud"] == PUBLIC_CLIENT and result.TenantId == TENANT
    assert claims(result.AccessToken)["scp"] == "user_impersonation"


def test_user_signs_in_with_a_device_code(shell: EmulatedShell) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    result, warnings, requests = sign_in(shell, "device", f"{EMULATOR} -ApplicationId $emulator.PublicClientId "
                                                          f"-Scopes '{PARTNER_CENTER}' -UseDeviceAuthentication")
    [warning] = warnings
    assert DEVICE_CODE_WARNING.fullmatch(warning), warning
    assert [(m, p, s) for m, p, s, _ in requests if p != "/organizations/v2.0/.well-known/openid-configuration"] == [
        ("POST", "/organizations/oauth2/v2.0/devicecode", 200), ("POST", "/organizations/oauth2/v2.0/token", 200)]
    assert result.Account.Username == ADMIN and result.RefreshToken and result.IdToken
    assert str(result.Account.HomeAccountId) == f"{result.UniqueId}.{TENANT}"
    assert result.Account.Environment == "127.0.0.1"
    assert result.Scopes == [PARTNER_CENTER, "openid", "profile"]


def test_refresh_token_as_a_public_client(shell: EmulatedShell, admin: Any) -> None:
    result, warnings, requests = sign_in(shell, "renewed", f"{EMULATOR} -ApplicationId $emulator.PublicClientId "
                                                           f"-RefreshToken $admin.RefreshToken "
                                                           f"-Scopes '{GRAPH_DEFAULT}'")
    assert warnings == [] and ("POST", "/organizations/oauth2/v2.0/token", 200, PUBLIC_CLIENT) in requests
    assert claims(result.AccessToken)["aud"] == "https://graph.microsoft.com"
    assert result.RefreshToken and result.RefreshToken != admin.RefreshToken, "Azure AD rotates refresh tokens"
    assert result.Account.Username == ADMIN


@pytest.mark.parametrize("credential", ["-Credential $emulator.Credential",
                                        "-CertificateThumbprint $emulator.CertificateThumbprint"])
def test_refresh_token_as_the_confidential_application(shell: EmulatedShell, consented: Any, credential: str) -> None:
    result, _, requests = sign_in(shell, "redeemed", f"{EMULATOR} -ApplicationId $emulator.ApplicationId {credential} "
                                                     f"-RefreshToken $consented.RefreshToken "
                                                     f"-Tenant $emulator.TenantId -Scopes '{PARTNER_CENTER}'")
    assert ("POST", f"/{TENANT}/oauth2/v2.0/token", 200, APPLICATION) in requests
    assert claims(result.AccessToken)["appid"] == APPLICATION and result.RefreshToken
    assert result.Account.Username == ADMIN


@pytest.mark.parametrize("customer", CUSTOMERS[:2])
def test_partner_refresh_token_in_a_customer_tenant(shell: EmulatedShell, consented: Any, customer: str) -> None:
    """Delegated admin privileges: the partner's refresh token signs in to
    a customer tenant (Tailspin's demands MFA: see the errors' tests)."""
    result, _, requests = sign_in(shell, "customer", f"{EMULATOR} -ApplicationId $emulator.ApplicationId "
                                                     f"-Credential $emulator.Credential -ServicePrincipal "
                                                     f"-RefreshToken $consented.RefreshToken -Tenant {customer} "
                                                     f"-Scopes '{PARTNER_CENTER}'")
    assert ("POST", f"/{customer}/oauth2/v2.0/token", 200, APPLICATION) in requests
    token = claims(result.AccessToken)
    assert token["tid"] == customer == result.TenantId and token["upn"] == ADMIN
    assert token["idp"] == f"https://sts.windows.net/{TENANT}/"


def test_module_exchange_online_by_device_code_then_refresh_token(shell: EmulatedShell) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    result, warnings, requests = sign_in(shell, "exchange", f"{EMULATOR} -Module ExchangeOnline")
    [warning] = warnings
    assert DEVICE_CODE_WARNING.fullmatch(warning), warning
    assert ("POST", "/organizations/oauth2/v2.0/devicecode", 200, EXCHANGE_CLIENT) in requests
    assert ("POST", "/organizations/oauth2/v2.0/token", 200, EXCHANGE_CLIENT) in requests
    token = claims(result.AccessToken)
    assert token["aud"] == "https://outlook.office365.com" and token["appid"] == EXCHANGE_CLIENT
    assert result.Account.Username == ADMIN and result.RefreshToken

    again, warnings, requests = sign_in(shell, "exchange2", f"{EMULATOR} -Module ExchangeOnline "
                                                            f"-RefreshToken $exchange.RefreshToken")
    assert warnings == [] and [r for r in requests if r[0] == "POST"] == [
        ("POST", "/organizations/oauth2/v2.0/token", 200, EXCHANGE_CLIENT)]
    assert claims(again.AccessToken)["aud"] == "https://outlook.office365.com"
    assert again.RefreshToken and again.RefreshToken != result.RefreshToken
