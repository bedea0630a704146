"""Invoke-MgGraphRequest: any Graph request over the connection, through
the shared HTTP layer (:mod:`.http`), with the SDK's output types and its
error for an unsuccessful answer."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any, Iterator, Optional

from pwshlike.plugin import (
    ArgumentException, Cmdlet, CmdletSignInUI, ErrorCategory, ErrorDetails, ErrorRecord, Hashtable,
    HttpRequestException, Parameter, PSCustomObject, cmdlet, validate_set,
)

from . import connection
from .context import ps_version
from .http import failure_record, json_ready, response_headers
from .response import HttpResponseMessage

COMMAND_TYPE = "Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest"
OUTPUT_TYPES = ("HashTable", "PSObject", "HttpResponseMessage", "Json")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class HttpResponseException(HttpRequestException):
    """The SDK's ``HttpResponseException``: Graph answered with an error status."""

    full_name = "Microsoft.Graph.PowerShell.Authentication.Helpers.HttpResponseException"


@cmdlet("Invoke-MgGraphRequest")
class InvokeMgGraphRequest(Cmdlet):
    """Sends a request to Microsoft Graph over the current connection.

    -Uri is relative to the connection's Graph endpoint (v1.0/users or
    /v1.0/users) or absolute on that endpoint. A JSON answer is returned as
    a hashtable (the default), a PSCustomObject or the JSON text."""

    help_notes = ("An unsuccessful status ends the command with the request line, the status, the response headers "
                  "and the body (never the Authorization header). Throttled requests (429, 503, 504) are retried "
                  "as Set-MgRequestContext says. -OutputType HttpResponseMessage returns successful answers (and, "
                  "with -SkipHttpErrorCheck, the others); its StatusCode is the number.")

    method = Parameter("String", position=0, aliases=("HttpMethod",), validators=(validate_set(list(METHODS)),),
                       accepted_values=METHODS, help="The HTTP method (GET by default).")
    uri = Parameter("String", position=1, mandatory=True, help="The Graph URI, relative or absolute.")
    body = Parameter("Object", position=2, value_from_pipeline=True,
                     help="The request body: a hashtable (sent as JSON) or a string.")
    output_file_path = Parameter("String", aliases=("OutFile",), help="Writes the response body to this file.")
    headers = Parameter("IDictionary", full_type_name="System.Collections.IDictionary",
                        help="Further request headers.")
    content_type = Parameter("String", help="The body's content type (application/json by default).")
    response_headers_variable = Parameter("String", aliases=("RHV",),
                                          help="A variable to receive the response headers.")
    status_code_variable = Parameter("String", aliases=("SCV",), help="A variable to receive the status code.")
    skip_http_error_check = Parameter("SwitchParameter", help="Returns error answers instead of failing.")
    output_type = Parameter("String", accepted_values=OUTPUT_TYPES, validators=(validate_set(list(OUTPUT_TYPES)),),
                            help="HashTable (default), PSObject, HttpResponseMessage or Json.")

    def process_record(self) -> Iterator[Any]:
        current = connection.current()
        if current is None:
            self.throw_terminating_error(connection.authentication_needed(COMMAND_TYPE))
        method = str(self.method or "GET").upper()
        url = self._url(current.graph_endpoint)
        content, headers = self._content()
        try:
            response = current.using(CmdletSignInUI(self)).http.send(
                method, url, command=self.command_name, ps_version=ps_version(self), headers=headers,
                content=content, debug=self.write_debug)
        except Exception as error:  # noqa: BLE001 - failure_record names what it knows, the rest is re-raised
            record = failure_record(error, COMMAND_TYPE)
            if record is None:
                raise
            if isinstance(record.exception, HttpRequestException):  # the SDK's id and category for no answer
                record = _no_answer(record.exception, str(error), method, url)
            self.throw_terminating_error(record)
        if self.response_headers_variable:
            self.context.set_variable_value(str(self.response_headers_variable), response_headers(response.headers))
        if self.status_code_variable:
            self.context.set_variable_value(str(self.status_code_variable), response.status_code)
        if response.status_code >= 400 and not self.skip_http_error_check:
            self.throw_terminating_error(_response_error(method, url, response))
        kind = str(self.output_type or "HashTable").lower()
        if kind == "httpresponsemessage":
            yield HttpResponseMessage(response, response_headers(response.headers))
            return
        if self.output_file_path:
            with open(self.context.session.resolve_path(str(self.output_file_path)), "wb") as handle:
                handle.write(response.content)
            return
        yield from self._output(response, kind)

    def _url(self, endpoint: str) -> str:
        """The absolute URL of -Uri; an absolute one must be on the
        connection's Graph endpoint (the token is for it alone)."""
        uri = str(self.uri).strip()
        parts = urllib.parse.urlsplit(uri)
        if parts.scheme:
            if (parts.scheme, parts.netloc.lower()) != urllib.parse.urlsplit(endpoint)[:2]:
                exc = ArgumentException(f"Invalid Host {parts.netloc}. The URI must be on the Graph endpoint "
                                        f"{endpoint} of the current environment.")
                self.throw_terminating_error(ErrorRecord(exc, "", ErrorCategory.InvalidArgument, uri))
            return uri
        return endpoint + "/" + uri.lstrip("/")

    def _content(self) -> tuple[Optional[bytes], dict[str, str]]:
        headers = {str(k): str(v) for k, v in (self.headers or {}).items()}
        if self.body is None:
            return None, headers
        body = self.body
        text = body if isinstance(body, str) else json.dumps(json_ready(body), ensure_ascii=False)
        if not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = str(self.content_type or "application/json")
        return text.encode("utf-8"), headers

    def _output(self, response: Any, kind: str) -> Iterator[Any]:
        if not response.content:
            return
        if "json" not in response.headers.get("content-type", "") or kind == "json":
            yield response.text
            return
        data = json.loads(response.content)
        yield _as_psobject(data) if kind == "psobject" else _as_hashtable(data)


