"""msal's HTTP client, on httpx.

msal sends every request through an ``http_client`` object with
``post(url, params=None, data=None, headers=None, **kw)``, ``get(url,
params=None, headers=None, **kw)`` and ``close()``, and reads
``.status_code``, ``.text`` and ``.headers`` of what they return.
:class:`MsalHttpClient` is that object, one per environment, over one pooled
``httpx.Client`` whose TLS trust is that environment's: the certificate
authority in ``CloudEnvironment.ca_certificate_path`` alone when set (the
emulator's), the system's trust store otherwise.  Verification is never
turned off.  A transport given by the caller (the ``pwshlike_http_transport``
hook: a test's ``httpx.MockTransport``) replaces the network entirely.
Proxies come from HTTPS_PROXY / NO_PROXY as httpx reads them, except that
loopback addresses (the emulator) are never sent through a proxy.

What it adds to a plain client:

- Form values msal gives as bytes (the signed client assertion) are
  decoded; httpx would otherwise send ``b'...'`` and certificate sign-in fails.
- Retries: only a 429 or 503 answer that carries Retry-After is retried,
  after the delay it asks for (at most ``max_retry_delay`` seconds, at most
  ``max_retries`` times); anything else is msal's to handle.  An
  authorization-code redemption is never retried: a code is single-use, and
  a retry after an answer was lost would fail with AADSTS54005 and hide the
  real error.
- Network failures (DNS, refused connection, TLS verification, timeouts)
  become :class:`IdentityError` (code ConnectionError) with a message in our
  own words naming the address, never Python's exception text.
- Debug text: each exchange (method, URL, status, time taken, form fields
  and answer) goes to the current call's UI ``debug()``, with every secret
  value replaced by ``<redacted>``.  The UI is a context variable set by
  the service for the duration of a call (:func:`bound_ui`).
- Discovery answers (OpenID configuration, instance discovery) of real
  clouds can be kept on disk for a day (:class:`DiscoveryCache`), so that a
  new shell served from the token cache sends no request at all.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import email.utils
import errno
import ipaddress
import json
import os
import socket
import ssl
import time
import urllib.parse
from typing import Any, Callable, Iterator, Mapping, Optional, Protocol

from . import paths
from .errors import IdentityError

__all__ = ["SignInUI", "Exchange", "bound_ui", "last_exchange", "MsalHttpClient", "DiscoveryCache",
           "build_httpx_client", "REDACTED"]

REDACTED = "<redacted>"

# Form fields that carry a credential or a grant.
SECRET_FORM_FIELDS = frozenset({
    "client_secret", "client_assertion", "refresh_token", "code", "code_verifier", "password", "device_code",
    "access_token", "id_token", "assertion",
})
# Fields of a JSON answer that carry one.
SECRET_RESPONSE_FIELDS = frozenset({"access_token", "refresh_token", "id_token", "device_code"})

_BODY_LIMIT = 2000  # characters of an answer shown in debug text
_DISCOVERY_SUFFIXES = ("/.well-known/openid-configuration", "/discovery/instance")
_LOOPBACK_MOUNTS = ("all://127.0.0.1", "all://localhost", "all://[::1]")


class SignInUI(Protocol):
    """What the service talks through (a cmdlet's streams, in the shell)."""

    command: str

    def warning(self, text: str) -> None: ...

    def verbose(self, text: str) -> None: ...

    def debug(self, text: str) -> None: ...


@dataclasses.dataclass
class Exchange:
    """The last request of the current call and its answer, for errors
    msal reports without the HTTP status (a 5xx, a non-JSON body)."""

    method: str
    url: str
    status_code: int
    text: str
    request_id: Optional[str]  # msal's client-request-id: the result's correlation id


_ui: contextvars.ContextVar[Optional[SignInUI]] = contextvars.ContextVar("pwshlike_identity_ui", default=None)
# The current call's record of its last exchange (a one-item list), None
# outside a call: exchanges made outside bound_ui are not remembered.
_last: contextvars.ContextVar[Optional[list[Exchange]]] = contextvars.ContextVar("pwshlike_identity_exchange",
                                                                                 default=None)


@contextlib.contextmanager
def bound_ui(ui: Optional[SignInUI]) -> Iterator[None]:
    """Makes ``ui`` the current call's UI, with a fresh record of the last
    exchange, until the block ends."""
    ui_token = _ui.set(ui)
    last_token = _last.set([])
    try:
        yield
    finally:
        _last.reset(last_token)
        _ui.reset(ui_token)


def last_exchange() -> Optional[Exchange]:
    """The current call's last exchange that reached the network, if any."""
    record = _last.get()
    return record[-1] if record else None


def _debug(text: str) -> None:
    ui = _ui.get()
    if ui is not None:
        ui.debug(text)


def _verbose(text: str) -> None:
    ui = _ui.get()
    if ui is not None:
        ui.verbose(text)


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL: how messages name a server."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _form(data: Any) -> Any:
    """msal's form as httpx must get it: bytes decoded, None dropped."""
    if not isinstance(data, Mapping):
        return data
    form = {}
    for key, value in data.items():
        if value is None:
            continue
        form[key] = value.decode("utf-8") if isinstance(value, (bytes, bytearray)) else value
    return form


def redact_form(form: Any) -> str:
    """A form as debug text, secret fields redacted."""
    if not isinstance(form, Mapping):
        return "(a body that is not a form)" if form else ""
    return "&".join(f"{key}={REDACTED if key in SECRET_FORM_FIELDS else urllib.parse.quote(str(value), safe='/:.')}"
                    for key, value in form.items())


def redact_body(text: str) -> str:
    """An answer as debug text: JSON with token values redacted, anything
    else shortened."""
    try:
        value = json.loads(text)
    except ValueError:
        return text if len(text) <= _BODY_LIMIT else text[:_BODY_LIMIT] + "..."
    if isinstance(value, dict):
        value = {k: REDACTED if k in SECRET_RESPONSE_FIELDS else v for k, v in value.items()}
    shown = json.dumps(value, separators=(",", ":"))
    return shown if len(shown) <= _BODY_LIMIT else shown[:_BODY_LIMIT] + "..."


def _retry_after(response: Any) -> Optional[float]:
    """Seconds a 429/503 answer asks to wait (Retry-After: seconds or an
    HTTP date), None when it asks nothing we can honour."""
    if response.status_code not in (429, 503):
        return None
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def proxy_for(url: str) -> Optional[str]:
    """The proxy (``scheme://host:port``, credentials left out) httpx sends
    ``url`` through by HTTPS_PROXY / ALL_PROXY / NO_PROXY, if any."""
    import urllib.request
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if is_loopback(host):
        return None
    proxies = urllib.request.getproxies()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass_environment(host, proxies):
        return None
    proxy_parts = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    port = f":{proxy_parts.port}" if proxy_parts.port else ""
    return f"{proxy_parts.scheme}://{proxy_parts.hostname}{port}"


def connection_failure(exc: Exception, url: str, trust: str, timeout: float,
                       proxy: Optional[str] = None) -> IdentityError:
    """A transport failure as an IdentityError in our own words; ``trust``
    says what TLS certificates were checked against, ``proxy`` the proxy
    the request went through."""
    import httpx
    where = origin_of(url) + (f" through the proxy {proxy}" if proxy else "")
    host = urllib.parse.urlsplit(url).hostname or where
    if isinstance(exc, (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)):
        return IdentityError(f"{where} did not answer within {timeout:g} seconds.", code="RequestTimeout",
                             category="OperationTimeout")
    if isinstance(exc, httpx.ConnectTimeout):
        return IdentityError(f"Could not connect to {where}: no connection was made within {timeout:g} seconds.",
                             code="ConnectionError", category="ConnectionError")
    reason = "the connection failed"
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = f" ({cause.verify_message})" if getattr(cause, "verify_message", None) else ""
            reason = f"its TLS certificate could not be verified{detail} against {trust}"
            break
        if isinstance(cause, ssl.SSLError):
            detail = f" ({cause.reason})" if getattr(cause, "reason", None) else ""
            reason = f"the TLS handshake failed{detail}; the server may not speak HTTPS"
            break
        if isinstance(cause, socket.gaierror):
            reason = f"the host name '{host}' could not be resolved"
            break
        if isinstance(cause, ConnectionRefusedError):
            reason = "the connection was refused"
            break
        if isinstance(cause, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            reason = "the connection was closed before an answer came back"
            break
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            reason = "the network is unreachable" if cause.errno == errno.ENETUNREACH else "the host is unreachable"
            break
        if isinstance(cause, httpx.RemoteProtocolError):
            reason = "the connection was closed before an answer came back"
            break
        if isinstance(cause, httpx.ProxyError):
            reason = "the proxy refused or failed the connection"
            break
    return IdentityError(f"Could not connect to {where}: {reason}.", code="ConnectionError",
                         category="ConnectionError")


def _ssl_context(ca_certificate_path: Optional[str], environment_name: str) -> ssl.SSLContext:
    """TLS trust: exactly the environment's CA file, or the system store
    (certifi where the system has none, as on some macOS Pythons)."""
    if ca_certificate_path:
        if not os.path.isfile(ca_certificate_path):
            raise IdentityError(f"The certificate authority file '{ca_certificate_path}' that the environment "
                                f"'{environment_name}' trusts does not exist.", code="CACertificateNotFound",
                                category="ObjectNotFound")
        try:
            return ssl.create_default_context(cafile=ca_certificate_path)
        except (OSError, ssl.SSLError):
            raise IdentityError(f"The certificate authority file '{ca_certificate_path}' that the environment "
                                f"'{environment_name}' trusts could not be read as PEM certificates.",
                                code="CACertificateUnreadable", category="InvalidData") from None
    context = ssl.create_default_context()
    if context.cert_store_stats()["x509_ca"] == 0 and not os.path.isdir(ssl.get_default_verify_paths().capath or ""):
        import certifi
        context.load_verify_locations(cafile=certifi.where())
    return context


def build_httpx_client(*, ca_certificate_path: Optional[str], environment_name: str, transport: Any = None,
                       timeout: float = 60.0, connect_timeout: float = 10.0) -> Any:
    """The pooled ``httpx.Client`` of one environment."""
    import httpx
    from pwshlike import __version__
    kwargs: dict[str, Any] = {}
    if transport is not None:
        kwargs["transport"] = transport  # httpx then ignores proxy variables: the transport wins
    else:
        kwargs["verify"] = _ssl_context(ca_certificate_path, environment_name)
        # NO_PROXY rarely lists loopback; the emulator must never go through a proxy.
        kwargs["mounts"] = {pattern: None for pattern in _LOOPBACK_MOUNTS}
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=connect_timeout), follow_redirects=False,
                        headers={"User-Agent": f"pwshlike/{__version__} python-httpx/{httpx.__version__}"},
                        **kwargs)


