"""Invoke-RestMethod and Invoke-WebRequest: unit tests through
httpx.MockTransport (``web_client.transport_override``) and end-to-end
tests against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from typing import Any, Callable

import httpx
import pytest

from helpers.session import Shell
from pwshlike.commands.builtins import web_client
from pwshlike.dotnet.values import PSCustomObject

TOKEN = "tok-9f8e7d"


class Server:
    """A MockTransport whose handler the test sets; requests are recorded."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.handler: Callable[[httpx.Request], httpx.Response] = lambda r: httpx.Response(200, text="ok")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)


@pytest.fixture
def server(monkeypatch) -> Server:
    srv = Server()
    monkeypatch.setattr(web_client, "transport_override", httpx.MockTransport(srv))
    monkeypatch.setattr(web_client, "pause", lambda seconds: None)
    return srv


@pytest.fixture
def sh() -> Shell:
    return Shell()


def json_response(status: int, value: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(value).encode(),
                          headers={"Content-Type": "application/json; charset=utf-8", **headers})


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


# --- Invoke-RestMethod ------------------------------------------------------------------------

def test_json_becomes_objects_and_verbose_reports_the_exchange(server, sh):
    document = {"name": "x", "n": 3, "when": "2024-01-02T03:04:05Z", "tags": ["a", "b"]}
    server.handler = lambda r: json_response(200, document)
    out = sh.run("Invoke-RestMethod https://api.test/items -Verbose")
    assert len(out) == 1 and isinstance(out[0], PSCustomObject)
    assert sh.run("$r = Invoke-RestMethod https://api.test/items; $r.name; $r.n; $r.tags.Count; "
                  "$r.when.GetType().FullName; $r.when.Hour") == ["x", 3, 2, "System.DateTime", 3]
    assert sh.verbose()[:3] == ["Requested HTTP/1.1 GET with 0-byte payload",
                                f"Received HTTP/1.1 {len(json.dumps(document))}-byte response of content type "
                                "application/json",
                                "Content encoding: utf-8"]


def test_json_arrays_are_enumerated_and_text_stays_text(server, sh):
    server.handler = lambda r: json_response(200, [{"a": 1}, {"a": 2}])
    assert sh.run("Invoke-RestMethod https://api.test/ | ForEach-Object a") == [1, 2]
    server.handler = lambda r: httpx.Response(200, text="plain words", headers={"Content-Type": "text/plain"})
    assert sh.run("Invoke-RestMethod https://api.test/") == ["plain words"]
    server.handler = lambda r: httpx.Response(204)
    assert sh.run("Invoke-RestMethod https://api.test/ -Method Delete") == []
    assert server.requests[-1].method == "DELETE"


def test_uri_without_scheme_gets_http_and_hashtable_body_on_get_is_the_query(server, sh):
    sh.run("Invoke-RestMethod api.test/search?x=1 -Body @{q='a b'; n='~!'}")
    assert str(server.requests[-1].url) == "http://api.test/search?x=1&q=a+b&n=%7E!"
    assert server.requests[-1].content == b""


def test_post_bodies_and_content_types(server, sh):
    sh.run("Invoke-RestMethod https://api.test/ -Method Post -Body @{x=1; y='a&b'}")
    request = server.requests[-1]
    assert request.content == b"x=1&y=a%26b"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    sh.run("Invoke-RestMethod https://api.test/ -Method Put -Body '{\"k\":\"é\"}' -ContentType 'application/json'")
    assert server.requests[-1].content == '{"k":"é"}'.encode()
    assert server.requests[-1].headers["Content-Type"] == "application/json"
    sh.run("Invoke-RestMethod https://api.test/ -Method Post -Body ([byte[]](1,2,255)) "
           "-ContentType application/octet-stream")
    assert server.requests[-1].content == b"\x01\x02\xff"
    sh.run("Invoke-RestMethod https://api.test/ -CustomMethod report -Body x")
    assert server.requests[-1].method == "REPORT"


def test_headers_and_user_agent(server, sh):
    sh.run("Invoke-RestMethod https://api.test/ -Headers @{'X-Custom'='v'; Accept='application/json'; Skip=$null}")
    request = server.requests[-1]
    assert request.headers["X-Custom"] == "v" and request.headers["Accept"] == "application/json"
    assert "Skip" not in request.headers
    assert request.headers["User-Agent"].startswith("Mozilla/5.0 (") and \
        request.headers["User-Agent"].endswith(") PowerShell/7.4.6")
    sh.run("Invoke-RestMethod https://api.test/ -UserAgent 'agent/1'")
    assert server.requests[-1].headers["User-Agent"] == "agent/1"


def test_bearer_token_is_sent_and_never_shown(server, sh):
    server.handler = lambda r: json_response(401, {"error": "expired"})
    sh.run(f"$t = ConvertTo-SecureString '{TOKEN}' -AsPlainText; "
           "Invoke-RestMethod https://api.test/me -Authentication Bearer -Token $t -Verbose")
    assert server.requests[-1].headers["Authorization"] == f"Bearer {TOKEN}"
    error = only_error(sh)
    shown = [str(error), str(error.exception), str(error.target_object), str(error.category_info),
             *[text for _, text in sh.host.lines]]
    assert not any(TOKEN in text for text in shown)
    assert str(error.target_object) == "Method: GET, RequestUri: 'https://api.test/me', Version: 1.1"


