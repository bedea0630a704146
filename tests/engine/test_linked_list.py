"""``[System.Collections.Generic.LinkedList[T]]``: nodes linked through
First/Next/Previous, values converted to T, unrolled by the pipeline, and
a node's by-reference ``ValueRef`` shown as pwsh's adapter shows it."""

from __future__ import annotations

from helpers.session import Shell


def test_add_and_walk_nodes():
    shell = Shell()
    script = """
    $l = [System.Collections.Generic.LinkedList[int]]::new()
    $null = $l.AddLast(2); $null = $l.AddFirst('1'); $n = $l.AddLast(4)
    $null = $l.AddBefore($n, 3)
    $l.Count; $l.First.Value; $l.First.Next.Value; $l.Last.Previous.Value
    $l.First.Previous -eq $null
    $l | ForEach-Object { $_ * 10 }
    """
    assert shell.text(script) == ["4", "1", "2", "3", "True", "10", "20", "30", "40"]


def test_lowercase_spelling_and_icollection_add():
    shell = Shell()
    script = """
    $x = [collections.generic.linkedlist[int]]::new()
    $x.Add(123); $x.Add(456)
    @($x) -join ','
    $x.GetType().FullName
    $x -is [System.Collections.Generic.LinkedList[int]]
    """
    assert shell.text(script) == ["123,456", "System.Collections.Generic.LinkedList`1[System.Int32]", "True"]


def test_remove_find_contains_clear():
    shell = Shell()
    script = """
    $l = [System.Collections.Generic.LinkedList[string]]::new(@('a', 'b', 'c', 'd'))
    $l.Contains('b'); $l.Remove('b'); $l.Remove('zz')
    $l.Find('c').Previous.Value
    $l.RemoveFirst(); $l.RemoveLast(); @($l) -join ','
    $l.Clear(); $l.Count
    try { $l.RemoveFirst() } catch { $_.Exception.InnerException.Message }
    """
    assert shell.text(script) == ["True", "True", "False", "a", "c", "0", "The LinkedList is empty."]


def test_value_ref_is_a_read_only_by_ref_property():
    shell = Shell()
    script = """
    $node = [System.Collections.Generic.LinkedList[int]]::new().AddLast(5)
    $node.ValueRef
    $p = $node.PSObject.Properties['ValueRef']
    $p.IsSettable; $p.IsGettable; $p.TypeNameOfValue; $p.Value
    $node.GetType().Name
    """
    assert shell.text(script) == ["5", "False", "True", "System.Int32&", "5", "LinkedListNode`1"]
