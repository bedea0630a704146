"""Issue 10, section 6: reliability and bad input, end to end.

A shell with the bundled plugins starts the emulator in-process
(``Start-PwshlikeEmulator -AutoSignIn -UserCount 200``) and connects with
Connect-MgGraph as the partner admin (DelegatedPermissionGrant.ReadWrite.All);
every request goes over real HTTPS.  Injected faults are deterministic
(every 5th matching request for -Rate 0.2, the status codes in turn), so
the counts below are exact.
"""

from __future__ import annotations

import os
import time
from typing import Iterator

import pytest

from pwshlike.host.errorview import format_error
from pwshlike.plugin import InvalidOperationException
from pwshlike.plugins.manager import PluginHost

from .conftest import GraphShell

CLIENT = "ef969797-201d-4f6b-960c-e9ed5f31dab5"
RESOURCE = "943603e4-e787-4fe9-93d1-e30f749aae39"
USERS = 200
FAULTED = 49  # F faulted of 200 + F requests, every 5th: F = (200 + F) // 5
GRANTS = "/v1.0/oauth2PermissionGrants"
NEW = "Microsoft.Graph.PowerShell.Cmdlets.NewMgOauth2PermissionGrant"
INVOKE = "Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest"
COUNT_GRANTS = """
$count = 0; $uri = 'v1.0/oauth2PermissionGrants?$top=50'
while ($uri) { $page = Invoke-MgGraphRequest GET $uri; $count += @($page.value).Count; $uri = if ($page) { $page['@odata.nextLink'] } }
$count
"""


@pytest.fixture(scope="module")
def shell(home) -> Iterator[GraphShell]:
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    session = GraphShell(host)
    session.run(f"$global:emulator = Start-PwshlikeEmulator -AutoSignIn -UserCount {USERS}")
    session.run("Connect-MgGraph -ClientId $emulator.PublicClientId -TenantId $emulator.TenantId "
                "-Scopes DelegatedPermissionGrant.ReadWrite.All -Environment Emulator -NoWelcome")
    assert session.errors() == []
    yield session
    session.run("Set-MgRequestContext -MaxRetry 3 -RetryDelay 3; Clear-PwshlikeEmulatorFault; "
                "if (Get-MgContext) { $null = Disconnect-MgGraph }; Stop-PwshlikeEmulator")
    host.shutdown()


@pytest.fixture(autouse=True)
def clean(shell: GraphShell) -> Iterator[None]:
    """Each test starts with no fault, an empty log and $Error, and the SDK's retry settings."""
    shell.run("Clear-PwshlikeEmulatorFault; Set-MgRequestContext -MaxRetry 3 -RetryDelay 3 | Out-Null; "
              "$Error.Clear()")
    clear_log(shell)
    yield
    shell.run("Clear-PwshlikeEmulatorFault; Set-MgRequestContext -MaxRetry 3 -RetryDelay 3 | Out-Null")


def clear_log(shell: GraphShell) -> None:
    """Empties the running emulator's request log (there is no cmdlet for it)."""
    from pwshlike_emulator import cmdlets
    cmdlets._server.clear_log()


def posts(shell: GraphShell) -> list[tuple[str, str, str]]:
    """(status, faulted, client-request-id) of each POST to the grants, oldest first."""
    lines = shell.run("Get-PwshlikeEmulatorLog | Where-Object { $_.Method -eq 'POST' -and "
                      f"$_.Path -eq '{GRANTS}' }} | ForEach-Object {{ "
                      "'{0}|{1}|{2}' -f $_.StatusCode, $_.Faulted, $_.ClientRequestId }")
    return [tuple(str(line).split("|")) for line in lines]  # type: ignore[misc]


def no_traceback(record) -> None:
    text = format_error(record)
    assert "Traceback" not in text and 'File "' not in text, text


