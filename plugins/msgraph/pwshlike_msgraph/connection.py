"""The process's Microsoft Graph connection, as the SDK's GraphSession.

Connect-MgGraph replaces it, Disconnect-MgGraph ends it, every Graph
cmdlet reads it.  It is module state, not session state, on purpose: the
SDK's connection is process-wide, so the runspaces of ForEach-Object
-Parallel use the connection the script made.  A token obtained from a
credential is renewed through the identity service (whose cache answers
without a request while the token is valid) when it is about to expire,
so long loops keep working; a token given with -AccessToken cannot be.
"""

from __future__ import annotations

import datetime
import threading
from typing import Any, Callable, Optional

from pwshlike.plugin import DotNetException, ErrorCategory, ErrorRecord

from .http import GraphHttp

# Renew a token this long before it expires, as msal does for its cache.
RENEW_MARGIN = datetime.timedelta(minutes=5)
AUTHENTICATION_NEEDED = "Authentication needed. Please call Connect-MgGraph."


class AuthenticationException(DotNetException):
    """``System.Security.Authentication.AuthenticationException``."""

    full_name = "System.Security.Authentication.AuthenticationException"


class GraphConnection:
    """One connection: its AuthContext (what Get-MgContext shows), its
    cloud, its HTTP layer and how to renew its token.  ``renew(ui)``
    returns a new TokenResult; None for a token given as it is."""

    def __init__(self, context: Any, cloud: Any, client: Any, token: Any,
                 renew: Optional[Callable[[Any], Any]]) -> None:
        self.context = context
        self.cloud = cloud
        self._token = token
        self._renew = renew
        self._lock = threading.Lock()
        self._ui: Any = None
        self.http = GraphHttp(client, self._bearer)

    @property
    def graph_endpoint(self) -> str:
        return self.cloud.endpoints["GraphEndpoint"].rstrip("/")

    def using(self, ui: Any) -> "GraphConnection":
        """Sets the UI a renewal reports through (the running cmdlet)."""
        self._ui = ui
        return self

    def _bearer(self) -> str:
        with self._lock:
            expires = self._token.expires_on
            if self._renew is not None and expires - datetime.datetime.now(datetime.timezone.utc) < RENEW_MARGIN:
                self._token = self._renew(self._ui)
            return self._token.access_token

    def close(self) -> None:
        self.http.client.close()


_lock = threading.Lock()
_current: Optional[GraphConnection] = None


def current() -> Optional[GraphConnection]:
    return _current


def replace(connection: Optional[GraphConnection]) -> Optional[GraphConnection]:
    """Makes ``connection`` the process's (None: disconnected), closing
    the previous one's HTTP client; returns the previous one."""
    global _current
    with _lock:
        previous, _current = _current, connection
    if previous is not None and previous is not connection:
        previous.close()
    return previous


def authentication_needed(command_type: str) -> ErrorRecord:
    """The SDK's error for a Graph cmdlet run before Connect-MgGraph:
    known by the command type alone (the SDK gives it no error id)."""
    record = ErrorRecord(AuthenticationException(AUTHENTICATION_NEEDED), "", ErrorCategory.NotSpecified, None)
    record.command_origin = command_type
    return record

