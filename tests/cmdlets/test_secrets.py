"""ConvertTo/ConvertFrom-SecureString, Read-Host and Get-Credential."""

from __future__ import annotations

import base64
import os
from typing import Any

import pytest

from pwshlike.plugins.session import install
from pwshlike.runtime import ExecutionContext, execute_script
from pwshlike.dotnet.credentials import PSCredential, SecureString


class Host:
    """Records what is written; answers reads from a list (masked reads
    separately, so tests can tell which kind of read was made)."""

    def __init__(self, answers: list[str], masked: list[str] | None = None) -> None:
        self.lines: list[tuple[str, str]] = []
        self.answers = list(answers)
        self.masked = list(masked or [])

    def write(self, text: str, foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("write", text))

    def write_line(self, text: str = "", foreground: Any = None, background: Any = None) -> None:
        self.lines.append(("line", text))

    def write_error_line(self, text: str) -> None:
        self.lines.append(("error", text))

    write_warning_line = write_verbose_line = write_debug_line = write_error_line

    def write_information(self, record: Any) -> None:
        self.lines.append(("information", str(record)))

    def read_line(self) -> str:
        return self.answers.pop(0)

    def read_line_masked(self) -> str:
        return self.masked.pop(0)


class Shell:
    def __init__(self, answers: list[str] | None = None, masked: list[str] | None = None,
                 host: Any = None) -> None:
        self.host = host or Host(answers or [], masked)
        self.context = ExecutionContext(self.host)
        install(self.context)

    def run(self, script: str) -> list[Any]:
        output: list[Any] = []
        execute_script(self.context, script, emit=output.append, dot_source=True)
        return output

    def errors(self) -> list[Any]:
        return list(self.context.get_variable_value("Error"))


@pytest.fixture(autouse=True)
def private_key_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def only_error(sh: Shell) -> Any:
    errors = sh.errors()
    assert len(errors) == 1, errors
    return errors[0]


# --- SecureString conversions -----------------------------------------------------------

def test_plain_text_round_trip_and_display():
    sh = Shell()
    out = sh.run("$s = ConvertTo-SecureString 'p@ss' -AsPlainText -Force; $s; $s.Length; \"$s\"; "
                 "ConvertFrom-SecureString $s -AsPlainText; (ConvertTo-SecureString x -AsPlainText).GetType().FullName")
    assert isinstance(out[0], SecureString)
    assert out[1:] == [4, "System.Security.SecureString", "p@ss", "System.Security.SecureString"]


def test_default_export_is_encrypted_per_user_and_round_trips(tmp_path):
    sh = Shell()
    exported = sh.run("ConvertTo-SecureString 'hunter2' -AsPlainText | ConvertFrom-SecureString")[0]
    assert "hunter2" not in exported and "hunter2".encode("utf-16-le").hex() not in exported
    assert exported != sh.run("ConvertTo-SecureString 'hunter2' -AsPlainText | ConvertFrom-SecureString")[0]
    sh.context.set_variable_value("e", exported)
    assert sh.run("ConvertTo-SecureString $e | ConvertFrom-SecureString -AsPlainText") == ["hunter2"]
    key_file = tmp_path / "xdg" / "pwshlike" / "securestring.key"
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    # Another user's key cannot read it: DPAPI's error, without the input in the message.
    key_file.write_bytes(os.urandom(32))
    sh.run("ConvertTo-SecureString $e")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "ImportSecureString_InvalidArgument_CryptographicError,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"
    assert str(error) == "Key not valid for use in specified state."
    assert exported not in str(error)


def test_reads_pwsh_on_linux_hex_form():
    sh = Shell()
    hex_text = "secret".encode("utf-16-le").hex()
    assert sh.run(f"ConvertTo-SecureString '{hex_text}' | ConvertFrom-SecureString -AsPlainText") == ["secret"]
    sh.run("ConvertTo-SecureString 'abc'")
    assert only_error(sh).fully_qualified_error_id.startswith("ImportSecureString_InvalidArgument,")


