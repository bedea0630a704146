"""Clear-PwshlikeTokenCache: forgetting every cached token and account.

The token cache is the identity service's (``pwshlike.identity``), shared
by every cmdlet that signs in and by every pwshlike process of the user.
The cmdlet asks the plugin host for it, so it lives in the plugin layer.
"""

from __future__ import annotations

from pwshlike.commands.cmdlet import Cmdlet, cmdlet


@cmdlet("Clear-PwshlikeTokenCache", supports_should_process=True, confirm_impact="Medium")
class ClearPwshlikeTokenCacheCommand(Cmdlet):
    """Removes every access token, refresh token and account from pwshlike's token cache.

    The cache is the file $XDG_CACHE_HOME/pwshlike/msal_token_cache.json
    (or the process's memory when PWSHLIKE_TOKEN_CACHE is 'memory'), shared
    by every pwshlike shell of the user. After clearing it, the next
    sign-in asks Azure AD again, and refresh tokens kept only in the cache
    are gone."""

    help_examples = [
        ('Example 1: Sign out everywhere',
         'Clear-PwshlikeTokenCache',
         'The next command that needs a token signs in again.'),
    ]

    help_notes = ("Tokens already returned to a script (in a variable, say) stay valid until they expire; "
                  "clearing the cache only stops pwshlike from reusing them.")

    def end_processing(self) -> None:
        from pwshlike.identity.errors import IdentityError
        from pwshlike.identity.paths import token_cache_path

        from .identity import identity_error_record
        if self.should_process(token_cache_path(), "Clear the token cache"):
            try:
                self.context.plugins.identity.service().clear_cache()
            except IdentityError as error:  # the cache is locked or cannot be written
                self.throw_terminating_error(identity_error_record(error))
