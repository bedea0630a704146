"""The ``Emulator`` environment: the emulator's endpoints with the real
services' resource identifiers, so that scopes and audiences are the ones a
script uses against Azure and only the place requests go changes.
"""

from __future__ import annotations

import os

from pwshlike.plugin import CloudEnvironment

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional

NAME = "Emulator"
FAMILIES = ("PartnerCenter", "MicrosoftGraph")
# The real services' identifiers: what scopes name and tokens carry as audience.
RESOURCES = {"PartnerCenter": "https://api.partnercenter.microsoft.com", "Graph": "https://graph.microsoft.com",
             "ExchangeOnline": "https://outlook.office365.com"}


def info_path() -> str:
    from pwshlike.emulator import emulator_info_path
    return emulator_info_path()


def read_running_emulator() -> Optional[dict[str, Any]]:
    """The description of an emulator whose process is alive, from its
    ``emulator.json``; None when there is none (or it is stale)."""
    try:
        with open(info_path(), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    import json  # only when an emulator has left its file: start-up stays light
    try:
        info = json.loads(text)
        os.kill(int(info["ProcessId"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


def register(environments: Any, info: dict[str, Any]) -> None:
    """Adds (or replaces) ``Emulator`` in every family that can use it."""
    authority = info["ActiveDirectoryAuthority"]
    opener = auto_sign_in_opener(info["CACertificatePath"]) if info.get("AutoSignIn") else None
    endpoints = {"ActiveDirectoryAuthority": authority, "AzureADEndpoint": authority.rstrip("/"),
                 "GraphEndpoint": info["GraphEndpoint"], "PartnerCenterEndpoint": info["PartnerCenterEndpoint"]}
    for family in FAMILIES:
        environments.add(CloudEnvironment(family, NAME, endpoints, resources=RESOURCES,
                                          ca_certificate_path=info["CACertificatePath"], instance_discovery=False,
                                          sign_in_opener=opener))


def unregister(environments: Any) -> None:
    for family in FAMILIES:
        environments.remove(family, NAME)


def auto_sign_in_opener(ca_path: str) -> Callable[[str], bool]:
    """The "browser" of an emulator started with -AutoSignIn: it requests the
    sign-in URL itself and follows the emulator's redirect to the waiting
    loopback listener, on a thread of its own because that listener runs in
    the caller's thread."""

    def follow(url: str) -> None:
        import ssl

        import httpx
        trust = ssl.create_default_context(cafile=ca_path)
        with httpx.Client(verify=trust, timeout=30.0, trust_env=False) as client:
            answer = client.get(url)
            location = answer.headers.get("location")
            if answer.is_redirect and location:
                client.get(location)

    def open_url(url: str) -> bool:
        import threading  # only when a sign-in opens the browser: start-up stays light
        threading.Thread(target=_quietly, args=(follow, url), name="pwshlike-emulator-sign-in", daemon=True).start()
        return True

    return open_url


def _quietly(function: Callable[[str], None], url: str) -> None:
    """A failed automatic sign-in shows up as the listener's timeout error,
    which says what to look at; this thread has nowhere to report."""
    try:
        function(url)
    except Exception:  # noqa: BLE001 - see the docstring
        pass
