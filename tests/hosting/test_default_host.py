"""A runspace's Default Host has no user interface: a command that reads
or asks for confirmation there fails with pwsh's HostException, which the
script reports as an error and goes on."""

from __future__ import annotations

from helpers.session import Shell

CONFIRMING = ("$f = @'\nfunction Get-Foo { [CmdletBinding(SupportsShouldProcess)] param()"
              " if ($PSCmdlet.ShouldProcess('foo', 'foo action')) { 'done' } }\n'@\n")


def test_confirm_prompt_is_an_error_and_the_invocation_completes():
    shell = Shell()
    out = shell.text(f"{CONFIRMING}$ps = [powershell]::Create().AddScript($f).AddStatement()"
                     ".AddScript('Get-Foo -Confirm; \"next\"'); $ps.Invoke(); $ps.Streams.Error.Count;"
                     "$ps.Streams.Error[0].Exception.Message; $ps.InvocationStateInfo.State")
    assert out[:2] == ["next", "1"]
    assert ("A command that prompts the user failed because the host program or the command type does not support "
            "user interaction. The host was attempting to request confirmation with the following message: Are you "
            "sure you want to perform this action?") in out[2]
    assert out[3] == "Completed"


def test_no_prompt_no_error():
    shell = Shell()
    out = shell.text(f"{CONFIRMING}$ps = [powershell]::Create().AddScript($f).AddStatement().AddScript('Get-Foo');"
                     "$ps.Invoke(); $ps.Streams.Error.Count")
    assert out == ["done", "0"]


def test_read_host_fails():
    shell = Shell()
    out = shell.text("$ps = [powershell]::Create().AddScript('Read-Host -Prompt name; \"after\"'); $ps.Invoke();"
                     "$ps.Streams.Error[0].Exception.GetType().Name")
    assert out == ["after", "HostException"]


def test_setting_no_runspace_pool_gives_the_object_a_runspace_of_its_own():
    shell = Shell()
    out = shell.text("$rs = [runspacefactory]::CreateRunspace(); $rs.Open();"
                     "$ps = [powershell]::Create($rs); $ps.RunspacePool = $null; $null -eq $ps.RunspacePool;"
                     "[object]::ReferenceEquals($ps.Runspace, $rs); $ps.AddScript('1').Invoke()")
    assert out == ["True", "False", "1"]