def test_200_grants_with_20_percent_throttling_are_all_created_exactly_once(shell: GraphShell) -> None:
    shell.run("$users = @(); $uri = 'v1.0/users?$top=100'\n"
              "while ($uri) { $page = Invoke-MgGraphRequest GET $uri; $users += $page.value; "
              "$uri = if ($page) { $page['@odata.nextLink'] } }\n"
              "$seeded = @($users | Where-Object { $_.userPrincipalName -like 'user[0-9]*@*' })")
    assert shell.value("$seeded.Count") == USERS
    seeded = shell.value(COUNT_GRANTS)  # the emulator's own seeded grants
    clear_log(shell)
    shell.run("Set-PwshlikeEmulatorFault -Path '/v1.0/oauth2PermissionGrants' -Method POST -StatusCode 429,503 "
              "-Rate 0.2 -RetryAfter 0")
    started = time.perf_counter()
    result = shell.result(
        "$DebugPreference = 'Continue'\n"
        "$created = foreach ($user in $seeded) {\n"
        f"  New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType Principal -PrincipalId $user.id "
        f"-ResourceId {RESOURCE} -Scope 'User.Read Mail.Read'\n"
        "}\n"
        "$DebugPreference = 'SilentlyContinue'\n"
        "$created")
    elapsed = time.perf_counter() - started
    created = result.output
    assert result.errors == [] and shell.errors() == []
    assert len(created) == USERS and len({grant.id for grant in created}) == USERS
    assert {grant.principal_id for grant in created} == set(shell.run("$seeded.id"))
    # Retry-After: 0 is honoured: 40 retries cost no waiting (the SDK's default backoff would be 3 s each)
    assert elapsed < 10, elapsed
    # none lost, none doubled: exactly 200 grants in the emulator, counted over Graph's paging
    shell.run("Clear-PwshlikeEmulatorFault")
    assert shell.value(COUNT_GRANTS) == seeded + USERS
    # the log: every 5th POST faulted (retries count too: 49 of 249), 429 and 503 in turn, each followed
    # by its retry (same client-request-id), which succeeded; no request sent a third time
    log = posts(shell)
    assert len(log) == USERS + FAULTED
    faulted = [entry for entry in log if entry[1] == "True"]
    assert len(faulted) == FAULTED and [index % 5 for index, entry in enumerate(log) if entry[1] == "True"] == \
        [4] * FAULTED
    assert [status for status, _, _ in faulted] == (["429", "503"] * FAULTED)[:FAULTED]
    for index, (status, was_faulted, request_id) in enumerate(log):
        if was_faulted == "True":
            assert log[index + 1] == ("201", "False", request_id)
    ids = [request_id for _, _, request_id in log]
    assert len(set(ids)) == USERS and all(ids.count(i) <= 2 for i in ids)
    # -Debug's trace of the requests shows each retry with its Retry-Attempt header, and no token
    trace = "\n".join(result.debug)
    assert trace.count("Retry-Attempt                 : 1") == FAULTED
    assert "Retry-Attempt                 : 2" not in trace
    assert "Bearer " not in trace and "eyJ" not in trace
    shell.run("$created | ForEach-Object { Invoke-MgGraphRequest DELETE \"v1.0/oauth2PermissionGrants/$($_.Id)\" }")
    assert shell.errors() == [] and shell.value(COUNT_GRANTS) == seeded


def test_retry_after_is_waited_for(shell: GraphShell) -> None:
    # -Rate 0.5 faults the 2nd matching request (and every other one after it): the 1st passes, the 2nd
    # is answered 429 with Retry-After: 1, its retry (the 3rd) passes
    shell.run("Set-PwshlikeEmulatorFault -Path '/v1.0/users' -Method GET -StatusCode 429 -Rate 0.5 -RetryAfter 1; "
              "$null = Invoke-MgGraphRequest GET 'v1.0/users?$top=1'")
    started = time.perf_counter()
    [page] = shell.run("Invoke-MgGraphRequest GET 'v1.0/users?$top=1'")
    elapsed = time.perf_counter() - started
    assert shell.errors() == [] and len(page["value"]) == 1
    assert 1.0 <= elapsed < 2.5, elapsed
    times = shell.run("Get-PwshlikeEmulatorLog | Where-Object Path -eq '/v1.0/users' | Select-Object -Last 2 | "
                      "ForEach-Object { $_.Time }")
    assert (times[1] - times[0]).total_seconds() >= 0.99


