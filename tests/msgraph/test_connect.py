"""Connect-MgGraph in each parameter set the emulator supports, Get-MgContext,
Disconnect-MgGraph and Invoke-MgGraphRequest, end to end: the real msal and
httpx over HTTPS to the emulator."""

from __future__ import annotations

import re

import pytest

from .conftest import GraphShell

APPLICATION = "f8e765a2-3737-50d3-aabd-0db60f836e5e"
TENANT = "74ca439d-48c7-5500-beea-129c4e5ad155"
ADMIN = "admin@contosopartner.onmicrosoft.com"
AUTH = "Microsoft.Graph.PowerShell.Authentication.Cmdlets"
REVOKE = "Invoke-MgGraphRequest POST \"v1.0/users/$($emulator.UserName)/revokeSignInSessions\""


def context(shell: GraphShell) -> dict:
    item = shell.value("Get-MgContext")
    return {name: item.get_property(name) if hasattr(item, "get_property") else getattr(item, name)
            for name in ("ClientId", "TenantId", "Scopes", "AuthType", "TokenCredentialType",
                         "CertificateThumbprint", "Account", "AppName", "ContextScope", "Environment")}


def test_before_connecting_graph_commands_need_authentication(shell: GraphShell) -> None:
    assert shell.run("Get-MgContext") == []
    error = shell.failure("Disconnect-MgGraph")
    assert error.message == "No application to sign out from." and error.exception.full_name == "System.Exception"
    assert re.fullmatch(rf"[0-9a-f-]{{36}},{AUTH}\.DisconnectMgGraph", error.fully_qualified_error_id)
    assert str(error.category_info.category) == "InvalidArgument"
    error = shell.failure("Invoke-MgGraphRequest GET v1.0/me")
    assert error.message == "Authentication needed. Please call Connect-MgGraph."
    assert error.fully_qualified_error_id == f"{AUTH}.InvokeMgGraphRequest"
    assert error.exception.full_name == "System.Security.Authentication.AuthenticationException"


def test_client_secret(shell: GraphShell) -> None:
    welcome = "".join(shell.result("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId "
                                   "$emulator.TenantId -Environment Emulator").information)
    assert welcome.startswith("Welcome to Microsoft Graph!\n\nConnected via apponly access using " + APPLICATION)
    assert "NOTE: You can use the -NoWelcome parameter to suppress this message." in welcome
    found = context(shell)
    assert found["ClientId"] == APPLICATION and found["TenantId"] == TENANT
    assert found["AuthType"] == "AppOnly" and found["TokenCredentialType"] == "ClientSecret"
    assert found["ContextScope"] == "Process" and found["Environment"] == "Emulator"
    assert found["Account"] is None and "User.Read.All" in found["Scopes"]


