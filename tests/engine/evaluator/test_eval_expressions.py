"""Expressions: operators, literals, strings, casts, members, indexing."""

from __future__ import annotations

from pwshlike.dotnet.values import Hashtable, Int64, OrderedDictionary, PSCustomObject


def test_arithmetic_and_int32_overflow_widens(run):
    assert run("1 + 2 * 3") == [7]
    assert run("2147483647 + 1") == [2147483648]
    assert type(run("2147483647 + 1")[0]) is not int or run("2147483647 + 1")[0] > 2147483647
    assert run("7 / 2") == [3.5]
    assert run("-5 % 3") == [-2]
    assert run("'ab' + 'cd'") == ["abcd"]
    assert run("1.5 * 2.0") == [3.0]


def test_comparison_fast_and_slow_paths(run):
    assert run("3 -lt 5; 5 -le 5; 'a' -eq 'A'; 'a' -ceq 'A'; 10 -gt '9'") == [True, True, True, False, True]
    assert run("1,2,3,2 -eq 2") == [2, 2]


def test_logical_operators_short_circuit(run):
    assert run("$false -and (Write-Output 'no')") == [False]
    assert run("$true -or (Write-Output 'no')") == [True]
    assert run("1 -xor 0") == [True]
    assert run("-not 0; !''") == [True, True]


def test_ternary_and_null_coalescing(run):
    assert run("$x = 5; $x -gt 3 ? 'big' : 'small'") == ["big"]
    assert run("$null ?? 'default'; 0 ?? 'unused'") == ["default", 0]
    assert run("$y ??= 3; $y ??= 4; $y") == [3]


def test_array_literal_and_unrolling(run):
    assert run("1, 2, 3") == [1, 2, 3]
    assert run(",(1, 2)") == [[1, 2]]
    assert run("@(1; 2).Count") == [2]
    assert run("@().Count; @($null).Count; @(@(1,2)).Count") == [0, 1, 2]
    assert run("$a = 1,2; $a.Count") == [2]


def test_subexpression_collects(run):
    assert run("$x = $(1; 2; 3); $x.Count") == [3]
    assert run("$x = $(); $null -eq $x") == [True]
    assert run("$(1)") == [1]


def test_expandable_strings_use_ofs(run):
    assert run('$n = "World"; "Hello $n!"') == ["Hello World!"]
    assert run('$a = 1,2,3; "$a"') == ["1 2 3"]
    assert run('$OFS = "-"; $a = 1,2,3; "$a"') == ["1-2-3"]
    assert run('"sum: $(1 + 2)"') == ["sum: 3"]
    assert run("'single $n'") == ["single $n"]


def test_hashtable_and_ordered(run):
    h = run("@{ b = 1; a = 2 }")[0]
    assert isinstance(h, Hashtable) and h["B"] == 1
    o = run("[ordered]@{ z = 1; y = 2 }")[0]
    assert isinstance(o, OrderedDictionary) and list(o) == ["z", "y"]
    assert run("$h = @{}; $h['k'] = 'v'; $h.k; $h.Count") == ["v", 1]
    assert run("$h = @{ list = 1, 2 }; $h.list.Count") == [2]


def test_pscustomobject_literal_keeps_order(run):
    obj = run("[pscustomobject]@{ Name = 'x'; Value = 2 }")[0]
    assert isinstance(obj, PSCustomObject)
    assert obj.property_names() == ["Name", "Value"]
    assert run("$o = [pscustomobject]@{ A = 1 }; $o.A") == [1]


def test_casts(run):
    assert run("[int]'42'") == [42]
    assert run("[int]2.5; [int]3.5") == [2, 4]
    assert run("[string]5") == ["5"]
    assert isinstance(run("[long]5")[0], Int64)
    assert run("[bool]'false'") == [True]
    assert run("[void](1 + 1)") == []


