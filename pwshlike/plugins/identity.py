"""What the plugin layer adds to the identity service: one service per
process, a cmdlet seen as the service's sign-in UI, and identity failures
turned into PowerShell error records.

The service itself (``pwshlike.identity``) knows nothing of cmdlets or
error records; this module is where the two meet, so that every plugin
(Partner Center, Microsoft Graph, a third party's) reports a failed sign-in
the same way.
"""

from __future__ import annotations

from pwshlike.dotnet.errors import (
    DotNetException, ErrorCategory, ErrorRecord, HttpRequestException, TimeoutException,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Optional


class MsalServiceException(DotNetException):
    """``Microsoft.Identity.Client.MsalServiceException``: Azure AD refused
    the request; ``ErrorCode`` is the AADSTS code (or the OAuth error)."""

    full_name = "Microsoft.Identity.Client.MsalServiceException"
    PS_MEMBERS = {**DotNetException.PS_MEMBERS, "ErrorCode": "error_code"}

    def __init__(self, message: str, error_code: str) -> None:
        super().__init__(message)
        self.error_code = error_code


class MsalClientException(MsalServiceException):
    """``Microsoft.Identity.Client.MsalClientException``: the sign-in failed
    on this side (no certificate, no free port, a malformed token)."""

    full_name = "Microsoft.Identity.Client.MsalClientException"


# Failures that never reached Azure AD, by the identity service's code.
_CLIENT_SIDE: dict[str, type[DotNetException]] = {
    "ConnectionError": HttpRequestException,
    "SignInTimeout": TimeoutException,
}


def identity_error_record(error: Any, target: Any = None) -> ErrorRecord:
    """An ``IdentityError`` as the error record a cmdlet writes or throws:
    the error id is the AADSTS code (or the service's own code), so the
    FullyQualifiedErrorId reads ``AADSTS7000215,<command type>``."""
    code = error.code
    exception_type = _CLIENT_SIDE.get(code)
    if exception_type is not None:
        exception: DotNetException = exception_type(str(error))
    elif error.error:  # Azure AD answered with an OAuth error
        exception = MsalServiceException(str(error), code)
    else:
        exception = MsalClientException(str(error), code)
    return ErrorRecord(exception, code, getattr(ErrorCategory, error.category, ErrorCategory.NotSpecified), target)


class CmdletSignInUI:
    """A cmdlet as the identity service's UI: device-code instructions and
    browser hints are warnings, progress is verbose, HTTP exchanges (already
    redacted by the service) are debug text."""

    def __init__(self, cmdlet: Any) -> None:
        self._cmdlet = cmdlet
        self.command: str = cmdlet.command_name

    def warning(self, text: str) -> None:
        self._cmdlet.write_warning(text)

    def verbose(self, text: str) -> None:
        self._cmdlet.write_verbose(text)

    def debug(self, text: str) -> None:
        self._cmdlet.write_debug(text)


class IdentityServiceHolder:
    """Creates the process's identity service on first use, so that msal
    and httpx stay unimported until a cmdlet signs in.  ``transport`` is
    the ``pwshlike_http_transport`` hook (a test's MockTransport wins)."""

    def __init__(self, transport: Callable[[], Optional[Any]]) -> None:
        self._transport = transport
        self._service: Optional[Any] = None

    def service(self) -> Any:
        if self._service is None:
            from pwshlike.identity.service import IdentityService
            self._service = IdentityService(transport_factory=self._transport)
        return self._service

    def close(self) -> None:
        if self._service is not None:
            service, self._service = self._service, None
            service.close()
