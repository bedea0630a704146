"""Interactive sign-in in progress: pages between requests, and the codes
they end with.

An :class:`Interaction` carries a person from the sign-in form to the consent
(or device approval) page: the pages pass its id in a hidden field, so no
cookie is needed.  An :class:`AuthorizationCode` is what ``/authorize``
redirects back with: single-use, valid ten minutes, bound to the client, the
redirect URI and the PKCE challenge.  Both live in memory only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Callable, Optional, TypeVar

from .devicecode import DeviceCode
from .directory import Application, Tenant
from .scopes import ScopeRequest

CODE_LIFETIME = 600.0
INTERACTION_LIFETIME = 3600.0

Entry = TypeVar("Entry")


def _drop_oldest(entries: dict[str, Entry], stale: Callable[[Entry], bool]) -> None:
    """Forget stale entries.  Dicts keep insertion order and entries are
    added as time goes on, so the stale ones are at the front: a load test
    issuing thousands of codes pays O(1) per code, not a scan."""
    while entries:
        key, oldest = next(iter(entries.items()))
        if not stale(oldest):
            return
        del entries[key]


@dataclass
class AuthorizationRequest:
    """A validated ``/authorize`` request."""
    tenant: Optional[Tenant]      # None for organizations/common
    segment: str                  # the tenant as the URL wrote it
    client: Application
    redirect_uri: str
    request: ScopeRequest
    state: Optional[str]
    nonce: Optional[str]
    code_challenge: Optional[str]
    code_challenge_method: str
    response_mode: str
    login_hint: Optional[str]
    prompt: Optional[str]
    client_info: bool


@dataclass
class AuthorizationCode:
    code: str
    authorization: AuthorizationRequest
    user_id: str
    tenant_id: str
    mfa: bool
    issued_at: float
    redeemed: bool = False


class AuthorizationCodes:
    def __init__(self) -> None:
        self._codes: dict[str, AuthorizationCode] = {}

    def issue(self, authorization: AuthorizationRequest, user_id: str, tenant_id: str, mfa: bool,
              now: float) -> AuthorizationCode:
        _drop_oldest(self._codes, lambda c: c.issued_at + 6 * CODE_LIFETIME < now)
        code = AuthorizationCode("1.A" + secrets.token_urlsafe(96), authorization, user_id, tenant_id, mfa, now)
        self._codes[code.code] = code
        return code

    def get(self, code: str) -> Optional[AuthorizationCode]:
        return self._codes.get(code)


@dataclass
class Interaction:
    id: str
    created: float
    authorization: Optional[AuthorizationRequest] = None   # one of these two
    device: Optional[DeviceCode] = None
    user_id: Optional[str] = None       # set once the person signed in
    tenant_id: Optional[str] = None


class Interactions:
    def __init__(self) -> None:
        self._open: dict[str, Interaction] = {}

    def start(self, now: float, authorization: Optional[AuthorizationRequest] = None,
              device: Optional[DeviceCode] = None) -> Interaction:
        _drop_oldest(self._open, lambda i: i.created + INTERACTION_LIFETIME < now)
        interaction = Interaction(secrets.token_urlsafe(24), now, authorization, device)
        self._open[interaction.id] = interaction
        return interaction

    def get(self, interaction_id: str, now: float) -> Optional[Interaction]:
        interaction = self._open.get(interaction_id)
        if interaction is None or interaction.created + INTERACTION_LIFETIME < now:
            return None
        return interaction

    def finish(self, interaction_id: str) -> None:
        self._open.pop(interaction_id, None)
