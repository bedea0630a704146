"""ConvertTo-SecureString and ConvertFrom-SecureString.

The encrypted text formats are described in ``secure_export``.  Error
records carry pwsh's ids (``ImportSecureString_InvalidArgument`` and
``..._CryptographicError``) and never the secret or the encrypted input.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.dotnet.errors import ArgumentException, ErrorCategory, ErrorRecord, PSArgumentException
from pwshlike.dotnet.credentials import SecureString

from . import secure_export


def _key_bytes(key: Any, secure_key: Optional[SecureString]) -> Optional[bytes]:
    """The AES key from -Key (bytes) or -SecureKey (its UTF-16LE text)."""
    if secure_key is not None:
        return secure_key.reveal().encode("utf-16-le")
    if key is not None:
        return bytes(int(b) & 0xFF for b in key)
    return None


@cmdlet("ConvertTo-SecureString", default_parameter_set="Secure", output_types=("System.Security.SecureString",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096916")
class ConvertToSecureStringCommand(Cmdlet):
    """Makes a SecureString from encrypted text (ConvertFrom-SecureString's
    output) or, with -AsPlainText, from plain text.

    With -AsPlainText (and -Force) the text itself becomes the secret; otherwise the input must be the encrypted
    text ConvertFrom-SecureString produced, decrypted with -Key or -SecureKey when one was used to encrypt it."""

    help_examples = [
        ('Example 1: A secret from plain text',
         "$secret = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force",
         'Use this only for values that are not sensitive or that already came from a safe store.'),
        ('Example 2: Restore a stored secret',
         '$secret = Get-Content ./secret.txt | ConvertTo-SecureString -Key $key',
         'Reads the encrypted text written with ConvertFrom-SecureString -Key and turns it back into a '
         'SecureString.'),
    ]

    string = Parameter("String", mandatory=True, position=0, value_from_pipeline=True,
                       help="The encrypted (or, with -AsPlainText, plain) text.")
    as_plain_text = Parameter("SwitchParameter", sets={"PlainText": {"mandatory": True}},
                              help="Takes -String as plain text.")
    force = Parameter("SwitchParameter", sets={"PlainText": {}},
                      help="Accepted for compatibility; pwsh 7 no longer requires it.")
    secure_key = Parameter("SecureString", sets={"Secure": {"position": 1}},
                           help="The AES key as a SecureString (8, 12 or 16 characters).")
    key = Parameter("Byte[]", sets={"Open": {}}, help="The AES key: 16, 24 or 32 bytes.")

    def process_record(self) -> Iterator[SecureString]:
        if self.as_plain_text:
            yield SecureString(self.string)
            return
        try:
            key = _key_bytes(self.key, self.secure_key)
            if key is not None:
                text = secure_export.decrypt_with_key(self.string, key)
            else:
                text = secure_export.unprotect(self.string)
        except secure_export.CryptographicException as exc:
            self.write_error(ErrorRecord(exc, "ImportSecureString_InvalidArgument_CryptographicError",
                                         ErrorCategory.InvalidArgument, None))
            return
        except ArgumentException as exc:
            self.write_error(ErrorRecord(exc, "ImportSecureString_InvalidArgument",
                                         ErrorCategory.InvalidArgument, None))
            return
        yield SecureString(text)


@cmdlet("ConvertFrom-SecureString", default_parameter_set="Secure", output_types=("System.String",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096497")
class ConvertFromSecureStringCommand(Cmdlet):
    """Turns a SecureString into encrypted text (or, with -AsPlainText, its
    plain text).

    The encrypted text can be saved to a file and turned back into a SecureString with ConvertTo-SecureString. With
    -Key or -SecureKey (16, 24 or 32 bytes) it is encrypted with AES under that key; -AsPlainText returns the secret
    itself, so use it with care."""

    help_examples = [
        ('Example 1: Store a secret with a key',
         '$key = 1..32 | ForEach-Object { Get-Random -Maximum 256 }\nRead-Host -AsSecureString | ConvertFrom-SecureString -Key $key | Set-Content ./secret.txt',
         'Writes the encrypted text of the typed secret; the same key decrypts it later.'),
        ('Example 2: Read the plain text back',
         '$secret | ConvertFrom-SecureString -AsPlainText',
         'Returns the secret as an ordinary string.'),
    ]

    secure_string = Parameter("SecureString", mandatory=True, position=0,
                              value_from_pipeline=True, help="The SecureString to convert.")
    secure_key = Parameter("SecureString", sets={"Secure": {"position": 1}},
                           help="The AES key as a SecureString (8, 12 or 16 characters).")
    key = Parameter("Byte[]", sets={"Open": {}}, help="The AES key: 16, 24 or 32 bytes.")
    as_plain_text = Parameter("SwitchParameter", sets={"AsPlainText": {"mandatory": True}},
                              help="Outputs the plain text.")

    def process_record(self) -> Iterator[str]:
        secret: SecureString = self.secure_string
        if secret.Length == 0:
            exc = PSArgumentException('Cannot process argument because the value of argument "SecureString" is '
                                      'not valid. Change the value of the "SecureString" argument and run the '
                                      'operation again.', param_name="SecureString")
            self.throw_terminating_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
        if self.as_plain_text:
            yield secret.reveal()
            return
        try:
            key = _key_bytes(self.key, self.secure_key)
            if key is not None:
                yield secure_export.encrypt_with_key(secret.reveal(), key)
            else:
                yield secure_export.protect(secret.reveal())
        except ArgumentException as exc:
            self.throw_terminating_error(ErrorRecord(exc, "Argument", ErrorCategory.InvalidArgument, None))
