"""Device code sign-in: a code to enter on another device, and polling
until someone does.

msal's own message ("To sign in, use a web browser to open the page ... and
enter the code ...") is shown as a warning, which is how the PartnerCenter
module shows it (pwsh prints ``WARNING: To sign in, ...``).  Polling sleeps
between requests in msal's loop; Ctrl+C raises KeyboardInterrupt there and
nothing here catches it, so it reaches the shell, which stops the pipeline
without an error record, as pwsh does.
"""

from __future__ import annotations

from typing import Any, Optional

from .errors import IdentityError
from .http import SignInUI

__all__ = ["sign_in_with_device_code"]


def sign_in_with_device_code(app: Any, scopes: list[str], ui: Optional[SignInUI]) -> dict[str, Any]:
    """Runs the flow on msal application ``app``; returns msal's success
    dict, raises IdentityError for Azure AD's refusal (declined: AuthenticationError;
    expired: OperationTimeout)."""
    flow = app.initiate_device_flow(scopes=scopes)
    if "user_code" not in flow:
        raise IdentityError.from_msal(flow)
    if ui is not None:
        ui.warning(flow.get("message") or f"To sign in, open {flow.get('verification_uri')} and enter the code "
                                          f"{flow['user_code']}.")
    result = app.acquire_token_by_device_flow(flow)
    if result.get("error") in ("authorization_pending", "slow_down"):
        # msal stopped polling because the code's lifetime ran out.
        minutes = max(1, round(int(flow.get("expires_in") or 0) / 60))
        raise IdentityError(f"The device code expired: no one signed in with code {flow['user_code']} within "
                            f"{minutes} minute{'s' if minutes != 1 else ''}. Run the command again for a new code.",
                            code="DeviceCodeExpired", category="OperationTimeout")
    if "error" in result:
        raise IdentityError.from_msal(result, (flow.get("device_code"),))
    return result
