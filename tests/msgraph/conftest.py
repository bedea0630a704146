"""A shell with the bundled plugins and an emulator started by
``Start-PwshlikeEmulator -AutoSignIn``, in XDG folders of the module's own,
for the end-to-end tests of Microsoft.Graph.Authentication."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from pwshlike.plugins.manager import PluginHost

from helpers.home import private_home
from helpers.session import PluginSession


class GraphShell(PluginSession):
    """A session whose ``$emulator`` holds Start-PwshlikeEmulator's object."""

    def value(self, script: str) -> Any:
        [result] = self.run(script)
        return result

    def failure(self, script: str) -> Any:
        """Runs ``script``, which must fail once, and returns its error record."""
        result = self.result(script)
        assert len(result.errors) == 1, result
        return result.errors[0]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """XDG folders of the module's own, so nothing touches the user's."""
    with private_home(tmp_path_factory.mktemp("home")) as root:
        yield root


@pytest.fixture(scope="module")
def shell(home) -> Iterator[GraphShell]:
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    session = GraphShell(host)
    session.run("$global:emulator = Start-PwshlikeEmulator -AutoSignIn")
    yield session
    session.run("if (Get-MgContext) { $null = Disconnect-MgGraph }; Stop-PwshlikeEmulator")
    host.shutdown()
