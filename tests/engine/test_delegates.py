"""Script blocks converted to delegate types: ``[System.Action]``,
``[Func[...]]``, and the open definitions a script finds through
``[object].Assembly.GetType('System.Action`2')`` and closes with
``MakeGenericType``.  ``Invoke``/``DynamicInvoke`` run the block with the
arguments; a Func converts the output to its return type."""

from __future__ import annotations

from helpers.session import Shell


def test_action_runs_the_block_with_no_arguments():
    shell = Shell()
    script = """
    $script:count = -1
    ([System.Action]{ $script:count = $args.Length }).Invoke()
    $script:count
    """
    assert shell.text(script) == ["0"]


def test_func_converts_its_output_to_the_return_type():
    shell = Shell()
    script = """
    $f = [System.Func[int]]{ '42' }
    $r = $f.Invoke()
    $r.GetType().Name
    $r
    ([Func[hashtable]]{ @{ a = 'foo' } }).Invoke().a
    """
    assert shell.text(script) == ["Int32", "42", "foo"]


def test_func_parameters_bind_to_param_block():
    shell = Shell()
    script = """
    $add = [Func[int, int, string]]{ param($a, $b) $a + $b }
    $add.Invoke(2, 3)
    $add.GetType().FullName
    """
    assert shell.text(script) == ["5", "System.Func`3[System.Int32,System.Int32,System.String]"]


def test_open_definition_from_the_assembly_and_dynamic_invoke():
    shell = Shell()
    script = """
    $open = [object].Assembly.GetType('System.Action`2')
    $open.FullName
    $closed = $open.MakeGenericType(@([int], [string]))
    $action = { $script:seen = $args -join '+' } -as $closed
    $action.DynamicInvoke(@(7, 'x'))
    $script:seen
    """
    assert shell.text(script) == ["System.Action`2", "7+x"]


def test_make_generic_type_on_a_closed_type_fails():
    shell = Shell()
    script = """
    try { [Func[int]].MakeGenericType(@([int])) } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert shell.text(script) == ["InvalidOperationException"]


def test_a_string_is_not_a_delegate():
    shell = Shell()
    assert shell.text("try { [System.Action]'x' } catch { $_.FullyQualifiedErrorId }") == [
        "ConvertToFinalInvalidCastException"]


def test_match_evaluator_delegate_replaces_each_match():
    shell = Shell()
    script = """
    $evaluator = { 'X' * $args[0].Value.Length } -as [System.Text.RegularExpressions.MatchEvaluator]
    'ID ABC123' -replace '\\b[A-C]+', $evaluator
    """
    assert shell.text(script) == ["ID XXX123"]
