"""Script ``class`` definitions behave as pwsh 7.4's: the type exists once
the script compiles, constructors and typed properties with defaults,
overloaded instance and static methods, ``$this``, only ``return`` gives a
method its value, inheritance with overrides and base calls, hashtable
casts, hidden members, ToString/Equals overrides, and pwsh's errors."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session

POINT = """
class Point {
    [int] $X
    [int] $Y = 7
    hidden [string] $Tag = 'secret'
    static [int] $Made = 0
    Point() { [Point]::Made++ }
    Point([int]$x, [int]$y) { $this.X = $x; $this.Y = $y; [Point]::Made++ }
    [int] Sum() { 'not returned'; return $this.X + $this.Y }
    [string] Describe([string]$prefix) { return "$prefix($($this.X),$($this.Y))" }
    [string] Describe([int]$times) { return "x$times" }
    static [Point] Origin() { return [Point]::new(0, 0) }
    [string] ToString() { return "($($this.X), $($this.Y))" }
}
"""


@pytest.fixture
def s() -> Session:
    return Session()


def test_the_type_exists_above_its_definition(s: Session) -> None:
    assert s.text("[Point]::new(1, 2).Sum()" + POINT) == ["3"]


def test_constructors_defaults_and_typed_properties(s: Session) -> None:
    assert s.text(POINT + "$p = [Point]::new(); $p.X; $p.Y; $p.X = '12'; $p.X; $p.X.GetType().Name") == [
        "0", "7", "12", "Int32"]


def test_methods_overloads_and_statics(s: Session) -> None:
    assert s.text(POINT + "$p = [Point]::new(1, 2); $p.Describe('P'); $p.Describe(3); [Point]::Origin().Sum(); "
                  "[Point]::Made") == ["P(1,2)", "x3", "0", "2"]


def test_only_return_gives_a_value(s: Session) -> None:
    assert s.run(POINT + "[Point]::new(2, 3).Sum()") == [5]
    assert s.run("class V { [void] Go() { 'dropped' } }; [V]::new().Go()") == []


def test_tostring_override_in_strings_and_type_names(s: Session) -> None:
    assert s.text(POINT + '$p = [Point]::new(1, 2); "$p"; $p.GetType().Name; $p -is [Point]; '
                  "$p.PSObject.TypeNames -join ','") == ["(1, 2)", "Point", "True", "Point,System.Object"]


def test_hidden_properties_are_reachable_but_not_listed(s: Session) -> None:
    assert s.text(POINT + "$p = [Point]::new(); $p.Tag; ($p | ConvertTo-Json -Compress)") == [
        "secret", '{"X":0,"Y":7}']


def test_hashtable_cast_and_its_error(s: Session) -> None:
    assert s.text(POINT + "$p = [Point]@{ X = 4; Y = 5 }; $p.Sum()") == ["9"]
    assert s.text(POINT + "try { [Point]@{ Z = 1 } } catch { $_.FullyQualifiedErrorId }") == [
        "ObjectCreationError"]


def test_wrong_argument_count_and_bad_assignment(s: Session) -> None:
    assert s.text(POINT + "try { [Point]::new(1) } catch { $_.FullyQualifiedErrorId }; "
                  "try { [Point]::new().X = 'abc' } catch { $_.FullyQualifiedErrorId }") == [
        "MethodCountCouldNotFindBest", "ExceptionWhenSetting"]


INHERIT = """
class Animal {
    [string] $Name
    Animal([string]$name) { $this.Name = $name }
    [string] Speak() { return '...' }
    [string] Intro() { return "$($this.Name) says $($this.Speak())" }
}
class Dog : Animal {
    Dog([string]$name) : base($name.ToUpper()) { }
    [string] Speak() { return 'Woof' }
    [string] Plain() { return ([Animal]$this).Speak() }
}
"""


def test_inheritance_overrides_and_base_calls(s: Session) -> None:
    assert s.text(INHERIT + "$d = [Dog]::new('rex'); $d.Intro(); $d.Plain(); $d -is [Animal]; "
                  "[Dog].BaseType.Name") == ["REX says Woof", "...", "True", "Animal"]


def test_static_constructor_and_methods_run_in_the_defining_session(s: Session) -> None:
    assert s.text("function Get-Word { 'hello' }\n"
                  "class K { static [string] $W; static K() { [K]::W = Get-Word } "
                  "static [string] Say() { return (Get-Word) + '!' } }\n[K]::W; [K]::Say()") == ["hello", "hello!"]


def test_equals_override_is_used_by_eq(s: Session) -> None:
    assert s.text("class E { [int]$V; E([int]$v) { $this.V = $v }\n"
                  " [bool] Equals([object]$o) { return $o.V -eq $this.V } }\n"
                  "[E]::new(1) -eq [E]::new(1); [E]::new(1) -eq [E]::new(2)") == ["True", "False"]


def test_break_in_a_method_leaves_only_its_loop(s: Session) -> None:
    assert s.run("class L { static [int] F() { foreach ($i in 101..103) { break }; return $i } }; [L]::F()") == [101]


def test_a_script_error_in_a_method_keeps_its_id(s: Session) -> None:
    assert s.text("class T { static [void] F() { throw 'boom' } }; try { [T]::F() } catch { "
                  "$_.FullyQualifiedErrorId }") == ["boom"]


def test_new_object_creates_instances(s: Session) -> None:
    assert s.text(POINT + "(New-Object Point 3, 4).Sum()") == ["7"]


def test_validation_attributes_check_assignments(s: Session) -> None:
    script = ("class V { [ValidateRange(1, 5)][int]$N = 1; [ValidateSet('a', 'b')][string]$S = 'a'; [Parameter()]$P }\n"
              "$v = [V]::new(); $v.N = 3; $v.N\n")
    assert s.text(script + "try { $v.N = 7 } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.GetType().Name;"
                  " $_.Exception.Message }") == [
        "3", "ExceptionWhenSetting", "ValidationMetadataException",
        'Exception setting "N": "The 7 argument is greater than the maximum allowed range of 5. Supply an argument '
        'that is less than or equal to 5 and then try the command again."']


def test_a_class_deriving_from_exception_is_thrown_and_caught(s: Session) -> None:
    assert s.text("class MyError : System.Exception { [int]$Code\n"
                  " MyError([string]$m, [int]$c) : base($m) { $this.Code = $c } }\n"
                  "try { throw [MyError]::new('bad', 7) } catch [MyError] { $_.Exception.Message; $_.Exception.Code }\n"
                  "[MyError]::new('x', 1) -is [System.Exception]") == ["bad", "7", "True"]


def test_compare_to_orders_instances(s: Session) -> None:
    assert s.text("class N : System.IComparable { [int]$V; N([int]$v) { $this.V = $v }\n"
                  " [int] CompareTo([object]$o) { return $this.V - $o.V } [string] ToString() { return 'n' + $this.V } }\n"
                  "[N]::new(2) -lt [N]::new(10); ([N]::new(10), [N]::new(9), [N]::new(2) | Sort-Object) -join ','"
                  ) == ["True", "n2,n9,n10"]


def test_an_error_in_a_method_or_a_function_it_calls_ends_the_method(s: Session) -> None:
    assert s.text("$h = @{}; function Fail { 1/0 }; function Step { $h.a = 1; Fail; $h.a = 2 }\n"
                  "class M { static [void] Go() { $script:seen = 1; Step; $script:seen = 2 } }\n"
                  "try { [M]::Go() } catch { 'stopped' }; $seen; $h.a") == ["stopped", "1", "1"]


def test_a_failing_static_initializer_is_a_type_initialization_error(s: Session) -> None:
    assert s.text("class T { static [int]$A = 'zz' }\ntry { [T]::A } catch { $_.Exception.GetType().FullName; "
                  "$_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }") == [
        "System.TypeInitializationException", "InvalidCastFromStringToInteger"]


def test_a_static_method_is_a_match_evaluator(s: Session) -> None:
    assert s.text("class R { static [string] Stars([System.Text.RegularExpressions.Match]$m) { return '*' * $m.Value.Length } }\n"
                  "'ID 0000123' -replace '\\b0+', [R]::Stars") == ["ID ****123"]


def test_an_instance_initializer_sees_this(s: Session) -> None:
    assert s.text("class A { [int]$X = 1; [int]$Y = $this.X + 1 }; [A]::new().Y") == ["2"]


def test_a_class_deriving_from_a_generic_list(s: Session) -> None:
    assert s.text("class Doubling : System.Collections.Generic.List[int] {\n"
                  " [void] Add([int]$v) { ([System.Collections.Generic.List[int]]$this).Add($v * 2) } }\n"
                  "$l = [Doubling]::new(); $l.Add(21); $l.Add('4'); $l.Count; $l[0] + $l[1]; "
                  "[Doubling].BaseType.Name") == ["2", "50", "List`1"]


def test_object_new_is_a_plain_object(s: Session) -> None:
    assert s.text("$o = [object]::new(); $o.GetType().FullName; try { $o.{.ctor}() } catch { $_.FullyQualifiedErrorId }"
                  ) == ["System.Object", "MethodNotFound"]


def test_return_inside_a_nested_statement_gives_the_method_its_value(s: Session) -> None:
    assert s.run("class T { [int] F() { $x = @(foreach ($i in 1..3) { if ($i -eq 2) { return $i } }); return 0 }\n"
                 " [int] G() { $null = $(return 7); return 1 } }\n[T]::new().F(); [T]::new().G()") == [2, 7]
