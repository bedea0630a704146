"""Profile scripts: pwsh's per-user profile paths on Unix and loading them.

pwsh keeps user profiles in ``$XDG_CONFIG_HOME/powershell`` (default
``~/.config/powershell``): ``profile.ps1`` for every host
(CurrentUserAllHosts) and ``Microsoft.PowerShell_profile.ps1`` for the
console host (CurrentUserCurrentHost).  Both are dot-sourced into the
global scope in that order unless ``-NoProfile``; ``$PROFILE`` holds the
CurrentUserCurrentHost path.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .session import Session

HOST_PROFILE = "Microsoft.PowerShell_profile.ps1"
ALL_HOSTS_PROFILE = "profile.ps1"


def config_directory() -> str:
    """``$XDG_CONFIG_HOME/powershell``, or ``~/.config/powershell``."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "powershell")


def profile_paths() -> list[str]:
    """CurrentUserAllHosts then CurrentUserCurrentHost, in loading order."""
    directory = config_directory()
    return [os.path.join(directory, ALL_HOSTS_PROFILE), os.path.join(directory, HOST_PROFILE)]


def set_profile_variable(session: Session) -> None:
    """``$PROFILE``: the CurrentUserCurrentHost path, set whether or not
    profiles load (as pwsh does)."""
    session.context.set_variable_value("global:PROFILE", profile_paths()[1])


def load_profiles(session: Session) -> int | None:
    """Dot-sources each existing profile into the global scope.  Errors are
    reported and loading goes on; returns the code of an ``exit`` in a
    profile (which ends the session), else None."""
    for path in profile_paths():
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8-sig", errors="replace") as handle:
                text = handle.read()
        except OSError as error:
            session.host.write_error_line(f"Cannot load profile '{path}': {error.strerror}")
            continue
        outcome = session.run(text, file=path, dot_source=True)
        if outcome.exit_code is not None:
            return outcome.exit_code
    return None
