"""Invoke-MgGraphRequest -OutputType HttpResponseMessage: the answer as
.NET's HttpResponseMessage, with the members scripts use
(``$r.StatusCode``, ``$r.IsSuccessStatusCode``, ``$r.Headers``,
``$r.Content.ReadAsStringAsync().Result``).  The body is already read: the
HTTP layer reads every answer before deciding whether to retry it."""

from __future__ import annotations

from typing import Any

from pwshlike.plugin import Hashtable


class CompletedTask:
    """A finished ``Task<T>``: what ``ReadAsStringAsync()`` returns."""

    full_name = "System.Threading.Tasks.Task"
    PS_MEMBERS = {"Result": "result", "IsCompleted": "is_completed"}

    def __init__(self, result: Any) -> None:
        self.result = result
        self.is_completed = True


class HttpContent:
    """``System.Net.Http.HttpContent`` over the bytes of the answer."""

    full_name = "System.Net.Http.HttpContent"
    PS_MEMBERS = {"Headers": "headers", "ReadAsStringAsync": "read_as_string_async",
                  "ReadAsByteArrayAsync": "read_as_byte_array_async"}

    def __init__(self, body: bytes, encoding: str, headers: Hashtable) -> None:
        self._body = body
        self._encoding = encoding
        self.headers = headers

    def read_as_string_async(self) -> CompletedTask:
        return CompletedTask(self._body.decode(self._encoding, "replace"))

    def read_as_byte_array_async(self) -> CompletedTask:
        return CompletedTask(list(self._body))


class HttpResponseMessage:
    """``System.Net.Http.HttpResponseMessage``; StatusCode is the number
    (pwsh shows .NET's HttpStatusCode name, and compares it with numbers alike)."""

    full_name = "System.Net.Http.HttpResponseMessage"
    PS_MEMBERS = {"StatusCode": "status_code", "ReasonPhrase": "reason_phrase",
                  "IsSuccessStatusCode": "is_success_status_code", "Headers": "headers", "Content": "content",
                  "Version": "version"}

    def __init__(self, response: Any, headers: Hashtable) -> None:
        content_headers = Hashtable()
        other = Hashtable()
        for name, values in headers.items():
            (content_headers if name.lower().startswith("content-") else other)[name] = values
        self.status_code = response.status_code
        self.reason_phrase = response.reason_phrase
        self.is_success_status_code = 200 <= response.status_code < 300
        self.headers = other
        self.content = HttpContent(response.content, response.encoding or "utf-8", content_headers)
        self.version = response.http_version.partition("/")[2] or "1.1"