class DiscoveryCache:
    """Successful discovery answers (OpenID configuration, instance
    discovery) of non-loopback authorities, kept in a JSON file for a day,
    as msal keeps them in memory.  They hold no secret.  Loopback
    authorities (the emulator) are left out: a new emulator on a reused port
    may have other tenants."""

    TTL_SECONDS = 24 * 3600

    def __init__(self, path: str) -> None:
        self.path = path

    @staticmethod
    def key(url: str, params: Any) -> Optional[str]:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "https" or is_loopback(parts.hostname or "") or \
                not parts.path.endswith(_DISCOVERY_SUFFIXES):
            return None
        query = urllib.parse.urlencode(sorted(dict(params or {}).items()))
        return f"{url}?{query}" if query else url

    def _load(self) -> dict[str, Any]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> Optional[str]:
        entry = self._load().get(key)
        if isinstance(entry, dict) and entry.get("expires_at", 0) > time.time() and isinstance(entry.get("text"), str):
            return entry["text"]
        return None

    def put(self, key: str, text: str) -> None:
        now = time.time()
        data = {k: v for k, v in self._load().items() if isinstance(v, dict) and v.get("expires_at", 0) > now}
        data[key] = {"expires_at": now + self.TTL_SECONDS, "text": text}
        try:
            paths.write_private_file(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written costs one request next time; nothing more


class MsalHttpClient:
    """The ``http_client`` msal is given for one environment (see the module
    docstring).  ``environment_proxies`` says whether ``client`` honours
    proxy variables (it does not when a transport was supplied), for
    messages; ``sleep`` is replaceable for tests."""

    def __init__(self, client: Any, *, trust: str = "the system's trusted certificate authorities",
                 max_retries: int = 3, max_retry_delay: float = 30.0,
                 discovery_cache: Optional[DiscoveryCache] = None, environment_proxies: bool = True,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._client = client
        self._environment_proxies = environment_proxies
        self._trust = trust
        self.max_retries = max_retries
        self.max_retry_delay = max_retry_delay
        self._discovery_cache = discovery_cache
        self._sleep = sleep

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any) -> Any:
        form = _form(data)
        # An authorization code is single-use: its redemption is sent once.
        retriable = not (isinstance(form, Mapping) and form.get("grant_type") == "authorization_code")
        return self._send("POST", url, params=params, data=form, headers=headers, retriable=retriable)

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> Any:
        key = self._discovery_cache.key(url, params) if self._discovery_cache is not None else None
        if key is not None:
            text = self._discovery_cache.get(key)
            if text is not None:
                import httpx
                _debug(f"HTTP GET {url}: answered from the discovery cache.")
                return httpx.Response(200, text=text, headers={"content-type": "application/json"},
                                      request=httpx.Request("GET", url, params=params))
        response = self._send("GET", url, params=params, data=None, headers=headers, retriable=True)
        if key is not None and response.status_code == 200:
            self._discovery_cache.put(key, response.text)
        return response

    def close(self) -> None:
        self._client.close()

    def _send(self, method: str, url: str, *, params: Any, data: Any, headers: Any, retriable: bool) -> Any:
        attempt = 0
        while True:
            response = self._exchange(method, url, params=params, data=data, headers=headers)
            delay = _retry_after(response) if retriable and attempt < self.max_retries else None
            if delay is None or delay > self.max_retry_delay:
                return response
            attempt += 1
            _verbose(f"{origin_of(url)} answered HTTP {response.status_code} and asked to retry after {delay:g} "
                     f"seconds; retrying ({attempt} of {self.max_retries}).")
            self._sleep(delay)

    def _exchange(self, method: str, url: str, *, params: Any, data: Any, headers: Any) -> Any:
        import httpx
        request_id = (headers or {}).get("client-request-id")
        shown = f"HTTP {method} {url}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        if request_id:
            shown += f" (client-request-id {request_id})"
        if data:
            shown += f"\nForm: {redact_form(data)}"
        _debug(shown)
        started = time.perf_counter()
        try:
            if method == "POST":
                response = self._client.post(url, params=params, data=data, headers=headers)
            else:
                response = self._client.get(url, params=params, headers=headers)
        except httpx.TransportError as exc:
            timeout = self._client.timeout.read or 0.0
            if isinstance(exc, httpx.ConnectTimeout):
                timeout = self._client.timeout.connect or 0.0
            proxy = proxy_for(url) if self._environment_proxies else None
            failure = connection_failure(exc, url, self._trust, timeout, proxy)
            _debug(f"HTTP {method} {url} failed: {failure.message}")
            raise failure from None
        elapsed_ms = (time.perf_counter() - started) * 1000
        record = _last.get()
        if record is not None:
            record[:] = [Exchange(method, url, response.status_code, response.text, request_id)]
        answer = f"HTTP {response.status_code} {response.reason_phrase} from {method} {url} in {elapsed_ms:.0f} ms"
        if method == "POST" or response.status_code >= 400:
            answer += f"\nBody: {redact_body(response.text)}"
        _debug(answer)
        return response
