"""Settings for the whole test suite."""

from __future__ import annotations

from typing import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_xdg_folders(tmp_path_factory) -> Iterator[None]:
    """Every test runs with XDG folders of the suite's own, so that no test
    reads or writes the user's token cache, certificates, emulator files or
    history; tests that need their own folders set them on top of these."""
    root = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
            folder = root / variable.lower()
            folder.mkdir(mode=0o700)
            patch.setenv(variable, str(folder))
        yield


@pytest.fixture(autouse=True, scope="session")
def english_culture() -> Iterator[None]:
    """The suite runs as most users do, under en_US (the build machine's
    C.UTF-8 would be .NET's invariant culture): child processes get the
    setting from the environment, this process's session culture is set to
    match.  Tests of other cultures set them and put them back."""
    from pwshlike.dotnet import cultures
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("LC_ALL", "LC_MESSAGES"):
            patch.delenv(variable, raising=False)
        patch.setenv("LANG", "en_US.UTF-8")
        cultures.set_current("en-US")
        cultures.set_current_ui("en-US")
        yield


@pytest.fixture
def restore_type_data_and_views() -> Iterator[None]:
    """Type data and format views are process-wide (pwsh keeps them per
    session): drops the format files and type data a test loaded."""
    from pwshlike.dotnet import typedata
    from pwshlike.formatting.database import REGISTRY
    files = REGISTRY.files()
    types = dict(typedata.TABLE)
    yield
    for path in REGISTRY.files():
        if path not in files:
            REGISTRY.unload_file(path)
    typedata.TABLE.clear()
    typedata.TABLE.update(types)
