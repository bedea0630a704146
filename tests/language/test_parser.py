"""The AST the parser builds for each construct (rendered by astdump.dump)."""

from __future__ import annotations

import decimal

import pytest

from pwshlike.language import ast as A
from pwshlike.language import parse_input
from pwshlike.language.numeric import TypedNumber

from .astdump import dump


def parse(src: str) -> str:
    result = parse_input(src)
    assert result.errors == [], [(e.error_id, e.message) for e in result.errors]
    return dump(result.ast)[1:-1]


def first(src: str) -> A.Ast:
    """The first statement of ``src``; for a one-element pipeline, its
    command (or expression)."""
    result = parse_input(src)
    assert result.errors == [], [(e.error_id, e.message) for e in result.errors]
    stmt = result.ast.end_block.statements[0]
    if type(stmt) is A.PipelineAst and len(stmt.pipeline_elements) == 1:
        element = stmt.pipeline_elements[0]
        if type(element) is A.CommandExpressionAst:
            return element.expression
        return element
    return stmt


CASES = [
    # pipelines and commands
    ("Get-ChildItem -Path C:\\ -Recurse | Select-Object -First 5",
     "(cmd Get-ChildItem -Path C:\\ -Recurse) | (cmd Select-Object -First 5)"),
    ("gps |\n  sort", "(cmd gps) | (cmd sort)"),
    ("gps\n| sort\n# comment\n  | select", "(cmd gps) | (cmd sort) | (cmd select)"),
    ("a && b || c", "(((cmd a) && (cmd b)) || (cmd c))"),
    ("Start-Job { 1 } &", "(cmd Start-Job {1}) &"),
    ("a && b &", "((cmd a) && (cmd b) &)"),
    ("& $cmd -x 1", "(cmd & $cmd -x 1)"),
    ("& 'C:/p q/app.exe' a", "(cmd & 'C:/p q/app.exe' a)"),
    (". ./lib.ps1", "(cmd . ./lib.ps1)"),
    (". $PSScriptRoot/lib.ps1", "(cmd . (expand $PSScriptRoot '/lib.ps1'))"),
    ("cmd -Name:value -Switch:$false -List a,b,c", "(cmd cmd -Name:value -Switch:$false -List (, a b c))"),
    ("cmd a,b c", "(cmd cmd (, a b) c)"),
    ("cmd @params @args", "(cmd cmd @params @args)"),
    ("cmd -- -notAParam --", "(cmd cmd -- -notAParam --)"),
    ("cmd --% /c dir $x | more", "(cmd cmd (verbatim '/c dir $x ')) | (cmd more)"),
    ("cmd $x.Prop (1 + 2).Count $a[0]",
     "(cmd cmd ($x.Prop) ((paren (1 + 2)).Count) ($a[0]))"),
    ("cmd foo$bar 'q'", "(cmd cmd (expand 'foo' $bar) 'q')"),
    ("cmd -5 7z 1kb", "(cmd cmd -5 7z 1024)"),
    ("cmd > out.txt 2>&1 3>> $log", "(cmd cmd (output> out.txt) (error>&output) (warning>> $log))"),
    ("cmd *> $null", "(cmd cmd (all> $null))"),
    ("1..5 > nums.txt", "(1 .. 5) (output> nums.txt)"),
    # assignments
    ("$x = 5", "($x = 5)"),
    ("$a, $b = 1, 2", "((, $a $b) = (, 1 2))"),
    ("$a = $b = 3", "($a = ($b = 3))"),
    ("$x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2; $x ??= 7",
     "($x += 1) ($x -= 1) ($x *= 2) ($x /= 2) ($x %= 2) ($x ??= 7)"),
    ("[int]$x = '5'", "(([int]$x) = '5')"),
    ("$h.Key = 1; $a[0] = 2; $script:y = 3", "(($h.Key) = 1) (($a[0]) = 2) ($script:y = 3)"),
    ("$x = Get-Date", "($x = (cmd Get-Date))"),
    ("$x = if ($a) { 1 } else { 2 }", "($x = (if $a {1} else {2}))"),
    ("$x =\n  5", "($x = 5)"),
    # if / switch / loops
    ("if ($a) { 1 } elseif ($b) { 2 } else { 3 }", "(if $a {1} $b {2} else {3})"),
    ("if ($a)\n{\n 1\n}\nelse\n{\n 2\n}", "(if $a {1} else {2})"),
    ("if ($a) { 1 }\n$b", "(if $a {1}) $b"),
    ("switch ($v) { 'a' {1} 'b' {2} }", "(switch $v 'a' {1} 'b' {2})"),
    ("switch -Wildcard -CaseSensitive ($v) { 'a*' { 1 } default { 2 } }",
     "(switch -casesensitive -wildcard $v 'a*' {1} default {2})"),
    ("switch -regex -exact ($v) { x {1} }", "(switch -exact $v x {1})"),
    ("switch -File $path { 5 { 'five' } { $_ -gt 5 } { 'big' } }",
     "(switch -file $path 5 {'five'} {($_ -gt 5)} {'big'})"),
    ("switch ($a, $b) {\n  1 { 'one'; break }\n  2 { continue }\n}",
     "(switch (, $a $b) 1 {'one' (break)} 2 {(continue)})"),
    ("foreach ($i in 1..3) { $i }", "(foreach $i in (1 .. 3) {$i})"),
    ("for ($i = 0; $i -lt 10; $i++) { $i }", "(for ($i = 0); ($i -lt 10); ($i++) {$i})"),
    ("for (;;) { break }", "(for None; None; None {(break)})"),
    ("while ($true) { continue }", "(while $true {(continue)})"),
    ("do { $i++ } while ($i -lt 3)", "(do-while ($i -lt 3) {($i++)})"),
    ("do { $i++ } until ($i -ge 3)", "(do-until ($i -ge 3) {($i++)})"),
    (":outer foreach ($a in $b) { foreach ($c in $d) { break outer } }",
     "(:outer foreach $a in $b {(foreach $c in $d {(break outer)})})"),
    (":lbl while (1) { continue lbl }", "(:lbl while 1 {(continue lbl)})"),
    ("return; return 5; exit 3; throw 'bad'; throw",
     "(return) (return 5) (exit 3) (throw 'bad') (throw)"),
    ("break; continue", "(break) (continue)"),
    # try / trap
    ("try { 1 } catch { 2 }", "(try {1} catch {2})"),
    ("try { 1 } catch [System.IO.IOException], [System.UnauthorizedAccessException] { 2 } "
     "catch { 3 } finally { 4 }",
     "(try {1} catch[System.IO.IOException][System.UnauthorizedAccessException] {2} "
     "catch {3} finally {4})"),
    ("try { 1 } finally { 2 }", "(try {1} finally {2})"),
    ("trap { continue }\n1", "(trap {(continue)}) 1"),
    ("trap [System.Exception] { 'caught' }", "(trap[System.Exception] {'caught'})"),
    # functions
    ("function f { 1 }", "(function f {1})"),
    ("function Get-Foo($a, [int]$b = 2) { $a }", "(function Get-Foo($a, [int]$b=2) {$a})"),
    ("filter Double { $_ * 2 }", "(filter Double {($_ * 2)})"),
    ("function f { param($a) begin { 1 } process { $_ } end { 2 } }",
     "(function f {(param $a) (begin 1) (process $_) (end 2)})"),
    ("function f { dynamicparam { 1 } clean { 2 } }",
     "(function f {(dynamicparam 1) (clean 2)})"),
    ("function global:f { }", "(function global:f {})"),
    ("function f {\n  [CmdletBinding(SupportsShouldProcess)]\n  [OutputType([string])]\n"
     "  param(\n    [Parameter(Mandatory, Position = 0, ValueFromPipeline = $true)]\n"
     "    [ValidateSet('a', 'b')]\n    [Alias('n')]\n    [string] $Name,\n"
     "    [ValidateScript({ $_ -gt 0 })] [int] $Count\n  )\n  $Name\n}",
     "(function f {(param [CmdletBinding(SupportsShouldProcess)][OutputType([string])]"
     "[Parameter(Mandatory, Position=0, ValueFromPipeline=$true)][ValidateSet('a', 'b')]"
     "[Alias('n')][string]$Name [ValidateScript({($_ -gt 0)})][int]$Count) $Name})"),
    ("param($a, $b)\n$a", "(param $a $b) $a"),
    ("[CmdletBinding()]\nparam([string]$x)", "(param [CmdletBinding()][string]$x) "),
    ("data { 'x' }", "(data None {'x'})"),
    ("data Messages -SupportedCommand ConvertFrom-StringData { 'x' }",
     "(data Messages {'x'})"),
]


