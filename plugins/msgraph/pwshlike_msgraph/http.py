"""The HTTP layer every Graph cmdlet shares: the SDK's headers, its
RetryHandler, its -Debug trace and its error records.

A :class:`GraphHttp` wraps one pooled ``httpx.Client`` (one per connection,
see :mod:`.connection`) and a token source.  ``send`` adds the headers the
SDK sends (Authorization, SdkVersion, User-Agent, client-request-id), then
retries exactly as Kiota's RetryHandler does: 429, 503 and 504 only, after
Retry-After (seconds or an HTTP date) or 2^n times RetryDelay, with a
Retry-Attempt header, at most MaxRetry times.  A dropped connection is not
retried: a POST that may have reached Graph must not be sent twice.

:data:`REQUEST_CONTEXT` holds Set-MgRequestContext's settings for the
process, as the SDK's GraphSession does.
"""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import json
import platform
import time
import uuid
from typing import Any, Callable, Mapping, Optional

from pwshlike.plugin import (
    ErrorCategory, ErrorDetails, ErrorRecord, Hashtable, HttpRequestException, IdentityError,
    InvalidOperationException, PSCustomObject, identity_error_record,
)

from . import GRAPH_MODULE_VERSION

SDK_VERSION = f"graph-powershell/{GRAPH_MODULE_VERSION}"
RETRY_STATUSES = frozenset({429, 503, 504})
MAX_RETRY_LIMIT = 10  # the SDK's bounds on Set-MgRequestContext
MAX_DELAY_SECONDS = 180.0
FILTERED = "[Filtered]"
_GENERATED = "Microsoft.Graph.PowerShell.Cmdlets"


@dataclasses.dataclass
class RequestContext:
    """Set-MgRequestContext's values (the SDK's defaults): retries, their
    delay and total time limit (0: none), and the client timeout in seconds."""

    max_retry: int = 3
    retry_delay: int = 3
    retries_time_limit: int = 0
    client_timeout: float = 300.0


REQUEST_CONTEXT = RequestContext()


class TooManyRetries(InvalidOperationException):
    """Kiota's InvalidOperationException after MaxRetry retries."""

    def __init__(self, retries: int) -> None:
        super().__init__(f"Too many retries performed. More than {retries} retries encountered while sending the "
                         f"request.")


def retry_delay(response: Any, retry_count: int, delay: float, now: Optional[datetime.datetime] = None) -> float:
    """Seconds to wait before retry ``retry_count + 1``: Retry-After as
    seconds or as an HTTP date, else ``2 ** retry_count * delay``; at most
    180 seconds, as Kiota's RetryHandler.Delay."""
    value = response.headers.get("retry-after")
    seconds: float = (2 ** retry_count) * delay
    if value is not None:
        value = value.strip()
        if value.isdigit():
            seconds = float(value)
        else:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=datetime.timezone.utc)
                seconds = (when - (now or datetime.datetime.now(datetime.timezone.utc))).total_seconds()
    return max(0.0, min(seconds, MAX_DELAY_SECONDS))


def user_agent(command: str, version: str) -> str:
    """The SDK's User-Agent: the platform, the PowerShell version and the command."""
    return f"Mozilla/5.0 ({platform.system()} {platform.release()}; {platform.machine()}) PowerShell/{version} " \
           f"{command}"


