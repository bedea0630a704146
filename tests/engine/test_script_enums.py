"""Script ``enum`` definitions behave as pwsh 7.4's: values continue from the
last explicit one, [Flags] enums combine and print as ``A, B``, an underlying
type bounds the values, names convert case-insensitively, the type exists as
soon as the script is compiled, and pwsh's semantic errors carry its ErrorIds."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session

COLOR = "enum Color { Red; Green = 5; Blue }\n"
PERM = "[Flags()] enum Perm { Read = 1; Write = 2; Exec = 4 }\n"


@pytest.fixture
def s() -> Session:
    return Session()


def test_values_continue_from_the_last_explicit_one(s: Session) -> None:
    assert s.run(COLOR + "[int][Color]::Red; [int][Color]::Green; [Color]::Blue.value__") == [0, 5, 6]


def test_members_print_their_names_and_convert_from_text(s: Session) -> None:
    assert s.text(COLOR + "[Color]::Blue; [Color]'green'; [Color]5; [Color]::Red -eq 'RED'") == [
        "Blue", "Green", "Green", "True"]


def test_type_identity(s: Session) -> None:
    assert s.text(COLOR + "[Color]::Red -is [Color]; [Color]::Red -is [enum]; [Color]::Red.GetType().Name; "
                  "[Color]::Red -is [int]") == ["True", "True", "Color", "False"]


def test_enum_statics(s: Session) -> None:
    assert s.text(COLOR + "[enum]::GetNames([Color]) -join ','; ([enum]::GetValues([Color]) | % { [int]$_ }) -join ','"
                  ) == ["Red,Green,Blue", "0,5,6"]


def test_flags_combine_and_format(s: Session) -> None:
    assert s.text(PERM + "[Perm]'Read, Write'; [Perm]6; [Perm]::Write -bor [Perm]::Exec; "
                  "[int]([Perm]7 -band [Perm]::Write); [Perm]::Read.HasFlag([Perm]::Read)") == [
        "Read, Write", "Write, Exec", "Write, Exec", "2", "True"]


def test_a_bad_name_fails_as_for_a_built_in_enum(s: Session) -> None:
    script = COLOR + "try { [Color]'purple' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }"
    assert s.text(script) == ["InvalidCastFromStringToEnum", (
        'Cannot convert value "purple" to type "Color". Error: "Unable to match the identifier name purple '
        'to a valid enumerator name. Specify one of the following enumerator names and try again:\n'
        'Red, Green, Blue"')]


def test_type_exists_before_the_statement_runs(s: Session) -> None:
    assert s.text("[Color]::Green\n" + COLOR) == ["Green"]


def test_enums_nested_anywhere_in_the_script_are_defined_before_it_runs(s: Session) -> None:
    script = ("[H]::Q.value__\nfunction f { enum H { Q = 7 }; [H]::Q }\n"
              "$outside = [H]::Q; $inside = f; $inside -is $outside.GetType()\n"
              "$never = { enum Inner { Z = 3 } }; [Inner]::Z.value__")
    assert s.text(script) == ["7", "True", "3"]


def test_initializers_are_constant_expressions(s: Session) -> None:
    script = ("enum E4 { e0 = [E5]::e0 + 2 }\nenum E5 { e0 =38 }\n"
              "enum V { A = -4; B = [int]::MinValue; C; D = 1 -shl 4; F = [int]::MaxValue; G = 1 }\n"
              "[E4]::e0.value__; [V]::C.value__; [V]::D.value__; [V]::G.value__")
    assert s.run(script) == [40, -2147483647, 16, 1]


def test_underlying_type_bounds_values(s: Session) -> None:
    assert s.text("enum Small : byte { A; B = 255 }\n[Small]::B; [int][Small]::A") == ["B", "0"]


def test_underlying_type_is_reported(s: Session) -> None:
    script = ("enum B : byte { A }; enum U : ulong { A }; enum I { A }\n"
              "[enum]::GetUnderlyingType([B]) -eq [byte]; [enum]::GetUnderlyingType([U]).FullName; "
              "[enum]::GetUnderlyingType([I]).FullName")
    assert s.text(script) == ["True", "System.UInt64", "System.Int32"]


def test_fractional_initializers_round_half_to_even(s: Session) -> None:
    assert s.run("enum R { A = 2.5; B = 3.5; C = 1.4; D = 5.5d }\n"
                 "[R]::A.value__; [R]::B.value__; [R]::C.value__; [R]::D.value__") == [2, 4, 1, 6]


def test_value_has_the_underlying_type(s: Session) -> None:
    assert s.text("enum B : byte { A = 7 }; enum L : long { A }\n"
                  "[B]::A.value__.GetType().Name; [B]::A.value__; [L]::A.value__.GetType().Name; "
                  "[DayOfWeek]::Friday.value__.GetType().Name") == ["Byte", "7", "Int64", "Int32"]


@pytest.mark.parametrize("script, error_id, message", [
    ("enum foo { x; X }", "MemberAlreadyDefined", "The member 'X' is already defined."),
    ("enum foo { e = [int]::MaxValue;  e2 }", "EnumeratorValueOutOfBounds",
     "Enumerator value is out of range for the underlying type 'System.Int32'."),
    ("enum foo { e = [int]::MaxValue + 1 }", "EnumeratorValueOutOfBounds",
     "Enumerator value is out of range for the underlying type 'System.Int32'."),
    ("enum foo : byte { e = -1 }", "EnumeratorValueOutOfBounds",
     "Enumerator value is out of range for the underlying type 'System.Byte'."),
    ("enum foo { e = `$foo }", "EnumeratorValueMustBeConstant", "Enumerator value must be a constant value."),
    ("enum foo { e = 'hello' }", "CannotConvertValue", 'Cannot convert value "hello" to type "System.Int32".'),
    ("enum foo : string { a }", "InvalidUnderlyingType",
     "'string' is not a valid underlying type for an enum; use byte, sbyte, short, ushort, int, uint, long or ulong."),
    ("enum foo1 { x = [foo2]::x }; enum foo2 { x = [foo1]::x }", "CycleInEnumInitializers",
     "A cycle was found in the initializers of the enum members."),
])
def test_semantic_errors_are_parse_errors(s: Session, script: str, error_id: str, message: str) -> None:
    wrapped = (f"try {{ & ([scriptblock]::Create(\"{script}\")) }} catch {{ $_.FullyQualifiedErrorId; "
               "$_.Exception.GetType().FullName; $_.Exception.Message }")
    assert s.text(wrapped) == [error_id, "System.Management.Automation.ParseException", message]


def test_nothing_runs_when_the_definition_is_bad(s: Session) -> None:
    assert s.text("try { & ([scriptblock]::Create(\"'ran'; enum foo { a; a }\")) } catch { 'caught' }") == [
        "caught"]


def test_ast_api_shape(s: Session) -> None:
    script = ("$t = { [Flags()] enum P : byte { A = 1; B } }.Ast.EndBlock.Statements[0]\n"
              "$t.GetType().Name; $t.Name; $t.TypeAttributes; $t.IsEnum; $t.BaseTypes[0].TypeName.Name; "
              "$t.Attributes[0].TypeName.Name; ($t.Members | % Name) -join ','; $t.Members[0].InitialValue.Value")
    assert s.text(script) == ["TypeDefinitionAst", "P", "Enum", "True", "byte", "Flags", "A,B", "1"]