@pytest.mark.parametrize("src, expected", CASES)
def test_statement_shapes(src, expected):
    assert parse(src) == expected


EXPRESSIONS = [
    # precedence (about_Operator_Precedence)
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("1, 2 + 3", "((, 1 2) + 3)"),
    ("1..3 + 4", "((1 .. 3) + 4)"),
    ("'{0}' -f 1 + 2", "(('{0}' -f 1) + 2)"),
    ("'{0}{1}' -f 1, 2", "('{0}{1}' -f (, 1 2))"),
    ("-1 * 2", "(-1 * 2)"),
    ("-$a * 2", "((- $a) * 2)"),
    ("$a -eq 1 -and $b -ne 2 -or $c", "((($a -eq 1) -and ($b -ne 2)) -or $c)"),
    ("$a -band 1 -eq 1", "($a -band ($a -eq 1))".replace("($a -eq 1)", "(1 -eq 1)")),
    ("$a ?? $b + 1", "($a ?? ($b + 1))"),
    ("$a ?? $b -eq $c", "(($a ?? $b) -eq $c)"),
    ("$a -shl 2 + 1", "($a -shl (2 + 1))"),
    ("-not $a -eq $b", "((-not $a) -eq $b)"),
    ("!$a", "(! $a)"),
    ("-bnot 5", "(-bnot 5)"),
    ("$a -is [string] -and $b -isnot [int]", "(($a -is [string]) -and ($b -isnot [int]))"),
    ("$x -as [int]", "($x -as [int])"),
    ("$a -cmatch 'x' -or $b -ilike 'y*'", "(($a -cmatch 'x') -or ($b -ilike 'y*'))"),
    ("$a -replace 'x', 'y'", "($a -replace (, 'x' 'y'))"),
    ("$a -split ','", "($a -split ',')"),
    ("-split 'a b'", "(-split 'a b')"),
    ("-join $list", "(-join $list)"),
    ("$list -join ', '", "($list -join ', ')"),
    ("1 -in $list -and $list -contains 1 -and 2 -notin $l",
     "(((1 -in $list) -and ($list -contains 1)) -and (2 -notin $l))"),
    ("$a -xor $b", "($a -xor $b)"),
    ("$a ? 1 : 2", "($a ? 1 : 2)"),
    ("$a ? $b ? 1 : 2 : 3", "($a ? ($b ? 1 : 2) : 3)"),
    ("$x -gt 5 ? 'big' : 'small'", "(($x -gt 5) ? 'big' : 'small')"),
    ("++$i", "(++ $i)"),
    ("$i--", "($i--)"),
    ("- 5", "(- 5)"),
    ("2 - -3", "(2 - -3)"),
    (",1", "(, 1)"),
    (",(1,2)", "(, (paren (, 1 2)))"),
    # casts and type literals
    ("[int]'5'", "([int]'5')"),
    ("[int][string]5", "([int]([string]5))"),
    ("[string[]]$x", "([string[]]$x)"),
    ("[int[,]]$x", "([int[,]]$x)"),
    ("[System.Collections.Generic.List[string]]::new()",
     "([System.Collections.Generic.List[string]]::new())"),
    ("[System.Collections.Generic.Dictionary[string, int]]::new()",
     "([System.Collections.Generic.Dictionary[string,int]]::new())"),
    ("[List[string][]]$x", "([List[string][]]$x)"),
    ("[int]", "[int]"),
    ("[int] -as [type]", "([int] -as [type])"),
    ("[math]::Pi", "([math]::Pi)"),
    ("[math]::Round(2.5, 0)", "([math]::Round(2.5, 0))"),
    ("[ordered]@{ a = 1 }", "([ordered]@{a=1})"),
    ("[ValidateNotNull()]$x", "([ValidateNotNull()]$x)"),
    ("[void]$list.Add(1)", "([void]($list.Add(1)))"),
    # member access, calls, indexing
    ("$x.Name", "($x.Name)"),
    ("$x.Name.Length", "(($x.Name).Length)"),
    ("$x.ToUpper()", "($x.ToUpper())"),
    ("$x.Substring(0, 3).ToLower()", "(($x.Substring(0, 3)).ToLower())"),
    ("$x.$prop", "($x.$prop)"),
    ("$x.'odd name'", "($x.'odd name')"),
    ("$x.($name)", "($x.(paren $name))"),
    ("$x?.Name", "($x?.Name)".replace("$x?.", "$x?.")),
    ("${x}?.Name", "($x?.Name)"),
    ("${x}?[0]", "($x?[0])"),
    ("$a[0]", "($a[0])"),
    ("$a[1..3]", "($a[(1 .. 3)])"),
    ("$a[-1]", "($a[-1])"),
    ("$a[0, 2]", "($a[(, 0 2)])"),
    ("$h['key'].Count", "(($h['key']).Count)"),
    ("$x.Where{ $_ }", "($x.Where({$_}))"),
    ("$x.\n  Trim()", "($x.Trim())"),
    ("$x::Static", "($x::Static)"),
    ("(Get-Date).Year", "((paren (cmd Get-Date)).Year)"),
    ("@(1, 2).Count", "(@((, 1 2)).Count)"),
    # values
    ("$(Get-Date; 1)", "$((cmd Get-Date) 1)"),
    ("@()", "@()"),
    ("@(1)", "@(1)"),
    ("@{}", "@{}"),
    ("@{ a = 1; 'b c' = 2\n  d = 3 }", "@{a=1; 'b c'=2; d=3}"),
    ("@{ 1 = 'one'; $k = 'v' }", "@{1='one'; $k='v'}"),
    ("{ param($a) $a }", "{(param $a) $a}"),
    ("{}", "{}"),
    ("'single'", "'single'"),
    ('"double"', "'double'"),
    ('"a $b c"', "(expand 'a ' $b ' c')"),
    ('"$a$b"', "(expand $a $b)"),
    ('"$($a.b)"', "(expand $(($a.b)))"),
    ('"$a.b"', "(expand $a '.b')"),
    ('"${a b}c"', "(expand $a b 'c')"),
    ('"$using:x"', "(expand (using $x))"),
    ("$using:x.Name", "(using ($x.Name))"),
    ("$env:PATH", "$env:PATH"),
    ("$global:x", "$global:x"),
    ("${c:\\file.txt}", "$c:\\file.txt"),
    ("$_; $?; $^; $$; $args", "$_ $? $^ $$ $args"),
    ("1kb", "1024"),
]


