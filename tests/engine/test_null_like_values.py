"""``[System.DBNull]::Value`` and ``[NullString]::Value`` are objects, not
$null: ``??`` and ``??=`` keep them and they compare equal to themselves.
``[System.Management.Automation.Internal.AutomationNull]::Value`` is the
empty pipeline's value, which ``??`` replaces."""

from __future__ import annotations

from helpers.session import Shell


def test_dbnull_is_kept_by_null_coalescing():
    shell = Shell()
    script = """
    $x = [System.DBNull]::Value
    $x ??= 200
    $x -eq [System.DBNull]::Value
    ([DBNull]::Value ?? 2).GetType().FullName
    "[$x]"
    """
    assert shell.text(script) == ["True", "System.DBNull", "[]"]


def test_null_string_is_kept_and_has_its_accelerator():
    shell = Shell()
    script = """
    $x = [NullString]::Value
    $x ??= 200
    $x -is [System.Management.Automation.Language.NullString]
    ($x ?? 1) -eq [NullString]::Value
    """
    assert shell.text(script) == ["True", "True"]


def test_automation_null_is_replaced():
    shell = Shell()
    script = """
    $x = [System.Management.Automation.Internal.AutomationNull]::Value
    $x ?? 'replaced'
    $x ??= 200
    $x
    """
    assert shell.text(script) == ["replaced", "200"]
