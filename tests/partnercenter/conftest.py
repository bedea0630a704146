"""A shell with the bundled plugins and a running emulator, for the
end-to-end tests of New-PartnerAccessToken: the real msal talks real HTTPS
to the emulator, in a temporary home (XDG folders) of the module's own."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from helpers.home import private_home

from .support import EmulatedShell, start_shell


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """XDG folders of the module's own, so nothing touches the user's."""
    with private_home(tmp_path_factory.mktemp("home")) as root:
        yield root


@pytest.fixture(scope="module")
def shell(home) -> Iterator[EmulatedShell]:
    """A session with an emulator started by ``Start-PwshlikeEmulator -AutoSignIn``."""
    host, session = start_shell()
    yield session
    session.run("Stop-PwshlikeEmulator")
    host.shutdown()
