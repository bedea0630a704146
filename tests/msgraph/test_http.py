"""The shared Graph HTTP layer with httpx.MockTransport: the SDK's headers,
its RetryHandler (statuses, Retry-After as seconds or a date, backoff, the
limit), no retry of other statuses or dropped connections, error records
and -Debug redaction."""

from __future__ import annotations

import datetime
import email.utils
import os

import httpx
import pytest

from pwshlike.plugin import hookimpl
from pwshlike.plugins.manager import PluginHost
from pwshlike_msgraph.http import (
    GraphHttp, RequestContext, TooManyRetries, graph_error_record, retry_delay,
)

from helpers.session import PluginSession

URL = "https://graph.example.test/v1.0/users"
ERROR = {"error": {"code": "Request_BadRequest", "message": "Invalid object identifier 'x'.",
                   "innerError": {"date": "2026-12-06T10:00:00", "request-id": "r1", "client-request-id": "c1"}}}


def graph(answers: list, seen: list, settings: RequestContext = RequestContext()) -> tuple[GraphHttp, list]:
    waits: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = answers.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    client = httpx.Client(transport=httpx.MockTransport(answer))
    return GraphHttp(client, lambda: "secret-token", sleep=waits.append), waits


def send(http: GraphHttp, settings: RequestContext = RequestContext(), debug=None) -> httpx.Response:
    return http.send("POST", URL, command="Invoke-MgGraphRequest", ps_version="7.4.6", content=b"{}",
                     headers={"X-Extra": "1"}, debug=debug, settings=settings)


def test_the_sdks_headers_and_merged_headers() -> None:
    seen: list = []
    http, _ = graph([httpx.Response(200)], seen)
    send(http)
    headers = seen[0].headers
    assert headers["authorization"] == "Bearer secret-token" and headers["sdkversion"] == "graph-powershell/2.25.0"
    assert headers["user-agent"].startswith("Mozilla/5.0 (") and headers["user-agent"].endswith(
        "PowerShell/7.4.6 Invoke-MgGraphRequest")
    assert len(headers["client-request-id"]) == 36 and headers["x-extra"] == "1"
    assert "retry-attempt" not in headers


@pytest.mark.parametrize("status", [429, 503, 504])
def test_throttling_statuses_are_retried_after_retry_after_seconds(status: int) -> None:
    seen: list = []
    http, waits = graph([httpx.Response(status, headers={"Retry-After": "7"}), httpx.Response(201)], seen)
    assert send(http).status_code == 201
    assert waits == [7.0] and seen[1].headers["retry-attempt"] == "1"
    assert seen[0].headers["client-request-id"] == seen[1].headers["client-request-id"]
    assert seen[1].content == b"{}"


def test_retry_after_as_an_http_date() -> None:
    now = datetime.datetime(2026, 12, 6, 10, 0, 0, tzinfo=datetime.timezone.utc)
    later = email.utils.format_datetime(now + datetime.timedelta(seconds=12), usegmt=True)
    assert retry_delay(httpx.Response(429, headers={"Retry-After": later}), 0, 3, now) == 12.0
    assert retry_delay(httpx.Response(429, headers={"Retry-After": "100000"}), 0, 3, now) == 180.0


def test_exponential_backoff_then_too_many_retries() -> None:
    seen: list = []
    http, waits = graph([httpx.Response(503) for _ in range(4)], seen)
    with pytest.raises(TooManyRetries) as failure:
        send(http)
    assert waits == [3.0, 6.0, 12.0] and [r.headers.get("retry-attempt") for r in seen] == [None, "1", "2", "3"]
    assert str(failure.value.message) == ("Too many retries performed. More than 3 retries encountered while "
                                          "sending the request.")


def test_max_retry_and_time_limit_from_the_request_context() -> None:
    seen: list = []
    http, waits = graph([httpx.Response(429) for _ in range(2)], seen)
    with pytest.raises(TooManyRetries, match="More than 1 retries"):
        send(http, RequestContext(max_retry=1, retry_delay=1))
    seen.clear()
    http, waits = graph([httpx.Response(429, headers={"Retry-After": "10"})], seen)
    assert send(http, RequestContext(retries_time_limit=5)).status_code == 429 and waits == [] and len(seen) == 1


