"""``[runspacefactory]``, ``[runspace]`` and ``[initialsessionstate]``:
runspaces as isolated sessions with pwsh's states."""

from __future__ import annotations

from helpers.session import Shell


def test_a_factory_runspace_opens_and_closes():
    shell = Shell()
    out = shell.text("$rs = [runspacefactory]::CreateRunspace(); $rs.RunspaceStateInfo.State; $rs.Open();"
                     "$rs.RunspaceStateInfo.State; $rs.RunspaceAvailability; $rs.Close(); $rs.RunspaceStateInfo.State")
    assert out == ["BeforeOpen", "Opened", "Available", "Closed"]


def test_full_type_names_and_accelerators_are_the_same_types():
    shell = Shell()
    out = shell.text("[runspacefactory] -eq [System.Management.Automation.Runspaces.RunspaceFactory];"
                     "[powershell].FullName; [runspace].FullName; [initialsessionstate].FullName;"
                     "[runspacefactory]::CreateRunspace() -is [runspace]")
    assert out == ["True", "System.Management.Automation.PowerShell",
                   "System.Management.Automation.Runspaces.Runspace",
                   "System.Management.Automation.Runspaces.InitialSessionState", "True"]


def test_invoking_before_open_fails_with_invalid_runspace_state():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create([runspacefactory]::CreateRunspace());"
                     "try { $ps.AddScript('1').Invoke() } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
    assert out == ["InvalidRunspaceStateException",
                   'Exception calling "Invoke" with "0" argument(s): "Cannot invoke the pipeline because the runspace '
                   "is not in the Opened state. Current state of the runspace is 'BeforeOpen'.\""]


def test_opening_twice_fails():
    shell = Shell()
    out = shell.text("$rs = [runspacefactory]::CreateRunspace(); $rs.Open();"
                     "try { $rs.Open() } catch { $_.Exception.InnerException.Message }")
    assert out == ["Cannot perform operation because the runspace is not in the 'BeforeOpen' state. "
                   "Current state of runspace is 'Opened'."]


def test_session_state_proxy_reads_and_writes_the_runspace_globals():
    shell = Shell()
    out = shell.text("$rs = [runspacefactory]::CreateRunspace(); $rs.Open(); $rs.SessionStateProxy.SetVariable('n', 3);"
                     "$ps = [powershell]::Create(); $ps.Runspace = $rs; $null = $ps.AddScript('$m = $n * 2').Invoke();"
                     "$rs.SessionStateProxy.GetVariable('m'); \"[$n]\"")
    assert out == ["6", "[]"]


def test_two_powershells_share_one_runspace():
    shell = Shell()
    out = shell.text("$rs = [runspacefactory]::CreateRunspace(); $rs.Open();"
                     "$null = [powershell]::Create($rs).AddScript('$shared = \"yes\"').Invoke();"
                     "[powershell]::Create($rs).AddScript('$shared').Invoke()")
    assert out == ["yes"]


def test_runspaces_are_numbered_and_named():
    shell = Shell()
    out = shell.text("$a = [runspacefactory]::CreateRunspace(); $b = [runspacefactory]::CreateRunspace();"
                     "$b.Id - $a.Id; $b.Name -eq \"Runspace$($b.Id)\"; $a.InstanceId -ne $b.InstanceId")
    assert out == ["1", "True", "True"]


def test_default_runspace_is_the_session_a_script_runs_in():
    shell = Shell()
    out = shell.text("$d = [runspace]::DefaultRunspace; $d.RunspaceStateInfo.State;"
                     "[object]::ReferenceEquals($d, [runspace]::DefaultRunspace);"
                     "$rs = [runspacefactory]::CreateRunspace(); $rs.Open();"
                     "[powershell]::Create($rs).AddScript('[runspace]::DefaultRunspace.Id').Invoke()[0] -eq $rs.Id")
    assert out == ["Opened", "True", "True"]


def test_initial_session_state_variables():
    shell = Shell()
    out = shell.text("$iss = [initialsessionstate]::CreateDefault2();"
                     "$iss.Variables.Add([System.Management.Automation.Runspaces.SessionStateVariableEntry]::new("
                     "'greeting', 'hello', 'a test variable'));"
                     "$rs = [runspacefactory]::CreateRunspace($iss); $rs.Open();"
                     "[powershell]::Create($rs).AddScript('$greeting').Invoke();"
                     "[powershell]::Create($iss).AddScript('\"$greeting again\"').Invoke()")
    assert out == ["hello", "hello again"]


def test_a_runspace_host_shows_nothing():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create(); $ps.AddScript('Write-Host hi; $Host.Name').Invoke();"
                     "$ps.Streams.Information[0].MessageData.Message")
    assert out == ["Default Host", "hi"]
    assert shell.host.kind("information") == [] and "hi" not in "".join(shell.host.kind("output"))


