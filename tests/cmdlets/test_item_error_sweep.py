"""A sweep of the item and file cmdlets' failure paths on every provider:
each gives pwsh's FullyQualifiedErrorId, and no message carries Python's
words (the C library's strerror text, ``[Errno``, a Python exception)."""

from __future__ import annotations

import pytest

from helpers.session import Shell

_PYTHON_WORDS = ("No such file or directory", "Errno", "Traceback", "object has no attribute", "embedded null",
                 "NoneType", "unexpected keyword", "File exists", "Is a directory", "Not a directory")

_CASES = [
    ("Get-Item nothere/deeper", "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"),
    ("Get-ChildItem nothere", "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"),
    ("Remove-Item nothere", "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"),
    ("Copy-Item nothere x", "PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand"),
    ("Copy-Item file.txt nothere/deep/x.txt", "CopyFileInfoItemIOError,Microsoft.PowerShell.Commands.CopyItemCommand"),
    ("Move-Item file.txt nothere/deep/x.txt", "MoveFileInfoItemIOError,Microsoft.PowerShell.Commands.MoveItemCommand"),
    ("Move-Item file.txt dir/file.txt", "MoveFileInfoItemIOError,Microsoft.PowerShell.Commands.MoveItemCommand"),
    ("Rename-Item nothere y", "PathNotFound,Microsoft.PowerShell.Commands.RenameItemCommand"),
    ("New-Item nothere/deep/x.txt", "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("New-Item file.txt", "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("New-Item dir -ItemType Directory", "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("New-Item \"bad`0name\"", "Argument,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("Set-Content nothere/deep/x.txt 1",
     "GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.SetContentCommand"),
    ("Add-Content dir 1", "WriteContainerContentException,Microsoft.PowerShell.Commands.AddContentCommand"),
    ("Get-Content dir", "GetContainerContentException,Microsoft.PowerShell.Commands.GetContentCommand"),
    ("Clear-Content dir", "ClearDirectoryContent,Microsoft.PowerShell.Commands.ClearContentCommand"),
    ("Clear-Item file.txt", "NotSupported,Microsoft.PowerShell.Commands.ClearItemCommand"),
    ("Set-Item file.txt 1", "NotSupported,Microsoft.PowerShell.Commands.SetItemCommand"),
    ("Get-ItemProperty nothere", "PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand"),
    ("Set-ItemProperty file.txt -Name Nope -Value 1",
     "SetPropertyError,Microsoft.PowerShell.Commands.SetItemPropertyCommand"),
    ("Get-FileHash -LiteralPath nothere", "FileNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand"),
    ("Get-FileHash dir", "UnauthorizedAccessError,Microsoft.PowerShell.Commands.GetFileHashCommand"),
    ("Out-File nothere/x.txt -InputObject 1", "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand"),
    ("'a' | Tee-Object nothere/x.txt", "FileOpenFailure,Microsoft.PowerShell.Commands.TeeObjectCommand"),
    ("[pscustomobject]@{a = 1} | Export-Csv nothere/x.csv",
     "FileOpenFailure,Microsoft.PowerShell.Commands.ExportCsvCommand"),
    ("Import-Csv dir", "FileOpenFailure,Microsoft.PowerShell.Commands.ImportCsvCommand"),
    ("New-Item -ItemType HardLink hl -Value nothere", "ItemNotFound,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("Move-Item dir dir/sub", "MoveItemArgumentError,Microsoft.PowerShell.Commands.MoveItemCommand"),
    ("Copy-Item dir dir/sub -Recurse", "CopyError,Microsoft.PowerShell.Commands.CopyItemCommand"),
    ("Remove-Item .", "InvalidOperation,Microsoft.PowerShell.Commands.RemoveItemCommand"),
    ("Get-Item Variable:nothere", "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"),
    ("Remove-Item Env:PWSHLIKE_NOT_THERE", "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"),
    ("Rename-Item Function:nothere x", "PathNotFound,Microsoft.PowerShell.Commands.RenameItemCommand"),
    ("Get-Content Alias:nothere", "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"),
    ("New-Item Variable:PSHOME -Value 1", "Argument,Microsoft.PowerShell.Commands.NewItemCommand"),
    ("Clear-Content Variable:PSHOME", "NotSupported,Microsoft.PowerShell.Commands.ClearContentCommand"),
    ("Get-ItemProperty Env:PATH", "NotSupported,Microsoft.PowerShell.Commands.GetItemPropertyCommand"),
    ("Invoke-Item Alias:gci", "NotSupported,Microsoft.PowerShell.Commands.InvokeItemCommand"),
    ("Get-Item nodrive:x", "DriveNotFound,Microsoft.PowerShell.Commands.GetItemCommand"),
    ("Get-Item Bogus::x", "ProviderNotFound,Microsoft.PowerShell.Commands.GetItemCommand"),
    ("Set-Variable -Name c -Value 1 -Option Constant; Clear-Item Variable:c",
     "VariableNotWritable,Microsoft.PowerShell.Commands.ClearItemCommand"),
]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "file.txt").write_text("y")
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "file.txt").write_text("taken")
    return tmp_path


@pytest.mark.parametrize("script, error_id", _CASES, ids=[case[0] for case in _CASES])
def test_failure_gives_pwsh_record_in_pwsh_words(folder, script, error_id):
    shell = Shell(location=str(folder))
    shell.run(f"try {{ {script} 2>$null | Out-Null }} catch {{ }}")
    errors = shell.errors()
    assert [e.fully_qualified_error_id for e in errors] == [error_id]
    message = str(errors[0])
    assert message and not any(word in message for word in _PYTHON_WORDS), message
