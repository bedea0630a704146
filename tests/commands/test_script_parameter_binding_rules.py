"""Binding rules of script parameters that follow pwsh's binder: unknown
``-name`` words go to a ValueFromRemainingArguments parameter, at most 32
parameter sets, ``[bool]`` takes only booleans and numbers (``[bool[]]``
too in advanced functions), and ``ErrorMessage`` on ValidateScript,
ValidatePattern and ValidateSet."""

from __future__ import annotations

from helpers.session import Shell

_BOOL_REFUSED = ("Cannot process argument transformation on parameter 'p'. Cannot convert value \"System.String\" "
                 "to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as "
                 "$True, $False, 1 or 0.")


def test_unknown_parameter_name_joins_the_remaining_arguments():
    shell = Shell()
    script = """
    function f { param([Parameter(Position=1)] $a, [Parameter(ValueFromRemainingArguments)] $rest) $rest -join ',' }
    f a b -a c -q d
    function g { [CmdletBinding()] param($a) }
    try { g -q 1 } catch { $_.FullyQualifiedErrorId }
    """
    assert shell.text(script) == ["a,b,-q,d", "NamedParameterNotFound,g"]


def test_more_than_32_parameter_sets_is_a_metadata_error():
    shell = Shell()
    script = """
    function sets($n) { [scriptblock]::Create('param(' + ((1..$n | ForEach-Object { "[Parameter(ParameterSetName='s$_')]`$a$_" }) -join ',') + ') "ran"') }
    & (sets 32) -a1 1
    try { & (sets 33) -a1 1 } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
    """
    assert shell.text(script) == ["ran", "ParsingTooManyParameterSets", "MetadataError"]


def test_bool_parameter_refuses_strings():
    shell = Shell()
    script = """
    function f { param([bool] $p) $p }
    f 1; f 0; f $true
    try { f 'false' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    """
    assert shell.text(script) == ["True", "False", "True", "ParameterArgumentTransformationError,f", _BOOL_REFUSED]


def test_bool_array_refuses_strings_only_in_advanced_functions():
    shell = Shell()
    script = """
    function simple { param([bool[]] $p) $p -join ',' }
    simple 'a', ''
    function advanced { [CmdletBinding()] param([bool[]] $p) $p }
    try { advanced 'a', 'b' } catch { $_.FullyQualifiedErrorId }
    advanced 1, 0
    """
    assert shell.text(script) == ["True,False", "ParameterArgumentTransformationError,advanced", "True", "False"]


def test_validation_error_message_formats_item_and_rule():
    shell = Shell()
    script = """
    function s { [CmdletBinding()] param([ValidateScript({ $_ -gt 2 }, ErrorMessage = "'{0}' fails {1}")] $p) }
    try { s -p 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    function p { param([ValidatePattern('^a', ErrorMessage = "'{0}' misses {1}")] $p) }
    try { p -p b } catch { $_.Exception.Message }
    function t { param([ValidateSet('A', 'B', ErrorMessage = "'{0}' not in {1}")] $p) }
    try { t -p c } catch { $_.Exception.Message }
    """
    assert shell.text(script) == [
        "ParameterArgumentValidationError,s", "Cannot validate argument on parameter 'p'. '2' fails  $_ -gt 2 ",
        "Cannot validate argument on parameter 'p'. 'b' misses ^a",
        "Cannot validate argument on parameter 'p'. 'c' not in A,B"]


def test_member_types_and_binding_flags_enums():
    shell = Shell()
    script = """
    [System.Reflection.MemberTypes]'Method, Property'
    [int][System.Reflection.BindingFlags]'Public, Instance'
    """
    assert shell.text(script) == ["Method, Property", "20"]
