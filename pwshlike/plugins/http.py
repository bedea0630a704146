"""The HTTP client cmdlets share.

One ``httpx.Client`` per process, created the first time a cmdlet asks for
it, so that connections and TLS sessions are reused across commands and
httpx is never imported by a script that makes no request.  The
``pwshlike_http_transport`` hook may supply the transport (a test's
``httpx.MockTransport``, a proxy).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

DEFAULT_TIMEOUT_SECONDS = 100.0  # .NET HttpClient's default, which pwsh's web cmdlets keep


class HttpClientFactory:
    """Creates and holds the shared client; ``close`` ends it (at exit)."""

    def __init__(self, hook: Any) -> None:
        self._hook = hook
        self._client: Optional[Any] = None

    def client(self) -> Any:
        """The shared ``httpx.Client``."""
        if self._client is None:
            import httpx
            from pwshlike import __version__
            transport = self._hook.pwshlike_http_transport()
            self._client = httpx.Client(
                transport=transport, timeout=httpx.Timeout(DEFAULT_TIMEOUT_SECONDS),
                headers={"User-Agent": f"pwshlike/{__version__} python-httpx/{httpx.__version__}"})
        return self._client

    @property
    def created(self) -> bool:
        return self._client is not None

    def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            client.close()
