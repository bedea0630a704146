"""``.Method[T1, T2](args)``: type arguments right after a member name and
followed at once by ``(`` make a generic method call; otherwise the ``[``
starts an index, as before."""

from __future__ import annotations

from pwshlike.language import ast as A, parse_input


def _expression(text: str):
    ast, _, errors = parse_input(text)
    assert errors == []
    return ast.end_block.statements[0].pipeline_elements[0].expression


def test_static_generic_call():
    node = _expression("[Array]::Empty[int]()")
    assert isinstance(node, A.InvokeMemberExpressionAst) and node.static
    assert node.member.value == "Empty"
    assert [t.full_name for t in node.generic_type_arguments] == ["int"]
    assert node.arguments == [] and node.extent.text == "[Array]::Empty[int]()"


def test_instance_generic_call_with_nested_and_array_types():
    node = _expression("$o.Convert[string, System.Collections.Generic.List[int], int[]]($a, 2)")
    assert isinstance(node, A.InvokeMemberExpressionAst) and not node.static
    assert [t.full_name for t in node.generic_type_arguments] == [
        "string", "System.Collections.Generic.List[int]", "int[]"]
    assert len(node.arguments) == 2


def test_plain_call_has_no_type_arguments():
    assert _expression("$o.Method(1)").generic_type_arguments is None


def test_index_on_a_property_stays_an_index():
    for text in ("$h.Items[0]", "$h.Items[$i]", "$h.Items['k']"):
        node = _expression(text)
        assert isinstance(node, A.IndexExpressionAst), text
        assert isinstance(node.target, A.MemberExpressionAst)


def test_bracketed_type_in_brackets_is_an_index_by_type():
    node = _expression("$h.Items[[int]]")
    assert isinstance(node, A.IndexExpressionAst)
    assert isinstance(node.index, A.TypeExpressionAst)