def test_key_export_is_pwsh_v2_package_and_round_trips():
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    sh = Shell()
    exported = sh.run("$k = [byte[]](1..16); ConvertTo-SecureString 'abc' -AsPlainText | "
                      "ConvertFrom-SecureString -Key $k")[0]
    assert exported.startswith("76492d1116743f0423413b16050a5345")
    version, iv, cipher_hex = base64.b64decode(exported[32:]).decode("utf-16-le").split("|")
    assert version == "2"
    decryptor = Cipher(algorithms.AES(bytes(range(1, 17))), modes.CBC(base64.b64decode(iv))).decryptor()
    padded = decryptor.update(bytes.fromhex(cipher_hex)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    assert (unpadder.update(padded) + unpadder.finalize()).decode("utf-16-le") == "abc"
    sh.context.set_variable_value("x", exported)
    assert sh.run("ConvertTo-SecureString $x -Key $k | ConvertFrom-SecureString -AsPlainText") == ["abc"]
    assert sh.run("$sk = ConvertTo-SecureString '12345678' -AsPlainText; "
                  "$y = ConvertTo-SecureString 'z' -AsPlainText | ConvertFrom-SecureString -SecureKey $sk; "
                  "ConvertTo-SecureString $y -SecureKey $sk | ConvertFrom-SecureString -AsPlainText") == ["z"]


def test_key_errors_use_pwsh_ids_and_messages():
    sh = Shell()
    sh.run("$x = ConvertTo-SecureString 'abc' -AsPlainText | ConvertFrom-SecureString -Key ([byte[]](1..16)); "
           "ConvertTo-SecureString $x -Key ([byte[]](1..5))")
    error = only_error(sh)
    assert error.fully_qualified_error_id == \
        "ImportSecureString_InvalidArgument,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"
    assert str(error) == ("The specified key is not valid. Valid key length settings are either 128 bits, "
                          "192 bits, or 256 bits.")
    sh.run("$Error.Clear(); ConvertTo-SecureString $x -Key ([byte[]](2..17))")
    error = only_error(sh)
    assert error.fully_qualified_error_id.startswith("ImportSecureString_InvalidArgument_CryptographicError,")
    sh.run("$Error.Clear(); ConvertFrom-SecureString (New-Object System.Security.SecureString)")
    error = only_error(sh)
    assert error.fully_qualified_error_id == "Argument,Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand"
    assert str(error) == ('Cannot process argument because the value of argument "SecureString" is not '
                               'valid. Change the value of the "SecureString" argument and run the operation again.')


# --- Read-Host / Get-Credential ---------------------------------------------------------------

def test_read_host_prompts_and_reads_a_line():
    sh = Shell(answers=["Ada"])
    assert sh.run("Read-Host -Prompt 'Your name'") == ["Ada"]
    assert ("write", "Your name: ") in sh.host.lines
    sh = Shell(answers=["x"])
    assert sh.run("Read-Host") == ["x"]
    assert ("write", "") in sh.host.lines


def test_read_host_secure_and_masked_input_use_the_masked_read():
    sh = Shell(answers=[], masked=["s3cret", "pin"])
    out = sh.run("Read-Host 'Password' -AsSecureString; Read-Host 'PIN' -MaskInput")
    assert isinstance(out[0], SecureString) and out[0].reveal() == "s3cret"
    assert out[1] == "pin"
    assert ("write", "Password: ") in sh.host.lines and ("write", "PIN: ") in sh.host.lines


def test_masked_read_falls_back_to_a_plain_line_when_not_a_terminal():
    class PlainHost(Host):
        read_line_masked = None  # a host without masked input

    sh = Shell(host=PlainHost(["typed"]))
    out = sh.run("Read-Host -AsSecureString")
    assert out[0].reveal() == "typed"


def test_get_credential_prompts_like_pwsh_on_linux():
    sh = Shell(answers=["bob"], masked=["pw1"])
    cred = sh.run("Get-Credential")[0]
    assert isinstance(cred, PSCredential) and cred.UserName == "bob" and cred.Password.reveal() == "pw1"
    assert sh.host.lines == [("line", "PowerShell credential request"), ("line", "Enter your credentials."),
                             ("write", "User: "), ("write", "Password for user bob: ")]


def test_get_credential_with_user_name_message_title_and_credential():
    sh = Shell(masked=["pw"])
    cred = sh.run("Get-Credential -UserName alice -Message 'Sign in' -Title 'Portal'")[0]
    assert cred.UserName == "alice"
    assert sh.host.lines == [("line", "Portal"), ("line", "Sign in"), ("write", "Password for user alice: ")]
    sh = Shell(masked=["pw"])
    assert sh.run("(Get-Credential carol).UserName") == ["carol"]
    sh = Shell()
    assert sh.run("$c = [pscredential]::new('dan', (ConvertTo-SecureString x -AsPlainText)); "
                  "(Get-Credential -Credential $c).UserName") == ["dan"]
    assert sh.host.lines == []
