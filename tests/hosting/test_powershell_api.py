"""``[powershell]``: building commands, running them in a runspace of
their own, and what a script sees of output, streams and failures."""

from __future__ import annotations

from helpers.session import Shell


def test_state_persists_between_invocations_but_not_into_the_caller():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $null = $ps.AddScript('$x = 41; function f { $x + 1 }').Invoke();"
                     "$ps.Commands.Clear(); $ps.AddScript('f').Invoke(); \"caller x: [$x]\";"
                     "[bool](Get-Command f -ErrorAction Ignore)")
    assert out == ["42", "caller x: []", "False"]


def test_the_caller_does_not_leak_into_a_new_runspace():
    shell = Shell()
    out = shell.text("$secret = 'mine'; function Get-Mine { 1 }; $ps = [powershell]::Create();"
                     "$ps.AddScript('\"[$secret]\"; [bool](Get-Command Get-Mine -ErrorAction Ignore)').Invoke()")
    assert out == ["[]", "False"]


def test_add_methods_chain_and_return_the_same_object():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); [object]::ReferenceEquals($ps, $ps.AddCommand('Write-Output'));"
                     "[object]::ReferenceEquals($ps, $ps.AddArgument(1)); $ps.Commands.Commands.Count;"
                     "$ps.Commands.Commands[0].CommandText")
    assert out == ["True", "True", "1", "Write-Output"]


def test_add_command_with_named_switch_and_positional_parameters():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $null = $ps.AddScript('$v = 5').Invoke(); $ps.Commands.Clear();"
                     "$ps.AddCommand('Get-Variable').AddParameter('Name', 'v').AddParameter('ValueOnly').Invoke();"
                     "$ps.Commands.Clear(); $ps.AddCommand('Join-Path').AddArgument('a').AddArgument('b').Invoke();"
                     "$ps.Commands.Clear(); $ps.AddCommand('Join-Path').AddParameters(@{Path='c'; ChildPath='d'}).Invoke()")
    assert out == ["5", "a/b", "c/d"]


def test_statements_and_pipelines():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $ps.AddCommand('Write-Output').AddArgument(3).AddCommand('ForEach-Object')"
                     ".AddArgument({ $_ * 2 }).AddStatement().AddScript('\"second\"').Invoke()")
    assert out == ["6", "second"]


def test_invoke_with_input():
    shell = Shell()
    out = shell.text("[powershell]::Create().AddScript('process { $_ + 1 }').Invoke(@(1, 2))")
    assert out == ["2", "3"]


def test_add_script_runs_in_the_current_scope_unless_asked_for_a_local_one():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $null = $ps.AddScript('$a = 1', $true).Invoke(); $ps.Commands.Clear();"
                     "$null = $ps.AddScript('$b = 2').Invoke(); $ps.Commands.Clear(); $ps.AddScript('\"[$a][$b]\"').Invoke()")
    assert out == ["[][2]"]


def test_non_terminating_errors_and_other_streams_are_collected_not_shown():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $ps.AddScript('Write-Error bad; Write-Warning careful;"
                     " Write-Verbose detail -Verbose; Write-Host shown; 1/0; \"end\"').Invoke();"
                     "$ps.HadErrors; $ps.Streams.Error.Count; $ps.Streams.Error[0].FullyQualifiedErrorId;"
                     "$ps.Streams.Error[1].FullyQualifiedErrorId; $ps.Streams.Warning[0].Message;"
                     "$ps.Streams.Verbose[0].Message; $ps.Streams.Information.Count;"
                     "$ps.InvocationStateInfo.State; $ps.Streams.ClearStreams(); $ps.Streams.Error.Count")
    assert out == ["end", "True", "2", "Microsoft.PowerShell.Commands.WriteErrorException",
                   "RuntimeException", "careful", "detail", "1", "Completed", "0"]
    assert shell.host.kind("warning") == [] and shell.host.kind("error") == []


def test_had_errors_is_false_after_a_clean_run():
    shell = Shell()
    assert shell.text("$ps = [powershell]::Create(); $null = $ps.AddScript('1').Invoke(); $ps.HadErrors") == ["False"]


def _caught(script: str) -> list[str]:
    return Shell().text(f"try {{ {script} }} catch {{ $_.FullyQualifiedErrorId; $_.Exception.GetType().Name;"
                        " $_.Exception.InnerException.GetType().Name; $_.Exception.Message }")


def test_incomplete_script_throws_incomplete_parse_exception():
    out = _caught("[powershell]::Create().AddScript('\"no end').Invoke()")
    assert out == ["IncompleteParseException", "MethodInvocationException", "IncompleteParseException",
                   'Exception calling "Invoke" with "0" argument(s): "The string is missing the terminator: "."']


def test_script_with_a_syntax_error_throws_parse_exception():
    out = _caught("[powershell]::Create().AddScript('1 +* 2').Invoke()")
    assert out[:3] == ["ParseException", "MethodInvocationException", "ParseException"]


