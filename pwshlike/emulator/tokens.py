"""Issuing and verifying the emulator's JWTs.

Access tokens and id tokens carry the claims Azure AD v2.0 puts in them
(aud, iss, tid, oid, scp or roles, azp/appid, upn, name, ver 2.0, ...) and
are signed RS256 with one key whose certificate the JWKS publishes, so any
JWT library validates them the way it validates Azure AD's.  The key is
parsed once: signing is the hot path of the client-credentials benchmark.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any, Optional

from .directory import Tenant, User
from .errors import GraphError
from .keys import (
    b64url, certificate_from_pem, certificate_to_pem, key_from_pem, key_to_pem, new_rsa_key, self_signed_certificate)

# How the client authenticated, as azpacr/appidacr say it.
PUBLIC_CLIENT, CLIENT_SECRET, CLIENT_CERTIFICATE = "0", "1", "2"


@dataclass(frozen=True)
class SigningMaterial:
    """The token-signing key and its self-signed certificate, as PEM (the
    form the state file keeps)."""
    key_pem: str
    certificate_pem: str

    @classmethod
    def generate(cls) -> "SigningMaterial":
        key = new_rsa_key()
        certificate = self_signed_certificate(key, "pwshlike emulator token signing", days=3650)
        return cls(key_to_pem(key), certificate_to_pem(certificate))


def client_info(user: User) -> str:
    """msal's ``client_info``: base64url JSON naming the account's home (uid.utid)."""
    return b64url(json.dumps({"uid": user.id, "utid": user.tenant_id}, separators=(",", ":")).encode())


def _pairwise_subject(object_id: str, client_id: str) -> str:
    """``sub`` differs per application for the same user, as in Azure AD."""
    return b64url(hashlib.sha256(f"{object_id}:{client_id}".encode()).digest())


def _unique_token_id() -> str:
    return b64url(secrets.token_bytes(16))


class TokenIssuer:
    """Signs tokens for one emulator (its endpoint is in every ``iss``)."""

    def __init__(self, material: SigningMaterial, endpoint: str, lifetime: float) -> None:
        self.material = material
        self.endpoint = endpoint
        self.lifetime = int(lifetime)
        self._key = key_from_pem(material.key_pem)
        self._public_key = self._key.public_key()
        certificate = certificate_from_pem(material.certificate_pem)
        from cryptography.hazmat.primitives import hashes, serialization
        self._certificate_der = certificate.public_bytes(serialization.Encoding.DER)
        self.kid = b64url(certificate.fingerprint(hashes.SHA1()))
        self._headers = {"typ": "JWT", "kid": self.kid, "x5t": self.kid}

    def issuer(self, tenant_id: str) -> str:
        return f"{self.endpoint}/{tenant_id}/v2.0"

    def jwks(self, tenant_id: str) -> dict[str, Any]:
        numbers = self._public_key.public_numbers()

        def number(value: int) -> str:
            return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))
        return {"keys": [{
            "kty": "RSA", "use": "sig", "kid": self.kid, "x5t": self.kid, "n": number(numbers.n),
            "e": number(numbers.e), "x5c": [base64.b64encode(self._certificate_der).decode("ascii")],
            "issuer": self.issuer(tenant_id)}]}

    def _sign(self, claims: dict[str, Any]) -> str:
        import jwt
        return jwt.encode(claims, self._key, algorithm="RS256", headers=self._headers)

    def _times(self, now: float) -> dict[str, int]:
        issued = int(now)
        return {"iat": issued, "nbf": issued, "exp": issued + self.lifetime}

    def user_access_token(self, *, tenant: Tenant, user: User, client_id: str, client_name: str,
                          audience: str, scopes: list[str], client_auth: str, mfa: bool, now: float) -> str:
        claims: dict[str, Any] = {
            "aud": audience, "iss": self.issuer(tenant.id), **self._times(now),
            "amr": ["pwd", "mfa"] if mfa else ["pwd"], "app_displayname": client_name,
            "appid": client_id, "appidacr": client_auth, "azp": client_id, "azpacr": client_auth,
            "idtyp": "user", "name": user.display_name, "oid": user.id, "preferred_username": user.upn,
            "scp": " ".join(scopes), "sub": _pairwise_subject(user.id, client_id), "tid": tenant.id,
            "unique_name": user.upn, "upn": user.upn, "uti": _unique_token_id(), "ver": "2.0",
        }
        if tenant.id != user.tenant_id:   # a DAP agent in a customer tenant: say where the user is from
            claims["idp"] = f"https://sts.windows.net/{user.tenant_id}/"
        return self._sign(claims)

    def app_access_token(self, *, tenant_id: str, client_id: str, client_name: str, audience: str,
                         roles: list[str], client_auth: str, principal_id: str, now: float) -> str:
        claims: dict[str, Any] = {
            "aud": audience, "iss": self.issuer(tenant_id), **self._times(now),
            "app_displayname": client_name, "appid": client_id, "appidacr": client_auth, "azp": client_id,
            "azpacr": client_auth, "idtyp": "app", "oid": principal_id, "sub": principal_id,
            "tid": tenant_id, "uti": _unique_token_id(), "ver": "2.0",
        }
        if roles:
            claims["roles"] = roles
        return self._sign(claims)

    def id_token(self, *, tenant: Tenant, user: User, client_id: str, nonce: Optional[str], email: bool,
                 mfa: bool, now: float) -> str:
        claims: dict[str, Any] = {
            "aud": client_id, "iss": self.issuer(tenant.id), **self._times(now),
            "amr": ["pwd", "mfa"] if mfa else ["pwd"], "name": user.display_name, "oid": user.id,
            "preferred_username": user.upn, "sub": _pairwise_subject(user.id, client_id), "tid": tenant.id,
            "ver": "2.0",
        }
        if nonce:
            claims["nonce"] = nonce
        if email:
            claims["email"] = user.upn
        return self._sign(claims)

    def verify(self, token: str, audiences: tuple[str, ...], now: float) -> dict[str, Any]:
        """Validate an access token presented to the emulator's Graph side, as
        Graph does: our signature, the audience, the lifetime."""
        import jwt
        try:
            claims = jwt.decode(token, self._public_key, algorithms=["RS256"],
                                options={"verify_aud": False, "verify_exp": False, "verify_nbf": False})
        except jwt.InvalidSignatureError:
            raise GraphError(401, "InvalidAuthenticationToken",
                             "Access token validation failure. Invalid signature.") from None
        except jwt.PyJWTError:
            raise GraphError(401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed.") from None
        if claims.get("aud") not in audiences:
            raise GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.")
        skew = 300  # Graph tolerates five minutes of clock skew
        if not isinstance(claims.get("exp"), int) or claims["exp"] + skew < now:
            raise GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")
        if isinstance(claims.get("nbf"), int) and claims["nbf"] - skew > now:
            raise GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is not yet valid.")
        return claims
