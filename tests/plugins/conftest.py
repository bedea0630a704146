"""Sessions over plugin hosts built from a controlled environment.

Every host here discovers the real entry points (so the bundled plugins
are present, as installed) but reads its user plugin directory and entry
point cache from a temporary directory, never the developer's own.  The
sessions are PluginSessions, over the public ``pwshlike.testing.Session``,
closed when the test ends.
"""

from __future__ import annotations

import os
import textwrap
from typing import Any, Iterable, Iterator, Optional

import pytest

from pwshlike.plugins.manager import PluginHost

from helpers.session import PluginSession


class Environment:
    """Discovery settings in a temporary directory."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.values = {"XDG_DATA_HOME": str(root / "data"), "XDG_CACHE_HOME": str(root / "cache"),
                       "PWSHLIKE_PLUGIN_CACHE": "0"}
        self.sessions: list[PluginSession] = []

    @property
    def plugin_dir(self) -> Any:
        path = self.root / "data" / "pwshlike" / "plugins"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def add_user_plugin(self, name: str, source: str) -> None:
        (self.plugin_dir / f"{name}.py").write_text(textwrap.dedent(source))

    def host(self, plugins: Iterable[tuple[str, Any]] = (), **overrides: str) -> PluginHost:
        return PluginHost(environ={**self.values, **overrides}, plugins=plugins)

    def session(self, plugins: Optional[PluginHost] = None, **overrides: str) -> PluginSession:
        session = PluginSession(plugins if plugins is not None else self.host(**overrides))
        self.sessions.append(session)
        return session


@pytest.fixture
def env(tmp_path, monkeypatch) -> Environment:
    monkeypatch.setenv("PSModulePath", str(tmp_path / "modules"))
    environment = Environment(tmp_path)
    yield environment
    for session in environment.sessions:
        session.close()
    # User plugin modules were imported under their own names: forget them.
    import sys
    for name in list(sys.modules):
        module = sys.modules[name]
        if getattr(module, "__file__", None) and str(tmp_path) in str(module.__file__):
            del sys.modules[name]
    while str(tmp_path / "data" / "pwshlike" / "plugins") in sys.path:
        sys.path.remove(str(tmp_path / "data" / "pwshlike" / "plugins"))


_SHARED: dict[str, PluginHost] = {}


@pytest.fixture
def bundled(tmp_path_factory, monkeypatch) -> Iterator[PluginSession]:
    """A fresh session over a host shared by the tests that only use the
    bundled plugins (discovery done once), closed after the test."""
    monkeypatch.setenv("PSModulePath", os.devnull)
    host = _SHARED.get("host")
    if host is None:
        root = tmp_path_factory.mktemp("bundled")
        host = _SHARED["host"] = Environment(root).host()
    session = PluginSession(host)
    yield session
    session.close()


@pytest.fixture
def unreachable_emulator(bundled) -> Any:
    """An ``Emulator`` environment where nothing listens (a port just freed),
    so that a sign-in fails at once with a connection error, offline."""
    import socket

    from pwshlike.plugin import CloudEnvironment
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    authority = f"https://127.0.0.1:{port}/"
    registry = bundled.plugins.environments
    registry.add(CloudEnvironment("PartnerCenter", "Emulator", {"ActiveDirectoryAuthority": authority},
                                  resources={"PartnerCenter": "https://api.partnercenter.microsoft.com",
                                             "ExchangeOnline": "https://outlook.office365.com"},
                                  instance_discovery=False))
    yield authority
    registry.remove("PartnerCenter", "Emulator")
