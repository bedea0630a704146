"""``[System.Collections.ObjectModel.ReadOnlyCollection[T]]``: a read-only
view built from a list (changes to a ``List[T]`` show through it), indexable
and unrolled by the pipeline, with no parameterless constructor, so a class
deriving from it without a constructor of its own cannot be built."""

from __future__ import annotations

from helpers.session import Shell

_NEW = "[System.Collections.ObjectModel.ReadOnlyCollection[int]]::new"


def test_a_view_over_a_generic_list():
    script = f"""
    $l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l.Add(2)
    $r = {_NEW}($l)
    $r.Count; $r[1]; $l.Add(3); $r.Count
    $r.Contains(3); $r.IndexOf('2'); $r.IndexOf(9)
    $r | ForEach-Object {{ $_ * 10 }}
    $r.GetType().FullName
    $r -is [System.Collections.IList]; $r -is [System.Collections.ICollection]
    """
    assert Shell().text(script) == ["2", "2", "3", "True", "1", "-1", "10", "20", "30",
                                    "System.Collections.ObjectModel.ReadOnlyCollection`1[System.Int32]", "True", "True"]


def test_values_are_converted_and_copied_out():
    script = f"""
    $s = [System.Collections.ObjectModel.ReadOnlyCollection[string]]::new(@(1, 2)); $s[0].GetType().Name
    $a = [int[]]::new(4); {_NEW}(@(7, 8)).CopyTo($a, 1); $a -join ','
    """
    assert Shell().text(script) == ["String", "0,7,8,0"]


def test_constructor_needs_a_list():
    script = f"""
    try {{ {_NEW}($null) }} catch {{ $_.Exception.Message }}
    try {{ {_NEW}() }} catch {{ $_.FullyQualifiedErrorId }}
    """
    assert Shell().text(script) == [
        "Exception calling \"new\" with \"1\" argument(s): \"Value cannot be null. (Parameter 'list')\"",
        "MethodCountCouldNotFindBest"]


def test_a_class_deriving_from_it_needs_a_constructor():
    script = ("try { & ([scriptblock]::Create('class C : System.Collections.ObjectModel.ReadOnlyCollection[int] {}'))"
              " } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
    assert Shell().text(script) == ["BaseClassNoDefaultCtor",
                                    "Base class 'ReadOnlyCollection`1' does not contain a parameterless constructor."]
