"""A typed parameter nothing binds and that has no default starts as pwsh's
TryGetDefaultParameterValue gives: '' for a string, 0 for a number, $false
for a bool, and $null for an enum or another struct (never an error)."""

from __future__ import annotations

from helpers.session import Shell


def test_unbound_typed_parameters_get_pwsh_defaults():
    shell = Shell()
    script = """
    function f { param([System.Reflection.MemberTypes] $m, [int] $i, [string] $s, [datetime] $d, [bool] $b)
        $null -eq $m; $i; $s.Length; $null -eq $d; $b }
    f
    function g { [CmdletBinding()] param([Parameter()] [System.DayOfWeek] $day) $null -eq $day }
    g
    """
    assert shell.text(script) == ["True", "0", "0", "True", "False", "True"]