def test_a_graph_error_ends_invoke_mggraphrequest_with_the_sdks_record(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome")
    error = shell.failure(f"{REVOKE} -StatusCodeVariable code")
    assert error.fully_qualified_error_id == f"InvokeGraphHttpResponseException,{AUTH}.InvokeMgGraphRequest"
    assert str(error.category_info.category) == "InvalidOperation"
    assert error.exception.message == "Response status code does not indicate success: Forbidden (Forbidden)."
    details = error.error_details.message
    assert details.startswith("POST https://127.0.0.1:") and "\nHTTP/1.1 403 Forbidden\n" in details
    assert "Authorization_RequestDenied" in details and "authorization:" not in details.lower()
    assert shell.value("$code") == 403


def test_certificate(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientId $emulator.ApplicationId -CertificateThumbprint "
              "$emulator.CertificateThumbprint -TenantId $emulator.TenantId -Environment Emulator -NoWelcome")
    found = context(shell)
    assert found["TokenCredentialType"] == "ClientCertificate" and found["AuthType"] == "AppOnly"
    assert found["CertificateThumbprint"] == shell.value("$emulator.CertificateThumbprint")


def test_browser_sign_in_and_a_request_that_succeeds(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
              "-Scopes 'User.Read, User.RevokeSessions.All' -Environment Emulator -NoWelcome")
    found = context(shell)
    assert found["AuthType"] == "Delegated" and found["TokenCredentialType"] == "InteractiveBrowser"
    assert found["Account"] == ADMIN and found["ContextScope"] == "CurrentUser"
    assert {"User.Read", "User.RevokeSessions.All"} <= set(found["Scopes"])
    shell.run("$Error.Clear()")
    result = shell.run(f"{REVOKE} -ResponseHeadersVariable rh -StatusCodeVariable code")
    assert shell.errors() == [] and shell.value("$code") in (200, 204)
    assert shell.value("$rh['client-request-id'].Count") == 1
    assert all(hasattr(item, "keys") for item in result)  # a JSON answer comes back as hashtables


def test_access_token_from_new_partner_access_token(shell: GraphShell) -> None:
    shell.run("$t = New-PartnerAccessToken -ServicePrincipal -ApplicationId $emulator.ApplicationId "
              "-Credential $emulator.Credential -Tenant $emulator.TenantId -Scopes 'https://graph.microsoft.com/.default' -Environment Emulator; "
              "Connect-MgGraph -AccessToken (ConvertTo-SecureString $t.AccessToken -AsPlainText -Force) "
              "-Environment Emulator -NoWelcome")
    found = context(shell)
    assert found["AuthType"] == "UserProvidedAccessToken"
    assert found["TokenCredentialType"] == "UserProvidedAccessToken" and found["TenantId"] == TENANT


def test_environment_variables(shell: GraphShell, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = shell.value("$emulator.Credential.GetNetworkCredential().Password")
    monkeypatch.setenv("AZURE_CLIENT_ID", APPLICATION)
    monkeypatch.setenv("AZURE_TENANT_ID", TENANT)
    monkeypatch.setenv("AZURE_CLIENT_SECRET", secret)
    shell.run("Connect-MgGraph -EnvironmentVariable -Environment Emulator -NoWelcome")
    assert context(shell)["TokenCredentialType"] == "EnvironmentVariable"


def test_disconnect_returns_the_closed_context(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome")
    closed = shell.value("Disconnect-MgGraph")
    assert closed.ClientId == APPLICATION
    assert shell.run("Get-MgContext") == []


def test_unknown_environment_and_added_environments(shell: GraphShell) -> None:
    error = shell.failure("Connect-MgGraph -Environment Nowhere -NoWelcome")
    assert "'Nowhere' is not valid" in error.message
    added = shell.value("Add-MgEnvironment -Name Mine -AzureADEndpoint https://login.example.test "
                        "-GraphEndpoint https://graph.example.test")
    assert added.Type == "User-defined"
    rows = {e.Name: e.Type for e in shell.run("Get-MgEnvironment")}
    assert rows["Global"] == "Built-in" and rows["Emulator"] == "Built-in" and rows["Mine"] == "User-defined"
    assert added.GraphEndpoint == "https://graph.example.test" and added.AzureADEndpoint == "https://login.example.test"
    error = shell.failure("Add-MgEnvironment Global https://a.test https://b.test")
    assert "built-in environment 'Global'" in error.message
    error = shell.failure("Add-MgEnvironment Bad not-a-url https://b.test")
    assert "-AzureADEndpoint must be an absolute URL" in error.message


def test_graph_modules_require_the_authentication_module(shell: GraphShell) -> None:
    names = shell.run("(Get-Module -ListAvailable Microsoft.Graph.Identity.SignIns | Select-Object -First 1)"
                      ".Name; Import-Module Microsoft.Graph.Identity.SignIns; "
                      "(Get-Module Microsoft.Graph.Identity.SignIns).RequiredModules.Name")
    assert names == ["Microsoft.Graph.Identity.SignIns", "Microsoft.Graph.Authentication"]


def test_device_code(shell: GraphShell) -> None:
    shell.run("Clear-PwshlikeTokenCache -Confirm:$false")
    shown = len(shell.warnings())
    shell.run("Connect-MgGraph -UseDeviceCode -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
              "-Scopes User.Read -Environment Emulator -NoWelcome")
    [warning] = shell.warnings()[shown:]
    assert "/devicelogin" in warning and "enter the code" in warning
    found = context(shell)
    assert found["TokenCredentialType"] == "DeviceCode" and found["Account"] == ADMIN


def test_parallel_runspaces_share_the_connection(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome")
    ids = shell.run("1..4 | ForEach-Object -Parallel { (Get-MgContext).ClientId } -ThrottleLimit 4")
    assert ids == [APPLICATION] * 4


def test_invoke_mggraphrequest_output_types_and_file(shell: GraphShell, tmp_path) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome")
    assert shell.value("(Invoke-MgGraphRequest GET 'v1.0/users?$top=1').GetType().FullName") == \
        "System.Collections.Hashtable"
    assert shell.value("(Invoke-MgGraphRequest -Method GET -Uri '/v1.0/users?$top=1' -OutputType PSObject)"
                       ".value[0].userPrincipalName") == ADMIN
    assert shell.value("(Invoke-MgGraphRequest GET \"$($emulator.GraphEndpoint)/v1.0/users?`$top=1\" "
                       "-OutputType Json).StartsWith('{')")
    target = tmp_path / "users.json"
    assert shell.run(f"Invoke-MgGraphRequest GET 'v1.0/users?$top=1' -OutputFilePath '{target}'") == []
    assert ADMIN in target.read_text()


def test_invoke_mggraphrequest_posts_a_hashtable_body(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
              "-Scopes DelegatedPermissionGrant.ReadWrite.All -Environment Emulator -NoWelcome")
    shell.run("$Error.Clear()")
    created = shell.value("""Invoke-MgGraphRequest POST v1.0/oauth2PermissionGrants -Body @{
        clientId = 'ef969797-201d-4f6b-960c-e9ed5f31dab5'; consentType = 'AllPrincipals'
        resourceId = '943603e4-e787-4fe9-93d1-e30f749aae39'; scope = 'User.Read' } -StatusCodeVariable code""")
    assert shell.errors() == [] and shell.value("$code") == 201
    assert created["clientId"] == "ef969797-201d-4f6b-960c-e9ed5f31dab5" and created["id"]
    shell.run(f"Invoke-MgGraphRequest DELETE \"v1.0/oauth2PermissionGrants/{created['id']}\"")
    assert shell.errors() == []


def test_debug_shows_the_exchange_with_authorization_filtered(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome")
    text = "\n".join(shell.result("$null = Invoke-MgGraphRequest GET 'v1.0/users?$top=1' -Debug").debug)
    assert "HTTP REQUEST" in text and "HTTP RESPONSE" in text and "SdkVersion" in text
    assert "Bearer" not in text and "[Filtered]" in text and ADMIN in text


def test_certificate_by_subject_name(shell: GraphShell, home) -> None:
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    thumbprint = shell.value("$emulator.CertificateThumbprint")
    [path] = list(home.rglob(f"{thumbprint}.pfx"))
    certificate = pkcs12.load_key_and_certificates(path.read_bytes(), None)[1]
    name = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    shell.run(f"Connect-MgGraph -ClientId $emulator.ApplicationId -CertificateSubjectName 'CN={name}' "
              f"-TenantId $emulator.TenantId -Environment Emulator -NoWelcome")
    found = context(shell)
    assert found["TokenCredentialType"] == "ClientCertificate" and found["CertificateThumbprint"] == thumbprint
    assert shell.value("(Get-MgContext).CertificateSubjectName") == f"CN={name}"
    error = shell.failure("Connect-MgGraph -ClientId $emulator.ApplicationId -CertificateSubjectName 'CN=nobody' "
                          "-TenantId $emulator.TenantId -Environment Emulator -NoWelcome")
    assert error.fully_qualified_error_id.startswith("CertificateNotFound,") and "CN=nobody" in error.message


def test_invoke_mggraphrequest_sends_a_json_string_and_merged_headers(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
              "-Scopes DelegatedPermissionGrant.ReadWrite.All -Environment Emulator -NoWelcome")
    body = ('{"clientId": "ef969797-201d-4f6b-960c-e9ed5f31dab5", "consentType": "AllPrincipals", '
            '"resourceId": "943603e4-e787-4fe9-93d1-e30f749aae39", "scope": "User.ReadBasic.All"}')
    shell.run("$Error.Clear()")
    created = shell.value(f"Invoke-MgGraphRequest POST v1.0/oauth2PermissionGrants -Body '{body}' "
                          "-ContentType 'application/json' -Headers @{'client-request-id' = "
                          "'11111111-2222-3333-4444-555555555555'} -RHV answer")
    assert shell.errors() == [] and created["scope"] == "User.ReadBasic.All"
    assert shell.value("$answer['client-request-id'][0]") == "11111111-2222-3333-4444-555555555555"
    shell.run(f"Invoke-MgGraphRequest DELETE \"v1.0/oauth2PermissionGrants/{created['id']}\"")
    assert shell.errors() == []


def test_invoke_mggraphrequest_as_an_http_response_message(shell: GraphShell) -> None:
    shell.run("Connect-MgGraph -ClientSecretCredential $emulator.Credential -TenantId $emulator.TenantId "
              "-Environment Emulator -NoWelcome; $Error.Clear()")
    shell.run("$r = Invoke-MgGraphRequest GET 'v1.0/users?$top=1' -OutputType HttpResponseMessage")
    assert shell.errors() == []
    assert shell.run("$r.StatusCode; $r.IsSuccessStatusCode; $r.Version") == [200, True, "1.1"]
    assert ADMIN in shell.value("$r.Content.ReadAsStringAsync().Result")
    assert shell.value("$r.Content.Headers['content-type'][0]").startswith("application/json")
    assert shell.run("(Invoke-MgGraphRequest GET v1.0/users/nobody@x -OutputType HttpResponseMessage "
                     "-SkipHttpErrorCheck).IsSuccessStatusCode") == [False]
    error = shell.failure("Invoke-GraphRequest GET v1.0/users/nobody@x -OutputType HttpResponseMessage")
    assert error.fully_qualified_error_id.startswith("InvokeGraphHttpResponseException,")


def test_environment_variables_with_a_certificate_file(shell: GraphShell, home, tmp_path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    thumbprint = shell.value("$emulator.CertificateThumbprint")
    [stored] = list(home.rglob(f"{thumbprint}.pfx"))
    copy = tmp_path / "app.pfx"  # outside the certificate store
    copy.write_bytes(stored.read_bytes())
    monkeypatch.setenv("AZURE_CLIENT_ID", APPLICATION)
    monkeypatch.setenv("AZURE_TENANT_ID", TENANT)
    monkeypatch.delenv("AZURE_CLIENT_SECRET", raising=False)
    monkeypatch.setenv("AZURE_CLIENT_CERTIFICATE_PATH", str(copy))
    shell.run("Connect-MgGraph -EnvironmentVariable -Environment Emulator -NoWelcome")
    found = context(shell)
    assert found["TokenCredentialType"] == "EnvironmentVariable" and found["CertificateThumbprint"] == thumbprint
    monkeypatch.setenv("AZURE_CLIENT_CERTIFICATE_PATH", str(tmp_path / "missing.pfx"))
    error = shell.failure("Connect-MgGraph -EnvironmentVariable -Environment Emulator -NoWelcome")
    assert error.fully_qualified_error_id.startswith("CertificateNotFound,") and "missing.pfx" in error.message
