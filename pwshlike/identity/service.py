"""The identity service: tokens from Azure AD through msal, for every plugin.

One :class:`IdentityService` per process.  It builds msal applications
lazily (msal fetches the authority's OpenID configuration in the
constructor, so building one is a network request) and keeps one per
(environment and authority, client id, credential), public
(``PublicClientApplication``) or confidential
(``ConfidentialClientApplication``), all over the environment's HTTP
client (:mod:`.http`) and the process's token cache (:mod:`.cache`).

Every method takes ``ui``: an object with ``warning(str)``, ``verbose(str)``
and ``debug(str)`` and a ``command`` attribute (the command the user ran,
for messages such as "run 'New-PartnerAccessToken -UseDeviceAuthentication'").
Failures raise :class:`~.errors.IdentityError`; Ctrl+C raises
KeyboardInterrupt untouched.

msal's throttling: msal remembers an HTTP 400 answer to a token request for
60 seconds and gives the same error again, without a request, when the very
same request is repeated (the same refresh token, the same code...); a 429
or 5xx answer is replayed for as long as its Retry-After asks (60 seconds
without one for public clients, 5 for confidential ones).  Retrying a
failed command at once therefore shows the same error until that time has
passed: that is msal protecting Azure AD, not a stale pwshlike cache.
Changing the request (another secret, scope or tenant) is sent at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import threading
import urllib.parse
import warnings
from typing import Any, Callable, Iterator, Optional, Union

from . import cache as token_cache
from . import paths
from .browser import LoopbackListener, open_sign_in_page
from .certstore import find_certificate, normalize_thumbprint
from .devicecode import sign_in_with_device_code
from .environments import CloudEnvironment
from .errors import IdentityError
from .http import (
    DiscoveryCache, MsalHttpClient, SignInUI, bound_ui, build_httpx_client, last_exchange, origin_of,
)
from .tokens import TokenResult, result_from_cache, result_from_msal

__all__ = ["ClientSecret", "ClientCertificate", "IdentityService"]

# Scopes msal adds to every user sign-in itself and refuses to be given.
_RESERVED_SCOPES = frozenset({"openid", "profile", "offline_access"})
# Keys credentials by an HMAC under a key that lives only in this process,
# so that no printable structure can be used to guess a secret.
_FINGERPRINT_KEY = os.urandom(32)


class ClientSecret:
    """An application's client secret.  Its repr hides the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise IdentityError("The client secret is empty.", code="InvalidClientSecret",
                                category="InvalidArgument")
        self._value = value

    @property
    def value(self) -> str:
        return self._value

    @property
    def fingerprint(self) -> str:
        digest = hmac.new(_FINGERPRINT_KEY, self._value.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"secret:{digest[:32]}"

    def msal_credential(self) -> str:
        return self._value

    def verifier(self, salt: str) -> str:
        """What the cache keeps to recognise this secret later (see
        :data:`_VERIFIER`): a salted SHA-256, never the secret.  Client
        secrets are random strings Azure AD generates, so a hash of one
        cannot be reversed by guessing."""
        return f"sha256:{salt}:{hashlib.sha256((salt + self._value).encode('utf-8')).hexdigest()}"

    def __repr__(self) -> str:
        return "ClientSecret(<hidden>)"


class ClientCertificate:
    """An application's certificate, found by SHA-1 thumbprint in the
    certificate store (:mod:`.certstore`) when msal first needs it, or read
    from one file (:meth:`from_file`)."""

    __slots__ = ("thumbprint", "_loaded")

    def __init__(self, thumbprint: str) -> None:
        self.thumbprint = normalize_thumbprint(thumbprint)
        self._loaded: Optional[dict[str, str]] = None

    @classmethod
    def from_file(cls, path: str) -> "ClientCertificate":
        """The certificate and key in ``path`` (a PFX without a password or
        a PEM holding both), outside the store: AZURE_CLIENT_CERTIFICATE_PATH."""
        from .certstore import load_certificate_file
        loaded = load_certificate_file(path)
        certificate = cls(loaded["thumbprint"])
        certificate._loaded = loaded
        return certificate

    @classmethod
    def by_subject(cls, subject: str) -> "ClientCertificate":
        """The certificate of the store with this subject (a distinguished
        name or a common name), valid now and the newest of several: what
        Connect-MgGraph -CertificateSubjectName finds."""
        from .certstore import find_thumbprint_by_subject
        return cls(find_thumbprint_by_subject(subject))

    @property
    def fingerprint(self) -> str:
        return f"certificate:{self.thumbprint}"

    def msal_credential(self) -> dict[str, str]:
        return dict(self._loaded) if self._loaded is not None else find_certificate(self.thumbprint)

    def verifier(self, salt: str) -> str:
        return f"certificate:{self.thumbprint}"

    def __repr__(self) -> str:
        return f"ClientCertificate({self.thumbprint!r})"


Credential = Union[ClientSecret, ClientCertificate]

# msal caches an application's tokens by client id, not by credential: left
# alone, a wrong secret would be "accepted" while a token obtained with the
# right one is cached.  Each token a credential obtains is marked in its
# cache entry with the credential's verifier, and a cached token is served
# only to the credential that obtained it.
_VERIFIER = "pwshlike_credential"


def _obtained_with(entry: Optional[dict[str, Any]], credential: Credential) -> bool:
    recorded = str((entry or {}).get(_VERIFIER) or "")
    salt = recorded.split(":")[1] if recorded.startswith("sha256:") and recorded.count(":") == 2 else ""
    return bool(recorded) and hmac.compare_digest(recorded, credential.verifier(salt))


def _user_scopes(scopes: list[str]) -> list[str]:
    """Scopes without those msal adds (and refuses) for user sign-ins."""
    return [scope for scope in scopes if scope.lower() not in _RESERVED_SCOPES]


def _host(authority: str) -> str:
    return (urllib.parse.urlsplit(authority).hostname or "").lower()


def _http_failure(message_status: Optional[int] = None) -> IdentityError:
    """An answer msal could not use (a 5xx, a body that is not JSON), named
    by the last exchange of the current call."""
    exchange = last_exchange()
    if exchange is None:
        status = f"HTTP {message_status}" if message_status else "an error"
        return IdentityError(f"Azure AD answered this request with {status} a moment ago and asked to wait; the "
                             f"request is not sent again until then. Try again in a minute.",
                             code="Throttled" if message_status == 429 else "ServiceUnavailable",
                             category="LimitsExceeded" if message_status == 429 else "ResourceUnavailable")
    where = origin_of(exchange.url)
    if exchange.status_code == 429:
        return IdentityError(f"{where} is throttling requests (HTTP 429). Try again later.", code="Throttled",
                             category="LimitsExceeded")
    if exchange.status_code >= 500:
        return IdentityError(f"{where} failed to answer (HTTP {exchange.status_code}). Try again later.",
                             code="ServiceUnavailable", category="ResourceUnavailable")
    return IdentityError(f"{where} answered {exchange.method} {urllib.parse.urlsplit(exchange.url).path} with HTTP "
                         f"{exchange.status_code} and a body that is not an Azure AD answer.",
                         code="InvalidResponse", category="ProtocolError")


_msal_module: Any = None
_MSAL_WARNINGS = r"msal(\.|$)"


def _msal() -> Any:
    """msal, imported on first use and quietened: its Python warnings are
    advice to library authors (they would reach the user's console), and
    its debug log holds authorization codes and PKCE verifiers, so it must
    never reach a logging handler someone configured.  The warning filter
    is checked at each call: whoever resets the filters (a test runner)
    does not bring the warnings back."""
    global _msal_module
    if _msal_module is None:
        import logging
        import msal
        for name in ("msal", "msal_extensions"):
            logger = logging.getLogger(name)
            logger.addHandler(logging.NullHandler())
            logger.propagate = False
        _msal_module = msal
    if not any(f[0] == "ignore" and f[3] is not None and f[3].pattern == _MSAL_WARNINGS for f in warnings.filters):
        warnings.filterwarnings("ignore", module=_MSAL_WARNINGS)
    return _msal_module


@contextlib.contextmanager
def _msal_failures(secrets: tuple[str, ...]) -> Iterator[None]:
    """msal's exceptions for answers it could not use, as IdentityError."""
    msal = _msal()
    from msal.oauth2cli import oidc
    try:
        yield
    except oidc.IdTokenError as exc:  # its text holds the token's claims: never shown
        if isinstance(exc, oidc.IdTokenNonceError):
            raise _nonce_mismatch() from None
        raise IdentityError("The id token Azure AD returned is not valid for this sign-in (its issuer, audience "
                            "or lifetime is wrong); it was refused.", code="InvalidIdToken",
                            category="SecurityError") from None
    except RuntimeError as exc:  # msal's auth-code flow reports a wrong nonce as a plain RuntimeError
        if "nonce" not in str(exc):
            raise
        raise _nonce_mismatch() from None
    except msal.exceptions.MsalServiceError as exc:  # msal's raise_for_status on a 5xx
        found = re.search(r"HTTP Error: (\d+)", str(exc))
        raise _http_failure(int(found.group(1)) if found else None) from None
    except json.JSONDecodeError:  # an answer that is not JSON (a proxy's page, a gateway error)
        exchange = last_exchange()
        if exchange is None:
            raise
        raise _http_failure(exchange.status_code) from None


def _nonce_mismatch() -> IdentityError:
    return IdentityError("The id token Azure AD returned does not carry this sign-in's nonce; it was refused. "
                         "Sign in again.", code="NonceMismatch", category="SecurityError")


class IdentityService:
    """Tokens for plugins.  ``transport_factory`` returns the httpx
    transport to use instead of the network (None: the network); it is
    called once, when the first HTTP client is built."""

    def __init__(self, transport_factory: Callable[[], Any] = lambda: None) -> None:
        self._transport_factory = transport_factory
        self._transport: Any = None
        self._transport_known = False
        self._lock = threading.RLock()
        self._clients: dict[tuple[str, str], tuple[tuple[Any, ...], MsalHttpClient]] = {}
        self._apps: dict[tuple[Any, ...], Any] = {}
        self._msal_http_cache: dict[str, Any] = {}  # msal's discovery/throttling memory, shared by all apps

    # --- plumbing ---------------------------------------------------------------------------

    def _http_client(self, env: CloudEnvironment) -> MsalHttpClient:
        """The environment's HTTP client, rebuilt when the environment was
        re-registered with another authority or CA."""
        key = (env.family.lower(), env.name.lower())
        signature = (env.endpoints.get("ActiveDirectoryAuthority"), env.ca_certificate_path)
        known = self._clients.get(key)
        if known is not None and known[0] == signature:
            return known[1]
        if not self._transport_known:
            self._transport = self._transport_factory()
            self._transport_known = True
        discovery = DiscoveryCache(os.path.join(paths.cache_dir(), "msal_http_cache.json")) \
            if token_cache.shared_token_cache().persistent else None
        client = build_httpx_client(ca_certificate_path=env.ca_certificate_path, environment_name=env.name,
                                    transport=self._transport)
        trust = (f"the certificate authority in '{env.ca_certificate_path}'" if env.ca_certificate_path
                 else "the system's trusted certificate authorities")
        adapter = MsalHttpClient(client, trust=trust, discovery_cache=discovery,
                                 environment_proxies=self._transport is None)
        if known is not None:
            self._forget_apps(env)
            known[1].close()
        self._clients[key] = (signature, adapter)
        return adapter

    def _forget_apps(self, env: CloudEnvironment) -> None:
        family, name = env.family.lower(), env.name.lower()
        for app_key in [k for k in self._apps if k[0] == family and k[1] == name]:
            del self._apps[app_key]

    def _app(self, env: CloudEnvironment, tenant: str, client_id: str, credential: Optional[Credential]) -> Any:
        """The msal application for this environment, tenant, client and
        credential, built (OpenID discovery included) on first use."""
        authority = env.authority(tenant)
        cache = token_cache.shared_token_cache()
        key = (env.family.lower(), env.name.lower(), authority, client_id.lower(),
               credential.fingerprint if credential is not None else None, cache.msal_cache)
        msal = _msal()  # before the lookup: it re-installs the warning filter on every call
        with self._lock:
            app = self._apps.get(key)
            if app is not None:
                return app
            options = dict(authority=authority, http_client=self._http_client(env), token_cache=cache.msal_cache,
                           instance_discovery=env.instance_discovery, http_cache=self._msal_http_cache)
            try:
                if credential is None:
                    app = msal.PublicClientApplication(client_id, **options)
                else:
                    app = msal.ConfidentialClientApplication(client_id, client_credential=credential.msal_credential(),
                                                             **options)
            except msal.exceptions.MsalServiceError:  # a 5xx answer to the discovery
                raise _http_failure() from None
            except ValueError:
                raise self._authority_failure(env, authority) from None
            self._apps[key] = app
            return app

    @staticmethod
    def _authority_failure(env: CloudEnvironment, authority: str) -> IdentityError:
        """msal could not use the authority: Azure AD's own error when it
        gave one (AADSTS90002, tenant not found), else what was wrong."""
        exchange = last_exchange()
        if exchange is not None and exchange.status_code >= 400:
            try:
                body = json.loads(exchange.text)
            except ValueError:
                body = None
            if isinstance(body, dict) and body.get("error"):
                return IdentityError.from_msal(body)
            return IdentityError(f"Could not read the sign-in configuration of {authority} (HTTP "
                                 f"{exchange.status_code}). Check the tenant and the environment '{env.name}'.",
                                 code="AuthorityNotFound", category="InvalidArgument")
        if not authority.lower().startswith("https://"):
            return IdentityError(f"The authority {authority} of the environment '{env.name}' is not valid: it must be "
                                 f"an https URL.", code="InvalidAuthority", category="InvalidArgument")
        return IdentityError(f"Could not use the authority {authority} of the environment '{env.name}': its sign-in "
                             f"configuration is missing or incomplete.", code="InvalidAuthority",
                             category="InvalidArgument")

    def _result(self, result: dict[str, Any], app: Any, env: CloudEnvironment, tenant: str, client_id: str,
                scopes: list[str], secrets: tuple[str, ...], credential: Optional[Credential] = None) -> TokenResult:
        """The TokenResult of msal's answer: a cache hit completed from the
        cache's entries; a new token marked with the credential that got it."""
        if "error" in result:
            raise IdentityError.from_msal(result, secrets)
        cache = token_cache.shared_token_cache()
        if result.get("token_source") == "cache":
            companions = cache.companions(result["access_token"], client_id, app.authority.instance)
            if companions is not None:
                return result_from_cache(companions.access_token_entry, refresh_token=companions.refresh_token,
                                         id_token=companions.id_token, account_entry=companions.account_entry)
        elif credential is not None:
            entry = cache.access_token_entry(result["access_token"], client_id, app.authority.instance)
            if entry is not None:
                cache.annotate(entry, **{_VERIFIER: credential.verifier(os.urandom(8).hex())})
        exchange = last_exchange()
        return result_from_msal(result, requested_scopes=scopes, environment=_host(env.authority(tenant)),
                                correlation_id=exchange.request_id if exchange is not None else None)

    @staticmethod
    def _cached_for_another_credential(result: dict[str, Any], app: Any, client_id: str,
                                       credential: Credential) -> bool:
        """True (after removing it) when msal served a cached token that
        ``credential`` did not obtain."""
        if "error" in result or result.get("token_source") != "cache":
            return False
        cache = token_cache.shared_token_cache()
        entry = cache.access_token_entry(result["access_token"], client_id, app.authority.instance)
        if _obtained_with(entry, credential):
            return False
        if entry is not None:
            cache.remove(entry)
        return True

    # --- flows ------------------------------------------------------------------------------

    def acquire_for_client(self, env: CloudEnvironment, tenant: str, client_id: str, credential: Credential,
                           scopes: list[str], ui: Optional[SignInUI]) -> TokenResult:
        """Client credentials (the application signs in as itself), served
        from the cache while its token is valid: a second call sends no request."""
        secrets = _secrets(credential)
        with bound_ui(ui):
            app = self._app(env, tenant, client_id, credential)
            with _msal_failures(secrets):
                result = app.acquire_token_for_client(scopes=list(scopes))
                if self._cached_for_another_credential(result, app, client_id, credential):
                    if ui is not None:
                        ui.verbose("The cached token of this application was obtained with another credential; "
                                   "asking Azure AD.")
                    result = app.acquire_token_for_client(scopes=list(scopes))
            return self._result(result, app, env, tenant, client_id, list(scopes), secrets, credential)

    def acquire_by_refresh_token(self, env: CloudEnvironment, tenant: str, client_id: str,
                                 credential: Optional[Credential], refresh_token: str, scopes: list[str],
                                 ui: Optional[SignInUI]) -> TokenResult:
        """Redeems a refresh token (from elsewhere) for a token in ``tenant``;
        the new tokens, rotated refresh token included, go to the cache."""
        secrets = _secrets(credential) + (refresh_token,)
        with bound_ui(ui):
            app = self._app(env, tenant, client_id, credential)
            with _msal_failures(secrets):
                result = app.acquire_token_by_refresh_token(refresh_token, scopes=_user_scopes(list(scopes)))
            return self._result(result, app, env, tenant, client_id, list(scopes), secrets, credential)

    def acquire_interactive(self, env: CloudEnvironment, tenant: str, client_id: str,
                            credential: Optional[Credential], scopes: list[str], ui: Optional[SignInUI], *,
                            prompt: Optional[str] = "login", login_hint: Optional[str] = None,
                            timeout: float = 300.0) -> TokenResult:
        """Browser sign-in (authorization code with PKCE, state and nonce,
        checked by msal) through the loopback listener.  With a credential
        it is the confidential "secure application model" flow, which
        yields a refresh token for the application.  The code is redeemed
        once: the HTTP client never retries that request."""
        secrets = _secrets(credential)
        with bound_ui(ui):
            app = self._app(env, tenant, client_id, credential)
            with LoopbackListener(ui) as listener:
                flow_options: dict[str, Any] = {"redirect_uri": listener.redirect_uri}
                if prompt:
                    flow_options["prompt"] = prompt
                if login_hint:
                    flow_options["login_hint"] = login_hint
                flow = app.initiate_auth_code_flow(_user_scopes(list(scopes)), **flow_options)
                listener.start(flow["state"])
                open_sign_in_page(flow["auth_uri"], ui, env.sign_in_opener, listener.port)
                answer = listener.wait(timeout)
            code = answer.get("code") or ""
            try:
                with _msal_failures(secrets + (code,)):
                    result = app.acquire_token_by_auth_code_flow(flow, answer)
            except ValueError as exc:
                if "state" not in str(exc):
                    raise
                raise IdentityError("The browser's sign-in answer does not belong to this sign-in (state mismatch); "
                                    "it was refused. Sign in again.", code="StateMismatch",
                                    category="SecurityError") from None
            return self._result(result, app, env, tenant, client_id, list(scopes), secrets + (code,), credential)

    def acquire_by_device_code(self, env: CloudEnvironment, tenant: str, client_id: str, scopes: list[str],
                               ui: Optional[SignInUI]) -> TokenResult:
        """Device code sign-in for a public client (:mod:`.devicecode`)."""
        with bound_ui(ui):
            app = self._app(env, tenant, client_id, None)
            with _msal_failures(()):
                result = sign_in_with_device_code(app, _user_scopes(list(scopes)), ui)
            return self._result(result, app, env, tenant, client_id, list(scopes), ())

    def acquire_silent(self, env: CloudEnvironment, tenant: str, client_id: str, scopes: list[str],
                       ui: Optional[SignInUI], username: Optional[str] = None, *,
                       credential: Optional[Credential] = None) -> Optional[TokenResult]:
        """A token for an account already signed in with this client, from
        the cache (or its cached refresh token); None when there is none, when
        several accounts are cached and ``username`` does not choose one, or
        when it can no longer be used (the caller then signs in)."""
        secrets = _secrets(credential)
        with bound_ui(ui):
            app = self._app(env, tenant, client_id, credential)
            accounts = app.get_accounts(username=username)
            if len(accounts) != 1:
                if len(accounts) > 1 and ui is not None:
                    ui.verbose(f"{len(accounts)} accounts are signed in with this application; signing in to choose "
                               f"one.")
                return None
            account = accounts[0]
            with _msal_failures(secrets):
                result = app.acquire_token_silent_with_error(_user_scopes(list(scopes)), account)
            if not result:
                return None
            if "error" in result:
                if ui is not None:
                    reason = IdentityError.from_msal(result, secrets).message
                    ui.verbose(f"The cached sign-in of {account.get('username') or 'the account'} cannot be used "
                               f"({reason}); signing in again.")
                return None
            if credential is not None and self._cached_for_another_credential(result, app, client_id, credential):
                return None
            return self._result(result, app, env, tenant, client_id, list(scopes), secrets, credential)

    # --- housekeeping -----------------------------------------------------------------------

    def clear_cache(self, environment: Optional[CloudEnvironment] = None) -> None:
        """Empties the token cache (Clear-PwshlikeTokenCache), or removes
        only the tokens of ``environment``'s authority host."""
        cache = token_cache.shared_token_cache()
        if environment is None:
            cache.clear()
        else:
            cache.forget_environment(_host(environment.authority("organizations")))

    def close(self) -> None:
        """Closes the HTTP clients (at exit)."""
        with self._lock:
            clients, self._clients = self._clients, {}
            self._apps.clear()
        for _, adapter in clients.values():
            adapter.close()


def _secrets(credential: Optional[Credential]) -> tuple[str, ...]:
    return (credential.value,) if isinstance(credential, ClientSecret) else ()
