"""``Predicate[T]`` and the List methods that take one (Find, FindAll,
RemoveAll, Exists, TrueForAll, FindIndex): the item is the block's argument,
as pwsh's InvokeAsDelegateHelper passes it, not ``$_``."""

from __future__ import annotations

from helpers.session import Shell


def test_list_predicates_get_the_item_as_argument():
    shell = Shell()
    script = """
    $l = [System.Collections.Generic.List[int]]::new(); $l.AddRange([int[]](3, 1, 2))
    $l.Find({ param($x) $x -gt 1 })
    $l.FindAll({ $args[0] -gt 1 }) -join ','
    $l.FindIndex({ param($x) $x -eq 2 })
    $l.Exists({ param($x) $x -gt 2 }); $l.TrueForAll({ param($x) $x -gt 1 })
    $l.RemoveAll({ param($x) $x -eq 1 }); $l -join ','
    """
    assert shell.text(script) == ["3", "3,2", "2", "True", "False", "1", "3,2"]


def test_predicate_type():
    shell = Shell()
    script = """
    $p = [Predicate[int]]{ param($x) $x -gt 2 }
    $p.Invoke(3); $p.Invoke(1); $p.GetType().FullName
    [System.Collections.Generic.List[int]]::new([int[]](1, 5)).Find($p)
    """
    assert shell.text(script) == ["True", "False", "System.Predicate`1[System.Int32]", "5"]