def test_unknown_type_is_a_runtime_error(session):
    assert session.run("[NoSuchType]5; 'after'") == ["after"]
    assert "Unable to find type [NoSuchType]." in session.errors()[0]
    assert session.ctx.get_variable_value("Error")[0].fully_qualified_error_id == "TypeNotFound"


def test_members_and_methods(run):
    assert run("'hello'.Length; 'hello'.ToUpper()") == [5, "HELLO"]
    assert run("$s = 'a,b'; $s.Split(',').Count") == [2]
    assert run("[math]::Max(3, 7)") == [7]
    assert run("$n = 'Length'; 'abc'.$n") == [3]
    assert run("$x = $null; ${x}?.Length; ${x}?[0]") == [None, None]


def test_void_method_writes_nothing(run):
    assert run("$h = @{}; $h.Add('a', 1); $h.Count") == [1]


def test_indexing(run):
    assert run("$a = 10, 20, 30; $a[0]; $a[-1]; $a[0, 2]") == [10, 30, 10, 30]
    assert run("$a = 10, 20, 30; $a[1..2]") == [20, 30]
    assert run("$a = 1, 2; $a[1] = 5; $a") == [1, 5]


def test_static_member_on_type_value(run):
    assert run("$t = [int]; $t::MaxValue") == [2147483647]


def test_range_operator(run):
    assert run("1..4") == [1, 2, 3, 4]
    assert run("3..1") == [3, 2, 1]
    assert run("$r = 1..3; $r.Count") == [3]


def test_match_sets_matches(run):
    assert run("'abc123' -match '(\\d+)'; $Matches[1]") == [True, "123"]
    assert run("'a', 'b1', 'c2' -match '\\d'") == ["b1", "c2"]


def test_increment_and_decrement(run):
    assert run("$i = 1; $i++; $i") == [2]
    assert run("$i = 1; $j = $i++; $j; $i") == [1, 2]
    assert run("$i = 1; (++$i)") == [2]
    assert run("$h = @{ n = 1 }; $h.n++; $h.n") == [2]
    assert run("$a = 1, 2; $a[0] += 10; $a[0]") == [11]
    assert run("$u++; $u") == [1]


def test_compound_assignment(run):
    assert run("$x = 1; $x += 2; $x *= 3; $x") == [9]
    assert run("$s = 'a'; $s += 'b'; $s") == ["ab"]
    assert run("$a = @(); $a += 1; $a += 2; $a.Count") == [2]


def test_multiple_assignment(run):
    assert run("$a, $b = 1, 2, 3; $a; $b.Count") == [1, 2]
    assert run("$a, $b = 1; $null -eq $b") == [True]


def test_assignment_as_value(run):
    assert run("($x = 5)") == [5]
    assert run("$a = $b = 2; $a + $b") == [4]


def test_format_and_join_split(run):
    assert run("'{0}-{1}' -f 'a', 'b'") == ["a-b"]
    assert run("(1, 2) -join ','") == ["1,2"]
    assert run("('a b' -split ' ').Count") == [2]


def test_script_block_literal_and_invoke(run):
    assert run("$sb = { param($x) $x * 2 }; & $sb 4") == [8]
    assert run("$sb = { 1; 2 }; $sb.Invoke().Count") == [2]
    assert run("$sb = { 'in' }; \"$sb\"") == [" 'in' "]


def test_reference(run):
    assert run("$n = 0; $ok = [int]::TryParse('12', [ref]$n); $ok; $n") == [True, 12]


def test_pscustomobject_type_names(run):
    assert run('$o = [pscustomobject]@{ PSTypeName = "My.Type"; A = 1 }; $o.PSObject.TypeNames[0]; '
               '$o.PSObject.Properties.Name -join ","') == ["My.Type", "A"]
    assert run('$x = [pscustomobject]@{ N = 1 }; $x.PSObject.TypeNames.Insert(0, "Other.Type"); '
               '$x.PSObject.TypeNames -join ","') == [
        "Other.Type,System.Management.Automation.PSCustomObject,System.Object"]