def test_terminating_error_is_thrown_out_of_invoke():
    out = _caught("$ps = [powershell]::Create(); $ps.AddScript('\"before\" > $null; throw \"stop here\"').Invoke()")
    assert out == ["RuntimeException", "MethodInvocationException", "RuntimeException",
                   'Exception calling "Invoke" with "0" argument(s): "stop here"']


def test_failed_state_and_reason_after_a_terminating_error():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); try { $ps.AddScript('throw \"x\"').Invoke() } catch {};"
                     "$ps.InvocationStateInfo.State; $ps.InvocationStateInfo.Reason.Message; $ps.HadErrors")
    assert out == ["Failed", "x", "True"]


def test_unknown_command_throws_command_not_found():
    out = _caught("[powershell]::Create().AddCommand('No-SuchThing').Invoke()")
    assert out[:3] == ["CommandNotFoundException", "MethodInvocationException", "CommandNotFoundException"]


def test_invoke_without_commands_and_parameter_without_command():
    assert _caught("[powershell]::Create().Invoke()")[3] == \
        'Exception calling "Invoke" with "0" argument(s): "No commands are specified."'
    assert _caught("[powershell]::Create().AddParameter('x', 1)")[3] == (
        'Exception calling "AddParameter" with "2" argument(s): "A command is required to add a parameter. '
        'A command must be added to the PowerShell instance before adding a parameter."')


def test_begin_invoke_and_end_invoke():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create().AddScript('1; 2'); $r = $ps.BeginInvoke(); $r.IsCompleted;"
                     "$o = $ps.EndInvoke($r); $o.Count; $o[1]")
    assert out == ["True", "2", "2"]


def test_end_invoke_throws_the_error_of_the_invocation():
    out = _caught("$ps = [powershell]::Create().AddScript('throw \"late\"'); $r = $ps.BeginInvoke(); $ps.EndInvoke($r)")
    assert out[:3] == ["RuntimeException", "MethodInvocationException", "RuntimeException"]


def test_current_runspace_mode_runs_in_the_calling_session():
    shell = Shell()
    out = shell.text("$y = 7; $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace);"
                     "$ps.IsNested; $ps.AddScript('$y + 1; Write-Warning quiet').Invoke(); $ps.Streams.Warning.Count")
    assert out == ["True", "8", "1"]
    assert shell.host.kind("warning") == []


def test_instance_id_and_disposal():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $ps.InstanceId -is [guid]; $ps.IsNested;"
                     "$ps.InvocationStateInfo.State; $rs = $ps.Runspace; $ps.Dispose(); $rs.RunspaceStateInfo.State")
    assert out == ["True", "False", "NotStarted", "Closed"]


def test_the_caller_stays_the_current_session_after_invoke():
    shell = Shell()
    out = shell.text("$here = 'caller'; $null = [powershell]::Create().AddScript('$here = \"runspace\"').Invoke();"
                     "[scriptblock]::Create('$here').Invoke()")
    assert out == ["caller"]


def test_add_command_scope_follows_use_local_scope(tmp_path):
    script = tmp_path / "sets.ps1"
    script.write_text("$fromScript = 'leaked'\n")
    shell = Shell()
    out = shell.text(f"$ps = [powershell]::Create(); $null = $ps.AddCommand('{script}').Invoke(); $ps.Commands.Clear();"
                     "$ps.AddScript('\"[$fromScript]\"').Invoke(); $ps.Commands.Clear();"
                     f"$null = $ps.AddCommand('{script}', $false).Invoke(); $ps.Commands.Clear();"
                     "$ps.AddScript('\"[$fromScript]\"').Invoke(); $ps.Commands.Clear();"
                     f"$ps.AddCommand('{script}', $true).Commands.Commands[0].UseLocalScope")
    assert out == ["[]", "[leaked]", "True"]


def test_the_properties_pwsh_has():
    shell = Shell()
    out = shell.text("([powershell]::Create() | Get-Member -MemberType Property).Name -join ','; "
                     "[powershell]::Create().Runspace.RunspaceStateInfo.ToString()")
    assert out[0].split(",") == sorted(["Commands", "Streams", "InstanceId", "InvocationStateInfo", "IsNested",
                                        "HadErrors", "Runspace", "RunspacePool", "IsRunspaceOwner"], key=str.lower)
    assert out[1] == "Opened"


def test_output_collection_types():
    shell = Shell()
    out = shell.text("$o = [powershell]::Create().AddScript('1, 2').Invoke(); $o.GetType().Name; $o.Count;"
                     "$p = [powershell]::Create().AddScript('3'); $p.EndInvoke($p.BeginInvoke()).GetType().Name")
    assert out == ["Collection`1", "2", "PSDataCollection`1"]
