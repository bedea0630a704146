"""``PSInvocationSettings`` for ``PowerShell.Invoke(input, settings)``, and
what its ``AddToHistory`` does to ``$^`` and ``$$``.

pwsh parses a script added to history with ``addToHistory``, which sets
``$^`` and ``$$`` to the first and last token of the script parsed before
it in the same runspace (pwsh's Parser.SetPreviousFirstLastToken) and then
remembers this script's.  Comments, new lines and line continuations are
not tokens for this, and a script that is only those changes nothing.
The invocation itself becomes an entry of the runspace's history
(Get-History), recorded by ``powershell_api``.
"""

from __future__ import annotations

from typing import Any, Optional

from pwshlike.dotnet import conversions
from pwshlike.language.tokens import TokenKind

_SKIPPED = (TokenKind.NewLine, TokenKind.LineContinuation, TokenKind.Comment, TokenKind.EndOfInput)
_STRINGS = (TokenKind.StringLiteral, TokenKind.StringExpandable, TokenKind.HereStringLiteral,
            TokenKind.HereStringExpandable)


class PSInvocationSettings:
    """``[System.Management.Automation.PSInvocationSettings]::new()``."""

    __slots__ = ("AddToHistory",)

    def __init__(self) -> None:
        self.AddToHistory = False


def adds_to_history(settings: Any) -> bool:
    return isinstance(settings, PSInvocationSettings) and conversions.to_bool(settings.AddToHistory)


def remember_first_last(runspace: Any, context: Any, tokens: list[Any]) -> None:
    """Sets ``$^``/``$$`` from the previous script's tokens, then keeps
    this script's first and last (``runspace.previous_tokens``)."""
    kept = [token for token in tokens if token.kind not in _SKIPPED]
    if not kept:
        return
    first_text, last_text = runspace.previous_tokens
    context.set_variable_value("global:^", first_text)
    context.set_variable_value("global:$", last_text)
    first = _text(kept[0])
    last = _text(kept[-1])
    runspace.previous_tokens = (first if first is not None else first_text,
                                last if last is not None else last_text)


def _text(token: Any) -> Optional[str]:
    """A token's text for ``$^``/``$$`` (a string's value); None for the
    ``$^`` and ``$$`` tokens themselves, which leave the memory as it was."""
    if token.kind in (TokenKind.Variable, TokenKind.Generic) and token.text in ("$^", "$$"):
        return None
    if token.kind in _STRINGS and isinstance(token.value, str):
        return token.value
    return token.text
