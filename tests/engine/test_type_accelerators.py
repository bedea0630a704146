"""``[psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')``:
``Get`` lists the accelerators (case-insensitive), ``Add`` makes a new
``[name]`` and ``Remove`` takes it away again."""

from __future__ import annotations

from helpers.session import Shell


def test_get_add_and_remove():
    shell = Shell()
    script = """
    $accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')
    $accelerators::Get['HASHTABLE'].FullName
    $accelerators::Add('MyNumber', [int])
    [MyNumber].FullName
    $accelerators::Remove('MyNumber')
    try { [MyNumber] } catch { $_.FullyQualifiedErrorId }
    $accelerators::Remove('MyNumber')
    """
    assert shell.text(script) == ["System.Collections.Hashtable", "System.Int32", "True", "TypeNotFound", "False"]