def test_too_many_retries_after_max_retry(shell: GraphShell) -> None:
    before = shell.value(COUNT_GRANTS)
    shell.run("Set-MgRequestContext -MaxRetry 2 | Out-Null; "
              f"Set-PwshlikeEmulatorFault -Path '{GRANTS}' -Method POST -StatusCode 503 -RetryAfter 0")
    record = shell.failure(f"New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType AllPrincipals "
                           f"-ResourceId {RESOURCE} -Scope User.Read")
    assert str(record) == ("Too many retries performed. More than 2 retries encountered while sending the "
                           "request.")
    assert isinstance(record.exception, InvalidOperationException)
    assert str(record.category_info.category) == "InvalidOperation"
    no_traceback(record)
    log = posts(shell)
    assert [(status, faulted) for status, faulted, _ in log] == [("503", "True")] * 3  # the first try and 2 retries
    assert len({request_id for _, _, request_id in log}) == 1
    shell.run("Clear-PwshlikeEmulatorFault")
    assert shell.value(COUNT_GRANTS) == before


def test_a_dropped_connection_on_post_is_reported_and_not_retried(shell: GraphShell) -> None:
    before = shell.value(COUNT_GRANTS)
    shell.run(f"Set-PwshlikeEmulatorFault -Path '{GRANTS}' -Method POST -DropConnection")
    record = shell.failure(f"New-MgOauth2PermissionGrant -ClientId {CLIENT} -ConsentType AllPrincipals "
                           f"-ResourceId {RESOURCE} -Scope User.Read")
    assert type(record.exception).__name__ == "HttpRequestException"
    assert str(record).startswith("An error occurred while sending the request")
    assert str(record.category_info.category) == "ConnectionError"
    no_traceback(record)
    assert len(posts(shell)) == 1
    shell.run("Clear-PwshlikeEmulatorFault")
    assert shell.value(COUNT_GRANTS) == before


@pytest.mark.parametrize("value, shown", [
    ("'just a string'", '"just a string" value of type "System.String"'),
    ("'{\"clientId\": \"x\"}'", 'value of type "System.String"'),
    ("@(1, 2)", '"1 2" value of type "System.Object[]"'),
    ("42", 'value of type "System.Int32"'),
])
def test_a_body_parameter_that_is_not_a_grant_is_a_binding_error(shell: GraphShell, value: str, shown: str) -> None:
    record = shell.failure(f"New-MgOauth2PermissionGrant -BodyParameter {value}")
    assert record.fully_qualified_error_id == "CannotConvertArgumentNoMessage,New-MgOauth2PermissionGrant"
    assert shown in str(record) and "IMicrosoftGraphOAuth2PermissionGrant" in str(record)
    no_traceback(record)
    assert posts(shell) == []


@pytest.mark.parametrize("body, code, variant", [
    (f"@{{clientId = 42; consentType = 'AllPrincipals'; resourceId = '{RESOURCE}'}}", "Request_BadRequest",
     "Create"),
    (f"@{{clientId = '{CLIENT}'; consentType = 'AllPrincipals'; resourceId = '{RESOURCE}'; expiryTime = 'soon'}}",
     "BadRequest", "Create"),
])
def test_wrong_types_and_unknown_properties_are_graphs_errors(shell: GraphShell, body: str, code: str,
                                                              variant: str) -> None:
    record = shell.failure(f"New-MgOauth2PermissionGrant -BodyParameter {body}")
    assert record.fully_qualified_error_id == f"{code},{NEW}_{variant}"
    assert record.exception.message.startswith(f"[{code}] : ")
    assert str(record.category_info.category) == "InvalidOperation"
    assert f"\nStatus: 400 (BadRequest)\nErrorCode: {code}\n" in record.error_details.message
    no_traceback(record)


def test_wrong_typed_consent_type_is_refused_before_sending(shell: GraphShell) -> None:
    record = shell.failure(f"New-MgOauth2PermissionGrant -BodyParameter @{{clientId = '{CLIENT}'; "
                           f"consentType = @(1, 2); resourceId = '{RESOURCE}'}}")
    assert record.fully_qualified_error_id == "InvalidGrant,New-MgOauth2PermissionGrant"
    no_traceback(record)
    assert posts(shell) == []


