"""A home of a test module's own: XDG folders in a temporary directory."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

import pytest


@contextlib.contextmanager
def private_home(root: Path) -> Iterator[Path]:
    """XDG folders under ``root`` (so nothing touches the user's token
    cache, certificates or emulator files), no module path, no browser and
    the token cache on disk, for as long as the block runs."""
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
            (root / variable.lower()).mkdir(mode=0o700)
            patch.setenv(variable, str(root / variable.lower()))
        patch.setenv("PSModulePath", os.devnull)
        patch.delenv("PWSHLIKE_TOKEN_CACHE", raising=False)
        patch.delenv("BROWSER", raising=False)
        yield root
