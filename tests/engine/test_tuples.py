"""``[Tuple]::Create(...)``: Item1..Item7, indexed like an array
(negative indices, ranges) as pwsh indexes an ITuple, but one object in
a pipeline; the AST API hands out the same tuples (if clauses)."""

from __future__ import annotations

from helpers.session import Shell


def test_tuple_items_and_indexing():
    shell = Shell()
    script = """
    $t = [Tuple]::Create(10, 'Hello')
    $t[0]; $t[-1]; $t[0..1] -join '|'
    $t.Item1; $t.Item3 -eq $null
    "$t"; $t.GetType().Name
    @($t).Count
    """
    assert shell.text(script) == ["10", "Hello", "10|Hello", "10", "True", "(10, Hello)", "Tuple`2", "1"]


def test_create_takes_one_to_eight_items():
    shell = Shell()
    script = """
    [Tuple]::Create(1, 2, 3, 4, 5, 6, 7, 8)[7]
    try { [Tuple]::Create() } catch { $_.FullyQualifiedErrorId }
    """
    assert shell.text(script) == ["8", "MethodCountCouldNotFindBest"]


def test_ast_clauses_are_tuples():
    shell = Shell()
    script = "{ if ($a) { 1 } }.Ast.EndBlock.Statements[0].Clauses[0].Item1.Extent.Text"
    assert shell.text(script) == ["$a"]
