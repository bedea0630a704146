"""Get-Command -ShowCommandInfo: a command as plain note properties."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    s = Session()
    s.run("$c = Get-Command Get-Date -ShowCommandInfo")
    return s


def test_command_fields(s: Session) -> None:
    assert s.run("($c | Get-Member -MemberType NoteProperty).Name -join ','") == [
        "CommandType,Definition,Module,ModuleName,Name,ParameterSets"]
    assert s.run("$c.Name, $c.ModuleName, $c.Module.Name, \"$($c.CommandType)\"") == [
        "Get-Date", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Utility", "Cmdlet"]
    assert s.run("$c.Definition -is [string]") == [True]


def test_parameter_sets_and_parameters(s: Session) -> None:
    assert s.run("($c.ParameterSets[0] | Get-Member -MemberType NoteProperty).Name -join ','") == [
        "IsDefault,Name,Parameters"]
    assert s.run("$c.ParameterSets.Name -join ','") == [
        "DateAndFormat,DateAndUFormat,UnixTimeSecondsAndFormat,UnixTimeSecondsAndUFormat"]
    s.run("$date = $c.ParameterSets[0].Parameters | Where-Object Name -eq Date")
    assert s.run("$date.IsMandatory, $date.ValueFromPipeline, $date.Position, $date.HasParameterSet") == [
        False, True, 0, False]
    assert s.run("$date.ParameterType.FullName, $date.ParameterType.IsEnum, $date.ParameterType.IsArray") == [
        "System.DateTime", False, False]


def test_validate_set_values_and_array_types() -> None:
    s = Session()
    s.run("function f { param([ValidateSet('a', 'b')][string]$Pick, [int[]]$Numbers, [System.DayOfWeek]$Day) }\n"
          "$ps = (Get-Command f -ShowCommandInfo).ParameterSets[0].Parameters")
    assert s.run("$p = $ps | ? Name -eq Pick; $p.HasParameterSet; $p.ValidParamSetValues -join ','") == [True, "a,b"]
    assert s.run("($ps | ? Name -eq Numbers).ParameterType.ElementType.FullName") == ["System.Int32"]
    assert s.run("$t = ($ps | ? Name -eq Day).ParameterType; $t.IsEnum; $t.EnumValues.Count; \"$($t.EnumValues[1])\"") \
        == [True, 7, "Monday"]


def test_not_with_syntax(s: Session) -> None:
    s.run("try { Get-Command Get-Date -ShowCommandInfo -Syntax } catch { $e = $_ }")
    assert s.run("$e.FullyQualifiedErrorId") == [
        "GetCommandCannotSpecifySyntaxAndShowCommandInfoTogether,Microsoft.PowerShell.Commands.GetCommandCommand"]
    assert s.run("$e.Exception.Message") == ["The ShowCommandInfo and Syntax parameters cannot be specified together."]
