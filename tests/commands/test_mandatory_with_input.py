"""Input coming down the pipeline does not excuse a mandatory parameter
only the command line can give: pwsh asks for it (or, unable to ask,
stops with MissingMandatoryParameter) before the command runs.  And $null
given to a value-type parameter binds the type's default, as pwsh's
conversion does."""

from __future__ import annotations

from helpers.session import Shell


def test_piping_to_tee_object_without_a_file_stops_before_it_runs() -> None:
    shell = Shell()
    assert shell.run("'x' | Tee-Object; 'next'") == ["next"]
    record = shell.errors()[0]
    assert record.fully_qualified_error_id == "MissingMandatoryParameter,Microsoft.PowerShell.Commands.TeeObjectCommand"
    assert str(record) == "Cannot process command because of one or more missing mandatory parameters: FilePath."


def test_a_person_at_the_console_is_asked_for_the_missing_parameter(tmp_path) -> None:
    shell = Shell(answers=[str(tmp_path / "out.txt")])
    assert shell.text("'x' | Tee-Object") == ["x"]
    assert (tmp_path / "out.txt").read_text().strip() == "x"


def test_input_still_decides_when_a_set_can_take_it() -> None:
    shell = Shell()
    script = ("function f { [CmdletBinding()] param([Parameter(Mandatory)]$A, "
              "[Parameter(ValueFromPipeline)]$B) process { \"$A $B\" } }\n"
              "1 | f -A q")
    assert shell.text(script) == ["q 1"]
    assert shell.text("'a', 'b' | Select-String a | ForEach-Object Line") == ["a"]


def test_null_for_a_value_type_parameter_binds_its_default() -> None:
    shell = Shell()
    assert shell.text("ConvertTo-Json -InputObject @{a=@{b=1}} -Depth $null -Compress") == ['{"a":"System.Collections.Hashtable"}']
    shell.run("Get-Random -Count $null")
    assert shell.error_ids()[-1] == "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetRandomCommand"
