"""Refresh tokens: opaque, multi-resource, rotated, expiring after 90 idle days.

As in Azure AD a refresh token is bound to a user and a client, not to a
resource or a tenant: the partner admin's token is redeemable for Graph,
Partner Center and every customer tenant the admin holds DAP in.  Each
redemption returns a new token and leaves the old one valid (Azure AD does
not revoke on rotation), but records when it was last used: 90 days without
use expire it (AADSTS700082), and revokeSignInSessions kills every token
issued before it (AADSTS50173).

Only a SHA-256 of each token is kept, in memory and in the state file, so
a state file never holds a usable token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Optional

INACTIVITY_LIMIT = 90 * 86400.0


@dataclass
class RefreshToken:
    digest: str
    client_id: str
    user_id: str
    issued_at: float
    last_used: float
    mfa: bool        # the sign-in behind it satisfied multi-factor authentication


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class RefreshTokenStore:
    def __init__(self) -> None:
        self.tokens: dict[str, RefreshToken] = {}

    def issue(self, client_id: str, user_id: str, mfa: bool, now: float) -> str:
        token = "1." + secrets.token_urlsafe(96)
        record = RefreshToken(digest_of(token), client_id, user_id, now, now, mfa)
        self.tokens[record.digest] = record
        return token

    def find(self, token: str) -> Optional[RefreshToken]:
        return self.tokens.get(digest_of(token))

    @staticmethod
    def inactive(record: RefreshToken, now: float) -> bool:
        return now - record.last_used > INACTIVITY_LIMIT