def test_authentication_parameter_validation(server, sh):
    sh.run(f"$t = ConvertTo-SecureString '{TOKEN}' -AsPlainText; "
           "Invoke-RestMethod http://api.test/ -Authentication Bearer -Token $t")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "WebCmdletAllowUnencryptedAuthenticationRequiredException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"
    assert str(error).startswith("The cmdlet cannot protect plain text secrets sent over unencrypted connections.")
    assert server.requests == []
    sh.run("$Error.Clear(); Invoke-RestMethod https://api.test/ -Authentication Bearer")
    error = only_error(sh)
    assert error.fully_qualified_error_id.startswith("WebCmdletAuthenticationTokenNotSuppliedException,")
    assert str(error) == ("The cmdlet cannot run because the following parameter is not specified: Token. The "
                          "supplied Authentication type requires a Token. Specify Token, then retry.")
    sh.run(f"$Error.Clear(); Invoke-RestMethod http://api.test/ -Authentication Bearer -Token $t "
           "-AllowUnencryptedAuthentication")
    assert sh.errors() == [] and server.requests[-1].headers["Authorization"] == f"Bearer {TOKEN}"


def test_basic_authentication_and_challenged_credentials(server, sh):
    sh.run("$c = [pscredential]::new('user', (ConvertTo-SecureString 'pa:ss' -AsPlainText)); "
           "Invoke-RestMethod https://api.test/ -Authentication Basic -Credential $c")
    assert server.requests[-1].headers["Authorization"] == "Basic dXNlcjpwYTpzcw=="

    seen: list[bool] = []

    def challenge(request: httpx.Request) -> httpx.Response:
        seen.append("Authorization" in request.headers)
        if not seen[-1]:
            return httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="x"'})
        return httpx.Response(200, text="in", headers={"Content-Type": "text/plain"})

    server.handler = challenge
    assert sh.run("Invoke-RestMethod https://api.test/ -Credential $c") == ["in"]
    assert seen == [False, True]


def test_http_error_message_details_and_response(server, sh):
    server.handler = lambda r: json_response(404, {"error": {"code": "NotFound"}})
    sh.run("Invoke-RestMethod https://api.test/x")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"
    assert str(error.category_info.category) == "InvalidOperation"
    assert error.exception.full_name == "Microsoft.PowerShell.Commands.HttpResponseException"
    assert error.exception.message == "Response status code does not indicate success: 404 (Not Found)."
    assert str(error) == '\n{\n  "error": {\n    "code": "NotFound"\n  }\n}'
    assert sh.run("try { Invoke-RestMethod https://api.test/x } catch { "
                  "\"$($_.Exception.Response.StatusCode)\"; [int]$_.Exception.Response.StatusCode }") == \
        ["NotFound", 404]
    server.handler = lambda r: httpx.Response(500)
    sh.run("$Error.Clear(); Invoke-WebRequest https://api.test/x")
    error = only_error(sh)
    assert str(error) == "Response status code does not indicate success: 500 (Internal Server Error)."
    assert error.fully_qualified_error_id.endswith(",Microsoft.PowerShell.Commands.InvokeWebRequestCommand")
    server.handler = lambda r: httpx.Response(400, text="<html><b>Bad</b> input</html>",
                                              headers={"Content-Type": "text/html"})
    sh.run("$Error.Clear(); Invoke-RestMethod https://api.test/x")
    assert str(only_error(sh)) == "Bad input"


def test_skip_http_error_check_and_result_variables(server, sh):
    server.handler = lambda r: json_response(409, {"state": "busy"}, **{"X-Req": "7"})
    out = sh.run("Invoke-RestMethod https://api.test/ -SkipHttpErrorCheck -StatusCodeVariable sc "
                 "-ResponseHeadersVariable rh | ForEach-Object state; $sc; $rh['x-req']; $rh['Content-Type']")
    assert out == ["busy", 409, "7", "application/json; charset=utf-8"]
    assert sh.errors() == []


def test_retries_on_failure_statuses(server, sh):
    statuses = iter([503, 503, 200])
    server.handler = lambda r: httpx.Response(next(statuses), text="done", headers={"Content-Type": "text/plain"})
    assert sh.run("Invoke-RestMethod https://api.test/ -MaximumRetryCount 3 -RetryIntervalSec 2 -Verbose") == ["done"]
    assert len(server.requests) == 3
    retries = [line for line in sh.verbose() if line.startswith("Retrying")]
    assert retries == ["Retrying after interval of 2 seconds. Status code for previous attempt: ServiceUnavailable"] * 2


