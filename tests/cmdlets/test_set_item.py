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
