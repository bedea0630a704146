"""StringBuilder's fuller member list: Append(char[]) and its range
overloads, AppendJoin, Insert(index, text, count), Replace inside a range,
Equals by content, CopyTo, EnsureCapacity, and the Chars indexer read and
written through ``$sb[i]``."""

from __future__ import annotations

from helpers.session import Shell


def test_append_insert_replace_overloads():
    shell = Shell()
    script = """
    $sb = [System.Text.StringBuilder]::new()
    [void]$sb.Append([char[]]('p', 'q')); [void]$sb.Append('hello', 1, 2); [void]$sb.AppendJoin('-', 1, 2, 3)
    $sb.ToString()
    [void]$sb.Insert(0, 'ab', 2); $sb.ToString()
    [void]$sb.Clear().Append('aXaXaX').Replace('X', 'y', 0, 4); $sb.ToString()
    try { $sb.Append('abc', 2, 5) } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert shell.text(script) == ["pqel1-2-3", "ababpqel1-2-3", "ayayaX", "ArgumentOutOfRangeException"]


def test_indexer_equals_copy_to_capacity():
    shell = Shell()
    script = """
    $sb = [System.Text.StringBuilder]::new('hello')
    $sb[1]; $sb[0] = 'J'; $sb.ToString()
    $sb.Equals([System.Text.StringBuilder]::new('Jello')); $sb.Equals('Jello')
    $a = [char[]]::new(3); $sb.CopyTo(1, $a, 0, 3); -join $a
    $sb.EnsureCapacity(100); $sb.Capacity
    """
    assert shell.text(script) == ["e", "Jello", "True", "False", "ell", "100", "100"]


def test_properties_in_dotnet_order_and_capacity_setter():
    shell = Shell()
    script = """
    $sb = [System.Text.StringBuilder]::new('ab')
    ($sb | Get-Member -MemberType Property).Name -join ','
    $sb | Format-Table | Out-String -Stream | Where-Object { $_ } | Select-Object -First 1
    $sb.Capacity = 40; $sb.Capacity
    try { $sb.Capacity = 1 } catch { $_.Exception.InnerException.Message }
    """
    assert shell.text(script) == ["Capacity,Length,MaxCapacity", "Capacity MaxCapacity Length", "40",
                                  "capacity was less than the current size. (Parameter 'value')"]
