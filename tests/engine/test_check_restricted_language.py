"""``$scriptblock.CheckRestrictedLanguage(commands, variables, allowEnv)``
returns nothing for a block in the restricted language and otherwise
throws a method-call error whose id is ParseException and whose inner
ParseException lists pwsh's errors."""

from __future__ import annotations

from helpers.session import Shell


def test_accepted_block_returns_nothing():
    shell = Shell()
    assert shell.run("{ 2 + $a + $env:X }.CheckRestrictedLanguage($null, [string[]]'a', $true)") == []


def test_refused_block_throws_parse_exception_with_errors():
    shell = Shell()
    script = """
    try { { Get-Date; $b }.CheckRestrictedLanguage(@('Get-Item'), @('a'), $false) }
    catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.Errors | ForEach-Object ErrorId }
    """
    assert shell.text(script) == ["ParseException", "CmdletNotInAllowedListForDataSection",
                                  "VariableReferenceNotSupportedInDataSection"]


def test_star_allows_any_variable_even_environment():
    shell = Shell()
    assert shell.run("{ $a + $zz + $env:foo }.CheckRestrictedLanguage($null, @('*'), $false)") == []
