"""Statements: if, loops, labels, switch, functions, filters, return, exit."""

from __future__ import annotations


def test_if_elseif_else(run):
    script = """
    foreach ($n in 1, 5, 10) {
        if ($n -lt 3) { 'small' } elseif ($n -lt 8) { 'medium' } else { 'large' }
    }
    """
    assert run(script) == ["small", "medium", "large"]


def test_if_as_assignment_value(run):
    assert run("$r = if ($true) { 'a'; 'b' }; $r.Count") == [2]


def test_foreach_over_scalars_null_and_collections(run):
    assert run("foreach ($x in $null) { 'never' }") == []
    assert run("foreach ($x in 'abc') { $x }") == ["abc"]
    assert run("foreach ($x in @{a=1}) { $x.a }") == [1]
    assert run("$r = foreach ($i in 1..3) { $i * $i }; $r") == [1, 4, 9]


def test_foreach_range_is_lazy(run):
    assert run("foreach ($i in 1..1000000000) { if ($i -eq 3) { break }; $i }") == [1, 2]


def test_for_while_do_loops(run):
    assert run("for ($i = 0; $i -lt 3; $i++) { $i }") == [0, 1, 2]
    assert run("$i = 0; while ($i -lt 3) { $i; $i++ }") == [0, 1, 2]
    assert run("$i = 5; do { $i; $i++ } while ($i -lt 3)") == [5]
    assert run("$i = 0; do { $i; $i++ } until ($i -ge 2)") == [0, 1]


def test_break_and_continue(run):
    assert run("foreach ($i in 1..5) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }") == [1, 3]
    assert run("for ($i = 0; $i -lt 5; $i++) { if ($i % 2) { continue }; $i }") == [0, 2, 4]


def test_labelled_break_and_continue(run):
    script = """
    :outer foreach ($i in 1..3) {
        foreach ($j in 1..3) {
            if ($j -eq 2) { continue outer }
            if ($i -eq 3) { break outer }
            "$i$j"
        }
    }
    'done'
    """
    assert run(script) == ["11", "21", "done"]


def test_break_inside_function_stops_callers_loop(run):
    assert run("function Stop-It { break }; foreach ($i in 1..3) { $i; Stop-It }; 'after'") == [1, "after"]


def test_switch_basic_and_default(run):
    script = """
    foreach ($v in 1, 'b', 3) {
        switch ($v) { 1 { 'one' } 'B' { 'bee' } default { "other $_" } }
    }
    """
    assert run(script) == ["one", "bee", "other 3"]


def test_switch_multiple_matches_break_and_continue(run):
    assert run("switch (5) { 5 { 'a' } 5 { 'b' } }") == ["a", "b"]
    assert run("switch (5) { 5 { 'a'; break } 5 { 'b' } }") == ["a"]
    assert run("switch (1, 2, 3) { 2 { continue } default { $_ } }") == [1, 3]
    assert run("switch (1, 2, 3) { 2 { break } default { $_ } }") == [1]


def test_switch_flags(run):
    assert run("switch -Wildcard ('foo.txt') { '*.txt' { 'text' } '*.ps1' { 'script' } }") == ["text"]
    assert run("switch -Regex ('abc123') { '^\\d+$' { 'num' } '(\\d+)' { $Matches[1] } }") == ["123"]
    assert run("switch -CaseSensitive ('A') { 'a' { 'lower' } 'A' { 'upper' } }") == ["upper"]
    assert run("switch -Exact ('a*') { 'a*' { 'exact' } 'ab' { 'no' } }") == ["exact"]


def test_switch_script_block_condition_and_null(run):
    assert run("switch (7) { { $_ -gt 5 } { 'big' } { $_ -gt 100 } { 'huge' } }") == ["big"]
    assert run("switch ($null) { $null { 'null' } }") == ["null"]
    assert run("switch (@()) { default { 'x' } }") == []


def test_switch_file(run, tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("alpha\nbeta\n")
    assert run(f"switch -File '{path}' {{ 'beta' {{ 'found' }} default {{ $_.ToUpper() }} }}") == ["ALPHA", "found"]


def test_function_return_and_output(run):
    script = """
    function f { 'first'; return 'second'; 'never' }
    f
    function g($n) { if ($n -gt 0) { return $n } ; 'none' }
    g 3; g 0
    """
    assert run(script) == ["first", "second", 3, "none"]


def test_filter_and_pipeline_input(run):
    script = """
    filter Double { $_ * 2 }
    1, 2, 3 | Double
    function Sum { $t = 0; foreach ($x in $input) { $t += $x }; $t }
    1, 2, 3 | Sum
    function P { begin { 'b' } process { "p$_" } end { 'e' } }
    1, 2 | P
    """
    assert run(script) == [2, 4, 6, 6, "b", "p1", "p2", "e"]


def test_function_named_parameters_and_switch(run):
    script = """
    function f($a, $b) { "$a-$b" }
    f -b 2 -a 1
    f 1 2
    """
    assert run(script) == ["1-2", "1-2"]


def test_recursion(run):
    assert run("function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }; fact 10") == [3628800]


def test_deep_recursion_hits_call_depth_limit(session):
    session.run("function down($n) { down ($n + 1) }; down 0; 'after'")
    assert session.result.error is not None or session.errors()
    assert any("call depth overflow" in e for e in session.errors())


def test_exit_code(session):
    session.run("'a'; exit 3; 'b'")
    assert session.result.exit_code == 3
    assert session.run("exit") == []
    assert session.result.exit_code == 0


def test_exit_in_script_file_invoked_with_ampersand(session, tmp_path):
    path = tmp_path / "child.ps1"
    path.write_text("'child'; exit 4; 'never'")
    from pwshlike.runtime.run import parse_script
    from pwshlike.runtime.scriptblock import ScriptBlock, ScriptBlockCode
    block = ScriptBlock(ScriptBlockCode(parse_script(path.read_text(), str(path))), session.ctx, is_script=True)
    session.ctx.set_variable_value("child", block)
    assert session.run("& $child; \"code $LASTEXITCODE\"") == ["child", "code 4"]
    assert session.result.exit_code is None


def test_data_section(run):
    assert run("data d { 'x'; 'y' }; $d.Count") == [2]


def test_input_in_process_block_is_current_object(run):
    assert run("function f { process { \"<$input>\" } }; 'a', 'b' | f") == ["<a>", "<b>"]
    assert run("function g { process { @($input).Count; @($input).Count } }; 'a' | g") == [1, 0]


def test_trap_inside_function(run):
    assert run("function f { trap { 'T'; continue }; 1/0; 'after' }; f") == ["T", "after"]
