"""``class`` definitions parse into pwsh's shape (TypeDefinitionAst holding
PropertyMemberAst and FunctionMemberAst members, a constructor's
``: base(...)`` as its first statement), malformed ones give pwsh's parse
errors at pwsh's offsets, and pwsh's semantic checks of classes report
their ErrorIds."""

from __future__ import annotations

import importlib

import pytest

from pwshlike.language import ast as A
from pwshlike.language import parse_input


def _definition(text: str) -> A.TypeDefinitionAst:
    result = parse_input(text)
    assert result.errors == []
    statement = result.ast.end_block.statements[0]
    assert isinstance(statement, A.TypeDefinitionAst)
    return statement


def _errors(text: str) -> list[tuple[str, int]]:
    return [(e.error_id, e.extent.start_offset) for e in parse_input(text).errors]


def test_properties_with_types_qualifiers_and_initial_values() -> None:
    node = _definition("class C : System.Object, System.IDisposable {\n static hidden [int] $N = 3\n [string]$s; $u\n}")
    assert node.type_attributes == "Class"
    assert [b.type_name.full_name for b in node.base_types] == ["System.Object", "System.IDisposable"]
    n, s, u = node.members
    assert (n.name, n.property_type.type_name.full_name, n.is_static, n.is_hidden) == ("N", "int", True, True)
    assert n.initial_value.extent.text == "3"
    assert (s.name, s.extent.text, s.is_static) == ("s", "[string]$s;", False)
    assert (u.name, u.property_type) == ("u", None)
    assert all(m.parent is node for m in node.members)


def test_methods_and_constructors() -> None:
    node = _definition("class C {\n C() : base(1, 2) { }\n static [int] Twice([int]$a) { return $a * 2 }\n"
                       " hidden Go() { }\n}")
    ctor, twice, go = node.members
    assert isinstance(ctor, A.FunctionMemberAst) and ctor.is_constructor and not ctor.is_static
    first = ctor.body.end_block.statements[0].pipeline_elements[0].expression
    assert isinstance(first, A.BaseCtorInvokeMemberExpressionAst)
    assert first.extent.text == "base(1, 2)"
    assert [a.extent.text for a in first.arguments] == ["1", "2"]
    assert (twice.name, twice.is_static, twice.return_type.type_name.full_name) == ("Twice", True, "int")
    assert [p.name.name for p in twice.parameters] == ["a"]
    assert (go.is_hidden, go.return_type) == (True, None)


def test_a_constructor_without_base_call_gets_an_implicit_one() -> None:
    ctor = _definition("class C { C() { $x = 1 } }").members[0]
    first = ctor.body.end_block.statements[0].pipeline_elements[0].expression
    assert isinstance(first, A.BaseCtorInvokeMemberExpressionAst)
    assert first.arguments == [] and first.extent.text == ""


def test_keywords_are_method_names_in_a_class() -> None:
    node = _definition("class C { [void] Process() { } [void] Clean() { } }")
    assert [m.name for m in node.members] == ["Process", "Clean"]


@pytest.mark.parametrize("text, expected", [
    ("class A : {}", [("TypeNameExpected", 9)]),
    ("class A {}; class B : A, {}", [("TypeNameExpected", 24)]),
    ("class A { A($a){} } ; class B : A { foo() : base(1) {} }", [("MissingFunctionBody", 41)]),
    ("class A { static A() {} }; class B { static B() : base() {} }", [("MissingFunctionBody", 47)]),
    ("class A { A($a){} } ; class B : A { B() : bas {} }", [("MissingBaseCtorCall", 41)]),
    ("class A { A($a){} } ; class B : A { B() : base( {} }",
     [("MissingEndParenthesisInMethodCall", 50), ("MissingFunctionBody", 39)]),
    ("class A { A($a){} } ; class B : A { B() : base {} }",
     [("MissingMethodParameterList", 46), ("UnexpectedToken", 50)]),
    ("class A { [int] $x 5 }",
     [("MissingPropertyTerminator", 18), ("MissingEndCurlyBrace", 9), ("UnexpectedToken", 21)]),
    ("class A { static }", [("IncompleteMemberDefinition", 16)]),
    ("class", [("MissingNameAfterKeyword", 5)]),
])
def test_malformed_classes(text: str, expected: list[tuple[str, int]]) -> None:
    assert _errors(text) == expected