@pytest.mark.parametrize("answer", [httpx.Response(500), httpx.Response(502), httpx.Response(400),
                                    httpx.RemoteProtocolError("Server disconnected without sending a response.")])
def test_nothing_else_is_retried(answer) -> None:
    seen: list = []
    http, waits = graph([answer, httpx.Response(200)], seen)
    if isinstance(answer, Exception):
        with pytest.raises(httpx.RemoteProtocolError):
            send(http)
    else:
        assert send(http).status_code == answer.status_code
    assert len(seen) == 1 and waits == []


def test_the_sdks_error_record_for_generated_cmdlets() -> None:
    response = httpx.Response(400, json=ERROR, headers={"request-id": "r1", "Authorization": "Bearer leaked"})
    record = graph_error_record(response, "NewMgOauth2PermissionGrant_CreateExpanded")
    record.set_command_origin("New-MgOauth2PermissionGrant")
    assert record.exception.message == "[Request_BadRequest] : Invalid object identifier 'x'."
    assert record.fully_qualified_error_id == ("Request_BadRequest,Microsoft.Graph.PowerShell.Cmdlets."
                                               "NewMgOauth2PermissionGrant_CreateExpanded")
    assert str(record.category_info.category) == "InvalidOperation"
    details = record.error_details.message
    assert details.startswith("Invalid object identifier 'x'.\n\nStatus: 400 (BadRequest)\nErrorCode: "
                              "Request_BadRequest\nDate: 2026-12-06T10:00:00\n\nHeaders:\n")
    assert f"{'request-id':<30}: r1" in details and "leaked" not in details


def test_debug_shows_the_exchange_without_the_token() -> None:
    seen: list = []
    lines: list[str] = []
    http, _ = graph([httpx.Response(200, json={"ok": True})], seen)
    send(http, debug=lines.append)
    assert "HTTP REQUEST" in lines[0] and "HTTP RESPONSE" in lines[1]
    assert "[Filtered]" in lines[0] and "secret-token" not in "".join(lines)
    assert '{"ok":true}' in lines[1].replace(" ", "")


class _Throttled:
    """A plugin whose transport throttles once, then answers."""

    def __init__(self) -> None:
        self.seen: list = []

    @hookimpl
    def pwshlike_http_transport(self):
        def answer(request: httpx.Request) -> httpx.Response:
            self.seen.append(request)
            if request.url.path.endswith("/token"):
                return httpx.Response(400)
            if len(self.seen) == 1:
                return httpx.Response(429, headers={"Retry-After": "0"})
            return httpx.Response(200, json={"value": [{"id": "1"}]})
        return httpx.MockTransport(answer)