def test_initial_session_state_imports_modules_when_a_runspace_opens(tmp_path):
    module = tmp_path / "HostedMod" / "HostedMod.psm1"
    module.parent.mkdir()
    module.write_text("function Get-HostedValue { 'from the module' }\n")
    shell = Shell()
    out = shell.text(f"$iss = [initialsessionstate]::CreateDefault(); $iss.ImportPSModule('{module}');"
                     "[powershell]::Create($iss).AddScript('Get-HostedValue').Invoke();"
                     "[bool](Get-Command Get-HostedValue -ErrorAction Ignore)")
    assert out == ["from the module", "False"]


def test_a_module_that_does_not_import_is_passed_over_unless_asked_to_throw():
    shell = Shell()
    out = shell.text("$iss = [initialsessionstate]::CreateDefault(); $iss.ImportPSModule('No.Such.Module');"
                     "$rs = [runspacefactory]::CreateRunspace($iss); $rs.Open(); $rs.RunspaceStateInfo.State;"
                     "$iss.ThrowOnRunspaceOpenError = $true; $rs = [runspacefactory]::CreateRunspace($iss);"
                     "try { $rs.Open() } catch { $_.FullyQualifiedErrorId }; $rs.RunspaceStateInfo.State;"
                     "$rs.RunspaceStateInfo.Reason.Message")
    assert out[:3] == ["Opened", "RunspaceOpenModuleLoadException", "Broken"]
    assert out[3].startswith("One or more errors occurred processing the module 'No.Such.Module' specified in the "
                             "InitialSessionState object used to create this runspace.")


def test_initial_session_state_functions_and_startup_scripts(tmp_path):
    startup = tmp_path / "startup.ps1"
    startup.write_text("$fromStartup = 'set by startup'\nfunction Get-Started { 'started' }\n")
    shell = Shell()
    out = shell.text("$iss = [initialsessionstate]::CreateDefault();"
                     "$iss.Commands.Add([System.Management.Automation.Runspaces.SessionStateFunctionEntry]::new("
                     "'Get-Canary', '\"canary $args\"'));"
                     f"$iss.StartupScripts.Add('{startup}');"
                     "[powershell]::Create($iss).AddScript('Get-Canary 1; Get-Started; $fromStartup').Invoke()")
    assert out == ["canary 1", "started", "set by startup"]


def test_a_failing_startup_script_is_passed_over_unless_asked_to_throw(tmp_path):
    startup = tmp_path / "failing.ps1"
    startup.write_text("throw 'startup failed'\n")
    shell = Shell()
    out = shell.text(f"$iss = [initialsessionstate]::CreateDefault(); $iss.StartupScripts.Add('{startup}');"
                     "$rs = [runspacefactory]::CreateRunspace($iss); $rs.Open(); $rs.RunspaceStateInfo.State;"
                     "$iss.ThrowOnRunspaceOpenError = $true; $rs = [runspacefactory]::CreateRunspace($iss);"
                     "try { $rs.Open() } catch { $_.Exception.InnerException.Message }; $rs.RunspaceStateInfo.State")
    assert out == ["Opened", "startup failed", "Broken"]


def test_a_runspace_shows_as_pwsh_table():
    from pwshlike.testing import run
    lines = run("[runspacefactory]::CreateRunspace() | Format-Table").text.splitlines()
    assert lines[1:3] == [" Id Name            ComputerName    Type          State         Availability",
                          " -- ----            ------------    ----          -----         ------------"]
    assert lines[3].split()[1:] == [lines[3].split()[1], "localhost", "Local", "BeforeOpen", "None"]
    assert lines[3].split()[1] == f"Runspace{lines[3].split()[0]}"


def test_the_console_session_is_runspace_1_in_a_new_process():
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", "-Command",
                             "[runspacefactory]::CreateRunspace().Id; [runspace]::DefaultRunspace.Name"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["2", "Runspace1"]


def test_initial_session_state_create_has_no_commands_but_what_it_adds():
    shell = Shell()
    out = shell.text("$iss = [initialsessionstate]::Create();"
                     "$iss.Commands.Add([System.Management.Automation.Runspaces.SessionStateFunctionEntry]::new("
                     "'Get-Canary', '\"canary\"'));"
                     "$ps = [powershell]::Create($iss); $ps.AddScript('1 + 1; Get-Canary; Get-Date').Invoke();"
                     "$ps.Streams.Error[0].FullyQualifiedErrorId;"
                     "try { [powershell]::Create($iss).AddCommand('Get-ChildItem').Invoke() }"
                     " catch { $_.FullyQualifiedErrorId }")
    assert out == ["2", "canary", "CommandNotFoundException", "CommandNotFoundException"]


def test_an_entry_built_with_too_few_arguments_has_no_overload():
    shell = Shell()
    shell.run("[System.Management.Automation.Runspaces.SessionStateVariableEntry]::new()")
    assert str(shell.errors()[0]) == 'Cannot find an overload for "new" and the argument count: "0".'
    assert shell.error_ids() == ["MethodCountCouldNotFindBest"]