def redacted(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    """Headers fit to show: Authorization filtered out."""
    return [(name, FILTERED if name.lower() == "authorization" else value) for name, value in headers.items()]


class GraphHttp:
    """Sends Graph requests for one connection.  ``bearer`` returns the
    access token to send (renewing it when needed); ``sleep`` is replaced
    in tests that check the delays."""

    def __init__(self, client: Any, bearer: Callable[[], str], sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client
        self._bearer = bearer
        self._sleep = sleep

    def send(self, method: str, url: str, *, command: str, ps_version: str, headers: Optional[Mapping[str, str]] = None,
             content: Optional[bytes] = None, debug: Optional[Callable[[str], None]] = None,
             settings: Optional[RequestContext] = None) -> Any:
        """The response to ``method url`` after the SDK's retries.  Raises
        TooManyRetries when MaxRetry retries all failed, and httpx's errors
        (a dropped connection, a timeout) as they are."""
        settings = settings or REQUEST_CONTEXT
        sent = {"Authorization": f"Bearer {self._bearer()}", "SdkVersion": SDK_VERSION,
                "User-Agent": user_agent(command, ps_version), "client-request-id": str(uuid.uuid4())}
        for name, value in (headers or {}).items():
            sent[str(name)] = str(value)
        response = self._exchange(method, url, sent, content, debug, settings)
        retry_count = 0
        waited = 0.0
        while response.status_code in RETRY_STATUSES:
            if retry_count >= settings.max_retry:
                raise TooManyRetries(settings.max_retry)
            delay = retry_delay(response, retry_count, settings.retry_delay)
            if settings.retries_time_limit > 0:
                waited += delay
                if waited > settings.retries_time_limit:
                    return response
            response.close()
            retry_count += 1
            sent["Retry-Attempt"] = str(retry_count)
            self._sleep(delay)
            response = self._exchange(method, url, sent, content, debug, settings)
        return response

    def _exchange(self, method: str, url: str, headers: dict[str, str], content: Optional[bytes],
                  debug: Optional[Callable[[str], None]], settings: RequestContext) -> Any:
        if debug is not None:
            debug(_trace("HTTP REQUEST", [("HTTP Method", method), ("Absolute Uri", url),
                                          ("Headers", _header_text(headers)), ("Body", _body_text(content))]))
        response = self.client.request(method, url, headers=headers, content=content,
                                       timeout=settings.client_timeout)
        response.read()
        if debug is not None:
            debug(_trace("HTTP RESPONSE", [("Status Code", _status_text(response)),
                                           ("Headers", _header_text(response.headers)),
                                           ("Body", _body_text(response.content))]))
        return response


def _trace(title: str, sections: list[tuple[str, str]]) -> str:
    """The SDK's -Debug layout of an HTTP message."""
    rule = "=" * 28
    return f"{rule} {title} {rule}\n\n" + "\n\n".join(f"{name}:\n{text}" for name, text in sections) + "\n"


def _header_text(headers: Mapping[str, str]) -> str:
    return "\n".join(f"{name:<30}: {value}" for name, value in redacted(headers))


def _body_text(content: Optional[bytes]) -> str:
    return content.decode("utf-8", "replace") if content else ""


def _status_text(response: Any) -> str:
    return f"{response.status_code} ({_status_name(response)})"


def _status_name(response: Any) -> str:
    """.NET's HttpStatusCode name (``NotFound``) from the reason phrase."""
    return "".join(word.capitalize() if word.islower() else word for word in response.reason_phrase.split()) \
        or str(response.status_code)


def graph_error(response: Any) -> tuple[str, str, str]:
    """(code, message, date) of a Graph error body; the status for a body
    that is not one."""
    try:
        body = json.loads(response.content or b"null")
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return _status_name(response), response.text or response.reason_phrase, ""
    inner = error.get("innerError") or error.get("innererror") or {}
    date = str(inner.get("date", "")) if isinstance(inner, dict) else ""
    return str(error.get("code") or _status_name(response)), str(error.get("message") or ""), date


def graph_error_record(response: Any, command_type: str, target: Any = None) -> ErrorRecord:
    """A Graph error as the SDK's generated cmdlets write it: message
    ``[code] : message``, FullyQualifiedErrorId
    ``code,Microsoft.Graph.PowerShell.Cmdlets.<Verb><Noun>_<Variant>``
    (``command_type`` is ``NewMgOauth2PermissionGrant_CreateExpanded``),
    category InvalidOperation, and the ErrorDetails block with the status,
    code, date and response headers (never Authorization)."""
    code, message, date = graph_error(response)
    text = f"[{code}] : {message}"
    record = ErrorRecord(InvalidOperationException(text), code, ErrorCategory.InvalidOperation, target)
    record.command_origin = f"{_GENERATED}.{command_type}"
    headers = "\n".join(f"{name:<30}: {value}" for name, value in response.headers.items()
                        if name.lower() != "authorization")
    record.error_details = ErrorDetails(f"{message}\n\nStatus: {response.status_code} ({_status_name(response)})\n"
                                        f"ErrorCode: {code}\nDate: {date}\n\nHeaders:\n{headers}\n")
    return record


def json_ready(value: Any) -> Any:
    """A PowerShell value as JSON-ready Python: hashtables and custom
    objects (nested too) become objects, not their .NET type names (the
    SDK's #785), arrays become arrays."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, PSCustomObject):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def response_headers(headers: Any) -> Hashtable:
    """Response headers as -ResponseHeadersVariable gives them: name -> array of values."""
    table = Hashtable()
    for name in headers.keys():
        table[name] = list(headers.get_list(name))
    return table


def failure_record(error: Exception, command_origin: str, target: Any = None) -> Optional[ErrorRecord]:
    """The error record for what :meth:`GraphHttp.send` raised: a token
    that could not be renewed, too many retries, or a request that got no
    answer (refused, dropped, timed out: HttpRequestException, known by the
    command alone, as the SDK reports it); None for anything else (a bug,
    which the caller re-raises)."""
    if isinstance(error, IdentityError):
        return identity_error_record(error, target)
    if isinstance(error, TooManyRetries):
        record = ErrorRecord(error, "", ErrorCategory.InvalidOperation, target)
    elif type(error).__module__.split(".")[0] == "httpx":
        record = ErrorRecord(HttpRequestException(f"An error occurred while sending the request: {error}"), "",
                             ErrorCategory.ConnectionError, target)
    else:
        return None
    record.command_origin = command_origin
    return record
