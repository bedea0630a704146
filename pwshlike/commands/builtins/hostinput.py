"""Read-Host and Get-Credential: input through the host.

Plain lines come from ``host.read_line()``.  Masked input (passwords,
-AsSecureString, -MaskInput) uses the host's ``read_line_masked()`` when it
has one; otherwise, on a terminal, the line is read without echo
(``getpass``), and from redirected input it is read as a plain line.
Prompts look as pwsh's console host on Linux shows them: ``Name: ``,
``User: `` and ``Password for user bob: ``.
"""

from __future__ import annotations

import sys
from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.conversions import to_string
from pwshlike.dotnet.values import iter_collection
from pwshlike.dotnet.credentials import PSCredential, SecureString

_DEFAULT_CAPTION = "PowerShell credential request"
_DEFAULT_MESSAGE = "Enter your credentials."


def read_masked(host: Any, prompt: str) -> str:
    """A line read without echoing it, after showing ``prompt``."""
    masked = getattr(host, "read_line_masked", None)
    if masked is not None:
        host.write(prompt)
        return masked()
    stdin = getattr(host, "stdin", None)
    if (stdin is None or stdin is sys.stdin) and _is_tty(sys.stdin) and _is_tty(sys.stdout):
        import getpass
        host.write(prompt)
        return getpass.getpass("")
    return read_plain(host, prompt)


def read_plain(host: Any, prompt: str) -> str:
    """A line read after ``prompt``; empty when the input has ended."""
    host.write(prompt)
    line = host.read_line()
    return "" if line is None else line


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@cmdlet("Read-Host", default_parameter_set="AsString", help_uri="https://go.microsoft.com/fwlink/?LinkID=2096610")
class ReadHostCommand(Cmdlet):
    """Reads a line from the console, optionally after a prompt; -AsSecureString
    or -MaskInput read it without echo.

    The prompt, when given, is followed by a colon and a space. The line typed is returned as a string; with
    -AsSecureString it is returned as a SecureString and not echoed, with -MaskInput it is returned as a string but
    shown as asterisks while typing."""

    help_examples = [
        ('Example 1: Ask a question',
         "$name = Read-Host -Prompt 'Server name'",
         'Shows "Server name: " and stores what the user types.'),
        ('Example 2: Read a secret',
         "$pass = Read-Host 'Password' -AsSecureString",
         'The typed characters are not shown, and the result is a SecureString.'),
    ]

    prompt = Parameter("Object", position=0, value_from_remaining_arguments=True, allow_null=True,
                       help="The prompt; ': ' is added after it.")
    as_secure_string = Parameter("SwitchParameter", sets={"AsSecureString": {}},
                                 help="Returns a SecureString; input is masked.")
    mask_input = Parameter("SwitchParameter", sets={"AsString": {}}, help="Masks the input; returns a string.")

    def end_processing(self) -> Iterator[Any]:
        prompt = self._prompt_text()
        host = self.context.host
        if self.as_secure_string:
            yield SecureString(read_masked(host, prompt))
        elif self.mask_input:
            yield read_masked(host, prompt)
        else:
            yield read_plain(host, prompt)

    def _prompt_text(self) -> str:
        if self.prompt is None:
            return ""
        parts = iter_collection(self.prompt)
        text = " ".join(to_string(p) for p in parts) if parts is not None else to_string(self.prompt)
        return text + ": "


def _to_credential(value: Any) -> Any:
    """``[Credential()]``: a PSCredential passes; a user name is kept so the
    cmdlet can prompt for that user's password."""
    if value is None or isinstance(value, PSCredential):
        return value
    return to_string(value)


@cmdlet("Get-Credential", default_parameter_set="CredentialSet",
        output_types=("System.Management.Automation.PSCredential",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096824")
class GetCredentialCommand(Cmdlet):
    """Asks for a user name and password and returns them as a PSCredential.

    The user name can be given with -UserName (or -Credential as a name) so only the password is asked for; -Message
    adds a line of explanation before the prompt. The password is read without echo."""

    help_examples = [
        ('Example 1: Ask for a credential',
         "$cred = Get-Credential -UserName admin -Message 'Account for the backup share'",
         'Asks only for the password; $cred.UserName is admin and $cred.Password a SecureString.'),
    ]

    credential = Parameter("PSCredential", sets={"CredentialSet": {"position": 0}}, converter=_to_credential,
                           help="A credential (returned as is) or a user name to prompt for.")
    message = Parameter("String", sets={"MessageSet": {"mandatory": True}},
                        help="The message shown above the prompts.")
    user_name = Parameter("String", sets={"MessageSet": {"position": 0}}, help="The user name; not prompted for.")
    title = Parameter("String", sets={"MessageSet": {}}, help="The caption shown first.")

    def end_processing(self) -> Iterator[Optional[PSCredential]]:
        if isinstance(self.credential, PSCredential):
            yield self.credential
            return
        user = self.credential if isinstance(self.credential, str) else self.user_name
        yield self._prompt(self.title or _DEFAULT_CAPTION, self.message or _DEFAULT_MESSAGE, user)

    def _prompt(self, caption: str, message: str, user: Optional[str]) -> PSCredential:
        host = self.context.host
        if caption:
            host.write_line(caption)
        if message:
            host.write_line(message)
        if not user:
            user = read_plain(host, "User: ")
        password = read_masked(host, f"Password for user {user}: ")
        return PSCredential(user, SecureString(password))
