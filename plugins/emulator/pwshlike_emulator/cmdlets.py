"""The Pwshlike.Emulator cmdlets.

One emulator runs per process (the server lives in a background thread of
this shell); Get-PwshlikeEmulator also describes one that another process
started, from its ``emulator.json``.
"""

from __future__ import annotations

import atexit
import datetime
from typing import Any, Iterator, Optional

from pwshlike.plugin import (
    ArgumentException, Cmdlet, ErrorCategory, ErrorRecord, InvalidOperationException, PSCredential, PSCustomObject, Parameter,
    SecureString, cmdlet, environments, validate_range,
)

from . import INFO_TYPE, LOG_ENTRY_TYPE
from .environment import read_running_emulator, register, unregister

_server: Optional[Any] = None


def _describe(info: dict[str, Any]) -> PSCustomObject:
    """The object Start- and Get-PwshlikeEmulator output."""
    def credential(pair: dict[str, str]) -> PSCredential:
        return PSCredential(pair["UserName"], SecureString(pair["Password"]))

    properties = {
        "Endpoint": info["Endpoint"], "ActiveDirectoryAuthority": info["ActiveDirectoryAuthority"],
        "GraphEndpoint": info["GraphEndpoint"], "PartnerCenterEndpoint": info["PartnerCenterEndpoint"],
        "CACertificatePath": info["CACertificatePath"], "TenantId": info["TenantId"],
        "CustomerTenantIds": list(info["CustomerTenantIds"]), "ApplicationId": info["ApplicationId"],
        "Credential": credential(info["Credential"]), "CertificateThumbprint": info["CertificateThumbprint"],
        "PublicClientId": info["PublicClientId"], "UserName": info["UserName"],
        "UserCredential": credential(info["UserCredential"]), "AutoSignIn": bool(info.get("AutoSignIn")),
        "ProcessId": info["ProcessId"],
    }
    return PSCustomObject(properties, [INFO_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])


def _not_running(command: Cmdlet) -> None:
    exc = InvalidOperationException("No emulator is running in this shell. Start one with Start-PwshlikeEmulator.")
    command.throw_terminating_error(ErrorRecord(exc, "EmulatorNotRunning", ErrorCategory.ObjectNotFound, None))


def _running(command: Cmdlet) -> Any:
    if _server is None:
        _not_running(command)
    return _server


@cmdlet("Start-PwshlikeEmulator", output_types=(INFO_TYPE,))
class StartPwshlikeEmulator(Cmdlet):
    """Starts the Azure AD and Microsoft Graph emulator in this shell.

    The emulator serves Azure AD's v2.0 endpoints (discovery, sign-in pages,
    tokens, device codes) over HTTPS on 127.0.0.1, with a seeded directory: a
    partner tenant, three customer tenants, a confidential and a public
    application, and a user per tenant. It registers the Emulator
    environment, so New-PartnerAccessToken -Environment Emulator signs in to
    it with the real MSAL library. The object it outputs holds what a script
    needs: endpoints, tenant ids, the application's credential and
    certificate thumbprint, and the seeded user's credential."""

    help_examples = [
        ("Example 1: Start the emulator and sign in as its application",
         "$emulator = Start-PwshlikeEmulator -AutoSignIn\n"
         "New-PartnerAccessToken -Environment Emulator -ServicePrincipal -Credential $emulator.Credential "
         "-ApplicationId $emulator.ApplicationId -Tenant $emulator.TenantId "
         "-Scopes 'https://api.partnercenter.microsoft.com/.default'",
         "Starts the emulator with unattended sign-in and gets a token for the seeded application.")]
    help_notes = ("The emulator's certificate authority is kept in $XDG_DATA_HOME/pwshlike/emulator/ca.pem and "
                  "trusted only for the Emulator environment. While the emulator runs, "
                  "$XDG_RUNTIME_DIR/pwshlike/emulator.json describes it to other pwshlike processes.")

    port = Parameter("Int32", validators=(validate_range(0, 65535),), default=0,
                     help="The TCP port to listen on; 0 (the default) picks a free one.")
    state_path = Parameter("String", help="A JSON file the emulator loads its directory and tokens from, if it "
                                          "exists, and saves them to when it stops.")
    user_count = Parameter("Int32", validators=(validate_range(0, 100000),), default=0,
                           help="How many extra users to seed in the partner tenant (for load tests).")
    auto_sign_in = Parameter("SwitchParameter",
                             help="Signs the seeded partner user in without a page: device codes are approved on "
                                  "their first poll and browser sign-ins complete at once.")
    token_lifetime = Parameter("TimeSpan", help="How long access tokens are valid (one hour unless given).")
    device_code_lifetime = Parameter("TimeSpan", help="How long a device code can be approved (15 minutes unless "
                                                      "given).")

    def end_processing(self) -> Iterator[PSCustomObject]:
        global _server
        if _server is not None:
            exc = InvalidOperationException(f"An emulator is already running in this shell at "
                                            f"{_server.info()['Endpoint']}. Stop it with Stop-PwshlikeEmulator.")
            self.throw_terminating_error(ErrorRecord(exc, "EmulatorAlreadyRunning", ErrorCategory.ResourceExists,
                                                     None))
        from pwshlike.emulator.server import EmulatorServer
        options: dict[str, Any] = {"port": int(self.port), "state_path": self.state_path,
                                   "user_count": int(self.user_count), "auto_sign_in": bool(self.auto_sign_in)}
        if self.token_lifetime is not None:
            options["token_lifetime"] = _seconds(self.token_lifetime)
        if self.device_code_lifetime is not None:
            options["device_code_lifetime"] = _seconds(self.device_code_lifetime)
        try:
            server = EmulatorServer(**options).start()
        except OSError as exc:
            if exc.filename:  # its state file, certificate authority, certificate or emulator.json
                error = InvalidOperationException(f"The emulator could not start: '{exc.filename}': "
                                                  f"{exc.strerror or type(exc).__name__}.")
                self.throw_terminating_error(ErrorRecord(error, "EmulatorStartFailed", ErrorCategory.OpenError,
                                                         exc.filename))
            error = InvalidOperationException(f"The emulator could not listen on port {self.port}: "
                                              f"{exc.strerror or 'the port is not available'}.")
            self.throw_terminating_error(ErrorRecord(error, "EmulatorStartFailed", ErrorCategory.ResourceUnavailable,
                                                     self.port))
        except (ValueError, RuntimeError) as exc:
            # The emulator's own messages: an invalid state file (named), a server that did not start.
            self.throw_terminating_error(ErrorRecord(InvalidOperationException(str(exc)), "EmulatorStartFailed",
                                                     ErrorCategory.InvalidData, self.state_path))
        _server = server
        atexit.register(_stop_at_exit)
        info = server.info()
        register(environments(self), info)
        self.write_verbose(f"The emulator listens at {info['Endpoint']}; the Emulator environment is registered.")
        yield _describe(info)


