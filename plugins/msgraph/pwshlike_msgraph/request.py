"""One Graph request from a generated-style cmdlet (New-MgOauth2PermissionGrant,
Get-MgUser...), reported as the SDK's generated cmdlets report it.

``send(self, "POST", "/v1.0/oauth2PermissionGrants", command_type=...)``
finds the connection (or writes "Authentication needed"), sends through the
connection's :class:`~.http.GraphHttp`, fills -ResponseHeadersVariable, and
turns every failure into a non-terminating error record named after the
generated cmdlet and its variant (``NewMgOauth2PermissionGrant_CreateExpanded``),
returning None; the caller then writes nothing for that input.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional

from pwshlike.plugin import CmdletSignInUI

from . import connection
from .context import ps_version
from .http import failure_record, graph_error_record, json_ready, response_headers

GENERATED = "Microsoft.Graph.PowerShell.Cmdlets"


def send(cmdlet: Any, method: str, path: str, *, command_type: str, body: Optional[Mapping[str, Any]] = None,
         headers: Optional[Mapping[str, Any]] = None, target: Any = None,
         response_headers_variable: Optional[str] = None) -> Optional[Any]:
    """The successful httpx response to ``method path`` (relative to the
    connection's Graph endpoint, or an absolute URL such as an
    @odata.nextLink), or None after writing the error record."""
    origin = f"{GENERATED}.{command_type}"
    current = connection.current()
    if current is None:
        _write(cmdlet, connection.authentication_needed(origin), command_type)
        return None
    sent = {str(k): str(v) for k, v in (headers or {}).items()}
    content = None
    if body is not None:
        content = json.dumps(json_ready(body), ensure_ascii=False).encode("utf-8")
        sent.setdefault("Content-Type", "application/json")
    try:
        url = path if path.startswith(("https://", "http://")) else current.graph_endpoint + "/" + path.lstrip("/")
        response = current.using(CmdletSignInUI(cmdlet)).http.send(
            method, url, command=cmdlet.command_name, ps_version=ps_version(cmdlet), headers=sent, content=content,
            debug=cmdlet.write_debug if cmdlet.stream_enabled("debug") else None)
    except Exception as error:  # noqa: BLE001 - failure_record names what it knows, the rest is re-raised
        record = failure_record(error, origin, target)
        if record is None:
            raise
        _write(cmdlet, record, command_type)
        return None
    if response_headers_variable:
        cmdlet.context.set_variable_value(response_headers_variable, response_headers(response.headers))
    if response.status_code >= 400:
        _write(cmdlet, graph_error_record(response, command_type, target), command_type)
        return None
    return response


def _write(cmdlet: Any, record: Any, command_type: str) -> None:
    """Writes ``record`` as raised by the generated cmdlet, so that
    ConciseView reads ``New-MgOauth2PermissionGrant_Create: ...`` as the
    SDK's users see it."""
    variant = command_type.partition("_")[2]
    record.invocation_info = cmdlet.invocation_as(f"{cmdlet.command_name}_{variant}",
                                                  f"{GENERATED}.{command_type}")
    cmdlet.write_error(record)
