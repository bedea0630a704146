"""Where identity state lives on disk, by the XDG base-directory rules.

Every function reads the environment when called, not at import, so a test
(or a user's shell) that changes ``XDG_*`` sees the new place at once.
"""

from __future__ import annotations

import contextlib
import os
import _thread


def _xdg(variable: str, *default: str) -> str:
    return os.environ.get(variable) or os.path.join(os.path.expanduser("~"), *default)


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/pwshlike``: state that can be rebuilt (tokens)."""
    return os.path.join(_xdg("XDG_CACHE_HOME", ".cache"), "pwshlike")


def data_dir() -> str:
    """``$XDG_DATA_HOME/pwshlike``: state a user keeps (certificates, the emulator's CA)."""
    return os.path.join(_xdg("XDG_DATA_HOME", ".local", "share"), "pwshlike")


def runtime_dir() -> str:
    """``$XDG_RUNTIME_DIR/pwshlike``, or :func:`cache_dir` where the session
    has no runtime directory (cron, some containers)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return os.path.join(runtime, "pwshlike") if runtime else cache_dir()


def token_cache_path() -> str:
    """The MSAL token cache every pwshlike process shares."""
    return os.path.join(cache_dir(), "msal_token_cache.json")


def certificate_store_dirs() -> list[str]:
    """The CurrentUser\\My stores searched by thumbprint: ours (writable)
    first, then the one .NET uses on Linux (read, never written)."""
    return [os.path.join(data_dir(), "x509stores", "my"),
            os.path.join(os.path.expanduser("~"), ".dotnet", "corefx", "cryptography", "x509stores", "my")]


def emulator_info_path() -> str:
    """The file a running emulator describes itself in, for other processes."""
    return os.path.join(runtime_dir(), "emulator.json")


def emulator_data_dir() -> str:
    """Where the emulator keeps its certificate authority across runs, so a
    person trusts it in a browser once."""
    return os.path.join(data_dir(), "emulator")


def write_private_file(path: str, data: bytes) -> None:
    """Replaces ``path`` with ``data``, readable by the owner alone from the
    first byte on (created 0600 in a folder made 0700, never widened then
    narrowed), through a temporary file and a rename, so that a reader in
    another process sees the old content or the new, never half of it.
    Raises OSError; the temporary file never outlives a failure."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.{_thread.get_ident()}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # a temporary file left by a crash kept its old mode
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
