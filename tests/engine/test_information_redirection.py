"""Write-Information's record reaches a redirection (``6>&1``, ``*>&1``)
and a PowerShell object's Information stream whatever
``$InformationPreference`` says, unless Ignore; only showing it on the
host follows the preference."""

from __future__ import annotations

from helpers.session import Shell


def test_redirection_receives_information_when_silently_continuing():
    shell = Shell()
    assert shell.text("Write-Information note 6>&1; $all = Write-Information quiet *>&1; \"[$all]\"") == \
        ["note", "[quiet]"]
    assert shell.host.kind("information") == []


def test_ignore_still_drops_it():
    assert Shell().text("Write-Information gone -InformationAction Ignore 6>&1; 'end'") == ["end"]


def test_the_host_shows_it_only_when_continuing():
    shell = Shell()
    shell.run("Write-Information hidden; Write-Information shown -InformationAction Continue")
    assert "hidden" not in " ".join(shell.host.kind("information"))
    assert "shown" in " ".join(shell.host.kind("information"))


def test_a_powershell_objects_information_stream_gets_it():
    out = Shell().text("$ps = [powershell]::Create(); $null = $ps.AddScript('Write-Information kept').Invoke();"
                       "$ps.Streams.Information[0].MessageData")
    assert out == ["kept"]


def test_the_record_describes_where_it_came_from():
    import os
    import pwd
    shell = Shell()
    assert shell.text("$r = Write-Information note *>&1; $r -is [System.Management.Automation.InformationRecord]; "
                      "$r.ProcessId -eq $PID; $r.NativeThreadId -ne 0; $r.User") == [
        "True", "True", "True", pwd.getpwuid(os.geteuid()).pw_name]


def test_pipeline_input_and_null_message_data():
    shell = Shell()
    assert shell.text("'a', 12 | Write-Information -InformationVariable got 6>$null; $got.MessageData") == ["a", "12"]
    assert shell.text("$null | Write-Information -Tags t -InformationVariable n 6>$null; $n.Tags; "
                      "$null -eq $n.MessageData") == ["t", "True"]
