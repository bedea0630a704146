"""``[System.Management.Automation.PSTypeName]``: a type name whose
``Type`` is the type, or $null when there is none (scripts test for a
type this way before defining it)."""

from __future__ import annotations

from helpers.session import Shell


def test_type_is_resolved_or_null():
    shell = Shell()
    script = """
    ([System.Management.Automation.PSTypeName]'System.String').Type.FullName
    $null -eq ([System.Management.Automation.PSTypeName]'No.Such.Type').Type
    ([System.Management.Automation.PSTypeName]'No.Such.Type').Name
    [PSTypeName].FullName
    """
    assert shell.text(script) == ["System.String", "True", "No.Such.Type",
                                  "System.Management.Automation.PSTypeNameAttribute"]
