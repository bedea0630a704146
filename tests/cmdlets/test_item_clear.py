"""Clear-Item empties variables and removes functions, aliases and
environment variables; Clear-Content truncates files; each refuses the
providers pwsh's refuse, with pwsh's records."""

from __future__ import annotations

import os

from helpers.session import Shell


def test_clear_item_on_the_session_drives():
    shell = Shell()
    script = """
    $x = 5; Clear-Item Variable:x; $null -eq $x; Test-Path Variable:x
    Set-Variable ro 1 -Option ReadOnly; Clear-Item Variable:ro 2>$null; $ro; Clear-Item Variable:ro -Force; $null -eq $ro
    $env:PWSHLIKE_CLEAR_A = 1; $env:PWSHLIKE_CLEAR_B = 2; Clear-Item Env:PWSHLIKE_CLEAR_*; Test-Path Env:PWSHLIKE_CLEAR_B
    function ff { 1 }; Clear-Item function:ff; Test-Path function:ff
    Set-Alias zz Get-Date; Clear-Item Alias:zz -WhatIf; Test-Path Alias:zz
    """
    try:
        assert shell.text(script) == ["True", "True", "1", "True", "False", "False", "True"]
    finally:
        os.environ.pop("PWSHLIKE_CLEAR_A", None)
        os.environ.pop("PWSHLIKE_CLEAR_B", None)
    assert shell.error_ids() == ["VariableNotWritable,Microsoft.PowerShell.Commands.ClearItemCommand"]
    assert shell.host.kind("line") == ['What if: Performing the operation "Clear Item" on target "Item: zz".']


def test_clear_item_is_not_supported_on_files(tmp_path):
    (tmp_path / "a.txt").write_text("keep")
    shell = Shell(location=str(tmp_path))
    assert shell.text("Clear-Item a.txt 2>$null; $Error[0].Exception.Message; cli nothere 2>$null") == [
        "Provider operation stopped because the provider does not support this operation."]
    assert shell.error_ids() == ["NotSupported,Microsoft.PowerShell.Commands.ClearItemCommand",
                                 "PathNotFound,Microsoft.PowerShell.Commands.ClearItemCommand"]
    assert (tmp_path / "a.txt").read_text() == "keep"


def test_clear_content_truncates_files(tmp_path):
    (tmp_path / "a.log").write_text("one\ntwo\n")
    (tmp_path / "b.log").write_text("three\n")
    (tmp_path / "keep.txt").write_text("stays")
    (tmp_path / "d").mkdir()
    shell = Shell(location=str(tmp_path))
    assert shell.run("Clear-Content *.log") == []
    assert (tmp_path / "a.log").stat().st_size == 0 and (tmp_path / "b.log").stat().st_size == 0
    assert (tmp_path / "keep.txt").read_text() == "stays"
    shell.run("clc keep.txt -WhatIf")
    assert (tmp_path / "keep.txt").read_text() == "stays"
    script = """
    Clear-Content d 2>$null; $Error[0].Exception.Message
    Clear-Content nothere 2>$null
    Clear-Content Variable:PWD 2>$null; $Error[0].Exception.Message
    $null -eq (Get-Command Clear-Content).Parameters['Stream']
    """
    assert shell.text(script) == [
        f"Unable to clear content of '{tmp_path}/d' because it is a directory. Clear-Content is only supported on "
        "files.",
        "Cannot perform the ClearContent operation. The ClearContent operation is not supported by this provider.",
        "True"]
    assert shell.error_ids() == ["ClearDirectoryContent,Microsoft.PowerShell.Commands.ClearContentCommand",
                                 "PathNotFound,Microsoft.PowerShell.Commands.ClearContentCommand",
                                 "NotSupported,Microsoft.PowerShell.Commands.ClearContentCommand"]