def _as_hashtable(value: Any) -> Any:
    if isinstance(value, dict):
        table = Hashtable()
        for key, item in value.items():
            table[key] = _as_hashtable(item)
        return table
    if isinstance(value, list):
        return [_as_hashtable(item) for item in value]
    return value


def _as_psobject(value: Any) -> Any:
    if isinstance(value, dict):
        return PSCustomObject([(key, _as_psobject(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [_as_psobject(item) for item in value]
    return value


def _no_answer(exception: Any, reason: str, method: str, url: str) -> ErrorRecord:
    """A request that got no answer, as Invoke-MgGraphRequest reports it:
    HttpRequestException under InvokeGraphHttpResponseException, with the
    cause as ErrorDetails."""
    record = ErrorRecord(exception, "InvokeGraphHttpResponseException", ErrorCategory.InvalidOperation,
                         f"{method} {url}")
    record.command_origin = COMMAND_TYPE
    record.error_details = ErrorDetails(reason)
    return record


def _response_error(method: str, url: str, response: Any) -> ErrorRecord:
    """The SDK's error for an unsuccessful answer: HttpResponseException
    'Response status code does not indicate success', with the request
    line, status, headers and body as its ErrorDetails."""
    reason = response.reason_phrase
    name = "".join(word.capitalize() for word in reason.split()) or str(response.status_code)
    exc = HttpResponseException(f"Response status code does not indicate success: {name} ({reason}).")
    record = ErrorRecord(exc, "InvokeGraphHttpResponseException", ErrorCategory.InvalidOperation, None)
    record.command_origin = COMMAND_TYPE
    headers = "\n".join(f"{key}: {value}" for key, value in response.headers.items() if key.lower() != "authorization")
    record.error_details = ErrorDetails(f"{method} {url}\nHTTP/1.1 {response.status_code} {reason}\n{headers}\n\n"
                                        f"{response.text}")
    return record
