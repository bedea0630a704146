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
