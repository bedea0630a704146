"""The ASGI layer in front of the routes: ids, the request log, faults, and
the last line of defence against bugs.

Every request gets a trace id and a correlation id (msal's
``client-request-id`` when it sent one), is logged on arrival, and is
checked against the fault rules *before* the routes see it, so a faulted
request never touches the directory or a token store.  An exception that
escapes a route is a bug in the emulator: it is answered with Azure AD's
generic 500 (never a traceback), logged, and kept in ``bugs`` for tests.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import json
import logging
import traceback
import uuid
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import parse_qsl, unquote_plus

from .directory import Directory
from .errors import AadError, error_body, fault as fault_error, request_too_large, server_error
from .faults import Fault, FaultRules
from .log import RequestLog, RequestLogEntry
from .web import CORRELATION_KEY, FORM_KEY, TRACE_KEY, encode, parse_form

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1 << 20
_GRAPH_PREFIXES = ("/v1.0/", "/beta/")
logger = logging.getLogger("pwshlike.emulator")


def _correlation_id(header: Optional[str]) -> str:
    """msal's client-request-id when it is a GUID (Azure AD echoes only those)."""
    if header:
        try:
            return str(uuid.UUID(header))
        except ValueError:
            pass
    return str(uuid.uuid4())


def _bearer_claims(authorization: Optional[str]) -> dict[str, Any]:
    """A bearer token's claims, unverified: only to label the log entry."""
    if not authorization or not authorization.lower().startswith("bearer "):
        return {}
    try:
        payload = authorization[7:].strip().split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


def _basic_user(authorization: Optional[str]) -> Optional[str]:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        return unquote_plus(base64.b64decode(authorization[6:].strip()).decode("utf-8").partition(":")[0]) or None
    except (ValueError, UnicodeDecodeError):
        return None


class EmulatorMiddleware:
    def __init__(self, app: ASGIApp, directory: Directory, log: RequestLog, faults: FaultRules,
                 bugs: list[str]) -> None:
        self.app = app
        self.directory = directory
        self.log = log
        self.faults = faults
        self.bugs = bugs

    def _tenant_of(self, path: str, claims: dict[str, Any]) -> Optional[str]:
        if path.startswith(_GRAPH_PREFIXES):
            tid = claims.get("tid")
            return tid if isinstance(tid, str) else None
        segment = path.split("/", 2)[1]
        if segment.lower() in ("organizations", "common"):
            return segment.lower()
        tenant = self.directory.tenant(segment) if segment else None
        return tenant.id if tenant else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        body, too_large = await _read_body(receive)
        path, method = scope["path"], scope["method"]
        authorization = headers.get("authorization")
        claims = _bearer_claims(authorization) if path.startswith(_GRAPH_PREFIXES) else {}
        form = scope[FORM_KEY] = parse_form(body, headers.get("content-type", ""))
        client_id = (form.get("client_id") or dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
                     .get("client_id") or _basic_user(authorization) or claims.get("appid") or None)
        scope[TRACE_KEY] = str(uuid.uuid4())
        scope[CORRELATION_KEY] = _correlation_id(headers.get("client-request-id"))
        entry = RequestLogEntry(datetime.datetime.now(datetime.timezone.utc), method, path, None,
                                self._tenant_of(path, claims), client_id, headers.get("client-request-id"), False)
        self.log.append(entry)

        async def logged_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                entry.status_code = message["status"]
            await send(message)

        fault = self.faults.choose(method, path)
        if fault is not None:
            entry.faulted = True
            if await self._apply(fault, scope, path, logged_send, send):
                return
        if too_large:
            await self._send_json(scope, logged_send, request_too_large(), None)
            return
        try:
            await self.app(scope, _replay(body, receive), logged_send)
        except Exception:
            self.bugs.append(traceback.format_exc())
            logger.exception("pwshlike emulator: unexpected error answering %s %s", method, path)
            if entry.status_code is None:
                await self._send_json(scope, logged_send, server_error(), None)

    async def _apply(self, fault: Fault, scope: Scope, path: str, send: Send, raw_send: Send) -> bool:
        """Carry out a fault; True when it answered (or dropped) the request."""
        if fault.delay_ms:
            await asyncio.sleep(fault.delay_ms / 1000)
        if fault.drop_connection:
            _abort_connection(raw_send)
            await asyncio.sleep(0)   # let the server see the connection is gone before the app returns
            return True
        if fault.status_code is None:
            return False
        error = fault_error(fault.status_code, fault.retry_after)
        if path.startswith(_GRAPH_PREFIXES):
            await self._send_graph(scope, send, error, fault.retry_after)
        else:
            await self._send_json(scope, send, error, fault.retry_after)
        return True

    async def _send_json(self, scope: Scope, send: Send, error: AadError, retry_after: Optional[int]) -> None:
        body = encode(error_body(error, scope[TRACE_KEY], scope[CORRELATION_KEY]))
        await _respond(send, error.status, body, scope, retry_after)

    async def _send_graph(self, scope: Scope, send: Send, error: AadError, retry_after: Optional[int]) -> None:
        code = {429: "TooManyRequests", 503: "ServiceUnavailable"}.get(error.status, "generalException")
        body = encode({"error": {"code": code, "message": error.text, "innerError": {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
            "request-id": scope[TRACE_KEY], "client-request-id": scope[CORRELATION_KEY]}}})
        await _respond(send, error.status, body, scope, retry_after)


async def _respond(send: Send, status: int, body: bytes, scope: Scope, retry_after: Optional[int]) -> None:
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode()),
               (b"cache-control", b"no-store, no-cache"), (b"x-ms-request-id", scope[TRACE_KEY].encode()),
               (b"client-request-id", scope[CORRELATION_KEY].encode())]
    if retry_after is not None:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole request body (token requests are small); past MAX_BODY the
    rest is drained and the request refused."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size <= MAX_BODY:
            chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks), size > MAX_BODY


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive() for the app that hands over the body already read, then
    defers to the connection's own (which reports the disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


def _abort_connection(send: Send) -> None:
    """Close the socket without an answer.  ASGI has no verb for this, so it
    reaches the transport through uvicorn's response cycle (the object
    ``send`` is bound to); the emulator always runs on uvicorn."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        raise RuntimeError("drop_connection needs uvicorn's transport, which this server does not expose")
    transport.abort()

