"""``enum`` definitions parse into pwsh's TypeDefinitionAst shape (name,
attributes, base types, one PropertyMemberAst per enumerator), and malformed
ones give pwsh's parse errors at pwsh's offsets (the cases of PowerShell's
enum tests that its parser itself reports)."""

from __future__ import annotations

import pytest

from pwshlike.language import ast as A
from pwshlike.language import parse_input


def _definition(text: str) -> A.TypeDefinitionAst:
    result = parse_input(text)
    assert result.errors == []
    statement = result.ast.end_block.statements[0]
    assert isinstance(statement, A.TypeDefinitionAst)
    return statement


def test_members_and_initial_values() -> None:
    node = _definition("enum Color { Red; Green = 5\n Blue }")
    assert node.name == "Color"
    assert node.type_attributes == "Enum"
    assert [m.name for m in node.members] == ["Red", "Green", "Blue"]
    assert [m.initial_value.extent.text if m.initial_value else None for m in node.members] == [None, "5", None]
    assert all(m.parent is node for m in node.members)
    assert node.extent.text == "enum Color { Red; Green = 5\n Blue }"


def test_attributes_and_underlying_type() -> None:
    node = _definition("[Flags()] enum Perm : byte {\n  Read = 1\n  Write = 2\n}")
    assert [a.type_name.full_name for a in node.attributes] == ["Flags"]
    assert [b.type_name.full_name for b in node.base_types] == ["byte"]
    assert node.extent.text.startswith("[Flags()] enum Perm")


def test_initializer_is_any_expression() -> None:
    node = _definition("enum E { A = [int]::MaxValue; B = 1 -shl 3 }")
    assert isinstance(node.members[0].initial_value, A.MemberExpressionAst)
    assert isinstance(node.members[1].initial_value, A.BinaryExpressionAst)


def test_empty_enum_and_names_that_are_keywords_elsewhere() -> None:
    assert _definition("enum Empty {}").members == []
    assert [m.name for m in _definition("enum K { begin; process; if }").members] == ["begin", "process", "if"]


@pytest.mark.parametrize("text, ids, offsets", [
    ("enum", ["MissingNameAfterKeyword"], [4]),
    ("enum foo", ["MissingTypeBody"], [8]),
    ("enum foo {", ["MissingEndCurlyBrace"], [10]),
    ("enum foo { x = }", ["ExpectedValueExpression"], [14]),
    ("enum foo {} enum foo {}", ["MemberAlreadyDefined"], [12]),
    ("enum foo { a;b;c;", ["MissingEndCurlyBrace"], [10]),
    ("enum foo : { a }", ["TypeNameExpected"], [10]),
])
def test_malformed_enums(text: str, ids: list[str], offsets: list[int]) -> None:
    errors = parse_input(text).errors
    assert [e.error_id for e in errors] == ids
    assert [e.extent.start_offset for e in errors] == offsets


def test_messages() -> None:
    assert parse_input("enum").errors[0].message == "Missing name after enum keyword."
    assert parse_input("enum E {} enum e {}").errors[0].message == "The member 'e' is already defined."


def test_a_class_is_a_type_definition_too() -> None:
    result = parse_input("class C { }")
    assert result.errors == []
    assert result.ast.end_block.statements[0].type_attributes == "Class"
