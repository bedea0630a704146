"""Azure AD's errors: the AADSTS catalogue the emulator answers with.

Each function below builds one error exactly as Azure AD words it, so that a
script's error handling (and the messages a person searches for) are the
real ones.  Handlers raise the error; the HTTP layer renders it with
:func:`error_body`, which adds the trace and correlation ids and timestamp
Azure AD appends to every description.  Graph has its own error shape,
:class:`GraphError`.
"""

from __future__ import annotations

import datetime
import time
from typing import Optional


class AadError(Exception):
    """An OAuth error response: ``error`` (the RFC 6749 code), the AADSTS
    number and text, the HTTP status, and optional extras (suberror, claims)."""

    def __init__(self, status: int, error: str, code: int, text: str, **extra: str) -> None:
        super().__init__(f"AADSTS{code}: {text}")
        self.status = status
        self.error = error
        self.code = code
        self.text = text
        self.extra = extra

    @property
    def description(self) -> str:
        return f"AADSTS{self.code}: {self.text}"


class GraphError(Exception):
    """A Microsoft Graph error: ``{"error": {"code", "message", "innerError"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def timestamp(now: Optional[float] = None) -> str:
    """Azure AD's timestamp format: ``2024-05-01 12:00:00Z``."""
    moment = datetime.datetime.fromtimestamp(time.time() if now is None else now, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")


def iso_timestamp(epoch: float) -> str:
    """The seven-digit ISO form Azure AD puts inside some descriptions."""
    moment = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0Z"


def error_body(error: AadError, trace_id: str, correlation_id: str) -> dict[str, object]:
    """The JSON body Azure AD sends with an error."""
    stamp = timestamp()
    body: dict[str, object] = {
        "error": error.error,
        "error_description": (f"{error.description}\r\nTrace ID: {trace_id}\r\n"
                              f"Correlation ID: {correlation_id}\r\nTimestamp: {stamp}"),
        "error_codes": [error.code],
        "timestamp": stamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
        "error_uri": f"https://login.microsoftonline.com/error?code={error.code}",
    }
    body.update(error.extra)
    return body


# --- malformed requests -------------------------------------------------------------------

def missing_parameter(name: str) -> AadError:
    return AadError(400, "invalid_request", 900144,
                    f"The request body must contain the following parameter: '{name}'.")


def post_only(method: str) -> AadError:
    return AadError(400, "invalid_request", 900561,
                    f"The endpoint only accepts POST, OPTIONS requests. Received a {method} request.")


def unsupported_grant_type(grant_type: str) -> AadError:
    return AadError(400, "unsupported_grant_type", 70003,
                    f"The app requested an unsupported grant type '{grant_type}'.")


def unsupported_response_type(response_type: str) -> AadError:
    return AadError(400, "unsupported_response_type", 700054,
                    f"response_type '{response_type}' is not enabled for the application.")


def unsupported_response_mode(response_mode: str) -> AadError:
    return AadError(400, "invalid_request", 70007,
                    f"The application returned an unsupported value of 'response_mode': '{response_mode}'.")


def flow_expired() -> AadError:
    return AadError(400, "invalid_request", 50089,
                    "Authentication failed due to flow token expired. Start the sign-in again from the app.")


def invalid_code_challenge(reason: str) -> AadError:
    return AadError(400, "invalid_request", 501491, reason)


def request_too_large() -> AadError:
    return AadError(413, "invalid_request", 90015, "The request is too large.")


def server_error() -> AadError:
    """Only for a genuine bug in the emulator: Azure AD's generic failure."""
    return AadError(500, "server_error", 50000,
                    "There was an error issuing a token or an issue with our sign-in service.")


# --- tenants and instances ----------------------------------------------------------------

def tenant_not_found(tenant: str) -> AadError:
    return AadError(400, "invalid_tenant", 90002,
                    f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are "
                    "signing into the correct cloud. Check with your subscription administrator, this may "
                    "happen if there are no active subscriptions for the tenant.")


def no_tenant_for_client_credentials() -> AadError:
    return AadError(400, "invalid_request", 50059,
                    "No tenant-identifying information found in either the request or implied by any "
                    "provided credentials.")


def unknown_instance() -> AadError:
    return AadError(400, "invalid_instance", 50049, "Unknown or invalid instance.")


# --- clients and their credentials ---------------------------------------------------------

def application_not_found(client_id: str, tenant_name: str) -> AadError:
    return AadError(400, "unauthorized_client", 700016,
                    f"Application with identifier '{client_id}' was not found in the directory "
                    f"'{tenant_name}'. This can happen if the application has not been installed by the "
                    "administrator of the tenant or consented to by any user in the tenant. You may have "
                    "sent your authentication request to the wrong tenant.")


def invalid_client_secret(client_id: str) -> AadError:
    return AadError(401, "invalid_client", 7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the "
                    f"client secret value, not the client secret ID, for a secret added to app '{client_id}'.")


def credential_required() -> AadError:
    return AadError(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or "
                    "'client_secret'.")


def invalid_basic_credential() -> AadError:
    return AadError(401, "invalid_client", 50012, "The Authorization header is not a valid Basic credential.")


def public_client_with_credential() -> AadError:
    return AadError(401, "invalid_client", 700025,
                    "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.")


def malformed_assertion(reason: str) -> AadError:
    return AadError(401, "invalid_client", 50027, f"JWT token is invalid or malformed. {reason}")


def assertion_key_not_found(thumbprint: str, client_id: str) -> AadError:
    return AadError(401, "invalid_client", 700027,
                    "The certificate with identifier used to sign the client assertion is not registered on "
                    f"application. [Reason - The key was not found., Thumbprint of key used by client: "
                    f"'{thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph "
                    f"to see configured keys for app Id '{client_id}'.]")


def assertion_signature_invalid() -> AadError:
    return AadError(401, "invalid_client", 700027, "Client assertion failed signature validation.")


def assertion_audience_invalid(audience: str, expected: str) -> AadError:
    return AadError(401, "invalid_client", 700027,
                    f"Client assertion contains an invalid audience '{audience}'. Expected '{expected}'.")


def assertion_subject_mismatch() -> AadError:
    return AadError(401, "invalid_client", 700021,
                    "Client assertion application identifier doesn't match 'client_id' parameter.")


def assertion_time_invalid(now: float, valid_from: float, expires: float) -> AadError:
    return AadError(401, "invalid_client", 700024,
                    f"Client assertion is not within its valid time range. Current time: {iso_timestamp(now)}, "
                    f"assertion valid from {iso_timestamp(valid_from)}, expiry time of assertion "
                    f"{iso_timestamp(expires)}.")


# --- scopes and resources -------------------------------------------------------------------

def resource_not_found(resource: str, tenant_name: str) -> AadError:
    return AadError(400, "invalid_resource", 500011,
                    f"The resource principal named {resource} was not found in the tenant named "
                    f"{tenant_name}. This can happen if the application has not been installed by the "
                    "administrator of the tenant or consented to by any user in the tenant. You might have "
                    "sent your authentication request to the wrong tenant.")


def invalid_scope(scope: str) -> AadError:
    return AadError(400, "invalid_scope", 70011,
                    f"The provided value for the input parameter 'scope' is not valid. The scope {scope} "
                    "is not valid.")


def default_scope_combined(scope: str) -> AadError:
    return AadError(400, "invalid_scope", 70011,
                    f"The provided value for the input parameter 'scope' is not valid. The scope {scope} "
                    "is not valid. .default scope can't be combined with resource-specific scopes.")


def client_credentials_scope(scope: str) -> AadError:
    return AadError(400, "invalid_scope", 1002012,
                    f"The provided value for scope {scope} is not valid. Client credential flows must have a "
                    "scope value with /.default suffixed to the resource identifier (application ID URI).")


def multiple_resources(scope: str) -> AadError:
    return AadError(400, "invalid_scope", 28000,
                    "Provided value for the input parameter scope is not valid because it contains more than "
                    f"one resource. Scope {scope} is not valid.")


# --- users, consent, conditional access ----------------------------------------------------

def consent_required(client_id: str, client_name: str) -> AadError:
    return AadError(400, "invalid_grant", 65001,
                    f"The user or administrator has not consented to use the application with ID "
                    f"'{client_id}' named '{client_name}'. Send an interactive authorization request for "
                    "this user and resource.", suberror="consent_required")


def consent_declined() -> AadError:
    return AadError(400, "access_denied", 65004, "User declined to consent to access the app.")


def mfa_required(resource_app_id: str, policy_id: str) -> AadError:
    claims = ('{"access_token":{"capolids":{"essential":true,"values":["' + policy_id + '"]}}}')
    return AadError(400, "invalid_grant", 50076,
                    "Due to a configuration change made by your administrator, or because you moved to a new "
                    f"location, you must use multi-factor authentication to access '{resource_app_id}'.",
                    suberror="basic_action", claims=claims)


def user_not_in_tenant(upn: str, home_tenant_id: str, tenant_name: str, client_id: str, client_name: str) -> AadError:
    return AadError(400, "invalid_grant", 50020,
                    f"User account '{upn}' from identity provider 'https://sts.windows.net/{home_tenant_id}/' "
                    f"does not exist in tenant '{tenant_name}' and cannot access the application "
                    f"'{client_id}'({client_name}) in that tenant. The account needs to be added as an "
                    "external user in the tenant first. Sign out and sign in again with a different Azure "
                    "Active Directory user account.")


def unknown_user(upn: str, tenant_name: str) -> AadError:
    return AadError(400, "invalid_grant", 50034,
                    f"The user account {upn} does not exist in the {tenant_name} directory. To sign into "
                    "this application, the account must be added to the directory.")


def invalid_password() -> AadError:
    return AadError(400, "invalid_grant", 50126,
                    "Error validating credentials due to invalid username or password.")


def login_required() -> AadError:
    return AadError(400, "login_required", 50058,
                    "A silent sign-in request was sent but no user is signed in.")


def redirect_uri_mismatch(redirect_uri: str, client_id: str) -> AadError:
    return AadError(400, "invalid_request", 50011,
                    f"The redirect URI '{redirect_uri}' specified in the request does not match the redirect "
                    f"URIs configured for the application '{client_id}'. Make sure the redirect URI sent in "
                    "the request matches one added to your application in the Azure portal. Navigate to "
                    "https://aka.ms/redirectUriMismatchError to learn more about how to fix this.")


# --- grants: refresh tokens, codes, device codes -------------------------------------------

def malformed_grant() -> AadError:
    return AadError(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.")


def grant_for_other_client() -> AadError:
    return AadError(400, "invalid_grant", 70000,
                    "Provided grant is invalid or malformed. The grant was issued to a different client.")


def refresh_token_inactive(issued_at: float) -> AadError:
    return AadError(400, "invalid_grant", 700082,
                    f"The refresh token has expired due to inactivity. The token was issued on "
                    f"{iso_timestamp(issued_at)} and was inactive for 90.00:00:00.", suberror="bad_token")


def refresh_token_revoked(issued_at: float, valid_from: float) -> AadError:
    return AadError(400, "invalid_grant", 50173,
                    "The provided grant has expired due to it being revoked, a fresh auth token is needed. "
                    "The user might have changed or reset their password. The grant was issued on "
                    f"'{iso_timestamp(issued_at)}' and the TokensValidFrom date (before which tokens are not "
                    f"valid) for this user is '{iso_timestamp(valid_from)}'.", suberror="bad_token")


def code_not_valid() -> AadError:
    return AadError(400, "invalid_grant", 70000, "The provided value for the 'code' parameter is not valid.")


def code_redeemed() -> AadError:
    return AadError(400, "invalid_grant", 54005,
                    "OAuth2 Authorization code was already redeemed, please retry with a new valid code or "
                    "use an existing refresh token.")


def code_expired() -> AadError:
    return AadError(400, "invalid_grant", 70008,
                    "The provided authorization code or refresh token has expired due to inactivity. Send a "
                    "new interactive authorization request for this user and resource.")


def code_for_other_tenant() -> AadError:
    return AadError(400, "invalid_grant", 700005,
                    "Provided Authorization Code is intended to use against other tenant, hence rejected.")


def reply_address_mismatch(given: str, expected: str) -> AadError:
    return AadError(400, "invalid_grant", 500112,
                    f"The reply address '{given}' does not match the reply address '{expected}' provided when "
                    "requesting Authorization code.")


def code_verifier_mismatch() -> AadError:
    return AadError(400, "invalid_grant", 501481,
                    "The Code_Verifier does not match the code_challenge supplied in the authorization request.")


def authorization_pending() -> AadError:
    return AadError(400, "authorization_pending", 70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")


def slow_down(interval: int) -> AadError:
    return AadError(400, "slow_down", 70016,
                    f"OAuth 2.0 device flow error. Polling too fast: wait {interval} seconds between requests.")


def authorization_declined() -> AadError:
    return AadError(400, "authorization_declined", 65004, "User declined to consent to access the app.")


def device_code_expired() -> AadError:
    return AadError(400, "expired_token", 70020,
                    "The provided value for the input parameter 'device_code' is not valid. This device code "
                    "has expired.")


def bad_verification_code() -> AadError:
    return AadError(400, "bad_verification_code", 70018,
                    "The provided value for the input parameter 'device_code' is not valid.")


def device_code_redeemed() -> AadError:
    return AadError(400, "invalid_grant", 54005,
                    "OAuth2 device code was already redeemed, please retry with a new device code or use an "
                    "existing refresh token.")


def user_code_not_valid() -> AadError:
    return AadError(400, "invalid_request", 70018,
                    "Invalid verification code. The code you entered has expired or is not valid; check it "
                    "and try again, or start over from the application.")


# --- injected faults -----------------------------------------------------------------------

def fault(status: int, retry_after: Optional[int]) -> AadError:
    """What a fault rule answers: Azure AD's throttling and transient-error
    shapes for 429 and 503, its generic failure for other 5xx."""
    wait = f" Retry after {retry_after} seconds." if retry_after else ""
    if status == 429:
        return AadError(429, "temporarily_unavailable", 90055,
                        f"There are too many incoming requests. The request was throttled.{wait}")
    if status == 503:
        return AadError(503, "temporarily_unavailable", 90033, f"A transient error has occurred. Please try again.{wait}")
    if status >= 500:
        return AadError(status, "server_error", 50000,
                        "There was an error issuing a token or an issue with our sign-in service.")
    return AadError(status, "invalid_request", 90100, f"The request was rejected (injected fault {status}).")
