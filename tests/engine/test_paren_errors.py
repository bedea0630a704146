"""A statement inside ( ) used as a value, or an assignment's pipeline,
has no error handling of its own, as pwsh compiles it: its failure ends
the enclosing statement, reported once.  A ( ) that is a whole statement
keeps its own handling."""

from __future__ import annotations

from helpers.session import Shell


def test_failing_argument_ends_the_command_before_it_is_looked_up():
    shell = Shell()
    assert shell.text("Write-Output (Get-NoSuchThing) 'x'; 'next'") == ["next"]
    assert shell.error_ids() == ["CommandNotFoundException"]


def test_label_before_if_reports_one_error():
    shell = Shell()
    assert shell.text(":foo if ( -eq 3) { 1 }; 'next'") == ["next"]
    assert shell.error_ids() == ["CommandNotFoundException"]


def test_failing_assignment_leaves_the_variable_unchanged():
    shell = Shell()
    assert shell.text("$x = 5; $x = Get-NoSuchThing; \"x=$x\"") == ["x=5"]
    assert shell.error_ids() == ["CommandNotFoundException"]


def test_a_trap_sees_the_failure_once_as_the_enclosing_statement():
    shell = Shell()
    out = shell.text("& { trap { \"trapped $($_.FullyQualifiedErrorId)\"; continue }; "
                     "Write-Output (Get-NoSuchThing) 'x'; 'after' }")
    assert out == ["trapped CommandNotFoundException", "after"]


def test_try_catches_it_with_the_original_error():
    assert Shell().text("try { $y = (Get-NoSuchThing).Name } catch { $_.FullyQualifiedErrorId }") == \
        ["CommandNotFoundException"]


def test_non_terminating_errors_inside_parens_still_let_the_command_run(tmp_path):
    shell = Shell()
    out = shell.text(f"Write-Output ('ran' + (Get-Item '{tmp_path}/missing' -ErrorAction SilentlyContinue));"
                     f"$v = Get-Item '{tmp_path}/missing' -ErrorAction SilentlyContinue; 'assigned'")
    assert out == ["ran", "assigned"]


def test_a_paren_statement_writes_its_output_before_the_failure():
    shell = Shell()
    out = shell.text("function bar { 1; throw 'two' }; try { (bar) } catch { \"caught $_\" }")
    assert out == ["1", "caught two"]


def test_a_paren_statement_without_output_writes_nothing():
    shell = Shell()
    assert shell.text("@(& { (Get-NoSuchThing) }).Count; @(& { (Get-ChildItem /no-such-dir-*) }).Count") == \
        ["0", "0"]
    assert shell.error_ids() == ["CommandNotFoundException"]


def test_a_paren_statement_unrolls_one_array_it_holds():
    assert Shell().text("$a = & { (Write-Output -NoEnumerate @(1, 2)) }; $a.Count; & { (1, 2 | ForEach-Object { $_ }) }") == \
        ["2", "1", "2"]
