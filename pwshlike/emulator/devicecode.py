"""The device authorization grant (RFC 8628) as Azure AD runs it.

``/devicecode`` hands out a device code (the client's secret handle) and a
user code (what the person types on ``/devicelogin``).  Polls of the token
endpoint are answered, in Azure AD's order: ``expired_token`` once the code
has expired, ``slow_down`` when a client polls faster than the interval
(which then grows by five seconds, as the RFC asks), ``authorization_declined``
after the person declined, ``authorization_pending`` until they approve.
Codes live in memory only: they last minutes, like the device sessions they
stand for.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from typing import Optional

from .directory import Tenant
from .errors import authorization_declined, device_code_expired, device_code_redeemed, slow_down, user_code_not_valid
from .scopes import ScopeRequest

INTERVAL = 1   # seconds: unattended runs (and tests) poll fast
_SLOW_DOWN_STEP = 5
_JITTER = 0.25  # polls this much early still count as on time (network and timer jitter)
_USER_CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits if c not in "0O1IL")

PENDING, APPROVED, DECLINED, REDEEMED = "pending", "approved", "declined", "redeemed"


@dataclass
class DeviceCode:
    device_code: str
    user_code: str
    client_id: str
    tenant: Optional[Tenant]       # as the request's path named it; None for organizations/common
    request: ScopeRequest
    expires_at: float
    interval: int = INTERVAL
    status: str = PENDING
    last_poll: Optional[float] = None
    user_id: Optional[str] = None
    tenant_id: Optional[str] = None   # where the approving user signed in
    mfa: bool = False

    def approve(self, user_id: str, tenant_id: str, mfa: bool) -> None:
        self.status, self.user_id, self.tenant_id, self.mfa = APPROVED, user_id, tenant_id, mfa

    def decline(self) -> None:
        self.status = DECLINED


def normalize_user_code(text: str) -> str:
    """People type codes with spaces, dashes and lower case."""
    return "".join(c for c in text.upper() if c.isalnum())


class DeviceCodes:
    def __init__(self) -> None:
        self._by_device: dict[str, DeviceCode] = {}
        self._by_user: dict[str, DeviceCode] = {}

    def create(self, client_id: str, tenant: Optional[Tenant], request: ScopeRequest, lifetime: float,
               now: float) -> DeviceCode:
        self._forget_expired(now)
        user_code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(9))
        while user_code in self._by_user:
            user_code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(9))
        code = DeviceCode(secrets.token_urlsafe(96), user_code, client_id, tenant, request, now + lifetime)
        self._by_device[code.device_code] = code
        self._by_user[user_code] = code
        return code

    def _forget_expired(self, now: float) -> None:
        """Drop codes long past expiry (an hour later: until then a poll still
        gets expired_token rather than bad_verification_code).  Codes are
        added in order of expiry, so the expired ones are at the front."""
        while self._by_device:
            oldest = next(iter(self._by_device.values()))
            if oldest.expires_at + 3600 >= now:
                return
            del self._by_device[oldest.device_code]
            del self._by_user[oldest.user_code]

    def by_device_code(self, device_code: str) -> Optional[DeviceCode]:
        return self._by_device.get(device_code)

    def by_user_code(self, user_code: str, now: float) -> DeviceCode:
        """The pending code a person typed, or Azure AD's error for a code
        that is unknown, expired or already used."""
        code = self._by_user.get(normalize_user_code(user_code))
        if code is None or code.status != PENDING or code.expires_at <= now:
            raise user_code_not_valid()
        return code


def check_poll(code: DeviceCode, now: float) -> None:
    """Apply the polling rules; return only when the code is approved (or
    still pending: the caller decides whether auto sign-in approves it)."""
    if code.status == REDEEMED:
        raise device_code_redeemed()
    if code.expires_at <= now:
        raise device_code_expired()
    previous, code.last_poll = code.last_poll, now
    if previous is not None and now - previous < code.interval - _JITTER:
        code.interval += _SLOW_DOWN_STEP
        raise slow_down(code.interval)
    if code.status == DECLINED:
        raise authorization_declined()
