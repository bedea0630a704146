"""A shell with the bundled plugins and a running emulator, for the
end-to-end tests of New-PartnerAccessToken: the real msal talks real HTTPS
to the emulator, in a temporary home (XDG folders) of the module's own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from .support import EmulatedShell, start_shell


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[Path]:
    """XDG folders of the module's own, so nothing touches the user's."""
    root = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
            (root / variable.lower()).mkdir(mode=0o700)
            patch.setenv(variable, str(root / variable.lower()))
        patch.setenv("PSModulePath", os.devnull)
        patch.delenv("PWSHLIKE_TOKEN_CACHE", raising=False)
        patch.delenv("BROWSER", raising=False)
        yield root


@pytest.fixture(scope="module")
def shell(home) -> Iterator[EmulatedShell]:
    """A session with an emulator started by ``Start-PwshlikeEmulator -AutoSignIn``."""
    host, session = start_shell()
    yield session
    session.run("Stop-PwshlikeEmulator")
    host.shutdown()
