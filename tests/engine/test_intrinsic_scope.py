"""The ``.ForEach{}`` and ``.Where{}`` intrinsics run their block as pwsh's
MiscOps does (InvokeWithPipeImpl with createLocalScope false): dotted into
the caller's current scope, so variables the block sets stay, while ``$_``,
``$args`` and the block's parameters are the call's own and the caller's
come back afterwards; ForEach runs begin once, process (or end) per item and
end once with ``$_`` the last item, and refuses a clean block; Where runs a
block of one clause per item."""

from __future__ import annotations

import pytest

from helpers.session import Shell


@pytest.fixture
def shell() -> Shell:
    return Shell()


def test_variables_the_block_sets_stay_in_the_callers_scope(shell):
    assert shell.text("$y = 'old'; (1..3).ForEach({ $y = $_ }); $y") == ["3"]
    assert shell.text("$n = 0; (1..3).ForEach({ $n++ }); $n") == ["3"]
    assert shell.text("$m = 0; $null = (1..3).Where({ $m++; $_ -gt 1 }); $m") == ["3"]
    assert shell.text("function f { $z = 1; $null = (1..3).ForEach({ $z += $_ }); \"z=$z\" }; f; \"[$z]\"") \
        == ["z=7", "[]"]
    assert shell.text("$acc = @(); (1..3).Where({ $acc += $_; $true }, 'First'); $acc") == ["1", "1"]


def test_dollar_underbar_args_and_parameters_are_put_back(shell):
    assert shell.text("$_ = 'outer'; (1..2).ForEach({ $_ * 2 }); $_; (1..2).Where({ $_ }) | Out-Null; $_") \
        == ["2", "4", "outer", "outer"]
    assert shell.text("$x = 'old'; (1..2).ForEach({ param($x) \"$x $_ [$args]\" }, 5, 6); $x") \
        == ["5 1 [6]", "5 2 [6]", "old"]
    assert shell.text("(1..2).ForEach({ param($p = 'd') \"$p $_\" }); \"[$p]\"") == ["d 1", "d 2", "[]"]
    assert shell.text("(1..2).ForEach({ \"$_ [$args]\" }, 'y'); \"after [$args]\"") \
        == ["1 [y]", "2 [y]", "after []"]
    assert shell.text("function g { (1..2).ForEach({ \"[$args] $_\" }); \"g [$args]\" }; g a b") \
        == ["[] 1", "[] 2", "g [a b]"]


def test_return_break_and_continue(shell):
    assert shell.text("(1..4).ForEach({ if ($_ -eq 2) { return }; $_ }); (1..4).Where({ return $_ % 2 })") \
        == ["1", "3", "4", "1", "3"]
    # break leaves the enclosing loop; what the intrinsic had collected is not written.
    assert shell.text("foreach ($i in 1..2) { (1..3).ForEach({ if ($_ -eq 2) { break }; \"b $i $_\" }) }; 'after'") \
        == ["after"]
    assert shell.text("$k = 0; foreach ($i in 1..2) { (1..3).ForEach({ $k++; if ($_ -eq 2) { continue } }) }; $k") \
        == ["4"]


def test_foreach_runs_begin_once_process_per_item_and_end_once(shell):
    assert shell.text("(1..3).ForEach({ begin { 'B' } process { \"P$_\" } end { \"E$_\" } })") \
        == ["B", "P1", "P2", "P3", "E3"]
    assert shell.text("(1..2).ForEach({ begin { $s = 10 } end { $s += $_ } }); $s") == ["13"]
    assert shell.text("@().ForEach({ begin { 'B' } process { \"P$_\" } end { \"E[$_]\" } })") == ["B", "E[]"]
    assert shell.text("(1..2).ForEach({ begin { \"B[$_]\" } process { $_ } })") == ["B[]", "1", "2"]


def test_clean_and_several_clauses_are_refused(shell):
    shell.run("(1..3).ForEach({ clean { 'c' } })")
    assert str(shell.errors()[-1]) == "Script block with a 'clean' block is not supported by the 'ForEach' method."
    shell.run("(1..3).Where({ begin { 1 } process { $_ } })")
    assert shell.error_ids()[-1] == "ScriptBlockInvokeOnOneClauseOnly"
    assert shell.text("(1..4).Where({ process { $_ -gt 2 } }); (1..4).Where({ end { $_ -lt 2 } })") == ["3", "4", "1"]


def test_a_block_from_another_session_state_runs_there(shell):
    assert shell.text("New-Module -Name intrinsicmod { $x = 'mod'; function mk { { $x = \"set $_\" } } } | "
                      "Import-Module; $x = 'glob'; $null = (1..2).ForEach((mk)); $x") == ["glob"]
