"""The one exception the identity service raises, and how Azure AD's
answers become it.

Callers (the cmdlets) turn an :class:`IdentityError` into an error record:
``code`` is the first part of its FullyQualifiedErrorId (``AADSTS7000215``,
``invalid_grant`` when Azure AD gave no number, or one of our own codes such
as ``CertificateNotFound``), ``category`` the name of a PowerShell
``ErrorCategory``, and the message is what a person reads.  Messages never
hold a secret: Azure AD's descriptions hold none, and ``from_msal`` masks any
value it is told about, in case a server echoes one back.

Categories, chosen so that ``$Error[0].CategoryInfo.Category`` sorts failures
the way an administrator triages them:

- AuthenticationError: the credential or the sign-in is wrong or no longer
  valid (invalid secret or certificate, unknown client, expired or revoked
  refresh token, declined device code) and also multi-factor authentication
  being required (AADSTS50076/50079/50078): the fix is to sign in again,
  interactively, not to change a permission, so it is an authentication
  failure rather than a SecurityError.
- PermissionDenied: consent (AADSTS65001) or an assignment is missing.
- InvalidArgument: a scope, resource, tenant, redirect URI or request field is wrong.
- OperationTimeout: a device code expired; a browser sign-in never came back.
- LimitsExceeded: Azure AD is throttling.
- ConnectionError / ResourceUnavailable: the network or the service failed.
- SecurityError: the answer failed a protocol check (state or nonce mismatch).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

__all__ = ["IdentityError", "category_for"]

# Azure AD's numeric codes, by the category of the failure they report.
_CATEGORY_BY_AADSTS: dict[int, str] = {}
for _category, _codes in {
    "AuthenticationError": (
        7000215,  # invalid client secret
        7000222,  # expired client secret
        7000218,  # client_assertion or client_secret required (public flow for a confidential app)
        700027,   # client assertion signature invalid
        700024,   # client assertion not within its valid time range
        700023,   # invalid audience in the client assertion
        700016,   # application not found in the directory
        7000112,  # application disabled
        50034, 50126, 50053, 50055, 50057,  # unknown user, bad password, locked, expired, disabled
        50076, 50079, 50078, 50158,         # multi-factor or external security challenge required
        700082, 50173, 70008, 70043, 700084, 54005,  # expired, revoked or already-used grant
        70000,    # invalid grant
    ),
    "PermissionDenied": (65001, 65004, 50105, 53003, 90094, 90099, 50020),
    "InvalidArgument": (70011, 500011, 90002, 900144, 50011, 90014, 9002313, 50059, 90013, 900023,
                        700025, 900971, 50049, 700054),
    "OperationTimeout": (70020,),
    "LimitsExceeded": (50196,),
    "ResourceUnavailable": (90033, 50089),
}.items():
    for _code in _codes:
        _CATEGORY_BY_AADSTS[_code] = _category

# OAuth error names whose meaning is precise enough to decide the category
# before the number is looked at (the device code grant's errors).
_CATEGORY_BY_ERROR_FIRST = {
    "authorization_declined": "AuthenticationError",
    "expired_token": "OperationTimeout",
    "bad_verification_code": "InvalidArgument",
    "temporarily_unavailable": "ResourceUnavailable",
    "slow_down": "LimitsExceeded",
    "authorization_pending": "OperationTimeout",  # final only when the device code ran out
}

# OAuth error names used when Azure AD gave no number we know.
_CATEGORY_BY_ERROR = {
    "invalid_client": "AuthenticationError",
    "invalid_grant": "AuthenticationError",
    "unauthorized_client": "AuthenticationError",
    "interaction_required": "AuthenticationError",
    "login_required": "AuthenticationError",
    "consent_required": "PermissionDenied",
    "access_denied": "PermissionDenied",
    "invalid_scope": "InvalidArgument",
    "invalid_request": "InvalidArgument",
    "invalid_resource": "InvalidArgument",
    "unsupported_grant_type": "InvalidArgument",
    "unsupported_response_type": "InvalidArgument",
    "invalid_tenant": "InvalidArgument",
    "invalid_instance": "InvalidArgument",
    "server_error": "ResourceUnavailable",
}

_MFA_HINT = ("Multi-factor authentication is required: sign in interactively (in a browser, or with "
             "-UseDeviceAuthentication) to complete it.")
_SIGN_IN_AGAIN_HINT = "The refresh token can no longer be used: sign in again to get a new one."
_HINTS = {
    50076: _MFA_HINT, 50079: _MFA_HINT, 50078: _MFA_HINT, 50158: _MFA_HINT,
    65001: ("The application needs consent for these permissions: an administrator grants it in the "
            "Azure portal (Enterprise applications > Permissions), or a user grants it by signing in "
            "interactively."),
    700082: _SIGN_IN_AGAIN_HINT, 50173: _SIGN_IN_AGAIN_HINT, 70043: _SIGN_IN_AGAIN_HINT,
    700084: _SIGN_IN_AGAIN_HINT,
    7000218: ("This application is confidential: give its secret or certificate, or allow public client "
              "flows in its registration (Authentication > Allow public client flows)."),
    50011: ("Add http://localhost as a redirect URI of the application (platform 'Mobile and desktop "
            "applications'); any port then matches."),
}

_AADSTS = re.compile(r"\bAADSTS(\d+)\b")


def category_for(error: str, codes: Iterable[int] = ()) -> str:
    """The ErrorCategory name for an OAuth ``error`` and Azure AD's numeric codes."""
    if error in _CATEGORY_BY_ERROR_FIRST:
        return _CATEGORY_BY_ERROR_FIRST[error]
    for number in codes:
        if number in _CATEGORY_BY_AADSTS:
            return _CATEGORY_BY_AADSTS[number]
    return _CATEGORY_BY_ERROR.get(error, "NotSpecified")


