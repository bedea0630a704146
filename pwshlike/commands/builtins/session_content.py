"""Get-Content and Set-Content on the session-state drives (``Env:``,
``Variable:``, ``Function:``, ``Alias:``).

pwsh's SessionStateProviderBase gives each item one piece of content, its
value: Get-Content outputs it (a list value item by item), Set-Content
replaces it (one value as itself, several as a list).  Its content writer
cannot seek, so Add-Content, which seeks to the end first, fails with
``ProviderSeekError``.
"""

from __future__ import annotations

from typing import Any, Iterator

from pwshlike.dotnet.errors import ErrorCategory, RuntimeException

from . import fspaths

_CANNOT_SEEK = "Cannot call method. The content Seek method is not supported by this provider."


class SessionTarget:
    """One session-state item a content cmdlet reads or writes."""

    def __init__(self, cmd: Any, provider: Any, name: str) -> None:
        self.cmd = cmd
        self.provider = provider
        self.name = name

    def read(self) -> list[Any]:
        hit = self.provider.find(self.cmd, self.name)
        if hit is None:
            return []
        value = self.provider.value_of(hit[1])
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]

    def write(self, values: list[Any], append: bool) -> None:
        if append:
            exc = RuntimeException(f"The invocation of Seek on the '{self.provider.name}' provider's content writer "
                                   f"failed for path '{self.name}'. {_CANNOT_SEEK}", error_id="ProviderSeekError",
                                   category=ErrorCategory.NotSpecified, target_object=self.name)
            self.cmd.throw_terminating_error(exc.error_record)
            return
        value = values[0] if len(values) == 1 else list(values)
        self.provider._guarded(self.cmd, lambda: self.provider.write(self.cmd, self.name, value))

    def __str__(self) -> str:
        return f"{self.provider.name}:/{self.name}"


def session_targets(cmd: Any, provider: Any, rest: str, literal: bool, raw: str,
                    must_exist: bool) -> Iterator[SessionTarget]:
    """The items ``rest`` names; a missing one is PathNotFound when it
    must exist (Get-Content), a new item otherwise (Set-Content)."""
    name = rest.strip("/\\")
    names, wildcard = provider.resolve(cmd, name, literal)
    if not names and not wildcard:
        if must_exist or not name:
            cmd.write_error(fspaths.path_not_found(raw))
            return
        names = [name]
    for key in names:
        yield SessionTarget(cmd, provider, key)