def test_redirects_follow_pwsh_rules(server, sh):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(302, headers={"Location": "/new"})
        return httpx.Response(200, text=request.method, headers={"Content-Type": "text/plain"})

    server.handler = handler
    sh.run(f"$t = ConvertTo-SecureString '{TOKEN}' -AsPlainText")
    assert sh.run("Invoke-RestMethod https://api.test/old -Method Post -Body x -Authentication Bearer -Token $t") == \
        ["GET"]
    assert "Authorization" not in server.requests[-1].headers
    assert sh.run("Invoke-RestMethod https://api.test/old -Method Post -Body x -PreserveHttpMethodOnRedirect") == \
        ["POST"]
    sh.run("Invoke-RestMethod https://api.test/old -MaximumRedirection 0")
    assert str(only_error(sh)) == "Response status code does not indicate success: 302 (Found)."


def test_insecure_redirect_is_refused(server, sh):
    server.handler = lambda r: httpx.Response(301, headers={"Location": "http://api.test/plain"})
    sh.run("Invoke-RestMethod https://api.test/")
    error = only_error(sh)
    assert error.fully_qualified_error_id.startswith("InsecureRedirection,")
    assert str(error) == ("Cannot follow an insecure redirection by default. Reissue the command specifying the "
                          "-AllowInsecureRedirect switch. ")


def test_follow_rel_link_pages(server, sh):
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        headers = {"Link": f'<https://api.test/list?page={page + 1}>; rel="next"'} if page < 3 else {}
        return json_response(200, [page], **headers)

    server.handler = handler
    assert sh.run("Invoke-RestMethod https://api.test/list -FollowRelLink") == [1, 2, 3]
    assert sh.run("Invoke-RestMethod https://api.test/list -FollowRelLink -MaximumFollowRelLink 2") == [1, 2]


# --- Invoke-WebRequest ------------------------------------------------------------------------

def test_web_request_returns_the_response_object(server, sh):
    server.handler = lambda r: httpx.Response(200, text="<p>hi</p>", headers={"Content-Type": "text/html",
                                                                             "X-A": "1"})
    out = sh.run("$w = Invoke-WebRequest https://site.test/; $w.StatusCode; $w.StatusDescription; $w.Content; "
                 "$w.Headers['X-A']; $w.RawContentLength; $w.GetType().FullName; \"$w\"")
    assert out == [200, "OK", "<p>hi</p>", "1", 9, "Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject",
                   "<p>hi</p>"]
    raw = sh.run("(Invoke-WebRequest https://site.test/).RawContent")[0]
    assert raw.startswith("HTTP/1.1 200 OK\r\n") and raw.endswith("\r\n\r\n<p>hi</p>")
    assert "X-A: 1\r\n" in raw


def test_web_request_binary_content_is_bytes(server, sh):
    server.handler = lambda r: httpx.Response(200, content=b"\x00\x01", headers={"Content-Type": "image/png"})
    assert sh.run("$w = Invoke-WebRequest https://site.test/i.png; $w.GetType().FullName; $w.Content.GetType().FullName; "
                  "$w.Content[1]") == ["Microsoft.PowerShell.Commands.WebResponseObject", "System.Byte[]", 1]


def test_out_file_and_pass_thru(server, sh, tmp_path):
    server.handler = lambda r: httpx.Response(200, content=b"data!", headers={"Content-Type": "text/plain"})
    sh.context.session.location = str(tmp_path)
    assert sh.run("Invoke-WebRequest https://site.test/f.txt -OutFile got.txt") == []
    assert (tmp_path / "got.txt").read_bytes() == b"data!"
    assert sh.run("Invoke-RestMethod https://site.test/f.txt -OutFile got2.txt -PassThru") == ["data!"]
    sh.run("Invoke-RestMethod https://site.test/ -PassThru")
    error = only_error(sh)
    assert error.fully_qualified_error_id.startswith("WebCmdletOutFileMissingException,")
    assert str(error) == ("The cmdlet cannot run because the following parameter is missing: OutFile. Provide a "
                          "valid OutFile parameter value when using the PassThru parameter, then retry.")


# --- end to end over real sockets ---------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/missing":
            body = b'{"message":"no such thing"}'
            self.send_response(404)
        else:
            body = json.dumps({"path": self.path, "agent": self.headers.get("User-Agent")}).encode()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"received": data.decode()}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def live_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_end_to_end_against_a_real_server(live_server, sh):
    assert web_client.transport_override is None
    assert sh.run(f"(Invoke-RestMethod '{live_server}/things?id=1').path") == ["/things?id=1"]
    assert sh.run(f"(Invoke-RestMethod '{live_server}/p' -Method Post -Body 'hello').received") == ["hello"]
    assert sh.run(f"(Invoke-WebRequest '{live_server}/x').StatusCode") == [200]
    sh.run(f"Invoke-RestMethod '{live_server}/missing'")
    error = only_error(sh)
    assert error.exception.message == "Response status code does not indicate success: 404 (Not Found)."
    assert str(error) == '\n{\n  "message": "no such thing"\n}'


def test_connection_refused_is_an_http_request_exception(sh):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sh.run(f"Invoke-RestMethod http://127.0.0.1:{port}/")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"
    assert error.exception.full_name == "System.Net.Http.HttpRequestException"
    assert error.exception.message == f"Connection refused (127.0.0.1:{port})"
    assert str(error) == "Connection refused"
