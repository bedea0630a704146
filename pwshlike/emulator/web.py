"""HTTP helpers shared by the routes: reading forms, answering as Azure AD and Graph.

Forms are parsed from the body with the standard library (token requests
are small url-encoded forms; starlette's own form parser needs an extra
package for nothing more).  Every JSON answer carries Azure AD's no-cache
headers and the request's ids, which the middleware puts in the ASGI scope
so that an error body, its page and the request log agree on them.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Optional
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .errors import AadError, GraphError, error_body, timestamp
from .pages import error_page as error_page_html

TRACE_KEY = "pwshlike.trace_id"
CORRELATION_KEY = "pwshlike.correlation_id"
FORM_KEY = "pwshlike.form"   # the middleware parsed the body already (to log the client id)
_NO_CACHE = {"cache-control": "no-store, no-cache", "pragma": "no-cache"}


def parse_form(body: bytes, content_type: str) -> dict[str, str]:
    """The url-encoded body as a dict (the last value wins, as ASP.NET reads
    it); anything but a form reads as empty, so Azure AD's missing-parameter
    error names what is missing."""
    if not content_type.lower().startswith("application/x-www-form-urlencoded"):
        return {}
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


async def read_form(request: Request) -> dict[str, str]:
    parsed = request.scope.get(FORM_KEY)
    if parsed is not None:
        return dict(parsed)
    return parse_form(await request.body(), request.headers.get("content-type", ""))


def ids(request: Request) -> tuple[str, str]:
    """(trace id, correlation id) of this request."""
    return request.scope[TRACE_KEY], request.scope[CORRELATION_KEY]


def encode(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def json_response(request: Request, body: Any, status: int = 200) -> Response:
    """``body`` is a JSON value, or bytes already encoded (a cached document)."""
    trace_id, correlation_id = ids(request)
    headers = dict(_NO_CACHE, **{"x-ms-request-id": trace_id, "client-request-id": correlation_id})
    content = body if isinstance(body, bytes) else encode(body)
    return Response(content, status, headers, media_type="application/json; charset=utf-8")


def aad_error(request: Request, error: AadError) -> Response:
    trace_id, correlation_id = ids(request)
    return json_response(request, error_body(error, trace_id, correlation_id), error.status)


def graph_error(request: Request, error: GraphError) -> Response:
    """Graph's error body: every one carries ``innerError`` with the date and
    the request's ids, the ``client-request-id`` echoing the caller's header
    as the SDK expects."""
    trace_id, correlation_id = ids(request)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return json_response(request, {"error": {
        "code": error.code, "message": error.message,
        "innerError": {"date": now, "request-id": trace_id, "client-request-id": correlation_id}}}, error.status)


def error_page(request: Request, error: AadError) -> HTMLResponse:
    """Azure AD shows some errors in the browser and stops there (a redirect
    URI mismatch above all): no redirect, the AADSTS code on the page."""
    trace_id, correlation_id = ids(request)
    return HTMLResponse(error_page_html(error, trace_id, correlation_id, timestamp()), error.status)


def query(request: Request, name: str) -> Optional[str]:
    value = request.query_params.get(name)
    return value if value else None
