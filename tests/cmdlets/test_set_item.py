"""Set-Item on the session-state providers sets (or creates) a function,
variable, environment variable or alias; the FileSystem provider refuses
it with pwsh's NotSupported error."""

from __future__ import annotations

from helpers.session import Shell


def test_set_item_defines_and_replaces_values():
    shell = Shell()
    script = """
    Set-Item -Path function:Get-Greeting -Value { 'hello' }
    Get-Greeting
    Set-Item function:Get-Greeting { 'changed' }
    Get-Greeting
    Set-Item -Path Variable:answer -Value 42
    $answer
    (Set-Item alias:gg Get-Greeting -PassThru).Name
    gg
    """
    assert shell.text(script) == ["hello", "changed", "42", "gg", "changed"]


def test_file_system_does_not_support_set_item(tmp_path):
    shell = Shell()
    script = f"""
    Set-Item '{tmp_path}/x.txt' 'v' 2>$null
    $Error[0].FullyQualifiedErrorId
    $Error[0].Exception.Message
    """
    assert shell.text(script) == ["NotSupported,Microsoft.PowerShell.Commands.SetItemCommand",
                                  "Provider operation stopped because the provider does not support this operation."]


def test_set_item_options_on_functions():
    shell = Shell()
    script = """
    $body = { 'hi' }
    Set-Item Function:MyFunc -Options None -Value $body
    (Get-Item Function:MyFunc).Name; (Get-Item Function:MyFunc).Options
    [object]::ReferenceEquals((Get-Item Function:MyFunc).ScriptBlock, $body)
    Set-Item Function:MyFunc -Options 'ReadOnly, AllScope'
    (Get-Item Function:MyFunc).Options
    Set-Item Function:MyFunc -Value { 'changed' } 2>$null; MyFunc
    Rename-Item Function:MyFunc -NewName Other 2>$null
    Rename-Item Function:MyFunc -NewName Other -Force; Other; (Get-Item Function:Other).Options
    Remove-Item Function:Other 2>$null; Remove-Item Function:Other -Force; Test-Path Function:Other
    """
    assert shell.text(script) == ["MyFunc", "None", "True", "ReadOnly, AllScope", "hi", "hi", "ReadOnly, AllScope",
                                  "False"]
    assert shell.error_ids() == ["FunctionNotWritable,Microsoft.PowerShell.Commands.SetItemCommand",
                                 "CannotRenameFunction,Microsoft.PowerShell.Commands.RenameItemCommand",
                                 "FunctionNotRemovable,Microsoft.PowerShell.Commands.RemoveItemCommand"]


def test_set_item_without_value_and_constant_functions():
    shell = Shell()
    script = """
    Set-Item Function:Gone -Value { 1 }; Set-Item Function:Gone; Test-Path Function:Gone
    $v = 5; Set-Item Variable:v; $null -eq $v
    Set-Item Function:Fixed -Options Constant -Value { 'c' }
    Set-Item Function:Fixed -Options None 2>$null; $Error[0].Exception.Message
    Remove-Item Function:Fixed -Force 2>$null; Fixed
    try { Set-Item Variable:v -Options ReadOnly -Value 1 } catch { $_.FullyQualifiedErrorId }
    """
    assert shell.text(script) == ["False", "True", "Cannot modify function Fixed because it is constant.", "c",
                                  "NamedParameterNotFound,Microsoft.PowerShell.Commands.SetItemCommand"]
    assert shell.error_ids()[:2] == ["FunctionIsConstant,Microsoft.PowerShell.Commands.SetItemCommand",
                                     "FunctionNotRemovable,Microsoft.PowerShell.Commands.RemoveItemCommand"]


def test_new_item_options_on_functions_only(tmp_path):
    shell = Shell(location=str(tmp_path))
    script = """
    (New-Item Function:Locked -Value { 1 } -Options ReadOnly).Options
    New-Item Function:Locked -Value { 2 } 2>$null; Locked
    try { New-Item x.txt -Options ReadOnly } catch { $_.FullyQualifiedErrorId }
    Test-Path x.txt
    """
    assert shell.text(script) == ["ReadOnly", "1", "NamedParameterNotFound,Microsoft.PowerShell.Commands.NewItemCommand",
                                  "False"]


def test_set_item_force_writes_a_read_only_variable_never_a_constant() -> None:
    from helpers.session import Shell
    shell = Shell()
    assert shell.text("Set-Variable ro 1 -Option ReadOnly; Set-Item Variable:ro 2 -Force; $ro; "
                      "(Get-Variable ro).Options") == ["2", "ReadOnly"]
    shell.run("Set-Variable c 1 -Option Constant; Set-Item Variable:c 2 -Force")
    assert shell.text("$c") == ["1"]
