"""``Queue[T]``, ``Stack[T]``, ``SortedSet[T]``, ``SortedDictionary[K,V]``,
the non-generic Queue/Stack, and HashSet[T] with a StringComparer: typed
items, enumeration order, .NET's errors."""

from __future__ import annotations

from helpers.session import Shell


def test_queue_and_stack():
    shell = Shell()
    script = """
    $q = [System.Collections.Generic.Queue[int]]::new(); $q.Enqueue('5'); $q.Enqueue(6)
    $q.Peek(); $q.Dequeue(); $q.Count; $q.GetType().FullName
    $s = [System.Collections.Generic.Stack[string]]::new(); 'a', 'b', 'c' | ForEach-Object { $s.Push($_) }
    $s -join ','; $s.Pop(); $s.Count
    $v = $null; $s.TryPeek([ref]$v); $v
    $n = [System.Collections.Queue]::new(); $n.Enqueue(1); $n.Enqueue('x'); $n -join '+'; $n.GetType().FullName
    """
    assert shell.text(script) == ["5", "5", "1", "System.Collections.Generic.Queue`1[System.Int32]", "c,b,a", "c",
                                  "2", "True", "b", "1+x", "System.Collections.Queue"]


def test_empty_and_wrongly_typed():
    shell = Shell()
    shell.run("""
    try { [System.Collections.Generic.Queue[int]]::new().Dequeue() } catch { $a = $_ }
    try { [System.Collections.Generic.Stack[int]]::new().Peek() } catch { $b = $_ }
    try { [System.Collections.Generic.Queue[int]]::new().Enqueue('x') } catch { $c = $_ }
    """)
    get = shell.context.get_variable_value
    assert get("a").exception.inner_exception.message == "Queue empty."
    assert get("b").exception.inner_exception.message == "Stack empty."
    assert get("c").fully_qualified_error_id == "MethodArgumentConversionInvalidCastArgument"
    assert str(get("c").exception.message).startswith('Cannot convert argument "item", with value: "x", for '
                                                      '"Enqueue" to type "System.Int32"')


def test_sorted_collections():
    shell = Shell()
    script = """
    $d = [System.Collections.Generic.SortedDictionary[string,int]]::new()
    $d['pear'] = 3; $d['Apple'] = '1'; $d.Add('fig', 2)
    $d.Keys -join ','; $d['apple'] -eq $null; $d['Apple'].GetType().Name; $d.GetType().Name
    $set = [System.Collections.Generic.SortedSet[int]]::new()
    5, 1, 3, 1 | ForEach-Object { [void]$set.Add($_) }
    $set -join ','; $set.Min; $set.Max; $set.Count
    """
    assert shell.text(script) == ["Apple,fig,pear", "True", "Int32", "SortedDictionary`2", "1,3,5", "1", "5", "3"]


def test_sorted_dictionary_default_output():
    shell = Shell()
    text = "\n".join(shell.text("""
    $d = [System.Collections.Generic.SortedDictionary[string,int]]::new(); $d['b'] = 2; $d['a'] = 1
    $d | Out-String"""))
    rows = [line.split() for line in text.splitlines() if line.strip()]
    assert rows == [["Key", "Value"], ["---", "-----"], ["a", "1"], ["b", "2"]]


def test_hashset_with_string_comparer():
    shell = Shell()
    script = """
    $h = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    $h.Add('Admin'); $h.Add('ADMIN'); $h.Contains('admin'); $h.Count; @($h)[0]
    $g = [System.Collections.Generic.HashSet[string]]::new([string[]]('a', 'A'), [StringComparer]::Ordinal); $g.Count
    [StringComparer]::OrdinalIgnoreCase.Equals('x', 'X'); [StringComparer]::OrdinalIgnoreCase.GetType().FullName
    """
    assert shell.text(script) == ["True", "False", "True", "1", "Admin", "2", "True",
                                  "System.OrdinalIgnoreCaseComparer"]


def test_dictionary_with_ignore_case_comparer():
    shell = Shell()
    script = """
    $d = [System.Collections.Generic.Dictionary[string,int]]::new([StringComparer]::OrdinalIgnoreCase)
    $d['Key'] = 1; $d['KEY'] = '2'; $d.Count; $d['key']; $d.ContainsKey('kEy'); $d.Keys
    try { $d.Add('KEY', 3) } catch { 'duplicate' }
    $d.Remove('key'); $d.Count
    $plain = [System.Collections.Generic.Dictionary[string,int]]::new(); $plain['a'] = 1; $plain['A'] = 2; $plain.Count
    """
    assert shell.text(script) == ["1", "2", "True", "Key", "duplicate", "True", "0", "2"]


def test_hashset_set_operations_follow_the_comparer():
    shell = Shell()
    script = """
    $h = [System.Collections.Generic.HashSet[string]]::new([string[]]('A', 'b'), [StringComparer]::OrdinalIgnoreCase)
    $h.IsSubsetOf([string[]]('a', 'B', 'c')); $h.SetEquals([string[]]('a', 'B')); $h.Overlaps([string[]]('x'))
    $h.IntersectWith([string[]]('a')); $h -join ','
    """
    assert shell.text(script) == ["True", "True", "False", "A"]


def test_concurrent_dictionary():
    shell = Shell()
    script = """
    $d = [System.Collections.Concurrent.ConcurrentDictionary[string,int]]::new()
    $d.TryAdd('a', 1); $d.TryAdd('a', 2); $d['a']
    $d.GetOrAdd('b', 5); $d.GetOrAdd('b', 6)
    $d.AddOrUpdate('a', 0, { param($k, $v) $v + 10 })
    $v = 0; $d.TryRemove('b', [ref]$v); $v; $d.Keys -join ','
    $d.GetType().FullName
    1..20 | ForEach-Object -Parallel { [void]($using:d).AddOrUpdate('n', 1, { param($k, $v) $v + 1 }) } -ThrottleLimit 4
    $d['n']
    """
    assert shell.text(script) == ["True", "False", "1", "5", "5", "11", "True", "5", "a",
                                  "System.Collections.Concurrent.ConcurrentDictionary`2[System.String,System.Int32]",
                                  "20"]