@pytest.mark.parametrize("src, expected", EXPRESSIONS)
def test_expression_shapes(src, expected):
    assert parse(src) == expected


def test_numbers_become_constants_with_literal_values():
    node = first("0x10")
    assert type(node) is A.ConstantExpressionAst and node.value == 16
    assert first("1.5d").value == decimal.Decimal("1.5")
    assert first("5l").value == TypedNumber(5, "Int64")


def test_typed_and_plain_integer_keys_are_duplicates():
    """pwsh compares constant keys by ``ToString()``: ``1L`` and ``1`` clash."""
    errors = parse_input("@{1L = 'a'; 1 = 'b'}").errors
    assert [(e.error_id, e.message) for e in errors] == [
        ("DuplicateKeyInHashLiteral", "Duplicate keys '1' are not allowed in hash literals.")]


def test_string_kinds():
    assert first("'a'").string_kind == "single"
    assert first('"a"').string_kind == "double"
    assert first("@'\na\n'@").string_kind == "single_here"
    assert first('@"\na\n"@').string_kind == "double_here"
    cmd = first("echo word")
    assert cmd.command_elements[1].string_kind == "bareword"


def test_expandable_string_parts():
    node = first('"Hi $name, you are $($age + 1)!"')
    assert type(node) is A.ExpandableStringExpressionAst
    assert node.value == "Hi $name, you are $($age + 1)!"
    assert node.parts[0] == "Hi " and node.parts[2] == ", you are " and node.parts[4] == "!"
    assert type(node.parts[1]) is A.VariableExpressionAst and node.parts[1].name == "name"
    assert type(node.parts[3]) is A.SubExpressionAst
    assert node.parts[3].extent.text == "$($age + 1)"


