"""The HTTP side of the web cmdlets, on httpx (imported only when a web
cmdlet runs).

Seams for tests and embedding hosts: set ``transport_override`` to an
httpx transport (``httpx.MockTransport(handler)`` in the unit tests) and
every client the web cmdlets build sends through it instead of the
network; ``pause`` is the wait between retries.

Failures become the .NET exceptions pwsh reports: a connection or name
resolution failure is an HttpRequestException whose inner SocketException
carries the short reason ("Connection refused"), a timeout a
TaskCanceledException naming the configured timeout.
"""

from __future__ import annotations

import base64
import time
from typing import Any, Generator, Optional

from pwshlike.dotnet.errors import DotNetException, HttpRequestException, OperationCanceledException

# Replaced by tests (httpx.MockTransport) or hosts; None sends over the network.
transport_override: Any = None

# How the cmdlets wait between retries; tests replace it to avoid real waits.
pause = time.sleep


class SocketException(DotNetException):
    """``System.Net.Sockets.SocketException``."""

    full_name = "System.Net.Sockets.SocketException"


class TaskCanceledException(OperationCanceledException):
    """``System.Threading.Tasks.TaskCanceledException``."""

    full_name = "System.Threading.Tasks.TaskCanceledException"


def build_client(skip_certificate_check: bool, timeout: Optional[float]) -> Any:
    """An httpx client that never follows redirects itself (the cmdlets do,
    to apply pwsh's rules) and has no default headers of its own."""
    import httpx
    client = httpx.Client(verify=not skip_certificate_check, follow_redirects=False,
                          timeout=httpx.Timeout(timeout), transport=transport_override, trust_env=True)
    client.headers.clear()
    return client


def send(client: Any, request: Any, auth: Any, timeout: Optional[float]) -> Any:
    """Sends ``request`` and reads the whole response, mapping httpx's
    transport errors to the .NET exceptions pwsh shows."""
    import httpx
    try:
        response = client.send(request, auth=auth, follow_redirects=False)
        response.read()
        return response
    except httpx.TimeoutException as exc:
        raise TaskCanceledException(
            f"The request was canceled due to the configured HttpClient.Timeout of {_seconds(timeout)} seconds "
            "elapsing.", exc) from None
    except httpx.TransportError as exc:
        reason = _reason(exc)
        url = request.url
        port = url.port or (443 if url.scheme == "https" else 80)
        inner = SocketException(reason)
        raise HttpRequestException(f"{reason} ({url.host}:{port})", inner) from None


def _seconds(timeout: Optional[float]) -> str:
    return "infinite" if timeout is None else f"{timeout:g}"


def _reason(exc: Exception) -> str:
    """The short OS-level reason (as .NET's SocketException words it)."""
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "connection refused" in low or "errno 111" in low:
        return "Connection refused"
    if "name or service not known" in low or "nodename nor servname" in low or "errno -2" in low:
        return "Name or service not known"
    if "temporary failure in name resolution" in low or "errno -3" in low:
        return "Resource temporarily unavailable"
    if "network is unreachable" in low:
        return "Network is unreachable"
    if "certificate" in low or "ssl" in low:
        return "The SSL connection could not be established, see inner exception."
    # "[Errno 104] Connection reset by peer" -> "Connection reset by peer"
    return text.split("] ", 1)[-1]


def basic_header(user: str, password: str) -> str:
    """``Authorization`` for -Authentication Basic: base64 of ``user:password`` (UTF-8)."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")


def challenge_auth(user: str, password: str) -> Any:
    """-Credential without -Authentication: like .NET's credential handling,
    nothing is sent until the server challenges with 401; then Basic or
    Digest answers the challenge."""
    import httpx

    class ChallengeAuth(httpx.Auth):
        def auth_flow(self, request: Any) -> Generator[Any, Any, None]:
            response = yield request
            if response.status_code != 401:
                return
            challenge = response.headers.get("www-authenticate", "").lower()
            if challenge.startswith("digest"):
                flow = httpx.DigestAuth(user, password).auth_flow(request)
                next(flow)
                try:
                    answered = flow.send(response)
                except StopIteration:
                    return
                yield answered
                return
            if challenge.startswith("basic"):
                request.headers["Authorization"] = basic_header(user, password)
                yield request

    return ChallengeAuth()