def test_invoke_mggraphrequest_through_the_transport_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connect-MgGraph -AccessToken, then a request whose first answer is a 429."""
    import base64
    import json
    import time
    plugin = _Throttled()
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"}, plugins=[("throttled", plugin)])
    session = PluginSession(host)
    claims = {"exp": int(time.time()) + 3600, "tid": "t1", "appid": "a1"}
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    token = f"eyJhbGciOiJub25lIn0.{body}.sig"
    try:
        session.run(f"Connect-MgGraph -AccessToken (ConvertTo-SecureString '{token}' -AsPlainText -Force) -NoWelcome")
        [result] = session.run("Invoke-MgGraphRequest GET /v1.0/users")
        assert result["value"][0]["id"] == "1"
        assert [r.headers.get("retry-attempt") for r in plugin.seen] == [None, "1"]
        assert str(plugin.seen[0].url) == "https://graph.microsoft.com/v1.0/users"
        assert session.errors() == []
        session.run("Invoke-MgGraphRequest GET https://elsewhere.example.test/v1.0/users")
        assert "Invalid Host elsewhere.example.test" in str(session.errors()[0])
    finally:
        session.run("$null = Disconnect-MgGraph")
        host.shutdown()


class _Cmdlet:
    """What request.send needs of a cmdlet, recording the errors it writes."""

    command_name = "New-MgOauth2PermissionGrant"

    def __init__(self) -> None:
        self.errors: list = []
        self.context = self

    def get_variable_value(self, name: str):
        return {"PSVersion": "7.4.6"}

    def write_error(self, record) -> None:
        record.set_command_origin(self.command_name)
        self.errors.append(record)

    def write_debug(self, text: str) -> None:
        pass

    def stream_enabled(self, stream: str) -> bool:
        return False

    def invocation_as(self, name: str, implementing_type: str) -> str:
        return name

    def write_warning(self, text: str) -> None:
        pass

    write_verbose = write_warning


def test_generated_cmdlets_report_through_request_send() -> None:
    from types import SimpleNamespace

    from pwshlike_msgraph import connection, request
    cmdlet = _Cmdlet()
    variant = "NewMgOauth2PermissionGrant_CreateExpanded"
    assert request.send(cmdlet, "POST", "/v1.0/oauth2PermissionGrants", command_type=variant, body={}) is None
    assert cmdlet.errors[0].fully_qualified_error_id == f"Microsoft.Graph.PowerShell.Cmdlets.{variant}"
    assert cmdlet.errors[0].message == "Authentication needed. Please call Connect-MgGraph."
    assert cmdlet.errors[0].invocation_info == "New-MgOauth2PermissionGrant_CreateExpanded"
    answers = [httpx.Response(409, json={"error": {"code": "Request_MultipleObjectsWithSameKeyValue",
                                                   "message": "Permission entry already exists."}}),
               httpx.Response(201, json={"id": "g1"})]
    sent: list = []
    client = httpx.Client(transport=httpx.MockTransport(lambda r: sent.append(r) or answers.pop(0)))
    token = SimpleNamespace(access_token="t", expires_on=datetime.datetime.max.replace(tzinfo=datetime.timezone.utc))
    cloud = SimpleNamespace(endpoints={"GraphEndpoint": "https://graph.example.test"})
    connection.replace(connection.GraphConnection(None, cloud, client, token, None))
    try:
        assert request.send(cmdlet, "POST", "/v1.0/oauth2PermissionGrants", command_type=variant,
                            body={"clientId": "c"}) is None
        record = cmdlet.errors[1]
        assert record.fully_qualified_error_id == f"Request_MultipleObjectsWithSameKeyValue,Microsoft.Graph." \
                                                  f"PowerShell.Cmdlets.{variant}"
        assert str(record) .startswith("Permission entry already exists.")  # ErrorDetails, as pwsh shows it
        assert record.exception.message == "[Request_MultipleObjectsWithSameKeyValue] : Permission entry already " \
                                           "exists."
        response = request.send(cmdlet, "POST", "v1.0/oauth2PermissionGrants", command_type=variant,
                                body={"clientId": "c"})
        assert response.json() == {"id": "g1"} and sent[1].content == b'{"clientId": "c"}'
        assert sent[1].headers["content-type"] == "application/json"
        assert str(sent[1].url) == "https://graph.example.test/v1.0/oauth2PermissionGrants"
    finally:
        connection.replace(None)


class _AlwaysThrottled:
    """A plugin whose transport always answers 503 with Retry-After: 0."""

    def __init__(self) -> None:
        self.seen: list = []

    @hookimpl
    def pwshlike_http_transport(self):
        def answer(request: httpx.Request) -> httpx.Response:
            self.seen.append(request)
            return httpx.Response(503, headers={"Retry-After": "0"})
        return httpx.MockTransport(answer)


def test_set_mgrequestcontext_limits_the_retries_of_invoke_mggraphrequest() -> None:
    import base64
    import json
    import time

    from pwshlike_msgraph.http import REQUEST_CONTEXT
    saved = RequestContext(**vars(REQUEST_CONTEXT))
    plugin = _AlwaysThrottled()
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"}, plugins=[("throttled", plugin)])
    session = PluginSession(host)
    body = base64.urlsafe_b64encode(json.dumps({"exp": int(time.time()) + 3600}).encode()).decode().rstrip("=")
    try:
        session.run(f"Connect-MgGraph -AccessToken (ConvertTo-SecureString 'eyJhbGciOiJub25lIn0.{body}.s' "
                    "-AsPlainText -Force) -NoWelcome; Set-MgRequestContext -MaxRetry 2 -RetryDelay 1 "
                    "-ClientTimeout 30; Invoke-MgGraphRequest GET v1.0/users")
        assert (REQUEST_CONTEXT.max_retry, REQUEST_CONTEXT.retry_delay, REQUEST_CONTEXT.client_timeout) == (2, 1, 30)
        [record] = session.errors()
        assert record.message == ("Too many retries performed. More than 2 retries encountered while sending the "
                                  "request.")
        assert record.fully_qualified_error_id == "Microsoft.Graph.PowerShell.Authentication.Cmdlets." \
                                                  "InvokeMgGraphRequest"
        assert [r.headers.get("retry-attempt") for r in plugin.seen] == [None, "1", "2"]
        [settings] = session.run("Get-MgRequestContext")
        assert (settings.MaxRetry, settings.RetryDelay, settings.ClientTimeout.total_seconds()) == (2, 1, 30)
        session.run("Set-MgRequestContext -MaxRetry 11")
        assert "MaxRetry" in str(session.errors()[0]) and REQUEST_CONTEXT.max_retry == 2
    finally:
        for name, value in vars(saved).items():
            setattr(REQUEST_CONTEXT, name, value)
        session.run("$null = Disconnect-MgGraph")
        host.shutdown()


def test_failure_records_of_requests_without_an_answer() -> None:
    from pwshlike_msgraph.http import failure_record
    origin = "Microsoft.Graph.PowerShell.Cmdlets.NewMgOauth2PermissionGrant_Create"
    record = failure_record(httpx.RemoteProtocolError("Server disconnected without sending a response."), origin)
    assert record.exception.full_name == "System.Net.Http.HttpRequestException"
    assert str(record) == ("An error occurred while sending the request: Server disconnected without sending a "
                           "response.")
    record.set_command_origin("New-MgOauth2PermissionGrant")
    assert record.fully_qualified_error_id == origin and str(record.category_info.category) == "ConnectionError"
    assert failure_record(TooManyRetries(3), origin).exception.message.startswith("Too many retries performed.")
    assert failure_record(KeyError("a bug"), origin) is None


class _Dropped:
    """A plugin whose transport drops every connection."""

    def __init__(self) -> None:
        self.seen: list = []

    @hookimpl
    def pwshlike_http_transport(self):
        def answer(request: httpx.Request) -> httpx.Response:
            self.seen.append(request)
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return httpx.MockTransport(answer)


def test_a_dropped_connection_ends_invoke_mggraphrequest_once() -> None:
    import base64
    import json
    import time
    plugin = _Dropped()
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"}, plugins=[("dropped", plugin)])
    session = PluginSession(host)
    body = base64.urlsafe_b64encode(json.dumps({"exp": int(time.time()) + 3600}).encode()).decode().rstrip("=")
    try:
        session.run(f"Connect-MgGraph -AccessToken (ConvertTo-SecureString 'eyJhbGciOiJub25lIn0.{body}.s' "
                    "-AsPlainText -Force) -NoWelcome; Invoke-MgGraphRequest POST v1.0/users -Body @{a = 1}")
        [record] = session.errors()
        assert record.fully_qualified_error_id == ("InvokeGraphHttpResponseException,Microsoft.Graph.PowerShell."
                                                   "Authentication.Cmdlets.InvokeMgGraphRequest")
        assert record.exception.full_name == "System.Net.Http.HttpRequestException"
        assert str(record) == "Server disconnected without sending a response." and len(plugin.seen) == 1
    finally:
        session.run("$null = Disconnect-MgGraph")
        host.shutdown()