def test_expandable_string_escapes_in_parts():
    node = first('"`t$x`n"')
    assert node.parts == ["\t", node.parts[1], "\n"]


def test_variable_flags():
    node = first("${my var}")
    assert node.name == "my var" and node.braced and not node.splatted
    cmd = first("cmd @splat")
    assert cmd.command_elements[1].splatted


def test_command_element_kinds():
    cmd = first("Copy-Item -Path:$a -Force -- -x")
    names = [type(e).__name__ for e in cmd.command_elements]
    assert names == ["StringConstantExpressionAst", "CommandParameterAst", "CommandParameterAst",
                     "EndOfParametersAst", "StringConstantExpressionAst"]
    assert cmd.command_elements[1].parameter_name == "Path"
    assert cmd.command_elements[2].argument is None
    assert cmd.invocation_operator is None
    assert first("& f").invocation_operator == "&"
    assert first(". f").invocation_operator == "."


def test_switch_flags_and_clauses():
    node = first("switch -regex -casesensitive ($x) { 'a' { 1 } default { 2 } }")
    assert node.flags == frozenset({"regex", "casesensitive"})
    assert len(node.clauses) == 1 and node.default is not None
    assert type(node.condition) is A.PipelineAst


def test_named_blocks_and_filters():
    sb = first("{ begin { 1 } process { 2 } end { 3 } }").script_block
    assert [b.block_kind for b in (sb.begin_block, sb.process_block, sb.end_block)] == [
        "begin", "process", "end"]
    assert not sb.end_block.unnamed
    fn = first("filter f { $_ }")
    assert fn.is_filter and fn.body.is_filter
    assert fn.body.process_block.unnamed and fn.body.end_block is None
    fn = first("function f { $_ }")
    assert fn.body.end_block.unnamed and fn.body.end_block.block_kind == "end"


