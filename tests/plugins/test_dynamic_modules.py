"""Dynamic modules (New-Module) and running code in a module's session
state: ``& $module``, ``. $module``, NewBoundScriptBlock, Invoke and
AsCustomObject."""

from __future__ import annotations

from helpers.session import Shell


def test_new_module_exports_its_functions_but_not_its_variables():
    shell = Shell()
    out = shell.text("$m = New-Module -Name Greeter { function Hi { \"hi $args\" }; $secret = 5 }; "
                     "Hi there; \"[$secret]\"; $m.Name; $m.ModuleType")
    assert out == ["hi there", "[]", "Greeter", "Script"]


def test_a_dynamic_module_is_listed_only_once_imported_and_can_be_removed():
    shell = Shell()
    shell.run("$m = New-Module -Name Dyn { function Get-Dyn { 'dyn' } }")
    assert shell.run("Get-Module Dyn") == []
    assert shell.text("$m | Import-Module; (Get-Module Dyn).Name; Get-Dyn") == ["Dyn", "dyn"]
    shell.run("Remove-Module Dyn; Get-Dyn")
    assert shell.error_ids() == ["CommandNotFoundException"]


def test_an_unnamed_module_gets_a_dynamic_name():
    assert Shell().one("(New-Module { }).Name").startswith("__DynamicModule_")


def test_export_module_member_and_function_narrow_the_exports():
    shell = Shell()
    shell.run("New-Module { function A { 'a' }; function B { 'b' }; $v = 1; Export-ModuleMember -Function A "
              "-Variable v } | Out-Null")
    assert shell.text("A; $v") == ["a", "1"]
    shell.run("B")
    shell.run("New-Module { function C { 'c' }; function D { 'd' } } -Function C | Out-Null; D")
    assert shell.text("C") == ["c"]
    assert shell.error_ids() == ["CommandNotFoundException", "CommandNotFoundException"]


def test_return_result_and_argument_list():
    shell = Shell()
    assert shell.text("New-Module -ReturnResult { \"got $($args -join '+')\" } -ArgumentList 1, 2") == ["got 1+2"]


def test_as_custom_object_gives_script_methods_and_live_variable_properties():
    shell = Shell()
    script = ("$c = New-Module -AsCustomObject { $Count = 0; function Add { $script:Count++ }; "
              "Export-ModuleMember -Function Add -Variable Count }; $c.Add(); $c.Add(); $c.Count; "
              "($c | Get-Member Add).MemberType; Get-Command Add -ErrorAction SilentlyContinue")
    assert shell.text(script) == ["2", "ScriptMethod"]


def test_call_operator_with_a_module_runs_in_its_state():
    shell = Shell()
    shell.run("$m = New-Module { $inside = 'module value'; function Private-Fn { 'private' }; "
              "Export-ModuleMember }")
    assert shell.text("$inside = 'caller'; & $m { $inside }; & $m Private-Fn") == ["module value", "private"]
    assert shell.text(". $m { $script:inside = 'changed' }; & $m { $inside }") == ["changed"]


def test_bound_script_blocks_and_invoke():
    shell = Shell()
    shell.run("$m = New-Module -Name Holder { $x = 5 }")
    assert shell.text("$b = $m.NewBoundScriptBlock({ \"x=$x\" }); & $b; $b.Module.Name") == ["x=5", "Holder"]
    assert shell.text("$m.Invoke({ param($p) \"$p and $x\" }, 7)") == ["7 and 5"]


def test_null_script_block_gives_dotnet_answers_not_python_text():
    shell = Shell()
    shell.run("$m = New-Module { }")
    assert shell.text("$null -eq $m.Invoke($null)") == ["True"]
    shell.run("$m.NewBoundScriptBlock($null)")
    assert str(shell.errors()[0]) == ('Exception calling "NewBoundScriptBlock" with "1" argument(s): '
                                      '"Object reference not set to an instance of an object."')


def test_call_operator_on_a_binary_module_is_an_error():
    shell = Shell()
    shell.run("& (Get-Module Microsoft.PowerShell.Utility -ListAvailable | Select-Object -First 1) { 1 }")
    assert shell.error_ids() == ["CantInvokeInBinaryModule"]
    assert "binary module 'Microsoft.PowerShell.Utility'" in str(shell.errors()[0])
