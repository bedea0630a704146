"""``[psvariable]`` (System.Management.Automation.PSVariable) resolves and
builds a variable from a name, value and options, as .NET's constructors;
an empty name is refused with pwsh's PSArgumentException message."""

from __future__ import annotations

from helpers.session import Shell


def test_new_variable_and_type_checks():
    script = """
    $v = [psvariable]::new('x', 5); $v.Name; $v.Value; $v.Options
    [System.Management.Automation.PSVariable]::new('y', 1, 'ReadOnly').Options
    (Get-Variable PSHOME) -is [psvariable]
    $ExecutionContext.SessionState.PSVariable.Set([psvariable]::new('zz', 42)); $zz
    """
    assert Shell().text(script) == ["x", "5", "None", "ReadOnly", "True", "42"]


def test_empty_name_is_refused():
    script = """try { [psvariable]::new('') } catch { $_.Exception.InnerException.GetType().Name
    $_.Exception.InnerException.Message }"""
    assert Shell().text(script) == [
        "PSArgumentException",
        'Cannot process argument because the value of argument "name" is not valid. Change the value of the '
        '"name" argument and run the operation again.']
