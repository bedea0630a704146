"""``[mailaddress]`` (System.Net.Mail.MailAddress): ``user@host``,
``Name <user@host>`` or ``"Name" <user@host>``, split into DisplayName,
User and Host and printed as .NET prints it.  The local part and domain
follow .NET's grammar in its common forms (dot-atoms, a quoted local
part, a bracketed domain literal)."""

from __future__ import annotations

import re
from typing import Any, Optional

from .conversions import to_string
from .errors import ArgumentException, ArgumentNullException, FormatException

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\uffff]+"
_ADDRESS = re.compile(rf'^(?P<user>{_ATOM}(?:\.{_ATOM})*|"(?:[^"\\]|\\.)*")@(?P<host>{_ATOM}(?:\.{_ATOM})*|\[[^\[\]]*\])$')
_BAD_FORMAT = "The specified string is not in the form required for an e-mail address."


class MailAddress:
    """One address; DisplayName is '' when none was given."""

    __slots__ = ("DisplayName", "User", "Host")
    full_name = "System.Net.Mail.MailAddress"
    PS_MEMBERS = {"DisplayName": "DisplayName", "User": "User", "Host": "Host", "Address": "address",
                  "Equals": "__eq__", "ToString": "__str__"}

    def __init__(self, text: Any, display_name: Optional[Any] = None) -> None:
        if text is None:
            raise ArgumentNullException("Value cannot be null.", param_name="address")
        raw = to_string(text)
        if raw == "":
            raise ArgumentException("The parameter 'address' cannot be an empty string.", param_name="address")
        name, address = _split(raw.strip())
        match = _ADDRESS.match(address)
        if match is None:
            raise FormatException(_BAD_FORMAT)
        if display_name is not None:
            name = to_string(display_name).strip()
            if len(name) > 1 and name[0] == name[-1] == '"':
                name = name[1:-1]
        self.DisplayName = name
        self.User, self.Host = match.group("user"), match.group("host")

    @property
    def address(self) -> str:
        return f"{self.User}@{self.Host}"

    def __eq__(self, other: object) -> bool:
        # .NET compares the printed forms, ignoring case.
        return isinstance(other, MailAddress) and str(self).lower() == str(other).lower()

    def __hash__(self) -> int:
        return hash(str(self).lower())

    def __str__(self) -> str:
        return f'"{self.DisplayName}" <{self.address}>' if self.DisplayName else self.address


def _split(text: str) -> tuple[str, str]:
    """(display name, address) from ``Name <address>`` or a bare address."""
    if not text.endswith(">"):
        return "", text
    start = text.rfind("<")
    if start < 0:
        raise FormatException(_BAD_FORMAT)
    name = text[:start].strip()
    if len(name) > 1 and name[0] == name[-1] == '"':
        name = name[1:-1]
    elif '"' in name:
        raise FormatException(_BAD_FORMAT)
    return name, text[start + 1:-1].strip()
