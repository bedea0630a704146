"""Measure-Object: counts, statistics, text measures, properties and errors."""

from __future__ import annotations

import math

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_count_only_by_default(s: Session) -> None:
    info = s.one("1..4 | Measure-Object")
    assert type(info).full_name == "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    assert (info.Count, info.Sum, info.Average, info.Maximum, info.Minimum, info.StandardDeviation,
            info.Property) == (4, None, None, None, None, None, None)
    assert s.one("@() | Measure-Object").Count == 0


def test_statistics(s: Session) -> None:
    info = s.one("1, 2, 3, 4 | Measure-Object -Sum -Average -Maximum -Minimum -StandardDeviation")
    assert (info.Count, info.Sum, info.Average, info.Maximum, info.Minimum) == (4, 10.0, 2.5, 4.0, 1.0)
    assert math.isclose(info.StandardDeviation, 1.2909944487358056)
    assert isinstance(info.Sum, float)
    all_stats = s.one("1, 2 | Measure-Object -AllStats")
    assert (all_stats.Sum, all_stats.Average, all_stats.Maximum) == (3.0, 1.5, 2.0)


def test_properties_with_wildcards(s: Session) -> None:
    script = ("$d = [pscustomobject]@{A1=1; A2=2; C3=3}, [pscustomobject]@{A1=1; A2=2; A3=3}\n"
              "$d | Measure-Object -Property A* -Sum")
    results = s.run(script)
    assert [(r.Property, r.Count, r.Sum) for r in results] == [("A1", 2, 2.0), ("A2", 2, 4.0), ("A3", 1, 3.0)]


def test_missing_property_is_silent_outside_strict_mode(s: Session) -> None:
    assert s.run("1, 2 | Measure-Object -Property Nope") == []
    assert s.errors() == []


def test_strings_give_object_extremes(s: Session) -> None:
    info = s.one("'pear', 'apple', 'zoo' | Measure-Object -Maximum -Minimum")
    assert type(info).full_name == "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
    assert (info.Maximum, info.Minimum) == ("zoo", "apple")


def test_non_numeric_input_error(s: Session) -> None:
    info = s.one("1, 'x', 2 | Measure-Object -Sum")
    assert info.Sum is None and info.Count == 3
    error = s.errors()[0]
    assert error.fully_qualified_error_id == "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand"
    assert str(error) == 'Input object "x" is not numeric.'


def test_text_measures(s: Session) -> None:
    info = s.one("\"one two`nthree\", ' four ' | Measure-Object -Line -Word -Character")
    assert type(info).full_name == "Microsoft.PowerShell.Commands.TextMeasureInfo"
    assert (info.Lines, info.Words, info.Characters) == (3, 4, 19)
    assert s.one("'a b ' | Measure-Object -Character -IgnoreWhiteSpace").Characters == 2
    assert s.one("'abc`n' | Measure-Object -Line").Lines == 1


def test_scalars_have_no_length_property_in_strict_mode(s: Session, tmp_path) -> None:
    # Member access gives any scalar a Length of 1, but that is not a property to measure.
    s.run(f"Set-StrictMode -Version 3.0\n$d = Get-Item '{tmp_path}'")
    s.run("try { $d | Measure-Object Length -Sum -ErrorAction Stop } catch { $e = $_ }")
    assert s.run("$e.FullyQualifiedErrorId") == [
        "GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"]
    assert s.run("$d.Length") == [1]


def test_text_of_a_script_block_property_is_its_string_form(s: Session) -> None:
    assert s.one("'a,b,c', 'd,e' | Measure-Object -Word { $_ -split ',' }").Words == 5


def test_ps_property_expression_type(s: Session) -> None:
    s.run("function Sum-By { param([Parameter(Position = 0)][PSPropertyExpression]$By, "
          "[Parameter(ValueFromPipeline)]$InputObject) "
          "begin { $t = 0 } process { $t += $By.GetValues($InputObject).Result } end { $t } }")
    assert s.run("(1..4).ForEach{ @{ value = $_ } } | Sum-By val*") == [10]
    assert s.run("1..4 | Sum-By { $_ * 2 }") == [20]
    s.run("$pe = [PSPropertyExpression]'Len*'")
    assert s.run("$pe.GetType().FullName, $pe.HasWildCardCharacters, \"$pe\"") == [
        "Microsoft.PowerShell.Commands.PSPropertyExpression", True, "Len*"]
    result = s.run("$r = $pe.GetValues('abcd'); $r.Result, \"$($r.ResolvedExpression)\", $r[0].GetType().FullName")
    assert result == [4, "Length", "Microsoft.PowerShell.Commands.PSPropertyExpressionResult"]
    assert s.run("([PSPropertyExpression]{ throw 'bad' }).GetValues(1).Exception.Message") == ["bad"]
