"""What the end-to-end tests of New-PartnerAccessToken share: the seeded
directory's ids, a shell with a running emulator, pwshlike in a process of
its own."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from pwshlike.plugins.manager import PluginHost

from helpers.session import PluginSession

COMMAND = "Microsoft.Store.PartnerCenter.PowerShell.Commands.NewPartnerAccessToken"
PARTNER_CENTER = "https://api.partnercenter.microsoft.com/user_impersonation"
GRAPH_DEFAULT = "https://graph.microsoft.com/.default"
TENANT = "74ca439d-48c7-5500-beea-129c4e5ad155"
CUSTOMERS = ["a4dbc058-e873-5cb9-a31b-b22435cc8a3b", "9866fc41-32d8-5adc-b492-1e4fd7671d2e",
             "92f50f00-3bc2-5a26-b8c2-51a54291d960"]
APPLICATION = "f8e765a2-3737-50d3-aabd-0db60f836e5e"
PUBLIC_CLIENT = "923df251-be05-5664-aa90-9b6c96781770"
ADMIN = "admin@contosopartner.onmicrosoft.com"
EXCHANGE_CLIENT = "a0c73c16-a7e3-4564-9a95-2bdf47383716"


class EmulatedShell(PluginSession):
    """A session whose ``$emulator`` holds Start-PwshlikeEmulator's object."""

    info: Any = None

    def value(self, script: str) -> Any:
        [result] = self.run(script)
        return result

    def fact(self, name: str) -> Any:
        """A property of ``$emulator`` (Endpoint, CACertificatePath...)."""
        return self.info.get_property(name)

    def failure(self, script: str) -> dict[str, Any]:
        """Runs ``script``, which must fail once, and describes its error as
        a script sees it in ``$Error[0]``, with ``Text`` and ``Warnings``:
        what the console showed, the warnings among it."""
        result = self.result(script)
        assert len(result.errors) == 1 and not result.output, result
        fqid, category, message, exception = self.run(
            "$e = $Error[0]; [string]$e.FullyQualifiedErrorId; [string]$e.CategoryInfo.Category; "
            "$e.Exception.Message; $e.Exception.GetType().FullName")
        return {"FullyQualifiedErrorId": fqid, "Category": category, "Message": message, "Exception": exception,
                "Text": result.text, "Warnings": result.warnings}

    def shown(self) -> str:
        """Everything the console has shown in this session."""
        return "".join(result.text for result in self.results)

    def requests(self) -> list[Any]:
        """The emulator's request log, oldest first."""
        return self.run("Get-PwshlikeEmulatorLog")

    def requests_since(self, count: int) -> list[tuple[str, str, int, Any]]:
        """(Method, Path, StatusCode, ClientId) of the requests after the first ``count``."""
        return [(r.get_property("Method"), r.get_property("Path"), r.get_property("StatusCode"),
                 r.get_property("ClientId")) for r in self.requests()[count:]]

    def restart(self, arguments: str = "") -> None:
        """Replaces the emulator by one started with ``arguments`` and empties
        the token cache (the old emulator's tokens mean nothing to the new one)."""
        self.run("Stop-PwshlikeEmulator; Clear-PwshlikeTokenCache -Confirm:$false")
        self.info = self.value(f"$global:emulator = Start-PwshlikeEmulator {arguments}; $emulator")


def start_shell() -> tuple[PluginHost, EmulatedShell]:
    host = PluginHost(environ={**os.environ, "PWSHLIKE_PLUGIN_CACHE": "0"})
    session = EmulatedShell(host)
    session.info = session.value("$global:emulator = Start-PwshlikeEmulator -AutoSignIn; $emulator")
    return host, session


def emulator_server() -> Any:
    """The EmulatorServer this process runs (Start-PwshlikeEmulator's), for
    tests that need a value the emulator alone knows (a device code)."""
    from pwshlike_emulator import cmdlets
    return cmdlets._server


def claims(token: str) -> dict[str, Any]:
    """A JWT's claims, unverified (what the token says, not whether it is genuine)."""
    import jwt
    return jwt.decode(token, options={"verify_signature": False})


def pwshlike(script: str, *, env: dict[str, str] | None = None, timeout: float = 60,
             wait: bool = True) -> Any:
    """``pwshlike -NoProfile -NonInteractive -Command script`` in a process of
    its own, with this process's environment (the module's XDG folders, so
    it finds the running emulator in emulator.json) unless ``env`` is given."""
    command = [sys.executable, "-m", "pwshlike", "-NoProfile", "-NonInteractive", "-Command", script]
    environment = dict(os.environ if env is None else env, NO_COLOR="1")
    if not wait:
        return subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=timeout)


class Members:
    """An output object seen through its PowerShell members, as a script
    reads it (``$result.Account.Username``)."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        members = getattr(self._target, "PS_MEMBERS", None)
        if members is None or name not in members:
            raise AttributeError(f"{type(self._target).__name__} has no member {name}")
        value = getattr(self._target, members[name])
        return Members(value) if hasattr(value, "PS_MEMBERS") else value

    def __str__(self) -> str:
        return str(self._target)