def _seconds(span: datetime.timedelta) -> float:
    return span / datetime.timedelta(seconds=1)


def _stop_at_exit() -> None:
    global _server
    if _server is not None:
        server, _server = _server, None
        server.stop()


@cmdlet("Get-PwshlikeEmulator", output_types=(INFO_TYPE,))
class GetPwshlikeEmulator(Cmdlet):
    """Describes the running emulator: the one this shell started, or one another process runs."""

    def end_processing(self) -> Iterator[PSCustomObject]:
        info = _server.info() if _server is not None else read_running_emulator()
        if info is None:
            exc = InvalidOperationException("No emulator is running. Start one with Start-PwshlikeEmulator.")
            self.throw_terminating_error(ErrorRecord(exc, "EmulatorNotRunning", ErrorCategory.ObjectNotFound, None))
        yield _describe(info)


@cmdlet("Stop-PwshlikeEmulator")
class StopPwshlikeEmulator(Cmdlet):
    """Stops the emulator this shell started and forgets the Emulator environment."""

    def end_processing(self) -> None:
        global _server
        server = _running(self)
        _server = None
        try:
            server.stop()
        except OSError as exc:  # the state file could not be saved; the server has stopped all the same
            error = InvalidOperationException(f"The emulator stopped, but its state could not be saved to "
                                              f"'{server.state_path}': {exc.strerror or type(exc).__name__}.")
            self.write_error(ErrorRecord(error, "EmulatorStateNotSaved", ErrorCategory.WriteError, server.state_path))
        finally:
            unregister(environments(self))


@cmdlet("Get-PwshlikeEmulatorLog", output_types=(LOG_ENTRY_TYPE,))
class GetPwshlikeEmulatorLog(Cmdlet):
    """Gets the requests the emulator received, oldest first.

    Each entry names the time, method, path, status code, tenant, client and
    client-request-id of one request, and whether a fault answered it: tests
    and benchmarks read it to see what reached the server."""

    def end_processing(self) -> Iterator[PSCustomObject]:
        for entry in list(_running(self).log):
            yield PSCustomObject({"Time": entry.time, "Method": entry.method, "Path": entry.path,
                                  "StatusCode": entry.status_code, "TenantId": entry.tenant_id,
                                  "ClientId": entry.client_id, "ClientRequestId": entry.client_request_id,
                                  "Faulted": entry.faulted},
                                 [LOG_ENTRY_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])


@cmdlet("Set-PwshlikeEmulatorFault")
class SetPwshlikeEmulatorFault(Cmdlet):
    """Makes the emulator answer some requests with an error, late, or not at all.

    Requests whose path matches -Path (a wildcard) and, if given, -Method are
    faulted before they touch any state, so a 429 or a 503 never half-creates
    anything. With -Rate r, the matching requests at evenly spaced positions
    are faulted (every 5th for 0.2), cycling through -StatusCode in order.
    -Delay without -StatusCode adds latency only."""

    path = Parameter("String", mandatory=True, position=0, help="The request paths to fault (wildcards allowed).",
                     supports_wildcards=True)
    method = Parameter("String", help="Only requests with this HTTP method.")
    status_code = Parameter("Int32[]", validators=(validate_range(400, 599),),
                            help="The status codes to answer with, in turn.")
    rate = Parameter("Double", validators=(validate_range(0.0, 1.0),), default=1.0,
                     help="The share of matching requests to fault, from 0 to 1 (1 unless given).")
    retry_after = Parameter("Int32", validators=(validate_range(0, 86400),),
                            help="The Retry-After header, in seconds, of faulted answers.")
    delay = Parameter("Int32", validators=(validate_range(0, 600000),), default=0,
                      help="Milliseconds to wait before answering a matching request.")
    drop_connection = Parameter("SwitchParameter", help="Closes the connection without answering.")

    def end_processing(self) -> None:
        try:
            _running(self).set_fault(self.path, method=self.method, status_codes=tuple(self.status_code or ()),
                                     rate=float(self.rate), retry_after=self.retry_after, delay_ms=int(self.delay),
                                     drop_connection=bool(self.drop_connection))
        except ValueError as exc:  # a rule that would fault nothing: the emulator says why
            self.throw_terminating_error(ErrorRecord(ArgumentException(str(exc)), "InvalidFault",
                                                     ErrorCategory.InvalidArgument, self.path))


@cmdlet("Clear-PwshlikeEmulatorFault")
class ClearPwshlikeEmulatorFault(Cmdlet):
    """Removes every fault Set-PwshlikeEmulatorFault added."""

    def end_processing(self) -> None:
        _running(self).clear_faults()
