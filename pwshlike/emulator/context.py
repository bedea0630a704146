"""Everything a request handler works on, in one object.

The HTTP routes are thin: they read the request, call into this context's
stores and the grant logic, and render the result.  Keeping the world in
one object (rather than module globals) lets several emulators run in one
process, each with its own directory, as the tests do.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional

from .devicecode import DeviceCodes
from .directory import Tenant
from .errors import tenant_not_found
from .signin_state import AuthorizationCodes, Interactions
from .state import EmulatorState
from .tokens import TokenIssuer

MULTI_TENANT_ALIASES = frozenset({"organizations", "common"})


@dataclass(frozen=True)
class Settings:
    endpoint: str              # https://127.0.0.1:PORT, the base of every URL the emulator hands out
    token_lifetime: float      # seconds an access or id token is valid
    device_code_lifetime: float
    auto_sign_in: bool


class EmulatorContext:
    def __init__(self, settings: Settings, state: EmulatorState, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.state = state
        self.directory = state.directory
        self.refresh_tokens = state.refresh_tokens
        self.issuer = TokenIssuer(state.signing, settings.endpoint, settings.token_lifetime)
        self.codes = AuthorizationCodes()
        self.devices = DeviceCodes()
        self.interactions = Interactions()
        self.clock = clock

    def tenant_for_path(self, segment: str) -> Optional[Tenant]:
        """The tenant a URL path names; None for ``organizations``/``common``
        (the signed-in user decides); AADSTS90002 when there is no such tenant."""
        if segment.lower() in MULTI_TENANT_ALIASES:
            return None
        tenant = self.directory.tenant(segment)
        if tenant is None:
            raise tenant_not_found(segment)
        return tenant

    def tenant_label(self, tenant: Optional[Tenant], segment: str) -> str:
        """How Azure AD names the directory in messages: its display name, or
        the path segment for organizations/common."""
        return tenant.display_name if tenant else segment

    def url(self, path: str) -> str:
        return self.settings.endpoint + path
