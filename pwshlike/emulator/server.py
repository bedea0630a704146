"""EmulatorServer: the emulator as a running HTTPS server.

uvicorn serves the starlette routes on a loop in a daemon thread, so the
shell that started it stays responsive and the emulator dies with it.  The
listening socket is bound before the thread starts: port 0 gets a free port
and the real one is known at once.  While it runs, ``emulator.json``
describes it to other pwshlike processes; the seeded app's PFX sits in our
certificate store so ``-CertificateThumbprint`` finds it.  starlette and
uvicorn are imported by :meth:`EmulatorServer.start` only.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from typing import Any, Optional

from ..identity import paths
from .ca import TlsFiles, ensure_tls_files
from .context import EmulatorContext, Settings
from .directory import Directory
from .faults import FaultRule, FaultRules
from .keys import key_from_pem, pfx_bytes
from .log import RequestLog, RequestLogEntry
from .state import EmulatorState, load as load_state_file, save as save_state_file, to_json as state_to_json

_START_TIMEOUT = 15.0


class EmulatorServer:
    """An Azure AD v2.0 emulator on loopback HTTPS (see the package docstring)."""

    def __init__(self, port: int = 0, state_path: Optional[str] = None, user_count: int = 0,
                 auto_sign_in: bool = False, token_lifetime: float = 3600.0, device_code_lifetime: float = 900.0,
                 host: str = "127.0.0.1") -> None:
        if token_lifetime <= 0 or device_code_lifetime <= 0:
            raise ValueError("Token and device code lifetimes must be positive.")
        if user_count < 0:
            raise ValueError("The user count cannot be negative.")
        self.requested_port = port
        self.state_path = state_path
        self.user_count = user_count
        self.auto_sign_in = auto_sign_in
        self.token_lifetime = token_lifetime
        self.device_code_lifetime = device_code_lifetime
        self.host = host
        self.port = 0
        self.faults = FaultRules()
        self.request_log = RequestLog()
        self.bugs: list[str] = []        # tracebacks of unexpected errors (tests assert there are none)
        self.context: Optional[EmulatorContext] = None
        self._server: Any = None
        self._thread: Optional[threading.Thread] = None
        self._loop: Any = None   # the server thread's asyncio loop
        self._failure: Optional[BaseException] = None
        self._tls: Optional[TlsFiles] = None
        self._pfx_path: Optional[str] = None

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def endpoint(self) -> str:
        return f"https://{self.host}:{self.port}"

    def start(self) -> "EmulatorServer":
        """Start serving; return once the server accepts connections."""
        if self.running:
            raise RuntimeError("The emulator is already running.")
        import uvicorn

        from .graph import fallback as graph_fallback, routes as graph_routes
        from .graph_directory import routes as graph_directory_routes
        from .graph_grants import routes as graph_grants_routes
        from .oauth import routes as oauth_routes
        from .signin import routes as signin_routes
        from .middleware import EmulatorMiddleware
        from starlette.routing import Router

        emulator_state = self._load_state()
        self._tls = ensure_tls_files()
        self._write_pfx(emulator_state.directory)
        listener = self._bind()
        self.port = listener.getsockname()[1]
        settings = Settings(self.endpoint, self.token_lifetime, self.device_code_lifetime, self.auto_sign_in)
        self.context = EmulatorContext(settings, emulator_state)
        served = graph_routes(self.context) + graph_directory_routes(self.context) + graph_grants_routes(self.context)
        router = Router(routes=oauth_routes(self.context) + signin_routes(self.context) + served
                        + [graph_fallback(served)])
        app = EmulatorMiddleware(router, emulator_state.directory, self.request_log, self.faults, self.bugs)
        # http="auto": httptools when it is installed (faster), h11 otherwise.
        config = uvicorn.Config(app, http="auto", lifespan="off", log_config=None, log_level="warning",
                                access_log=False, proxy_headers=False, server_header=False,
                                ssl_certfile=self._tls.server_certificate, ssl_keyfile=self._tls.server_key,
                                timeout_graceful_shutdown=2, timeout_keep_alive=30)
        self._server = uvicorn.Server(config)
        self._failure = None
        self._thread = threading.Thread(target=self._serve, args=(listener,), name="pwshlike-emulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self._server.should_exit = True
                listener.close()
                raise RuntimeError(f"The emulator did not start: {self._failure or 'timed out'}")
            time.sleep(0.005)
        try:
            self._write_info()
        except OSError:
            self.stop()  # a server no one can find would keep serving until the shell exits
            raise
        self._forget_earlier_tokens()
        return self

    def _forget_earlier_tokens(self) -> None:
        """Drops the user's cached tokens of earlier emulators.  msal keys its
        cache by host, not port, so a token an earlier emulator signed (other
        keys, other secrets, refresh tokens this one never issued) would be
        offered to this one and refused with a 401."""
        from ..identity.cache import shared_token_cache
        from ..identity.errors import IdentityError
        try:
            shared_token_cache().forget_environment(self.host)
        except IdentityError:
            pass  # a cache that cannot be read or written holds nothing to forget; sign-ins report it

    def _serve(self, listener: socket.socket) -> None:
        import asyncio
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._server.serve(sockets=[listener]))
        except BaseException as failure:  # reported by start() or visible as not running
            self._failure = failure
        finally:
            loop.close()

    def _bind(self) -> socket.socket:
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets that say so, and
        # without it every answer (headers, then body) waits 40 ms for a delayed ACK.
        listener = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET, socket.SOCK_STREAM,
                                 socket.IPPROTO_TCP)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind((self.host, self.requested_port))
        except OSError as failure:
            listener.close()
            raise OSError(failure.errno, f"Cannot listen on {self.host}:{self.requested_port}: "
                                         f"{failure.strerror}") from None
        listener.listen(2048)
        listener.setblocking(False)
        return listener

    def stop(self) -> None:
        """Stop serving; remove emulator.json (when it still describes this
        server), remove an ephemeral app certificate, save the state."""
        if self._server is not None:
            if self.running and self._loop is not None:
                self._loop.call_soon_threadsafe(self._drop_idle_connections)
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = None
        self._remove_info()
        if self.context is not None:
            if self.state_path:
                save_state_file(self.context.state, self.state_path)
            elif self._pfx_path:
                # Without a state file the app (and its certificate) dies with this run.
                _remove(self._pfx_path)
        self._pfx_path = None

    def _drop_idle_connections(self) -> None:
        """Close kept-alive connections that wait for no answer.  A TLS close
        would wait for the client's close_notify, which an idle pooled client
        never sends, and stop() would hang for the graceful timeout; an idle
        connection loses nothing by being cut."""
        for connection in list(self._server.server_state.connections):
            cycle = getattr(connection, "cycle", None)
            if cycle is None or cycle.response_complete:
                connection.transport.abort()

    def __enter__(self) -> "EmulatorServer":
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- state -------------------------------------------------------------------------------

    def _load_state(self) -> EmulatorState:
        if self.state_path and os.path.exists(self.state_path):
            loaded = load_state_file(self.state_path)
            if self.user_count:
                loaded.directory.add_extra_users(self.user_count)
            return loaded
        return EmulatorState.fresh(self.user_count)

    def save_state(self, path: Optional[str] = None) -> None:
        """Write the state now (to ``path``, or the state path).  While the
        server runs the snapshot is taken on its loop, between requests."""
        target = path or self.state_path
        if not target or self.context is None:
            raise ValueError("No state path: give one to save the emulator's state.")
        context = self.context
        if self.running and self._loop is not None:
            import asyncio

            async def snapshot() -> dict[str, Any]:
                return state_to_json(context.state)
            data = asyncio.run_coroutine_threadsafe(snapshot(), self._loop).result(timeout=10)
        else:
            data = state_to_json(context.state)
        paths.write_private_file(os.path.abspath(target), json.dumps(data, indent=1).encode("utf-8"))

    @property
    def directory(self) -> Directory:
        if self.context is None:
            raise RuntimeError("The emulator has not been started.")
        return self.context.directory

    # -- what it tells the world ----------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """The keys of emulator.json and of the standalone process's JSON line."""
        if self.context is None or self._tls is None:
            raise RuntimeError("The emulator has not been started.")
        d = self.context.directory
        app, admin = d.confidential_app, d.partner_admin
        return {
            "Endpoint": self.endpoint,
            "ActiveDirectoryAuthority": self.endpoint + "/",
            "GraphEndpoint": self.endpoint,
            "PartnerCenterEndpoint": self.endpoint + "/partnercenter",
            "CACertificatePath": self._tls.ca_certificate,
            "TenantId": d.partner_tenant_id,
            "PartnerTenantDomain": d.partner_tenant.domain,
            "CustomerTenantIds": [t.id for t in d.customer_tenants],
            "ApplicationId": app.app_id,
            "Credential": {"UserName": app.app_id, "Password": app.secrets[0]},
            "CertificateThumbprint": app.certificates[0].thumbprint,
            "PublicClientId": d.public_client_id,
            "UserName": admin.upn,
            "UserCredential": {"UserName": admin.upn, "Password": admin.password},
            "AutoSignIn": self.auto_sign_in,
            "ProcessId": os.getpid(),
            "Port": self.port,
        }

    def _write_info(self) -> None:
        paths.write_private_file(paths.emulator_info_path(), json.dumps(self.info(), indent=1).encode("utf-8"))

    def _remove_info(self) -> None:
        path = paths.emulator_info_path()
        try:
            with open(path, encoding="utf-8") as stream:
                described = json.load(stream)
        except (OSError, ValueError):
            return
        if described.get("ProcessId") == os.getpid() and described.get("Port") == self.port:
            _remove(path)

    def _write_pfx(self, directory: Directory) -> None:
        """The seeded app's certificate with its key, where -CertificateThumbprint
        looks: our store (through the identity service's own writer), never
        the .NET one."""
        from ..identity import certstore
        app = directory.confidential_app
        credential = app.certificates[0]
        self._pfx_path = os.path.join(paths.certificate_store_dirs()[0], f"{credential.thumbprint}.pfx")
        if not os.path.exists(self._pfx_path):
            certstore.add_pfx(pfx_bytes(key_from_pem(credential.key_pem), credential.certificate,
                                        app.display_name))

    # -- log and faults ------------------------------------------------------------------------

    @property
    def log(self) -> list[RequestLogEntry]:
        """Every request received, oldest first."""
        return self.request_log.entries()

    def clear_log(self) -> None:
        self.request_log.clear()

    def set_fault(self, path_wildcard: str, method: Optional[str] = None, status_codes: tuple[int, ...] = (),
                  rate: float = 1.0, retry_after: Optional[int] = None, delay_ms: int = 0,
                  drop_connection: bool = False) -> FaultRule:
        """Fault the requests ``path_wildcard`` matches (see faults.py)."""
        rule = FaultRule(path_wildcard, method, tuple(status_codes), rate, retry_after, delay_ms, drop_connection)
        self.faults.set(rule)
        return rule

    def clear_faults(self) -> None:
        self.faults.clear()


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
