"""Get-FileHash hashes files with pwsh's algorithms, view and errors;
New-TemporaryFile makes a unique empty file in $TMPDIR."""

from __future__ import annotations

import hashlib
import os
import re

from helpers.session import Shell


def test_get_file_hash_algorithms_and_view(tmp_path):
    (tmp_path / "h.txt").write_bytes(b"abc")
    shell = Shell(location=str(tmp_path))
    assert shell.text("(Get-FileHash h.txt).Hash") == [hashlib.sha256(b"abc").hexdigest().upper()]
    for name in ("SHA1", "SHA384", "SHA512", "MD5"):
        result = shell.one(f"Get-FileHash h.txt -Algorithm {name.lower()}")
        assert (result.Algorithm, result.Hash, result.Path) == (
            name, hashlib.new(name.lower(), b"abc").hexdigest().upper(), str(tmp_path / "h.txt"))
    table = shell.text("Get-FileHash h.txt | Out-String")[0].splitlines()
    assert table[1] == "Algorithm       Hash" + " " * 67 + "Path"
    assert table[3].startswith("SHA256          BA7816BF")
    assert shell.text("(Get-Item h.txt | Get-FileHash -Algorithm MD5).Hash") == ["900150983CD24FB0D6963F7D28E17F72"]


def test_get_file_hash_errors(tmp_path):
    (tmp_path / "h.txt").write_bytes(b"abc")
    (tmp_path / "d").mkdir()
    shell = Shell(location=str(tmp_path))
    script = """
    (Get-FileHash h*.txt, nothere, d, x*.none 2>$null).Count
    Get-FileHash -LiteralPath nothere2 2>$null
    Get-FileHash h.txt -Algorithm SHA3 2>$null
    $Error | ForEach-Object { $_.Exception.Message }
    """
    assert shell.text(script) == [
        "1",
        "Cannot validate argument on parameter 'Algorithm'. The argument \"SHA3\" does not belong to the set "
        "\"SHA1,SHA256,SHA384,SHA512,MD5\" specified by the ValidateSet attribute. Supply an argument that is in "
        "the set and then try the command again.",
        f"Could not find file '{tmp_path}/nothere2'.",
        f"Access to the path '{tmp_path}/d' is denied.",
        f"Cannot find path '{tmp_path}/nothere' because it does not exist."]
    assert shell.error_ids()[:3] == ["FileNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand",
                                     "UnauthorizedAccessError,Microsoft.PowerShell.Commands.GetFileHashCommand",
                                     "FileNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand"]


def test_new_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    shell = Shell()
    first, second = shell.run("New-TemporaryFile; New-TemporaryFile")
    for item in (first, second):
        assert type(item).full_name_type == "System.IO.FileInfo"
        assert re.fullmatch(r"tmp[A-Za-z0-9]{6}\.tmp", item.name)
        assert os.path.dirname(item.full_name) == str(tmp_path)
        assert os.path.getsize(item.full_name) == 0
    assert first.full_name != second.full_name
    shell.run("New-TemporaryFile -WhatIf")
    assert shell.host.kind("line") == [f'What if: Performing the operation "New-TemporaryFile" on target "{tmp_path}/".']
    assert len(os.listdir(tmp_path)) == 2
    monkeypatch.setenv("TMPDIR", str(tmp_path / "missing"))
    assert shell.text("try { New-TemporaryFile } catch { $_.FullyQualifiedErrorId }") == [
        "NewTemporaryFileWriteError,Microsoft.PowerShell.Commands.NewTemporaryFileCommand"]


def test_get_file_hash_of_a_file_stream(tmp_path):
    (tmp_path / "h.txt").write_bytes(b"abc")
    shell = Shell(location=str(tmp_path))
    script = f"""
    $fs = [IO.File]::OpenRead('{tmp_path / "h.txt"}')
    try {{ Get-FileHash -InputStream $fs -Algorithm MD5 | ForEach-Object {{ $_.Hash, $_.Path.Length }} }}
    finally {{ $fs.Dispose() }}
    """
    assert shell.text(script) == [hashlib.md5(b"abc").hexdigest().upper(), "0"]