@pytest.mark.parametrize("body, error_id", [
    ("[int] $p; [string] $P", "MemberAlreadyDefined"),
    ("[int] F() { return 1 } [int] F() { return 2 }", "MemberAlreadyDefined"),
    ("[int] F() { if ($true) { return 1 } }", "MethodHasCodePathNotReturn"),
    ("[void] F() { return 1 }", "VoidMethodHasReturn"),
    ("[int] F() { return }", "NonVoidMethodMissingReturnValue"),
    ("static [int] F() { return $this.x }", "NonStaticMemberAccessInStaticMember"),
    ("static [int] $s = $this.x", "NonStaticMemberAccessInStaticMember"),
    ("[void] F() { while (1) { break nowhere } }", "LabelNotFound"),
    ("[void] F() { param($a) }", "ParamBlockNotAllowedInMethod"),
    ("[void] F() { begin { } }", "NamedBlockNotAllowedInMethod"),
    ("[int] C() { }", "ConstructorCantHaveReturnType"),
])
def test_semantic_checks(body: str, error_id: str) -> None:
    importlib.import_module("pwshlike.runtime.script_classes")  # installs the type lookup TypeNotFound uses
    assert [e.error_id for e in parse_input("class C { " + body + " }").errors] == [error_id]


def test_methods_that_return_on_every_path_pass_the_checks() -> None:
    text = ("class C { [int] A([int]$x) { if ($x) { return 1 } else { return 2 } }\n"
            " [int] B() { try { return 1 } catch { throw } }\n [int] D() { while ($true) { } }\n"
            " [int] E() { $f = { return }; return 1 } }")
    assert parse_input(text).errors == []


def test_an_unknown_base_type_is_a_parse_error() -> None:
    importlib.import_module("pwshlike.runtime.script_classes")  # installs the type lookup TypeNotFound uses
    assert _errors("class A : NoSuchBase { }") == [("TypeNotFound", 10)]
    assert _errors("class A { [NoSuchType] $x }") == []


def test_two_blocks_may_each_define_a_class_of_one_name() -> None:
    assert parse_input("& { class C { } }; & { class C { } }").errors == []
    assert [e.error_id for e in parse_input("class C { }; class C { }").errors] == ["MemberAlreadyDefined"]


@pytest.mark.parametrize("text, expected", [
    ("using namespace Foo = System", [("UsingStatementNotSupported", 0)]),
    ("using namespace ''", [("InvalidNamespaceValue", 16)]),
    ("using namespace ']System'", [("InvalidNamespaceValue", 16)]),
    ("using namespace System.Text", []),
    ("using module @{ Foo = 'Foo' }", [("RequiresModuleInvalid", 13)]),
    ("using module fo*", [("WildCardModuleNameError", 13)]),
    ("using module @{ModuleName = 'Fo*'; RequiredVersion = '1.0'}", [("WildCardModuleNameError", 13)]),
    ("using module @{ModuleName = 'M'; RequiredVersion = 1. }", [("RequiresModuleInvalid", 13)]),
    ("using module @{ModuleName = 'M'; ModuleVersion = '1.0' }", []),
    ("using module ,M", [("MissingUsingItemName", 12)]),
    ("using module; $x = 1", [("MissingUsingItemName", 12)]),
    ("using module )", [("InvalidValueForUsingItemName", 13)]),
    ("using module 123", [("InvalidValueForUsingItemName", 13)]),
])
def test_using_statements(text: str, expected: list[tuple[str, int]]) -> None:
    assert _errors(text) == expected