def test_an_unknown_service_principal_id(shell: GraphShell) -> None:
    record = shell.failure("New-MgOauth2PermissionGrant -ClientId 00000000-0000-0000-0000-000000000000 "
                           f"-ConsentType AllPrincipals -ResourceId {RESOURCE}")
    assert record.fully_qualified_error_id == f"Request_BadRequest,{NEW}_CreateExpanded"
    assert record.exception.message.startswith("[Request_BadRequest] : ")
    text = format_error(record)
    assert text.startswith("New-MgOauth2PermissionGrant_CreateExpanded: ") and "Status: 400 (BadRequest)" in text
    no_traceback(record)


@pytest.mark.parametrize("request_, status, code", [
    ("GET v1.0/oauth2PermissionGrants/does-not-exist", "404 Not Found", "Request_ResourceNotFound"),
    ("PATCH v1.0/oauth2PermissionGrants/does-not-exist -Body @{scope = 'User.Read'}", "404 Not Found",
     "Request_ResourceNotFound"),
    ("DELETE v1.0/oauth2PermissionGrants/does-not-exist", "404 Not Found", "Request_ResourceNotFound"),
    ("GET 'v1.0/oauth2PermissionGrants?$filter=clientId eq'", "400 Bad Request", None),
    ("GET 'v1.0/users?$filter=(displayName eq ''x'''", "400 Bad Request", None),
    ("POST v1.0/oauth2PermissionGrants -Body '{not json'", "400 Bad Request", None),
    ("POST v1.0/oauth2PermissionGrants -Body '[1, 2]'", "400 Bad Request", None),
])
def test_graphs_errors_through_invoke_mg_graph_request(shell: GraphShell, request_: str, status: str,
                                                       code: str) -> None:
    record = shell.failure(f"Invoke-MgGraphRequest {request_}")
    assert record.fully_qualified_error_id == f"InvokeGraphHttpResponseException,{INVOKE}"
    assert type(record.exception).__name__ == "HttpResponseException"
    text = format_error(record)
    assert f"HTTP/1.1 {status}\n" in text and '{"error":{"code":"' in text
    if code:
        assert f'"code":"{code}"' in text
    assert "Bearer " not in text and "authorization" not in text.lower()
    no_traceback(record)


@pytest.mark.parametrize("command, code, variant", [
    ('Get-MgOauth2PermissionGrant -Filter "clientId eq"', "BadRequest", "GetMgOauth2PermissionGrant_List"),
    ("Get-MgUser -Filter \"(displayName eq 'x'\"", "BadRequest", "GetMgUser_List"),
    ("Get-MgOauth2PermissionGrant -OAuth2PermissionGrantId does-not-exist", "Request_ResourceNotFound",
     "GetMgOauth2PermissionGrant_Get"),
])
def test_get_cmdlets_with_a_bad_filter_or_a_missing_id(shell: GraphShell, command: str, code: str,
                                                       variant: str) -> None:
    record = shell.failure(command)
    assert record.fully_qualified_error_id == f"{code},Microsoft.Graph.PowerShell.Cmdlets.{variant}"
    assert record.exception.message.startswith(f"[{code}] : ")
    assert str(record.category_info.category) == "InvalidOperation"
    assert "Status: 4" in record.error_details.message
    no_traceback(record)


def test_no_token_in_error_details_or_debug(shell: GraphShell) -> None:
    result = shell.result("New-MgOauth2PermissionGrant -ClientId 00000000-0000-0000-0000-000000000000 "
                          f"-ConsentType AllPrincipals -ResourceId {RESOURCE} -Debug; "
                          "Invoke-MgGraphRequest GET v1.0/oauth2PermissionGrants/does-not-exist -Debug")
    records = result.errors
    assert len(records) == 2
    trace = "\n".join(result.debug)
    assert "Authorization                 : [Filtered]" in trace
    from pwshlike_msgraph import connection
    token = connection.current().http._bearer()  # the access token every request sent
    assert len(token) > 100
    for text in [trace] + [format_error(r) + str(r.error_details) + str(r) for r in records]:
        assert "Bearer " not in text and "eyJ" not in text and token not in text and token[-40:] not in text
