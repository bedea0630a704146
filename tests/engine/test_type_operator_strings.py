"""A type named by a string after ``-is``, ``-isnot`` or ``-as`` is found
as the script's type literals are: through its ``using namespace``
statements too (``$n -is 'VariableExpressionAst'``)."""

from __future__ import annotations

from pathlib import Path

from helpers.session import Shell


def test_string_type_names_use_the_scripts_namespaces(tmp_path: Path):
    script = tmp_path / "ns.ps1"
    script.write_text("using namespace System.Management.Automation.Language\n"
                      "$n = { $a }.Ast.Find({ $args[0] -is 'VariableExpressionAst' }, $true)\n"
                      "$n.Extent.Text\n"
                      "$n -isnot 'HashtableAst'\n"
                      "($n -as 'VariableExpressionAst').VariablePath.UserPath\n")
    shell = Shell()
    assert shell.text(f"& '{script}'") == ["$a", "True", "a"]


def test_unknown_string_type_is_the_operators_conversion_error():
    shell = Shell()
    assert shell.text("try { 1 -is 'NoSuchType' } catch { $_.Exception.Message }") == [
        'Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".']
