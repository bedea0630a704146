"""``SecureString``, ``PSCredential`` and ``NetworkCredential``: secrets as
scripts hold them.

They live apart from the plain containers of ``values.py`` because a
read-only SecureString refuses changes with a .NET exception, so this module
sits above ``errors``.
"""

from __future__ import annotations

from .errors import InvalidOperationException


class SecureString:
    """``System.Security.SecureString``.  The text is kept out of ``str`` and
    ``repr`` so it never leaks into output, logs or error messages; only
    ``reveal()`` (used by ``ConvertFrom-SecureString -AsPlainText`` and
    ``GetNetworkCredential()``) returns it."""

    __slots__ = ("__text", "_read_only")
    full_name = "System.Security.SecureString"

    def __init__(self, text: str = "") -> None:
        self.__text = text
        self._read_only = False

    def reveal(self) -> str:
        return self.__text

    @property
    def Length(self) -> int:
        return len(self.__text)

    def AppendChar(self, ch: str) -> None:
        self._check_writable()
        self.__text += str(ch)

    def InsertAt(self, index: int, ch: str) -> None:
        self._check_writable()
        self.__text = self.__text[:index] + str(ch) + self.__text[index:]

    def RemoveAt(self, index: int) -> None:
        self._check_writable()
        self.__text = self.__text[:index] + self.__text[index + 1:]

    def SetAt(self, index: int, ch: str) -> None:
        self._check_writable()
        self.__text = self.__text[:index] + str(ch) + self.__text[index + 1:]

    def Clear(self) -> None:
        self._check_writable()
        self.__text = ""

    def Copy(self) -> "SecureString":
        return SecureString(self.__text)

    def MakeReadOnly(self) -> None:
        self._read_only = True

    def IsReadOnly(self) -> bool:
        return self._read_only

    def Dispose(self) -> None:
        self.__text = ""

    def _check_writable(self) -> None:
        if self._read_only:
            raise InvalidOperationException("Instance is read-only.")

    def __str__(self) -> str:
        return "System.Security.SecureString"

    def __repr__(self) -> str:
        return "System.Security.SecureString"


class NetworkCredential:
    """``System.Net.NetworkCredential``, as returned by
    ``PSCredential.GetNetworkCredential()`` or built by scripts, often just
    to read a SecureString's text (``[NetworkCredential]::new('', $s).Password``)."""

    __slots__ = ("UserName", "Domain", "_secure")
    full_name = "System.Net.NetworkCredential"
    # .NET's declaration order, which Format-List and Get-Member follow.
    PS_MEMBERS = {"UserName": "UserName", "Password": "Password", "SecurePassword": "SecurePassword",
                  "Domain": "Domain"}

    def __init__(self, user_name: str, password: SecureString, domain: str = "") -> None:
        self.UserName = user_name
        self.Domain = domain
        self._secure = password

    @property
    def Password(self) -> str:
        return self._secure.reveal()

    @Password.setter
    def Password(self, value: str) -> None:
        self._secure = SecureString("" if value is None else str(value))

    @property
    def SecurePassword(self) -> SecureString:
        return self._secure

    @SecurePassword.setter
    def SecurePassword(self, value: SecureString) -> None:
        self._secure = value.Copy() if isinstance(value, SecureString) else SecureString()

    def __repr__(self) -> str:
        return f"NetworkCredential({self.UserName!r})"


class PSCredential:
    """``System.Management.Automation.PSCredential``: a user name and a
    SecureString password."""

    __slots__ = ("_user", "_password")
    full_name = "System.Management.Automation.PSCredential"

    def __init__(self, user_name: str, password: SecureString) -> None:
        self._user = user_name
        self._password = password

    @property
    def UserName(self) -> str:
        return self._user

    @property
    def Password(self) -> SecureString:
        return self._password

    def GetNetworkCredential(self) -> NetworkCredential:
        user, domain = self._user, ""
        if "\\" in user:
            domain, user = user.split("\\", 1)
        return NetworkCredential(user, self._password, domain)

    def __repr__(self) -> str:
        return f"PSCredential({self._user!r})"