class IdentityError(Exception):
    """A failure to get or read a token, ready to become an error record.

    ``code``: ``AADSTS<n>`` for Azure AD's numbered errors, the OAuth error
    name when it gave no number, or one of the service's own codes
    (CertificateNotFound, ConnectionError, SignInTimeout, NoFreePort,
    TokenExpired, InvalidToken...).  ``category``: a PowerShell ErrorCategory
    name.  ``error`` / ``error_codes`` / ``correlation_id`` / ``trace_id``
    keep Azure AD's raw fields for scripts that look deeper.
    """

    def __init__(self, message: str, *, code: str, category: str = "NotSpecified", error: str = "",
                 error_codes: Iterable[int] = (), correlation_id: Optional[str] = None,
                 trace_id: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.category = category
        self.error = error
        self.error_codes = tuple(error_codes)
        self.correlation_id = correlation_id
        self.trace_id = trace_id

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"IdentityError(code={self.code!r}, category={self.category!r}, message={self.message!r})"

    @classmethod
    def from_msal(cls, result: Mapping[str, Any], secrets: Iterable[Optional[str]] = ()) -> "IdentityError":
        """The error of an msal result (or of Azure AD's JSON error body).

        The message is the description's first line (Azure AD's own
        ``AADSTS<n>: ...`` sentence, without the Trace ID / Correlation ID /
        Timestamp lines that follow it), then a hint where one helps.  Any of
        ``secrets`` found in it is masked.
        """
        error = str(result.get("error") or "unknown_error")
        description = str(result.get("error_description") or "").strip()
        first_line = description.splitlines()[0].strip() if description else ""
        codes = [int(c) for c in (result.get("error_codes") or []) if str(c).isdigit()]
        if not codes:
            codes = [int(found) for found in _AADSTS.findall(description)[:1]]
        code = f"AADSTS{codes[0]}" if codes else error
        if not first_line:
            message = f"{code}: Azure AD answered '{error}' without a description."
        elif codes and not first_line.startswith(code):
            message = f"{code}: {first_line}"
        elif not codes:
            message = f"{error}: {first_line}"
        else:
            message = first_line
        hint = next((_HINTS[n] for n in codes if n in _HINTS), None)
        if hint:
            message = f"{message} {hint}"
        message = mask(message, secrets)
        return cls(message, code=code, category=category_for(error, codes), error=error, error_codes=codes,
                   correlation_id=result.get("correlation_id"), trace_id=result.get("trace_id"))


def mask(text: str, secrets: Iterable[Optional[str]]) -> str:
    """``text`` with every non-trivial value of ``secrets`` replaced by ``<redacted>``."""
    for secret in secrets:
        if secret and len(secret) >= 4 and secret in text:
            text = text.replace(secret, "<redacted>")
    return text
