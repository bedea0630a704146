"""``$ExecutionContext``: its SessionState (location, variables, module,
language mode), InvokeCommand (scripts, string expansion, command lookup)
and Host, and ``$module.SessionState``."""

from __future__ import annotations

from helpers.session import Shell


def test_execution_context_is_engine_intrinsics_and_constant():
    shell = Shell()
    assert shell.text("$ExecutionContext.GetType().FullName") == ["System.Management.Automation.EngineIntrinsics"]
    shell.run("$ExecutionContext = 1")
    assert shell.error_ids() == ["VariableNotWritable"]


def test_session_state_reads_and_writes_variables():
    shell = Shell()
    script = """
    $vars = $ExecutionContext.SessionState.PSVariable
    $a = 3
    $vars.GetValue('a'); $vars.Get('a').Name; $vars.GetValue('missing', 'fallback')
    $vars.Set('b', 'set'); $b
    $vars.Remove('b'); "b=[$b]"
    & { $ExecutionContext.SessionState.PSVariable.Set('global:c', 'global value') }; $c
    """
    assert shell.text(script) == ["3", "a", "fallback", "set", "b=[]", "global value"]


def test_session_state_location_language_mode_and_host():
    shell = Shell(location="/tmp")
    out = shell.text("$ExecutionContext.SessionState.Path.CurrentLocation.Path; "
                     "$ExecutionContext.SessionState.LanguageMode; $ExecutionContext.Host -eq $Host")
    assert out == ["/tmp", "FullLanguage", "True"]


def test_session_state_module_is_the_module_of_the_running_code():
    shell = Shell()
    shell.run("New-Module -Name Where { function Get-Where { $ExecutionContext.SessionState.Module.Name } } "
              "| Out-Null")
    assert shell.text("Get-Where; $null -eq $ExecutionContext.SessionState.Module") == ["Where", "True"]


def test_invoke_command_runs_scripts_and_expands_strings():
    shell = Shell()
    script = """
    $v = 'value'
    $ExecutionContext.InvokeCommand.ExpandString('v is $v, sum $(1 + 2)')
    $ExecutionContext.InvokeCommand.InvokeScript('"script sees $v"; $made = 1'); "made=[$made]"
    $ExecutionContext.InvokeCommand.NewScriptBlock('6 * 7').Invoke()
    """
    assert shell.text(script) == ["v is value, sum 3", "script sees value", "made=[]", "42"]


def test_invoke_script_in_a_modules_session_state():
    shell = Shell()
    shell.run("$m = New-Module { $hidden = 'module value' }")
    out = shell.text("$ExecutionContext.InvokeCommand.InvokeScript($m.SessionState, { \"sees $hidden\" }); "
                     "$m.SessionState.PSVariable.GetValue('hidden')")
    assert out == ["sees module value", "module value"]


def test_get_command_filters_by_command_type():
    shell = Shell()
    script = """
    function My-Fn { }
    $ic = $ExecutionContext.InvokeCommand
    $ic.GetCommand('Get-ChildItem', 'Cmdlet').Name
    $null -eq $ic.GetCommand('Get-ChildItem', 'Function')
    $ic.GetCommand('My-Fn', 'Function, Cmdlet').CommandType
    $null -eq $ic.GetCommand('No-SuchThing', 'All')
    $ic.GetCmdlet('Write-Output').Name
    """
    assert shell.text(script) == ["Get-ChildItem", "True", "Function", "True", "Write-Output"]


def test_execution_context_shows_as_a_list_of_its_parts():
    shell = Shell()
    lines = [line.rstrip() for line in shell.one("$ExecutionContext | Out-String").splitlines() if line.strip()]
    assert lines[0].startswith("Host           : ")
    assert lines[1:] == ["Events         :", "InvokeProvider :",
                     "SessionState   : System.Management.Automation.SessionState",
                     "InvokeCommand  : System.Management.Automation.CommandInvocationIntrinsics"]
