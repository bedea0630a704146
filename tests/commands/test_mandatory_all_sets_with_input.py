"""With pipeline input coming and several parameter sets still open, a
parameter mandatory in every set that no input can fill is reported
missing (pwsh adds the all-set's non-pipeline mandatory parameters), where
the command used to start without it."""

from __future__ import annotations

from helpers.session import Shell


def test_select_string_without_pattern():
    shell = Shell()
    shell.run("'a' | Select-String -InputObject ''")
    assert shell.error_ids() == ["MissingMandatoryParameter,Microsoft.PowerShell.Commands.SelectStringCommand"]
    assert str(shell.errors()[0]) == \
        "Cannot process command because of one or more missing mandatory parameters: Pattern."


def test_input_still_decides_when_only_pipeline_parameters_lack():
    shell = Shell()
    assert shell.text("'abc', 'x' | Select-String b | ForEach-Object Line") == ["abc"]
