"""The item property cmdlets: Get-/Set-/Clear-ItemProperty and
Get-ItemPropertyValue read and change file properties; the dynamic
property cmdlets and the session-state drives answer with pwsh's
NotSupported errors."""

from __future__ import annotations

import datetime
import os
import stat

from helpers.session import Shell


def _shell(tmp_path) -> Shell:
    (tmp_path / "a.txt").write_text("hello")
    return Shell(location=str(tmp_path))


def test_get_item_property_returns_the_item_or_the_named_properties(tmp_path):
    shell = _shell(tmp_path)
    assert shell.text("(Get-ItemProperty a.txt).GetType().FullName; (gp a.txt).Length") == ["System.IO.FileInfo",
                                                                                             "5"]
    picked = shell.one("Get-ItemProperty a.txt -Name fullname")
    assert picked.property_names() == ["fullname", "PSPath", "PSParentPath", "PSChildName", "PSDrive",
                                       "PSProvider"]
    assert shell.text("$p = gp a.txt -Name fullname; $p.fullname; $p.PSChildName; $p.PSProvider.Name") == [
        str(tmp_path / "a.txt"), "a.txt", "FileSystem"]


def test_get_item_property_value_and_missing_properties(tmp_path):
    shell = _shell(tmp_path)
    assert shell.text("Get-ItemPropertyValue a.txt -Name Length, Name") == ["5", "a.txt"]
    assert shell.text("gpv -Name Name") == [tmp_path.name]
    assert shell.text("gp a.txt -Name nope 2>$null; $Error[0].Exception.Message") == [
        "The property nope does not exist or was not found."]
    assert shell.error_ids()[-1] == "GetValueError,Microsoft.PowerShell.Commands.GetItemPropertyCommand"


def test_set_item_property_changes_times_and_read_only(tmp_path):
    shell = _shell(tmp_path)
    out = shell.text("(Set-ItemProperty a.txt -Name LastWriteTime -Value '2024-01-31 08:00' -PassThru).PSChildName")
    assert out == ["a.txt"]
    written = datetime.datetime.fromtimestamp(os.stat(tmp_path / "a.txt").st_mtime)
    assert written == datetime.datetime(2024, 1, 31, 8, 0)
    shell.run("Set-ItemProperty a.txt -Name IsReadOnly -Value $true")
    assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) & 0o222 == 0
    # .NET reads ReadOnly from the mode bits, also for root (who may still write the file)
    assert shell.text("$f = Get-Item a.txt; $f.IsReadOnly; $f.Attributes; $f.Mode") == ["True", "ReadOnly", "--r--"]
    assert shell.text("(Clear-ItemProperty a.txt -Name Attributes -PassThru).Attributes") == ["Normal"]
    assert os.stat(tmp_path / "a.txt").st_mode & stat.S_IWUSR


def test_set_item_property_what_if_and_refusals(tmp_path):
    shell = _shell(tmp_path)
    before = os.stat(tmp_path / "a.txt").st_mtime
    shell.run("Set-ItemProperty a.txt LastWriteTime '2001-01-01' -WhatIf")
    assert os.stat(tmp_path / "a.txt").st_mtime == before
    assert shell.host.kind("line") == [f'What if: Performing the operation "Set Property File" on target "Item: '
                                       f'{tmp_path}/a.txt Property: LastWriteTime Value: 2001-01-01".']
    script = """
    Set-ItemProperty a.txt -Name Foo -Value bar 2>$null; $Error[0].Exception.Message
    Set-ItemProperty a.txt -Name Attributes -Value Directory 2>$null; $Error[0].FullyQualifiedErrorId
    try { Set-ItemProperty a.txt -Name Length -Value 3 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    Clear-ItemProperty a.txt -Name Length 2>$null; $Error[0].FullyQualifiedErrorId
    """
    assert shell.text(script) == [
        "The property string Foo=bar does not exist or was not found.",
        "SetPropertyError,Microsoft.PowerShell.Commands.SetItemPropertyCommand",
        "SetPropertyProviderException,Microsoft.PowerShell.Commands.SetItemPropertyCommand",
        f"Attempting to perform the SetProperty operation on the 'FileSystem' provider failed for path "
        f"'{tmp_path / 'a.txt'}'. \"Length\" is a ReadOnly property.",
        "ClearPropertyArgumentError,Microsoft.PowerShell.Commands.ClearItemPropertyCommand"]


def test_providers_without_properties_are_not_supported(tmp_path):
    shell = _shell(tmp_path)
    script = """
    gp Variable:PWD 2>$null; $Error[0].Exception.Message
    gp nothere 2>$null; $Error[0].FullyQualifiedErrorId
    New-ItemProperty a.txt -Name x -Value 1 2>$null; $Error[0].Exception.Message
    Remove-ItemProperty a.txt -Name x, y 2>$null
    Rename-ItemProperty a.txt -Name x -NewName y 2>$null
    Move-ItemProperty a.txt -Destination nothere -Name x 2>$null
    Get-ItemPropertyValue -Path Variable: -Name PWD 2>$null
    """
    assert shell.text(script) == [
        "Cannot use interface. The IPropertyCmdletProvider interface is not supported by this provider.",
        "PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand",
        "Cannot use interface. The IDynamicPropertyCmdletProvider interface is not implemented by this provider."]
    assert shell.error_ids()[-5:] == ["NotSupported,Microsoft.PowerShell.Commands.RemoveItemPropertyCommand",
                                      "NotSupported,Microsoft.PowerShell.Commands.RemoveItemPropertyCommand",
                                      "NotSupported,Microsoft.PowerShell.Commands.RenameItemPropertyCommand",
                                      "PathNotFound,Microsoft.PowerShell.Commands.MoveItemPropertyCommand",
                                      "NotSupported,Microsoft.PowerShell.Commands.GetItemPropertyValueCommand"]


def test_set_item_property_from_an_object(tmp_path):
    shell = _shell(tmp_path)
    script = """
    $changes = [pscustomobject]@{LastWriteTime = [datetime]'2021-02-03'; IsReadOnly = $true}
    ($changes | Set-ItemProperty -Path a.txt -PassThru).PSObject.Properties.Name -join ','
    (Get-Item a.txt).LastWriteTime.ToString('yyyy-MM-dd')
    """
    assert shell.text(script) == ["LastWriteTime,IsReadOnly,PSPath,PSParentPath,PSChildName,PSDrive,PSProvider",
                                  "2021-02-03"]
    assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) & 0o222 == 0


def test_include_and_exclude_filter_a_plain_path(tmp_path):
    shell = _shell(tmp_path)
    (tmp_path / "b.txt").write_text("bb")
    script = """
    (Get-ItemProperty a.txt, b.txt -Name Length -Include a*).PSChildName
    (Get-ItemProperty a.txt, b.txt -Name Length -Exclude a*).PSChildName
    Get-ItemProperty nothere -Include x
    Clear-Content b.txt -Exclude b*; (Get-Item b.txt).Length
    """
    assert shell.text(script) == ["a.txt", "b.txt", "2"]
    assert shell.errors() == []