def test_attributes_and_parameters():
    fn = first("function f { param([Parameter(Mandatory, Position=0)][Alias('a')][string]$Name = "
               "'x') }")
    param = fn.body.param_block.parameters[0]
    attr, alias, constraint = param.attributes
    assert type(attr) is A.AttributeAst and attr.type_name.full_name == "Parameter"
    assert [(n.argument_name, n.expression_omitted) for n in attr.named_arguments] == [
        ("Mandatory", True), ("Position", False)]
    assert attr.named_arguments[0].argument.value is True
    assert alias.positional_arguments[0].value == "a"
    assert type(constraint) is A.TypeConstraintAst and constraint.type_name.name == "string"
    assert param.default_value.value == "x"


def test_type_names():
    tn = first("[System.Collections.Generic.Dictionary[string, int[]]]").type_name
    assert tn.name == "System.Collections.Generic.Dictionary"
    assert [a.full_name for a in tn.generic_arguments] == ["string", "int[]"]
    assert tn.generic_arguments[1].array_rank == 1
    assert tn.generic_arguments[1].element_type.name == "int"
    assert first("[int[,,]]").type_name.array_rank == 3


def test_using_statements():
    result = parse_input("using namespace System.Text\nusing module ./MyModule.psm1\n[StringBuilder]::new()")
    assert result.errors == []
    usings = result.ast.using_statements
    assert [(u.using_kind, u.name.value) for u in usings] == [("namespace", "System.Text"),
                                                            ("module", "./MyModule.psm1")]
    assert len(result.ast.end_block.statements) == 1


def test_data_statement():
    node = first("data Msgs -SupportedCommand ConvertFrom-StringData, Get-Thing { 'x' }")
    assert node.variable == "Msgs"
    assert [c.value for c in node.commands_allowed] == ["ConvertFrom-StringData", "Get-Thing"]


def test_script_block_param_block_and_script_level_param():
    result = parse_input("[CmdletBinding()]\nparam([int]$Count = 1)\n$Count")
    assert result.errors == []
    assert [p.name.name for p in result.ast.param_block.parameters] == ["Count"]
    assert result.ast.param_block.attributes[0].type_name.name == "CmdletBinding"


def test_parent_links_and_extents():
    src = "function f($a) {\n  if ($a -gt 1) { \"big $a\" } else { @{ k = $a[0] } }\n}"
    result = parse_input(src)
    assert result.errors == []
    root = result.ast
    assert root.parent is None
    assert (root.extent.start_offset, root.extent.end_offset) == (0, len(src))
    count = 0
    for node in root.walk():
        for child in node.children():
            count += 1
            assert child.parent is node
            assert node.extent.start_offset <= child.extent.start_offset
            assert child.extent.end_offset <= node.extent.end_offset
    assert count > 20
    fn = root.end_block.statements[0]
    if_stmt = fn.body.end_block.statements[0]
    assert if_stmt.extent.text.startswith("if ($a -gt 1)") and if_stmt.extent.text.endswith("}")
    assert if_stmt.extent.start_line == 2 and if_stmt.extent.start_column == 3


def test_pipeline_extents_cover_all_elements():
    stmt = parse_input("gps | where { $_ } | select -First 1 # c").ast.end_block.statements[0]
    assert stmt.extent.text == "gps | where { $_ } | select -First 1"


def test_statements_after_a_class_still_parse():
    result = parse_input("class Foo { [int]$x; Foo() { } }\n$y = 1")
    assert result.errors == []
    assert dump(result.ast.end_block.statements[-1]) == "($y = 1)"
