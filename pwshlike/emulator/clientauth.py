"""Client authentication at the token endpoint.

A confidential client proves itself with a secret (in the body, or HTTP
Basic as msal sends it) or with a certificate: a JWT assertion signed by the
private key of a certificate registered on the app, named in the header by
its SHA-1 (``x5t``, RS256) or SHA-256 (``x5t#S256``, PS256) thumbprint.  A
public client must send neither.  Failures are Azure AD's 401 invalid_client
errors.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from typing import Mapping, Optional
from urllib.parse import unquote_plus

from .directory import AppCertificate, Application
from .errors import (
    assertion_audience_invalid, assertion_key_not_found, assertion_signature_invalid, assertion_subject_mismatch,
    assertion_time_invalid, credential_required, invalid_basic_credential, invalid_client_secret,
    malformed_assertion, public_client_with_credential)
from .keys import b64url_decode
from .tokens import CLIENT_CERTIFICATE, CLIENT_SECRET, PUBLIC_CLIENT

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
_ASSERTION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
_CLOCK_SKEW = 300.0


@dataclass(frozen=True)
class PresentedCredentials:
    client_id: Optional[str]
    secret: Optional[str]
    assertion: Optional[str]
    assertion_type: Optional[str]


def read_credentials(form: Mapping[str, str], authorization: Optional[str]) -> PresentedCredentials:
    """What the request carries: body parameters, or HTTP Basic (RFC 6749
    2.3.1: both halves form-urlencoded before base64)."""
    client_id = form.get("client_id") or None
    secret = form.get("client_secret") or None
    if authorization and authorization[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            raise invalid_basic_credential() from None
        basic_id, _, basic_secret = decoded.partition(":")
        client_id = client_id or unquote_plus(basic_id) or None
        secret = secret or unquote_plus(basic_secret) or None
    return PresentedCredentials(client_id, secret, form.get("client_assertion") or None,
                                form.get("client_assertion_type") or None)


def authenticate(app: Application, presented: PresentedCredentials, audiences: list[str], now: float) -> str:
    """Check the credentials against ``app``; return how it authenticated
    (the azpacr value) or raise Azure AD's error.  ``audiences`` are the
    values an assertion's ``aud`` may take, the token endpoint first."""
    if app.public_client:
        if presented.secret or presented.assertion:
            raise public_client_with_credential()
        return PUBLIC_CLIENT
    if presented.assertion:
        _verify_assertion(app, presented, audiences, now)
        return CLIENT_CERTIFICATE
    if presented.secret:
        given = presented.secret.encode("utf-8")
        if not any(hmac.compare_digest(given, s.encode("utf-8")) for s in app.secrets):
            raise invalid_client_secret(app.app_id)
        return CLIENT_SECRET
    raise credential_required()


def _find_certificate(app: Application, header: dict[str, object]) -> AppCertificate:
    from cryptography.hazmat.primitives import hashes
    for name, algorithm in (("x5t#S256", hashes.SHA256()), ("x5t", hashes.SHA1())):
        value = header.get(name)
        if not isinstance(value, str):
            continue
        try:
            thumbprint = b64url_decode(value)
        except ValueError:
            raise malformed_assertion(f"The '{name}' header is not base64url.") from None
        for credential in app.certificates:
            if hmac.compare_digest(credential.certificate.fingerprint(algorithm), thumbprint):
                return credential
        raise assertion_key_not_found(thumbprint.hex().upper(), app.app_id)
    raise malformed_assertion("The client assertion names no key: it has neither 'x5t' nor 'x5t#S256'.")


def _verify_assertion(app: Application, presented: PresentedCredentials, audiences: list[str], now: float) -> None:
    import jwt
    if presented.assertion_type != JWT_BEARER:
        raise malformed_assertion(f"client_assertion_type '{presented.assertion_type}' is not supported; "
                                  f"use '{JWT_BEARER}'.")
    assertion = presented.assertion or ""
    try:
        header = jwt.get_unverified_header(assertion)
    except jwt.PyJWTError:
        raise malformed_assertion("The client assertion is not a JWT.") from None
    credential = _find_certificate(app, header)
    try:
        claims = jwt.decode(assertion, credential.certificate.public_key(), algorithms=_ASSERTION_ALGORITHMS,
                            options={"verify_aud": False, "verify_exp": False, "verify_nbf": False,
                                     "verify_iat": False, "verify_iss": False})
    except jwt.InvalidSignatureError:
        raise assertion_signature_invalid() from None
    except jwt.PyJWTError as failure:
        raise malformed_assertion(f"The client assertion could not be read ({failure}).") from None
    if claims.get("iss") != app.app_id or claims.get("sub") != app.app_id:
        raise assertion_subject_mismatch()
    audience = claims.get("aud")
    if not isinstance(audience, str) or audience.lower() not in {a.lower() for a in audiences}:
        raise assertion_audience_invalid(str(audience), audiences[0])
    expires, not_before = claims.get("exp"), claims.get("nbf", claims.get("iat", 0))
    if (not isinstance(expires, (int, float)) or not isinstance(not_before, (int, float))
            or expires + _CLOCK_SKEW < now or not_before - _CLOCK_SKEW > now):
        raise assertion_time_invalid(now, float(not_before or 0), float(expires or 0))
