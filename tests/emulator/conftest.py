"""Fixtures for the emulator's tests: servers in a temporary XDG tree."""

from __future__ import annotations

from typing import Iterator

import httpx
import pytest

from pwshlike.emulator import EmulatorServer

from .graph_support import Graph, app_token, user_token
from .support import MsalHttp, trusting

XDG_VARIABLES = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR")


@pytest.fixture(scope="package")
def xdg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("xdg")
    patch = pytest.MonkeyPatch()
    for name in XDG_VARIABLES:
        patch.setenv(name, str(root / name.lower()))
    yield str(root)
    patch.undo()


def _started(server: EmulatorServer) -> Iterator[EmulatorServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.bugs, server.bugs[0]


@pytest.fixture(scope="package")
def emulator(xdg: str) -> Iterator[EmulatorServer]:
    """Pages and polls need a person (or the test) to sign in."""
    yield from _started(EmulatorServer())


@pytest.fixture(scope="package")
def auto(xdg: str) -> Iterator[EmulatorServer]:
    """Auto sign-in: /authorize redirects at once, device codes approve on the first poll."""
    yield from _started(EmulatorServer(auto_sign_in=True))


@pytest.fixture(scope="package")
def http(emulator: EmulatorServer) -> Iterator[MsalHttp]:
    client = MsalHttp(emulator.info()["CACertificatePath"])
    yield client
    client.close()


@pytest.fixture(scope="package")
def raw(emulator: EmulatorServer) -> Iterator[httpx.Client]:
    """Plain HTTPS requests, no redirects followed (tests look at the 302s)."""
    with httpx.Client(verify=trusting(emulator.info()["CACertificatePath"]), timeout=30) as client:
        yield client


@pytest.fixture(scope="package")
def graph_server(xdg: str) -> Iterator[EmulatorServer]:
    """The Graph tests' own server: auto sign-in, and 120 users beyond the
    seed (more than Graph's default page of 100)."""
    yield from _started(EmulatorServer(auto_sign_in=True, user_count=120))


@pytest.fixture(scope="package")
def graph_http(graph_server: EmulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(verify=trusting(graph_server.info()["CACertificatePath"]), timeout=30) as client:
        yield client


@pytest.fixture(scope="package")
def graph_msal(graph_server: EmulatorServer) -> Iterator[MsalHttp]:
    client = MsalHttp(graph_server.info()["CACertificatePath"])
    yield client
    client.close()


@pytest.fixture(scope="package")
def partner(graph_server: EmulatorServer, graph_http: httpx.Client, graph_msal: MsalHttp) -> Graph:
    """The partner admin, signed in to the partner tenant with the public client."""
    return Graph(graph_http, graph_server.endpoint, user_token(graph_server, graph_msal)["access_token"])


@pytest.fixture(scope="package")
def customer(graph_server: EmulatorServer, graph_http: httpx.Client, graph_msal: MsalHttp) -> Graph:
    """The partner admin in the first customer tenant (by DAP)."""
    tenant = graph_server.info()["CustomerTenantIds"][0]
    return Graph(graph_http, graph_server.endpoint, user_token(graph_server, graph_msal, tenant)["access_token"])


@pytest.fixture(scope="package")
def app(graph_server: EmulatorServer, graph_http: httpx.Client) -> Graph:
    """The confidential app's own token in the partner tenant (read roles only)."""
    return Graph(graph_http, graph_server.endpoint, app_token(graph_server, graph_http))
