"""A script statement's error that escapes the cmdlet running the script
(Invoke-Expression, ForEach-Object's blocks) names that cmdlet, as pwsh's
CmdletInvocationException does: ``<id>,<cmdlet type>`` and the cmdlet's
invocation.  A ``throw`` keeps its own record."""

from __future__ import annotations

from helpers.session import Shell


def test_invoke_expression_errors_name_the_cmdlet():
    shell = Shell()
    script = """
    try { Invoke-Expression "'Hello' -is [NoSuchType]" } catch { $_.FullyQualifiedErrorId }
    try { Invoke-Expression "'Hello' -isnot 'NoSuchType'" } catch { $_.FullyQualifiedErrorId }
    """
    assert shell.text(script) == ["TypeNotFound,Microsoft.PowerShell.Commands.InvokeExpressionCommand",
                                  "RuntimeException,Microsoft.PowerShell.Commands.InvokeExpressionCommand"]


def test_foreach_object_block_error_names_foreach_object():
    shell = Shell()
    script = """
    try { 1 | ForEach-Object { [int]'x' } } catch { $_.FullyQualifiedErrorId; $_.InvocationInfo.MyCommand.Name }
    """
    assert shell.text(script) == ["InvalidCastFromStringToInteger,Microsoft.PowerShell.Commands.ForEachObjectCommand",
                                  "ForEach-Object"]


def test_a_throw_keeps_its_record():
    shell = Shell()
    assert shell.text("try { Invoke-Expression \"throw 'boom'\" } catch { $_.FullyQualifiedErrorId }") == ["boom"]
